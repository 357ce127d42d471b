"""check_* functions over the Markdown pages in docs/: front matter, embedded exercises,
links, anchors and images."""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from urllib.parse import unquote

from yaml.nodes import ScalarNode, SequenceNode

from .lessons import Page
from . import model
from .loader import Course, line_of
from .yamlfile import describe_node, suggest
from .problems import Problem, display_path, problem

LESSON_FIELDS = {"title": str, "description": str, "promise": str, "objectives": list,
                 "minutes": int, "key_points": list}
"""Front matter every lesson (and every page with exercises) must have, and its type."""

LESSON_FILE = re.compile(r"lessons/\d+-[a-z0-9-]+\.md")
"""A lesson's file name: a link to one that is not there most likely outlived the lesson."""
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
GENERATED = ("printables/pdf/",)
"""Folders built by `make site` before MkDocs runs; links into them are not checked here."""

_EXPECTED = {str: ("text", "Write the text after the colon and a space."),
             int: ("a whole number", "Write a whole number without quotes, for example 45."),
             list: ("a list", "Put each entry on its own line, starting with two spaces, a dash and a space.")}


def check_front_matter(page: Page, root) -> list[Problem]:
    if page.unreadable:
        return []  # the one message about reading the file says what to fix
    if not page.has_front_matter:
        return [problem("front-matter-missing", page.path, 1, 1, root=root)]
    if page.front_unreadable:
        return []  # reported when the page was read; every field would look missing
    problems = []
    for name, kind in LESSON_FIELDS.items():
        node = page.front_nodes.get(name)
        value = page.front.get(name)
        if node is None:
            problems.append(problem("missing-field", page.path, 1, 1, root=root, field=name,
                                    where=" from the front matter"))
            continue
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        ok = (isinstance(node, SequenceNode) and all(isinstance(v, str) and v.strip() for v in value)
              if kind is list else
              isinstance(value, int) and not isinstance(value, bool) if kind is int else
              isinstance(node, ScalarNode) and value is not None and str(value).strip() != "")
        if not ok:
            expected, how = _EXPECTED[kind]
            if kind is list and isinstance(node, SequenceNode):
                expected = "a list of sentences"
            problems.append(problem("wrong-type", page.path, line, col, root=root, field=name,
                                    expected=expected, actual=describe_node(node), example_hint=how))
        elif kind is int and not 1 <= value <= model.MAX_MINUTES:  # the site shows the lesson's time
            problems.append(problem("out-of-range", page.path, line, col, root=root, field=name,
                                    value=value, allowed=f"between 1 and {model.MAX_MINUTES}"))
    return problems


def check_embeds(page: Page, course: Course) -> list[Problem]:
    problems = []
    for embed in page.embeds:
        if not embed.closed:
            problems.append(problem("exercise-block", page.path, embed.line, 1, root=course.root,
                                    id=embed.id))
        exercise = course.exercises.get(embed.id)
        broken = _unusable_file(course, embed.id) if exercise is None else None
        if broken is not None:
            # The file is there, so "does not exist" would mislead: its own messages say why.
            problems.append(problem("broken-exercise", page.path, embed.line, 1, root=course.root,
                                    id=embed.id, file=display_path(broken, course.root), cause=broken))
        elif exercise is None:
            problems.append(problem("unknown-exercise", page.path, embed.line, 1, root=course.root,
                                    id=embed.id, suggestion=suggest(embed.id, course.exercises)))
        elif (exercise.lesson and exercise.lesson != page.name and exercise.lesson in course.pages
              and not placed_on_own_lesson(course, embed.id)):  # then "exercise-twice" says it
            problems.append(problem("wrong-lesson", page.path, embed.line, 1, root=course.root,
                                    id=embed.id, lesson=exercise.lesson))
    return problems


def _unusable_file(course: Course, exercise_id: str):
    """The file named after `exercise_id` when it exists but gave no exercise with that id
    (it could not be read, or its id line says something else); None otherwise."""
    return next((path for path in course.exercise_files if path.stem == exercise_id), None)


def _own_lessons_first(course: Course) -> list[Page]:
    """The pages, those that some exercise names as its lesson first (in the course's order)."""
    homes = {exercise.lesson for exercise in course.exercises.values()}
    pages = list(course.pages.values())
    return [p for p in pages if p.name in homes] + [p for p in pages if p.name not in homes]


def placed_on_own_lesson(course: Course, exercise_id: str) -> bool:
    """Whether the exercise's own lesson has a block for it."""
    lesson = course.pages.get(course.exercises[exercise_id].lesson)
    return lesson is not None and any(embed.id == exercise_id for embed in lesson.embeds)


