"""Read a YAML file into PyYAML nodes, turning every reading failure into a `Problem`.

Nodes (not plain Python values) are kept because each one knows the line and column it came
from; `loader.py` uses them to point every later problem at the right place.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from yaml.nodes import Node

from .problems import Problem, problem

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The C parser when available: a 1 MB file reads in well under a second."""

BOM = b"\xef\xbb\xbf"


def read_text(path: Path, root: str | os.PathLike | None = None) -> tuple[str | None, list[Problem]]:
    """The file's text, without a byte order mark and with Unix line endings."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [problem("file-unreadable", path, root=root, reason=error.strerror or error)]
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [problem("not-utf8", path, line, col, root=root)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def compose(text: str, path: Path, root=None) -> tuple[Node | None, list[Problem]]:
    """Parse `text` into a tree of nodes; each node carries its start line and column."""
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [problem("empty-file", path, 1, 1, root=root)]
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        return None, [_syntax_problem(error, text, path, root)]
    finally:
        loader.dispose()
    if node is None:
        return None, [problem("empty-file", path, 1, 1, root=root)]
    return node, []


def _syntax_problem(error: yaml.YAMLError, text: str, path: Path, root) -> Problem:
    """Say what went wrong in words an author understands, at the line where it happened."""
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    reason = str(getattr(error, "problem", "") or "")
    context = str(getattr(error, "context", "") or "")
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    lines = text.split("\n")

    for number, source_line in enumerate(lines[:line], start=1):
        indent = source_line[:len(source_line) - len(source_line.lstrip(" \t"))]
        if "\t" in indent:
            return problem("yaml-tab", path, number, indent.index("\t") + 1, root=root)
    if "quoted scalar" in context and context_mark:
        return problem("yaml-quote", path, context_mark.line + 1, context_mark.column + 1, root=root)
    if "mapping values are not allowed" in reason:
        return problem("yaml-colon", path, line, col, root=root)
    if "cannot start any token" in reason and mark:
        char = lines[mark.line][mark.column:mark.column + 1] if mark.line < len(lines) else "?"
        return problem("yaml-start-char", path, line, col, root=root, char=char)
    if "block" in context or "expected key" in reason or "indicator" in reason:
        return problem("yaml-indent", path, line, col, root=root)
    if "flow" in context and context_mark:
        return problem("yaml-syntax", path, context_mark.line + 1, context_mark.column + 1, root=root,
                       problem="a list or set of fields in brackets that starts here is not closed")
    if "another document" in reason:
        return problem("yaml-syntax", path, line, col, root=root,
                       problem="a second \"---\" starts another document; an exercise file holds one")
    return problem("yaml-syntax", path, line, col, root=root,
                   problem=(reason or str(error)).replace("\n", " "))
