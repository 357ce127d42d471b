"""Read a learner's exported answers file and give the same feedback the site shows.

Also checks one plain-text pitch or message (`check_text`), for a counsellor who has a
learner's speech in an email rather than in an answers file.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import model, rules
from .feedback import describe, not_counting
from .labels import LABELS

FORMAT = "networking-demystified-answers"


class AnswersError(Exception):
    """The file is not an answers file this course can read; the message says why, plainly."""


def load_answers(path: str | Path) -> dict:
    """The parsed answers file. Raises AnswersError with a plain message when it can't be used."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        raise AnswersError(f"{path}: this file could not be opened ({error.strerror or error}).")
    except UnicodeDecodeError:
        raise AnswersError(f"{path}: this is not a text file. Choose the .json file that the "
                           f"\"{LABELS['save_answers']}\" button saved.")
    except json.JSONDecodeError as error:
        raise AnswersError(f"{path}:{error.lineno}: this file is not an answers file (it is not "
                           "valid JSON). Save the answers again with \"{LABELS['save_answers']}\" on the "
                           "\"My progress\" page.")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnswersError(f"{path}: this is not an answers file from this course (it should say "
                           f"\"format\": \"{FORMAT}\"). Save the answers again with "
                           f"\"{LABELS['save_answers']}\" on the \"My progress\" page.")
    if not isinstance(data.get("answers"), dict):
        raise AnswersError(f"{path}: this answers file has no answers in it.")
    return data


def _count(number: int, unit: str) -> str:
    """"1 row", "2 rows"."""
    return f"{number} {unit}{'' if number == 1 else 's'}"


