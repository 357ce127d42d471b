"""The course builds with MkDocs' successors from the same mkdocs.yml.

- ProperDocs (a maintained fork of MkDocs 1.6) runs the same hooks: its site is the MkDocs site
  byte for byte, apart from the generator tag in each page's head.
- Zensical runs no MkDocs hooks, but it uses the Markdown extensions that mkdocs.yml names: every
  exercise placed in a lesson renders there, with the same HTML as under MkDocs.

Zensical has a venv of its own (.venv/zensical, from requirements-zensical.txt), which
`make test` sets up; it holds no MkDocs, so the exercise block is shown to need none.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PYTHON, ROOT, build_env, copy_project
from course import loader
from course.blocks import find_exercise_blocks
from course.exercise_html import render_exercise

ZENSICAL = ROOT / ".venv" / "zensical" / "bin" / "zensical"
GENERATOR = re.compile(r'^\s*<meta name="generator" content="[^"]*">\n', re.M)


def differences(first: Path, second: Path) -> list[str]:
    """The files that are in only one of two built sites, or that differ, the generator tag
    of an HTML page left aside."""
    names = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    found = [f"only in one site: {name}" for name in sorted(names ^ others)]
    for name in sorted(names & others):
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if name.endswith(".html"):
            a, b = (GENERATOR.sub("", x.decode("utf-8")) for x in (a, b))
        if a != b:
            found.append(f"differs: {name}")
    return found


def test_differences_sees_a_changed_page_but_not_the_generator_tag(tmp_path):
    head = '<head>\n      <meta name="generator" content="{}">\n</head><p>{}</p>\n'
    for site, generator, word in (("a", "mkdocs-1.6.1", "Hello"), ("b", "ProperDocs 1.6.7", "Hello"),
                                  ("c", "mkdocs-1.6.1", "Hullo")):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.html").write_text(head.format(generator, word), encoding="utf-8")
    assert differences(tmp_path / "a", tmp_path / "b") == []
    assert differences(tmp_path / "a", tmp_path / "c") == ["differs: index.html"]
    (tmp_path / "b" / "extra.js").write_text("", encoding="utf-8")
    assert differences(tmp_path / "a", tmp_path / "b") == ["only in one site: extra.js"]


def test_properdocs_builds_the_same_site_as_mkdocs(site_dir, tmp_path):
    out = tmp_path / "properdocs-site"
    result = subprocess.run([PYTHON, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "--site-dir", str(out)],
                            cwd=ROOT, env=build_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert 'content="mkdocs-ProperDocs' in (out / "index.html").read_text(encoding="utf-8")
    assert differences(site_dir, out) == []


def copy_pages(project: Path) -> Path:
    """A copy of the project for Zensical, which builds into the project's own site/ folder.
    The worksheet PDFs are left out: only the pages matter here."""
    copy_project(project)
    shutil.rmtree(project / "docs" / "printables" / "pdf", ignore_errors=True)
    return project


def zensical_build(project: Path) -> subprocess.CompletedProcess:
    """`zensical build`, finding `course.blocks` only as installed (no PYTHONPATH)."""
    assert ZENSICAL.exists(), "Zensical is not installed: run `make test` (or `make zensical-deps`) once."
    env = build_env()
    env.pop("PYTHONPATH")
    return subprocess.run([str(ZENSICAL), "build", "-f", "mkdocs.yml"], cwd=project,
                          env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    project = copy_pages(tmp_path_factory.mktemp("zensical") / "project")
    result = zensical_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def placed_exercises() -> dict[str, list[str]]:
    """The exercise ids each lesson places, by lesson file name."""
    return {path.stem: [ref.exercise_id for ref in find_exercise_blocks(path.read_text(encoding="utf-8"))]
            for path in sorted((ROOT / "docs" / "lessons").glob("*.md"))}


def test_zensical_renders_every_exercise_placed_in_a_lesson(zensical_site):
    exercises = loader.load_course(ROOT).exercises
    placed = placed_exercises()
    rendered = 0
    for lesson, ids in placed.items():
        # Zensical drops the data-search-exclude attributes that Material's search reads.
        html = (zensical_site / "lessons" / f"{lesson}.html").read_text(encoding="utf-8")
        html = html.replace(" data-search-exclude", "")
        assert "/// exercise" not in html, lesson
        for exercise_id in ids:
            expected = render_exercise(exercises[exercise_id]).replace(" data-search-exclude", "")
            assert expected in html, f"{lesson}: {exercise_id} is not rendered as under MkDocs"
            rendered += 1
        assert html.count('class="nd-exercise nd-exercise--') == len(ids), lesson
    assert rendered == sum(map(len, placed.values())) >= 50, rendered


def test_zensical_stops_on_an_unknown_exercise_id_with_the_checkers_words(tmp_path):
    project = copy_pages(tmp_path / "project")
    lesson = project / "docs" / "lessons" / "05-elevator-speech.md"
    source = lesson.read_text(encoding="utf-8")
    assert "/// exercise | elevator-speech\n" in source
    lesson.write_text(source.replace("/// exercise | elevator-speech\n", "/// exercise | elevator-speeh\n"),
                      encoding="utf-8")
    result = zensical_build(project)
    assert result.returncode != 0
    assert ('This page uses the exercise "elevator-speeh", which does not exist. '
            'Did you mean "elevator-speech"?') in result.stdout + result.stderr
