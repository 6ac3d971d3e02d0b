/* "Wer ist zuständig?": filters the finder table as one types. Works with and without
   Material's instant navigation (document$ emits on every page load). */
(function () {
  function fold(text) {
    return text.toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  }

  function setUp() {
    var input = document.getElementById("ph-finder-input");
    if (!input || input.dataset.ready) return;
    input.dataset.ready = "1";
    var finder = input.closest(".ph-finder");
    var status = document.getElementById("ph-finder-status");
    var rows = Array.prototype.slice.call(finder.querySelectorAll("tbody tr"));
    function apply() {
      var words = fold(input.value.trim()).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search") || "";
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown === 0 ? finder.getAttribute("data-empty") : shown + " / " + rows.length;
    }
    input.addEventListener("input", apply);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { input.value = query; }
    apply();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
