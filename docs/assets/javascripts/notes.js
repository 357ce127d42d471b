/* Reflection and checklist: nothing to check, everything kept as typed or ticked.
 * Reflection answer: {"<prompt number>": text}. Checklist answer: {"<item number>": true or false}. */
(function () {
  "use strict";

  window.CourseExercises.register("reflection", (ctx) => {
    const boxes = Array.from(ctx.root.querySelectorAll("textarea[data-prompt]"));

    function save() {
      const answer = {};
      boxes.forEach((box) => { if (box.value.trim()) answer[box.dataset.prompt] = box.value; });
      ctx.save({ answer, finished: Object.keys(answer).length === boxes.length });
    }

    const record = ctx.load();
    if (record) {
      let dropped = false;
      Object.keys(record.answer).forEach((number) => {
        const box = boxes.find((b) => b.dataset.prompt === number);
        if (box && typeof record.answer[number] === "string") box.value = record.answer[number];
        else dropped = true;
      });
      if (dropped) ctx.partial();
    }
    boxes.forEach((box) => box.addEventListener("input", save));
  });

  window.CourseExercises.register("checklist", (ctx) => {
    const boxes = Array.from(ctx.root.querySelectorAll("input[data-check]"));
    const count = ctx.root.querySelector("[data-count]");

    function showCount() {
      const ticked = boxes.filter((box) => box.checked).length;
      count.textContent = ticked + " of " + boxes.length + " done." + (ticked === boxes.length ? " Well done." : "");
      return ticked;
    }

    function save() {
      const answer = {};
      boxes.forEach((box) => { answer[box.dataset.check] = box.checked; });
      ctx.save({ answer, finished: showCount() === boxes.length });
    }

    const record = ctx.load();
    if (record) {
      let dropped = false;
      Object.keys(record.answer).forEach((number) => {
        const box = boxes.find((b) => b.dataset.check === number);
        if (box && typeof record.answer[number] === "boolean") box.checked = record.answer[number];
        else dropped = true;
      });
      if (dropped) ctx.partial();
    }
    showCount();
    boxes.forEach((box) => box.addEventListener("change", save));
  });
})();
