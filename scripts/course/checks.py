"""check_* functions over exercises; `check_course(root)` runs every check in the project.

Each check takes model objects and returns a list of `Problem`s. Checks never raise for bad
content, and one failing check never stops the others. Page checks live in page_checks.py.
"""

from __future__ import annotations

import difflib
import math
import os
from pathlib import Path

from . import model, rules
from .feedback import describe
from .loader import Course, col_of, line_of, load_course
from .problems import Problem, display_path, problem


class _Found:
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


def _suggest(word: str, choices) -> str:
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"Did you mean \"{match[0]}\"? " if match else ""


def _misspelled(obj, name: str) -> bool:
    """True when the loader already reported a misspelling of `name` on this object."""
    return name in getattr(obj, "_misspelled", ())


def _check_range(found: _Found, obj, name: str, limits, label: str) -> None:
    if limits and limits[0] > limits[1]:
        found.add("range-order", obj, name, field=label, low=limits[0], high=limits[1])


def _check_unique(found: _Found, objects, what: str) -> None:
    first: dict[str, int] = {}
    for obj in objects:
        if obj.id in first:
            found.add("duplicate-item-id", obj, "id", what=what, id=obj.id, first=first[obj.id])
        else:
            first[obj.id] = obj.line


def _check_listed(found: _Found, name: str) -> bool:
    """Reports an empty list (a missing one is reported by the loader)."""
    value = getattr(found.exercise, name)
    if not value and name in getattr(found.exercise, "_field_lines", {}):
        found.add("empty-list", found.exercise, name, field=name)
    return bool(value)


def check_common(found: _Found) -> None:
    exercise = found.exercise
    if "minutes" in getattr(exercise, "_field_lines", {}) and exercise.minutes < 1:
        found.add("out-of-range", exercise, "minutes", field="minutes", value=exercise.minutes,
                  allowed="1 or more")
    if hasattr(exercise, "pass_mark") and not 0 <= exercise.pass_mark <= 100:
        found.add("out-of-range", exercise, "pass_mark", field="pass_mark",
                  value=exercise.pass_mark, allowed="between 0 and 100")


def check_quiz(found: _Found) -> None:
    _check_listed(found, "questions")
    for number, question in enumerate(found.exercise.questions, start=1):
        correct = sum(1 for option in question.options if option.correct)
        if not question.options:
            found.add("empty-list", question, field="options")
            continue
        if len(question.options) > len(model.OPTION_LETTERS):
            found.add("out-of-range", question, "options", field="options",
                      value=len(question.options), allowed=f"at most {len(model.OPTION_LETTERS)} options")
        if question.type == "truefalse" and len(question.options) != 2:
            found.add("truefalse-options", question, "options", number=number,
                      count=len(question.options))
        if question.type in ("single", "truefalse") and correct != 1:
            found.add("correct-count", question, "options", number=number, type=question.type,
                      count=correct or "none")
        if question.type == "multiple" and correct == 0:
            found.add("no-correct-option", question, "options", number=number)
        for letter, option in zip(model.OPTION_LETTERS, question.options):
            if not option.feedback.strip() and not _misspelled(option, "feedback"):
                found.add("missing-feedback", option,
                          what=f"Option {letter} (\"{option.text}\") of question {number}")


def check_sort(found: _Found) -> None:
    exercise = found.exercise
    _check_listed(found, "categories")
    _check_listed(found, "items")
    _check_unique(found, exercise.categories, "categories")
    category_ids = [c.id for c in exercise.categories]
    for number, item in enumerate(exercise.items, start=1):
        if item.category and item.category not in category_ids:
            found.add("unknown-category", item, "category", number=number, category=item.category,
                      suggestion=_suggest(item.category, category_ids),
                      categories=", ".join(category_ids))
        if not item.feedback.strip() and not _misspelled(item, "feedback"):
            found.add("missing-feedback", item, what=f"Item {number} (\"{item.text}\")")


def check_parts(found: _Found) -> None:
    _check_listed(found, "parts")
    _check_unique(found, found.exercise.parts, "parts")


def check_pitch(found: _Found) -> None:
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
        for part in target.parts:
            if part not in part_ids:
                found.add("unknown-part", target, "parts", what=f"Target \"{target.id}\"", part=part,
                          suggestion=_suggest(part, part_ids), parts=", ".join(part_ids))
        if target.seconds < 1:
            found.add("out-of-range", target, "seconds", field="seconds", value=target.seconds,
                      allowed="1 or more")
            continue
        _check_range(found, target, "words", target.words, "words")
        needed = target.words[0] / exercise.words_per_minute * 60
        if needed > target.seconds:
            found.add("target-too-long", target, "words", target=target.id, words=target.words[0],
                      needed=math.ceil(needed), wpm=exercise.words_per_minute, seconds=target.seconds)


def check_message(found: _Found) -> None:
    exercise = found.exercise
    check_parts(found)
    length = exercise.length
    _check_range(found, length, "sentences", length.sentences, "sentences")
    _check_range(found, length, "words", length.words, "words")
    if exercise.send_within_days is not None and exercise.send_within_days < 0:
        found.add("out-of-range", exercise, "send_within_days", field="send_within_days",
                  value=exercise.send_within_days, allowed="0 or more")


def check_tracker(found: _Found) -> None:
    exercise = found.exercise
    _check_listed(found, "columns")
    _check_unique(found, exercise.columns, "columns")
    for column in exercise.columns:
        if column.type == "choice" and not column.options:
            found.add("empty-list", column, "options", field="options")
        if not 1 <= column.width <= 4:
            found.add("out-of-range", column, "width", field="width", value=column.width,
                      allowed="between 1 and 4")
    if exercise.rows < 1:
        found.add("out-of-range", exercise, "rows", field="rows", value=exercise.rows, allowed="1 or more")


