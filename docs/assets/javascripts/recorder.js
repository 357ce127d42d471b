/* Record yourself: the microphone is asked for only when the learner presses Record.
 * The recording is kept in this page's memory only (a Blob and its blob: address): it is never
 * stored, never uploaded, and gone when the page closes or the learner deletes it.
 * `CourseRecorder.attach(box, {onRecorded(seconds)})` wires one templates/site/_recorder.html box. */
(function () {
  "use strict";

  const MESSAGES = {
    unsupported: "This browser cannot record sound. Everything else on this page still works.",
    refused: "The microphone was not allowed, so nothing was recorded. Everything else still works. " +
      "To record, allow the microphone in your browser's settings, then press Record again.",
    missing: "No microphone was found, so nothing was recorded. Everything else still works.",
    failed: "The recording could not start. Everything else still works.",
    deleted: "Your recording was deleted.",
    recording: "Recording. Say it out loud, then press \u201cStop recording\u201d.",
  };

  function seconds(count) {
    return count + (count === 1 ? " second" : " seconds");
  }

  function canRecord() {
    return Boolean(navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === "function" &&
      typeof window.MediaRecorder === "function");
  }

  function attach(box, options) {
    const settings = options || {};
    const button = box.querySelector("[data-action=record]");
    const startLabel = button.textContent;                    /* labels come from the page (labels.py) */
    const time = box.querySelector("[data-record-time]");
    const result = box.querySelector("[data-recording-box]");
    const length = box.querySelector("[data-record-length]");
    const audio = box.querySelector("[data-recording]");
    const remove = box.querySelector("[data-action=delete-recording]");
    const message = box.querySelector("[data-record-message]");
    let recorder = null;
    let stream = null;
    let chunks = [];
    let started = 0;
    let ticking = null;
    let address = "";

    function say(text) { message.textContent = text; }

    function release() {
      if (stream) stream.getTracks().forEach((track) => track.stop());
      stream = null;
    }

    function forget() {
      if (address) URL.revokeObjectURL(address);
      address = "";
      audio.removeAttribute("src");
      audio.load();
      result.hidden = true;
    }

    function finished() {
      window.clearInterval(ticking);
      ticking = null;
      const taken = Math.max(0, Math.round((performance.now() - started) / 1000));
      release();
      button.textContent = startLabel;
      button.classList.remove("nd-button--running");
      time.textContent = seconds(taken);
      const blob = new Blob(chunks, { type: (recorder && recorder.mimeType) || "audio/webm" });
      chunks = [];
      recorder = null;
      forget();
      address = URL.createObjectURL(blob);
      audio.src = address;
      length.textContent = "Your recording is " + seconds(taken) + " long. Press play to hear yourself.";
      result.hidden = false;
      say("");
      if (settings.onRecorded) settings.onRecorded(taken);
    }

    function start() {
      if (!canRecord()) { say(MESSAGES.unsupported); return; }
      button.disabled = true;
      navigator.mediaDevices.getUserMedia({ audio: true }).then((granted) => {
        stream = granted;
        chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.addEventListener("dataavailable", (event) => { if (event.data && event.data.size) chunks.push(event.data); });
        recorder.addEventListener("stop", finished);
        recorder.start();
        started = performance.now();
        time.textContent = seconds(0);
        ticking = window.setInterval(() => {
          time.textContent = seconds(Math.floor((performance.now() - started) / 1000));
        }, 250);
        button.textContent = button.dataset.stopLabel;
        button.classList.add("nd-button--running");
        button.disabled = false;
        button.focus();
        say(MESSAGES.recording);
      }).catch((error) => {
        release();
        button.disabled = false;
        const name = error && error.name;
        if (name === "NotAllowedError" || name === "SecurityError") say(MESSAGES.refused);
        else if (name === "NotFoundError" || name === "OverconstrainedError") say(MESSAGES.missing);
        else say(MESSAGES.failed);
      });
    }

    button.addEventListener("click", () => {
      if (recorder && recorder.state === "recording") recorder.stop();
      else start();
    });
    remove.addEventListener("click", () => {
      forget();
      time.textContent = seconds(0);
      say(MESSAGES.deleted);
      button.focus();
      if (settings.onDeleted) settings.onDeleted();
    });
    window.addEventListener("pagehide", () => {
      if (recorder && recorder.state === "recording") recorder.stop();
      release();
    });
  }

  window.CourseRecorder = { attach, canRecord, MESSAGES };
})();
