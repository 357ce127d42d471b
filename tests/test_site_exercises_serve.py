"""The adapter under `mkdocs serve`: the exercise block works in the live preview, and saving an
exercise file or a lesson rebuilds the page (mkdocs.yml names the block `course.blocks`: the
course's package is installed, so the name resolves on every rebuild, and the hook hands the
block the exercises it loads again on each one)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import build_env, free_port
from test_site_exercises import make_project


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, server, timeout: float = 40) -> str:
    """The page at `url` once it contains `text` (the preview rebuilds after a save)."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped:\n" + server.log.read_text()
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never contained {text!r}; mkdocs serve said:\n{server.log.read_text()}")


@pytest.fixture
def served(tmp_path):
    project = make_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"     # a file, not a pipe: a full pipe nobody reads would stall it
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=build_env(), stdout=output, stderr=subprocess.STDOUT, text=True)
    server.log = log
    try:
        yield project, f"http://127.0.0.1:{port}/", server
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def test_serve_renders_exercises_and_follows_edits(served):
    project, base, server = served
    lesson_url = base + "lessons/01-practice.html"
    page = wait_for(lesson_url, 'id="exercise-fx-quiz"', server)
    assert "Myth or fact?" in page and "nd-lesson-intro" in page

    exercise = project / "exercises" / "fx-quiz.yml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace(
        "title: Myth or fact?", "title: Myth or fact, edited?"), encoding="utf-8")
    wait_for(lesson_url, "Myth or fact, edited?", server)

    lesson = project / "docs" / "lessons" / "01-practice.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Some text.", "Some edited text."),
                      encoding="utf-8")
    page = wait_for(lesson_url, "Some edited text.", server)
    assert 'id="exercise-fx-quiz"' in page and "Myth or fact, edited?" in page
    log = server.log.read_text()
    assert log.count("Building documentation") >= 3, log        # the start and both saves
    assert "WARNING" not in log and "ERROR" not in log and "Traceback" not in log, log


@pytest.fixture
def preview(tmp_path):
    """`mkdocs serve` as `make serve` runs it (not strict: a mistake must not stop the preview)."""
    project = make_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield project, f"http://127.0.0.1:{port}/", server
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def test_a_mistake_shows_on_the_page_in_the_preview_and_goes_away_when_fixed(preview):
    project, base, server = preview
    lesson_url = base + "lessons/01-practice.html"
    page = wait_for(lesson_url, 'id="exercise-fx-quiz"', server)
    assert "nd-serve-problems" not in page

    lesson = project / "docs" / "lessons" / "01-practice.md"
    good = lesson.read_text(encoding="utf-8")
    lesson.write_text(good.replace("/// exercise | fx-quiz\n", "/// exercise | fx-quizz\n"), encoding="utf-8")
    page = wait_for(lesson_url, "nd-serve-problems", server)
    assert "1 problem to fix before the site can be published" in page
    assert "docs/lessons/01-practice.md:" in page and "fx-quizz" in page
    assert "nd-serve-problems" in fetch(base + "index.html")  # every page says so

    lesson.write_text(good, encoding="utf-8")
    deadline = time.monotonic() + 40
    while "nd-serve-problems" in fetch(lesson_url):
        assert time.monotonic() < deadline, "the box never went away"
        time.sleep(0.3)
    assert 'id="exercise-fx-quiz"' in fetch(lesson_url)
