"""scripts/check_exercises.py: exit codes, the report, the github format and answers files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker_support import edit, make_course
from course.messages import MESSAGES, placeholders, render
from course.problems import Problem
from course.report import format_github, format_problem, guide_link, summary

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import check_exercises  # noqa: E402


def run(capsys, *args):
    code = check_exercises.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def course(tmp_path):
    return make_course(tmp_path)


def test_clean_course_exits_0(capsys, course):
    code, out, _ = run(capsys, "--root", str(course))
    assert code == 0 and out.strip() == "No problems found in 10 files."


def test_errors_exit_1_with_sorted_report(capsys, course):
    edit(course / "exercises/sort-one.yml", "    category: begging\n", "    category: beging\n")
    (course / "exercises/broken.yml").write_text("id: broken\n\tkind: quiz\n")
    code, out, _ = run(capsys, "--root", str(course))
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == "3 errors in 2 files."
    assert lines[1] == "exercises/broken.yml:2:1: error [yaml-tab] This line is indented with a tab."
    assert lines[2] == "    Remove the tab: this line starts at the left edge, like \"id:\" above."
    assert lines[3] == "    More help: docs/editing/checker.md#yaml-tab"
    assert lines[4].startswith("exercises/sort-one.yml:14:15: error [unknown-category]")
    assert "Traceback" not in out


def test_draft_mode_reports_but_exits_0(capsys, course):
    edit(course / "exercises/sort-one.yml", "    category: begging\n", "    category: beging\n")
    code, out, _ = run(capsys, "--root", str(course), "--draft")
    assert code == 0 and "[unknown-category]" in out


def test_github_format(capsys, course):
    edit(course / "exercises/quiz-one.yml", "pass_mark: 50", "pass_mark: 150")
    code, out, _ = run(capsys, "--root", str(course), "--format", "github")
    assert code == 1
    assert out.splitlines()[0] == ("::error file=exercises/quiz-one.yml,line=7,col=12::[out-of-range] "
                                   "\"pass_mark\" is 150, but it must be between 0 and 100.%0A"
                                   "Change the number.%0A"
                                   "More help: https://networking-demystified.github.io/course/editing/checker.html#out-of-range")


def test_only_named_files(capsys, course):
    edit(course / "exercises/quiz-one.yml", "pass_mark: 50", "pass_mark: 150")
    code, out, _ = run(capsys, "--root", str(course), str(course / "exercises/sort-one.yml"))
    assert code == 0 and out.strip() == "No problems found in 1 file."


def test_usage_error_exits_2(capsys, course):
    with pytest.raises(SystemExit) as exit_info:
        check_exercises.main(["--root", str(course), "--exercise", "pitch-one"])
    assert exit_info.value.code == 2


def test_the_script_runs_from_anywhere(tmp_path, course):
    speech = tmp_path / "speech.txt"
    speech.write_text("Hi, I'm Amina. I keep offices running.")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check_exercises.py"), "--root", str(course),
                             "--exercise", "pitch-one", "--text", str(speech)],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0 and "10-second version: ready" in result.stdout


ANSWERS = {"format": "networking-demystified-answers", "version": 1, "exported": "2026-11-26T10:00:00Z",
           "answers": {
               "quiz-one": {"answer": {"1": ["a"], "2": ["a"]}},
               "pitch-one": {"target": "short", "words_per_minute": 100,
                             "answer": {"name": "Hi, I'm Amina.", "what": "I basically run offices."}},
               "message-one": {"meeting_date": "2026-11-24", "answer": {"greeting": "Hi Marco,"}},
               "reflection-one": {"answer": {"1": "Bothering people."}},
               "gone-exercise": {"answer": {}}}}


def test_answers_file_feedback(capsys, course, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ANSWERS))
    code, out, _ = run(capsys, "--root", str(course), "--answers", str(path))
    assert code == 0
    assert "Myth or fact? (quiz-one): passed" in out and "  Well done: you passed." in out
    assert "1 of 2 questions right (50%); the pass mark is 50%" in out
    assert "Question 2 (not right, chose a): Which are ways to network?" in out
    assert "7 words, about 4 seconds at 100 words a minute; 10-second version needs 5 to 20 words" in out
    assert "\"basically\": A filler word." in out
    # a speech that fits but holds a flagged phrase is never "ready" or "well done"
    assert "Your elevator speech (pitch-one): almost ready" in out
    assert "It fits the 10-second version. Almost ready: change this phrase first: \u201cbasically\u201d." in out
    # the counsellor reads the learner's own words
    assert "  Their words:\n    Your name: Hi, I'm Amina.\n" in out
    assert "empty parts that are needed: \"Your thanks\"" in out and "send it by 2026-11-25" in out
    assert "What holds me back? (reflection-one): 1 of 1 question answered" in out
    assert "   Bothering people." in out
    assert "gone-exercise: this exercise is not in the course" in out


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"format": "something-else"}',
                                     b"\xff\xfe\x00", b'{"format": "networking-demystified-answers"}'])
def test_malformed_answers_file(capsys, course, tmp_path, content):
    path = tmp_path / "answers.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "--root", str(course), "--answers", str(path))
    assert code == 1 and "Traceback" not in err and "answers.json" in err


def test_plain_text_pitch(capsys, course, tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text("Hi, I'm Amina. I basically keep small offices running well.\n")
    code, out, _ = run(capsys, "--root", str(course), "--exercise", "pitch-one", "--text", str(path))
    assert code == 0
    assert "checks for needed parts are left out" in out
    assert "10-second version: almost ready" in out and "30-second version: almost ready" in out
    assert "    It fits the 30-second version. Almost ready: change this phrase first: \u201cbasically\u201d." in out
    assert "10 words, about 5 seconds at 120 words a minute" in out


def test_plain_text_needs_a_pitch_or_message(capsys, course, tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text("Hello.")
    code, _, err = run(capsys, "--root", str(course), "--exercise", "quiz-one", "--text", str(path))
    assert code == 1 and "works only with a pitch or a message" in err


def test_readability_report(capsys, course):
    code, out, _ = run(capsys, "--root", str(course), "--readability")
    assert code == 0 and "lessons/01-start.md" in out and "Limits: grade 8" in out


def test_every_message_renders_with_its_placeholders():
    for code in MESSAGES:
        message, hint, level = render(code, **{name: "X" for name in placeholders(code)})
        assert "{" not in message + hint and level in ("error", "warning") and hint


def test_report_formats():
    problem = Problem("exercises/a.yml", 3, 5, "warning", "unknown-key", "A, b: c", "Fix it.")
    assert format_problem(problem) == ("exercises/a.yml:3:5: warning [unknown-key] A, b: c\n"
                                       "    Fix it.\n"
                                       "    More help: docs/editing/checker.md#unknown-key")
    assert format_problem(problem, hint=False) == "exercises/a.yml:3:5: warning [unknown-key] A, b: c"
    assert format_github(problem) == ("::warning file=exercises/a.yml,line=3,col=5::[unknown-key] A, b: c"
                                      "%0AFix it.%0AMore help: https://networking-demystified.github.io/course/editing/checker.html#unknown-key")
    assert summary([problem, problem.as_warning()], 4) == "2 warnings in 1 file."
    assert summary([], 1) == "No problems found in 1 file."


def test_every_message_links_to_the_guide():
    for code in MESSAGES:
        assert guide_link(code) == f"docs/editing/checker.md#{code}", code
    assert guide_link("no-such-code") == ""


def test_a_problem_without_a_hint_or_a_link():
    problem = Problem("notes.txt", 0, 0, "error", "no-such-code", "Something.", "")
    assert format_problem(problem) == "notes.txt: error [no-such-code] Something."
    assert format_github(problem) == "::error file=notes.txt::[no-such-code] Something."


def test_github_escapes_the_hint_and_keeps_one_line():
    problem = Problem("exercises/a,b.yml", 2, 0, "error", "yaml-colon", "50% done", "Use: quotes")
    annotation = format_github(problem)
    assert "\n" not in annotation
    assert annotation.startswith("::error file=exercises/a%2Cb.yml,line=2::[yaml-colon] 50%25 done%0AUse: quotes")


def test_plain_text_message_counts_the_whole_text_and_says_so(capsys, course, tmp_path):
    edit(course / "exercises/message-one.yml", "  words: [5, 80]\n", "  words: [5, 80]\n  parts: [thanks]\n")
    path = tmp_path / "note.txt"
    path.write_text("Hi Marco,\n\nThank you for meeting me on Tuesday. It helped a lot.\n")
    code, out, _ = run(capsys, "--root", str(course), "--exercise", "message-one", "--text", str(path))
    assert code == 0
    assert "The site does not count the greeting. Here the whole text is counted" in out
    assert "2 sentences and 13 words; it needs 2 to 5 sentences" in out  # "Hi Marco," joins the next one


def test_answers_say_what_a_message_count_leaves_out(capsys, course, tmp_path):
    edit(course / "exercises/message-one.yml", "  words: [5, 80]\n", "  words: [5, 80]\n  parts: [thanks]\n")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({
        "format": "networking-demystified-answers", "version": 1, "answers": {"message-one": {
            "answer": {"greeting": "Hi Marco,", "thanks": "Thank you. It helped."}}}}))
    code, out, _ = run(capsys, "--root", str(course), "--answers", str(answers))
    assert "2 sentences and 4 words, not counting the greeting; it needs 2 to 5 sentences" in out


def test_one_word_and_one_second_are_singular(capsys, course, tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text("Hi.\n")
    code, out, _ = run(capsys, "--root", str(course), "--exercise", "pitch-one", "--text", str(path))
    assert "1 word, about 0 seconds" in out or "1 word, about 1 second" in out


def test_answers_and_text_give_the_same_verdict_in_the_same_words(capsys, course, tmp_path):
    speech = {"name": "Hi, I'm Amina.", "what": "I basically run offices."}
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**ANSWERS, "answers": {"pitch-one": {"target": "short", "answer": speech}}}))
    _, from_file, _ = run(capsys, "--root", str(course), "--answers", str(answers))
    text = tmp_path / "speech.txt"
    text.write_text(" ".join(speech.values()))
    _, from_text, _ = run(capsys, "--root", str(course), "--exercise", "pitch-one", "--text", str(text))
    sentence = "It fits the 10-second version. Almost ready: change this phrase first: \u201cbasically\u201d."
    assert f"(pitch-one): almost ready\n  {sentence}\n" in from_file
    assert f"10-second version: almost ready\n    {sentence}\n" in from_text
    assert "Well done" not in from_file + from_text


def test_answers_print_tracker_rows_and_one_row_is_singular(capsys, course, tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**ANSWERS, "answers": {"tracker-one": {"answer": {"rows": [
        {"name": "Daniela Silva"}, {}]}}}}))
    _, out, _ = run(capsys, "--root", str(course), "--answers", str(answers))
    assert ": 1 row filled in\n" in out and "1 rows" not in out
    assert "  Entry 1: Name: Daniela Silva\n" in out


def test_github_annotations_link_to_the_published_help_pages(site_dir):
    """On a pull request, "More help" is an address a counsellor can open, and the built site
    has that page and that section."""
    site = "https://example.org/course/"
    problem = Problem("exercises/a.yml", 3, 5, "error", "missing-field", "A is missing.", "Add it.")
    assert format_github(problem, site_url=site).endswith(
        "%0AMore help: https://example.org/course/editing/checker.html#missing-field")
    for code in MESSAGES:
        page, anchor = guide_link(code, site).removeprefix(site).split("#")
        assert f'id="{anchor}"' in (site_dir / page).read_text(), code
