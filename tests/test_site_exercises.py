"""The exercises on the site, in a real browser: every kind, right and wrong answers, keyboard
only, saved answers, export and import, damaged storage, HTML in exercise text, accessibility.

The tests build a small copy of the project whose exercises are the fixtures in
tests/fixtures/exercise_site/ (one per kind, plus one full of HTML), so they do not depend on the course's
own wording. One browser serves the whole session (see conftest.py).
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from conftest import (ROOT, axe_violations, build_env, describe_violations, free_port,
                      PageWatch)

FIXTURES = Path(__file__).parent / "fixtures" / "exercise_site"
LESSONS = {
    "quiz": "lessons/01-practice.html", "sort": "lessons/01-practice.html",
    "pitch": "lessons/02-speaking.html", "message": "lessons/02-speaking.html",
    "tracker": "lessons/03-keeping-track.html", "reflection": "lessons/03-keeping-track.html",
    "checklist": "lessons/03-keeping-track.html",
}
INDEX = "# Practice site\n\nA small site for the exercise tests.\n"
PRINTABLES = ("---\ntitle: Printables\n---\n\n# Printables\n\n"
              + "".join(f"## {name} {{#fx-{name}}}\n\nA worksheet.\n\n" for name in
                        ("quiz", "sort", "pitch", "message", "tracker", "reflection", "checklist", "html")))


def make_project(target: Path) -> Path:
    """A copy of the project (config, scripts, theme overrides, assets, progress page) whose
    lessons and exercises are the test fixtures."""
    for name in ("scripts", "overrides"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    shutil.copytree(FIXTURES / "exercises", target / "exercises")
    shutil.copytree(FIXTURES / "docs" / "lessons", target / "docs" / "lessons")
    shutil.copy(ROOT / "docs" / "progress.md", target / "docs" / "progress.md")
    (target / "docs" / "index.md").write_text(INDEX, encoding="utf-8")
    (target / "docs" / "printables.md").write_text(PRINTABLES, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = ["index.md", "progress.md", "printables.md",
                     {"Lessons": sorted(f"lessons/{p.name}" for p in (target / "docs" / "lessons").glob("*.md"))}]
    config.pop("validation", None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                          cwd=project, env=build_env(), capture_output=True, text=True)
