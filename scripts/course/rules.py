"""The answer rules: how a quiz, sort, pitch, message or dialogue answer is checked.

The same rules run in the browser (docs/assets/javascripts/rules.js). Both take the same JSON
"spec" (built here by `spec_for(exercise)` and embedded in the page) and the same answer entry
(the shape the site exports, see the exercise file reference), and return the same result.
tests/rule_cases.json holds cases that both must agree on.

Text rules, defined once:
- whitespace: the characters in WHITESPACE below (the same list in both languages);
- a word: a run of non-whitespace that holds at least one letter or digit (any alphabet);
- a sentence: text up to a run of . ! ? or … (closing quotes or brackets may follow) that is
  followed by whitespace or the end; a last piece without end punctuation counts too. A piece
  counts only if it holds a word. In a message, each part is counted on its own, so a greeting
  such as "Hi Marco," is one sentence; only the parts in the spec's `length.parts` are counted
  (`spec_for` lists them all when the exercise names none), so a note can leave its greeting
  and closing out of its length;
- a single point after a common abbreviation does not end a sentence: never after a title
  (TITLES: "Hi Mr. Dyck," is one sentence), and not after e.g., i.e., etc., a.m. or p.m.
  (BEFORE_LOWERCASE, in capitals or not) when the next character after the space is a
  lowercase letter. The abbreviation must not follow a letter, as it would inside a longer
  word, but it may follow a digit ("5p.m.");
- a flagged word or phrase matches case-insensitively as whole words (the characters on each
  side are not letters, digits or accents);
- a repeated word: a word with 4 or more letters, compared case-insensitively without the
  punctuation around it, used more than `repeat_limit` times.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, timedelta

from . import model

WHITESPACE = "[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_SPLIT_WORDS = re.compile(WHITESPACE + "+")
_SPACES = re.compile(WHITESPACE + "*")
_SENTENCE_END = re.compile("[.!?\u2026]+[\"'\u201d\u2019)\\]\u00bb]*(?=" + WHITESPACE + r"|\Z)")
_END_MARKS = ".!?\u2026"
TITLES = ("Mr", "Mrs", "Ms", "Dr", "St")
"""Abbreviations whose point never ends a sentence (a name follows them). Kept as in rules.js."""
BEFORE_LOWERCASE = ("e.g", "i.e", "etc", "a.m", "p.m")
"""Abbreviations whose point ends a sentence only when the next word does not start in lowercase."""
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- text ------------------------------------------------------------------------------------

def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def words(text: str) -> list[str]:
    """The words of `text`: whitespace-separated tokens with at least one letter or digit."""
    return [token for token in _SPLIT_WORDS.split(text or "")
            if any(unicodedata.category(char)[0] in "LN" for char in token)]


def count_words(text: str) -> int:
    return len(words(text))


def count_sentences(text: str) -> int:
    text = text or ""
    pieces, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        if not _after_abbreviation(text, end.start(), end.group(), end.end()):
            pieces.append(text[start:end.start()])
            start = end.end()
    pieces.append(text[start:])
    return sum(1 for piece in pieces if words(piece))


def _after_abbreviation(text: str, at: int, marks: str, after: int) -> bool:
    """True when the end marks `marks` at `at` are the point of an abbreviation that does not
    end a sentence here (see the module docstring)."""
    if marks[0] != "." or (len(marks) > 1 and marks[1] in _END_MARKS):
        return False
    before = text[:at]

    def ends_with(stem: str, fold: bool) -> bool:
        tail = before[-len(stem):] if len(before) >= len(stem) else ""
        if (tail.lower() if fold else tail) != stem:
            return False
        edge = len(before) - len(stem) - 1
        return edge < 0 or unicodedata.category(before[edge])[0] not in "LM"

    if any(ends_with(title, fold=False) for title in TITLES):
        return True
    if any(ends_with(stem, fold=True) for stem in BEFORE_LOWERCASE):
        following = _SPACES.match(text, after).end()
        return following < len(text) and unicodedata.category(text[following]) == "Ll"
    return False


def bare_word(token: str) -> str:
    """A token without the punctuation around it, in lowercase: "Speech," -> "speech"."""
    start, end = 0, len(token)
    while start < end and not _is_word_char(token[start]):
        start += 1
    while end > start and not _is_word_char(token[end - 1]):
        end -= 1
    return token[start:end].lower()


def find_flagged(text: str, flagged: list[dict]) -> list[dict]:
    """The flagged words or phrases used in `text`, in the order they are listed."""
    haystack = " ".join(_SPLIT_WORDS.split(text or "")).lower()
    found = []
    for entry in flagged:
        needle = " ".join(_SPLIT_WORDS.split(entry["word"])).strip().lower()
        if needle and _contains_whole(haystack, needle):
            found.append({"word": entry["word"], "reason": entry["reason"]})
    return found


def _contains_whole(haystack: str, needle: str) -> bool:
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        before_ok = start == 0 or not _is_word_char(haystack[start - 1])
        after_ok = end == len(haystack) or not _is_word_char(haystack[end])
        if before_ok and after_ok:
            return True
        start = haystack.find(needle, start + 1)
    return False


def find_repeated(text: str, limit: int) -> list[str]:
    """Words of 4 or more letters used more than `limit` times, in order of first use."""
    counts: dict[str, int] = {}
    for token in words(text):
        word = bare_word(token)
        if sum(1 for char in word if unicodedata.category(char)[0] == "L") >= 4:
            counts[word] = counts.get(word, 0) + 1
    return [word for word, count in counts.items() if count > limit]


def send_by(meeting_date, days) -> str | None:
    """The ISO date `days` after `meeting_date` (YYYY-MM-DD), or None if either is unusable."""
    if not isinstance(meeting_date, str) or not _DATE.match(meeting_date) or not _is_count(days):
        return None
    try:
        return (date.fromisoformat(meeting_date) + timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return None


def _round(number: float) -> int:
    """Half up, as JavaScript's Math.round does (Python's round() rounds half to even)."""
    return math.floor(number + 0.5)


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


MIN_PACE = 1
"""The slowest speaking pace used, in words a minute. A slower one in an answers file (only
an edited file can hold one) would give absurd times, or none at all: 1e-320 words a minute
makes the time infinite. The exercise's own pace is used instead."""


