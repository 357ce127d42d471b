/* Sort: put each item in a group with a select (keyboard and screen reader friendly, no drag),
 * check, read the feedback, try again. Answer: {"<item number>": "<category id>"}. */
(function () {
  "use strict";

  window.CourseExercises.register("sort", (ctx) => {
    const items = Array.from(ctx.root.querySelectorAll(".nd-sort-item"));
    const selects = items.map((item) => item.querySelector("select"));
    const checkButton = ctx.root.querySelector("[data-action=check]");
    const retryButton = ctx.root.querySelector("[data-action=retry]");
    const labels = {};
    (ctx.rules.categories || []).forEach((category) => { labels[category.id] = category.label; });

    function collect() {
      const answer = {};
      selects.forEach((select, index) => {
        if (select.value) answer[String(index + 1)] = select.value;
      });
      return answer;
    }

    function restore(answer) {
      let dropped = false;
      Object.keys(answer).forEach((number) => {
        const select = selects[Number(number) - 1];
        const value = answer[number];
        if (select && typeof value === "string" && labels[value] !== undefined) select.value = value;
        else dropped = true;
      });
      if (dropped) ctx.partial();
    }

    function clearFeedback(item) {
      item.classList.remove("nd-is-right", "nd-is-wrong");
      item.querySelector("[data-feedback]").hidden = true;
    }

    function check() {
      const answer = collect();
      const result = window.CourseRules.evaluate(ctx.rules, { answer });
      result.items.forEach((outcome, index) => {
        const item = items[index];
        const verdict = item.querySelector("[data-verdict]");
        clearFeedback(item);
        if (!outcome.chosen) verdict.textContent = "You did not choose a group. It belongs in: " + labels[outcome.expected] + ".";
        else if (outcome.correct) verdict.textContent = "Right.";
        else verdict.textContent = "Not right yet. It belongs in: " + labels[outcome.expected] + ".";
        item.classList.add(outcome.correct ? "nd-is-right" : "nd-is-wrong");
        item.querySelector("[data-feedback]").hidden = false;
      });
      ctx.save({ answer, finished: result.passed });
      let message = "You placed " + result.score + " of " + result.total + " right (" + result.percent + "%). ";
      message += result.passed ? "Well done: you passed."
        : "You need " + ctx.rules.pass_mark + "% to pass. Read the feedback under each item, then try again.";
      ctx.announce(message);
      retryButton.hidden = false;
    }

    function retry() {
      items.forEach(clearFeedback);
      selects.forEach((select) => { select.value = ""; });
      ctx.save({ answer: {}, finished: false });
      retryButton.hidden = true;
      ctx.announce("Your choices were cleared. Try again.");
      if (selects[0]) selects[0].focus();
    }

    const record = ctx.load();
    if (record) restore(record.answer);
    retryButton.hidden = true;
    items.forEach((item, index) => {
      selects[index].addEventListener("change", () => {
        clearFeedback(item);
        ctx.save({ answer: collect(), finished: false });
      });
    });
    checkButton.addEventListener("click", check);
    retryButton.addEventListener("click", retry);
  });
})();
