"""A problem found in a lesson or an exercise file, and where it is.

Every check and the loader return `Problem` objects; `report.py` is the one place that prints
them. The wording of each problem lives in `messages.py`, keyed by its code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from .messages import render

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem, ready to print as `path:line:col: level [code] message`."""

    path: str
    """The file, relative to the project root, with forward slashes."""
    line: int
    """1 for the first line; 0 when the problem is about the whole file."""
    col: int
    """1 for the first column; 0 when unknown."""
    level: Level
    code: str
    """The key of the message in `messages.MESSAGES`, for example "missing-field"."""
    message: str
    hint: str
    """One line in plain words on how to fix it."""
    cause: str = ""
    """The file (as `path` names files) whose own problem most likely caused this one, for
    example the exercise file with a tab that makes its lesson's exercise block fail. The
    report prints this problem after that file's problems, marked as a knock-on."""

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.code, self.message)

    def as_warning(self) -> "Problem":
        """The same problem reported as a warning (used for drafts)."""
        return replace(self, level="warning")


def display_path(path: str | os.PathLike, root: str | os.PathLike | None = None) -> str:
    """`path` relative to `root` (the project root) when it is inside it, with forward slashes.

    Paths outside the root are shown relative to the current folder when possible, so a message
    never carries a long absolute path when a short one will do.
    """
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def problem(code: str, path: str | os.PathLike, line: int = 0, col: int = 0, *,
            root: str | os.PathLike | None = None, level: Level | None = None,
            cause: str | os.PathLike = "", **fields) -> Problem:
    """Make a `Problem` whose message and hint come from the table in `messages.py`.

    `fields` fill the placeholders of the message template, for example `field="title"`.
    """
    message, hint, default_level = render(code, **fields)
    return Problem(path=display_path(path, root), line=line, col=col,
                   level=level or default_level, code=code, message=message, hint=hint,
                   cause=display_path(cause, root) if cause else "")


def has_errors(problems: list[Problem]) -> bool:
    return any(p.level == "error" for p in problems)
