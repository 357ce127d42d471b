/* Scripts loaded only when the learner first needs them: recorder.js when they press Record,
 * voices.js when they press "Read my speech aloud" in a pitch. Most learners never do, so most pages
 * never load them.
 *
 * Until then, window.CourseRecorder and window.CourseVoices are stand-ins with the same
 * calls, so the scripts that use them stay as they are. The real script is a classic <script>
 * (these load from file:// too), minified and named by the build (page_assets.py), which
 * puts the names in window.CourseLaterFiles. It lies in the folder of the page's own bundle.
 * When it cannot load, the learner gets a plain message and the button still works: the next
 * press tries again. A page that already loads the real script keeps it (a dialogue needs the
 * voices as the page opens). */
(function () {
  "use strict";

  const FILES = window.CourseLaterFiles || {};
  const HERE = document.currentScript ? document.currentScript.src : document.baseURI;
  const loading = {};
  const NOT_LOADED = {
    recorder: "Recording could not be turned on. Check your connection, then press Record again. " +
      "Everything else on this page still works.",
    voices: "Reading aloud could not be turned on. Check your connection, then press the button again. " +
      "Everything else on this page still works.",
  };

  /* Resolves with what the script puts in window[global]; a failed load can be tried again. */
  function load(name, global) {
    if (!loading[name]) {
      loading[name] = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL(FILES[name] || name, HERE).href;
        script.onload = () => {
          const api = window[global];
          if (api && !api.later) resolve(api);
          else reject(new Error(name + " did not start"));
        };
        script.onerror = () => reject(new Error(name + " did not load"));
        document.head.append(script);
      }).catch((error) => {
        delete loading[name];
        throw error;
      });
    }
    return loading[name];
  }

  if (!window.CourseRecorder) {
    window.CourseRecorder = {
      later: true,
      /* The first press of Record loads recorder.js, hands the box over to it and starts. */
      attach(box, options) {
        const button = box.querySelector("[data-action=record]");
        const message = box.querySelector("[data-record-message]");
        function first() {
          button.removeEventListener("click", first);
          button.disabled = true;
          load("recorder.js", "CourseRecorder").then((recorder) => {
            button.disabled = false;
            recorder.attach(box, options);
            button.click();
          }, () => {
            button.disabled = false;
            message.textContent = NOT_LOADED.recorder;
            button.addEventListener("click", first);
          });
        }
        button.addEventListener("click", first);
      },
    };
  }

  if (!window.CourseVoices) {
    /* Until voices.js is here nothing is being read aloud, so stopping has nothing to do. When it
     * cannot load, `whenReady` gives no voice and NO_VOICE says what happened. */
    window.CourseVoices = {
      later: true,
      NO_VOICE: NOT_LOADED.voices,
      supported() {
        return "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
      },
      whenReady(callback) {
        load("voices.js", "CourseVoices").then((voices) => voices.whenReady(callback), () => callback([]));
      },
      speak() { return false; },
      stop() {},
      pause() {},
      resume() {},
    };
  }

  window.CourseLater = { load };
})();
