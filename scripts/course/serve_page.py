"""What `make serve` shows in the browser when a mistake would stop the build.

Under `mkdocs serve`, a build that stops leaves the browser on the old page, and the message
only in the terminal. So while serving, the hooks keep building around the mistake (an unknown
exercise block is left out, a page that cannot be read is skipped) and every page starts with
a box that lists the problems. `make site` and `make check` still stop on them.
"""

from __future__ import annotations

from .blocks import BLOCK_LINE
from .messages import SERVE_BANNER_HEADING, SERVE_BANNER_INTRO, SERVE_BANNER_MORE
from .render import render
from .report import location, root_causes_first

SHOWN = 10
"""Problems listed in the box; the terminal and `make check` list all of them."""
ARTICLE = '<article class="md-content__inner md-typeset">'


def drop_unknown_blocks(markdown: str, known) -> str:
    """The page's Markdown without the exercise blocks whose id is unknown (they would stop
    the build); the box at the top of the page says which ones."""
    lines, skipping = [], False
    for line in markdown.split("\n"):
        match = BLOCK_LINE.match(line)
        if match and (match.group("id") or "").strip() not in known:
            skipping = True
            continue
        if skipping and line.strip().startswith("///"):
            skipping = False
            continue
        if not skipping:
            lines.append(line)
    return "\n".join(lines)


def banner(problems) -> str:
    """The box listing the errors (root causes first), or "" when there are none."""
    errors = [(p, knock_on) for p, knock_on in root_causes_first(problems) if p.level == "error"]
    if not errors:
        return ""
    shown = [{"where": location(p), "message": p.message, "hint": p.hint} for p, _ in errors[:SHOWN]]
    more = SERVE_BANNER_MORE.format(count=len(errors) - SHOWN) if len(errors) > SHOWN else ""
    return render("site/serve_problems.html", problems=shown, more=more,
                  heading=SERVE_BANNER_HEADING.format(
                      count=f"{len(errors)} problem{'' if len(errors) == 1 else 's'}"),
                  intro=SERVE_BANNER_INTRO)


def add_banner(html: str, box: str) -> str:
    """The page with the box at the start of its content."""
    if not box or ARTICLE not in html:
        return html
    return html.replace(ARTICLE, ARTICLE + box, 1)
