"""The checker's rules for a dialogue: roles, lines, choice points and line length.

Called from `exercise_checks.KIND_CHECKS` with a `Found` collector for one exercise file.
"""

from __future__ import annotations

from . import model, rules
from .loader import ID_PATTERN, reported
from .yamlfile import suggest


def _check_roles(found, exercise: model.DialogueExercise) -> list[str]:
    """Two or three roles with good, unique ids; returns their ids."""
    low, high = model.ROLE_COUNT
    if exercise.roles and not low <= len(exercise.roles) <= high and not reported(exercise, "roles"):
        found.add("role-count", exercise, "roles", count=len(exercise.roles))
    seen: dict[str, int] = {}
    for role in exercise.roles:
        if role.id and not ID_PATTERN.match(role.id):
            found.add("bad-id", role, "id", id=role.id)
        if role.id in seen:
            found.add("duplicate-item-id", role, "id", what="roles", id=role.id, first=seen[role.id])
        seen.setdefault(role.id, role.line)
    return list(seen)


def _check_line(found, exercise: model.DialogueExercise, number: int, line: model.DialogueLine,
                role_ids: list[str]) -> None:
    if line.role and line.role not in role_ids:
        found.add("unknown-role", line, "role", what=f"Line {number}", role=line.role,
                  suggestion=suggest(line.role, role_ids), roles=", ".join(role_ids))
    has_text, has_choices = bool(line.text.strip()), bool(line.choices)
    if has_text == has_choices and not reported(line, "text") and not reported(line, "choices"):
        found.add("line-text", line, number=number,
                  what="both text and choices" if has_text else "no text and no choices")
    if line.prompt and not has_choices:
        found.add("prompt-without-choices", line, "prompt", number=number)
    if has_text:
        count = rules.count_words(line.text)
        if count > model.MAX_LINE_WORDS:
            found.add("long-line", line, "text", number=number, words=count, limit=model.MAX_LINE_WORDS)
    if not has_choices:
        return
    if line.role in role_ids and line.role != exercise.learner and exercise.learner in role_ids:
        found.add("choices-not-learner", line, "choices", number=number, role=line.role,
                  learner=exercise.learner)
    low, high = model.CHOICE_COUNT
    if not low <= len(line.choices) <= high:
        found.add("choice-count", line, "choices", number=number, count=len(line.choices))
    if not any(choice.good for choice in line.choices):
        found.add("no-good-choice", line, "choices", number=number)
    for letter, choice in zip(model.OPTION_LETTERS, line.choices):
        if not choice.feedback.strip() and not reported(choice, "feedback"):
            found.add("missing-feedback", choice,
                      what=f"Choice {letter} (\"{choice.text}\") of line {number}")
        if rules.count_words(choice.text) > model.MAX_LINE_WORDS:
            found.add("long-line", choice, "text", number=f"{number}, choice {letter},",
                      words=rules.count_words(choice.text), limit=model.MAX_LINE_WORDS)


def check_dialogue(found) -> None:
    exercise: model.DialogueExercise = found.exercise
    role_ids = _check_roles(found, exercise)
    if exercise.learner and role_ids and exercise.learner not in role_ids:
        found.add("unknown-role", exercise, "learner", what="\"learner\"", role=exercise.learner,
                  suggestion=suggest(exercise.learner, role_ids), roles=", ".join(role_ids))
    if not exercise.lines:
        if "lines" in getattr(exercise, "_field_lines", {}):
            found.add("empty-list", exercise, "lines", field="lines")
        return
    for number, line in enumerate(exercise.lines, start=1):
        _check_line(found, exercise, number, line, role_ids)
    if exercise.learner in role_ids and not any(line.role == exercise.learner for line in exercise.lines):
        found.add("learner-silent", exercise, "learner", role=exercise.learner)
