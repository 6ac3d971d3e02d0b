/* Prozesshandbuch: a diagram at full size, pannable and zoomable, in a modal dialog.
 *
 * Every diagram figure carries a button (hidden until this script runs) that opens a
 * copy of its SVG at natural size. Drag or arrow keys pan, the buttons, + / − and
 * Ctrl+wheel zoom, Escape or the close button close it, and focus returns to the
 * button. A file of its own, so a strict Content-Security-Policy allows it. */
(function () {
  "use strict";

  var STEP = 1.25;
  var MIN = 0.25;
  var MAX = 4;

  function text(figure, name) {
    return figure.getAttribute("data-ph-" + name) || "";
  }

  function button(label, glyph, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button ph-diagram-dialog__" + className;
    element.setAttribute("aria-label", label);
    element.title = label;
    element.textContent = glyph;
    return element;
  }

  function open(figure, opener) {
    var source = figure.querySelector("svg");
    if (!source) return;
    var box = source.viewBox && source.viewBox.baseVal;
    var width = box && box.width ? box.width * 4 / 3 : source.getBoundingClientRect().width;
    var height = box && box.height ? box.height * 4 / 3 : source.getBoundingClientRect().height;

    var dialog = document.createElement("dialog");
    dialog.className = "ph-diagram-dialog";
    dialog.setAttribute("aria-label", text(figure, "view"));

    var bar = document.createElement("div");
    bar.className = "ph-diagram-dialog__bar";
    var title = document.createElement("p");
    title.className = "ph-diagram-dialog__title";
    title.textContent = source.getAttribute("aria-label") || "";
    var hint = document.createElement("p");
    hint.className = "ph-diagram-dialog__hint";
    hint.id = "ph-diagram-dialog-hint";
    hint.textContent = text(figure, "hint");
    var zoomIn = button(text(figure, "zoom-in"), "+", "zoom-in");
    var zoomOut = button(text(figure, "zoom-out"), "\u2212", "zoom-out");
    var reset = button(text(figure, "zoom-reset"), "1:1", "reset");
    var close = button(text(figure, "close"), "\u00d7", "close");
    bar.append(title, zoomOut, reset, zoomIn, close);

    var stage = document.createElement("div");
    stage.className = "ph-diagram-dialog__stage";
    stage.tabIndex = 0;
    stage.setAttribute("role", "group");
    stage.setAttribute("aria-label", source.getAttribute("aria-label") || "");
    stage.setAttribute("aria-describedby", hint.id);
    var copy = source.cloneNode(true);
    // Ids and references must stay unique on the page: the copy loses them.
    copy.removeAttribute("aria-describedby");
    copy.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
    copy.classList.add("ph-diagram-dialog__svg");
    stage.append(copy);
    dialog.append(bar, hint, stage);
    document.body.append(dialog);

    var scale = 1;
    function apply() {
      copy.setAttribute("width", String(Math.round(width * scale)));
      copy.setAttribute("height", String(Math.round(height * scale)));
      reset.textContent = Math.round(scale * 100) + " %";
    }
    function zoom(factor) {
      var next = Math.min(MAX, Math.max(MIN, scale * factor));
      var centreX = (stage.scrollLeft + stage.clientWidth / 2) / scale;
      var centreY = (stage.scrollTop + stage.clientHeight / 2) / scale;
      scale = next;
      apply();
      stage.scrollLeft = centreX * scale - stage.clientWidth / 2;
      stage.scrollTop = centreY * scale - stage.clientHeight / 2;
    }

    zoomIn.addEventListener("click", function () { zoom(STEP); });
    zoomOut.addEventListener("click", function () { zoom(1 / STEP); });
    reset.addEventListener("click", function () { zoom(1 / scale); });
    close.addEventListener("click", function () { dialog.close(); });
    stage.addEventListener("keydown", function (event) {
      var moves = { ArrowLeft: [-60, 0], ArrowRight: [60, 0], ArrowUp: [0, -60], ArrowDown: [0, 60] };
      if (moves[event.key]) {
        stage.scrollBy(moves[event.key][0], moves[event.key][1]);
        event.preventDefault();
      } else if (event.key === "+" || event.key === "=") {
        zoom(STEP);
        event.preventDefault();
      } else if (event.key === "-" || event.key === "\u2212") {
        zoom(1 / STEP);
        event.preventDefault();
      } else if (event.key === "0") {
        zoom(1 / scale);
        event.preventDefault();
      }
    });
    stage.addEventListener("wheel", function (event) {
      if (!event.ctrlKey) return;
      event.preventDefault();
      zoom(event.deltaY < 0 ? STEP : 1 / STEP);
    }, { passive: false });

    var drag = null;
    stage.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || event.target.closest("a")) return;
      drag = { x: event.clientX, y: event.clientY, left: stage.scrollLeft, top: stage.scrollTop };
      stage.setPointerCapture(event.pointerId);
      stage.classList.add("is-dragging");
    });
    stage.addEventListener("pointermove", function (event) {
      if (!drag) return;
      stage.scrollLeft = drag.left - (event.clientX - drag.x);
      stage.scrollTop = drag.top - (event.clientY - drag.y);
    });
    function endDrag() {
      drag = null;
      stage.classList.remove("is-dragging");
    }
    stage.addEventListener("pointerup", endDrag);
    stage.addEventListener("pointercancel", endDrag);

    // Escape fires "cancel" and closes a modal dialog natively; both paths end here.
    dialog.addEventListener("close", function () {
      dialog.remove();
      document.documentElement.classList.remove("ph-diagram-dialog-open");
      opener.focus();
    });
    apply();
    document.documentElement.classList.add("ph-diagram-dialog-open");
    dialog.showModal();
    stage.focus();
  }

  function setup() {
    document.querySelectorAll("figure.ph-diagram").forEach(function (figure) {
      var opener = figure.querySelector(".ph-diagram-open");
      if (!opener || opener.dataset.phBound) return;
      opener.dataset.phBound = "1";
      opener.hidden = false;
      opener.addEventListener("click", function () { open(figure, opener); });
    });
  }

  window.phOnEveryPage(setup);
})();
