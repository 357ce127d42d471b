"""`check_course(root)` runs every check in the project; `check_files` checks chosen files.

Each check takes model objects and returns a list of `Problem`s. Checks never raise for bad
content, and one failing check never stops the others. The rules themselves live in
exercise_checks.py (one exercise), example_checks.py (examples) and page_checks.py (docs/).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from . import model
from .example_checks import check_examples
from .exercise_checks import KIND_CHECKS, Found, check_common
from .loader import Course, line_of, load_course, load_exercise
from .problems import Problem, display_path, problem


def check_exercise(exercise: model.Exercise, root=None) -> list[Problem]:
    """Every rule about one exercise on its own (not about other files)."""

    found = Found(exercise, root)
    check_common(found)
    KIND_CHECKS[exercise.kind](found)
    check_examples(found)
    return found.problems


def check_ids(course: Course) -> list[Problem]:
    """Ids match file names and are unique across files.

    When files share an id, the one whose name matches the id keeps it (else the first): the
    others are most likely copies of it, so the message goes on them."""
    problems = []
    files_by_id: dict[str, list[Path]] = {}
    for path in course.exercise_files:
        exercise = _loaded(course, path)
        if exercise is None or not exercise.id:
            continue
        if exercise.id != path.stem:
            problems.append(id_file_mismatch(exercise, path, course.root))
        files_by_id.setdefault(exercise.id, []).append(path)
    for exercise_id, paths in files_by_id.items():
        owner = next((path for path in paths if path.stem == exercise_id), paths[0])
        for path in paths:
            if path == owner:
                continue
            # Then the simplest fix is to use the file's own name as the id.
            name_free = path.stem != exercise_id and path.stem not in files_by_id
            problems.append(problem("duplicate-id", path, line_of(_loaded(course, path), "id"), 0,
                                    root=course.root, id=exercise_id, stem=path.stem,
                                    other=display_path(owner, course.root),
                                    situation="name-free" if name_free else ""))
    return problems


def id_file_mismatch(exercise: model.Exercise, path: Path, root) -> Problem:
    """The problem for an id that is not the file name. Renaming the file is one fix, unless
    a file already has the name the id asks for (as when an exercise was copied)."""
    taken = any((path.parent / f"{exercise.id}{suffix}").exists() for suffix in (".yml", ".yaml"))
    return problem("id-file-mismatch", path, line_of(exercise, "id"), 0, root=root,
                   id=exercise.id, file=path.name, stem=path.stem,
                   situation="name-taken" if taken else "")


def _loaded(course: Course, path: Path):
    """The exercise loaded from `path`, including one whose id another file already took."""
    return course.loaded.get(path)


def check_course(root: str | os.PathLike, course: Course | None = None) -> list[Problem]:
    """Every check on the whole project: exercises, pages, readability. Problems in a draft
    (an exercise or page with `draft: true`) are turned into warnings."""
    from .content_checks import check_content
    from .nav_checks import check_nav
    from .page_checks import check_pages
    from .plans import check_plans
    from .lesson_time import check_lesson_time
    from .readability import check_readability

    course = course or load_course(root)
    problems = list(course.problems)
    for exercise in course.loaded.values():
        if exercise is not None:
            problems += _guarded(lambda: check_exercise(exercise, course.root), exercise.path, course.root)
    problems += check_ids(course)
    problems += _guarded(lambda: check_pages(course), Path(root) / "docs", course.root)
    problems += _guarded(lambda: check_readability(course), Path(root) / "docs", course.root)
    problems += _guarded(lambda: check_lesson_time(course), Path(root) / "docs", course.root)
    minutes = {e.id: e.minutes for e in course.loaded.values() if e is not None}
    problems += _guarded(lambda: check_plans(course.root, minutes), Path(root) / "workshops", course.root)
    problems += _guarded(lambda: check_nav(course), Path(root) / "mkdocs.yml", course.root)
    problems += _guarded(lambda: check_content(course), Path(root) / "docs", course.root)
    return mark_drafts(course, link_knock_ons(course.problems, problems))


UNREADABLE_PAGE = {"not-utf8", "file-unreadable"}
"""Problems with a page that MkDocs cannot build around: the build stops on them."""

BUILD_NOTES = {"lesson-not-in-menu"}
"""Warnings the build lists without stopping (`mkdocs build --strict`): the site deals with them
itself. A lesson made in the browser editor, which cannot change mkdocs.yml, still publishes."""

KNOCK_ON_IN_FILE = {"example-mismatch", "missing-example"}
"""Problems that a mistake found while reading the same file usually causes (a misspelled
rule makes an example fail)."""


KNOCK_ON_OF: dict[str, set[str]] = {"lesson-time": {"exercise-twice"}}
"""A problem, and the problems in the same file that usually cause it: an exercise placed twice
adds its minutes to a second lesson, which then seems too short."""


def link_knock_ons(read_problems: list[Problem], problems: list[Problem]) -> list[Problem]:
    """`problems` with the knock-ons marked: an example that fails in a file that also has a
    reading mistake is most likely caused by it, and so on (KNOCK_ON_OF)."""
    broken = {p.path for p in read_problems if p.level == "error"}
    codes_in = {}
    for p in problems:
        codes_in.setdefault(p.path, set()).add(p.code)

    def knock_on(p: Problem) -> bool:
        if p.cause:
            return False
        if p.code in KNOCK_ON_IN_FILE and p.path in broken:
            return True
        return bool(KNOCK_ON_OF.get(p.code, set()) & codes_in.get(p.path, set()))

    return [replace(p, cause=p.path) if knock_on(p) else p for p in problems]


def _guarded(run, path, root) -> list[Problem]:
    """Runs a check; a bug in it becomes one problem instead of stopping every other check."""
    try:
        return run()
    except Exception as error:  # noqa: BLE001 - reported, never swallowed
        return [problem("internal-error", path, 0, 0, root=root, error=f"{type(error).__name__}: {error}")]


def draft_files(course: Course) -> set[str]:
    """The files (as problems name them) of every exercise and page marked `draft: true`."""
    drafts = {display_path(e.path, course.root) for e in course.loaded.values() if e and e.draft}
    return drafts | {display_path(p.path, course.root) for p in course.pages.values() if p.draft}


def mark_drafts(course: Course, problems: list[Problem]) -> list[Problem]:
    drafts = draft_files(course)
    return [p.as_warning() if p.path in drafts else p for p in problems]


def course_files(course: Course) -> list[Path]:
    """The files a whole-course check reads, and the exercise files it reports without reading
    (those ending in .yaml: "wrong-extension")."""
    workshops = sorted((course.root / "workshops").glob("*.yml"))
    misnamed = sorted((course.root / "exercises").glob("*.yaml"))
    return list(course.loaded) + misnamed + [page.path for page in course.pages.values()] + workshops


def check_files(root: str | os.PathLike, paths: list[str | os.PathLike]) -> tuple[list[Problem], int]:
    """Problems in the given files (and folders), with the count of files checked.

    Files inside the project are checked with the whole course around them (so links and ids
    are checked too), and only their problems are kept. A file outside the project is checked
    on its own."""
    from .lessons import load_page
    from .page_checks import check_embeds, check_front_matter, check_images, check_links, unknown_lesson

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
            exercise, found = load_exercise(path, root)
            problems += found
            if exercise is not None:
                problems += _guarded(lambda: check_exercise(exercise, root), path, root)
                if exercise.id and exercise.id != path.stem:
                    problems.append(id_file_mismatch(exercise, path, root))
                if exercise.lesson and exercise.lesson not in course.pages:
                    problems.append(unknown_lesson(exercise, root))
                if exercise.draft:
                    problems = [p.as_warning() if p.path == shown else p for p in problems]
    return problems, len(files)
