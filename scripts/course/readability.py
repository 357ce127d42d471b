"""How easy each lesson is to read: Flesch-Kincaid grade and average sentence length.

Only prose is scored: paragraphs and list items. Headings, code, tables, exercise blocks,
HTML and front matter are left out. textstat 0.7.8 is used because it works offline.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from .lessons import EXERCISE_OPEN, HEADING, LINK, Page
from .problems import Problem, problem

MAX_GRADE = 8.0
"""A lesson above this Flesch-Kincaid grade gets a warning."""
MAX_WORDS_PER_SENTENCE = 15.0
"""A lesson whose sentences average more words than this gets a warning."""

LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
SKIP_LINE = re.compile(r"^\s*(?:\||///|<|!!!|\?\?\?|\*\*\*|---|___|\[[^\]]+\]:|\{|-{3,}\s*$|={3,}\s*$)")
END_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’)]*$")
SENTENCE = re.compile(r"[^.!?…]+(?:[.!?…]+[\"'”’)]*|$)")


@dataclass
class Score:
    """The readability of one page."""

    name: str
    words: int
    sentences: int
    grade: float
    words_per_sentence: float
    longest: tuple[int, str]
    """(line, text) of the longest sentence, to point the author at it."""


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_CODE = re.compile(r"`[^`]*`")
_TAG_ATTRS_NOTE = re.compile(r"<[^>]+>|\{[^}]*\}|\[\^[^\]]+\]")
_EMPHASIS_OPEN = re.compile(r"[*_]{1,3}(\S)")
_EMPHASIS_CLOSE = re.compile(r"(\S)[*_]{1,3}")
_SPACES = re.compile(r"\s+")


def plain(text: str) -> str:
    """Markdown inline markup removed: links keep their text, code and HTML go."""
    text = _IMAGE.sub(" ", text)
    text = LINK.sub(lambda m: m.group(2), text)
    text = _CODE.sub(" ", text)
    text = _TAG_ATTRS_NOTE.sub(" ", text)
    text = _EMPHASIS_OPEN.sub(r"\1", text)
    text = _EMPHASIS_CLOSE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


_prose_of: dict[int, tuple[Page, list[tuple[int, str]]]] = {}
"""prose() of the pages read last (by the page object): the readability and the content checks
both read it. A page object is never changed after loading; a new load makes new objects."""


def prose(page: Page) -> list[tuple[int, str]]:
    """(first line, text) of every paragraph and list item, each ending with punctuation."""
    known = _prose_of.get(id(page))
    if known is not None and known[0] is page:
        return list(known[1])
    if len(_prose_of) > 1000:
        _prose_of.clear()
    result = _prose(page)
    _prose_of[id(page)] = (page, result)
    return list(result)


def _prose(page: Page) -> list[tuple[int, str]]:
    blocks: list[list] = []
    current: list | None = None
    in_exercise = False
    for number, line in page.body_lines():
        if EXERCISE_OPEN.match(line):
            in_exercise = True
        if in_exercise:
            in_exercise = line.strip() != "///"
            current = None
            continue
        if not line.strip() or HEADING.match(line) or SKIP_LINE.match(line) or line.startswith("\t"):
            current = None
            continue
        item = LIST_ITEM.match(line)
        if item or current is None:
            current = [number, line[item.end():] if item else line]
            blocks.append(current)
        else:
            current[1] += " " + line
    result = []
    for number, text in blocks:
        text = plain(text)
        if re.search(r"[A-Za-z]", text):
            result.append((number, text if END_PUNCTUATION.search(text) else text + "."))
    return result


CACHE_FILE = Path(".cache") / "readability.json"
"""Scores kept between runs, by the hash of a page's prose, under the project root (git ignores
it). textstat loads a 130,000-word dictionary (about 0.6 s) on first use; with the cache, a build
or check in a new process only pays that when a lesson's text has changed."""


