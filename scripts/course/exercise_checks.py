"""check_* functions over one exercise, kind by kind.

Each check receives a `Found` collector for one exercise file and adds problems to it; the
collector points each problem at the line of the field it is about.
"""

from __future__ import annotations

import math

from . import model
from .dialogue_checks import check_dialogue
from .loader import col_of, line_of, reported
from .problems import Problem, problem
from .yamlfile import suggest


class Found:
    """Collects problems about one exercise file; `add(code, obj, at, **fields)` points at
    the line of field `at` of `obj` (or at the object's own line)."""

    def __init__(self, exercise: model.Exercise, root):
        self.exercise = exercise
        self.root = root
        self.problems: list[Problem] = []

    def add(self, code: str, obj=None, at: str = "", **fields) -> None:
        obj = obj if obj is not None else self.exercise
        line = line_of(obj, at) if at else getattr(obj, "line", 1)
        col = col_of(obj, at) if at else 0
        self.problems.append(problem(code, self.exercise.path, line, col, root=self.root, **fields))


def _check_range(found: Found, obj, name: str, limits, label: str) -> None:
    if limits and limits[0] > limits[1]:
        found.add("range-order", obj, name, field=label, low=limits[0], high=limits[1])


def _check_unique(found: Found, objects, what: str) -> None:
    first: dict[str, int] = {}
    for obj in objects:
        if obj.id in first:
            found.add("duplicate-item-id", obj, "id", what=what, id=obj.id, first=first[obj.id])
        else:
            first[obj.id] = obj.line


def _check_listed(found: Found, name: str) -> bool:
    """Reports an empty list (a missing one is reported by the loader)."""
    value = getattr(found.exercise, name)
    if not value and name in getattr(found.exercise, "_field_lines", {}):
        found.add("empty-list", found.exercise, name, field=name)
    return bool(value)


def check_common(found: Found) -> None:
    exercise = found.exercise
    if "minutes" in getattr(exercise, "_field_lines", {}) and not 1 <= exercise.minutes <= model.MAX_MINUTES:
        found.add("out-of-range", exercise, "minutes", field="minutes", value=exercise.minutes,
                  allowed=f"between 1 and {model.MAX_MINUTES}")
    if hasattr(exercise, "pass_mark") and not 0 <= exercise.pass_mark <= 100:
        found.add("out-of-range", exercise, "pass_mark", field="pass_mark",
                  value=exercise.pass_mark, allowed="between 0 and 100")


def check_quiz(found: Found) -> None:
    _check_listed(found, "questions")
    for number, question in enumerate(found.exercise.questions, start=1):
        correct = sum(1 for option in question.options if option.correct)
        if not question.options:
            if not reported(question, "options"):
                found.add("empty-list", question, field="options")
            continue
        if len(question.options) > len(model.OPTION_LETTERS):
            found.add("out-of-range", question, "options", field="options",
                      value=len(question.options), allowed=f"at most {len(model.OPTION_LETTERS)} options")
        if question.type == "truefalse" and len(question.options) != 2:
            found.add("truefalse-options", question, "options", number=number,
                      count=len(question.options))
        if question.type in ("single", "truefalse") and correct != 1:
            found.add("correct-count", question, "options", number=number,
                      type="true-or-false" if question.type == "truefalse" else "single-answer",
                      count=correct or "none")
        if question.type == "multiple" and correct == 0:
            found.add("no-correct-option", question, "options", number=number)
        for letter, option in zip(model.OPTION_LETTERS, question.options):
            if not option.feedback.strip() and not reported(option, "feedback"):
                found.add("missing-feedback", option,
                          what=f"Option {letter} (\"{option.text}\") of question {number}")


