"""The MkDocs adapter (scripts/hooks.py), through real builds of a small copy of the project:
the block is registered, an unknown id stops the build at its file and line, checker problems
fail a strict build, and the lesson frame and progress list are filled in."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_site_exercises import build, make_project


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def test_build_places_exercises_frames_and_progress(project, tmp_path):
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    lesson = (tmp_path / "site" / "lessons" / "01-practice.html").read_text(encoding="utf-8")
    assert 'id="exercise-fx-quiz"' in lesson and 'id="exercise-fx-sort"' in lesson
    assert "/// exercise" not in lesson
    assert lesson.index("nd-lesson-intro") < lesson.index("exercise-fx-quiz") < lesson.index('id="key-points"')
    assert 'href="../printables.html#fx-quiz"' in lesson
    progress = (tmp_path / "site" / "progress.html").read_text(encoding="utf-8")
    assert 'href="lessons/02-speaking.html#exercise-fx-pitch"' in progress
    assert "<!-- my-progress -->" not in progress


def test_unknown_exercise_id_is_a_build_error_naming_file_and_line(project, tmp_path):
    lesson = project / "docs" / "lessons" / "01-practice.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("fx-sort", "fx-srot"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert ('docs/lessons/01-practice.md:20:1: error [unknown-exercise] '
            'This page uses the exercise "fx-srot", which does not exist.') in result.stderr
    assert 'Did you mean "fx-sort"?' in result.stderr
    assert "Traceback" not in result.stderr


def test_checker_problems_are_warnings_that_fail_a_strict_build(project, tmp_path):
    quiz = project / "exercises" / "fx-quiz.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("minutes: 5", "minutes: five"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert any("exercises/fx-quiz.yml:5:" in line and "[wrong-type]" in line for line in warnings), warnings
    assert "in strict mode" in result.stdout + result.stderr


def test_without_a_printables_page_the_lesson_has_no_worksheet_links(project, tmp_path):
    (project / "docs" / "printables.md").unlink()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- printables.md\n", ""), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    lesson = (tmp_path / "site" / "lessons" / "01-practice.html").read_text(encoding="utf-8")
    assert "printables.html" not in lesson and "Printable worksheets" not in lesson


def test_a_config_without_the_exercise_block_says_which_line_to_add(project, tmp_path):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "- course.blocks\n" in text
    config.write_text(text.replace("- course.blocks\n", ""), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert 'add the line "  - course.blocks" there' in result.stderr
    assert "Traceback" not in result.stderr
