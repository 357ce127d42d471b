"""The HTML of one exercise on a lesson page.

The HTML comes from `templates/site/<kind>.html` through the shared autoescaping environment
(`render.py`). Each exercise also carries one JSON object in a `<script type="application/json">`:
the answer-checking rules (`rules.spec_for`, the same table the checker runs) and the few facts
the page's script needs to be interactive (part ids, targets, columns...).
"""

from __future__ import annotations

from . import model, rules
from .render import compact, first_words, render

KIND_LABELS = {kind: info.label for kind, info in model.KIND_INFO.items()}
"""What the learner reads above the title of each kind of exercise."""

PACE_STEP = 0.8, 1.25
"""Slower and faster paces, as factors of the exercise's own words per minute."""


def dom_id(exercise: model.Exercise) -> str:
    """The prefix of every HTML id inside the exercise (exercise ids are already safe)."""
    return f"nd-{exercise.id}"


def paces(exercise: model.PitchExercise) -> list[dict]:
    """The speaking paces a learner can choose from, in words per minute."""
    default = exercise.words_per_minute
    slower, faster = (round(default * factor) for factor in PACE_STEP)
    return [
        {"id": "slower", "words_per_minute": slower,
         "label": f"Slower than most people ({slower} words a minute)"},
        {"id": "default", "words_per_minute": default,
         "label": f"About average ({default} words a minute)"},
        {"id": "faster", "words_per_minute": faster,
         "label": f"Faster than most people ({faster} words a minute)"},
        {"id": "measured", "words_per_minute": None, "label": "My measured pace"},
    ]


def page_facts(exercise: model.Exercise) -> dict:
    """What the browser needs besides the rules (which `rules.spec_for` gives): plain data only."""
    if isinstance(exercise, model.PitchExercise):
        return {"paces": {p["id"]: p["words_per_minute"] for p in paces(exercise)}}
    if isinstance(exercise, model.TrackerExercise):
        return {"row_name": exercise.row_name,
                "columns": [{"id": c.id, "label": c.label, "type": c.type,
                             "options": list(c.options)} for c in exercise.columns]}
    if isinstance(exercise, model.ReflectionExercise):
        return {"prompts": len(exercise.prompts)}
    if isinstance(exercise, model.ChecklistExercise):
        return {"items": len(exercise.items)}
    if isinstance(exercise, model.DialogueExercise):
        return {"learner": exercise.learner,
                "roles": [{"id": r.id, "name": r.name} for r in exercise.roles],
                "lines": [{"role": line.role, "text": line.spoken, "first": first_words(line.spoken)}
                          for line in exercise.lines]}
    return {}


def spec(exercise: model.Exercise) -> dict:
    """The JSON object embedded in the exercise's HTML."""
    return {"id": exercise.id, "kind": exercise.kind, "title": exercise.title,
            "lesson": exercise.lesson, "rules": rules.spec_for(exercise),
            "page": page_facts(exercise)}


def render_exercise(exercise: model.Exercise) -> str:
    """The exercise as one HTML fragment (no blank lines, so Markdown keeps it whole)."""
    if exercise.kind not in KIND_LABELS:
        raise ValueError(f"Unknown exercise kind {exercise.kind!r}: this is a bug, please report it.")
    context = {
        "exercise": exercise,
        "uid": dom_id(exercise),
        "kind_label": KIND_LABELS[exercise.kind],
        "letters": model.OPTION_LETTERS,
        "spec": spec(exercise),
        "paces": paces(exercise) if isinstance(exercise, model.PitchExercise) else [],
    }
    return compact(render(f"site/{exercise.kind}.html", **context))