def check_exercise_pages(course: Course) -> list[Problem]:
    """Every exercise names a lesson that exists, and some page uses it."""
    problems = []
    used = {embed.id for page in course.pages.values() for embed in page.embeds}
    unreadable = {name for name, page in course.pages.items() if page.unreadable}
    # An exercise block with a misspelled id leaves the real exercise unused: that follows.
    misspelled = {}
    for page in course.pages.values():
        for embed in page.embeds:
            if embed.id not in course.exercises:
                close = difflib.get_close_matches(embed.id, list(course.exercises), 1, 0.6)
                if close:
                    misspelled.setdefault(close[0], page.path)
    # Where each exercise belongs: its first block on its own lesson, else its first block anywhere.
    # Every other block of it is the mistake (and gets no "wrong lesson" warning as well).
    first: dict[str, tuple[Page, int]] = {}
    for page in _own_lessons_first(course):
        for embed in page.embeds:
            if embed.id in course.exercises:
                first.setdefault(embed.id, (page, embed.line))
    for page in course.pages.values():
        for embed in page.embeds:
            if embed.id in first and first[embed.id] != (page, embed.line):
                where, line = first[embed.id]
                problems.append(problem("exercise-twice", page.path, embed.line, 1, root=course.root,
                                        id=embed.id, first_line=line,
                                        first="this page" if where is page else where.name))
    for exercise in course.exercises.values():
        gone = bool(exercise.lesson) and exercise.lesson not in course.pages
        if gone:
            problems.append(unknown_lesson(exercise, course.root))
        if exercise.id not in used and exercise.lesson not in unreadable:
            # Its lesson is gone, or a block misspells its id: that problem is the cause.
            problems.append(problem("unused-exercise", exercise.path, line_of(exercise, "id"), 0,
                                    root=course.root, id=exercise.id, lesson=exercise.lesson,
                                    cause=exercise.path if gone else misspelled.get(exercise.id, "")))
    return problems


def unknown_lesson(exercise: model.Exercise, root) -> Problem:
    """The problem for an exercise whose lesson is not a page of the course (the same whether
    the whole course is checked or only the exercise's file)."""
    return problem("unknown-lesson", exercise.path, line_of(exercise, "lesson"), 0, root=root,
                   lesson=exercise.lesson,
                   situation="lesson-gone" if LESSON_FILE.fullmatch(exercise.lesson) else "")


def _resolve(page: Page, target: str) -> tuple[str, str]:
    """(path inside docs/, anchor) of a relative link on `page`. A query ("?v=2") is not part of
    either: it comes before the anchor."""
    path, _, anchor = unquote(target).partition("#")
    path = path.split("?", 1)[0]
    if not path:
        return page.name, anchor
    return posixpath.normpath(posixpath.join(posixpath.dirname(page.name), path)), anchor


def check_links(page: Page, course: Course) -> list[Problem]:
    problems = []
    docs = course.root / "docs"
    here = posixpath.dirname(page.name)
    for link in page.links:
        if link.image or not link.target or EXTERNAL.match(link.target) or link.target.startswith("/"):
            continue
        name, anchor = _resolve(page, link.target)
        if name.endswith("/") or (docs / name).is_dir():
            name = posixpath.join(name, "index.md")
        where = dict(root=course.root, target=link.target)
        if name.endswith(".md"):
            target_page = course.pages.get(name)
            if target_page is None:
                candidates = [posixpath.relpath(n, here or ".") for n in course.pages]
                path_part = link.target.split("#")[0]
                suggestion = suggest(path_part, candidates, 0.8)
                gone = LESSON_FILE.fullmatch(name) and not suggestion
                problems.append(problem("broken-link", page.path, link.line, link.col, **where,
                                        suggestion=suggestion, situation="lesson-gone" if gone else ""))
            elif anchor and not target_page.unreadable and anchor not in target_page.anchors:
                problems.append(problem("broken-anchor", page.path, link.line, link.col, **where,
                                        anchor=anchor, page="this page" if target_page is page
                                        else name, suggestion=suggest(anchor, target_page.anchors)))
        elif not name.startswith(GENERATED) and not (docs / name).exists():
            problems.append(problem("broken-link", page.path, link.line, link.col, **where,
                                    suggestion=""))
    return problems


def check_images(page: Page, course: Course) -> list[Problem]:
    problems = []
    images = [(link.target, link.text, link.line, link.col) for link in page.links if link.image]
    for tag, line in page.html_images:
        src = re.search(r"""\bsrc\s*=\s*["']([^"']*)["']""", tag)
        alt = re.search(r"""\balt\s*=\s*["']([^"']*)["']""", tag)
        images.append((src.group(1) if src else "", alt.group(1) if alt else "", line, 1))
    for src, alt, line, col in images:
        if not alt.strip():
            problems.append(problem("image-alt", page.path, line, col, root=course.root, src=src))
        if src and not EXTERNAL.match(src) and not src.startswith("/"):
            name, _ = _resolve(page, src)
            if not (course.root / "docs" / name).is_file():
                problems.append(problem("image-missing", page.path, line, col, root=course.root, src=src))
    return problems


def check_pages(course: Course) -> list[Problem]:
    """Every page check on every page in docs/."""
    problems = check_exercise_pages(course)
    for page in course.pages.values():
        if page.is_lesson or page.embeds:
            problems += check_front_matter(page, course.root)
        problems += check_embeds(page, course)
        problems += check_links(page, course)
        problems += check_images(page, course)
    return problems
