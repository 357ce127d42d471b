"""`make site` on a broken project: MkDocs' own message, a non-zero exit, and the previous
site/ left exactly as it was (nothing half-built that looks finished)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import build_env, copy_project


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
    assert_failed_and_kept_old_site(make_site(project), project, "Error: MkDocs encountered an error parsing the configuration file")


def test_nav_names_a_page_that_does_not_exist(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("- Glossary: glossary.md", "- Glossary: glossery.md"))
    assert_failed_and_kept_old_site(make_site(project), project, "glossery.md")


def test_broken_internal_link(project):
    page = project / "docs" / "how-to-use.md"
    page.write_text(page.read_text() + "\nSee [the missing page](no-such-page.md).\n")
    assert_failed_and_kept_old_site(make_site(project), project, "no-such-page.md")
