"""make new-lesson / make new-exercise: files from templates, the nav updated, plain refusals
that change nothing."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from course.model import KINDS
from course.scaffold import ScaffoldError, new_exercise, new_lesson


@pytest.fixture
def project(tmp_path) -> Path:
    copy = tmp_path / "project"
    (copy / "docs" / "lessons").mkdir(parents=True)
    (copy / "exercises").mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    for lesson in (ROOT / "docs" / "lessons").glob("*.md"):
        shutil.copy2(lesson, copy / "docs" / "lessons" / lesson.name)
    return copy


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_new_lesson_creates_the_file_and_adds_it_after_the_last_lesson(project):
    created = new_lesson(project, "Networking at work")
    lesson = project / "docs/lessons/16-networking-at-work.md"
    assert created.files == ["docs/lessons/16-networking-at-work.md", "mkdocs.yml"]
    assert 'title: "16. Networking at work"' in lesson.read_text()
    nav = (project / "mkdocs.yml").read_text()
    assert "      - lessons/15-no-silence-and-hard-questions.md\n      - lessons/16-networking-at-work.md\n" in nav
    assert any("make new-exercise" in step for step in created.next_steps)


@pytest.mark.parametrize("name, message", [
    ("", "Give the lesson a name"),
    ("   ", "Give the lesson a name"),
    ("Jobs/Work", "has a slash in it"),
    ("..\\secret", "has a slash in it"),
    ("?!...", "has no letters or numbers"),
])
def test_bad_lesson_names_are_refused_and_change_nothing(project, name, message):
    before = snapshot(project)
    with pytest.raises(ScaffoldError, match=message):
        new_lesson(project, name)
    assert snapshot(project) == before


def test_an_existing_lesson_name_is_refused(project):
    first = sorted((project / "docs/lessons").glob("*.md"))[0]
    name = first.stem.split("-", 1)[1].replace("-", " ")
    before = snapshot(project)
    with pytest.raises(ScaffoldError, match="already exists"):
        new_lesson(project, name)
    assert snapshot(project) == before


@pytest.mark.parametrize("kind", KINDS)
def test_new_exercise_of_every_kind_is_placed_in_its_lesson(project, kind):
    lesson = sorted((project / "docs/lessons").glob("*.md"))[0]
    lesson_path = f"lessons/{lesson.name}"
    new_exercise(project, kind, f"new-{kind}", lesson_path)
    text = (project / f"exercises/new-{kind}.yml").read_text()
    assert f"id: new-{kind}\n" in text and f"lesson: {lesson_path}\n" in text
    assert f"kind: {kind}\n" in text
    assert lesson.read_text().endswith(f"\n\n/// exercise | new-{kind}\n///\n")


def test_a_lesson_that_already_places_the_exercise_is_left_alone(project):
    lesson = sorted((project / "docs/lessons").glob("*.md"))[0]
    lesson.write_text(lesson.read_text() + "\n/// exercise | placed-first\n///\n")
    before = lesson.read_bytes()
    created = new_exercise(project, "quiz", "placed-first", f"lessons/{lesson.name}")
    assert created.files == ["exercises/placed-first.yml"]
    assert lesson.read_bytes() == before
    assert any("already has the two lines" in step for step in created.next_steps)
    assert not any("placed at the end" in step for step in created.next_steps)


@pytest.mark.parametrize("kind, exercise_id, lesson, message", [
    ("pitchh", "x", "lessons/01-what-networking-is.md", "Use one of: quiz, sort, pitch"),
    ("", "x", "lessons/01-what-networking-is.md", "No KIND was given"),
    ("quiz", "", "lessons/01-what-networking-is.md", "Give the exercise an id"),
    ("quiz", "My_Quiz", "lessons/01-what-networking-is.md", "lowercase letters, digits and hyphens"),
    ("quiz", "../escape", "lessons/01-what-networking-is.md", "lowercase letters, digits and hyphens"),
    ("quiz", "fine-id", "", "Say which lesson"),
    ("quiz", "fine-id", "lessons/99-nope.md", 'There is no lesson "lessons/99-nope.md"'),
])
def test_bad_exercise_requests_are_refused_and_change_nothing(project, kind, exercise_id, lesson, message):
    before = snapshot(project)
    with pytest.raises(ScaffoldError, match=message):
        new_exercise(project, kind, exercise_id, lesson)
    assert snapshot(project) == before


def test_an_existing_exercise_is_never_overwritten(project):
    (project / "exercises/taken.yml").write_text("mine")
    before = snapshot(project)
    with pytest.raises(ScaffoldError, match="already exists"):
        new_exercise(project, "quiz", "taken", "lessons/01-what-networking-is.md")
    assert snapshot(project) == before


def test_windows_line_endings_and_a_byte_order_mark_just_work(project):
    lesson = sorted((project / "docs/lessons").glob("*.md"))[0]
    lesson.write_bytes(b"\xef\xbb\xbf" + lesson.read_bytes().replace(b"\n", b"\r\n"))
    config = project / "mkdocs.yml"
    config.write_bytes(config.read_bytes().replace(b"\n", b"\r\n"))
    new_exercise(project, "checklist", "crlf-check", f"lessons/{lesson.name}")
    assert lesson.read_bytes().endswith(b"\r\n\r\n/// exercise | crlf-check\r\n///\r\n")
    new_lesson(project, "Windows lesson")
    assert b"      - lessons/16-windows-lesson.md\r\n" in config.read_bytes()


def test_the_command_line_says_what_to_do_next_or_why_it_refused(project):
    script = ROOT / "scripts" / "scaffold.py"
    ok = subprocess.run([sys.executable, script, "--root", project, "lesson", "Online safety"],
                        capture_output=True, text=True)
    assert ok.returncode == 0 and "Next:" in ok.stdout
    refused = subprocess.run([sys.executable, script, "--root", project, "exercise", "poem", "x", ""],
                             capture_output=True, text=True)
    assert refused.returncode == 1
    assert refused.stderr.startswith("Nothing was created.")
    assert "Traceback" not in refused.stderr
