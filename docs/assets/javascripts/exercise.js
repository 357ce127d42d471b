/* The shared frame of every exercise on a lesson page: finds each exercise, reads its JSON,
 * restores the saved answer and hands over to the controller for its kind (quiz.js, ...).
 * Text from exercise files only ever goes into the page with textContent. */
(function () {
  "use strict";

  const controllers = {};
  const MESSAGES = {
    damaged: "Your saved answer for this exercise could not be read, so the exercise starts empty. " +
      "The old data is still kept on this device.",
    partial: "Part of your saved answer for this exercise could not be read, so it was left out. " +
      "The rest is back.",
    old: "We found answers saved by an older version of this course and brought them back. " +
      "Please check that they look right.",
    storage: "This browser is not saving your answers: saving may be turned off, or the storage is full. " +
      "Your answers will be lost when you leave this page.",
  };

  /* Register the controller for one kind: fn(context) sets the exercise up. */
  function register(kind, fn) {
    controllers[kind] = fn;
  }

  /* A new element with optional class and text (always as text, never as markup). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many || one + "s");
  }

  /* Set a live region's text so it is announced again even when the text is unchanged. */
  function say(region, text) {
    if (!region) return;
    region.textContent = "";
    window.setTimeout(() => { region.textContent = text; }, 50);
  }

  /* The writing boxes of a pitch or a message: collect and restore {"<part id>": text}. */
  function partBoxes(ctx) {
    const boxes = Array.from(ctx.root.querySelectorAll("textarea[data-part-input]"));
    return {
      boxes,
      collect() {
        const answer = {};
        boxes.forEach((box) => { if (box.value.trim()) answer[box.dataset.partInput] = box.value; });
        return answer;
      },
      restore(answer) {
        let dropped = false;
        Object.keys(answer).forEach((id) => {
          const box = boxes.find((b) => b.dataset.partInput === id);
          if (box && typeof answer[id] === "string") box.value = answer[id];
          else dropped = true;
        });
        if (dropped) ctx.partial();
      },
    };
  }

  /* Fill `container` with headed lists of advice: [{title, items: [text]}]; empty groups are left out. */
  function showAdvice(container, groups) {
    container.replaceChildren();
    groups.filter((group) => group.items.length).forEach((group) => {
      container.append(el("p", "nd-advice__title", group.title));
      const list = el("ul", "nd-advice__list");
      group.items.forEach((item) => list.append(el("li", "", item)));
      container.append(list);
    });
  }

  function revealScriptParts(scope) {
    scope.querySelectorAll("[data-js-only]").forEach((node) => { node.hidden = false; });
  }

  function makeContext(root) {
    let spec = {};
    try {
      spec = JSON.parse(root.querySelector("script[data-role=spec]").textContent);
    } catch (error) {
      spec = {};
    }
    const id = root.dataset.exercise;
    const notice = root.querySelector(":scope > [data-role=notice]");
    const status = root.querySelector(":scope > [data-role=status]");
    const saved = root.querySelector("[data-role=saved]");
    const context = {
      root, id, spec, rules: spec.rules, page: spec.page || {},
      uid: "nd-" + id,
      el, plural,
      /* The saved record (or null), with a plain message on the page if it was not all readable. */
      load() {
        const found = window.CourseStorage.readExercise(id);
        if (found.problem) context.notice(MESSAGES[found.problem]);
        return found.record;
      },
      /* Save the answer and its extras; says so on the page if the browser refuses. */
      save(fields) {
        const ok = window.CourseStorage.saveExercise(id, fields);
        if (!ok) context.notice(MESSAGES.storage);
        else if (saved) saved.textContent = "Your answers are saved on this device only. Last saved at " +
          new Date().toLocaleTimeString("en-CA", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }) + ".";
        return ok;
      },
      /* Some of the saved answer did not fit the exercise (for example a question that is gone). */
      partial() { context.notice(MESSAGES.partial); },
      notice(text) { if (notice) notice.textContent = text; },
      announce(text) { say(status, text); },
      /* Put a result back on the page after a reload, without announcing it again. */
      show(text) { if (status) status.textContent = text; },
      record: null,
    };
    return context;
  }

  /* Textareas print cut off, so a copy of each answer as plain text is kept beside it for print.
   * The copy follows every change, so it is right even where the browser skips "beforeprint". */
  function mirrorOne(box) {
    let copy = box.nextElementSibling;
    if (!copy || !copy.classList.contains("nd-print-text")) {
      copy = el("div", "nd-print-text");
      copy.setAttribute("aria-hidden", "true");
      box.after(copy);
    }
    copy.textContent = box.value;
  }

  function mirrorTextareas(scope) {
    scope.querySelectorAll(".nd-exercise textarea").forEach(mirrorOne);
  }

  /* A writing box grows with its text, so nothing the learner wrote is hidden behind a scroll bar. */
  function grow(box) {
    if (!box.offsetParent) return; // not shown: nothing to measure
    box.style.height = "auto";
    const border = box.offsetHeight - box.clientHeight;
    box.style.height = Math.max(box.scrollHeight + border, box.offsetHeight) + "px";
  }

  function growAll(scope) {
    scope.querySelectorAll(".nd-exercise textarea").forEach(grow);
  }

  function onInput(event) {
    const box = event.target;
    if (!(box instanceof HTMLTextAreaElement) || !box.closest(".nd-exercise")) return;
    grow(box);
    mirrorOne(box);
  }

  function printOne(root) {
    document.body.classList.add("nd-print-one");
    root.classList.add("nd-print-this");
    window.print();
  }

  function afterPrint() {
    document.body.classList.remove("nd-print-one");
    document.querySelectorAll(".nd-print-this").forEach((node) => node.classList.remove("nd-print-this"));
  }

  function start(root) {
    const context = makeContext(root);
    revealScriptParts(root);
    const controller = controllers[root.dataset.kind];
    if (!window.CourseStorage.available()) context.notice(MESSAGES.storage);
    if (controller) {
      try {
        controller(context);
      } catch (error) {
        context.notice("Something went wrong in this exercise. Reload the page to try again.");
        throw error;
      }
    }
    const print = root.querySelector("[data-action=print]");
    if (print) print.addEventListener("click", () => printOne(root));
  }

  function boot() {
    document.documentElement.classList.add("nd-js");
    document.querySelectorAll("section.nd-exercise[data-exercise]").forEach(start);
    mirrorTextareas(document);
    growAll(document);
    document.addEventListener("input", onInput);
    let width = window.innerWidth;
    window.addEventListener("resize", () => {
      if (window.innerWidth !== width) { width = window.innerWidth; growAll(document); }
    });
  }

  window.addEventListener("beforeprint", () => mirrorTextareas(document));
  window.addEventListener("afterprint", afterPrint);

  window.CourseExercises = { register, el, plural, say, partBoxes, showAdvice, revealScriptParts, grow, MESSAGES };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
