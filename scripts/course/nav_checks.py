"""The site's menu (`nav:` in mkdocs.yml) and the pages in docs/ must agree.

A strict build stops when the menu names a page that does not exist (a lesson deleted or
renamed, the menu left as it was), and when a page is not in the menu (a lesson added by
copying a file). Both are reported here first, with the file and line to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .lesson_nav import LESSONS_DIR
from .problems import Problem, problem
from .yamlfile import compose, read_text, suggest

CONFIG = "mkdocs.yml"
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:|^/", re.IGNORECASE)


@dataclass(frozen=True)
class NavEntry:
    """One page named in the menu: its path inside docs/, and where it is in mkdocs.yml."""

    name: str
    line: int
    col: int
    section: str
    """The title of the menu section it is in, for example "Lessons" ("" at the top level)."""


def nav_entries(root: Path) -> tuple[list[NavEntry] | None, list[Problem]]:
    """Every page the menu names, in order; None when there is no mkdocs.yml or no `nav:`
    (MkDocs then builds the menu by itself). Problems reading mkdocs.yml are returned."""
    path = Path(root) / CONFIG
    if not path.exists():
        return None, []
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    node, problems = compose(text, path, root)  # composing ignores tags such as !ENV
    if not isinstance(node, MappingNode):
        return None, problems
    nav = next((value for key, value in node.value if isinstance(key, ScalarNode) and key.value == "nav"), None)
    if not isinstance(nav, SequenceNode):
        return None, problems
    entries: list[NavEntry] = []
    _walk(nav, "", entries)
    return entries, problems


def _walk(node, section: str, entries: list[NavEntry]) -> None:
    if isinstance(node, ScalarNode):
        if node.value and not EXTERNAL.match(node.value):
            entries.append(NavEntry(node.value, node.start_mark.line + 1, node.start_mark.column + 1, section))
    elif isinstance(node, SequenceNode):
        for item in node.value:
            _walk(item, section, entries)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            _walk(value, str(key.value) if isinstance(value, SequenceNode) else section, entries)


def check_nav(course) -> list[Problem]:
    """A menu line naming a missing page; a page (not a draft) missing from the menu."""
    root = Path(course.root)
    entries, problems = nav_entries(root)
    if entries is None:
        return problems
    config = root / CONFIG
    named = {entry.name for entry in entries}
    missing = [name for name, page in course.pages.items() if name not in named and not page.draft]
    typos: dict[str, NavEntry] = {}
    for entry in entries:
        if entry.name not in course.pages and not (root / "docs" / entry.name).exists():
            suggestion = suggest(entry.name, missing)
            if suggestion:
                typos[suggestion.split('"')[1]] = entry
            problems.append(problem("nav-missing-page", config, entry.line, entry.col, root=root,
                                    page=entry.name, suggestion=suggestion))
    for name in missing:
        page = course.pages[name]
        folder = name.rpartition("/")[0]
        near = [e for e in entries if e.name.rpartition("/")[0] == folder] or entries
        after = typos.get(name) or (near[-1] if near else None)
        # A lesson joins the menu by itself (lesson_nav.py: the browser editor cannot change
        # mkdocs.yml), so a lesson left out is only a warning; any other page is an error.
        code = "lesson-not-in-menu" if name.startswith(LESSONS_DIR) else "not-in-menu"
        problems.append(problem(code, page.path, 1, 0, root=root, page=name,
                                after=after.line if after else 1,
                                section=f"under \"{after.section}\" " if after and after.section else "",
                                situation="" if after else "no-menu",
                                cause=config if name in typos else ""))
    return problems
