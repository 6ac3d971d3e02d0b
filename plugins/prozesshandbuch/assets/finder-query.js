/* The finder's query travels in the address (?q=). Material's search also opens on ?q=,
   reading it while its bundle starts; so on the finder page this script runs first, from
   the head, and hands the query to finder.js instead. Loaded everywhere else as well,
   where it does nothing. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.hasAttribute("data-ph-finder-query")) return;
  var params = new URLSearchParams(window.location.search);
  if (!params.has("q")) return;
  window.phFinderQuery = params.get("q");
  params.delete("q");
  var search = params.toString();
  history.replaceState(
    history.state, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash
  );
})();
