"""A slimmer search index for a learner's data plan.

Material loads `search/search_index.json` on the first page a learner opens, even if they never
search. What goes into it is decided in three places:
- counsellor and editing pages are left out (audience.py marks them `search: exclude`);
- an exercise's answers, feedback and explanations, its buttons and its messages are left out
  (`data-search-exclude` in the templates); the questions, items and prompts stay;
- a lesson's "Key words" box is left out (`leave_out_boxes()`): each word links to its
  entry in the glossary, which is in the index with the same words; so are the "How we know"
  boxes, which name the research behind a sentence (the Sources page is for counsellors);
- a dialogue's buttons, its recorder and its script are left out: the situation, the roles and
  the choices stay;
- `slim()` here, after the build, keeps each entry's text as plain words (no HTML tags), in
  compact JSON. Each entry starts as written, up to the end of the sentence that passes
  AS_WRITTEN characters: that is what a search result shows (two or three lines). After that,
  each word is kept once, in the order it first comes (`shorten()`). Search matches single
  words, never sentences, so every word of a lesson can still be found.
"""

from __future__ import annotations


import json
import re
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")
_BOXES_LEFT_OUT = re.compile(
    r'<div class="admonition\b[^"]*"(?=>\s*<p class="admonition-title">Key words</p>)'
    r'|<details class="[^"]*"(?=>\s*<summary>How we know</summary>)')


def leave_out_boxes(html: str) -> str:
    """A page's HTML with its "Key words" and "How we know" boxes marked to be left out of the
    search index."""
    return _BOXES_LEFT_OUT.sub(lambda match: match.group(0) + " data-search-exclude", html)


_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text without HTML tags, with runs of spaces made one. Entities such as &lt; stay
    entities, so a literal "<b>" written in a lesson is never turned into markup."""
    return _SPACE.sub(" ", _TAG.sub(" ", text)).strip()


AS_WRITTEN = 300
"""How many characters of an entry's text are kept as written (to the end of that sentence)."""
_SEPARATOR = re.compile(r"[\s\-]+")
"""How Material's search splits text into words (its `separator`)."""
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def _word(token: str) -> str:
    return _EDGE_PUNCTUATION.sub("", token)


def shorten(text: str, as_written: int = AS_WRITTEN) -> str:
    """`text` as written up to the end of the sentence that passes `as_written` characters; after
    that, each word that has not come before (ignoring case and the punctuation around it), once."""
    end = text.find(". ", as_written)
    if end < 0:
        return text
    head, tail = text[:end + 1], text[end + 2:]
    seen = {_word(token).lower() for token in _SEPARATOR.split(head)}
    rest = []
    for token in _SEPARATOR.split(tail):
        word = _word(token)
        if word and word.lower() not in seen:
            seen.add(word.lower())
            rest.append(word)
    return " ".join([head, *rest])


def slim(path: Path) -> tuple[int, int]:
    """Rewrite the index at `path` with plain, shortened text in compact JSON; returns the sizes in bytes
    before and after. A missing index (search turned off) is left alone: (0, 0)."""
    if not path.is_file():
        return 0, 0
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    for doc in data.get("docs", []):
        if isinstance(doc.get("text"), str):
            doc["text"] = shorten(plain(doc["text"]))
    out = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(out, encoding="utf-8")
    return len(raw.encode("utf-8")), len(out.encode("utf-8"))
