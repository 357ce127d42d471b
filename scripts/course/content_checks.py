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


MIN_PHRASE_WORDS = 4
"""Template sentences shorter than this are too common to tell apart from real text."""


def _phrases_of(text: str) -> list[str]:
    """The phrase and, when its first clause (up to a comma) is long enough to be telling on its
    own, that clause too: a counsellor may keep the start of a template sentence and cut the end."""
    phrases = [text]
    clause = text.split(",", 1)[0].strip()
    if clause != text and len(clause.split()) >= 6:
        phrases.append(clause)
    return phrases


def _strings(data) -> list[str]:
    """Every text value in a loaded YAML template, however deeply nested."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return []


@functools.lru_cache(maxsize=1)
def template_text() -> tuple[dict[str, str], list[str], dict[str, str]]:
    """What a new exercise or lesson starts with, and a published one must not keep:
    (exercise titles of the starter templates -> kind, phrases of the lesson template,
    other phrases of the exercise templates -> kind)."""
    titles, exercise_phrases = {}, {}
    for path in sorted(TEMPLATES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            titles[data["title"]] = path.stem
        for text in _strings(data):
            text = " ".join(text.split())
            if len(text.split()) >= MIN_PHRASE_WORDS and "__" not in text and text not in titles:
                for phrase in _phrases_of(text):
                    exercise_phrases.setdefault(phrase, path.stem)
    lesson = (TEMPLATES / "lesson.md").read_text(encoding="utf-8")
    phrases = []
    for line in lesson.splitlines():
        text = re.sub(r"^\s*(?:-\s+|[a-z_]+:\s+)", "", line).strip().strip('"')
        if len(text.split()) >= 3 and "__" not in text and not line.lstrip().startswith(("#", "---")):
            phrases += _phrases_of(text)
    return titles, phrases, exercise_phrases


def check_template_exercise(exercise, root, text: str | None = None) -> list[Problem]:
    """The template's title, and any other sentence of a template left in the file (found in
    its lines, so each is named at its own line)."""
    titles, _, phrases = template_text()
    if exercise.title in titles:
        from .loader import line_of
        return [problem("template-text", exercise.path, line_of(exercise, "title"), 0, root=root,
                        text=exercise.title, what=f"{titles[exercise.title]} exercise")]
    # Other template sentences count only when much of a template is left: the templates reuse
    # a few everyday sentences that real exercises may share ("Tick each step when it is done.").
    found: dict[str, list[Problem]] = {}
    for number, line in enumerate((text or "").split("\n"), start=1):
        if line.lstrip().startswith("#"):
            continue
        for phrase, kind in phrases.items():
            if phrase in line:
                found.setdefault(kind, []).append(problem(
                    "template-text", exercise.path, number, line.index(phrase) + 1, root=root,
                    text=_short(phrase), what=f"{kind} exercise"))
                break
    sizes = _template_sizes()
    left = [p for kind, kept in found.items() if len(kept) >= max(3, sizes[kind] / 2) for p in kept]
    return left[:3]  # the first few say it


@functools.lru_cache(maxsize=1)
def _template_sizes() -> dict[str, int]:
    """How many telling sentences each exercise template has."""
    phrases = template_text()[2]
    sizes: dict[str, int] = {}
    for phrase, kind in phrases.items():
        if not any(other.startswith(phrase + ",") for other in phrases):  # not a first clause
            sizes[kind] = sizes.get(kind, 0) + 1
    return sizes


def check_template_page(page, root) -> list[Problem]:
    _, phrases, _ = template_text()
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
        problems += check_template_exercise(exercise, course.root, text)
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
