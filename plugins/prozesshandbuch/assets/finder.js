/* "Wer ist zuständig?": loads the answers (escaped HTML cards made by the build, with the
   texts to match, in a JSON file beside the page: data-answers), ranks them as one types
   and shows the best PAGE cards, more on request. Only shown cards become markup, so a
   handbook of thousands of entries stays quick to type in. The query lives in the
   address (?q=), so an answer can be sent by mail. Matching rules: match.js. Works with
   and without Material's instant navigation. */
(function () {
  "use strict";

  /* Cards shown at once; a button shows the next ones. */
  var PAGE = 50;

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

  /* One copy of each word: step titles and roles repeat across thousands of entries,
     and a copy per entry made the finder of a 5,000-process handbook hold 160 MB. */
  var words = Object.create(null);
  function intern(text) {
    return words[text] || (words[text] = text);
  }

  function fieldsOf(texts) {
    return Object.keys(texts || {}).map(function (name) {
      var field = window.PhMatch.field(WEIGHTS[name] || 10, texts[name]);
      field.tokens = field.tokens.map(intern);
      field.phrases = field.phrases.map(intern);
      return field;
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
    var more = finder.querySelector(".ph-finder-more");
    var entries = [];
    var ranked = [];
    var limit = PAGE;
    var lastQuery = null;
    var loaded = false;

    function readEntries(answers) {
      entries = answers.cards.map(function (html, index) {
        return {
          html: html,
          element: null,
          index: index,
          fields: fieldsOf(answers.match[index]),
          factor: STANDING_FACTOR[answers.standing[index] || ""] || 1,
        };
      });
    }

    /* A card becomes nodes the first time it is shown, through an inert template: the
       build escaped every text in it like on any page. */
    function cardOf(entry) {
      if (!entry.element) {
        var template = document.createElement("template");
        template.innerHTML = entry.html;
        entry.element = document.importNode(template.content, true).firstElementChild;
      }
      return entry.element;
    }

    function show() {
      while (list.firstChild) list.removeChild(list.firstChild);
      ranked.slice(0, limit).forEach(function (item) { list.appendChild(cardOf(item.entry)); });
      var rest = ranked.length - list.children.length;
      more.hidden = rest <= 0;
      if (rest > 0) {
        more.textContent = fill(finder.getAttribute("data-more"), { count: rest });
      }
    }

    function apply(event) {
      if (!loaded) {
        if (event || restored) remember(input.value.trim());
        return;
      }
      var query = input.value.trim();
      if (query !== lastQuery) {
        lastQuery = query;
        limit = PAGE;
      }
      ranked = [];
      if (query) {
        entries.forEach(function (entry) {
          var score = window.PhMatch.score(query, entry.fields) * entry.factor;
          if (score > 0) ranked.push({ entry: entry, score: score });
        });
      }
      ranked.sort(function (a, b) { return b.score - a.score || a.entry.index - b.entry.index; });
      show();
      if (!query) {
        status.textContent = fill(finder.getAttribute("data-empty"), { count: entries.length });
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
      var first = list.querySelector(".ph-answer a");
      if (first) first.focus();
    });
    /* The next cards; focus moves to the first new one, where reading goes on. */
    more.addEventListener("click", function () {
      var shown = list.children.length;
      limit += PAGE;
      show();
      var next = list.children[shown];
      var link = next && next.querySelector("a");
      if (link) link.focus();
    });
    if (sharedQuery !== null) { input.value = sharedQuery; sharedQuery = null; }
    status.textContent = finder.getAttribute("data-loading");
    loadAnswers(finder.getAttribute("data-answers"), function (answers) {
      readEntries(answers);
      loaded = true;
      apply();
    }, function () {
      status.textContent = finder.getAttribute("data-failed");
    });
  }

  function loadAnswers(url, done, failed) {
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (answers) {
        var count = Array.isArray(answers.cards) ? answers.cards.length : -1;
        if (
          count < 0 ||
          !Array.isArray(answers.match) || answers.match.length !== count ||
          !Array.isArray(answers.standing) || answers.standing.length !== count
        ) {
          throw new Error("no cards");
        }
        done(answers);
      })
      .catch(failed);
  }

  window.phOnEveryPage(setUp);
})();
