"""scripts/build_worksheets.py: options, progress and summary, incremental builds, bad input,
and never a partial PDF."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import build_worksheets as cli  # scripts/ is on sys.path (conftest.py)
from course import pdf_build, pdf_jobs
from test_worksheets import PLAN, make_project

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "course")


def run(project: Path, *args: str) -> tuple[int, str, str]:
    """The command line, in this process (fast), with its exit code and output."""
    import contextlib
    import io
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = cli.main(["--root", str(project), "--out", str(project / "pdf"), "--jobs", "1", *args])
        except SystemExit as exit:  # argparse
            code = exit.code
    return code, stdout.getvalue(), stderr.getvalue()


def pdfs(project: Path) -> set[str]:
    return {path.name for path in (project / "pdf").glob("*")} if (project / "pdf").exists() else set()


def test_only_builds_both_editions_on_letter_with_progress(project):
    code, out, err = run(project, "--only", "think-it")
    assert (code, err) == (0, "")
    assert pdfs(project) == {"think-it-learner-letter.pdf", "think-it-facilitator-letter.pdf",
                             pdf_jobs.MANIFEST, pdf_jobs.PARTS}
    lines = out.splitlines()
    assert lines[:2] == ["[1/2] think-it learner letter", "[2/2] think-it facilitator letter"]
    assert re.fullmatch(r"Worksheets: Built 2 PDFs \(2 worksheets, 0 packets; \d+ pages\), in [\d.]+ s\.", lines[-1])


def test_paper_large_print_and_no_forms(project):
    code, out, _ = run(project, "--only", "check-it", "--paper", "a4", "--large-print", "--no-forms", "--quiet")
    assert code == 0
    assert "[1/" not in out and out.startswith("Worksheets: Built 2 PDFs")
    assert {"check-it-learner-a4-large.pdf", "check-it-facilitator-a4-large.pdf"} <= pdfs(project)
    code, out, _ = run(project, "--only", "think-it", "--no-forms")
    assert "] think-it learner letter no forms" in out


def test_workshop_builds_its_packets(project):
    code, out, _ = run(project, "--workshop", "short-workshop", "--quiet")
    assert code == 0
    assert pdfs(project) == {"short-workshop-learner-letter.pdf", "short-workshop-facilitator-letter.pdf",
                             pdf_jobs.MANIFEST, pdf_jobs.PARTS}


def test_second_run_skips_what_is_up_to_date(project):
    assert run(project, "--only", "think-it", "myth-quiz", "--quiet")[0] == 0
    code, out, _ = run(project, "--only", "think-it", "myth-quiz", "--quiet")
    assert code == 0 and out.startswith("Worksheets: Built 0 PDFs, 4 up to date")
    exercise = project / "exercises" / "think-it.yml"
    exercise.write_text(exercise.read_text().replace("Answer in a few words.", "Answer in a few words!"))
    code, out, _ = run(project, "--only", "think-it", "myth-quiz")
    assert code == 0
    assert out.startswith("[1/2] think-it") and "Built 2 PDFs" in out and "2 up to date" in out


def test_a_deleted_pdf_is_built_again(project):
    run(project, "--only", "think-it", "--quiet")
    (project / "pdf" / "think-it-learner-letter.pdf").unlink()
    assert "Built 1 PDF " in run(project, "--only", "think-it", "--quiet")[1]


def test_everything_removes_pdfs_no_longer_wanted(project):
    """A full build removes the PDFs it wrote earlier that are no longer wanted (a deleted
    exercise, a draft), so the site never offers a stale file."""
    plan = pdf_jobs.plan_jobs(project, pdf_jobs.Selection(exercises=["think-it", "check-it"]))
    assert pdf_build.build(project, project / "pdf", plan, workers=2).failures == []
    stray = project / "pdf" / "check-it-learner-letter.pdf"
    assert stray.exists()
    plan.jobs = [job for job in plan.jobs if job.source_id == "think-it"]
    result = pdf_build.build(project, project / "pdf", plan, everything=True)
    assert (result.removed, result.skipped, result.built) == (2, 2, [])
    assert not stray.exists() and "think-it-learner-letter.pdf" in pdfs(project)
    assert "check-it-learner-letter.pdf" not in (project / "pdf" / pdf_jobs.MANIFEST).read_text()


def test_drafts_are_left_out_of_the_site_set(project):
    names = {job.source_id for job in pdf_jobs.plan_jobs(project, pdf_jobs.Selection()).jobs}
    assert "draft-one" not in names and "think-it" in names and "short-workshop" in names
    assert {job.source_id for job in pdf_jobs.plan_jobs(
        project, pdf_jobs.Selection(exercises=["draft-one"])).jobs} == {"draft-one"}


def test_unknown_exercise_id(project):
    code, _, err = run(project, "--only", "no-such-exercise")
    assert code == 2
    assert "unknown exercise 'no-such-exercise'" in err and "Traceback" not in err
    assert pdfs(project) == set()


def test_unknown_workshop(project):
    code, _, err = run(project, "--workshop", "workshop-999")
    assert code == 2 and "unknown workshop plan 'workshop-999'" in err


def test_unknown_paper_size(project):
    code, _, err = run(project, "--paper", "legal")
    assert code == 2 and "invalid choice: 'legal'" in err
    assert pdfs(project) == set()


@pytest.mark.parametrize("old, new, expected", [
    ("      - exercise: myth-quiz\n", "      - exercise: no-such-quiz\n",
     "workshops/short-workshop.yml:13: error [plan-unknown-exercise]"),
    ("        minutes: 15\n", "        minutes: -15\n", "workshops/short-workshop.yml:12:18: error [plan-bad-minutes]"),
    ("        minutes: 15\n", "        minutes: 45\n", "workshops/short-workshop.yml:5: error [plan-too-long]"),
])
def test_invalid_plan_stops_the_build(tmp_path, old, new, expected):
    assert old in PLAN
    project = make_project(tmp_path / "course", plan=PLAN.replace(old, new))
    code, _, err = run(project)
    assert code == 1
    assert expected in err and "No PDFs were built" in err and "Traceback" not in err
    assert not list((project / "pdf").glob("*.pdf")) if (project / "pdf").exists() else True


def test_a_broken_exercise_stops_the_build(project):
    (project / "exercises" / "think-it.yml").write_text("id: think-it\ntitle: [unclosed\n")
    code, _, err = run(project, "--only", "think-it")
    assert code == 1 and "exercises/think-it.yml:2" in err


def test_a_failed_pdf_leaves_no_partial_file(project, monkeypatch):
    from weasyprint import Document

    run(project, "--only", "think-it", "--quiet")
    good = (project / "pdf" / "think-it-learner-letter.pdf").read_bytes()
    exercise = project / "exercises" / "think-it.yml"
    exercise.write_text(exercise.read_text().replace("Answer in a few words.", "Answer briefly."))

    def broken_write(self, target=None, **options):
        target.write(b"%PDF-1.7 half a file")
        raise OSError("disk full")

    monkeypatch.setattr(Document, "write_pdf", broken_write)
    code, out, err = run(project, "--only", "think-it")
    assert code == 1
    assert "disk full" in err and "This is a bug" in err and "FAILED" in out
    assert (project / "pdf" / "think-it-learner-letter.pdf").read_bytes() == good  # the old one stays
    assert [p.name for p in (project / "pdf").rglob("*") if p.name.endswith(".tmp")] == []
    monkeypatch.undo()
    code, out, _ = run(project, "--only", "think-it", "--quiet")  # not recorded as done: built again
    assert code == 0 and out.startswith("Worksheets: Built 2 PDFs")


def test_the_script_runs_on_its_own(tmp_path):
    """The real entry point, as `make worksheets` runs it: exit code and summary."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_worksheets.py"), "--only",
                             "no-such-exercise"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and "unknown exercise" in result.stderr
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_worksheets.py"), "--help"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and "--large-print" in result.stdout


