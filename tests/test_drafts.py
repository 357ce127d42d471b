"""Drafts: previewed by `mkdocs serve`, left out of the built site, its navigation and the
printables; their problems are warnings, never a failed build."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import build_env, copy_project, free_port, mkdocs_build
from course.drafts import nav_without

LESSON = "lessons/13-keep-your-network-alive.md"


def test_nav_without_drops_hidden_pages_and_empty_sections():
    nav = [{"Home": "index.md"}, {"Lessons": ["lessons/a.md", {"B": "lessons/b.md"}]},
           {"Only drafts": ["lessons/c.md"]}]
    assert nav_without(nav, {"lessons/b.md", "lessons/c.md"}) == [
        {"Home": "index.md"}, {"Lessons": ["lessons/a.md"]}]
    assert nav_without(nav, set()) == nav
    assert nav_without(None, {"x.md"}) is None


@pytest.fixture
def project(tmp_path, site_dir) -> Path:
    """A copy of the project (with the PDFs `site_dir` built) holding a draft lesson with a
    problem and a draft exercise."""
    copy = copy_project(tmp_path / "project")
    # A draft lesson with a problem (no key points), and a draft exercise.
    lesson = copy / "docs" / LESSON
    text = lesson.read_text().replace("---\n", "---\ndraft: true\n", 1)
    lesson.write_text(text.replace("key_points:", "key_pointz:", 1))
    exercise = copy / "exercises" / "thirty-day-plan.yml"
    exercise.write_text("draft: true\n" + exercise.read_text())
    return copy


def test_a_build_leaves_drafts_out_and_does_not_fail_on_their_problems(project, tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert not (site / LESSON.replace(".md", ".html")).exists()
    neighbour = (site / "lessons" / "12-for-newcomers.html").read_text()
    assert "13-keep-your-network-alive.html" not in neighbour  # not in the nav, not "next"
    printables = (site / "printables.html").read_text()
    assert 'id="thirty-day-plan"' not in printables
    assert 'id="contact-rhythm"' in printables


def test_the_checker_reports_draft_problems_as_warnings(project):
    result = subprocess.run([sys.executable, "scripts/check_exercises.py"], cwd=project,
                            capture_output=True, text=True, env=build_env())
    assert result.returncode == 0, result.stdout
    assert f"docs/{LESSON}:" in result.stdout and ": warning [" in result.stdout


def test_mkdocs_serve_previews_the_draft(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=build_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/{LESSON.replace('.md', '.html')}"
        deadline = time.time() + 90
        while True:
            try:
                body = urllib.request.urlopen(url, timeout=5).read().decode()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        assert "Keep your network alive" in body
    finally:
        server.terminate()
        server.wait(timeout=10)
