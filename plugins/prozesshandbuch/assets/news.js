/* "Was ist neu": shows only the commits that concern the chosen unit or role. The list
   is complete without JavaScript; the filter appears only where it works. */
(function () {
  "use strict";

  function setUp() {
    var form = document.querySelector(".ph-news-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var commits = Array.prototype.slice.call(document.querySelectorAll(".ph-news-commit"));
    var status = document.getElementById("ph-news-status");

    function apply() {
      var shown = 0;
      commits.forEach(function (commit) {
        var match = selects.every(function (select) {
          if (!select.value) return true;
          var values = (commit.getAttribute("data-" + select.dataset.filter) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        commit.hidden = !match;
        if (match) shown += 1;
      });
      var filtered = selects.some(function (select) { return select.value; });
      var key = shown === 1 ? "data-count-one" : "data-count-other";
      status.textContent = filtered
        ? status.getAttribute(key).replace("{count}", String(shown)) : "";
    }

    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  window.phOnEveryPage(setUp);
})();
