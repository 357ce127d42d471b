"""The checker's results are reused by the build only while no file the checks read changes."""

from __future__ import annotations

import os

import pytest

from course import build_cache, checks
from course.loader import load_course
from test_site_exercises import make_project


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


@pytest.fixture
def counted(monkeypatch):
    """Counts the real checker's runs."""
    runs = []
    real = checks.check_course

    def check_course(root, course=None):
        runs.append(root)
        return real(root, course)

    monkeypatch.setattr(checks, "check_course", check_course)
    return runs


def test_results_are_reused_until_an_input_changes(project, counted):
    course = load_course(project)
    first = build_cache.check_course_cached(project, course)
    again = build_cache.check_course_cached(project, course)
    assert again == first and len(counted) == 1                    # nothing changed: reused

    exercise = next((project / "exercises").glob("*.yml"))
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("\ntitle:", "\ntitle:\n", 1).replace("title:\n", "titl:", 1),
                        encoding="utf-8")
    changed = build_cache.check_course_cached(project, load_course(project))
    assert len(counted) == 2 and changed != first                   # a changed file: checked again
    assert any(p.path == f"exercises/{exercise.name}" for p in changed)


def test_code_and_new_files_are_inputs_too_and_pdfs_are_not(project, counted):
    key = build_cache.inputs_key(project)
    pdf = project / "docs" / "printables" / "pdf" / "x.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(b"%PDF")
    assert build_cache.inputs_key(project) == key                  # built PDFs are not read
    (project / "docs" / "new-page.md").write_text("# New\n", encoding="utf-8")
    assert build_cache.inputs_key(project) != key
    key = build_cache.inputs_key(project)
    rules = project / "scripts" / "course" / "rules.py"
    stat = rules.stat()
    os.utime(rules, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert build_cache.inputs_key(project) != key                  # the checker's own code


def test_a_damaged_cache_is_ignored(project, counted):
    course = load_course(project)
    first = build_cache.check_course_cached(project, course)
    (project / build_cache.CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert build_cache.check_course_cached(project, course) == first and len(counted) == 2
    (project / build_cache.CACHE_FILE).write_text('{"key": "k", "problems": [{"x": 1}]}', encoding="utf-8")
    assert build_cache.load(project, "k") is None


def test_the_loaded_course_is_reused_until_an_input_changes_or_the_project_moves(project, tmp_path,
                                                                                 monkeypatch):
    from course import loader
    loads = []
    real = loader.load_course
    monkeypatch.setattr(loader, "load_course", lambda root: loads.append(root) or real(root))
    first = build_cache.load_course_cached(project)
    again = build_cache.load_course_cached(project)
    assert len(loads) == 1 and again.exercises.keys() == first.exercises.keys()
    assert again is not first                                       # read back from the file
    lesson = next((project / "docs" / "lessons").glob("*.md"))
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    changed = build_cache.load_course_cached(project)
    assert len(loads) == 2 and "One more line." in changed.pages[f"lessons/{lesson.name}"].text
    moved = tmp_path / "moved"
    project.rename(moved)                                           # same files, other place
    assert build_cache.load_course_cached(moved).root == moved and len(loads) == 3


def test_loading_again_reads_only_the_files_that_changed(project):
    from course.loader import load_course
    first = load_course(project)
    again = load_course(project)
    exercise_id = next(iter(first.exercises))
    assert again.exercises[exercise_id] is first.exercises[exercise_id]   # not read again
    path = again.exercises[exercise_id].path
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: New ", 1), encoding="utf-8")
    changed = load_course(project)
    assert changed.exercises[exercise_id] is not first.exercises[exercise_id]
    assert changed.exercises[exercise_id].title.startswith("New ")
