/* Reading aloud with voices that run on this device only.
 *
 * Some browsers' voices send the text to a server to be spoken. The course promises that
 * nothing a learner types or reads leaves the device, so only voices with
 * `localService === true` are ever used, English first: en-CA, then any other en-*.
 * With no such voice, `whenReady` gives an empty list and callers show NO_VOICE instead.
 * The reading speed is kept on this device (localStorage), default 0.85 (a little slow). */
(function () {
  "use strict";

  const RATE_KEY = "nd:v1:speech-rate";
  const DEFAULT_RATE = 0.85;
  const MIN_RATE = 0.5;
  const MAX_RATE = 1.5;
  const WAIT_FOR_VOICES = 1500;
  const NO_VOICE = "This device has no voice that reads aloud without the internet, so listening is " +
    "turned off. The course never sends your words to a server. You can still read every line, " +
    "practise your turn and record yourself.";

  function supported() {
    return "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
  }

  function language(voice) {
    return String(voice.lang || "").replace("_", "-").toLowerCase();
  }

  /* The voices that may be used, best first: on this device, English, en-CA first. */
  function onDevice() {
    if (!supported()) return [];
    let all = [];
    try {
      all = Array.from(window.speechSynthesis.getVoices() || []);
    } catch (error) {
      all = [];
    }
    const english = all.filter((voice) => voice && voice.localService === true &&
      /^en(-|$)/.test(language(voice)));
    return english.map((voice, index) => ({ voice, index, rank: language(voice) === "en-ca" ? 0 : 1 }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map((entry) => entry.voice);
  }

  /* Calls back once with the usable voices. Browsers load their voices late, so an empty list
   * is only final after "voiceschanged" or a short wait. */
  function whenReady(callback) {
    let done = false;
    let timedOut = false;
    const finish = () => {
      if (done) return;
      const voices = onDevice();
      if (!voices.length && !timedOut) return;
      done = true;
      callback(voices);
    };
    if (!supported()) { callback([]); return; }
    if (onDevice().length) { done = true; callback(onDevice()); return; }
    window.speechSynthesis.addEventListener("voiceschanged", finish);
    window.setTimeout(() => { timedOut = true; finish(); }, WAIT_FOR_VOICES);
  }

  function rate() {
    let stored = NaN;
    try {
      stored = Number.parseFloat(window.localStorage.getItem(RATE_KEY));
    } catch (error) {
      stored = NaN;
    }
    return Number.isFinite(stored) && stored >= MIN_RATE && stored <= MAX_RATE ? stored : DEFAULT_RATE;
  }

  function setRate(value) {
    const number = Number.parseFloat(value);
    if (!Number.isFinite(number) || number < MIN_RATE || number > MAX_RATE) return;
    try {
      window.localStorage.setItem(RATE_KEY, String(number));
    } catch (error) {
      /* not kept: the speed still applies on this page */
    }
  }

  /* Speak `text` with `voice` (one of onDevice()). Refuses any other voice, so the browser's
   * default voice, which may be a network voice, is never used. Returns true when speaking. */
  function speak(text, voice, options) {
    const settings = options || {};
    if (!supported() || !voice || voice.localService !== true || !text) return false;
    const utterance = new window.SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = settings.rate || rate();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      if (settings.onend) settings.onend();
    };
    utterance.onend = end;
    utterance.onerror = end;
    window.speechSynthesis.speak(utterance);
    return true;
  }

  function stop() {
    if (supported()) window.speechSynthesis.cancel();
  }

  function pause() {
    if (supported()) window.speechSynthesis.pause();
  }

  function resume() {
    if (supported()) window.speechSynthesis.resume();
  }

  window.CourseVoices = { supported, onDevice, whenReady, rate, setRate, speak, stop, pause, resume,
                          NO_VOICE, DEFAULT_RATE };
})();
