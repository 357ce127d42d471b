"""`make serve` for a counsellor (a busy port in plain words, each step said out loud) and the
pull-request workflow (two named checks, a full summary, the built site to preview)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys

import yaml

from conftest import ROOT, build_env
from course.messages import SERVE_STEPS
from course.problems import problem
from course.serve_page import add_banner, banner, drop_unknown_blocks

WORKFLOW = ROOT / ".github" / "workflows" / "pull-request.yml"


def serve(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "serve.py"), *args],
                          env=build_env(), capture_output=True, text=True, timeout=60)


def test_a_busy_port_gets_a_plain_message_and_another_port_to_try():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--port", str(port))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"Port {port} is already in use, so the preview cannot start there.")
    assert re.search(rf"choose another port: make serve PORT=\d+", result.stderr)
    assert result.stdout == ""  # nothing was built


def test_a_port_that_is_not_a_number_is_refused():
    result = serve("--port", "eighty")
    assert result.returncode == 1 and result.stderr.startswith("PORT=eighty is not a port number.")


def test_the_first_run_says_what_it_is_doing():
    makefile = (ROOT / "Makefile").read_text()
    assert f'@echo "{SERVE_STEPS["setup"]}"' in makefile
    script = (ROOT / "scripts" / "serve.py").read_text()
    assert 'SERVE_STEPS["worksheets"]' in script and 'SERVE_STEPS["site"]' in script


def test_the_box_lists_errors_root_cause_first_and_nothing_when_all_is_well():
    cause = problem("yaml-tab", "exercises/a.yml", 3, 1, key="id:", situation="left")
    knock_on = problem("broken-exercise", "docs/lessons/01-a.md", 9, 1, id="a", file="exercises/a.yml",
                       cause="exercises/a.yml")
    warning = problem("unused-exercise", "exercises/b.yml", 1, id="b", lesson="x")
    box = banner([knock_on, warning, cause])
    assert box.index("exercises/a.yml:3:1") < box.index("docs/lessons/01-a.md:9:1")
    assert "unused" not in box and "2 problems to fix" in box
    assert banner([warning]) == ""
    page = '<body><article class="md-content__inner md-typeset"><h1>Hi</h1>'
    assert add_banner(page, box).index("nd-serve-problems") < add_banner(page, box).index("<h1>")
    assert add_banner(page, "") == page


def test_unknown_exercise_blocks_are_left_out_of_the_preview_only():
    markdown = "Intro\n\n/// exercise | real\n///\n\n/// exercise | typo\n///\n\nEnd\n"
    assert drop_unknown_blocks(markdown, {"real"}) == "Intro\n\n/// exercise | real\n///\n\n\nEnd\n"


def test_the_pull_request_workflow_has_three_named_checks_and_keeps_the_site():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    jobs = workflow["jobs"]
    assert [job["name"] for job in jobs.values()] == ["Check lessons and exercises", "Build the site",
                                                      "Run the tests"]
    assert not any("needs" in job for job in jobs.values()), "each job must run even when another fails"
    assert "make test" in " ".join(step.get("run", "") for step in jobs["test"]["steps"])
    check_steps = " ".join(step.get("run", "") for step in jobs["check"]["steps"])
    assert "--format github" in check_steps and '--summary "$GITHUB_STEP_SUMMARY"' in check_steps
    uploads = [step for step in jobs["build"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    assert "make site" in " ".join(step.get("run", "") for step in jobs["build"]["steps"])


def test_the_guide_covers_a_first_pull_request():
    guide = (ROOT / "docs" / "editing" / "github.md").read_text()
    for words in ("Fork first", "git config --global user.name", "access token", "awaiting approval",
                  "Check lessons and exercises", "Build the site", "site-preview"):
        assert words in guide, words


def test_the_guide_quotes_makes_own_line_for_a_failed_check():
    lines = (ROOT / "Makefile").read_text().splitlines()
    recipe = lines.index(next(line for line in lines if line.startswith("check:"))) + 2
    for page in ("checker.md", "index.md"):
        assert f"[Makefile:{recipe}: check] Error 1" in (ROOT / "docs" / "editing" / page).read_text()
