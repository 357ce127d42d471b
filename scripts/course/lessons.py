"""Markdown pages under docs/: front matter, embedded exercises, links, images and anchors.

Only what the checks need is read; rendering the page is MkDocs' job. Lines inside fenced
code blocks are skipped, so an example in the editing guide is never taken for a real link.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify, unique
from yaml import YAMLError
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode

from .problems import Problem, problem
from .yamlfile import compose, describe_node, read_text

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
EXERCISE_OPEN = re.compile(r"^///\s*exercise\s*\|\s*(\S*)\s*$")
BLOCK_CLOSE = re.compile(r"^///\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass
class Link:
    target: str
    line: int
    col: int
    image: bool = False
    text: str = ""
    """The link text, or an image's alt text."""


@dataclass
class Embed:
    """A `/// exercise | id` block on a page."""

    id: str
    line: int
    closed: bool = True


@dataclass
class Page:
    """One Markdown page under docs/."""

    path: Path
    """The file on disk."""
    name: str
    """The path inside docs/, with forward slashes, for example "lessons/05-elevator-speech.md"."""
    text: str = ""
    front: dict = field(default_factory=dict)
    """Front matter values (plain Python values)."""
    front_nodes: dict = field(default_factory=dict)
    """Front matter nodes by key, so a check can point at the line of a value."""
    has_front_matter: bool = False
    unreadable: bool = False
    """True when the file could not be read at all (for example, not saved as UTF-8). The page
    is still listed, so links and exercises that name it are not reported as "does not exist":
    the one message about the file says what to fix."""
    front_unreadable: bool = False
    """True when the front matter is there but is not a set of fields that can be read; that
    problem is reported once, instead of every field being reported missing."""
    body_start: int = 1
    """The line where the body starts, after the front matter."""
    embeds: list[Embed] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    html_images: list[tuple[str, int]] = field(default_factory=list)

    @property
    def is_lesson(self) -> bool:
        return self.name.startswith("lessons/")

    @property
    def draft(self) -> bool:
        return self.front.get("draft") is True

    def body_lines(self) -> list[tuple[int, str]]:
        """(line number, text) of every body line outside fenced code blocks."""
        result, fence = [], None
        for number, line in enumerate(self.text.split("\n")[self.body_start - 1:], start=self.body_start):
            match = FENCE.match(line)
            if fence:
                if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                    fence = None
                continue
            if match:
                fence = match.group(1)
                continue
            result.append((number, line))
        return result


def load_page(path: str | os.PathLike, docs_dir: str | os.PathLike,
              root: str | os.PathLike | None = None) -> tuple[Page | None, list[Problem]]:
    """Read one Markdown page. Problems here are only about reading it and its front matter
    syntax; what the front matter must contain is decided in page_checks.py."""
    path = Path(path)
    name = path.resolve().relative_to(Path(docs_dir).resolve()).as_posix()
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    page = Page(path=path, name=name, text=text)
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            page.has_front_matter = True
            page.body_start = end + 2
            problems += _read_front(page, "\n" * 1 + "\n".join(lines[1:end]) + "\n", root)
    _scan_body(page)
    return page, problems


def _read_front(page: Page, text: str, root) -> list[Problem]:
    if not text.strip():
        return []
    node, problems = compose(text, page.path, root)
    if node is None:
        page.front_unreadable = True
        return [p for p in problems if p.code != "empty-file"]
    if not isinstance(node, MappingNode):
        page.front_unreadable = True
        return [problem("not-a-mapping", page.path, node.start_mark.line + 1, 1, root=root,
                        what="The front matter", example="title", actual=describe_node(node))]
    constructor = SafeConstructor()
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode):
            page.front_nodes[key_node.value] = value_node
            try:
                page.front[key_node.value] = constructor.construct_object(value_node, deep=True)
            except (YAMLError, ValueError):  # for example the date 2024-13-45
                problems.append(problem(
                    "yaml-syntax", page.path, value_node.start_mark.line + 1,
                    value_node.start_mark.column + 1, root=root,
                    problem="the value looks like a date or a number, but it is not a real one "
                            "(if it is text, put it in quotes)"))
    return problems


def _scan_body(page: Page) -> None:
    open_embed: Embed | None = None
    for number, line in page.body_lines():
        opening = EXERCISE_OPEN.match(line)
        if opening:
            if open_embed:
                open_embed.closed = False
            open_embed = Embed(opening.group(1), number, closed=False)
            page.embeds.append(open_embed)
            continue
        if BLOCK_CLOSE.match(line):
            if open_embed:
                open_embed.closed = True
                open_embed = None
            continue
        if line.strip() and open_embed is not None and not line.startswith(("    ", "\t")):
            # pymdownx blocks close at "///"; text in between would be swallowed by the block
            open_embed = None
        visible = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        heading = HEADING.match(visible)
        if heading:
            page.anchors.add(unique(heading_id(heading.group(2)), page.anchors))
        for match in ATTR_ID.finditer(visible):
            page.anchors.add(match.group(1))
        for match in HTML_ID.finditer(visible):
            page.anchors.add(match.group(1))
        for match in LINK.finditer(visible):
            page.links.append(Link(target=match.group(3), line=number, col=match.start() + 1,
                                   image=bool(match.group(1)), text=match.group(2)))
        for match in HTML_IMG.finditer(visible):
            page.html_images.append((match.group(0), number))


def heading_id(text: str) -> str:
    """The anchor MkDocs gives a heading: an explicit `{ #id }`, or the `toc` extension's slug
    of the heading's visible text."""
    explicit = ATTR_ID.search(text)
    if explicit:
        return explicit.group(1)
    text = re.sub(r"\{[^}]*\}\s*$", "", text)
    text = LINK.sub(lambda m: m.group(2), text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_`]", "", text)
    return slugify(text, "-")


def load_pages(root: str | os.PathLike) -> tuple[dict[str, Page], list[Problem]]:
    """Every Markdown page under docs/, by its name inside docs/."""
    docs_dir = Path(root) / "docs"
    pages: dict[str, Page] = {}
    problems: list[Problem] = []
    from .loader import remembered

    for path in sorted(docs_dir.rglob("*.md")):
        page, found = remembered(load_page, path, docs_dir, root)
        problems += found
        if page is None:
            name = path.resolve().relative_to(docs_dir.resolve()).as_posix()
            page = Page(path=path, name=name, unreadable=True)
        pages[page.name] = page
    return pages, problems
