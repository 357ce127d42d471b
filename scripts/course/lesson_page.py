"""The frame the site puts around a lesson, built from the lesson's front matter.

Under the H1: the one-line promise, the estimated time and the objectives. At the end: the key
points, links to the lesson's printable worksheets and a "Mark this lesson as done" button.
Writers never type these sections; they fill in the front matter (see the lesson convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import yaml

from .render import compact, render

H1 = re.compile(r"^# .*$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class Worksheet:
    """A link to one exercise's printable worksheet."""

    title: str
    href: str


@dataclass
class LessonFrame:
    """What the frame shows, taken from the front matter (every field may be missing)."""

    path: str
    """The lesson's path under docs/, for example lessons/05-elevator-speech.md."""
    promise: str = ""
    minutes: int | None = None
    objectives: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    worksheets: list[Worksheet] = field(default_factory=list)

    @classmethod
    def from_meta(cls, path: str, meta: dict, worksheets: list[Worksheet] = ()) -> "LessonFrame":
        def texts(value) -> list[str]:
            return [str(item) for item in value] if isinstance(value, list) else []

        minutes = meta.get("minutes")
        return cls(path=path, promise=str(meta.get("promise") or ""),
                   minutes=minutes if isinstance(minutes, int) else None,
                   objectives=texts(meta.get("objectives")),
                   key_points=texts(meta.get("key_points")),
                   worksheets=list(worksheets))


def front_matter(source: str) -> dict:
    """The YAML front matter of a Markdown file, or {} when it has none or it cannot be read
    (the checker reports why). Never raises."""
    match = FRONT_MATTER.match(source)
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1) or "")
    except (yaml.YAMLError, ValueError):  # ValueError: a date such as 2024-13-45
        return {}
    return data if isinstance(data, dict) else {}


def header_html(frame: LessonFrame) -> str:
    return compact(render("site/lesson_header.html", frame=frame))


def footer_markdown(frame: LessonFrame) -> str:
    """The end of the lesson: Markdown headings (so they appear in the table of contents)
    followed by raw HTML blocks from the template."""
    chunks = []
    if frame.key_points:
        chunks += ["## Key points", compact(render("site/key_points.html", frame=frame))]
    if frame.worksheets:
        chunks += ["## Printable worksheets", compact(render("site/worksheets.html", frame=frame))]
    chunks.append(compact(render("site/lesson_done.html", frame=frame)))
    return "\n\n".join(chunks)


def add_frame(markdown: str, frame: LessonFrame) -> str:
    """The lesson's Markdown with the header placed after its H1 and the footer at the end."""
    header = header_html(frame)
    match = H1.search(markdown)
    if header and match:
        markdown = f"{markdown[:match.end()]}\n\n{header}\n\n{markdown[match.end():].lstrip()}"
    elif header:
        markdown = f"{header}\n\n{markdown}"
    return f"{markdown.rstrip()}\n\n{footer_markdown(frame)}\n"


def frame_for(path: str, meta: dict, exercises: dict, source: str,
              worksheet_url: Callable[[object], str]) -> LessonFrame:
    """The frame of lesson `path`: its worksheets are its own exercises (drafts left out), in the
    order the lesson places them. `worksheet_url(exercise)` gives each link ("" for none)."""
    worksheets = [Worksheet(ex.title, href) for ex in lesson_exercises(path, exercises, source)
                  if (href := worksheet_url(ex))]
    return LessonFrame.from_meta(path, meta, worksheets)


def lesson_exercises(path: str, exercises: dict, source: str) -> list:
    """The exercises that belong to lesson `path` (drafts left out), in the order its source
    places them; any it does not place come last, by id."""
    from .blocks import find_exercise_blocks

    placed = [ref.exercise_id for ref in find_exercise_blocks(source)]
    own = [ex for ex in exercises.values() if ex.lesson == path and not ex.draft]
    return sorted(own, key=lambda ex: (placed.index(ex.id) if ex.id in placed else len(placed), ex.id))
