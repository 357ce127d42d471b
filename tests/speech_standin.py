"""A stand-in for the browser's speech synthesis, for headless Chromium (which has no voices).

`speech_script(voices)` is JavaScript for `context.add_init_script`: it replaces
`window.speechSynthesis` and `SpeechSynthesisUtterance`, offers the given voices and records
every `speak()` in `window.__spoken` (text, voice name, whether the voice is on the device,
rate). Each utterance "ends" after `window.__speechMs` milliseconds (30 by default)."""

from __future__ import annotations

import json

LOCAL_VOICE = {"name": "Local Canadian", "lang": "en-CA", "localService": True}
NETWORK_VOICE = {"name": "Cloud English", "lang": "en-US", "localService": False}
LOCAL_FRENCH = {"name": "Local French", "lang": "fr-CA", "localService": True}

_SCRIPT = """
(() => {
  const voices = %s.map((v) => Object.assign({ default: false, voiceURI: v.name }, v));
  const spoken = [];
  window.__spoken = spoken;
  class StandInUtterance {
    constructor(text) { this.text = text; this.voice = null; this.rate = 1; this.lang = ""; this.onend = null; this.onerror = null; }
  }
  const synth = {
    speaking: false, paused: false, pending: false, queue: [], current: null, timer: null,
    getVoices() { return voices.slice(); },
    speak(u) {
      spoken.push({ text: u.text, voice: u.voice ? u.voice.name : null,
                    local: u.voice ? u.voice.localService : null, rate: u.rate });
      this.queue.push(u);
      if (!this.current) this.next();
    },
    next() {
      const u = this.queue.shift();
      this.current = u || null;
      this.speaking = Boolean(u);
      if (!u) return;
      const tick = () => {
        if (this.paused) { this.timer = setTimeout(tick, 20); return; }
        this.current = null;
        this.speaking = false;
        if (u.onend) u.onend({ type: "end" });
        this.next();
      };
      this.timer = setTimeout(tick, window.__speechMs || 30);
    },
    cancel() {
      clearTimeout(this.timer);
      const u = this.current;
      this.queue = []; this.current = null; this.speaking = false; this.paused = false;
      if (u && u.onerror) u.onerror({ type: "error", error: "interrupted" });
    },
    pause() { this.paused = true; },
    resume() { this.paused = false; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = StandInUtterance;
})();
"""


def speech_script(voices: list[dict]) -> str:
    return _SCRIPT % json.dumps(voices)
