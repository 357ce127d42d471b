/* Pitch: an elevator speech built from parts. Live word count and time, missing parts, flagged
 * and repeated words, a choice of versions and paces, a practice timer, "measure my pace", read
 * aloud (on-device voices only, voices.js) and record yourself (recorder.js).
 * Saved: {"answer": {part: text}, "target", "pace", "words_per_minute",
 * "measured_words_per_minute"}. Checked by CourseRules. */
(function () {
  "use strict";

  const MIN_PACE = 40;
  const MAX_PACE = 300;

  function seconds(count) {
    return count + (count === 1 ? " second" : " seconds");
  }

  window.CourseExercises.register("pitch", (ctx) => {
    const X = window.CourseExercises;
    const root = ctx.root;
    const rules = ctx.rules;
    const paces = Object.assign({}, ctx.page.paces);
    const parts = X.partBoxes(ctx);
    const assembled = root.querySelector("[data-assembled]");
    const advice = root.querySelector("[data-advice]");
    const stat = (name) => root.querySelector("[data-stat=" + name + "]");
    const targetInputs = Array.from(root.querySelectorAll("[data-target-choice]"));
    const paceInputs = Array.from(root.querySelectorAll("[data-pace-choice]"));
    const measuredRow = root.querySelector("[data-pace-row=measured]");
    const measuredLabel = root.querySelector("[data-pace-label=measured]");
    const labels = {};
    rules.parts.forEach((part) => { labels[part.id] = part.label; });

    let target = rules.targets.length ? rules.targets[0].id : "";
    let pace = "default";
    let measured = null;

    function targetSpec() {
      return rules.targets.find((t) => t.id === target) || rules.targets[0];
    }

    function wordsPerMinute() {
      return (pace === "measured" ? measured : paces[pace]) || rules.words_per_minute;
    }

    function entry() {
      const fields = { answer: parts.collect(), target, pace, words_per_minute: wordsPerMinute() };
      if (measured) fields.measured_words_per_minute = measured;
      return fields;
    }

    function speechText() {
      const answer = parts.collect();
      return targetSpec().parts.map((id) => (answer[id] || "").trim()).filter(Boolean).join(" ");
    }

    function update() {
      const current = entry();
      const result = window.CourseRules.evaluate(rules, current);
      const text = speechText();
      assembled.textContent = text || "Start writing above. Your speech appears here.";
      assembled.classList.toggle("nd-assembled--empty", !text);
      stat("words").textContent = result.words;
      stat("seconds").textContent = "about " + seconds(result.seconds) + " at " + result.words_per_minute + " words a minute";
      const spec = targetSpec();
      stat("target").textContent = spec.label + ": " + result.min_words + " to " + result.max_words + " words";
      X.showAdvice(advice, [
        { title: "Parts still to write:", items: result.missing.map((id) => labels[id]) },
        { title: "Phrases to change:", items: result.flagged.map((f) => "“" + f.word + "”: " + f.reason) },
        { title: "Words you use many times (try another word):", items: result.repeated },
      ]);
      parts.boxes.forEach((box) => {
        const unused = !spec.parts.includes(box.dataset.partInput);
        const note = box.parentElement.querySelector("[data-unused]");
        note.hidden = !unused;
        box.closest(".nd-part").classList.toggle("nd-part--unused", unused);
        /* A screen reader hears the note too, but only while it is shown. */
        const described = (box.getAttribute("aria-describedby") || "").split(" ").filter((ref) => ref && ref !== note.id);
        if (unused) described.push(note.id);
        if (described.length) box.setAttribute("aria-describedby", described.join(" "));
        else box.removeAttribute("aria-describedby");
      });
      return { current, result };
    }

    function save() {
      const { current, result } = update();
      ctx.save(Object.assign(current, { finished: result.passed }));
    }

    function check() {
      const { current, result } = update();
      ctx.save(Object.assign(current, { finished: result.passed }));
      const spec = targetSpec();
      const sentences = ["Your speech has " + ctx.plural(result.words, "word") + " and takes about " +
        seconds(result.seconds) + "."];
      if (result.missing.length) sentences.push("Still to write: " + result.missing.map((id) => labels[id]).join(", ") + ".");
      if (result.words < result.min_words) sentences.push("It is too short for the " + spec.label + ". Aim for " + result.min_words + " to " + result.max_words + " words.");
      else if (result.words > result.max_words) sentences.push("It is too long for the " + spec.label + ". Aim for " + result.min_words + " to " + result.max_words + " words.");
      sentences.push(window.CourseRules.verdict(rules, result).text);   /* never "well done" with a flagged phrase */
      ctx.announce(sentences.join(" "));
    }

    function showMeasured() {
      if (!measured) return;
      measuredRow.hidden = false;
      measuredLabel.textContent = "My measured pace (" + measured + " words a minute)";
      paces.measured = measured;
    }

    /* A start/stop timer on a button; onStop gets the seconds (to one decimal). The button's
     * name says what it does next ("Start ...", "Stop ..."), so it is not a toggle button. */
    function timer(button, display, onStop) {
      const startLabel = button.textContent;          /* both labels come from the page (labels.py) */
      const stopLabel = button.dataset.stopLabel;
      let started = 0;
      let ticking = null;
      const stop = () => {
        window.clearInterval(ticking);
        ticking = null;
        button.textContent = startLabel;
        button.classList.remove("nd-button--running");
        onStop(Math.round((performance.now() - started) / 100) / 10);
      };
      button.addEventListener("click", () => {
        if (ticking) { stop(); return; }
        started = performance.now();
        display.textContent = seconds(0);
        button.textContent = stopLabel;
        button.classList.add("nd-button--running");
        ticking = window.setInterval(() => {
          display.textContent = seconds(Math.floor((performance.now() - started) / 1000));
        }, 250);
      });
    }

    timer(root.querySelector("[data-action=practice]"), root.querySelector("[data-timer=practice]"),
      (taken) => {
        const whole = Math.round(taken);
        root.querySelector("[data-timer=practice]").textContent = seconds(whole);
        const spec = targetSpec();
        let message = "You spoke for " + seconds(whole) + ". The " + spec.label + " should take about " + seconds(spec.seconds) + ".";
        if (whole > spec.seconds * 1.2) message += " Try to say it a little shorter.";
        ctx.announce(message);
      });

    timer(root.querySelector("[data-action=measure]"), root.querySelector("[data-timer=measure]"),
      (taken) => {
        root.querySelector("[data-timer=measure]").textContent = seconds(Math.round(taken));
        const count = window.CourseRules.countWords(speechText());
        const rate = taken > 0 ? Math.round(count / (taken / 60)) : 0;
        if (count < 10) {
          ctx.announce("Write at least 10 words of your speech first. Then press start and read it all out loud.");
        } else if (taken < 3) {
          ctx.announce("That was too short to measure. Press start, read your whole speech out loud, then press stop.");
        } else if (rate < MIN_PACE || rate > MAX_PACE) {
          ctx.announce("That was " + rate + " words a minute. That seems too " + (rate < MIN_PACE ? "slow" : "fast") +
            ", so your pace did not change. Try again and read the whole speech.");
        } else {
          measured = rate;
          pace = "measured";
          showMeasured();
          paceInputs.forEach((input) => { input.checked = input.value === "measured"; });
          save();
          ctx.announce("Your pace is " + rate + " words a minute. The time estimate now uses your pace.");
        }
      });

    /* Read aloud with an on-device voice only (voices.js); none: a plain message instead. */
    const readButton = root.querySelector("[data-action=read-aloud]");
    const voiceNote = root.querySelector("[data-voice-note]");
    let reading = false;
    if (window.CourseVoices.supported()) {
      root.querySelector("[data-speech-tool]").hidden = false;
      readButton.addEventListener("click", () => {
        if (reading) {
          window.CourseVoices.stop();
          reading = false;
          return;
        }
        const text = speechText();
        if (!text) { ctx.announce("Write your speech first."); return; }
        window.CourseVoices.whenReady((voices) => {
          if (!voices.length) {
            voiceNote.textContent = window.CourseVoices.NO_VOICE;
            voiceNote.hidden = false;
            return;
          }
          const rate = Math.min(1.5, Math.max(0.5, wordsPerMinute() / rules.words_per_minute));
          reading = window.CourseVoices.speak(text, voices[0], { rate, onend: () => { reading = false; } });
        });
      });
    }

    /* Record yourself and compare the real length with each version's time. */
    window.CourseRecorder.attach(root.querySelector("[data-recorder]"), {
      onRecorded: (taken) => {
        const verdicts = rules.targets.map((t) => {
          if (taken > t.seconds * 1.2) return "longer than the " + t.label + " (" + seconds(t.seconds) + ")";
          if (taken < t.seconds * 0.5) return "much shorter than the " + t.label + " (" + seconds(t.seconds) + ")";
          return "about right for the " + t.label + " (" + seconds(t.seconds) + ")";
        });
        ctx.announce("You spoke for " + seconds(taken) + ". That is " + verdicts.join(", and ") + ".");
      },
    });

    const record = ctx.load();
    if (record) {
      parts.restore(record.answer);
      if (rules.targets.some((t) => t.id === record.target)) target = record.target;
      if (record.measured_words_per_minute) {
        measured = Math.round(record.measured_words_per_minute);
        showMeasured();
      }
      if (record.pace && paces[record.pace]) pace = record.pace;
    }
    targetInputs.forEach((input) => {
      input.checked = input.value === target;
      input.addEventListener("change", () => { if (input.checked) { target = input.value; save(); } });
    });
    paceInputs.forEach((input) => {
      input.checked = input.value === pace;
      input.addEventListener("change", () => { if (input.checked) { pace = input.value; save(); } });
    });
    parts.boxes.forEach((box) => box.addEventListener("input", save));
    root.querySelector("[data-action=check]").addEventListener("click", check);
    update();
  });
})();
