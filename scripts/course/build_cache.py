"""What the last build worked out (the loaded course, the checker's results), reused while no
file it was worked out from has changed.

Every build loads the whole course and runs the whole checker (so `--strict` stops on any
mistake). When nothing they read has changed since the last build, the results are the same:
they are kept in `.cache/` (git ignores it) under a key made from the name, size and
modification time of every file they can read (the lessons and pages, the exercise and plan
files, mkdocs.yml) and of the package's own code, templates and messages. Any change to any of
them, a file added or removed, loads and checks everything again. The key stats files; it never
reads them, so a build that reuses the results costs a few milliseconds. A cache that cannot be
read or written is ignored: the course is loaded and checked as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import asdict, fields
from pathlib import Path

from .problems import Problem

CACHE_FILE = Path(".cache") / "checks.json"
COURSE_FILE = Path(".cache") / "course.pickle"
"""The loaded course, as Python's pickle: written and read by this module only."""
INPUTS = ("docs", "exercises", "workshops", "scripts/course")
"""Folders whose files the checks read (or whose code and templates make the checks)."""
SKIPPED = ("docs/printables/pdf",)
"""Built files under those folders: never read by a check, and rewritten by every PDF build."""


def inputs_key(root: Path) -> str:
    """A hash of the name, size and modification time of every input file."""
    digest = hashlib.sha256()
    root = Path(root)
    paths = [root / "mkdocs.yml"]
    for folder in INPUTS:
        for here, dirs, files in os.walk(root / folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__"
                             and not (Path(here, d).relative_to(root).as_posix().startswith(SKIPPED)))
            paths += [Path(here, name) for name in sorted(files)]
    for path in paths:
        name = path.relative_to(root).as_posix()
        try:
            stat = path.stat()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8"))
        except OSError:
            digest.update(f"{name}\0missing\n".encode("utf-8"))
    return digest.hexdigest()


def load(root: Path, key: str) -> list[Problem] | None:
    """The problems saved under `key`, or None when there are none (or they cannot be read)."""
    try:
        data = json.loads((Path(root) / CACHE_FILE).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        names = {f.name for f in fields(Problem)}
        return [Problem(**{k: v for k, v in item.items() if k in names}) for item in data["problems"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(root: Path, key: str, problems: list[Problem]) -> None:
    path = Path(root) / CACHE_FILE
    try:
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps({"key": key, "problems": [asdict(p) for p in problems]}),
                        encoding="utf-8")
    except OSError:  # a read-only copy of the course: the checks simply run every time
        pass


def load_course_cached(root: Path, key: str | None = None):
    """`loader.load_course(root)`, reusing the course loaded last when no input changed. The
    course holds absolute paths, so the key includes where the project is."""
    from .loader import load_course

    root = Path(root)
    key = f"{key or inputs_key(root)}:{root.resolve()}"
    path = root / COURSE_FILE
    try:
        with path.open("rb") as file:
            saved_key, course = pickle.load(file)
        if saved_key == key:
            return course
    except Exception:  # noqa: BLE001 - missing, damaged or from other code: load afresh
        pass
    course = load_course(root)
    try:
        path.parent.mkdir(exist_ok=True)
        with path.open("wb") as file:
            pickle.dump((key, course), file, protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    return course


def check_course_cached(root: Path, course, key: str | None = None) -> list[Problem]:
    """`checks.check_course(root, course)`, reusing the last results when no input changed."""
    from .checks import check_course

    key = key or inputs_key(root)
    problems = load(root, key)
    if problems is None:
        problems = check_course(root, course)
        save(root, key, problems)
    return problems
