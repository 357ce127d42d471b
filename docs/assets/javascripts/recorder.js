/* Record yourself: the microphone is asked for only when the learner presses Record.
 * The recording is kept in this page's memory only (a Blob and its blob: address): it is never
 * stored, never uploaded, and gone when the page closes or the learner deletes it.
 * `CourseRecorder.attach(box, {onRecorded(seconds)})` wires one templates/site/_recorder.html box.
 * The length said on the page is the sound's own length in whole seconds, cut down (1.9 s is
 * "1 second"), as the audio player shows it (0:01); never the time between the two presses. */
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

  function length(count) {
    return count < 1 ? "less than 1 second" : seconds(count);
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
    const lengthText = box.querySelector("[data-record-length]");
    const audio = box.querySelector("[data-recording]");
    const remove = box.querySelector("[data-action=delete-recording]");
    const message = box.querySelector("[data-record-message]");
    let recorder = null;
    let stream = null;
    let chunks = [];
    let started = 0;
    let ticking = null;
    let address = "";
    let take = 0;           /* bumped for each recording, so a late answer about an old one is ignored */

    function say(text) { message.textContent = text; }

    function release() {
      if (stream) stream.getTracks().forEach((track) => track.stop());
      stream = null;
    }

    function forget() {
      take += 1;
      if (address) URL.revokeObjectURL(address);
      address = "";
      audio.removeAttribute("src");
      audio.load();
      result.hidden = true;
    }

    /* Calls back with the sound's length in seconds, or null if the player cannot tell. A recorded
     * file often does not say its length: the player then finds it by going to the end. */
    function measure(onLength) {
      const mine = take;
      let searched = false;
      const done = (value) => {
        audio.removeEventListener("loadedmetadata", look);
        audio.removeEventListener("durationchange", look);
        audio.removeEventListener("error", failed);
        if (mine === take) onLength(value);
      };
      const look = () => {
        const duration = audio.duration;
        if (Number.isFinite(duration)) {
          if (searched) audio.currentTime = 0;
          done(duration);
        } else if (duration === Infinity && !searched) {
          searched = true;
          audio.currentTime = Number.MAX_SAFE_INTEGER;
        }
      };
      const failed = () => done(null);
      audio.addEventListener("loadedmetadata", look);
      audio.addEventListener("durationchange", look);
      audio.addEventListener("error", failed);
    }

    function finished() {
      window.clearInterval(ticking);
      ticking = null;
      release();
      button.textContent = startLabel;
      button.classList.remove("nd-button--running");
      const blob = new Blob(chunks, { type: (recorder && recorder.mimeType) || "audio/webm" });
      chunks = [];
      recorder = null;
      forget();
      address = URL.createObjectURL(blob);
      time.textContent = "";                     /* until the sound itself tells its length */
      lengthText.textContent = "Press play to hear yourself.";
      result.hidden = false;
      say("");
      measure((duration) => {
        if (duration === null) {
          forget();
          time.textContent = seconds(0);
          say("This recording cannot be played. It may be too short. To try again, press \u201c" + startLabel + "\u201d.");
          return;
        }
        const taken = Math.floor(duration);
        time.textContent = length(taken);
        lengthText.textContent = "Your recording is " + length(taken) + " long. Press play to hear yourself.";
        if (settings.onRecorded) settings.onRecorded(taken);
      });
      audio.src = address;
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
