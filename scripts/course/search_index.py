"""A slimmer search index for a learner's data plan.

Material loads `search/search_index.json` on the first page a learner opens, even if they never
search. What goes into it is decided in three places:
- counsellor and editing pages are left out (audience.py marks them `search: exclude`);
- an exercise's answers, feedback and explanations, its buttons and its messages are left out
  (`data-search-exclude` in the templates); the questions, items and prompts stay;
- a lesson's "Key words" box is left out (`leave_out_key_words()`): each word links to its
  entry in the glossary, which is in the index with the same words;
- `slim()` here, after the build, keeps each entry's text as plain words (no HTML tags), in
  compact JSON. Search results show the same words; only the markup around them is gone.
"""

from __future__ import annotations


import json
import re
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")
_KEY_WORDS = re.compile(r'<div class="admonition\b[^"]*"(?=>\s*<p class="admonition-title">Key words</p>)')


def leave_out_key_words(html: str) -> str:
    """A page's HTML with its "Key words" boxes marked to be left out of the search index."""
    return _KEY_WORDS.sub(lambda match: match.group(0) + " data-search-exclude", html)
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text without HTML tags, with runs of spaces made one. Entities such as &lt; stay
    entities, so a literal "<b>" written in a lesson is never turned into markup."""
    return _SPACE.sub(" ", _TAG.sub(" ", text)).strip()


def slim(path: Path) -> tuple[int, int]:
    """Rewrite the index at `path` with plain text in compact JSON; returns the sizes in bytes
    before and after. A missing index (search turned off) is left alone: (0, 0)."""
    if not path.is_file():
        return 0, 0
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    for doc in data.get("docs", []):
        if isinstance(doc.get("text"), str):
            doc["text"] = plain(doc["text"])
    out = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(out, encoding="utf-8")
    return len(raw.encode("utf-8")), len(out.encode("utf-8"))
