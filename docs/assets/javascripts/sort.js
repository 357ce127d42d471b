/* Sort: put each item in a group with a select (keyboard and screen reader friendly, no drag),
 * check, read the feedback, try again. Answer: {"<item number>": "<category id>"}.
 * A checked sort is saved with "checked": true, so after a reload it shows its score, its marks
 * and its feedback again. "Try again" clears only the items that were not right. */
(function () {
  "use strict";

  window.CourseExercises.register("sort", (ctx) => {
    const items = Array.from(ctx.root.querySelectorAll(".nd-sort-item"));
    const selects = items.map((item) => item.querySelector("select"));
    const checkButton = ctx.root.querySelector("[data-action=check]");
    const retryButton = ctx.root.querySelector("[data-action=retry]");
    const labels = {};
    (ctx.rules.categories || []).forEach((category) => { labels[category.id] = category.label; });
    let last = null;

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

    function show(answer) {
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
      retryButton.hidden = false;
      last = result;
      return result;
    }

    function summary(result) {
      return "You placed " + result.score + " of " + result.total + " right (" + result.percent + "%). " +
        window.CourseRules.verdict(ctx.rules, result).text +
        (result.passed ? "" : " Read the feedback under each item, then try again.");
    }

    function check() {
      const answer = collect();
      const result = show(answer);
      ctx.save({ answer, finished: result.passed, checked: true });
      ctx.announce(summary(result));
    }

    function retry() {
      let first = null;
      items.forEach((item, index) => {
        if (last && last.items[index].correct) return;   /* right answers stay, with their marks */
        clearFeedback(item);
        selects[index].value = "";
        if (!first) first = selects[index];
      });
      last = null;
      ctx.save({ answer: collect(), finished: false, checked: false });
      retryButton.hidden = true;
      ctx.announce("Your wrong answers were cleared. Your right answers are still in place. Try again.");
      if (first) first.focus();
    }

    const record = ctx.load();
    if (record) restore(record.answer);
    retryButton.hidden = true;
    if (record && record.checked === true) ctx.show(summary(show(collect())));   /* as it was before the reload */
    items.forEach((item, index) => {
      selects[index].addEventListener("change", () => {
        clearFeedback(item);
        ctx.save({ answer: collect(), finished: false, checked: false });
      });
    });
    checkButton.addEventListener("click", check);
    retryButton.addEventListener("click", retry);
  });
})();
