/* Prozesshandbuch: runs a set-up function on every page the reader sees. Material's
 * instant loading swaps pages without a load event; its document$ says when a page is
 * there. The plugin lists its scripts by name, and this one's name sorts first, so the
 * others find window.phOnEveryPage defined. */
window.phOnEveryPage = function (setup) {
  "use strict";
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
};
