/* Prozesshandbuch: the "Drucken" button and the print header's date and address.
 * Loaded from a file (no inline script), so a strict Content-Security-Policy allows it.
 * Without script the page still prints; only the button and "gedruckt am" are missing. */
(function () {
  "use strict";

  function today() {
    var lang = document.documentElement.lang || "de";
    try {
      return new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date());
    } catch (error) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  function setup() {
    document.querySelectorAll("[data-ph-printed]").forEach(function (slot) {
      slot.textContent = today();
      var line = slot.closest(".ph-print-header__printed");
      if (line) line.hidden = false;
    });
    document.querySelectorAll("[data-ph-address]").forEach(function (slot) {
      slot.textContent = window.location.href.split("#")[0];
    });
    document.querySelectorAll(".ph-print-button").forEach(function (button) {
      button.hidden = false;
      if (!button.dataset.phBound) {
        button.dataset.phBound = "1";
        button.addEventListener("click", function () { window.print(); });
      }
    });
  }

  window.phOnEveryPage(setup);
})();