def check_reflection(found: _Found) -> None:
    _check_listed(found, "prompts")
    for prompt in found.exercise.prompts:
        if prompt.lines < 1:
            found.add("out-of-range", prompt, "lines", field="lines", value=prompt.lines,
                      allowed="1 or more")


def check_checklist(found: _Found) -> None:
    _check_listed(found, "items")


KIND_CHECKS = {"quiz": check_quiz, "sort": check_sort, "pitch": check_pitch,
               "message": check_message, "tracker": check_tracker,
               "reflection": check_reflection, "checklist": check_checklist}


def check_exercise(exercise: model.Exercise, root=None) -> list[Problem]:
    """Every rule about one exercise on its own (not about other files)."""
    from .example_checks import check_examples

    found = _Found(exercise, root)
    check_common(found)
    KIND_CHECKS[exercise.kind](found)
    check_examples(found)
    return found.problems


def check_ids(course: Course) -> list[Problem]:
    """Ids match file names and are unique across files."""
    problems = []
    first: dict[str, Path] = {}
    for path in course.exercise_files:
        exercise = _loaded(course, path)
        if exercise is None or not exercise.id:
            continue
        if exercise.id != path.stem:
            problems.append(problem("id-file-mismatch", path, line_of(exercise, "id"), 0,
                                    root=course.root, id=exercise.id, file=path.name, stem=path.stem))
        if exercise.id in first and first[exercise.id] != path:
            problems.append(problem("duplicate-id", path, line_of(exercise, "id"), 0, root=course.root,
                                    id=exercise.id, other=display_path(first[exercise.id], course.root)))
        first.setdefault(exercise.id, path)
    return problems


def _loaded(course: Course, path: Path):
    """The exercise loaded from `path`, including one whose id another file already took."""
    return course.loaded.get(path)


def check_course(root: str | os.PathLike, course: Course | None = None) -> list[Problem]:
    """Every check on the whole project: exercises, pages, readability. Problems in a draft
    (an exercise or page with `draft: true`) are turned into warnings."""
    from .page_checks import check_pages
    from .readability import check_readability

    course = course or load_course(root)
    problems = list(course.problems)
    for exercise in course.loaded.values():
        if exercise is not None:
            problems += _guarded(lambda: check_exercise(exercise, course.root), exercise.path, course.root)
    problems += check_ids(course)
    problems += _guarded(lambda: check_pages(course), Path(root) / "docs", course.root)
    problems += _guarded(lambda: check_readability(course), Path(root) / "docs", course.root)
    # Workshop plans (workshops/*.yml): add their check here, for example
    #     problems += check_plans(course)
    return mark_drafts(course, problems)


def _guarded(run, path, root) -> list[Problem]:
    """Runs a check; a bug in it becomes one problem instead of stopping every other check."""
    try:
        return run()
    except Exception as error:  # noqa: BLE001 - reported, never swallowed
        return [problem("internal-error", path, 0, 0, root=root, error=f"{type(error).__name__}: {error}")]


def mark_drafts(course: Course, problems: list[Problem]) -> list[Problem]:
    draft_files = {display_path(e.path, course.root) for e in course.loaded.values() if e and e.draft}
    draft_files |= {display_path(p.path, course.root) for p in course.pages.values() if p.draft}
    return [p.as_warning() if p.path in draft_files else p for p in problems]


def course_files(course: Course) -> list[Path]:
    """The files a whole-course check reads."""
    workshops = sorted((course.root / "workshops").glob("*.yml"))
    return list(course.loaded) + [page.path for page in course.pages.values()] + workshops


def check_files(root: str | os.PathLike, paths: list[str | os.PathLike]) -> tuple[list[Problem], int]:
    """Problems in the given files (and folders), with the count of files checked.

    Files inside the project are checked with the whole course around them (so links and ids
    are checked too), and only their problems are kept. A file outside the project is checked
    on its own."""
    from .lessons import load_page
    from .page_checks import check_embeds, check_front_matter, check_images, check_links

    root = Path(root)
    course = load_course(root)
    everything = check_course(root, course)
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(p for p in path.rglob("*") if p.suffix in (".yml", ".yaml", ".md")) \
            if path.is_dir() else [path]
    problems: list[Problem] = []
    for path in files:
        shown = display_path(path, root)
        if any(display_path(known, root) == shown for known in course_files(course)):
            problems += [p for p in everything if p.path == shown]
        elif path.suffix == ".md":
            page, found = load_page(path, path.parent, root)
            problems += found
            if page is not None:
                page.name = "lessons/" + path.name if path.parent.name == "lessons" else path.name
                problems += check_front_matter(page, root) + check_embeds(page, course)
                problems += check_links(page, course) + check_images(page, course)
        else:
            exercise, found = load_exercise_file(path, root)
            problems += found
            if exercise is not None:
                problems += _guarded(lambda: check_exercise(exercise, root), path, root)
                if exercise.id and exercise.id != path.stem:
                    problems.append(problem("id-file-mismatch", path, line_of(exercise, "id"), 0,
                                            root=root, id=exercise.id, file=path.name, stem=path.stem))
                if exercise.lesson and exercise.lesson not in course.pages:
                    problems.append(problem("unknown-lesson", path, line_of(exercise, "lesson"), 0,
                                            root=root, lesson=exercise.lesson))
                if exercise.draft:
                    problems = [p.as_warning() if p.path == shown else p for p in problems]
    return problems, len(files)


def load_exercise_file(path: Path, root):
    from .loader import load_exercise

    return load_exercise(path, root)