@pytest.mark.parametrize("name, old, new, expected", [
    ("think-it", "minutes: 10", "minutes: -5", "[out-of-range]"),
    ("check-it", "minutes: 5", "minutes: 0", "[out-of-range]"),
])
def test_an_exercise_the_checker_refuses_is_not_built(project, name, old, new, expected):
    path = project / "exercises" / f"{name}.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    code, _, err = run(project, "--only", name)
    assert code == 1 and f"exercises/{name}.yml:" in err and expected in err
    assert "No PDFs were built" in err and pdfs(project) == set()


def test_every_exercise_of_the_test_project_passes_the_checker(project):
    plan = pdf_jobs.plan_jobs(project, pdf_jobs.Selection())
    assert plan.problems == [] and plan.jobs


def test_an_unreadable_exercise_stops_a_full_build_and_keeps_every_pdf(project):
    """Not only with --only: `make worksheets` stops at a file that cannot be read, with the
    checker's file:line, and removes none of the PDFs built before."""
    assert run(project, "--only", "think-it", "--quiet")[0] == 0
    before = {path.name: path.stat().st_mtime_ns for path in (project / "pdf").glob("*.pdf")}
    assert len(before) == 2
    (project / "exercises" / "think-it.yml").write_text("id: think-it\ntitle: [unclosed\n")
    code, out, err = run(project)
    assert code == 1 and "exercises/think-it.yml:2" in err and "No PDFs were built" in err
    assert "removed" not in out
    assert {path.name: path.stat().st_mtime_ns for path in (project / "pdf").glob("*.pdf")} == before


