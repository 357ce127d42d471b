"""`make serve` on a fresh clone: the preview answers at once, the worksheets are built behind
it (progress on the Printables page), and the finished PDFs join the site in one go."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request

from conftest import PYTHON, build_env, copy_project, free_port
from course import pdf_jobs, pdf_publish
from course.printables import MARKER, build_notice, fill_printables_page


def _built(folder, pdfs: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in pdfs:
        (folder / name).write_bytes(b"%PDF " + name.encode())
    pdf_jobs.write_manifest(folder, pdfs)


def test_publish_copies_what_changed_and_removes_what_is_gone(tmp_path):
    out = tmp_path / pdf_publish.OUT
    _built(out, {"a.pdf": "1", "b.pdf": "1", "gone.pdf": "1"})
    (out / "mine.pdf").write_bytes(b"not the builder's")  # never listed: left alone
    staging = pdf_publish.staging(tmp_path)
    _built(staging, {"a.pdf": "1", "b.pdf": "2", "c.pdf": "1"})
    (staging / "a.pdf").write_bytes(b"same hash: not copied")
    assert pdf_publish.publish(tmp_path) == 2
    assert (out / "a.pdf").read_bytes() == b"%PDF a.pdf"
    assert (out / "b.pdf").read_bytes() == (staging / "b.pdf").read_bytes()
    assert (out / "c.pdf").exists() and not (out / "gone.pdf").exists() and (out / "mine.pdf").exists()
    assert pdf_jobs.read_manifest(out) == {"a.pdf": "1", "b.pdf": "2", "c.pdf": "1"}
    assert not [path for path in out.iterdir() if path.name.endswith(".tmp")]


def test_a_first_background_build_starts_from_the_pdfs_already_made(tmp_path):
    _built(tmp_path / pdf_publish.OUT, {"a.pdf": "1"})
    pdf_publish.seed(tmp_path)
    assert pdf_jobs.read_manifest(pdf_publish.staging(tmp_path)) == {"a.pdf": "1"}
    (pdf_publish.staging(tmp_path) / "a.pdf").write_bytes(b"newer")
    pdf_publish.seed(tmp_path)  # the staging folder has its own PDFs now: kept
    assert (pdf_publish.staging(tmp_path) / "a.pdf").read_bytes() == b"newer"


def test_status_is_read_only_while_a_build_runs_or_after_it_failed(tmp_path):
    assert pdf_publish.read_status(tmp_path) is None
    pdf_publish.write_status(tmp_path, "building", 3, 280)
    assert pdf_publish.read_status(tmp_path) == {"state": "building", "done": 3, "total": 280}
    pdf_publish.write_status(tmp_path, "failed")
    assert pdf_publish.read_status(tmp_path)["state"] == "failed"
    (pdf_publish.staging(tmp_path) / pdf_publish.STATUS).write_text("{not json")
    assert pdf_publish.read_status(tmp_path) is None
    pdf_publish.clear_status(tmp_path)
    assert pdf_publish.read_status(tmp_path) is None


def test_nothing_is_built_behind_the_preview_when_the_pdfs_are_current(tmp_path):
    from test_worksheets import make_project
    project = make_project(tmp_path / "course")
    assert not pdf_publish.up_to_date(project)  # no PDFs yet
    plan = pdf_jobs.plan_jobs(project, pdf_jobs.Selection())
    hasher = pdf_jobs.Hasher(project, plan.info)
    _built(project / pdf_publish.OUT, {job.filename: hasher.source_hash(job) for job in plan.jobs})
    assert pdf_publish.up_to_date(project)
    exercise = sorted((project / "exercises").glob("*.yml"))[0]
    exercise.write_text(exercise.read_text() + "\n# changed\n")
    assert not pdf_publish.up_to_date(project)


def test_the_printables_page_says_when_pdfs_are_on_their_way(tmp_path):
    from test_worksheets import make_project
    project = make_project(tmp_path / "course")
    page = f"# Printables\n\n{MARKER}\n"
    assert build_notice(None) == ""
    plain = fill_printables_page(page, project)
    assert "on their way" not in plain and "](printables/pdf/think-it-learner-letter.pdf)" in plain
    waiting = fill_printables_page(page, project, status={"state": "building", "done": 3, "total": 40})
    assert '!!! note "PDFs on their way"' in waiting and "(3 of 40 so far)" in waiting
    # A PDF not made yet is named without a link (no link to a missing file); one made is linked.
    assert "](printables/pdf/think-it-learner-letter.pdf)" not in waiting
    folder = project / "docs" / "printables" / "pdf"
    folder.mkdir(parents=True)
    (folder / "think-it-learner-letter.pdf").write_bytes(b"%PDF")
    partly = fill_printables_page(page, project, status={"state": "building", "done": 1, "total": 40})
    assert "](printables/pdf/think-it-learner-letter.pdf)" in partly
    assert "](printables/pdf/think-it-learner-a4.pdf)" not in partly
    failed = fill_printables_page(page, project, status={"state": "failed"})
    assert '!!! warning "PDFs not made"' in failed and "on their way" not in failed


def test_a_fresh_clone_answers_at_once_and_builds_the_worksheets_behind_it(tmp_path):
    project = copy_project(tmp_path / "fresh")
    for leftover in ("docs/printables/pdf", ".cache"):
        subprocess.run(["rm", "-rf", str(project / leftover)], check=True)
    port = free_port()
    started = time.perf_counter()
    serve = subprocess.Popen([PYTHON, "scripts/serve.py", "--port", str(port)], cwd=project,
                             env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, start_new_session=True)
    try:
        while True:
            assert time.perf_counter() - started < 60 and serve.poll() is None, "the preview never answered"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/printables.html", timeout=2) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.1)
        # It answered while the worksheets were still being made (how fast is measured in
        # `make bench`, not here, so a busy machine cannot fail this test).
        assert "PDFs on their way" in page and 'href="printables/pdf/' not in page
        lines = [serve.stdout.readline() for _ in range(2)]
        assert lines[0].startswith("Step 1 of 2") and lines[1].startswith("Step 2 of 2")
        status = json.loads((pdf_publish.staging(project) / pdf_publish.STATUS).read_text())
        assert status["state"] == "building"
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=30)
    # Stopped: the build behind it stops too, and no page says it is still running.
    time.sleep(0.5)
    running = subprocess.run(["pgrep", "-f", f"{project}/scripts/build_worksheets.py"],
                             capture_output=True, text=True).stdout.split()
    assert running == [] and pdf_publish.read_status(project) is None
