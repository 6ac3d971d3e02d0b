/* Search that forgives typing, inside Material's own search. Material's search worker
   (lunr) only finds words as they are indexed. Before a query reaches the worker, each
   word that is one typo or an umlaut spelling away from a word of the handbook is
   replaced by that word ("Gewerbeanmeldnug" -> "Gewerbeanmeldung", "Fuhrerschein" ->
   "Führerschein"); the box keeps what was typed. The words come from
   search-words.json next to this file; nothing is loaded from another host. */
(function () {
  "use strict";

  var QUERY = 2;  // Material's SearchMessageType.QUERY
  var script = document.currentScript;
  var vocabulary = null;

  function load() {
    if (!script || !window.fetch) return;
    fetch(new URL("search-words.json", script.src).href)
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (words) {
        var known = {};
        words.forEach(function (word) {
          var folded = window.PhMatch.fold(word);
          if (!Object.prototype.hasOwnProperty.call(known, folded)) known[folded] = word;
        });
        vocabulary = known;
      })
      .catch(function () { vocabulary = null; });
  }

  /* Material talks to its worker only through postMessage; rewriting the query there
     leaves everything else (highlighting, keyboard, results) as Material made it. */
  var send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (vocabulary && message && message.type === QUERY && typeof message.data === "string") {
      var corrected = window.PhMatch.correct(message.data, vocabulary);
      if (corrected !== message.data) {
        message = { type: message.type, data: corrected };
        arguments[0] = message;
      }
    }
    return send.apply(this, arguments);
  };

  /* The words are wanted when the search is (search-on-demand.js); without that script
     (a site that replaced the theme's main.html) they load with the page. */
  if (typeof window.phWhenSearchWanted === "function") {
    window.phWhenSearchWanted(load);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load, { once: true });
  } else {
    load();
  }
})();