def test_out_naming_a_file_is_one_line(project, tmp_path):
    target = tmp_path / "not-a-folder.pdf"
    target.write_text("x")
    code, out, err = run(project, "--only", "think-it", "--out", str(target))
    assert code == 2 and out == "" and err.count("\n") == 1 and "is a file, not a folder" in err
    code, _, err = run(project, "--only", "think-it", "--out", str(target / "inside"))
    assert code == 2 and err.count("\n") == 1 and "which is a file" in err
    assert target.read_text() == "x"


def test_out_naming_a_read_only_folder_is_one_line(project, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    real_access = cli.os.access
    # This machine's tests may run as root, who may write anywhere: ask as an ordinary user would.
    monkeypatch.setattr(cli.os, "access", lambda path, mode: False if Path(path) == folder
                        else real_access(path, mode))
    code, out, err = run(project, "--only", "think-it", "--out", str(folder / "pdf"))
    assert code == 2 and err.count("\n") == 1 and "read-only" in err and "Traceback" not in err
    assert run(project, "--only", "think-it", "--quiet", "--out", str(tmp_path / "free"))[0] == 0


SERIES = PLAN.replace("      - title: The only session", """      - title: Getting started
        minutes: 20
        activities:
          - exercise: check-it
            minutes: 5
      - title: The only session""")


def _page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def test_a_series_has_a_packet_per_session_and_dividers_and_duplex_starts_each_on_a_new_sheet(tmp_path):
    project = make_project(tmp_path / "course", SERIES)
    code, _, err = run(project, "--workshop", "short-workshop", "--duplex", "--quiet")
    assert code == 0, err
    names = {name for name in pdfs(project) if name.endswith(".pdf")}
    assert names == {f"short-workshop{part}-{edition}-letter-duplex.pdf"
                     for part in ("", "-session-1", "-session-2") for edition in ("learner", "facilitator")}
    whole = _page_texts(project / "pdf" / "short-workshop-learner-letter-duplex.pdf")
    dividers = [i for i, text in enumerate(whole) if re.match(r"(Page \d+ of \d+ )?.*Session [12]: ", text)
                and "Agenda" not in text and "Contents" not in text]
    assert len(dividers) == 2
    assert len(whole) % 2 == 0
    starts = [next(i for i, text in enumerate(whole) if title in text and "About" in text)
              for title in ("Getting ready for an event", "What holds me back?")]
    for index in (*dividers, *starts):
        assert index % 2 == 0, (index, whole[index][:60])  # an odd page: the front of a sheet
    first = _page_texts(project / "pdf" / "short-workshop-session-1-learner-letter-duplex.pdf")
    assert any("Getting ready for an event" in text for text in first)
    assert not any("What holds me back?" in text for text in first)


def test_a_changed_exercise_lays_out_only_its_own_pages(project, monkeypatch):
    """Packets are put together from each worksheet's own laid-out pages: changing one exercise
    lays out that worksheet (and the packet's front, whose contents may move) again, nothing else;
    with nothing changed, nothing is opened at all."""
    from course import worksheets
    assert run(project, "--workshop", "short-workshop", "--only", "think-it", "myth-quiz", "check-it",
               "--quiet")[0] == 0
    laid_out = []
    real = worksheets.layout_part
    monkeypatch.setattr(worksheets, "layout_part",
                        lambda html, *rest: laid_out.append(html) or real(html, *rest))
    code, out, _ = run(project, "--workshop", "short-workshop", "--only", "think-it", "myth-quiz", "check-it",
                       "--quiet")
    assert code == 0 and "Built 0 PDFs" in out and laid_out == []
    exercise = project / "exercises" / "think-it.yml"
    exercise.write_text(exercise.read_text().replace("Answer in a few words.", "Answer in a few words!"))
    code, out, err = run(project, "--workshop", "short-workshop", "--only", "think-it", "myth-quiz", "check-it",
                       "--quiet")
    assert code == 0 and "Built 4 PDFs" in out, out + err
    titles = [re.search(r"<title>(.*?)</title>", html).group(1) for html in laid_out]
    assert not [t for t in titles if "Myth or fact" in t or "Getting ready" in t], titles
    assert any("What holds me back?" in t for t in titles)
    assert "Answer in a few words!" in " ".join(_page_texts(project / "pdf" / "short-workshop-learner-letter.pdf"))


def test_the_kit_is_built_with_fillable_certificate(project):
    code, _, err = run(project, "--kit", "--quiet")
    assert code == 0, err
    assert {name for name in pdfs(project) if name.endswith(".pdf")} == {
        f"{kit}-letter.pdf" for kit in ("sign-in-sheet", "feedback-form", "certificate", "notes-page")}
    from pypdf import PdfReader
    fields = PdfReader(str(project / "pdf" / "certificate-letter.pdf")).get_fields()
    assert set(fields) == {"certificate-name", "certificate-workshop", "certificate-date", "certificate-counsellor"}
    assert "Certificate of completion" in " ".join(_page_texts(project / "pdf" / "certificate-letter.pdf"))
    feedback = " ".join(_page_texts(project / "pdf" / "feedback-form-letter.pdf"))
    assert "How useful was the workshop for you?" in feedback and "example.org/test-course" in feedback


def test_a_broken_mkdocs_yml_stops_the_run_before_any_pdf(project):
    """The course's name on every page comes from mkdocs.yml: a mistake there is named with its
    line, and nothing is laid out with the wrong name."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: Test Course", "site_name: [Test Course"))
    code, out, err = run(project, "--only", "think-it", "--quiet")
    assert code == 1 and "mkdocs.yml:1:12: error [yaml-syntax]" in out + err, out + err
    assert "No PDFs were built." in out + err and pdfs(project) == set(), out + err
    config.write_text(config.read_text().replace("site_name: [Test Course", "site_name: Test Course"))
    code, out, err = run(project, "--only", "think-it", "--quiet")
    assert code == 0 and pdfs(project), out + err
