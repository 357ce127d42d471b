"""The home page's course list: how long the course takes, every lesson in order, and a
"Continue where you left off" link that home.js shows when this device has saved progress.

The page's Markdown places it with a line that holds only `<!-- course-lessons -->`.
"""

from __future__ import annotations

import re

from .progress_page import LessonLink
from .render import compact, render

MARKER = re.compile(r"^<!--\s*course-lessons\s*-->[ \t]*$", re.MULTILINE)


def course_length(lessons: list[LessonLink]) -> str:
    """"13 lessons, about 9.5 hours in all": the sum of the lessons' own times, in half hours."""
    minutes = sum(lesson.minutes or 0 for lesson in lessons)
    count = f"{len(lessons)} lesson{'' if len(lessons) == 1 else 's'}"
    if not minutes:
        return count
    if minutes < 90:
        return f"{count}, about {minutes} minutes in all"
    hours = round(minutes / 30) / 2
    return f"{count}, about {hours:g} hours in all"


def fill(markdown: str, lessons: list[LessonLink]) -> str:
    """Replace the marker line with the list. Markdown without the marker comes back unchanged."""
    html = compact(render("site/home.html", lessons=lessons, length=course_length(lessons)))
    return MARKER.sub(lambda _: html, markdown, count=1)


def has_marker(markdown: str) -> bool:
    return bool(MARKER.search(markdown))
