"""A lesson or exercise saved on Windows (CRLF line endings, a byte-order mark) just works:
the checker finds nothing wrong and the site builds it like any other."""

from __future__ import annotations

import subprocess
import sys

from conftest import build_env, copy_project, mkdocs_build


def windows_save(path):
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))


def test_windows_files_check_and_build(tmp_path, site_dir):
    project = copy_project(tmp_path / "project")
    windows_save(project / "docs" / "lessons" / "05-elevator-speech.md")
    windows_save(project / "exercises" / "pitch-mistakes.yml")

    check = subprocess.run([sys.executable, "scripts/check_exercises.py"], cwd=project,
                           capture_output=True, text=True, env=build_env())
    assert check.returncode == 0, check.stdout
    assert check.stdout.startswith("No problems found")

    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    page = (site / "lessons" / "05-elevator-speech.html").read_text()
    assert "<title>5. Your elevator speech" in page          # front matter read past the BOM
    assert 'data-exercise="pitch-mistakes"' in page          # the exercise block was found
    assert "By the end" in page                              # the lesson frame from front matter
