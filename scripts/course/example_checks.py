"""Every example answer must pass or fail exactly as it says (both sides of every rule).

An example is first checked for its shape (question numbers, letters, category and part ids
that exist), then run through the same rules the site uses (rules.py).
"""

from __future__ import annotations

from . import model, rules
from .feedback import describe, not_counting


def _answer_problems(exercise, example: model.Example) -> list[tuple[str, str]]:
    """(details, fix) for every way the answer does not fit the exercise."""
    found = []
    answer = example.answer
    if isinstance(exercise, model.QuizExercise):
        for key, letters in answer.items():
            if not key.isdigit() or not 1 <= int(key) <= len(exercise.questions):
                found.append((f"there is no question {key}",
                              f"Number the questions from 1 to {len(exercise.questions)}."))
                continue
            options = model.OPTION_LETTERS[:len(exercise.questions[int(key) - 1].options)]
            for letter in letters:
                if len(letter) != 1 or letter not in options:
                    found.append((f"question {key} has no option \"{letter}\"",
                                  f"Use the letters {', '.join(options)} (a is the first option)."))
    elif isinstance(exercise, model.DialogueExercise):
        points = exercise.choice_points
        for key, letter in answer.items():
            if not key.isdigit() or not 1 <= int(key) <= len(points):
                found.append((f"there is no choice point {key}",
                              f"Number the choice points from 1 to {len(points)}, in order."))
                continue
            letters = model.OPTION_LETTERS[:len(points[int(key) - 1].choices)]
            if len(letter) != 1 or letter not in letters:
                found.append((f"choice point {key} has no choice \"{letter}\"",
                              f"Use one of the letters {', '.join(letters)} (a is the first choice)."))
    elif isinstance(exercise, model.SortExercise):
        ids = [c.id for c in exercise.categories]
        for key, category in answer.items():
            if not key.isdigit() or not 1 <= int(key) <= len(exercise.items):
                found.append((f"there is no item {key}",
                              f"Number the items from 1 to {len(exercise.items)}."))
            elif category not in ids:
                found.append((f"item {key} is put in \"{category}\", which is not a category",
                              f"Use one of: {', '.join(ids)}."))
    else:
        ids = [p.id for p in exercise.parts]
        for key in answer:
            if key not in ids:
                found.append((f"there is no part \"{key}\"", f"Use the part ids: {', '.join(ids)}."))
        targets = [t.id for t in getattr(exercise, "targets", [])]
        if isinstance(exercise, model.PitchExercise) and example.target and example.target not in targets:
            found.append((f"there is no target \"{example.target}\"", f"Use one of: {', '.join(targets)}."))
    return found


def check_examples(found) -> None:
    """Runs on an exercise_checks.Found collector for one exercise."""
    exercise = found.exercise
    if not model.is_checkable(exercise):
        if isinstance(exercise, model.DialogueExercise) and exercise.examples:
            found.add("nothing-to-check", exercise, "examples")
        return
    examples = exercise.examples
    for expect in ("pass", "fail"):
        if not any(e.expect == expect for e in examples):
            found.add("missing-example", exercise, "examples" if examples else "",
                      kind=exercise.kind, expect=expect)
    if isinstance(exercise, model.PitchExercise) and (not exercise.targets or exercise.words_per_minute < 1):
        return  # reported by check_pitch; the examples can't be timed
    spec = rules.spec_for(exercise)
    for example in examples:
        if example.expect not in ("pass", "fail"):
            continue  # the loader reported it; there is nothing to compare the result with
        shape = _answer_problems(exercise, example)
        for details, fix in shape:
            found.add("example-answer", example, "answer", name=example.name, details=details, fix=fix)
        if shape:
            continue
        result = rules.evaluate(spec, rules.example_entry(example))
        actual = "pass" if result["passed"] else "fail"
        if actual != example.expect:
            found.add("example-mismatch", example, name=example.name, expect=example.expect,
                      actual="passes" if result["passed"] else "fails",
                      details="; ".join(describe(spec, result, not_counting(exercise))))
