/* Quiz: choose, check, read the feedback for each choice and the explanation, try again.
 * Answer: {"<question number>": ["<option letter>", ...]}. Checked by CourseRules. */
(function () {
  "use strict";

  window.CourseExercises.register("quiz", (ctx) => {
    const questions = Array.from(ctx.root.querySelectorAll(".nd-question"));
    const checkButton = ctx.root.querySelector("[data-action=check]");
    const retryButton = ctx.root.querySelector("[data-action=retry]");
    let finished = false;

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
        option.classList.remove("nd-chosen-right", "nd-chosen-wrong");
      });
    }

    function showFeedback(question, outcome) {
      clearFeedback(question);
      const result = question.querySelector("[data-result]");
      if (!outcome.chosen.length) {
        result.textContent = "You did not answer this question.";
      } else {
        result.textContent = outcome.correct ? "Right." : "Not right yet.";
        question.classList.add(outcome.correct ? "nd-is-right" : "nd-is-wrong");
      }
      result.hidden = false;
      question.querySelectorAll(".nd-option").forEach((option) => {
        const letter = option.dataset.option;
        if (!outcome.chosen.includes(letter)) return;
        const good = outcome.expected.includes(letter);
        option.classList.add(good ? "nd-chosen-right" : "nd-chosen-wrong");
        option.querySelector("[data-verdict]").textContent = good ? "Good choice." : "Not this one.";
        option.querySelector("[data-feedback]").hidden = false;
      });
      const explanation = question.querySelector("[data-explanation]");
      if (explanation) explanation.hidden = false;
    }

    function check() {
      const answer = collect();
      const result = window.CourseRules.evaluate(ctx.rules, { answer });
      result.questions.forEach((outcome, index) => showFeedback(questions[index], outcome));
      finished = result.passed;
      ctx.save({ answer, finished });
      const unanswered = result.questions.filter((q) => !q.chosen.length).length;
      let message = "You got " + result.score + " of " + result.total + " right (" + result.percent + "%). ";
      if (result.passed) message += "Well done: you passed.";
      else message += "You need " + ctx.rules.pass_mark + "% to pass. Read the feedback under each question, then try again.";
      if (unanswered) message += " " + ctx.plural(unanswered, "question") + " had no answer.";
      ctx.announce(message);
      retryButton.hidden = false;
    }

    function retry() {
      questions.forEach((question) => {
        clearFeedback(question);
        inputs(question).forEach((input) => { input.checked = false; });
      });
      finished = false;
      ctx.save({ answer: {}, finished });
      retryButton.hidden = true;
      ctx.announce("Your choices were cleared. Try again.");
      const first = questions.length && inputs(questions[0])[0];
      if (first) first.focus();
    }

    const record = ctx.load();
    if (record) {
      restore(record.answer);
      finished = record.finished === true;
    }
    retryButton.hidden = true;
    questions.forEach((question) => {
      question.addEventListener("change", () => {
        clearFeedback(question);
        finished = false;
        ctx.save({ answer: collect(), finished });
      });
    });
    checkButton.addEventListener("click", check);
    retryButton.addEventListener("click", retry);
  });
})();
