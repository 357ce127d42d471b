"""Follow the editing guide's walk-through literally, on a copy of the project.

Every ```bash block in docs/editing/add-a-lesson.md is run, line by line, in order; every code
block with a title="path" replaces that file with its text. If the guide and the tools drift
apart, this test fails.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT, build_env, copy_project

GUIDE = ROOT / "docs" / "editing" / "add-a-lesson.md"
FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```\s*$", re.M | re.S)


def guide_steps(text: str) -> list[tuple[str, str]]:
    """The walk-through as ("run", command) and ("write", path + body) steps, in order."""
    steps = []
    for fence in FENCE.finditer(text):
        info, body = fence["info"].strip(), fence["body"]
        title = re.search(r'title="([^"]+)"', info)
        if title:
            steps.append(("write", (title.group(1), body)))
        elif info.split()[:1] == ["bash"]:
            steps += [("run", line.strip()) for line in body.splitlines() if line.strip()]
    return steps


@pytest.fixture
def project(tmp_path, site_dir) -> Path:
    """A copy of the project, with the worksheets `site_dir` already built so `make site`
    here only builds what the walk-through adds."""
    return copy_project(tmp_path / "project")


def test_the_walk_through_has_the_steps_it_promises():
    kinds = [kind for kind, _ in guide_steps(GUIDE.read_text())]
    commands = [value for kind, value in guide_steps(GUIDE.read_text()) if kind == "run"]
    assert kinds.count("write") == 2
    assert [c.split()[:2] for c in commands] == [
        ["make", "new-lesson"], ["make", "new-exercise"], ["make", "check"], ["make", "site"]]


def test_following_the_guide_adds_a_working_lesson_with_its_worksheet(project, browser):
    for kind, value in guide_steps(GUIDE.read_text()):
        if kind == "run":
            result = subprocess.run(shlex.split(value), cwd=project, env=build_env(),
                                    capture_output=True, text=True, timeout=600)
            assert result.returncode == 0, f"`{value}` failed:\n{result.stdout}\n{result.stderr}"
        else:
            path, body = value
            assert (project / path).exists(), f"the guide edits {path}, which no step created"
            (project / path).write_text(body)

    page_file = project / "site" / "lessons" / "16-networking-at-work.html"
    assert page_file.exists()
    assert (project / "site" / "printables" / "pdf" / "work-quiz-learner-letter.pdf").exists()
    assert "work-quiz" in (project / "site" / "printables.html").read_text()

    context = browser.new_context()
    page = context.new_page()
    page.goto(page_file.as_uri())
    quiz = page.locator("[data-exercise='work-quiz']")
    quiz.get_by_label("Fact").check()
    quiz.get_by_label("Learn your co-workers' names").check()
    quiz.get_by_role("button", name="Check").click()
    expect(quiz).to_contain_text("You got 2 of 2 right")
    context.close()


def test_the_guide_names_every_kind_of_exercise():
    """A new kind in model.KIND_INFO shows up in the reference and in the kind lists."""
    from course.model import KINDS
    reference = (ROOT / "docs" / "editing" / "exercise-format.md").read_text(encoding="utf-8")
    lists = [(ROOT / "docs" / "editing" / name).read_text(encoding="utf-8")
             for name in ("checker.md", "add-a-lesson.md")]
    for kind in KINDS:
        assert f"\n## {kind}\n" in reference, kind
        assert all(f"`{kind}`" in text for text in lists), kind
