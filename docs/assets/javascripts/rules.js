/* The answer rules: how a quiz, sort or dialogue answer is checked. The rules for written
 * answers (pitch, message) are in text-rules.js, which adds them here: a page loads them only
 * when it has a pitch or a message.
 *
 * The same rules run in Python (scripts/course/rules.py), which also builds the JSON "spec"
 * the page embeds. Both sides take the same spec and answer entry and return the same result;
 * tests/rule_cases.json holds the cases both must agree on.
 *
 * Browser: window.CourseRules. Node: require("./rules.js"), or require("./text-rules.js") for all.
 */
(function (root) {
  "use strict";

  function round(number) { return Math.floor(number + 0.5); }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined; }

  // --- evaluation -------------------------------------------------------------------------

  function evaluate(spec, entry) {
    entry = isObject(entry) ? entry : {};
    var answer = isObject(entry.answer) ? entry.answer : {};
    var rule = own(kinds, spec.kind);
    return rule ? rule.evaluate(spec, answer, entry) : null;
  }

  function score(points, total, passMark) {
    return { score: points, total: total, percent: total ? round(points * 100 / total) : 0,
             passed: total > 0 && points * 100 >= passMark * total };
  }

  function chosenLetters(value) {
    var values = Array.isArray(value) ? value : [value];
    var set = new Set();
    values.forEach(function (v) { if (typeof v === "string" && v.trim()) set.add(v.trim().toLowerCase()); });
    return Array.from(set).sort();
  }

  function quiz(spec, answer) {
    var questions = spec.questions.map(function (question, index) {
      var number = index + 1;
      var chosen = chosenLetters(own(answer, String(number)));
      var expected = question.correct.slice().sort();
      return { number: number, correct: chosen.join(",") === expected.join(","), chosen: chosen, expected: expected,
               feedback: chosen.filter(function (l) { return own(question.feedback, l) !== undefined; })
                               .map(function (l) { return question.feedback[l]; }) };
    });
    var points = questions.filter(function (q) { return q.correct; }).length;
    return Object.assign(score(points, questions.length, spec.pass_mark), { questions: questions });
  }

  function sort(spec, answer) {
    var items = spec.items.map(function (item, index) {
      var number = index + 1;
      var chosen = own(answer, String(number));
      chosen = typeof chosen === "string" && chosen ? chosen : null;
      return { number: number, chosen: chosen, expected: item.category, correct: chosen === item.category,
               feedback: item.feedback };
    });
    var points = items.filter(function (i) { return i.correct; }).length;
    return Object.assign(score(points, items.length, spec.pass_mark), { items: items });
  }

  // Each choice point is like a single-answer quiz question: right when the chosen letter is a good one.
  function dialogue(spec, answer) {
    var points = spec.points.map(function (point, index) {
      var number = index + 1;
      var chosen = own(answer, String(number));
      chosen = typeof chosen === "string" && chosen.trim() ? chosen.trim().toLowerCase() : null;
      var feedback = chosen !== null ? own(point.feedback, chosen) : undefined;
      return { number: number, chosen: chosen, good: point.good.slice(),
               correct: chosen !== null && point.good.indexOf(chosen) !== -1,
               feedback: typeof feedback === "string" ? feedback : "" };
    });
    var right = points.filter(function (p) { return p.correct; }).length;
    return Object.assign(score(right, points.length, spec.pass_mark), { points: points });
  }

  // --- the verdict: one honest sentence about a checked answer (rules.py: verdict) ---------

  function passMarkVerdict(spec, result) {
    return result.passed ? { status: "ready", text: "Well done: you passed.", phrases: [] }
      : { status: "not-yet", text: "You need " + spec.pass_mark + "% to pass.", phrases: [] };
  }

  function verdict(spec, result) {
    var rule = own(kinds, spec.kind);
    return rule ? rule.verdict(spec, result) : null;
  }

  // Each kind's rule: evaluate(spec, answer, entry) and verdict(spec, result).
  var kinds = {
    quiz: { evaluate: quiz, verdict: passMarkVerdict },
    sort: { evaluate: sort, verdict: passMarkVerdict },
    dialogue: { evaluate: dialogue, verdict: passMarkVerdict },
  };

  // text-rules.js adds the written kinds with this.
  function addKind(kind, rule) { kinds[kind] = rule; }

  var api = { evaluate: evaluate, verdict: verdict, addKind: addKind, round: round, own: own };
  if (typeof module === "object" && module && module.exports) module.exports = api;
  if (root) root.CourseRules = api;
})(typeof window !== "undefined" ? window : null);
