"""Read a learner's exported answers file and give the same feedback the site shows.

Also checks one plain-text pitch or message (`check_text`), for a counsellor who has a
learner's speech in an email rather than in an answers file.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import model, rules
from .feedback import describe, not_counting, verdict

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
                           "\"Export my answers\" button saved.")
    except json.JSONDecodeError as error:
        raise AnswersError(f"{path}:{error.lineno}: this file is not an answers file (it is not "
                           "valid JSON). Export the answers again from the \"My progress\" page.")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnswersError(f"{path}: this is not an answers file from this course (it should say "
                           f"\"format\": \"{FORMAT}\"). Export the answers again from the "
                           "\"My progress\" page.")
    if not isinstance(data.get("answers"), dict):
        raise AnswersError(f"{path}: this answers file has no answers in it.")
    return data


def _progress(exercise: model.Exercise, answer: dict, entry: dict) -> str:
    """A one-line summary for the kinds that are not checked."""
    if isinstance(exercise, model.TrackerExercise):
        rows = answer.get("rows") if isinstance(answer.get("rows"), list) else []
        filled = sum(1 for row in rows if isinstance(row, dict) and any(str(v).strip() for v in row.values()))
        return f"{filled} rows filled in"
    if isinstance(exercise, model.ReflectionExercise):
        done = sum(1 for n in range(1, len(exercise.prompts) + 1)
                   if isinstance(answer.get(str(n)), str) and answer[str(n)].strip())
        return f"{done} of {len(exercise.prompts)} questions answered"
    if isinstance(exercise, model.ChecklistExercise):
        done = sum(1 for n in range(1, len(exercise.items) + 1) if answer.get(str(n)) is True)
        return f"{done} of {len(exercise.items)} steps ticked"
    if isinstance(exercise, model.DialogueExercise):
        return "practised" if entry.get("practised") is True else "not practised yet"
    return ""


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
        if spec is None:
            out.append(f"{heading}: {_progress(exercise, answer, entry)}")
            continue
        result = rules.evaluate(spec, entry)
        practised = " (practised)" if entry.get("practised") is True else ""
        out.append(f"{heading}: {verdict(result)}{practised}")
        out += [f"  {line}" for line in _details(exercise, spec, result)]
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
            out.append(f"  {target['label']}: {verdict(result)}")
            out += [f"    {line}" for line in describe(spec, result)]
    else:
        spec["length"]["parts"] = ["text"]
        if exercise.length.parts:
            left_out = not_counting(exercise).removeprefix("not counting ")
            out.append(f"  The site does not count {left_out}. Here the whole text is counted, "
                       "so allow a sentence or two more than the aim.")
        result = rules.evaluate(spec, entry)
        out.append(f"  {verdict(result).capitalize()}")
        out += [f"    {line}" for line in describe(spec, result)]
    return "\n".join(out)
