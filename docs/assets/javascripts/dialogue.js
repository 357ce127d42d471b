/* Dialogue: a short conversation to listen to, practise and record.
 * - Listen: lines read aloud one at a time (on-device voices only, see voices.js), the line
 *   being read highlighted; one line or all; pause, stop, speed.
 * - Your turn: the learner's lines are hidden (their first words stay as a prompt), the other
 *   roles' lines are read, and the page waits for "I said it - next".
 * - Record: recorder.js. Choice points: checked like a quiz question by CourseRules.
 * Saved: {"answer": {"<choice point number>": "<letter>"}, "practised": true, "finished"}. */
(function () {
  "use strict";

  const CURRENT = "nd-line--current";

  window.CourseExercises.register("dialogue", (ctx) => {
    const V = window.CourseVoices;
    const root = ctx.root;
    const page = ctx.page;
    const rules = ctx.rules;
    const items = Array.from(root.querySelectorAll(".nd-line"));
    const points = Array.from(root.querySelectorAll(".nd-line__choices"));
    const button = (name) => root.querySelector("[data-action=" + name + "]");
    const pauseLabel = button("pause").textContent;          /* labels come from the page (labels.py) */
    const note = root.querySelector("[data-voice-note]");
    const listenTools = root.querySelector("[data-listen-tools]");
    const rateSelect = root.querySelector("[data-rate]");
    const playButtons = Array.from(root.querySelectorAll("[data-action=play-line]"));
    const next = ctx.el("button", "nd-button nd-button--primary nd-line__next");
    next.type = "button";
    next.dataset.action = "next";

    let voices = [];
    let practised = false;
    let checked = false;
    let mode = "";          /* "", "listen", "line" or "turn" */
    let run = 0;            /* bumped on every stop, so a late "end" from old speech is ignored */
    let paused = false;

    function voiceFor(roleId) {
      if (!voices.length) return null;
      const index = page.roles.findIndex((role) => role.id === roleId);
      return voices[Math.max(0, index) % voices.length];
    }

    function roleName(roleId) {
      const role = page.roles.find((r) => r.id === roleId);
      return role ? role.name : roleId;
    }

    function highlight(index) {
      items.forEach((item, i) => {
        const on = i === index;
        item.classList.toggle(CURRENT, on);
        if (on) item.setAttribute("aria-current", "true");
        else item.removeAttribute("aria-current");
      });
      if (index >= 0 && items[index]) items[index].scrollIntoView({ block: "nearest" });
    }

    function setListening(on) {
      button("pause").disabled = !on;
      button("stop").disabled = !on;
      button("pause").textContent = pauseLabel;
      paused = false;
    }

    function stopAll(quiet) {
      run += 1;
      V.stop();
      const wasTurn = mode === "turn";
      mode = "";
      highlight(-1);
      setListening(false);
      next.remove();
      if (wasTurn) showLines(true);
      button("your-turn").hidden = false;
      button("end-turn").hidden = true;
      if (!quiet && wasTurn) ctx.announce("Your turn stopped. All the lines are shown again.");
    }

    /* --- saving ------------------------------------------------------------------------------ */

    function collect() {
      const answer = {};
      points.forEach((point) => {
        const chosen = point.querySelector("input:checked");
        if (chosen) answer[point.dataset.question] = chosen.value;
      });
      return answer;
    }

    function allAnswered(answer) {
      return points.length > 0 && Object.keys(answer).length === points.length;
    }

    function save() {
      const answer = collect();
      const fields = { answer, finished: practised || (checked && allAnswered(answer)) };
      if (practised) fields.practised = true;
      ctx.save(fields);
    }

    function markPractised() {
      practised = true;
      save();
    }

    /* --- Listen ------------------------------------------------------------------------------ */

    function speakLine(index, onDone) {
      const line = page.lines[index];
      const mine = run;
      highlight(index);
      /* At a choice point, what is read is shown too: the transcript always has the words. */
      const spokenText = items[index].querySelector("[data-line-spoken]");
      if (spokenText && mode !== "turn") {
        items[index].dataset.heard = "true";
        spokenText.hidden = false;
        items[index].querySelector("[data-line-text]").hidden = true;
      }
      const spoken = V.speak(line.text, voiceFor(line.role), {
        rate: Number.parseFloat(rateSelect.value),
        onend: () => { if (mine === run) onDone(); },
      });
      if (!spoken) onDone();
    }

    function listenFrom(index) {
      if (index >= page.lines.length) {
        stopAll(true);
        markPractised();
        ctx.announce("You listened to the whole conversation. Now try Your turn, or record yourself.");
        return;
      }
      speakLine(index, () => listenFrom(index + 1));
    }

    function listenAll() {
      stopAll(true);
      mode = "listen";
      setListening(true);
      listenFrom(0);
    }

    function listenOne(index) {
      stopAll(true);
      mode = "line";
      setListening(true);
      speakLine(index, () => { highlight(-1); setListening(false); mode = ""; });
    }

    function togglePause() {
      if (!mode) return;
      if (paused) { V.resume(); paused = false; button("pause").textContent = pauseLabel; }
      else { V.pause(); paused = true; button("pause").textContent = button("pause").dataset.resumeLabel; }
    }

    /* --- Your turn --------------------------------------------------------------------------- */

    function showLines(all) {
      items.forEach((item, index) => {
        const hide = !all && page.lines[index].role === page.learner;
        item.classList.toggle("nd-line--hidden", hide);
        const spokenText = item.querySelector("[data-line-spoken]");
        const heard = item.dataset.heard === "true";
        item.querySelector("[data-line-text]").hidden = hide || heard;
        if (spokenText) spokenText.hidden = hide || !heard;
        item.querySelector("[data-line-prompt]").hidden = !hide;
        const choices = item.querySelector(".nd-line__choices");
        if (choices) choices.hidden = hide;
      });
    }

    function waitFor(index, label, message) {
      next.textContent = label;
      items[index].append(next);
      next.focus({ preventScroll: true });
      ctx.announce(message);
    }

    function turnStep(index) {
      if (mode !== "turn") return;
      if (index >= page.lines.length) {
        stopAll(true);
        markPractised();
        ctx.announce("Well done: you said all your lines. Try again, or record yourself.");
        button("your-turn").focus();
        return;
      }
      const line = page.lines[index];
      highlight(index);
      next.onclick = () => { next.remove(); turnStep(index + 1); };
      if (line.role === page.learner) {
        waitFor(index, button("your-turn").dataset.saidLabel, "Your turn. Your line starts: " + line.first +
          " Say it out loud, then press “I said it: next”.");
      } else if (voiceFor(line.role)) {
        next.remove();
        speakLine(index, () => turnStep(index + 1));
      } else {
        waitFor(index, button("your-turn").dataset.nextLabel, roleName(line.role) + " says: " + line.text);
      }
    }

    function startTurn() {
      stopAll(true);
      mode = "turn";
      showLines(false);
      button("your-turn").hidden = true;
      button("end-turn").hidden = false;
      setListening(voices.length > 0);
      turnStep(0);
    }

    /* --- choice points ----------------------------------------------------------------------- */

    function clearFeedback(point) {
      point.classList.remove("nd-is-right", "nd-is-wrong");
      point.querySelectorAll("[data-feedback], [data-result]").forEach((node) => { node.hidden = true; });
      point.querySelectorAll(".nd-option").forEach((option) => option.classList.remove("nd-chosen-right", "nd-chosen-wrong"));
    }

    function check() {
      const answer = collect();
      const result = window.CourseRules.evaluate(rules, { answer });
      result.points.forEach((outcome, index) => {
        const point = points[index];
        clearFeedback(point);
        const text = point.querySelector("[data-result]");
        text.hidden = false;
        if (!outcome.chosen) { text.textContent = "You did not choose here."; return; }
        text.textContent = outcome.correct ? "Good choice." : "Think again.";
        point.classList.add(outcome.correct ? "nd-is-right" : "nd-is-wrong");
        const option = point.querySelector("[data-option=" + outcome.chosen + "]");
        if (!option) return;
        option.classList.add(outcome.correct ? "nd-chosen-right" : "nd-chosen-wrong");
        option.querySelector("[data-verdict]").textContent = outcome.correct ? "Good choice." : "Not this one.";
        option.querySelector("[data-feedback]").hidden = false;
      });
      checked = true;
      save();
      const unanswered = result.points.filter((p) => !p.chosen).length;
      let message = "Good choices: " + result.score + " of " + result.total + " (" + result.percent + "%). ";
      message += result.passed ? "Well done." : "Read the feedback under each choice, then try again.";
      if (unanswered) message += " " + ctx.plural(unanswered, "choice") + " still to make.";
      ctx.announce(message);
      button("retry").hidden = false;
    }

    function retry() {
      points.forEach((point) => {
        clearFeedback(point);
        point.querySelectorAll("input").forEach((input) => { input.checked = false; });
      });
      checked = false;
      save();
      button("retry").hidden = true;
      ctx.announce("Your choices were cleared. Try again.");
      const first = points.length && points[0].querySelector("input");
      if (first) first.focus();
    }

    /* --- set-up ------------------------------------------------------------------------------ */

    const record = ctx.load();
    if (record) {
      let dropped = false;
      Object.keys(record.answer).forEach((number) => {
        const point = points.find((p) => p.dataset.question === number);
        const input = point && point.querySelector("input[value=\"" + String(record.answer[number]).replace(/[^a-z]/g, "") + "\"]");
        if (input) input.checked = true;
        else dropped = true;
      });
      if (dropped) ctx.partial();
      practised = record.practised === true;
      checked = record.finished === true && allAnswered(collect());
    }

    rateSelect.value = String(V.rate());
    if (rateSelect.selectedIndex < 0) rateSelect.value = String(V.DEFAULT_RATE);
    rateSelect.addEventListener("change", () => V.setRate(rateSelect.value));
    playButtons.forEach((play, index) => { play.hidden = true; play.addEventListener("click", () => listenOne(index)); });
    button("play-all").addEventListener("click", listenAll);
    button("pause").addEventListener("click", togglePause);
    button("stop").addEventListener("click", () => stopAll(false));
    button("your-turn").addEventListener("click", startTurn);
    button("end-turn").addEventListener("click", () => { stopAll(false); button("your-turn").focus(); });
    if (button("check")) {
      button("check").addEventListener("click", check);
      button("retry").addEventListener("click", retry);
      button("retry").hidden = true;
      points.forEach((point) => point.addEventListener("change", () => { clearFeedback(point); checked = false; save(); }));
    }
    window.addEventListener("pagehide", () => V.stop());

    window.CourseRecorder.attach(root.querySelector("[data-recorder]"), {
      onRecorded: (taken) => { if (taken >= 1) markPractised(); },
    });

    V.whenReady((found) => {
      voices = found;
      if (!voices.length) {
        note.textContent = V.NO_VOICE;
        note.hidden = false;
        return;
      }
      listenTools.hidden = false;
      playButtons.forEach((play) => { play.hidden = false; });
    });
  });
})();
