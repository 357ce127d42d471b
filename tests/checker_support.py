"""Helpers for the checker's tests: a small, clean course to copy and break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE_COURSE = Path(__file__).parent / "fixtures" / "checker" / "course"


def make_course(tmp_path: Path) -> Path:
    """A copy of the clean fixture course in tmp_path; returns its root."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE, root, ignore=shutil.ignore_patterns(".cache"))
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) with `new` in a file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def codes(problems) -> list[str]:
    return [p.code for p in problems]
