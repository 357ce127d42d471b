/* "Mark this lesson as done", at the end of each lesson. Kept under nd:v1:lessons. */
(function () {
  "use strict";

  function start(box) {
    const path = box.dataset.lesson;
    const button = box.querySelector("[data-action=lesson-done]");
    const status = box.querySelector("[data-role=status]");
    const badge = box.querySelector("[data-role=done-badge]"); // what aria-pressed says, for the eyes
    const found = window.CourseStorage.readLessons();
    let done = found.done.includes(path);

    function show() {
      button.setAttribute("aria-pressed", String(done));
      button.classList.toggle("nd-button--done", done);
      if (badge) badge.hidden = !done;
    }

    box.hidden = false;
    show();
    if (found.problem) status.textContent = "Your list of finished lessons could not all be read. Mark this lesson again if you need to.";
    button.addEventListener("click", () => {
      done = !done;
      const ok = window.CourseStorage.setLessonDone(path, done);
      show();
      let message = done ? "You marked this lesson as done. You can see it on the My progress page."
        : "This lesson is no longer marked as done.";
      if (!ok) message = "This browser is not saving, so this mark will be lost when you leave the page.";
      window.CourseExercises.say(status, message);
    });
  }

  function boot() {
    document.querySelectorAll("[data-lesson] [data-action=lesson-done]").forEach((button) => {
      start(button.closest("[data-lesson]"));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
