"""Create a new lesson or exercise from the starter templates in templates/new/.

Used by `make new-lesson` and `make new-exercise` (through scripts/scaffold.py). Never overwrites
a file, validates every input first, and leaves nothing half-made: if any step fails, every file
it wrote is put back as it was.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import KINDS

TEMPLATES = Path(__file__).parent / "templates" / "new"
LESSONS_DIR = "docs/lessons"
EXERCISES_DIR = "exercises"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NAV_LESSON_LINE = re.compile(r"^(\s*)- (?:[^:\n]+: )?lessons/\S+\.md\s*$")


class ScaffoldError(Exception):
    """A problem with what the user asked for, in plain words. Nothing was changed."""


@dataclass
class Created:
    """What a scaffold step made, and what the user should do next."""

    files: list[str]
    next_steps: list[str]


def slugify(name: str) -> str:
    """'Networking at work!' -> 'networking-at-work'; accents are dropped, so
    'Café et réseautage' -> 'cafe-et-reseautage' (a plain file name works everywhere)."""
    plain = unicodedata.normalize("NFKD", name.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe"))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _read(path: Path) -> str:
    """The file's text with its own line endings kept (Windows files stay Windows files)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return handle.read()


def _lesson_files(root: Path) -> list[Path]:
    return sorted((root / LESSONS_DIR).glob("*.md"))


def _next_lesson_number(root: Path) -> int:
    numbers = [int(m.group(1)) for p in _lesson_files(root)
               if (m := re.match(r"(\d+)-", p.name))]
    return max(numbers, default=0) + 1


def _add_to_nav(config_text: str, lesson_path: str) -> str:
    """Insert `- lessons/NN-name.md` after the last lesson in mkdocs.yml's nav, keeping the
    rest of the file (and its comments) exactly as it was."""
    lines = config_text.splitlines(keepends=True)
    last = max((i for i, line in enumerate(lines) if NAV_LESSON_LINE.match(line)), default=None)
    if last is None:
        raise ScaffoldError(
            "Could not find the list of lessons in mkdocs.yml. Add the new lesson to `nav:` "
            f"by hand, under Lessons: `- {lesson_path}`.")
    indent = NAV_LESSON_LINE.match(lines[last]).group(1)
    newline = "\r\n" if lines[last].endswith("\r\n") else "\n"
    if not lines[last].endswith(("\n", "\r\n")):
        lines[last] += newline
    lines.insert(last + 1, f"{indent}- {lesson_path}{newline}")
    return "".join(lines)


def _write_all(root: Path, new_files: dict[str, str], changed_files: dict[str, str],
               remove: list[str] = ()) -> None:
    """Write every file (and remove the files in `remove`), or none: on any failure, remove
    new files and restore changed and removed ones."""
    originals = {rel: (root / rel).read_bytes() for rel in [*changed_files, *remove]}
    written: list[str] = []
    try:
        for rel, text in new_files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "x", encoding="utf-8", newline="") as handle:  # "x": never overwrite
                written.append(rel)
                handle.write(text)
        for rel, text in changed_files.items():
            (root / rel).write_text(text, encoding="utf-8", newline="")
        for rel in remove:
            (root / rel).unlink()
    except OSError as error:
        for rel in written:
            (root / rel).unlink(missing_ok=True)
        for rel, data in originals.items():
            (root / rel).write_bytes(data)
        raise ScaffoldError(f"Could not write {error.filename}: {error.strerror}. Nothing was changed.")