def _is_pace(value) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and value >= MIN_PACE)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


# --- the spec: what the browser needs to check an answer ---------------------------------------

def spec_for(exercise: model.Exercise) -> dict | None:
    """The JSON-ready rules of a checkable exercise (None for trackers, reflections, checklists
    and dialogues without choice points)."""
    def flagged(entries):
        return [{"word": f.word, "reason": f.reason} for f in entries]

    def parts(entries):
        return [{"id": p.id, "label": p.label, "required": p.required} for p in entries]

    base = {"id": exercise.id, "kind": exercise.kind}
    if isinstance(exercise, model.QuizExercise):
        return {**base, "pass_mark": exercise.pass_mark, "questions": [
            # Options past the last letter have none: the checker reports them ("out-of-range").
            {"type": q.type,
             "options": [letter for letter, _ in zip(model.OPTION_LETTERS, q.options)],
             "correct": [letter for letter, o in zip(model.OPTION_LETTERS, q.options) if o.correct],
             "feedback": {letter: o.feedback for letter, o in zip(model.OPTION_LETTERS, q.options)},
             "explanation": q.explanation}
            for q in exercise.questions]}
    if isinstance(exercise, model.SortExercise):
        return {**base, "pass_mark": exercise.pass_mark,
                "categories": [{"id": c.id, "label": c.label} for c in exercise.categories],
                "items": [{"category": i.category, "feedback": i.feedback} for i in exercise.items]}
    if isinstance(exercise, model.PitchExercise):
        all_parts = [p.id for p in exercise.parts]
        return {**base, "parts": parts(exercise.parts),
                "targets": [{"id": t.id, "label": t.label, "seconds": t.seconds,
                             "words": list(t.words), "parts": list(t.parts) or all_parts}
                            for t in exercise.targets],
                "words_per_minute": exercise.words_per_minute,
                "flagged": flagged(exercise.flagged), "repeat_limit": exercise.repeat_limit}
    if isinstance(exercise, model.MessageExercise):
        length = exercise.length
        return {**base, "parts": parts(exercise.parts),
                "length": {"sentences": list(length.sentences) if length.sentences else None,
                           "words": list(length.words) if length.words else None,
                           "parts": list(length.parts) or [p.id for p in exercise.parts]},
                "send_within_days": exercise.send_within_days,
                "flagged": flagged(exercise.flagged)}
    if isinstance(exercise, model.DialogueExercise) and exercise.choice_points:
        return {**base, "pass_mark": exercise.pass_mark, "points": [
            {"options": [model.OPTION_LETTERS[i] for i in range(len(line.choices))],
             "good": [model.OPTION_LETTERS[i] for i, c in enumerate(line.choices) if c.good],
             "feedback": {model.OPTION_LETTERS[i]: c.feedback for i, c in enumerate(line.choices)}}
            for line in exercise.choice_points]}
    return None


