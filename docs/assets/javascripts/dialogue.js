/* Dialogue: a short conversation to listen to, practise and record.
 * - Listen: lines read aloud one at a time (on-device voices only, see voices.js), the line
 *   being read highlighted; one line or all; pause, stop, speed.
 * - Your turn: the learner's lines are hidden (their first words stay as a prompt, and "Show the
 *   line" shows one in full), the other roles' lines are read, and the page waits for
 *   "I said it - next". The instruction sits in the current line, beside that button. Another
 *   role's line can be heard again with its Listen button; then the turn goes on where it was.
 * - A choice point gives nothing away before it is checked right: Listen keeps a quiet moment
 *   there (the line still says "Choose what to say."), its Listen button is hidden, and Your turn
 *   asks the learner to choose first. Changing the choice hides the line again.
 * - Record: recorder.js. Choice points: checked like a quiz question by CourseRules; the result
 *   is shown under "Check my choices", each option's feedback beside that option.
 * Saved: {"answer": {"<choice point number>": "<letter>"}, "checked", "practised": true, "finished"}.
 * "checked" says the choices were checked as they are: only then is a right choice's line open. */
(function () {
  "use strict";

  const CURRENT = "nd-line--current";
  const QUIET_MS = 1200;  /* the pause where an unchecked choice point is (at normal speed) */

  window.CourseExercises.register("dialogue", (ctx) => {
    const V = window.CourseVoices;
    const say = window.CourseExercises.say;
    const root = ctx.root;
    const page = ctx.page;
    const rules = ctx.rules;
    const items = Array.from(root.querySelectorAll(".nd-line"));
    const points = Array.from(root.querySelectorAll(".nd-line__choices"));
    const button = (name) => root.querySelector("[data-action=" + name + "]");
    const quote = (name) => "\u201c" + button(name).textContent.trim() + "\u201d";  /* a label, as on the button */
    const pauseLabel = button("pause").textContent;          /* labels come from the page (labels.py) */
    const note = root.querySelector("[data-voice-note]");
    const listenTools = root.querySelector("[data-listen-tools]");
    const rateSelect = root.querySelector("[data-rate]");
    const turnStatus = root.querySelector("[data-turn-status]");
    const turnHome = turnStatus.parentElement;
    const checkStatus = root.querySelector("[data-check-status]");
    const actions = root.querySelector(".nd-actions");
    const playButtons = items.map((item) => item.querySelector("[data-action=play-line]"));
    const next = ctx.el("button", "nd-button nd-button--primary nd-line__next");
    next.type = "button";
    next.dataset.action = "next";

    let voices = [];
    let practised = false;
    let checked = false;
    let mode = "";          /* "", "listen", "line" or "turn" */
    let run = 0;            /* bumped on every stop, so a late "end" from old speech is ignored */
    let paused = false;
    let turnAt = -1;        /* during Your turn: the line the turn is at */

    function voiceFor(roleId) {
      if (!voices.length) return null;
      const index = page.roles.findIndex((role) => role.id === roleId);
      return voices[Math.max(0, index) % voices.length];
    }

    function roleName(roleId) {
      const role = page.roles.find((r) => r.id === roleId);
      return role ? role.name : roleId;
    }

    function pointAt(index) {
      return items[index].querySelector(".nd-line__choices");
    }

    /* A line can be shown and read: not a choice point, or a choice point checked right. */
    function isOpen(index) {
      const point = pointAt(index);
      return !point || point.dataset.right === "true";
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

    /* What one line shows, from the state: Your turn or not, checked right or not, heard, shown. */
    function renderLine(index) {
      const item = items[index];
      const turn = mode === "turn" && page.lines[index].role === page.learner;
      const open = isOpen(index);
      const shown = turn && open && item.dataset.shown === "true";
      const hide = turn && !shown;
      const spokenText = item.querySelector("[data-line-spoken]");
      const heard = Boolean(spokenText) && open && (item.dataset.heard === "true" || shown);
      item.classList.toggle("nd-line--hidden", hide);
      item.querySelector("[data-line-text]").hidden = hide || heard;
      if (spokenText) spokenText.hidden = hide || !heard;
      const prompt = item.querySelector("[data-line-prompt]");
      prompt.hidden = !hide;
      if (spokenText) {
        prompt.textContent = open ? page.lines[index].first : prompt.dataset.chooseText;
        prompt.classList.toggle("nd-line__prompt--choose", !open);
      }
      const point = pointAt(index);
      if (point) point.hidden = turn;
      const toggle = item.querySelector("[data-action=show-line]");
      if (toggle) {
        toggle.hidden = !turn || !open;
        toggle.firstChild.nodeValue = shown ? toggle.dataset.hideLabel : toggle.dataset.showLabel;
        toggle.setAttribute("aria-expanded", String(shown));
      }
      if (playButtons[index]) playButtons[index].hidden = !voices.length || !open || turn;
    }

    function renderAll() {
      items.forEach((item, index) => renderLine(index));
    }

    function setListening(on) {
      button("pause").disabled = !on;
      button("stop").disabled = !on;
      button("pause").textContent = pauseLabel;
      paused = false;
    }

    /* The instruction of the moment: in the current line during Your turn, under the buttons otherwise. */
    function tell(text, index) {
      if (index === undefined) turnHome.append(turnStatus);
      else items[index].insertBefore(turnStatus, next.parentElement === items[index] ? next : null);
      say(turnStatus, text);
    }

    function stopAll(quiet) {
      run += 1;
      V.stop();
      const wasTurn = mode === "turn";
      mode = "";
      highlight(-1);
      setListening(false);
      next.remove();
      items.forEach((item) => { delete item.dataset.shown; });
      renderAll();
      turnHome.append(turnStatus);
      turnStatus.textContent = "";
      button("your-turn").hidden = false;
      button("end-turn").hidden = true;
      button("stop").hidden = false;
      if (actions) actions.hidden = false;
      if (!quiet && wasTurn) tell("Your turn stopped. All the lines are shown again.");
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
      /* Finished: with choice points, when they are checked and pass (as a quiz); without any,
       * when the learner has listened to it all or said their lines. */
      const passed = checked && allAnswered(answer) && window.CourseRules.evaluate(rules, { answer }).passed;
      const fields = { answer, checked, finished: points.length ? passed : practised };
      if (practised) fields.practised = true;
      ctx.save(fields);
    }

    function markPractised() {
      practised = true;
      save();
    }

    /* --- Listen ------------------------------------------------------------------------------ */

    /* A quiet moment that Pause holds and Stop ends, like a spoken line. */
    function quietMoment(mine, onDone) {
      let left = QUIET_MS / Number.parseFloat(rateSelect.value);
      const tick = () => {
        if (mine !== run) return;
        if (!paused) left -= 100;
        if (left <= 0) onDone();
        else window.setTimeout(tick, 100);
      };
      window.setTimeout(tick, 100);
    }

    function speakLine(index, onDone) {
      const line = page.lines[index];
      const mine = run;
      highlight(index);
      if (!isOpen(index)) { quietMoment(mine, onDone); return; }   /* a choice not yet checked right */
      /* At a choice point checked right, what is read is shown too: the transcript has the words. */
      if (pointAt(index) && mode !== "turn") {
        items[index].dataset.heard = "true";
        renderLine(index);
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
        tell("You listened to the whole conversation. Now try Your turn, or record yourself.");
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
      if (!isOpen(index)) return;
      if (mode === "turn") { listenInTurn(index); return; }
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

    /* The line that waits for the learner holds the instruction and the button, and the
     * instruction is filled in a moment later (for screen readers): each time the line changes
     * size, it scrolls so all of it shows, button included. */
    const lineSize = typeof ResizeObserver === "function" ? new ResizeObserver((entries) => {
      entries.forEach((entry) => {
        if (next.parentElement === entry.target) entry.target.scrollIntoView({ block: "nearest" });
      });
    }) : null;
    function keepInView(item) {
      if (!lineSize) { item.scrollIntoView({ block: "nearest" }); return; }
      lineSize.disconnect();
      lineSize.observe(item);
    }

    function waitFor(index, label, message) {
      next.textContent = label;
      items[index].append(next);
      tell(message, index);
      keepInView(items[index]);
      next.focus({ preventScroll: true });
    }

    /* One line heard again during Your turn. Then the turn goes on: it waits again where it waited
     * (focus stays on the Listen button), or it reads again the line that was cut off (unless that
     * was the line just heard). */
    function listenInTurn(index) {
      run += 1;
      V.stop();
      setListening(true);
      const at = turnAt;
      const waiting = next.parentElement === items[at];
      speakLine(index, () => {
        if (waiting) highlight(at);
        else turnStep(index === at ? at + 1 : at);
      });
    }

    function turnStep(index) {
      if (mode !== "turn") return;
      turnAt = index;
      if (index >= page.lines.length) {
        stopAll(true);
        markPractised();
        tell("Well done: you said all your lines. To practise again, press " + quote("your-turn") +
          ". Or record yourself.");
        button("your-turn").focus();
        return;
      }
      const line = page.lines[index];
      const said = button("your-turn").dataset.saidLabel;
      highlight(index);
      next.onclick = () => { run += 1; V.stop(); turnStep(index + 1); };
      if (line.role === page.learner && !isOpen(index)) {
        waitFor(index, said, "You have not chosen this line yet. Say what you think fits, then press \u201c" +
          said + "\u201d. Or press " + quote("end-turn") + " and choose first.");
      } else if (line.role === page.learner) {
        waitFor(index, said, "Your turn. Your line starts: " + line.first + " Say it out loud, then press \u201c" +
          said + "\u201d.");
      } else if (voiceFor(line.role)) {
        const hadFocus = document.activeElement === next;   /* a keyboard stays in the dialogue: */
        next.remove();                                       /* on the Listen button of the line read */
        if (hadFocus && playButtons[index]) playButtons[index].focus({ preventScroll: true });
        tell("Listen to " + roleName(line.role) + ".", index);
        speakLine(index, () => turnStep(index + 1));
      } else {
        waitFor(index, button("your-turn").dataset.nextLabel, roleName(line.role) + " says: " + line.text);
      }
    }

    function startTurn() {
      stopAll(true);
      mode = "turn";
      renderAll();
      button("your-turn").hidden = true;
      button("end-turn").hidden = false;
      button("stop").hidden = true;          /* "Stop my turn" is the one that applies */
      if (actions) actions.hidden = true;    /* the choices wait until the turn ends */
      setListening(voices.length > 0);
      turnStep(0);
    }

    function toggleLine(index) {
      const item = items[index];
      if (item.dataset.shown === "true") delete item.dataset.shown;
      else item.dataset.shown = "true";
      renderLine(index);
    }

    /* --- choice points ----------------------------------------------------------------------- */

    function lineOf(point) {
      return items.indexOf(point.closest(".nd-line"));
    }

    function markRight(point, right) {
      const index = lineOf(point);
      if (right) point.dataset.right = "true";
      else {
        delete point.dataset.right;
        delete items[index].dataset.heard;
      }
      renderLine(index);
    }

    function clearFeedback(point) {
      point.classList.remove("nd-is-right", "nd-is-wrong");
      point.querySelectorAll("[data-feedback], [data-result]").forEach((node) => { node.hidden = true; });
      point.querySelectorAll(".nd-option").forEach((option) => option.classList.remove("nd-chosen-right", "nd-chosen-wrong"));
    }

    /* Check the choices; `restoring` puts a result saved before back on the page, without a word. */
    function check(restoring) {
      const answer = collect();
      const result = window.CourseRules.evaluate(rules, { answer });
      result.points.forEach((outcome, index) => {
        const point = points[index];
        clearFeedback(point);
        markRight(point, Boolean(outcome.chosen && outcome.correct));
        if (!outcome.chosen) {
          const text = point.querySelector("[data-result]");
          text.textContent = "You did not choose here yet.";
          text.hidden = false;
          return;
        }
        point.classList.add(outcome.correct ? "nd-is-right" : "nd-is-wrong");
        const option = point.querySelector("[data-option=" + outcome.chosen + "]");
        if (!option) return;
        option.classList.add(outcome.correct ? "nd-chosen-right" : "nd-chosen-wrong");
        option.querySelector("[data-verdict]").textContent = outcome.correct ? "Good choice." : "Not this one.";
        option.querySelector("[data-feedback]").hidden = false;
      });
      checked = true;
      if (restoring !== true) save();
      const unanswered = result.points.filter((p) => !p.chosen).length;
      const allRight = result.score === result.total;
      let message = "Good choices: " + result.score + " of " + result.total + " (" + result.percent + "%). ";
      if (allRight) message += "Well done. Now you can listen to your lines too.";
      else if (result.passed) message += "Well done.";
      else message += "Read the note under your choice. Choose again, then press " + quote("check") + ".";
      if (unanswered) message += " " + ctx.plural(unanswered, "choice") + " still to make.";
      if (restoring === true) checkStatus.textContent = message;
      else say(checkStatus, message);
      button("retry").hidden = allRight;
    }

    function retry() {
      points.forEach((point) => {
        clearFeedback(point);
        point.querySelectorAll("input").forEach((input) => { input.checked = false; });
        markRight(point, false);
      });
      checked = false;
      save();
      button("retry").hidden = true;
      say(checkStatus, "Your choices were cleared. Choose again.");
      const first = points.length && points[0].querySelector("input");
      if (first) first.focus();
    }

    function changed(point) {
      clearFeedback(point);
      markRight(point, false);
      checked = false;
      save();
      if (checkStatus.textContent) say(checkStatus, "You changed a choice. Press " + quote("check") + " to check it.");
    }

    /* --- set-up ------------------------------------------------------------------------------ */

    items.forEach((item) => {
      const prompt = item.querySelector("[data-choose-first]");
      if (prompt) prompt.dataset.chooseText = prompt.textContent;
      const toggle = item.querySelector("[data-action=show-line]");
      if (toggle) toggle.dataset.showLabel = toggle.firstChild.nodeValue;
    });

    const record = ctx.load();
    if (record) {
      let dropped = false;
      Object.keys(record.answer).forEach((number) => {
        const point = points.find((p) => p.dataset.question === number);
        const letter = record.answer[number];
        const input = point && typeof letter === "string" && /^[a-z]$/.test(letter) &&
          point.querySelector("input[value=" + letter + "]");
        if (input) input.checked = true;
        else dropped = true;
      });
      if (dropped) ctx.partial();
      practised = record.practised === true;
      /* Saved before "checked" was kept: finished without practice meant checked. */
      const before = !("checked" in record) && record.finished === true && !practised && allAnswered(collect());
      checked = record.checked === true || before;
    }

    rateSelect.value = String(V.rate());
    if (rateSelect.selectedIndex < 0) rateSelect.value = String(V.DEFAULT_RATE);
    rateSelect.addEventListener("change", () => V.setRate(rateSelect.value));
    playButtons.forEach((play, index) => { play.addEventListener("click", () => listenOne(index)); });
    items.forEach((item, index) => {
      const toggle = item.querySelector("[data-action=show-line]");
      if (toggle) toggle.addEventListener("click", () => toggleLine(index));
    });
    button("play-all").addEventListener("click", listenAll);
    button("pause").addEventListener("click", togglePause);
    button("stop").addEventListener("click", () => stopAll(false));
    button("your-turn").addEventListener("click", startTurn);
    button("end-turn").addEventListener("click", () => { stopAll(false); button("your-turn").focus(); });
    if (button("check")) {
      button("check").addEventListener("click", () => check());
      button("retry").addEventListener("click", retry);
      button("retry").hidden = true;
      if (checked) check(true);              /* checked before: the result and the right lines are back */
      points.forEach((point) => point.addEventListener("change", () => changed(point)));
    }
    renderAll();
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
      renderAll();
    });
  });
})();
