"""Rename or remove a lesson, and keep everything that depends on it working.

Used by `make rename-lesson` and `make remove-lesson` (through scripts/scaffold.py).

- Renaming moves the file (keeping its number), changes its title, and fixes the menu line,
  the `lesson:` line of its exercises, and every link to it on other pages.
- Removing takes the file and its menu line away, but only when nothing depends on it: when
  exercises belong to it, or pages link to it, it refuses and lists them, changing nothing.

Both refuse, and change nothing, when a file they would change cannot be read.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from .lessons import load_pages
from .messages import render
from .nav_checks import nav_entries
from .scaffold import Created, ScaffoldError, _read, slugify
from .yamlfile import read_text


def _error(code: str, **fields) -> ScaffoldError:
    message, hint, _ = render(code, **fields)
    return ScaffoldError(f"{message} {hint}".strip())


@dataclass
class Dependents:
    """Everything that names a lesson, each as (file, line)."""

    menu: list[int] = field(default_factory=list)
    exercises: list[tuple[str, int]] = field(default_factory=list)
    links: list[tuple[str, int, int, str]] = field(default_factory=list)
    """(page path from the root, line, column, link target as written)."""
    plans: list[tuple[str, int]] = field(default_factory=list)
    """Workshop plans that use one of the lesson's exercises."""


def _lesson_name(lesson: str) -> str:
    return (lesson or "").strip().replace("\\", "/").removeprefix("docs/")


def _check_lesson(root: Path, lesson: str, command: str) -> str:
    name = _lesson_name(lesson)
    lessons = sorted(p.relative_to(root / "docs").as_posix() for p in (root / "docs" / "lessons").glob("*.md"))
    if name not in lessons:
        raise _error("lesson-not-found", lesson=name or "(none)", command=command,
                     lessons="\n    ".join(lessons))
    return name


def find_dependents(root: Path, name: str) -> Dependents:
    """What names the lesson `name` (its path inside docs/)."""
    found = Dependents()
    entries, problems = nav_entries(root)
    if problems:
        raise _error("move-unreadable", file="mkdocs.yml")
    found.menu = [entry.line for entry in entries or [] if entry.name == name]
    exercise_ids = []
    for path in sorted((root / "exercises").glob("*.y*ml")):
        text, problems = read_text(path, root)
        if text is None:
            raise _error("move-unreadable", file=f"exercises/{path.name}")
        for number, line in enumerate(text.split("\n"), start=1):
            if re.fullmatch(rf"lesson:\s*['\"]?{re.escape(name)}['\"]?\s*(#.*)?", line.strip()):
                found.exercises.append((f"exercises/{path.name}", number))
                exercise_ids.append(path.stem)
    pages, problems = load_pages(root)
    if problems and any(p.code in ("not-utf8", "file-unreadable") for p in problems):
        raise _error("move-unreadable", file=next(p.path for p in problems if p.code in ("not-utf8", "file-unreadable")))
    for page in pages.values():
        if page.name == name:
            continue
        for link in page.links:
            target = link.target.split("#")[0].split("?")[0]
            if link.image or not target or re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), target))
            if resolved == name:
                found.links.append((f"docs/{page.name}", link.line, link.col, link.target))
    for path in sorted((root / "workshops").glob("*.yml")):
        text, _ = read_text(path, root)
        for number, line in enumerate((text or "").split("\n"), start=1):
            match = re.match(r"^\s*-?\s*exercise:\s*['\"]?([a-z0-9-]+)", line)
            if match and match.group(1) in exercise_ids:
                found.plans.append((f"workshops/{path.name}", number))
    return found


def rename_lesson(root: Path, lesson: str, new_name: str) -> Created:
    """Give a lesson a new name: its file (same number), title, menu line, exercises, links."""
    from .scaffold import _write_all

    name = _check_lesson(root, lesson, "rename-lesson")
    new_name = " ".join((new_name or "").split())
    slug = slugify(new_name)
    if not slug:
        raise _error("rename-no-name", lesson=name)
    number = re.match(r"lessons/(\d+)-", name)
    prefix = number.group(1) if number else ""
    new = f"lessons/{prefix + '-' if prefix else ''}{slug}.md"
    if new == name:
        raise _error("rename-same", lesson=name)
    same = [p for p in sorted((root / "docs" / "lessons").glob("*.md"))
            if re.sub(r"^\d+-", "", p.stem) == slug and f"lessons/{p.name}" != name]
    if (root / "docs" / new).exists() or same:
        raise _error("rename-taken", new=f"docs/lessons/{same[0].name}" if same else f"docs/{new}")
    found = find_dependents(root, name)
    text = _read(root / "docs" / name)
    title = f"{int(prefix)}. {new_name}" if prefix else new_name
    old_title = re.search(r"^title:\s*(.*?)\s*$", text, re.M)
    if old_title:
        old = old_title.group(1).strip("\"'")
        text = text.replace(old_title.group(0), f"title: \"{title}\"", 1)
        text = re.sub(rf"^# {re.escape(old)}[ \t]*$", f"# {title}", text, count=1, flags=re.M)
    changed: dict[str, str] = {}
    config = _read(root / "mkdocs.yml")
    for line in found.menu:
        config = _replace_on_line(config, line, name, new)
    changed["mkdocs.yml"] = config
    for rel, line in found.exercises:
        changed[rel] = _replace_on_line(changed.get(rel) or _read(root / rel), line, name, new)
    for rel, line, _, target in found.links:
        page_dir = posixpath.dirname(rel.removeprefix("docs/"))
        new_target = posixpath.relpath(new, page_dir or ".") + target[len(target.split("#")[0]):]
        changed[rel] = _replace_on_line(changed.get(rel) or _read(root / rel), line,
                                        f"({target}", f"({new_target}")
    _write_all(root, {f"docs/{new}": text}, changed, remove=[f"docs/{name}"])
    files = [f"docs/{name} -> docs/{new}", *changed]
    return Created(files=files, next_steps=[
        f"Check the new title in docs/{new}: \"{title}\".",
        "Check it: make check",
        "Learners who marked this lesson as done will see it as not done: the site remembers "
        "lessons by their file name.",
        "If you use Git, send the renamed file, mkdocs.yml and the changed files together.",
    ])


def _replace_on_line(text: str, line: int, old: str, new: str) -> str:
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def remove_lesson(root: Path, lesson: str) -> Created:
    """Remove a lesson and its menu line, when nothing else depends on it."""
    from .scaffold import _write_all

    name = _check_lesson(root, lesson, "remove-lesson")
    found = find_dependents(root, name)
    blockers = ([f"{rel}:{line}: the exercise belongs to this lesson" for rel, line in found.exercises]
                + [f"{rel}:{line}: uses an exercise of this lesson" for rel, line in found.plans]
                + [f"{rel}:{line}:{col}: links to this lesson" for rel, line, col, _ in found.links])
    if blockers:
        raise _error("remove-has-dependents", lesson=name, count=len(blockers),
                     list="\n    ".join(blockers))
    config = _read(root / "mkdocs.yml")
    lines = config.split("\n")
    for line in sorted(found.menu, reverse=True):
        del lines[line - 1]
    _write_all(root, {}, {"mkdocs.yml": "\n".join(lines)}, remove=[f"docs/{name}"])
    return Created(files=[f"docs/{name} (removed)", "mkdocs.yml"], next_steps=[
        "Check it: make check",
        "If you use Git, send the removal and mkdocs.yml together.",
    ])
