"""loader.py: YAML -> model with lines, and every kind of bad input as a problem."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from checker_support import FIXTURE_COURSE, codes, make_course
from course import model
from course.loader import line_of, load_course, load_exercise

GOOD = FIXTURE_COURSE / "exercises"


def write(tmp_path, text, name="bad.yml", raw: bytes | None = None):
    path = tmp_path / name
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, cls", [
    ("quiz-one", model.QuizExercise), ("sort-one", model.SortExercise),
    ("pitch-one", model.PitchExercise), ("message-one", model.MessageExercise),
    ("tracker-one", model.TrackerExercise), ("reflection-one", model.ReflectionExercise),
    ("checklist-one", model.ChecklistExercise), ("dialogue-one", model.DialogueExercise)])
def test_every_kind_loads_clean(name, cls):
    exercise, problems = load_exercise(GOOD / f"{name}.yml")
    assert problems == []
    assert isinstance(exercise, cls) and exercise.id == name


def test_values_keep_their_lines():
    quiz, _ = load_exercise(GOOD / "quiz-one.yml")
    assert quiz.line == 1
    assert line_of(quiz, "kind") == 4
    assert quiz.questions[1].line == 17
    assert quiz.questions[1].options[2].line == 25
    assert line_of(quiz.examples[0], "answer") == 36


def test_example_answers_are_normalized():
    quiz, _ = load_exercise(GOOD / "quiz-one.yml")
    assert quiz.examples[0].answer == {"1": ["a"], "2": ["a", "c"]}
    sort, _ = load_exercise(GOOD / "sort-one.yml")
    assert sort.examples[0].answer == {"1": "begging", "2": "networking"}
    pitch, _ = load_exercise(GOOD / "pitch-one.yml")
    assert pitch.targets[0].words == (5, 20) and pitch.examples[0].target == "short"


BAD_INPUTS = [
    # (file text, expected code, expected line)
    ("id: x\n\tkind: quiz\n", "yaml-tab", 2),
    ("id: x\ntitle: 'unclosed\nkind: quiz\n", "yaml-quote", 2),
    ("id: x\ntitle: Tip: be brief\n", "yaml-colon", 2),
    ("id: x\nfacilitator:\n    timing: a\n  group: b\n", "yaml-indent", 4),
    ("id: x\ntitle: `code`\n", "yaml-start-char", 2),
    ("id: x\nkind: quiz\nid: y\n", "duplicate-key", 3),
    ("- id: x\n- kind: quiz\n", "not-a-mapping", 1),
    ("id: x\nkind: quizz\n", "unknown-kind", 2),
    ("id: x\ntitle: T\n", "missing-field", 1),
    ("id: x\nkind: quiz\nminutes: ten\n", "wrong-type", 3),
    ("id: x\nkind: quiz\ntitel: T\n", "unknown-key", 3),
    ("id: x\nkind: quiz\nquestions:\n  - prompt: P\n    type: single-choice\n", "bad-value", 5),
    ("id: Bad_Id\nkind: checklist\n", "bad-id", 1),
    ("", "empty-file", 1),
    ("# only a comment\n", "empty-file", 1),
    ("id: x\n---\nkind: quiz\n", "yaml-syntax", 2),
]


@pytest.mark.parametrize("text, code, line", BAD_INPUTS)
def test_bad_input_becomes_a_problem(tmp_path, text, code, line):
    exercise, problems = load_exercise(write(tmp_path, text))
    assert code in codes(problems), problems
    found = next(p for p in problems if p.code == code)
    assert found.line == line and found.path.endswith("bad.yml") and found.level == "error"
    assert found.message and found.hint


def test_tab_says_use_spaces(tmp_path):
    _, problems = load_exercise(write(tmp_path, "id: x\nfacilitator:\n\ttiming: a\n"))
    assert problems[0].hint == 'Use spaces, not tabs: 2 spaces from the left, two more than "facilitator:" above.'


def test_a_tab_before_a_top_level_field_says_remove_it(tmp_path):
    _, problems = load_exercise(write(tmp_path, "id: x\n\tkind: quiz\n"))
    assert problems[0].hint == 'Remove the tab: this line starts at the left edge, like "id:" above.'


def test_misspelled_key_suggests_the_right_one(tmp_path):
    _, problems = load_exercise(write(tmp_path, "id: x\nkind: quiz\ninstructons: Do it.\n"))
    assert 'Did you mean "instructions"?' in next(p for p in problems if p.code == "unknown-key").hint


def test_unknown_kind_lists_the_kinds(tmp_path):
    _, problems = load_exercise(write(tmp_path, "id: x\nkind: poll\n"))
    assert "quiz, sort, pitch, message, tracker, reflection, checklist" in problems[0].hint


def test_not_utf8(tmp_path):
    _, problems = load_exercise(write(tmp_path, "", raw=b"id: x\ntitle: caf\xe9\n"))
    assert codes(problems) == ["not-utf8"] and problems[0].line == 2


def test_bom_and_windows_line_endings_just_work(tmp_path):
    raw = b"\xef\xbb\xbf" + (GOOD / "checklist-one.yml").read_bytes().replace(b"\n", b"\r\n")
    exercise, problems = load_exercise(write(tmp_path, "", name="checklist-one.yml", raw=raw))
    assert problems == [] and exercise.items[0].text == "I know where the event is."


def test_html_in_text_is_kept_as_plain_text(tmp_path):
    text = (GOOD / "checklist-one.yml").read_text().replace(
        "I know where the event is.", "\"<script>alert('x')</script> & <b>bold</b>\"")
    exercise, problems = load_exercise(write(tmp_path, text))
    assert problems == [] and exercise.items[0].text == "<script>alert('x')</script> & <b>bold</b>"


def test_numbers_and_dates_are_accepted_as_text(tmp_path):
    text = (GOOD / "checklist-one.yml").read_text().replace("title: Getting ready", "title: 2026")
    exercise, problems = load_exercise(write(tmp_path, text))
    assert problems == [] and exercise.title == "2026"


def test_wrong_type_names_field_and_value(tmp_path):
    _, problems = load_exercise(write(tmp_path, "id: x\nkind: pitch\ntargets:\n  - id: a\n    words: 50\n"))
    wrong = next(p for p in problems if p.code == "wrong-type")
    assert wrong.message == '"words" should be two whole numbers, but it is the number 50.'
    assert wrong.line == 5


def test_missing_field_in_a_nested_entry_says_where(tmp_path):
    _, problems = load_exercise(write(tmp_path, "id: x\nkind: quiz\nquestions:\n  - prompt: P\n"
                                                "    options:\n      - correct: true\n"))
    assert '"text" is missing from option 1 of question 1.' in [p.message for p in problems]


def test_every_problem_in_a_file_is_reported(tmp_path):
    text = "id: x\nkind: quiz\nminutes: ten\ntitel: T\nquestions: many\n"
    _, problems = load_exercise(write(tmp_path, text))
    assert {"wrong-type", "unknown-key", "missing-field"} <= set(codes(problems))
    assert len([p for p in problems if p.code == "wrong-type"]) == 2


def test_missing_file(tmp_path):
    exercise, problems = load_exercise(tmp_path / "nope.yml")
    assert exercise is None and codes(problems) == ["file-unreadable"]


def _big_reflection(tmp_path, count: int) -> Path:
    (tmp_path / str(count)).mkdir()
    prompts = "".join(f"  - text: Question number {n} about your network and what you want.\n"
                      for n in range(count))
    return write(tmp_path / str(count), "id: big\ntitle: Big\nlesson: l.md\nkind: reflection\n"
                 "minutes: 5\ninstructions: Go.\nfacilitator: {timing: a, group: b, prompts: []}\n"
                 "prompts:\n" + prompts)


def _steps_to_load(path: Path) -> int:
    """How many lines of Python and calls into C loading the file runs: the same on any machine."""
    steps = 0

    def local(frame, event, arg):
        nonlocal steps
        steps += 1
        return local

    def count(frame, event, arg):
        nonlocal steps
        steps += 1
        return local

    sys.settrace(count)
    sys.setprofile(count)
    try:
        exercise, problems = load_exercise(path)
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    assert problems == [] and exercise is not None
    return steps


def test_a_large_file_loads_in_work_that_grows_with_its_size(tmp_path):
    # Counted, not timed, so a slow or busy machine cannot fail it (the timing is in `make bench`).
    # Twice the prompts may take at most 2.2 times the steps; a step that looks through the whole
    # file for every value would take about 4 times.
    small, large = _big_reflection(tmp_path, 200), _big_reflection(tmp_path, 400)
    ratio = _steps_to_load(large) / _steps_to_load(small)
    assert 1.8 < ratio < 2.2, f"twice the prompts took {ratio:.2f} times the steps"


def test_a_file_over_a_megabyte_loads(tmp_path):
    path = _big_reflection(tmp_path, 15000)
    assert path.stat().st_size > 1_000_000
    exercise, problems = load_exercise(path)
    assert problems == [] and len(exercise.prompts) == 15000


def test_load_course_keeps_going_past_bad_files(tmp_path):
    root = make_course(tmp_path)
    (root / "exercises" / "broken.yml").write_text("id: broken\n\tkind: quiz\n")
    (root / "exercises" / "other.yml").write_text("id: other\nkind: nope\n")
    course = load_course(root)
    assert len(course.exercises) == 8
    assert sorted(p.path for p in course.problems) == ["exercises/broken.yml", "exercises/other.yml"]
    assert "lessons/01-start.md" in course.lessons


@pytest.mark.parametrize("written, value", [
    ("10", 10), ("017", 17), ("08", 8), ("-5", -5), ("1_000", 1000)])
def test_whole_numbers_are_read_as_the_decimal_digits_written(tmp_path, written, value):
    text = (GOOD / "pitch-one.yml").read_text().replace("minutes: 10", f"minutes: {written}")
    text = text.replace("words: [5, 20]", f"words: [{written}, 20]")
    exercise, problems = load_exercise(write(tmp_path, text, name="pitch-one.yml"))
    assert "internal-error" not in codes(problems)
    assert exercise.minutes == value and exercise.targets[0].words == (value, 20)


@pytest.mark.parametrize("written", ["0b_", "0x1f", "1:30", "1.5", '"10"', "[10]"])
def test_other_number_forms_are_the_wrong_type_not_a_crash(tmp_path, written):
    text = (GOOD / "pitch-one.yml").read_text().replace("minutes: 10", f"minutes: {written}")
    text = text.replace("words: [5, 20]", f"words: [{written}, 20]")
    _, problems = load_exercise(write(tmp_path, text, name="pitch-one.yml"))
    assert sorted(codes(problems)) == ["wrong-type", "wrong-type"], problems