def check_sort(found: Found) -> None:
    exercise = found.exercise
    _check_listed(found, "categories")
    _check_listed(found, "items")
    _check_unique(found, exercise.categories, "categories")
    category_ids = [c.id for c in exercise.categories]
    for number, item in enumerate(exercise.items, start=1):
        if item.category and item.category not in category_ids:
            found.add("unknown-category", item, "category", number=number, category=item.category,
                      suggestion=suggest(item.category, category_ids),
                      categories=", ".join(category_ids))
        if not item.feedback.strip() and not reported(item, "feedback"):
            found.add("missing-feedback", item, what=f"Item {number} (\"{item.text}\")")


def check_parts(found: Found) -> None:
    _check_listed(found, "parts")
    _check_unique(found, found.exercise.parts, "parts")


def _check_part_ids(found: Found, obj, what: str, part_ids: list[str]) -> None:
    """Every id in `obj.parts` (a pitch target's or a message length's) names a part."""
    for part in obj.parts:
        if part not in part_ids:
            found.add("unknown-part", obj, "parts", what=what, part=part,
                      suggestion=suggest(part, part_ids), parts=", ".join(part_ids))


def check_pitch(found: Found) -> None:
    exercise = found.exercise
    check_parts(found)
    _check_listed(found, "targets")
    _check_unique(found, exercise.targets, "targets")
    part_ids = [p.id for p in exercise.parts]
    if exercise.words_per_minute < 1:
        found.add("out-of-range", exercise, "words_per_minute", field="words_per_minute",
                  value=exercise.words_per_minute, allowed="1 or more")
        return
    if exercise.repeat_limit < 1:
        found.add("out-of-range", exercise, "repeat_limit", field="repeat_limit",
                  value=exercise.repeat_limit, allowed="1 or more")
    for target in exercise.targets:
        _check_part_ids(found, target, f"Target \"{target.id}\"", part_ids)
        if target.seconds < 1:
            found.add("out-of-range", target, "seconds", field="seconds", value=target.seconds,
                      allowed="1 or more")
            continue
        _check_range(found, target, "words", target.words, "words")
        needed = target.words[0] / exercise.words_per_minute * 60
        if needed > target.seconds:
            found.add("target-too-long", target, "words", target=target.id, words=target.words[0],
                      needed=math.ceil(needed), wpm=exercise.words_per_minute, seconds=target.seconds)


def check_message(found: Found) -> None:
    exercise = found.exercise
    check_parts(found)
    length = exercise.length
    _check_range(found, length, "sentences", length.sentences, "sentences")
    _check_range(found, length, "words", length.words, "words")
    _check_part_ids(found, length, "\"length\"", [p.id for p in exercise.parts])
    if exercise.send_within_days is not None and exercise.send_within_days < 0:
        found.add("out-of-range", exercise, "send_within_days", field="send_within_days",
                  value=exercise.send_within_days, allowed="0 or more")


def check_tracker(found: Found) -> None:
    exercise = found.exercise
    _check_listed(found, "columns")
    _check_unique(found, exercise.columns, "columns")
    for column in exercise.columns:
        if column.type == "choice" and not column.options:
            found.add("empty-list", column, "options", field="options")
        if not 1 <= column.width <= 4:
            found.add("out-of-range", column, "width", field="width", value=column.width,
                      allowed="between 1 and 4")
    if not 1 <= exercise.rows <= model.MAX_ROWS:
        found.add("out-of-range", exercise, "rows", field="rows", value=exercise.rows,
                  allowed=f"between 1 and {model.MAX_ROWS}")


def check_reflection(found: Found) -> None:
    _check_listed(found, "prompts")
    for prompt in found.exercise.prompts:
        if not 1 <= prompt.lines <= model.MAX_LINES:
            found.add("out-of-range", prompt, "lines", field="lines", value=prompt.lines,
                      allowed=f"between 1 and {model.MAX_LINES}")


def check_checklist(found: Found) -> None:
    _check_listed(found, "items")


KIND_CHECKS = {"quiz": check_quiz, "sort": check_sort, "pitch": check_pitch,
               "message": check_message, "tracker": check_tracker,
               "reflection": check_reflection, "checklist": check_checklist,
               "dialogue": check_dialogue}
