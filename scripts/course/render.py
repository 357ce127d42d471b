"""The one Jinja environment for every HTML the project makes: the site's exercises and lesson
frames (templates/site/) and the printed worksheets (templates/print/).

Autoescaping is always on: text from an exercise file or a lesson's front matter is data, so a
title such as `<b>Hi</b>` shows as those characters and never becomes markup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .labels import LABELS

TEMPLATES = Path(__file__).parent / "templates"
"""The folder that holds `site/` and `print/`."""

_BLANK_LINES = re.compile(r"\n\s*\n+")
_BREAKS = re.compile(r"\s*\n\s*")


def paragraphs(text: str | None) -> list[str]:
    """Split author text into paragraphs at blank lines; single line breaks become spaces.

    Templates loop over the result and put each item in its own `<p>`, so no markup is ever
    built from the text itself.
    """
    if not text:
        return []
    return [_BREAKS.sub(" ", block).strip() for block in _BLANK_LINES.split(str(text).strip())
            if block.strip()]


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 minute`, `2 minutes`."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def first_words(text: str | None, count: int = 3) -> str:
    """The start of a line as a prompt: its first `count` words and "…" when there are more."""
    words = str(text or "").split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


@lru_cache(maxsize=None)
def make_environment() -> Environment:
    """The shared, autoescaping environment. Cached: templates are compiled once per process.

    Filters: `paragraphs` (see above), `plural`, `first_words`, and Jinja's own `tojson`, which escapes `<`,
    `>`, `&` and `'` so JSON is safe inside `<script type="application/json">`.
    """
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["paragraphs"] = paragraphs
    env.filters["plural"] = plural
    env.filters["first_words"] = first_words
    env.globals["label"] = LABELS   # button labels, from one place: {{ label.check_answers }}
    return env


def render(template: str, **context) -> str:
    """Render one template, for example `render("site/quiz.html", exercise=...)`."""
    return make_environment().get_template(template).render(**context)


def compact(html: str) -> str:
    """Drop blank lines, so the HTML stays one raw block when it is placed inside Markdown."""
    return "\n".join(line for line in html.splitlines() if line.strip())
