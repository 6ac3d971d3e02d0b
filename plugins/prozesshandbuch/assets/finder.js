/* "Wer ist zuständig?": loads the answer cards (escaped HTML made by the build, in a JSON
   file beside the page: data-answers), then ranks and filters them as one types. The
   query lives in the address (?q=), so an answer can be sent by mail. Matching rules:
   match.js. Works with and without Material's instant navigation. */
(function () {
  "use strict";

  /* How much a match in each field counts: a title or keyword says what an entry is
     about, a unit name only where it sits. */
  var WEIGHTS = {
    title: 100, keywords: 90, responsibilities: 70, tags: 50, steps: 40, roles: 30, unit: 10
  };
  /* Entries that do not apply rank below those in force. */
  var STANDING_FACTOR = { "": 1, "to-be": 0.8, draft: 0.7, retired: 0.3 };

  /* finder-query.js took ?q= out of the address before Material's search could see it. */
  var sharedQuery = typeof window.phFinderQuery === "string" ? window.phFinderQuery : null;

  function addressWith(params) {
    var search = params.toString();
    return window.location.pathname + (search ? "?" + search : "") + window.location.hash;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  function fieldsOf(texts) {
    return Object.keys(texts || {}).map(function (name) {
      return window.PhMatch.field(WEIGHTS[name] || 10, texts[name]);
    });
  }

  function setUp() {
    var input = document.getElementById("ph-finder-input");
    if (!input || input.dataset.ready) return;
    if (!window.PhMatch) {
      /* match.js comes after this file; it has run once the document is parsed. */
      document.addEventListener("DOMContentLoaded", setUp, { once: true });
      return;
    }
    input.dataset.ready = "1";
    var finder = input.closest(".ph-finder");
    var form = finder.querySelector("form");
    var status = document.getElementById("ph-finder-status");
    var list = finder.querySelector(".ph-answers");
    var cards = [];
    var loaded = false;

    function readCards(match) {
      cards = Array.prototype.slice.call(list.children).map(function (card, index) {
        return {
          element: card,
          index: index,
          fields: fieldsOf(match[index]),
          factor: STANDING_FACTOR[card.getAttribute("data-standing") || ""] || 1,
        };
      });
    }

    function apply(event) {
      if (!loaded) {
        if (event || restored) remember(input.value.trim());
        return;
      }
      var query = input.value.trim();
      var ranked = [];
      cards.forEach(function (card) {
        var score = query ? window.PhMatch.score(query, card.fields) * card.factor : 0;
        card.element.hidden = score === 0;
        if (score > 0) ranked.push({ card: card, score: score });
      });
      ranked.sort(function (a, b) { return b.score - a.score || a.card.index - b.card.index; });
      ranked.forEach(function (item) { list.appendChild(item.card.element); });
      if (!query) {
        status.textContent = fill(finder.getAttribute("data-empty"), { count: cards.length });
      } else if (!ranked.length) {
        status.textContent = fill(finder.getAttribute("data-none"), { query: query });
      } else {
        var key = ranked.length === 1 ? "data-count-one" : "data-count-other";
        status.textContent = fill(finder.getAttribute(key), { count: ranked.length, query: query });
      }
      if (event || restored) remember(query);
    }

    function remember(query) {
      var params = new URLSearchParams(window.location.search);
      if (query) params.set("q", query); else params.delete("q");
      history.replaceState(history.state, "", addressWith(params));
    }

    /* Back into the address once the page has loaded, so that it can be copied. */
    var restored = false;
    function restore() {
      restored = true;
      remember(input.value.trim());
    }
    if (document.readyState === "complete") setTimeout(restore, 0);
    else window.addEventListener("load", function () { setTimeout(restore, 0); }, { once: true });

    input.addEventListener("input", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
      var first = list.querySelector(".ph-answer:not([hidden]) a");
      if (first) first.focus();
    });
    if (sharedQuery !== null) { input.value = sharedQuery; sharedQuery = null; }
    status.textContent = finder.getAttribute("data-loading");
    loadAnswers(finder.getAttribute("data-answers"), function (answers, match) {
      list.appendChild(answers);
      readCards(match);
      loaded = true;
      apply();
    }, function () {
      status.textContent = finder.getAttribute("data-failed");
    });
  }

  /* The cards as inert nodes: a template parses HTML without running or loading
     anything; the build escaped every text in them like on any page. */
  function loadAnswers(url, done, failed) {
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (answers) {
        if (typeof answers.cards !== "string" || !Array.isArray(answers.match)) {
          throw new Error("no cards");
        }
        var template = document.createElement("template");
        template.innerHTML = answers.cards;
        done(document.importNode(template.content, true), answers.match);
      })
      .catch(failed);
  }

  window.phOnEveryPage(setUp);
})();