def score_page(page: Page, cache: dict | None = None, kept: dict | None = None) -> Score | None:
    """The page's scores. Scores found in `cache` (prose hash -> Score fields) are reused;
    every score used is put in `kept`, the cache to save."""
    blocks = prose(page)
    if not blocks:
        return None
    key = hashlib.sha256(repr((page.name, blocks)).encode()).hexdigest()
    if cache and key in cache:
        fields = (kept if kept is not None else {}).setdefault(key, cache[key])
        return Score(**{**fields, "longest": tuple(fields["longest"])})
    import textstat  # imported here: loading its dictionary takes about a second

    text = " ".join(text for _, text in blocks)
    sentences = [(number, s.strip()) for number, block in blocks for s in SENTENCE.findall(block) if s.strip()]
    longest = max(sentences, key=lambda s: len(s[1].split()), default=(0, ""))
    score = Score(name=page.name, words=textstat.lexicon_count(text), sentences=textstat.sentence_count(text),
                  grade=round(textstat.flesch_kincaid_grade(text), 1),
                  words_per_sentence=round(textstat.words_per_sentence(text), 1), longest=longest)
    if kept is not None:
        kept[key] = asdict(score)
    return score


_last: tuple[object, dict] | None = None
"""The course scored last and its scores: two checks read them, and the course is scored once."""


def score_lessons(course) -> dict[str, Score | None]:
    """Scores of every lesson by name, through the cache file under the course's root."""
    global _last
    if _last is not None and _last[0] is course:
        return dict(_last[1])
    path = Path(course.root) / CACHE_FILE
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
        cache = cache if isinstance(cache, dict) else {}
    except (OSError, ValueError):
        cache = {}
    kept: dict = {}
    scores = {name: score_page(page, cache, kept) for name, page in sorted(course.lessons.items())}
    if kept != cache:
        try:
            path.parent.mkdir(exist_ok=True)
            path.write_text(json.dumps(kept), encoding="utf-8")
        except OSError:
            pass  # a read-only copy of the course still gets its scores, just not cached
    _last = (course, scores)
    return dict(scores)


def _hardest(score: Score) -> str:
    line, text = score.longest
    words = text.split()
    if not words:
        return ""
    start = " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
    return f" The longest sentence ({len(words)} words) is on line {line}: \"{start}\"."


def check_readability(course) -> list[Problem]:
    """A warning for each lesson above MAX_GRADE or MAX_WORDS_PER_SENTENCE."""
    problems = []
    for name, score in score_lessons(course).items():
        page = course.lessons[name]
        if score is None:
            continue
        where = dict(root=course.root, hardest=_hardest(score))
        if score.grade > MAX_GRADE:
            problems.append(problem("reading-grade", page.path, page.body_start, 1, **where,
                                    grade=f"{score.grade:g}", limit=f"{MAX_GRADE:g}"))
        if score.words_per_sentence > MAX_WORDS_PER_SENTENCE:
            problems.append(problem("sentence-length", page.path, page.body_start, 1, **where,
                                    average=f"{score.words_per_sentence:g}", limit=f"{MAX_WORDS_PER_SENTENCE:g}"))
    return problems


def readability_report(course) -> str:
    """One line per lesson: words, grade, average sentence length, and the minutes the lesson
    states beside the minutes it needs (see lesson_time.py), with a mark on those past a limit."""
    from .lesson_time import READING_PACE, needed_minutes

    lines = [f"{'Lesson':<45} {'Words':>6} {'Grade':>6} {'Words/sentence':>15} {'Minutes':>8} {'Needed':>7}"]
    for name, score in score_lessons(course).items():
        page = course.lessons[name]
        stated, needed = page.front.get("minutes"), needed_minutes(page, course)
        short = isinstance(stated, int) and stated < needed
        times = f"{stated if stated is not None else '-':>8} {needed:>7}"
        if score is None:
            lines.append(f"{name:<45} {'(no prose)':>6} {'':>22} {times}")
            continue
        flag = "  <- above the limit" if (score.grade > MAX_GRADE or short or
                                          score.words_per_sentence > MAX_WORDS_PER_SENTENCE) else ""
        lines.append(f"{name:<45} {score.words:>6} {score.grade:>6.1f} {score.words_per_sentence:>15.1f}"
                     f" {times}{flag}")
    lines.append(f"Limits: grade {MAX_GRADE:g}, {MAX_WORDS_PER_SENTENCE:g} words a sentence; "
                 f"minutes cover reading at {READING_PACE} words a minute plus the exercises.")
    return "\n".join(lines)
