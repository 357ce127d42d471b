"""`make site` on a broken project: MkDocs' own message, a non-zero exit, and the previous
site/ left exactly as it was (nothing half-built that looks finished)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import build_env, copy_project, mkdocs_build


@pytest.fixture
def project(tmp_path, site_dir) -> Path:
    """A copy of the project (with the worksheets `site_dir` already built, so the copy's
    `make site` skips them) and an old site/ to protect."""
    copy = copy_project(tmp_path / "project")
    (copy / "site").mkdir()
    (copy / "site" / "index.html").write_text("the old site")
    return copy


def make_site(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "site"], cwd=project, env=build_env(),
                          capture_output=True, text=True, timeout=300)


def assert_failed_and_kept_old_site(result, project: Path, message: str):
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert message in output, output
    assert "Traceback" not in output, output
    assert (project / "site" / "index.html").read_text() == "the old site"
    assert not (project / "site.tmp").exists()


def test_make_site_works_on_the_copy(project):
    result = make_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the old site" not in (project / "site" / "index.html").read_text()


def test_broken_mkdocs_yml(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("theme:\n  name: material", "theme:\n name: [material"))
    # The worksheets step reads the course's name from mkdocs.yml: it stops first, naming the
    # line, before laying out any PDF with the wrong name.
    result = make_site(project)
    assert_failed_and_kept_old_site(result, project, "mkdocs.yml:10:8: error [yaml-syntax]")
    assert "No PDFs were built." in result.stdout + result.stderr


def test_nav_names_a_page_that_does_not_exist(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("- Glossary: glossary.md", "- Glossary: glossery.md"))
    assert_failed_and_kept_old_site(make_site(project), project, "glossery.md")


def test_broken_internal_link(project):
    page = project / "docs" / "how-to-use.md"
    page.write_text(page.read_text() + "\nSee [the missing page](no-such-page.md).\n")
    assert_failed_and_kept_old_site(make_site(project), project, "no-such-page.md")


# --- every mistake the strict build stops on, the checker reports first -------------------------

def _cp1252(path: Path) -> None:
    path.write_bytes(path.read_text(encoding="utf-8").replace("give", "givé", 1).encode("cp1252"))


def _edit(relative: str, old: str, new: str):
    def apply(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def _copy_page(project: Path) -> None:
    shutil.copy(project / "docs/glossary.md", project / "docs/glossary-copy.md")


MISTAKES = {
    # name: (make the mistake, the checker's first code, what the failed build names)
    "nav names a missing page": (_edit("mkdocs.yml", "- Glossary: glossary.md", "- Glossary: glossery.md"),
                                 "nav-missing-page", "glossery.md"),
    "page added by copying a file": (_copy_page, "not-in-menu", "glossary-copy.md"),
    "link to a heading that is gone": (_edit("docs/lessons/02-two-way-street.md",
                                             "01-what-networking-is.md#people-say-yes",
                                             "01-what-networking-is.md#people-say-no"),
                                       "broken-anchor", "#people-say-no"),
    "tab in an exercise": (_edit("exercises/myth-or-fact.yml", "    type: truefalse\n", "\ttype: truefalse\n"),
                           "yaml-tab", "exercises/myth-or-fact.yml"),
    "curly quotes around a value": (_edit("exercises/staying-safe.yml", "title: ", "title: “Safety: first” #"),
                                    "curly-quotes", "exercises/staying-safe.yml"),
    "template text left in": (_edit("exercises/giving-and-asking.yml", "title: ", "title: A short quiz #"),
                              "template-text", "A short quiz"),
}
"""Mistakes a strict build stops on after all its warnings (checked together in one build)."""

STOPPING = {
    "lesson saved as Windows-1252": (lambda p: _cp1252(p / "docs/lessons/04-give-first.md"), "not-utf8",
                                     "docs/lessons/04-give-first.md"),
    "exercise that does not exist": (_edit("docs/lessons/01-what-networking-is.md", "/// exercise | myth-or-fact",
                                           "/// exercise | myth-or-fakt"), "unknown-exercise", "myth-or-fakt"),
}
"""Mistakes that stop the build at once (each needs a build of its own)."""


@pytest.fixture(scope="module")
def clean_copy(tmp_path_factory, site_dir) -> Path:
    return copy_project(tmp_path_factory.mktemp("mistakes") / "project")


def checker_report(project: Path, capsys) -> tuple[int, str]:
    import check_exercises
    code = check_exercises.main(["--root", str(project)])
    return code, capsys.readouterr().out


def test_the_clean_project_passes_the_checker(clean_copy, capsys):
    code, out = checker_report(clean_copy, capsys)
    assert code == 0, out


@pytest.mark.parametrize("mistake", [*MISTAKES, *STOPPING])
def test_the_checker_reports_each_build_stopper_first(tmp_path, clean_copy, capsys, mistake):
    project = tmp_path / "project"
    shutil.copytree(clean_copy, project, symlinks=True, ignore=shutil.ignore_patterns("pdf"))
    make_mistake, code, _ = {**MISTAKES, **STOPPING}[mistake]
    make_mistake(project)
    status, out = checker_report(project, capsys)
    first = out.splitlines()[1]
    assert status == 1 and f"error [{code}]" in first, out
    assert "Traceback" not in out


def test_the_build_stops_on_every_mistake_the_checker_reported(tmp_path, clean_copy):
    project = tmp_path / "project"
    shutil.copytree(clean_copy, project, symlinks=True)
    for make_mistake, _, _ in MISTAKES.values():
        make_mistake(project)
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    for name, (_, code, named) in MISTAKES.items():
        assert named in output and f"[{code}]" in output, name


@pytest.mark.parametrize("mistake", STOPPING)
def test_a_build_stopped_at_once_says_why_without_a_traceback(tmp_path, clean_copy, mistake):
    project = tmp_path / "project"
    shutil.copytree(clean_copy, project, symlinks=True)
    make_mistake, code, named = STOPPING[mistake]
    make_mistake(project)
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output and "UnicodeDecodeError" not in output
    assert named in output and f"[{code}]" in output
