"""The "My progress" page: every lesson and its exercises, with a place for the learner's status.

The list itself is rendered here from the course (so it works without JavaScript and is always
up to date); `progress.js` fills in what the learner has done, from their own browser's storage.
The page's Markdown places the list with a line that holds only `<!-- my-progress -->`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .render import compact, render

MARKER = re.compile(r"^<!--\s*my-progress\s*-->[ \t]*$", re.MULTILINE)


@dataclass
class ExerciseLink:
    id: str
    title: str
    kind: str
    href: str
    pass_mark: int | None = None
    """A quiz's or sort's pass mark, in percent."""


@dataclass
class LessonLink:
    path: str
    """The lesson's path under docs/; the key the browser stores "done" lessons under."""
    title: str
    href: str
    exercises: list[ExerciseLink] = field(default_factory=list)
    minutes: int | None = None
    """The lesson's time from its front matter, when it gives one."""


def pass_marks(lessons: list[LessonLink]) -> str:
    """The pass marks of the course's quizzes and sorts in words: "80%", "65% to 80%"."""
    marks = sorted({ex.pass_mark for lesson in lessons for ex in lesson.exercises
                    if ex.pass_mark is not None})
    return f"{marks[0]}%" if len(marks) == 1 else f"{marks[0]}% to {marks[-1]}%" if marks else ""


def progress_html(lessons: list[LessonLink]) -> str:
    return compact(render("site/progress.html", lessons=lessons, pass_marks=pass_marks(lessons)))


def fill(markdown: str, lessons: list[LessonLink]) -> str:
    """Replace the marker line with the list. Markdown without the marker comes back unchanged."""
    return MARKER.sub(lambda _: progress_html(lessons), markdown, count=1)


def has_marker(markdown: str) -> bool:
    return bool(MARKER.search(markdown))


def lessons_for(exercises: dict, lesson_sources: dict[str, str],
                url: Callable[[str, str], str], fronts: dict[str, dict] | None = None) -> list[LessonLink]:
    """Every lesson (in file-name order, which is course order) with its exercises (in the order
    the lesson places them; drafts left out). `lesson_sources` maps each lesson's path under
    docs/ to its Markdown; `url(path, anchor)` gives a link to a page. `fronts` (the build's
    front matter by path, already read) saves reading each lesson's front matter again."""
    from .lesson_page import front_matter, lesson_exercises

    lessons = []
    for path in sorted(lesson_sources):
        source = lesson_sources[path]
        meta = fronts[path] if fronts is not None and path in fronts else front_matter(source)
        title = str(meta.get("title") or path)
        minutes = meta.get("minutes")
        own = lesson_exercises(path, exercises, source)
        lessons.append(LessonLink(path=path, title=title, href=url(path, ""), exercises=[
            ExerciseLink(ex.id, ex.title, ex.kind, url(path, f"exercise-{ex.id}"),
                         getattr(ex, "pass_mark", None)) for ex in own],
            minutes=minutes if isinstance(minutes, int) and not isinstance(minutes, bool) else None))
    return lessons
