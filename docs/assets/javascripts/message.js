/* Message: a thank-you, follow-up or reconnection message built from parts. Sentence and word
 * counts (of the parts the length rule counts: CourseRules gives them, and the page says what
 * they leave out), missing parts, flagged words, a "send by" date from the day you met, and copy.
 * Saved: {"answer": {part: text}, "meeting_date": "YYYY-MM-DD"}. Checked by CourseRules. */
(function () {
  "use strict";

  function longDate(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    return new Date(year, month - 1, day).toLocaleDateString("en-CA", {
      weekday: "long", year: "numeric", month: "long", day: "numeric",
    });
  }

  /* Today on this device, as YYYY-MM-DD. */
  function today() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
  }

  /* Change a node's text only when it differs, so a live region speaks only real news. */
  function setText(node, text) {
    if (node && node.textContent !== text) node.textContent = text;
  }

  /* Copy with the Clipboard API, or with a hidden text box where that is missing. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(() => true, () => copyByHand(text));
    }
    return Promise.resolve(copyByHand(text));
  }

  function copyByHand(text) {
    const box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.className = "nd-offscreen";
    document.body.append(box);
    box.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    box.remove();
    return ok;
  }

  window.CourseExercises.register("message", (ctx) => {
    const X = window.CourseExercises;
    const root = ctx.root;
    const rules = ctx.rules;
    const parts = X.partBoxes(ctx);
    const assembled = root.querySelector("[data-assembled]");
    const advice = root.querySelector("[data-advice]");
    const meeting = root.querySelector("[data-meeting-date]");
    const sendBy = root.querySelector("[data-send-by]");
    const late = root.querySelector("[data-send-late]");
    const labels = {};
    rules.parts.forEach((part) => { labels[part.id] = part.label; });

    function messageText() {
      const answer = parts.collect();
      return rules.parts.map((part) => (answer[part.id] || "").trim()).filter(Boolean).join("\n");
    }

    function entry() {
      const fields = { answer: parts.collect() };
      if (meeting && meeting.value) fields.meeting_date = meeting.value;
      return fields;
    }

    function update() {
      const current = entry();
      const result = window.CourseRules.evaluate(rules, current);
      const text = messageText();
      assembled.textContent = text || "Start writing above. Your message appears here.";
      assembled.classList.toggle("nd-assembled--empty", !text);
      root.querySelector("[data-stat=sentences]").textContent = result.sentences;
      root.querySelector("[data-stat=words]").textContent = result.words;
      X.showAdvice(advice, [
        { title: "Parts still to write:", items: result.missing.map((id) => labels[id]) },
        { title: "Phrases to change:", items: result.flagged.map((f) => "“" + f.word + "”: " + f.reason) },
      ]);
      if (sendBy) {
        setText(sendBy, result.send_by ? "Send it by " + longDate(result.send_by) + "."
          : "Choose the day you met to see the last day to send it.");
      }
      if (late) late.hidden = !(result.send_by && result.send_by < today());
      return { current, result };
    }

    function save() {
      const { current, result } = update();
      ctx.save(Object.assign(current, { finished: result.passed }));
      return result;
    }

    function range(name, limits) {
      return limits ? " Aim for " + limits[0] + " to " + limits[1] + " " + name + "." : "";
    }

    function check() {
      const result = save();
      const length = rules.length;
      const notCounting = root.querySelector("[data-not-counting]").dataset.notCounting;
      const sentences = ["Your message has " + ctx.plural(result.sentences, "sentence") + " and " +
        ctx.plural(result.words, "word") + (notCounting ? ", " + notCounting : "") + "."];
      if (result.missing.length) sentences.push("Still to write: " + result.missing.map((id) => labels[id]).join(", ") + ".");
      if (length.sentences && (result.sentences < length.sentences[0] || result.sentences > length.sentences[1])) {
        sentences.push((result.sentences < length.sentences[0] ? "It is too short." : "It is too long.") + range("sentences", length.sentences));
      } else if (length.words && (result.words < length.words[0] || result.words > length.words[1])) {
        sentences.push((result.words < length.words[0] ? "It is too short." : "It is too long.") + range("words", length.words));
      }
      sentences.push(window.CourseRules.verdict(rules, result).text);   /* never "ready" with a flagged phrase */
      if (result.send_by) {
        sentences.push(result.send_by < today() ? "The day to send it has passed. Send it as soon as you can."
          : "Send it by " + longDate(result.send_by) + ".");
      }
      ctx.announce(sentences.join(" "));
    }

    const record = ctx.load();
    if (record) {
      parts.restore(record.answer);
      if (meeting && record.meeting_date) meeting.value = record.meeting_date;
    }
    parts.boxes.forEach((box) => box.addEventListener("input", save));
    if (meeting) meeting.addEventListener("change", save);
    root.querySelector("[data-action=check]").addEventListener("click", check);
    root.querySelector("[data-action=copy]").addEventListener("click", () => {
      const text = messageText();
      if (!text) { ctx.announce("Write your message first, then copy it."); return; }
      copyText(text).then((ok) => {
        ctx.announce(ok ? "Your message was copied. You can paste it into an email or a text message."
          : "Your device did not let us copy. Select the message text and copy it yourself.");
      });
    });
    update();
  });
})();
