/* Quiz: choose, check, read the feedback for each choice and the explanation, try again.
 * Answer: {"<question number>": ["<option letter>", ...]}. Checked by CourseRules.
 * A checked quiz is saved with "checked": true, so after a reload it shows its score, its marks
 * and its feedback again. "Try again" clears only the questions that were not right. */
(function () {
  "use strict";

  window.CourseExercises.register("quiz", (ctx) => {
    const questions = Array.from(ctx.root.querySelectorAll(".nd-question"));
    const checkButton = ctx.root.querySelector("[data-action=check]");
    const retryButton = ctx.root.querySelector("[data-action=retry]");
    let finished = false;
    let last = null;   // the result on show, while it matches the choices

    function inputs(question) {
      return Array.from(question.querySelectorAll("input"));
    }

    function collect() {
      const answer = {};
      questions.forEach((question) => {
        const chosen = inputs(question).filter((input) => input.checked).map((input) => input.value);
        if (chosen.length) answer[question.dataset.question] = chosen;
      });
      return answer;
    }

    function restore(answer) {
      let dropped = false;
      Object.keys(answer).forEach((number) => {
        const question = questions.find((q) => q.dataset.question === number);
        const value = answer[number];
        const letters = Array.isArray(value) ? value : [value];
        if (!question) { dropped = true; return; }
        letters.forEach((letter) => {
          const input = inputs(question).find((i) => i.value === letter);
          if (input) input.checked = true;
          else dropped = true;
        });
      });
      if (dropped) ctx.partial();
    }

    function clearFeedback(question) {
      question.classList.remove("nd-is-right", "nd-is-wrong");
      question.querySelectorAll("[data-feedback], [data-explanation], [data-result]").forEach((node) => {
        node.hidden = true;
      });
      question.querySelectorAll(".nd-option").forEach((option) => {
        option.classList.remove("nd-chosen-right", "nd-chosen-wrong", "nd-right-answer");
      });
    }

    function showFeedback(question, outcome) {
      clearFeedback(question);
      const result = question.querySelector("[data-result]");
      if (!outcome.chosen.length) {
        result.textContent = "You did not answer this question. The right answer has a ✓.";
      } else {
        result.textContent = outcome.correct ? "Right." : "Not right yet. The right answer has a ✓.";
        question.classList.add(outcome.correct ? "nd-is-right" : "nd-is-wrong");
      }
      result.hidden = false;
      question.querySelectorAll(".nd-option").forEach((option) => {
        const letter = option.dataset.option;
        const good = outcome.expected.includes(letter);
        const chosen = outcome.chosen.includes(letter);
        /* A wrong or missing answer also marks the right option: marks say it without words. */
        if (!chosen && !(good && !outcome.correct)) return;
        option.classList.add(chosen ? (good ? "nd-chosen-right" : "nd-chosen-wrong") : "nd-right-answer");
        option.querySelector("[data-verdict]").textContent =
          chosen ? (good ? "Good choice." : "Not this one.") : "This is a right answer.";
        option.querySelector("[data-feedback]").hidden = false;
      });
      const explanation = question.querySelector("[data-explanation]");
      if (explanation) explanation.hidden = false;
    }

    function summary(result) {
      const unanswered = result.questions.filter((q) => !q.chosen.length).length;
      let message = "You got " + result.score + " of " + result.total + " right (" + result.percent + "%). " +
        window.CourseRules.verdict(ctx.rules, result).text;
      if (!result.passed) message += " Read the feedback under each question, then try again.";
      if (unanswered) message += " " + ctx.plural(unanswered, "question") + " had no answer.";
      return message;
    }

    function show(answer) {
      const result = window.CourseRules.evaluate(ctx.rules, { answer });
      result.questions.forEach((outcome, index) => showFeedback(questions[index], outcome));
      retryButton.hidden = false;
      last = result;
      return result;
    }

    function check() {
      const answer = collect();
      const result = show(answer);
      finished = result.passed;
      ctx.save({ answer, finished, checked: true });
      ctx.announce(summary(result));
    }

    function retry() {
      let first = null;
      questions.forEach((question, index) => {
        if (last && last.questions[index].correct) return;   /* right answers stay, with their marks */
        clearFeedback(question);
        inputs(question).forEach((input) => { input.checked = false; });
        if (!first) first = inputs(question)[0];
      });
      finished = false;
      last = null;
      ctx.save({ answer: collect(), finished, checked: false });
      retryButton.hidden = true;
      ctx.announce("Your wrong answers were cleared. Your right answers are still chosen. Try again.");
      if (first) first.focus();
    }

    const record = ctx.load();
    if (record) {
      restore(record.answer);
      finished = record.finished === true;
    }
    retryButton.hidden = true;
    if (record && record.checked === true) ctx.show(summary(show(collect())));   /* as it was before the reload */
    questions.forEach((question) => {
      question.addEventListener("change", () => {
        clearFeedback(question);
        finished = false;
        ctx.save({ answer: collect(), finished, checked: false });
      });
    });
    checkButton.addEventListener("click", check);
    retryButton.addEventListener("click", retry);
  });
})();
