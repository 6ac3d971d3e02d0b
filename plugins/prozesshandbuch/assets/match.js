/* Forgiving word matching, shared by the finder ("Wer ist zuständig?") and the search
   box: umlauts and ß folded (Fuehrerschein = Führerschein), one typo allowed in words of
   five letters or more, several words ANDed. Pure functions without the DOM, so that the
   tests can run them in Node as well as in the browser. */
(function (root) {
  "use strict";

  var TYPO_MIN_LENGTH = 5;
  /* How well a query word fits a word of the text; the finder ranks by these. */
  var QUALITY = { exact: 1, prefix: 0.9, part: 0.75, typo: 0.6 };

  /* The spelling people type without umlaut keys, lower case, accents dropped. */
  function fold(text) {
    return String(text).toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* The folded words of a text: letters and digits, everything else separates. */
  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
  }

  /* True when a and b differ by at most one insertion, deletion, substitution or swap of
     two neighbouring letters ("Reisepas", "Gewerbeanmeldnug"). */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i += 1;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;  // one substitution
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* How well a folded query word matches one folded word of a text, 0 for not at all.
     A word may be the start of a longer one (typing is not finished), a part of a compound
     (Anmeldung in Gewerbeanmeldung), or carry one typo when it is long enough. */
  function wordQuality(word, token) {
    if (token === word) return QUALITY.exact;
    if (token.indexOf(word) === 0) return QUALITY.prefix;
    if (word.length >= 4 && token.indexOf(word) > 0) return QUALITY.part;
    if (word.length >= TYPO_MIN_LENGTH) {
      for (var n = word.length - 1; n <= word.length + 1; n += 1) {
        if (n <= token.length && withinOneEdit(word, token.slice(0, n))) return QUALITY.typo;
      }
    }
    return 0;
  }

  /* The best quality of a word against a list of folded tokens. */
  function bestQuality(word, tokens) {
    var best = 0;
    for (var i = 0; i < tokens.length && best < 1; i += 1) {
      var quality = wordQuality(word, tokens[i]);
      if (quality > best) best = quality;
    }
    return best;
  }

  /* Score of an entry for a query: every query word must match some field (AND); each
     word counts with the weight of the best field it matches, times how well it matches.
     `fields` is a list of {weight, tokens, phrases}; a query equal to a whole phrase (a
     title or keyword) earns that field's weight twice on top. Returns 0 for no match. */
  function score(query, fields) {
    var queryWords = words(query);
    if (!queryWords.length) return 0;
    var total = 0;
    for (var w = 0; w < queryWords.length; w += 1) {
      var best = 0;
      for (var f = 0; f < fields.length; f += 1) {
        var value = fields[f].weight * bestQuality(queryWords[w], fields[f].tokens);
        if (value > best) best = value;
      }
      if (best === 0) return 0;
      total += best;
    }
    var whole = queryWords.join(" ");
    for (var p = 0; p < fields.length; p += 1) {
      var phrases = fields[p].phrases || [];
      for (var q = 0; q < phrases.length; q += 1) {
        if (phrases[q] === whole) total += 2 * fields[p].weight;
      }
    }
    return total;
  }

  /* A field for score(): the folded words and whole phrases of some texts. */
  function field(weight, texts) {
    var tokens = [], phrases = [];
    for (var i = 0; i < texts.length; i += 1) {
      var parts = words(texts[i]);
      tokens.push.apply(tokens, parts);
      phrases.push(parts.join(" "));
    }
    return { weight: weight, tokens: tokens, phrases: phrases };
  }

  /* Spelling help for a search engine that only knows the real words: each query word
     of five letters or more that is not (the start of) a known word is replaced by the
     known word it is one typo or an umlaut spelling away from. `vocabulary` maps folded
     words to their real spelling, most useful first. Other words are left as typed. */
  function correct(query, vocabulary) {
    return String(query).split(/(\s+)/).map(function (part) {
      var folded = fold(part);
      if (!/^[a-z0-9]+$/.test(folded)) return part;
      if (Object.prototype.hasOwnProperty.call(vocabulary, folded)) {
        return vocabulary[folded];
      }
      var known = Object.keys(vocabulary);
      for (var i = 0; i < known.length; i += 1) {
        if (known[i].indexOf(folded) === 0) return part;
      }
      if (folded.length < TYPO_MIN_LENGTH) return part;
      for (var j = 0; j < known.length; j += 1) {
        if (wordQuality(folded, known[j]) === QUALITY.typo && withinOneEdit(folded, known[j])) {
          return vocabulary[known[j]];
        }
      }
      return part;
    }).join("");
  }

  var api = {
    fold: fold,
    words: words,
    withinOneEdit: withinOneEdit,
    wordQuality: wordQuality,
    score: score,
    field: field,
    correct: correct,
    QUALITY: QUALITY,
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.PhMatch = api;
})(this);
