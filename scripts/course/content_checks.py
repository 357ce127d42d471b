"""Everyday slips in the text itself: example text left from a template, curly quotes pasted
from a word processor, and a single very long sentence in a lesson."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from .problems import Problem, problem
from .readability import SENTENCE, prose

TEMPLATES = Path(__file__).parent / "templates" / "new"
MAX_SENTENCE_WORDS = 35
"""A single sentence longer than this in a lesson gets a warning of its own."""

CURLY_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)*(?:[\w-]+:\s+)?)(?P<value>[“‘„].*[”’“])\s*(?:#.*)?$")
"""A YAML value (after `key: ` or `- `) that starts and ends with a curly quote."""


def _phrases_of(text: str) -> list[str]:
    """The phrase and, when its first clause (up to a comma) is long enough to be telling on its
    own, that clause too: a counsellor may keep the start of a template sentence and cut the end."""
    phrases = [text]
    clause = text.split(",", 1)[0].strip()
    if clause != text and len(clause.split()) >= 6:
        phrases.append(clause)
    return phrases


@functools.lru_cache(maxsize=1)
def template_text() -> tuple[dict[str, str], list[str]]:
    """(exercise titles of the starter templates -> kind, phrases of the lesson template). A new
    exercise or lesson starts with these; a published one must not keep them."""
    titles = {}
    for path in sorted(TEMPLATES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            titles[data["title"]] = path.stem
    lesson = (TEMPLATES / "lesson.md").read_text(encoding="utf-8")
    phrases = []
    for line in lesson.splitlines():
        text = re.sub(r"^\s*(?:-\s+|[a-z_]+:\s+)", "", line).strip().strip('"')
        if len(text.split()) >= 3 and "__" not in text and not line.lstrip().startswith(("#", "---")):
            phrases += _phrases_of(text)
    return titles, phrases


def check_template_exercise(exercise, root) -> list[Problem]:
    """The template's title left on an exercise. (Its other sentences are not looked for: real
    exercises share everyday sentences with the templates, and the tests' practice exercises
    were made from them.)"""
    titles, _ = template_text()
    if exercise.title in titles:
        from .loader import line_of
        return [problem("template-text", exercise.path, line_of(exercise, "title"), 0, root=root,
                        text=exercise.title, what=f"{titles[exercise.title]} exercise")]
    return []


def check_template_page(page, root) -> list[Problem]:
    _, phrases = template_text()
    found = []
    for number, line in enumerate(page.text.split("\n"), start=1):
        for phrase in phrases:
            if phrase in line:
                found.append(problem("template-text", page.path, number, line.index(phrase) + 1,
                                     root=root, text=_short(phrase), what="lesson"))
                break
    return found


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def curly_quote_lines(text: str) -> list[tuple[int, int]]:
    """(line, column) of every YAML value wrapped in curly quotes."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = CURLY_VALUE.match(line)
        if match:
            found.append((number, match.start("value") + 1))
    return found


def check_curly_quotes(path: Path, text: str, root, first_line: int = 1) -> list[Problem]:
    """A warning for each value that reads as text starting and ending with curly quotes: the
    quotes will show on the page, which is rarely what was meant."""
    return [problem("curly-quotes-shown", path, line + first_line - 1, col, root=root)
            for line, col in curly_quote_lines(text)]


def check_long_sentences(course, scores) -> list[Problem]:
    """A warning for each sentence over MAX_SENTENCE_WORDS words in a lesson."""
    problems = []
    for name, page in sorted(course.lessons.items()):
        score = scores.get(name)
        for number, block in prose(page):
            for sentence in SENTENCE.findall(block):
                words = sentence.split()
                if len(words) > MAX_SENTENCE_WORDS:
                    problems.append(problem(
                        "long-sentence", page.path, _line_of(page, words, number), 0, root=course.root,
                        words=len(words), limit=MAX_SENTENCE_WORDS, start=_short(sentence.strip(), 8),
                        average=f"{score.words_per_sentence:g}" if score else "?"))
    return problems


def _line_of(page, words: list[str], first: int) -> int:
    """The line, from `first` on, where a sentence starting with `words` begins."""
    lines = page.text.split("\n")
    start = " ".join(words[:3])
    for number in range(first, min(first + 40, len(lines) + 1)):
        if words[0] in lines[number - 1] and (start in lines[number - 1] or len(words) < 3):
            return number
    for number in range(first, min(first + 40, len(lines) + 1)):
        if words[0] in lines[number - 1]:
            return number
    return first


def check_content(course) -> list[Problem]:
    """Template text, curly quotes and long sentences across the course."""
    from .readability import score_lessons
    from .yamlfile import read_text

    problems = []
    for path, exercise in course.loaded.items():
        if exercise is None:
            continue  # it could not be read: that message comes first, and alone
        text, _ = read_text(path, course.root)
        problems += check_template_exercise(exercise, course.root)
        if text is not None:
            problems += check_curly_quotes(path, text, course.root)
    for page in course.lessons.values():
        if page.unreadable:
            continue
        problems += check_template_page(page, course.root)
        if page.has_front_matter:
            front = "\n".join(page.text.split("\n")[1:page.body_start - 2])
            problems += check_curly_quotes(page.path, front, course.root, first_line=2)
    problems += check_long_sentences(course, score_lessons(course))
    return problems
