"""Honest lesson times: a lesson's `minutes` covers reading it and doing its exercises.

A learner still learning English reads about READING_PACE words a minute. The time a lesson
needs is its words at that pace, to the nearest whole minute, plus the `minutes` of every
exercise it shows. A lesson that says less gets a warning with the figure it needs.
"""

from __future__ import annotations

import math
import re

from .lessons import BLOCK_CLOSE, EXERCISE_OPEN, Page
from .problems import Problem, problem
from .readability import plain

READING_PACE = 100
"""Words a minute for a learner still learning English."""

MARKUP_ONLY = re.compile(r"^\s*(?:\|?[\s:|-]*\|[\s:|-]*|///.*|[-*_=]{3,}|\{[^}]*\}|</?[a-z][^>]*>)\s*$",
                         re.IGNORECASE)
LINE_MARK = re.compile(r"^\s*(?:#{1,6}|[!?]{3}\+?\s+[\w-]+|[-*+]|\d+[.)]|>)\s")
BOX_START = re.compile(r'^\s*[!?]{3}\+?\s+[\w-]+\s*')
WORD = re.compile(r"[A-Za-z0-9À-ÿ’'-]*[A-Za-z0-9À-ÿ]")


def reading_words(page: Page) -> int:
    """Words a learner reads on the page: everything outside exercise blocks and code, with
    Markdown markup, link targets and HTML tags left out. Headings, tables and boxes count."""
    words, in_exercise = 0, False
    for _, line in page.body_lines():
        if EXERCISE_OPEN.match(line):
            in_exercise = True
            continue
        if in_exercise:
            in_exercise = not BLOCK_CLOSE.match(line)
            continue
        if MARKUP_ONLY.match(line):
            continue
        text = LINE_MARK.sub(" ", line)
        text = BOX_START.sub(" ", text)
        words += len(WORD.findall(plain(text.replace("|", " "))))
    return words


def exercise_minutes(page: Page, course) -> int:
    """Minutes of every exercise the page shows, each counted once."""
    seen = {embed.id for embed in page.embeds}
    return sum(course.exercises[i].minutes for i in seen if i in course.exercises)


def needed_minutes(page: Page, course) -> int:
    """Reading time at READING_PACE (to the nearest minute, halves up) plus the exercises'
    minutes; at least 1. A few words of text add no minute: "about 100 words a minute"."""
    reading = math.floor(reading_words(page) / READING_PACE + 0.5)
    return max(1, reading + exercise_minutes(page, course))


def check_lesson_time(course) -> list[Problem]:
    """A warning for each lesson whose `minutes` is less than the time it needs."""
    problems = []
    for page in course.lessons.values():
        stated = page.front.get("minutes")
        if not isinstance(stated, int) or isinstance(stated, bool):
            continue  # a missing or wrong `minutes` is reported by the front-matter check
        needed = needed_minutes(page, course)
        if stated < needed:
            node = page.front_nodes.get("minutes")
            line = node.start_mark.line + 1 if node is not None else 1
            problems.append(problem("lesson-time", page.path, line, 1, root=course.root, stated=stated,
                                    needed=needed, words=reading_words(page), pace=READING_PACE,
                                    exercises=exercise_minutes(page, course)))
    return problems