def example_entry(example: model.Example) -> dict:
    """An example as an exported answer entry, ready for `evaluate`."""
    entry = {"answer": example.answer}
    if example.target:
        entry["target"] = example.target
    return entry


# --- evaluation -------------------------------------------------------------------------------

def evaluate(spec: dict, entry: dict) -> dict | None:
    """Check one answer entry ({"answer": ..., and for a pitch "target" and "words_per_minute",
    for a message "meeting_date"}) against a spec. None for kinds that are not checked."""
    entry = entry if isinstance(entry, dict) else {}
    answer = entry.get("answer")
    answer = answer if isinstance(answer, dict) else {}
    kind = spec.get("kind")
    if kind == "quiz":
        return _quiz(spec, answer)
    if kind == "sort":
        return _sort(spec, answer)
    if kind == "pitch":
        return _pitch(spec, answer, entry)
    if kind == "message":
        return _message(spec, answer, entry)
    if kind == "dialogue":
        return _dialogue(spec, answer)
    return None


def _score(score: int, total: int, pass_mark: int) -> dict:
    percent = _round(score * 100 / total) if total else 0
    return {"score": score, "total": total, "percent": percent,
            "passed": total > 0 and score * 100 >= pass_mark * total}


def _chosen(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return sorted({v.strip().lower() for v in values if isinstance(v, str) and v.strip()})


def _quiz(spec: dict, answer: dict) -> dict:
    questions = []
    for number, question in enumerate(spec["questions"], start=1):
        chosen = _chosen(answer.get(str(number)))
        expected = sorted(question["correct"])
        questions.append({"number": number, "correct": chosen == expected, "chosen": chosen,
                          "expected": expected,
                          "feedback": [question["feedback"][letter] for letter in chosen
                                       if letter in question["feedback"]]})
    score = sum(1 for q in questions if q["correct"])
    return {**_score(score, len(questions), spec["pass_mark"]), "questions": questions}


def _sort(spec: dict, answer: dict) -> dict:
    items = []
    for number, item in enumerate(spec["items"], start=1):
        chosen = answer.get(str(number))
        chosen = chosen if isinstance(chosen, str) and chosen else None
        items.append({"number": number, "chosen": chosen, "expected": item["category"],
                      "correct": chosen == item["category"], "feedback": item["feedback"]})
    score = sum(1 for i in items if i["correct"])
    return {**_score(score, len(items), spec["pass_mark"]), "items": items}


def _missing(part_ids: list[str], spec: dict, answer: dict) -> list[str]:
    required = {p["id"] for p in spec["parts"] if p["required"]}
    return [pid for pid in part_ids if pid in required and not words(_text(answer.get(pid)))]


def _pitch(spec: dict, answer: dict, entry: dict) -> dict:
    targets = spec["targets"]
    target = next((t for t in targets if t["id"] == entry.get("target")), targets[0] if targets else
                  {"id": "", "seconds": 0, "words": [0, 0], "parts": [p["id"] for p in spec["parts"]]})
    pace = next((p for p in (entry.get("words_per_minute"), spec["words_per_minute"])
                 if _is_pace(p)), model.DEFAULT_WORDS_PER_MINUTE)
    text = "\n".join(_text(answer.get(pid)) for pid in target["parts"])
    word_count = count_words(text)
    low, high = target["words"]
    missing = _missing(target["parts"], spec, answer)
    return {"target": target["id"], "words": word_count,
            "seconds": _round(word_count / pace * 60), "words_per_minute": pace,
            "min_words": low, "max_words": high, "missing": missing,
            "flagged": find_flagged(text, spec["flagged"]),
            "repeated": find_repeated(text, spec["repeat_limit"]),
            "passed": not missing and low <= word_count <= high}


def _counted(spec: dict) -> list[str]:
    """The ids of the message parts the length rule counts, in the message's order."""
    counted = spec["length"].get("parts")
    part_ids = [p["id"] for p in spec["parts"]]
    return part_ids if not isinstance(counted, list) else [pid for pid in part_ids if pid in counted]


def _message(spec: dict, answer: dict, entry: dict) -> dict:
    part_ids = [p["id"] for p in spec["parts"]]
    texts = [_text(answer.get(pid)) for pid in part_ids]
    counted = [_text(answer.get(pid)) for pid in _counted(spec)]
    sentences = sum(count_sentences(text) for text in counted)
    word_count = sum(count_words(text) for text in counted)
    missing = _missing(part_ids, spec, answer)
    passed = not missing
    for value, limits in ((sentences, spec["length"]["sentences"]),
                          (word_count, spec["length"]["words"])):
        if limits and not limits[0] <= value <= limits[1]:
            passed = False
    result = {"sentences": sentences, "words": word_count, "missing": missing,
              "flagged": find_flagged("\n".join(texts), spec["flagged"]), "passed": passed}
    due = send_by(entry.get("meeting_date"), spec.get("send_within_days"))
    if due:
        result["send_by"] = due
    return result


def _dialogue(spec: dict, answer: dict) -> dict:
    """Each choice point is like a single-answer quiz question: right when the chosen letter
    is one of the good choices."""
    points = []
    for number, point in enumerate(spec["points"], start=1):
        chosen = answer.get(str(number))
        chosen = chosen.strip().lower() if isinstance(chosen, str) and chosen.strip() else None
        points.append({"number": number, "chosen": chosen, "good": list(point["good"]),
                       "correct": chosen in point["good"],
                       "feedback": point["feedback"].get(chosen, "") if chosen else ""})
    score = sum(1 for p in points if p["correct"])
    return {**_score(score, len(points), spec["pass_mark"]), "points": points}
# --- the verdict: one honest sentence about a checked answer ------------------------------------

def _phrases(count: int) -> str:
    return "this phrase" if count == 1 else f"these {count} phrases"


def verdict(spec: dict, result: dict) -> dict:
    """What a checked answer adds up to, in words the site, `--answers` and `--text` all print.

    status: "ready" (passes and holds no flagged phrase), "almost" (passes, but still holds a
    flagged phrase: never called ready or well done), or "not-yet". A quiz, sort or dialogue is
    "ready" when it reaches the pass mark. `phrases` lists the flagged phrases to change."""
    kind = spec.get("kind")
    if kind in ("quiz", "sort", "dialogue"):
        if result["passed"]:
            return {"status": "ready", "text": "Well done: you passed.", "phrases": []}
        return {"status": "not-yet", "text": f"You need {spec['pass_mark']}% to pass.", "phrases": []}
    phrases = [entry["word"] for entry in result["flagged"]]
    listed = ", ".join(f"\u201c{phrase}\u201d" for phrase in phrases)
    fits = ""
    if kind == "pitch":
        label = next((t["label"] for t in spec["targets"] if t["id"] == result["target"]),
                     result["target"])
        fits = f"It fits the {label}. "
    if result["passed"] and not phrases:
        text = (fits + "Well done. Now say it out loud a few times." if kind == "pitch"
                else "Your message is ready to send. Well done.")
        return {"status": "ready", "text": text, "phrases": []}
    if result["passed"]:
        return {"status": "almost", "phrases": phrases,
                "text": f"{fits}Almost ready: change {_phrases(len(phrases))} first: {listed}."}
    text = "Not ready yet."
    if phrases:
        text += f" Also change {_phrases(len(phrases))}: {listed}."
    return {"status": "not-yet", "text": text, "phrases": phrases}
