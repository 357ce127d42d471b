/* The "My progress" page: lessons done, exercises started or finished, and the learner's data
 * tools: save all answers as a file, open a file, clear everything. Nothing leaves the device. */
(function () {
  "use strict";

  function titles(list) {
    const names = {};
    list.querySelectorAll("[data-exercise]").forEach((item) => {
      names[item.dataset.exercise] = item.querySelector("a").textContent;
    });
    return names;
  }

  function refresh(list) {
    const S = window.CourseStorage;
    const lessons = S.readLessons();
    const exercises = S.allExercises();
    let lessonsDone = 0;
    let started = 0;
    let finished = 0;
    list.querySelectorAll("[data-lesson]").forEach((lesson) => {
      const done = lessons.done.includes(lesson.dataset.lesson);
      if (done) lessonsDone += 1;
      const badge = lesson.querySelector("[data-lesson-status]");
      badge.textContent = done ? "Done" : "Not done yet";
      badge.classList.toggle("nd-badge--done", done);
    });
    const items = list.querySelectorAll("[data-exercise]");
    items.forEach((item) => {
      const record = exercises.records[item.dataset.exercise];
      const badge = item.querySelector("[data-exercise-status]");
      let state = "Not started";
      if (record && record.finished) state = "Finished";
      else if (record && Object.keys(record.answer).length) state = "Started";
      if (state !== "Not started") started += 1;
      if (state === "Finished") finished += 1;
      badge.textContent = state;
      badge.classList.toggle("nd-badge--done", state === "Finished");
      badge.classList.toggle("nd-badge--started", state === "Started");
    });
    const lessonCount = list.querySelectorAll("[data-lesson]").length;
    list.querySelector("[data-role=summary]").textContent =
      "You have marked " + lessonsDone + " of " + lessonCount + " lessons as done. " +
      "You have started " + started + " of " + items.length + " exercises and finished " + finished + ".";
    const problems = [];
    if (lessons.problem) problems.push("Your list of finished lessons could not all be read.");
    if (exercises.unreadable.length) {
      const names = titles(list);
      problems.push("Saved answers for " + exercises.unreadable.map((id) => names[id] || id).join(", ") +
        " could not be read. Everything else is fine.");
    }
    list.querySelector("[data-role=notice]").textContent = problems.join(" ");
  }

  function importMessage(result, names) {
    const name = (id) => names[id] || id;
    if (result.reason === "unreadable") return "This file could not be read. It may be damaged or not complete. Nothing was changed.";
    if (result.reason === "foreign") return "This file is not a saved answers file from this course. Nothing was changed.";
    if (result.reason === "newer") return "This file was saved by a newer version of this course, so it cannot be opened here. Nothing was changed.";
    if (result.reason === "storage" && !result.added.length && !result.updated.length) {
      return "This browser is not saving answers, so the file could not be opened. Nothing was changed.";
    }
    const said = [];
    const total = result.added.length + result.updated.length;
    said.push(total ? "Opened your answers file. " + total + (total === 1 ? " answer was" : " answers were") + " brought in."
      : "Opened your answers file. There was nothing new in it.");
    if (result.kept.length) {
      said.push("Your answers on this device were newer for " + result.kept.map(name).join(", ") + ", so they were kept.");
    }
    if (result.skipped.length) {
      said.push(result.skipped.length + (result.skipped.length === 1 ? " answer" : " answers") +
        " in the file could not be read and " + (result.skipped.length === 1 ? "was" : "were") + " left out.");
    }
    if (result.lessons) said.push(result.lessons + (result.lessons === 1 ? " lesson was" : " lessons were") + " marked as done.");
    if (result.reason === "storage") said.push("Some answers could not be saved: the browser storage may be full.");
    return said.join(" ");
  }

  function start(page) {
    const S = window.CourseStorage;
    const list = page.querySelector("[data-progress]");
    const tools = page.querySelector("[data-data-tools]");
    if (list) {
      refresh(list);
      window.addEventListener("storage", () => refresh(list)); // another tab changed something
    }
    if (!tools) return;
    tools.hidden = false;
    const status = tools.querySelector("[data-role=status]");
    const say = (text) => window.CourseExercises.say(status, text);
    const names = list ? titles(list) : {};
    if (!S.available()) say("This browser is not saving answers: saving may be turned off.");

    tools.querySelector("[data-action=export]").addEventListener("click", () => {
      const data = S.exportData();
      const day = data.exported.slice(0, 10);
      S.download("networking-demystified-answers-" + day + ".json", JSON.stringify(data, null, 2), "application/json");
      /* Count what the page above calls "started": an exercise with an empty answer is not. */
      const count = Object.values(data.answers).filter((record) => Object.keys(record.answer).length).length;
      say("Your answers were saved as a file (" + count + (count === 1 ? " exercise" : " exercises") +
        "). Look for it in your Downloads folder.");
    });

    const file = tools.querySelector("[data-action=import]");
    file.addEventListener("change", () => {
      const chosen = file.files && file.files[0];
      if (!chosen) return;
      chosen.text().then((text) => {
        say(importMessage(S.importData(text), names));
        if (list) refresh(list);
      }, () => say("This file could not be opened. Nothing was changed."));
      file.value = "";
    });

    tools.querySelector("[data-action=clear]").addEventListener("click", () => {
      const sure = window.confirm("Clear all your answers and lesson marks from this device? " +
        "This cannot be undone. Save them as a file first if you want to keep them.");
      if (!sure) { say("Nothing was cleared."); return; }
      S.clearAll();
      if (list) refresh(list);
      say("Your answers were cleared from this device.");
    });
  }

  /* The home page: "Continue where you left off" goes to the lesson of the exercise worked on
   * last, or, when that lesson is marked done (or nothing was written yet), to the first lesson
   * after it that is not done. Shown only when this device has saved progress. */
  function home(box) {
    const S = window.CourseStorage;
    const lessons = Array.from(box.querySelectorAll("[data-lesson]"));
    const done = S.readLessons().done;
    const records = S.allExercises().records;
    let latest = null;
    let when = "";
    lessons.forEach((item, index) => {
      item.querySelector("[data-done]").hidden = !done.includes(item.dataset.lesson);
      (item.dataset.exercises || "").split(" ").filter(Boolean).forEach((id) => {
        const record = records[id];
        if (record && Object.keys(record.answer).length && (record.updated || "") >= when) {
          when = record.updated || "";
          latest = index;
        }
      });
    });
    if (latest === null) {
      lessons.forEach((item, index) => { if (done.includes(item.dataset.lesson)) latest = index; });
      if (latest === null) return;
    }
    let target = latest;
    while (target < lessons.length && done.includes(lessons[target].dataset.lesson)) target += 1;
    if (target >= lessons.length) target = latest;   /* everything after it is done: go back to it */
    const link = lessons[target].querySelector("a");
    box.querySelector("[data-continue-link]").href = link.getAttribute("href");
    box.querySelector("[data-continue-name]").textContent = link.textContent;
    const resume = box.querySelector("[data-continue]");
    resume.hidden = false;
    /* A returning learner sees it first: it moves above "Start the first lesson", which then
     * looks like the other, plain buttons. */
    const start = document.querySelector(".md-typeset p > a.md-button--primary");
    if (start && !box.contains(start)) {
      start.parentElement.before(resume);
      start.classList.remove("md-button--primary");
    }
  }

  function boot() {
    if (document.querySelector("[data-progress], [data-data-tools]")) start(document);
    const box = document.querySelector("[data-home]");
    if (box) home(box);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
