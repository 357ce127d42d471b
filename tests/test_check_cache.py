"""The checker's results are reused by the build only while no file the checks read changes."""

from __future__ import annotations

import os

import pytest

from course import check_cache, checks
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
    first = check_cache.check_course_cached(project, course)
    again = check_cache.check_course_cached(project, course)
    assert again == first and len(counted) == 1                    # nothing changed: reused

    exercise = next((project / "exercises").glob("*.yml"))
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("\ntitle:", "\ntitle:\n", 1).replace("title:\n", "titl:", 1),
                        encoding="utf-8")
    changed = check_cache.check_course_cached(project, load_course(project))
    assert len(counted) == 2 and changed != first                   # a changed file: checked again
    assert any(p.path == f"exercises/{exercise.name}" for p in changed)


def test_code_and_new_files_are_inputs_too_and_pdfs_are_not(project, counted):
    key = check_cache.inputs_key(project)
    pdf = project / "docs" / "printables" / "pdf" / "x.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(b"%PDF")
    assert check_cache.inputs_key(project) == key                  # built PDFs are not read
    (project / "docs" / "new-page.md").write_text("# New\n", encoding="utf-8")
    assert check_cache.inputs_key(project) != key
    key = check_cache.inputs_key(project)
    rules = project / "scripts" / "course" / "rules.py"
    stat = rules.stat()
    os.utime(rules, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert check_cache.inputs_key(project) != key                  # the checker's own code


def test_a_damaged_cache_is_ignored(project, counted):
    course = load_course(project)
    first = check_cache.check_course_cached(project, course)
    (project / check_cache.CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert check_cache.check_course_cached(project, course) == first and len(counted) == 2
    (project / check_cache.CACHE_FILE).write_text('{"key": "k", "problems": [{"x": 1}]}', encoding="utf-8")
    assert check_cache.load(project, "k") is None
