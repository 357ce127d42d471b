"""Read a YAML file into PyYAML nodes, turning every reading failure into a `Problem`.

Nodes (not plain Python values) are kept because each one knows the line and column it came
from; `loader.py` uses them to point every later problem at the right place.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import typing
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem, problem

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The C parser when available: a 1 MB file reads in well under a second."""

BOM = b"\xef\xbb\xbf"
CURLY_START = re.compile(r"(?:^|:\s|^\s*-\s)\s*([“‘„])")
"""A value that starts with a curly quote, as pasted from a word processor."""


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
        start = data.rfind(b"\n", 0, error.start) + 1
        col = error.start - start + 1
        before = data[start:error.start].decode("utf-8", "replace").split()[-1:] or [""]
        char = data[error.start:error.start + 1].decode("cp1252", "replace")
        where = f"after \"{before[0][-20:]}\"" if before[0] else "at the start of the line"
        return None, [problem("not-utf8", path, line, col, root=root, char=char, where=where)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def compose(text: str, path: Path, root=None) -> tuple[Node | None, list[Problem]]:
    """Parse `text` into a tree of nodes; each node carries its start line and column."""
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [problem("empty-file", path, 1, 1, root=root)]
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        try:
            return None, [_syntax_problem(error, text, path, root)]
        except Exception:  # noqa: BLE001 - a slip in the wording must never hide the problem
            mark = getattr(error, "problem_mark", None)
            return None, [problem("yaml-syntax", path, mark.line + 1 if mark else 1, 1, root=root,
                                  problem=str(getattr(error, "problem", "") or error))]
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
            return _tab_problem(lines, number, indent.index("\t") + 1, path, root)
    for number in (line - 1, line, line + 1):
        if 0 < number <= len(lines) and (curly := CURLY_START.search(lines[number - 1])):
            return problem("curly-quotes", path, number, curly.start(1) + 1, root=root)
    if "quoted scalar" in context and context_mark:
        return problem("yaml-quote", path, context_mark.line + 1, context_mark.column + 1, root=root)
    if "could not find expected ':'" in reason and context_mark:
        number = context_mark.line + 1
        words = lines[context_mark.line].strip().removeprefix("- ").split(None, 1) if number <= len(lines) else []
        value = " ".join(words[1].split()[:3]) + (" ..." if len(words[1].split()) > 3 else "") if len(words) == 2 else ""
        example = f"{words[0]}: {value}" if value else "minutes: 5"
        return problem("yaml-missing-colon", path, number, context_mark.column + 1, root=root,
                       number=number, example=example)
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


def _tab_problem(lines: list[str], number: int, col: int, path: Path, root) -> Problem:
    """A tab at the start of line `number`: name the spaces it should be, from the line above."""
    above = next((text for text in reversed(lines[:number - 1])
                  if text.strip() and not text.lstrip().startswith("#") and "\t" not in text), None)
    match = re.match(r"^((?:\s*-\s+)*\s*)([^\s:]+:?)", above or "")
    if not match:
        return problem("yaml-tab", path, number, col, root=root, situation="no-line-above")
    spaces, key = len(match.group(1)), match.group(2)
    if above.rstrip().endswith(":"):
        return problem("yaml-tab", path, number, col, root=root, key=key, spaces=spaces + 2,
                       situation="inside")
    if spaces == 0:
        return problem("yaml-tab", path, number, col, root=root, key=key, situation="left")
    return problem("yaml-tab", path, number, col, root=root, key=key, spaces=spaces)


# --- describing values in messages ------------------------------------------------------------

def describe_node(node: Node) -> str:
    """A node as an author would describe it: "a list", "the number 5", "the text "abc""."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a set of fields"
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null":
        return "empty"
    if tag in ("int", "float"):
        return f"the number {node.value}"
    if tag == "bool":
        return f"the value {node.value}"
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return f"the text \"{value}\""


def expected_type(hint) -> tuple[str, str]:
    """(what a field should be, how to write it) for a type hint."""
    origin = typing.get_origin(hint)
    if hint is str:
        return "text", "Write the text after the colon and a space."
    if hint is int:
        return "a whole number", "Write a whole number without quotes, for example 10."
    if hint is bool:
        return "true or false", "Write true or false, without quotes."
    if origin is tuple:
        return "two whole numbers", "Write two whole numbers in square brackets, for example [50, 75]."
    if origin is list:
        return "a list", "Put each entry on its own line, starting with a dash and a space."
    return "a set of fields", "Put each field on its own line, indented by two more spaces."


def suggest(word: str, choices, cutoff: float = 0.6) -> str:
    """"Did you mean "x"? " for the choice closest to `word`, or "" when none is close; put
    before a message's hint."""
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=cutoff)
    return f"Did you mean \"{match[0]}\"? " if match else ""


_WHOLE_NUMBER = re.compile(r"[-+]?[0-9][0-9_]*")


def whole_number(node: Node) -> int | None:
    """The value of an unquoted whole number written in decimal, such as `10`, `-5` or `08`;
    None for anything else.

    YAML 1.1 would read `017` as octal 15, `1:30` as 90 and `0b_` not at all (a crash in
    PyYAML); an author who writes digits means the decimal number, and other forms are
    reported as "should be a whole number" instead."""
    if not isinstance(node, ScalarNode) or node.style not in (None, ""):  # "": plain, in the C parser
        return None
    if not _WHOLE_NUMBER.fullmatch(node.value):
        return None
    return int(node.value.replace("_", ""), 10)


def placeholder(hint):
    """A stand-in value for a missing required field, so the object can still be built."""
    origin = typing.get_origin(hint)
    if origin is list:
        return []
    if origin is tuple:
        return (0, 0)
    if hint is int:
        return 0
    if hint is bool:
        return False
    if hint is dict:
        return {}
    if dataclasses.is_dataclass(hint):
        return hint(**{f.name: placeholder(typing.get_type_hints(hint)[f.name])
                       for f in dataclasses.fields(hint)
                       if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING})
    return ""
