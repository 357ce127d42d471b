"""make new-lesson / make new-exercise: files from templates, the nav updated, plain refusals
that change nothing."""

from __future__ import annotations

import re

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_env, copy_project
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


# --- accents, names without quotes, renaming and removing a lesson -----------------------------

def test_accented_names_give_plain_file_names_and_keep_the_title(project):
    created = new_lesson(project, "Café et réseautage")
    assert created.files[0] == "docs/lessons/16-cafe-et-reseautage.md"
    assert 'title: "16. Café et réseautage"' in (project / created.files[0]).read_text()


def test_a_name_typed_without_quotes_is_caught_before_anything_is_written(tmp_path):
    copy = copy_project(tmp_path / "copy")
    before = snapshot(copy / "docs")
    result = subprocess.run(["make", "--no-print-directory", "new-lesson", "NAME=Networking", "at", "work"],
                            cwd=copy, env=build_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and snapshot(copy / "docs") == before
    assert 'make only saw "Networking" and took "at work" for other commands' in result.stderr
    assert 'make new-lesson NAME="Networking at work"' in result.stderr
    assert "No rule to make target" not in result.stderr


@pytest.fixture
def course_copy(tmp_path) -> Path:
    """Lessons, exercises, plans, pages and the menu: what renaming a lesson touches."""
    copy = tmp_path / "course"
    for name in ("docs", "exercises", "workshops"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("pdf"))
    shutil.copy2(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


def test_rename_lesson_fixes_the_menu_exercises_and_links(course_copy):
    from course.checks import check_course
    from course.lesson_moves import rename_lesson

    created = rename_lesson(course_copy, "lessons/04-give-first.md", "Give before you ask")
    new = course_copy / "docs/lessons/04-give-before-you-ask.md"
    assert new.exists() and not (course_copy / "docs/lessons/04-give-first.md").exists()
    assert 'title: "4. Give before you ask"' in new.read_text()
    assert "      - lessons/04-give-before-you-ask.md\n" in (course_copy / "mkdocs.yml").read_text()
    assert "lesson: lessons/04-give-before-you-ask.md" in (course_copy / "exercises/giving-limits.yml").read_text()
    assert "../lessons/04-give-before-you-ask.md" in (course_copy / "docs/counsellors/guide.md").read_text()
    assert "docs/counsellors/guide.md" in created.files
    assert not any("04-give-first" in p.path or "give-first.md" in p.message for p in check_course(course_copy))


@pytest.mark.parametrize("lesson, name, message", [
    ("lessons/99-nope.md", "New", 'There is no lesson "lessons/99-nope.md"'),
    ("lessons/04-give-first.md", "", "No new name was given"),
    ("lessons/04-give-first.md", "Give first", "already has this name"),
    ("lessons/04-give-first.md", "Elevator speech", "A lesson with this name already exists: "
                                                     "docs/lessons/05-elevator-speech.md"),
    ("lessons/04-give-first.md", "Give and take", None),
])
def test_rename_lesson_refuses_what_is_unsafe_and_changes_nothing(course_copy, lesson, name, message):
    from course.lesson_moves import rename_lesson

    before = snapshot(course_copy)
    if message is None:
        rename_lesson(course_copy, lesson, name)
        assert snapshot(course_copy) != before
        return
    with pytest.raises(ScaffoldError, match=message):
        rename_lesson(course_copy, lesson, name)
    assert snapshot(course_copy) == before


def test_rename_lesson_refuses_when_a_page_cannot_be_read(course_copy):
    from course.lesson_moves import rename_lesson

    page = course_copy / "docs/glossary.md"
    page.write_bytes(page.read_text().replace("a", "é", 1).encode("cp1252"))
    before = snapshot(course_copy)
    with pytest.raises(ScaffoldError, match="docs/glossary.md cannot be read"):
        rename_lesson(course_copy, "lessons/04-give-first.md", "Give before you ask")
    assert snapshot(course_copy) == before


def test_remove_lesson_lists_what_depends_on_it_and_changes_nothing(course_copy):
    from course.lesson_moves import remove_lesson

    before = snapshot(course_copy)
    with pytest.raises(ScaffoldError) as refused:
        remove_lesson(course_copy, "lessons/04-give-first.md")
    text = str(refused.value)
    assert "exercises/giving-limits.yml:3: the exercise belongs to this lesson" in text
    assert "workshops/workshop-60.yml:" in text and re.search(r"docs/counsellors/guide.md:\d+:\d+: links to this lesson", text)
    assert snapshot(course_copy) == before


def test_remove_lesson_removes_a_lesson_nothing_uses(course_copy):
    from course.checks import check_course
    from course.lesson_moves import remove_lesson

    new_lesson(course_copy, "Short lived")
    remove_lesson(course_copy, "lessons/16-short-lived.md")
    assert not (course_copy / "docs/lessons/16-short-lived.md").exists()
    assert "16-short-lived" not in (course_copy / "mkdocs.yml").read_text()
    assert (course_copy / "mkdocs.yml").read_text() == (ROOT / "mkdocs.yml").read_text()
    assert [p for p in check_course(course_copy) if p.level == "error"] == []