def new_lesson(root: Path, name: str) -> Created:
    """Create docs/lessons/NN-<name>.md from the template and add it to the navigation."""
    name = " ".join((name or "").split())
    if not name:
        raise ScaffoldError('Give the lesson a name, for example: make new-lesson NAME="Networking at work"')
    if "/" in name or "\\" in name:
        raise ScaffoldError(f'The name "{name}" has a slash in it. Use words only, for example: '
                            'make new-lesson NAME="Networking at work"')
    slug = slugify(name)
    if not slug:
        raise ScaffoldError(f'The name "{name}" has no letters or numbers. Use words, for example: '
                            'make new-lesson NAME="Networking at work"')
    existing = [p for p in _lesson_files(root) if re.sub(r"^\d+-", "", p.stem) == slug]
    if existing:
        raise ScaffoldError(f"A lesson with this name already exists: {existing[0].relative_to(root).as_posix()}. "
                            "Choose another name, or edit that file.")
    number = _next_lesson_number(root)
    lesson_rel = f"{LESSONS_DIR}/{number:02d}-{slug}.md"
    nav_path = lesson_rel.removeprefix("docs/")
    title = f"{number}. {name[0].upper() + name[1:]}"
    text = (TEMPLATES / "lesson.md").read_text(encoding="utf-8").replace("__TITLE__", title.replace('"', "'"))
    config = _read(root / "mkdocs.yml")
    _write_all(root, {lesson_rel: text}, {"mkdocs.yml": _add_to_nav(config, nav_path)})
    return Created(
        files=[lesson_rel, "mkdocs.yml"],
        next_steps=[
            f"Open {lesson_rel} and replace the example text with your own.",
            f"Add an exercise: make new-exercise KIND=quiz ID=my-quiz LESSON={nav_path}",
            "Preview it: make serve, then open http://127.0.0.1:8000",
            "Check it: make check",
        ],
    )


def new_exercise(root: Path, kind: str, exercise_id: str, lesson: str) -> Created:
    """Create exercises/<id>.yml from the kind's template and place it at the end of its lesson."""
    kind = (kind or "").strip().lower()
    exercise_id = (exercise_id or "").strip()
    lesson = (lesson or "").strip().removeprefix("docs/")
    if kind not in KINDS:
        shown = f'"{kind}" is not' if kind else "No KIND was given. It must be"
        raise ScaffoldError(f"{shown} a kind of exercise. Use one of: {', '.join(KINDS)}.")
    if not ID_PATTERN.match(exercise_id):
        raise ScaffoldError(
            f'The id "{exercise_id}" cannot be used. An id uses lowercase letters, digits and '
            "hyphens only, for example: ID=thank-you-note" if exercise_id else
            "Give the exercise an id, for example: ID=thank-you-note")
    exercise_rel = f"{EXERCISES_DIR}/{exercise_id}.yml"
    if (root / exercise_rel).exists():
        raise ScaffoldError(f"{exercise_rel} already exists. Choose another ID, or edit that file.")
    lessons = [p.relative_to(root / "docs").as_posix() for p in _lesson_files(root)]
    if lesson not in lessons:
        listed = "\n    ".join(lessons)
        start = f'There is no lesson "{lesson}".' if lesson else "Say which lesson the exercise is for."
        raise ScaffoldError(f"{start} Add LESSON= with one of these:\n    {listed}")
    text = (TEMPLATES / f"{kind}.yml").read_text(encoding="utf-8")
    text = text.replace("__ID__", exercise_id).replace("__LESSON__", lesson)
    lesson_file = root / "docs" / lesson
    lesson_text = _read(lesson_file)
    newline = "\r\n" if "\r\n" in lesson_text else "\n"
    block = f"/// exercise | {exercise_id}{newline}///{newline}"
    changed = {}
    if f"/// exercise | {exercise_id}" not in lesson_text:
        changed[f"docs/{lesson}"] = lesson_text.rstrip() + newline * 2 + block
        placed = (f"The exercise is placed at the end of docs/{lesson}. Move its two lines "
                  f"(/// exercise | {exercise_id} and ///) to where it fits best.")
    else:
        placed = (f"docs/{lesson} already has the two lines that place the exercise "
                  f"(/// exercise | {exercise_id} and ///), so it was not changed.")
    _write_all(root, {exercise_rel: text}, changed)
    return Created(
        files=[exercise_rel, *changed],
        next_steps=[
            f"Open {exercise_rel} and replace the example text with your own.",
            placed,
            "Check it: make check",
            "Preview it: make serve, then open http://127.0.0.1:8000",
        ],
    )
