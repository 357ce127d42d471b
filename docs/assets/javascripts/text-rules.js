/* The text rules and the rules for written answers (pitch, message): what a word, a sentence,
 * a flagged phrase and a repeated word are (defined in rules.py's docstring), how long a pitch
 * takes to say, and when a message is ready. Added to the rules of rules.js, which runs first.
 * Only the pages with a pitch or a message load this file.
 *
 * Browser: window.CourseRules. Node: require("./text-rules.js") gives all the rules.
 */
(function (root) {
  "use strict";

  var rules = root && root.CourseRules ? root.CourseRules : require("./rules.js");
  var round = rules.round, own = rules.own;

  var WHITESPACE = "[ \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
  var SPLIT_WORDS = new RegExp(WHITESPACE + "+", "u");
  var SENTENCE_ENDS = new RegExp("[.!?\\u2026]+[\"'\\u201d\\u2019)\\]\\u00bb]*(?=" + WHITESPACE + "|$)", "gu");
  var SPACES = new RegExp(WHITESPACE + "*", "uy");
  var END_MARKS = ".!?\u2026";
  // Abbreviations whose point does not end a sentence (rules.py: TITLES, BEFORE_LOWERCASE).
  var TITLES = ["Mr", "Mrs", "Ms", "Dr", "St"];
  var BEFORE_LOWERCASE = ["e.g", "i.e", "etc", "a.m", "p.m"];
  var LETTER_OR_MARK = /[\p{L}\p{M}]/u;
  var LOWERCASE = /^\p{Ll}$/u;
  var HAS_WORD = /[\p{L}\p{N}]/u;
  var WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
  var LETTER = /\p{L}/u;
  var EDGES = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  var DEFAULT_WORDS_PER_MINUTE = 130;  // model.DEFAULT_WORDS_PER_MINUTE

  // --- text -------------------------------------------------------------------------------

  function words(text) {
    return String(text || "").split(SPLIT_WORDS).filter(function (token) { return HAS_WORD.test(token); });
  }

  function countWords(text) { return words(text).length; }

  function countSentences(text) {
    text = String(text || "");
    var pieces = [], start = 0, end;
    SENTENCE_ENDS.lastIndex = 0;
    while ((end = SENTENCE_ENDS.exec(text)) !== null) {
      var after = end.index + end[0].length;
      if (!afterAbbreviation(text, end.index, end[0], after)) {
        pieces.push(text.slice(start, end.index));
        start = after;
      }
    }
    pieces.push(text.slice(start));
    return pieces.filter(function (piece) { return words(piece).length > 0; }).length;
  }

  // True when the end marks at `at` are the point of an abbreviation that does not end a
  // sentence here (see rules.py's docstring).
  function afterAbbreviation(text, at, marks, after) {
    if (marks.charAt(0) !== "." || (marks.length > 1 && END_MARKS.indexOf(marks.charAt(1)) !== -1)) return false;
    var before = text.slice(0, at);
    function endsWith(stem, fold) {
      var tail = before.length >= stem.length ? before.slice(before.length - stem.length) : "";
      if ((fold ? tail.toLowerCase() : tail) !== stem) return false;
      return !LETTER_OR_MARK.test(charBefore(before, before.length - stem.length));
    }
    if (TITLES.some(function (title) { return endsWith(title, false); })) return true;
    if (BEFORE_LOWERCASE.some(function (stem) { return endsWith(stem, true); })) {
      SPACES.lastIndex = after;
      var following = after + SPACES.exec(text)[0].length;
      return following < text.length && LOWERCASE.test(charAfter(text, following));
    }
    return false;
  }

  function bareWord(token) { return token.replace(EDGES, "").toLowerCase(); }

  function normalizeSpaces(text) {
    return String(text || "").split(SPLIT_WORDS).join(" ");
  }

  // A character at a UTF-16 index, taking surrogate pairs (emoji) as one character.
  function charBefore(text, index) {
    if (index <= 0) return "";
    var code = text.charCodeAt(index - 1);
    if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return text.slice(index - 2, index);
    return text.charAt(index - 1);
  }

  function charAfter(text, index) {
    if (index >= text.length) return "";
    return String.fromCodePoint(text.codePointAt(index));
  }

  function containsWhole(haystack, needle) {
    var start = haystack.indexOf(needle);
    while (start !== -1) {
      var end = start + needle.length;
      if (!WORD_CHAR.test(charBefore(haystack, start)) && !WORD_CHAR.test(charAfter(haystack, end))) return true;
      start = haystack.indexOf(needle, start + 1);
    }
    return false;
  }

  function findFlagged(text, flagged) {
    var haystack = normalizeSpaces(text).toLowerCase();
    var found = [];
    (flagged || []).forEach(function (entry) {
      var needle = normalizeSpaces(entry.word).trim().toLowerCase();
      if (needle && containsWhole(haystack, needle)) found.push({ word: entry.word, reason: entry.reason });
    });
    return found;
  }

  function findRepeated(text, limit) {
    var counts = new Map();
    words(text).forEach(function (token) {
      var word = bareWord(token);
      var letters = Array.from(word).filter(function (ch) { return LETTER.test(ch); }).length;
      if (letters >= 4) counts.set(word, (counts.get(word) || 0) + 1);
    });
    var repeated = [];
    counts.forEach(function (count, word) { if (count > limit) repeated.push(word); });
    return repeated;
  }

  function isCount(value) { return Number.isInteger(value) && value >= 0; }

  function sendBy(meetingDate, days) {
    if (typeof meetingDate !== "string" || !ISO_DATE.test(meetingDate) || !isCount(days)) return null;
    var y = Number(meetingDate.slice(0, 4)), m = Number(meetingDate.slice(5, 7)), d = Number(meetingDate.slice(8, 10));
    var base = new Date(Date.UTC(2000, m - 1, d));
    base.setUTCFullYear(y);
    if (y < 1 || base.getUTCFullYear() !== y || base.getUTCMonth() !== m - 1 || base.getUTCDate() !== d) return null;
    var due = new Date(base.getTime() + days * 86400000);
    if (isNaN(due.getTime()) || due.getUTCFullYear() > 9999) return null;
    var year = String(due.getUTCFullYear()).padStart(4, "0");
    return year + "-" + String(due.getUTCMonth() + 1).padStart(2, "0") + "-" + String(due.getUTCDate()).padStart(2, "0");
  }

  var MIN_PACE = 1; // words a minute: a slower pace (only an edited file can hold one) is not used

  function isPace(value) { return typeof value === "number" && isFinite(value) && value >= MIN_PACE; }

  function text(value) { return typeof value === "string" ? value : ""; }

  // --- evaluation -------------------------------------------------------------------------

  function missingParts(partIds, spec, answer) {
    var required = new Set(spec.parts.filter(function (p) { return p.required; }).map(function (p) { return p.id; }));
    return partIds.filter(function (id) { return required.has(id) && words(text(own(answer, id))).length === 0; });
  }

  function pitch(spec, answer, entry) {
    var targets = spec.targets;
    var target = targets.find(function (t) { return t.id === entry.target; }) || targets[0] ||
      { id: "", seconds: 0, words: [0, 0], parts: spec.parts.map(function (p) { return p.id; }) };
    var pace = isPace(entry.words_per_minute) ? entry.words_per_minute :
      isPace(spec.words_per_minute) ? spec.words_per_minute : DEFAULT_WORDS_PER_MINUTE;
    var joined = target.parts.map(function (id) { return text(own(answer, id)); }).join("\n");
    var wordCount = countWords(joined);
    var low = target.words[0], high = target.words[1];
    var missing = missingParts(target.parts, spec, answer);
    return { target: target.id, words: wordCount, seconds: round(wordCount / pace * 60), words_per_minute: pace,
             min_words: low, max_words: high, missing: missing,
             flagged: findFlagged(joined, spec.flagged), repeated: findRepeated(joined, spec.repeat_limit),
             passed: missing.length === 0 && low <= wordCount && wordCount <= high };
  }

  // The ids of the message parts the length rule counts, in the message's order.
  function countedParts(spec) {
    var counted = spec.length.parts;
    var partIds = spec.parts.map(function (p) { return p.id; });
    if (!Array.isArray(counted)) return partIds;
    return partIds.filter(function (id) { return counted.indexOf(id) !== -1; });
  }

  function message(spec, answer, entry) {
    var partIds = spec.parts.map(function (p) { return p.id; });
    var texts = partIds.map(function (id) { return text(own(answer, id)); });
    var counted = countedParts(spec).map(function (id) { return text(own(answer, id)); });
    var sentences = counted.reduce(function (sum, t) { return sum + countSentences(t); }, 0);
    var wordCount = counted.reduce(function (sum, t) { return sum + countWords(t); }, 0);
    var missing = missingParts(partIds, spec, answer);
    var passed = missing.length === 0;
    [[sentences, spec.length.sentences], [wordCount, spec.length.words]].forEach(function (pair) {
      var limits = pair[1];
      if (limits && !(limits[0] <= pair[0] && pair[0] <= limits[1])) passed = false;
    });
    var result = { sentences: sentences, words: wordCount, missing: missing,
                   flagged: findFlagged(texts.join("\n"), spec.flagged), passed: passed };
    var due = sendBy(entry.meeting_date, spec.send_within_days);
    if (due) result.send_by = due;
    return result;
  }

  // --- the verdict of a written answer (rules.py: verdict) --------------------------------

  function phrasesWord(count) { return count === 1 ? "this phrase" : "these " + count + " phrases"; }

  function verdict(spec, result) {
    var phrases = result.flagged.map(function (f) { return f.word; });
    var listed = phrases.map(function (p) { return "\u201c" + p + "\u201d"; }).join(", ");
    var fits = "";
    if (spec.kind === "pitch") {
      var target = spec.targets.find(function (t) { return t.id === result.target; });
      fits = "It fits the " + (target ? target.label : result.target) + ". ";
    }
    if (result.passed && !phrases.length) {
      return { status: "ready", phrases: [],
               text: spec.kind === "pitch" ? fits + "Well done. Now say it out loud a few times."
                 : "Your message is ready to send. Well done." };
    }
    if (result.passed) {
      return { status: "almost", phrases: phrases,
               text: fits + "Almost ready: change " + phrasesWord(phrases.length) + " first: " + listed + "." };
    }
    var text = "Not ready yet.";
    if (phrases.length) text += " Also change " + phrasesWord(phrases.length) + ": " + listed + ".";
    return { status: "not-yet", text: text, phrases: phrases };
  }

  rules.addKind("pitch", { evaluate: pitch, verdict: verdict });
  rules.addKind("message", { evaluate: message, verdict: verdict });
  Object.assign(rules, { words: words, countWords: countWords, countSentences: countSentences, bareWord: bareWord,
                         findFlagged: findFlagged, findRepeated: findRepeated, sendBy: sendBy });
  if (typeof module === "object" && module && module.exports) module.exports = rules;
})(typeof window !== "undefined" ? window : null);
