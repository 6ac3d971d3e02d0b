/* Prozesshandbuch: the search index only for readers who search.
 *
 * Material requests search/search_index.json as soon as a page starts, parses it and
 * hands it to its search worker. With 5,000 processes that file is over 50 MB: every page
 * view parsed it and held about 100 MB in the tab, also for a reader who only wanted to
 * read the page. This script holds that one request back until the reader turns to the
 * search: the search box gets focus (a click, or Material's keys "/", "s", "f"), or the
 * address asks for a search or a highlight (?q=, ?h=). Then the request goes out as
 * Material made it; until it is answered Material shows its own "initialising" line.
 *
 * It must run before Material's bundle, which asks at once: theme/main.html loads it
 * first, and the plugin leaves it out of extra_javascript. search.js waits the same way
 * for its spelling words (window.phWhenSearchWanted).
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var waiting = [];
  var wanted = false;

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (call) { send.apply(call.request, call.args); });
    waiting.splice(0).forEach(function (callback) { callback(); });
  }

  window.phWhenSearchWanted = function (callback) {
    if (wanted) callback();
    else waiting.push(callback);
  };

  XMLHttpRequest.prototype.open = function (method, url) {
    this.phSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.phSearchIndex && !wanted) {
      held.push({ request: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-md-component=search-query]")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  });
  if (/[?&][qh]=/.test(window.location.search)) want();
})();