def _text(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _progress(exercise: model.Exercise, answer: dict, entry: dict) -> str:
    """A one-line summary for the kinds that are not checked."""
    if isinstance(exercise, model.TrackerExercise):
        return f"{_count(len(_rows(exercise, answer)), 'row')} filled in"
    if isinstance(exercise, model.ReflectionExercise):
        done = sum(1 for n in range(1, len(exercise.prompts) + 1) if _text(answer.get(str(n))))
        return f"{done} of {_count(len(exercise.prompts), 'question')} answered"
    if isinstance(exercise, model.ChecklistExercise):
        done = sum(1 for n in range(1, len(exercise.items) + 1) if answer.get(str(n)) is True)
        return f"{done} of {_count(len(exercise.items), 'step')} ticked"
    if isinstance(exercise, model.DialogueExercise):
        return "practised" if entry.get("practised") is True else "not practised yet"
    return ""


def _rows(exercise: model.TrackerExercise, answer: dict) -> list[dict]:
    rows = answer.get("rows") if isinstance(answer.get("rows"), list) else []
    return [row for row in rows if isinstance(row, dict) and any(_text(v) for v in row.values())]


def own_words(exercise: model.Exercise, answer: dict) -> list[str]:
    """What the learner wrote, so a counsellor can read it: the parts of a speech or message,
    every tracker row, every reflection answer, the ticked checklist steps."""
    lines = []
    if isinstance(exercise, (model.PitchExercise, model.MessageExercise)):
        lines += [f"{part.label}: {_text(answer.get(part.id))}" for part in exercise.parts
                  if _text(answer.get(part.id))]
    elif isinstance(exercise, model.TrackerExercise):
        for number, row in enumerate(_rows(exercise, answer), start=1):
            cells = [f"{column.label}: {_text(row.get(column.id))}" for column in exercise.columns
                     if _text(row.get(column.id))]
            lines.append(f"{exercise.row_name} {number}: " + "; ".join(cells))
    elif isinstance(exercise, model.ReflectionExercise):
        for number, prompt in enumerate(exercise.prompts, start=1):
            if _text(answer.get(str(number))):
                lines += [f"{number}. {prompt.text}", f"   {_text(answer.get(str(number)))}"]
    elif isinstance(exercise, model.ChecklistExercise):
        lines += [f"Ticked: {item.text}" for number, item in enumerate(exercise.items, start=1)
                  if answer.get(str(number)) is True]
    return lines


STATUS_WORDS = {"quiz": {"ready": "passed", "not-yet": "not passed yet"},
                "sort": {"ready": "passed", "not-yet": "not passed yet"},
                "dialogue": {"ready": "passed", "not-yet": "not passed yet"},
                "pitch": {"ready": "ready", "almost": "almost ready", "not-yet": "not ready yet"},
                "message": {"ready": "ready", "almost": "almost ready", "not-yet": "not ready yet"}}
"""The verdict in a word or two, after an exercise's title."""


def _verdict_lines(spec: dict, result: dict) -> tuple[str, str]:
    """The short verdict for a heading, and the site's own sentence (rules.verdict)."""
    found = rules.verdict(spec, result)
    return STATUS_WORDS[spec["kind"]][found["status"]], found["text"]


def _details(exercise, spec: dict, result: dict) -> list[str]:
    lines = describe(spec, result, not_counting(exercise))
    if isinstance(exercise, model.QuizExercise):
        for question, checked in zip(exercise.questions, result["questions"]):
            chosen = ", ".join(checked["chosen"]) or "nothing"
            mark = "right" if checked["correct"] else "not right"
            lines.append(f"Question {checked['number']} ({mark}, chose {chosen}): {question.prompt}")
            lines += [f"  {text}" for text in checked["feedback"] if text]
    if isinstance(exercise, model.SortExercise):
        for item, checked in zip(exercise.items, result["items"]):
            if not checked["correct"]:
                lines.append(f"Item {checked['number']} (put in {checked['chosen'] or 'no group'}, "
                             f"belongs in {checked['expected']}): {item.text}")
                if item.feedback:
                    lines.append(f"  {item.feedback}")
    if isinstance(exercise, model.DialogueExercise):
        for line, checked in zip(exercise.choice_points, result["points"]):
            mark = "good" if checked["correct"] else "not the best"
            lines.append(f"Choice {checked['number']} ({mark}, chose {checked['chosen'] or 'nothing'}): "
                         f"{line.prompt or 'what to say'}")
            if checked["feedback"]:
                lines.append(f"  {checked['feedback']}")
    return lines


def report_answers(exercises: dict[str, model.Exercise], data: dict) -> str:
    """Feedback for every exercise in an answers file, in plain text."""
    out = []
    if isinstance(data.get("exported"), str):
        out.append(f"Answers exported on {data['exported'][:10]}.")
    for exercise_id, entry in data["answers"].items():
        exercise = exercises.get(exercise_id)
        if exercise is None:
            out.append(f"\n{exercise_id}: this exercise is not in the course (the file may come "
                       "from another version of it); skipped.")
            continue
        entry = entry if isinstance(entry, dict) else {}
        answer = entry.get("answer") if isinstance(entry.get("answer"), dict) else {}
        spec = rules.spec_for(exercise)
        heading = f"\n{exercise.title} ({exercise.id})"
        words = own_words(exercise, answer)
        if spec is None:
            out.append(f"{heading}: {_progress(exercise, answer, entry)}")
            out += [f"  {line}" for line in words]
            continue
        result = rules.evaluate(spec, entry)
        short, sentence = _verdict_lines(spec, result)
        practised = " (practised)" if entry.get("practised") is True else ""
        out += [f"{heading}: {short}{practised}", f"  {sentence}"]
        out += [f"  {line}" for line in _details(exercise, spec, result)]
        if words:
            out.append("  Their words:")
            out += [f"    {line}" for line in words]
    if not data["answers"]:
        out.append("This answers file has no answers yet.")
    return "\n".join(out).lstrip("\n")


def check_text(exercise: model.Exercise, text: str) -> str:
    """Feedback on a whole pitch or message given as one piece of plain text."""
    if not isinstance(exercise, (model.PitchExercise, model.MessageExercise)):
        raise AnswersError(f"\"{exercise.id}\" is a {exercise.kind} exercise; --text works only "
                           "with a pitch or a message exercise.")
    spec = rules.spec_for(exercise)
    spec["parts"] = [{"id": "text", "label": "the text", "required": False}]
    entry = {"answer": {"text": text}}
    out = [f"{exercise.title} ({exercise.id})",
           "  The text is checked as one piece, so the checks for needed parts are left out."]
    if isinstance(exercise, model.PitchExercise):
        for target in spec["targets"]:
            target["parts"] = ["text"]
            result = rules.evaluate(spec, {**entry, "target": target["id"]})
            short, sentence = _verdict_lines(spec, result)
            out += [f"  {target['label']}: {short}", f"    {sentence}"]
            out += [f"    {line}" for line in describe(spec, result)]
    else:
        spec["length"]["parts"] = ["text"]
        if exercise.length.parts:
            left_out = not_counting(exercise).removeprefix("not counting ")
            out.append(f"  The site does not count {left_out}. Here the whole text is counted, "
                       "so allow a sentence or two more than the aim.")
        result = rules.evaluate(spec, entry)
        short, sentence = _verdict_lines(spec, result)
        out += [f"  {short.capitalize()}", f"    {sentence}"]
        out += [f"    {line}" for line in describe(spec, result)]
    return "\n".join(out)
