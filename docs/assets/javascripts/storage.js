/* Saved answers: one localStorage key per exercise, all on the learner's own device.
 *
 * Keys are versioned so a future change of shape can be told apart:
 *   nd:v1:exercise:<id>  {"updated": ISO time, "answer": {...}, and per kind "target",
 *                         "words_per_minute", "pace", "meeting_date", "practised", "finished",
 *                         and for a quiz or sort "checked": its result is on show}
 *   nd:v1:lessons        {"updated": ISO time, "done": ["lessons/01-....md", ...]}
 * The export file has the shape described in docs/editing/exercise-format.md.
 * Nothing here ever touches the network or cookies.
 */
(function () {
  "use strict";

  const PREFIX = "nd:v1:";
  const EXERCISE = PREFIX + "exercise:";
  const LESSONS = PREFIX + "lessons";
  const DAMAGED = PREFIX + "damaged:";
  const OLD_PREFIXES = ["nd:v0:exercise:"];
  const FORMAT = "networking-demystified-answers";
  const VERSION = 1;
  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const DAY = /^\d{4}-\d{2}-\d{2}$/;

  let backend = null;
  try {
    backend = window.localStorage;
    backend.setItem("nd:probe", "1");
    backend.removeItem("nd:probe");
  } catch (error) {
    backend = null;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isTime(value) {
    return typeof value === "string" && !Number.isNaN(Date.parse(value));
  }

  function now() {
    return new Date().toISOString();
  }

  function parse(raw) {
    try {
      return { value: JSON.parse(raw), ok: true };
    } catch (error) {
      return { value: undefined, ok: false };
    }
  }

  /* A stored or imported entry, reduced to the fields we know, each of the right type.
   * Returns {record, problem}: problem is null, "partial" (some fields dropped) or "damaged". */
  function cleanRecord(data) {
    if (!isObject(data) || !isObject(data.answer)) return { record: null, problem: "damaged" };
    const record = { updated: isTime(data.updated) ? data.updated : null, answer: data.answer };
    let problem = record.updated ? null : "partial";
    const extras = {
      target: (v) => typeof v === "string",
      pace: (v) => typeof v === "string",
      words_per_minute: (v) => typeof v === "number" && v > 0 && Number.isFinite(v),
      measured_words_per_minute: (v) => typeof v === "number" && v > 0 && Number.isFinite(v),
      meeting_date: (v) => typeof v === "string" && (v === "" || DAY.test(v)),
      finished: (v) => typeof v === "boolean",
      practised: (v) => typeof v === "boolean",
      checked: (v) => typeof v === "boolean",
    };
    Object.keys(extras).forEach((name) => {
      if (!(name in data)) return;
      if (extras[name](data[name])) record[name] = data[name];
      else problem = "partial";
    });
    return { record, problem };
  }

  function available() {
    return backend !== null;
  }

  function readRaw(key) {
    if (!backend) return null;
    try {
      return backend.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function writeRaw(key, value) {
    if (!backend) return false;
    try {
      backend.setItem(key, value);
      return true;
    } catch (error) {
      return false; // full, or turned off
    }
  }

  function keys() {
    if (!backend) return [];
    const found = [];
    for (let i = 0; i < backend.length; i += 1) found.push(backend.key(i));
    return found;
  }

  /* One exercise's saved record: {record, problem}. problem is null, "partial", "damaged" or
   * "old" (found under an older key and brought over). A damaged value is copied aside, so
   * saving new answers never destroys the only copy. */
  function readExercise(id) {
    const raw = readRaw(EXERCISE + id);
    if (raw === null) {
      for (const prefix of OLD_PREFIXES) {
        const old = readRaw(prefix + id);
        if (old === null) continue;
        const parsed = parse(old);
        const cleaned = parsed.ok ? cleanRecord(parsed.value) : { record: null };
        if (cleaned.record) return { record: cleaned.record, problem: "old" };
        return { record: null, problem: "damaged" };
      }
      return { record: null, problem: null };
    }
    const parsed = parse(raw);
    const cleaned = parsed.ok ? cleanRecord(parsed.value) : { record: null, problem: "damaged" };
    if (cleaned.problem === "damaged") writeRaw(DAMAGED + id, raw);
    return cleaned;
  }

  /* Save an exercise's fields with the time; returns false when the browser refuses. */
  function saveExercise(id, fields) {
    const record = Object.assign({ updated: now() }, fields);
    return writeRaw(EXERCISE + id, JSON.stringify(record));
  }

  function removeExercise(id) {
    if (backend) backend.removeItem(EXERCISE + id);
  }

  /* Every exercise id with a readable record, and the ids whose record could not be read. */
  function allExercises() {
    const records = {};
    const unreadable = [];
    keys().filter((key) => key.startsWith(EXERCISE)).forEach((key) => {
      const id = key.slice(EXERCISE.length);
      const found = readExercise(id);
      if (found.record) records[id] = found.record;
      else unreadable.push(id);
    });
    return { records, unreadable };
  }

  function readLessons() {
    const raw = readRaw(LESSONS);
    if (raw === null) return { done: [], problem: null };
    const parsed = parse(raw);
    const value = parsed.ok ? parsed.value : null;
    const list = isObject(value) ? value.done : value; // a bare list is read too
    if (!Array.isArray(list)) return { done: [], problem: "damaged" };
    const done = list.filter((item) => typeof item === "string");
    return { done, problem: done.length === list.length ? null : "partial" };
  }

  function setLessons(done) {
    return writeRaw(LESSONS, JSON.stringify({ updated: now(), done: Array.from(new Set(done)) }));
  }

  function setLessonDone(path, isDone) {
    const done = readLessons().done.filter((item) => item !== path);
    if (isDone) done.push(path);
    return setLessons(done);
  }

  /* Everything, in the export format. */
  function exportData() {
    return {
      format: FORMAT,
      version: VERSION,
      exported: now(),
      lessons_done: readLessons().done,
      answers: allExercises().records,
    };
  }

  /* Merge an answers file into this device. Never throws, never loses anything on this device.
   * Returns {ok, reason, added, updated, kept, same, skipped, lessons}: ids in each list. */
  function importData(text) {
    const result = { ok: false, reason: "", added: [], updated: [], kept: [], same: [], skipped: [], lessons: 0 };
    const parsed = parse(text);
    const data = parsed.value;
    if (!parsed.ok) {
      result.reason = "unreadable";
      return result;
    }
    if (!isObject(data) || data.format !== FORMAT) {
      result.reason = "foreign";
      return result;
    }
    if (data.version !== VERSION) {
      result.reason = typeof data.version === "number" && data.version > VERSION ? "newer" : "foreign";
      return result;
    }
    if (!backend) {
      result.reason = "storage";
      return result;
    }
    const answers = isObject(data.answers) ? data.answers : {};
    const fallbackTime = isTime(data.exported) ? data.exported : now();
    Object.keys(answers).forEach((id) => {
      const cleaned = ID.test(id) ? cleanRecord(answers[id]) : { record: null };
      if (!cleaned.record) {
        result.skipped.push(id);
        return;
      }
      const incoming = cleaned.record;
      if (!incoming.updated) incoming.updated = fallbackTime;
      const local = readExercise(id).record;
      if (!local) {
        result.added.push(id);
      } else if (JSON.stringify(local) === JSON.stringify(incoming)) {
        result.same.push(id);
        return;
      } else if (local.updated && Date.parse(local.updated) >= Date.parse(incoming.updated)) {
        result.kept.push(id);
        return;
      } else {
        result.updated.push(id);
      }
      if (!writeRaw(EXERCISE + id, JSON.stringify(incoming))) result.reason = "storage";
    });
    if (Array.isArray(data.lessons_done)) {
      const current = readLessons().done;
      const incoming = data.lessons_done.filter((item) => typeof item === "string");
      const merged = Array.from(new Set(current.concat(incoming)));
      result.lessons = merged.length - current.length;
      if (result.lessons) setLessons(merged);
    }
    result.ok = result.reason === "";
    return result;
  }

  /* Remove every answer and lesson mark this course saved on this device. */
  function clearAll() {
    keys().filter((key) => key.startsWith("nd:")).forEach((key) => backend.removeItem(key));
  }

  /* Offer `text` as a file download: made in the browser, nothing is sent anywhere. */
  function download(filename, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  window.CourseStorage = {
    available, readExercise, saveExercise, removeExercise, allExercises, cleanRecord,
    readLessons, setLessonDone, exportData, importData, clearAll, download,
    FORMAT, VERSION, KEY_PREFIX: PREFIX,
  };
})();
