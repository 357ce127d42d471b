"""checks.py and example_checks.py: every exercise rule, from both sides.

The clean fixture course passes; each test breaks one thing and expects the right code."""

from __future__ import annotations

import pytest

from checker_support import codes, edit, make_course
from course.checks import check_course, check_files


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return make_course(tmp_path_factory.mktemp("clean"))


def test_the_clean_course_has_no_problems(clean):
    assert check_course(clean) == []


BREAKS = [
    # (file, old text, new text, expected code)
    ("quiz-one", "        feedback: Not quite.\n", "", "missing-feedback"),
    ("quiz-one", "      - text: Fact\n", "      - text: Fact\n        correct: true\n", "correct-count"),
    ("quiz-one", "        feedback: Not quite.\n", "        feedback: Not quite.\n      - text: Maybe\n"
                 "        feedback: No.\n", "truefalse-options"),
    ("quiz-one", "answer: {1: a, 2: [a, c]}", "answer: {1: b, 2: [a]}", "example-mismatch"),
    ("quiz-one", "pass_mark: 50", "pass_mark: 150", "out-of-range"),
    ("quiz-one", "answer: {1: b, 2: [b]}", "answer: {1: b, 5: [b]}", "example-answer"),
    ("quiz-one", "answer: {1: b, 2: [b]}", "answer: {1: z, 2: [b]}", "example-answer"),
    ("quiz-one", "    expect: fail\n", "    expect: pass\n", "missing-example"),
    ("quiz-one", "    expect: fail\n", "    expect: pass\n", "example-mismatch"),
    ("quiz-one", "questions:\n", "questions: []\nold_questions:\n", "empty-list"),
    ("quiz-one", "id: quiz-one", "id: quiz-two", "id-file-mismatch"),
    ("sort-one", "id: sort-one", "id: quiz-one", "duplicate-id"),
    ("sort-one", "    category: begging\n", "    category: beging\n", "unknown-category"),
    ("sort-one", "    feedback: Nothing is offered.\n", "", "missing-feedback"),
    ("sort-one", "  - id: networking\n", "  - id: begging\n", "duplicate-item-id"),
    ("pitch-one", "    words: [5, 20]", "    words: [20, 5]", "range-order"),
    ("pitch-one", "    words: [5, 20]", "    words: [25, 30]", "target-too-long"),
    ("pitch-one", "    parts: [name, what]", "    parts: [name, wat]", "unknown-part"),
    ("pitch-one", "    target: short\n", "    target: medium\n", "example-answer"),
    ("pitch-one", "      what: I keep small offices running well.\n", "", "example-mismatch"),
    ("pitch-one", "words_per_minute: 120", "words_per_minute: 0", "out-of-range"),
    ("message-one", "  sentences: [2, 5]", "  sentences: [5, 2]", "range-order"),
    ("message-one", "      thanks: Thank you for meeting me on Tuesday. It helped a lot.\n",
                    "      thanks: Thank you.\n", "example-mismatch"),
    ("message-one", "      greeting: Hi Marco,\n", "      greting: Hi Marco,\n", "example-answer"),
    ("message-one", "  words: [5, 80]\n", "  words: [5, 80]\n  parts: [thank]\n", "unknown-part"),
    ("tracker-one", "    options: [Family, Friends]\n", "", "empty-list"),
    ("tracker-one", "    width: 2", "    width: 7", "out-of-range"),
    ("tracker-one", "rows: 5", "rows: 61", "out-of-range"),
    ("reflection-one", "    lines: 3", "    lines: 0", "out-of-range"),
    ("reflection-one", "    lines: 3", "    lines: 31", "out-of-range"),
    ("checklist-one", "minutes: 5", "minutes: 181", "out-of-range"),
    ("checklist-one", "minutes: 5", "minutes: 0", "out-of-range"),
    ("checklist-one", "lesson: lessons/01-start.md", "lesson: lessons/99-none.md", "unknown-lesson"),
]


@pytest.mark.parametrize("name, old, new, code", BREAKS, ids=[f"{b[0]}-{b[3]}" for b in BREAKS])
def test_each_rule_catches_its_mistake(tmp_path, name, old, new, code):
    root = make_course(tmp_path)
    path = root / "exercises" / f"{name}.yml"
    edit(path, old, new)
    problems = check_course(root)
    assert code in codes(problems), problems
    found = next(p for p in problems if p.code == code)
    assert found.path == f"exercises/{name}.yml" and found.line > 0 and found.level == "error"


def test_problem_points_at_the_field(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "pitch-one.yml", "    words: [5, 20]", "    words: [20, 5]")
    found = next(p for p in check_course(root) if p.code == "range-order")
    assert found.line == 21
    assert found.message == '"words" goes from 20 to 5: the first number must not be bigger than the second.'


def test_example_mismatch_says_why(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "quiz-one.yml", "    expect: fail\n", "    expect: pass\n")
    found = next(p for p in check_course(root) if p.code == "example-mismatch")
    assert found.message == ('Example "all wrong" should pass, but it fails: '
                             "0 of 2 questions right (0%); the pass mark is 50%.")


def test_target_too_long_names_the_numbers(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "pitch-one.yml", "    words: [5, 20]", "    words: [25, 30]")
    found = next(p for p in check_course(root) if p.code == "target-too-long")
    assert "at least 25 words, which take about 13 seconds at 120 words a minute" in found.message


def test_a_message_length_names_an_unknown_part(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "message-one.yml", "  words: [5, 80]\n", "  words: [5, 80]\n  parts: [thank]\n")
    found = next(p for p in check_course(root) if p.code == "unknown-part")
    assert found.line == 12
    assert found.message == '"length" names the part "thank", which does not exist.'
    assert found.hint.startswith('Did you mean "thanks"? Use the id of one of the parts: greeting, thanks.')


def test_a_message_length_that_names_real_parts_is_fine(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "message-one.yml", "  words: [5, 80]\n", "  words: [5, 80]\n  parts: [thanks]\n")
    assert check_course(root) == []


def test_a_draft_reports_warnings_only(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "sort-one.yml", "    category: begging\n", "    category: beging\n")
    edit(root / "exercises" / "sort-one.yml", "minutes: 5", "minutes: 5\ndraft: true")
    problems = check_course(root)
    assert problems and {p.level for p in problems} == {"warning"}


def test_check_files_keeps_only_the_named_files(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "sort-one.yml", "    category: begging\n", "    category: beging\n")
    edit(root / "exercises" / "quiz-one.yml", "pass_mark: 50", "pass_mark: 150")
    problems, files = check_files(root, [root / "exercises" / "sort-one.yml"])
    assert files == 1 and "unknown-category" in codes(problems)
    assert {p.path for p in problems} == {"exercises/sort-one.yml"}


def test_a_file_outside_the_course_is_checked_on_its_own(tmp_path):
    root = make_course(tmp_path)
    outside = tmp_path / "elsewhere" / "sort-one.yml"
    outside.parent.mkdir()
    outside.write_text((root / "exercises" / "sort-one.yml").read_text().replace("begging\n    feedback",
                                                                                 "beg\n    feedback"))
    problems, files = check_files(root, [outside])
    assert "unknown-category" in codes(problems) and files == 1


def test_a_mismatched_id_whose_file_name_is_free_suggests_renaming(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "quiz-one.yml", "id: quiz-one", "id: quiz-two")
    found = next(p for p in check_course(root) if p.code == "id-file-mismatch")
    assert found.hint == 'Rename the file to "quiz-two.yml", or change the id to "quiz-one".'


def test_a_copied_exercise_is_told_to_change_its_id_not_its_file_name(tmp_path):
    root = make_course(tmp_path)
    exercises = root / "exercises"
    # The copy's name sorts before the original, so "first file found" would blame the original.
    (exercises / "a-copy.yml").write_text((exercises / "quiz-one.yml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    problems = check_course(root)
    mismatch = next(p for p in problems if p.code == "id-file-mismatch")
    duplicate = next(p for p in problems if p.code == "duplicate-id")
    assert (mismatch.path, duplicate.path) == ("exercises/a-copy.yml", "exercises/a-copy.yml")
    assert mismatch.hint == ('Change the line "id: quiz-one" to "id: a-copy", the same as the file name. '
                             "Do not rename the file: there is already a file called quiz-one.yml.")
    assert "Rename the file" not in mismatch.hint
    assert duplicate.message == 'The id "quiz-one" is also used in exercises/quiz-one.yml.'
    assert duplicate.hint == 'Change the line "id: quiz-one" to "id: a-copy", the same as the file name.'
    assert not [p for p in problems if p.path == "exercises/quiz-one.yml"]


def test_a_copy_whose_own_name_is_taken_is_told_to_choose_a_new_id(tmp_path):
    root = make_course(tmp_path)
    exercises = root / "exercises"
    # sort-one.yml becomes a copy of quiz-one, and a third file already uses the id "sort-one".
    (exercises / "sort-one.yml").write_text((exercises / "quiz-one.yml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    edit(exercises / "tracker-one.yml", "id: tracker-one", "id: sort-one")
    duplicate = next(p for p in check_course(root) if p.code == "duplicate-id")
    assert duplicate.path == "exercises/sort-one.yml"
    assert duplicate.hint == ('If this file is a copy, give it a new id: change the "id" line, '
                              "and rename the file to match.")


def test_check_files_gives_the_same_hint_for_a_copy(tmp_path):
    root = make_course(tmp_path)
    exercises = root / "exercises"
    (exercises / "a-copy.yml").write_text((exercises / "quiz-one.yml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    outside = tmp_path / "elsewhere" / "quiz-one.yml"
    outside.parent.mkdir()
    outside.write_text((exercises / "quiz-one.yml").read_text(encoding="utf-8").replace(
        "id: quiz-one", "id: quiz-two"), encoding="utf-8")
    inside, _ = check_files(root, [exercises / "a-copy.yml"])
    alone, _ = check_files(root, [outside])
    assert "Do not rename the file" in next(p for p in inside if p.code == "id-file-mismatch").hint
    assert next(p for p in alone if p.code == "id-file-mismatch").hint.startswith("Rename the file")


ONE_MISTAKE_ONE_MESSAGE = [
    # (file, old text, new text, the problem expected, a follow-on problem that must not come)
    ("quiz-one", "    options:\n      - text: Myth\n        correct: true\n"
                 "        feedback: Right. It is sharing and helping.\n      - text: Fact\n"
                 "        feedback: Not quite.\n", "    options: 5\n", "wrong-type", "empty-list"),
    ("quiz-one", "    options:\n      - text: Myth\n        correct: true\n"
                 "        feedback: Right. It is sharing and helping.\n      - text: Fact\n"
                 "        feedback: Not quite.\n", "    options:\n", "empty-value", "empty-list"),
    ("quiz-one", "        feedback: Not quite.\n", "        feedback:\n", "empty-value",
                 "missing-feedback"),
    ("quiz-one", "facilitator:\n  timing: 5 minutes.\n  group: Read each sentence aloud.\n  prompts:\n"
                 "    - Which answer surprised you?\n", "facilitator: yes\n", "not-a-mapping",
                 "missing-field"),
    ("quiz-one", "  - name: all wrong\n    expect: fail\n    answer: {1: b, 2: [b]}\n",
                 "  - name: all wrong\n    expect: fail\n    answer: {1: b, 2: [b]}\n  - just text\n",
                 "not-a-mapping", "example-mismatch"),
    ("quiz-one", "  - name: all wrong\n    expect: fail\n", "  - name: all wrong\n", "missing-field",
                 "example-mismatch"),
]


@pytest.mark.parametrize("name, old, new, code, follow_on", ONE_MISTAKE_ONE_MESSAGE,
                         ids=[f"{m[0]}-{m[3]}-{i}" for i, m in enumerate(ONE_MISTAKE_ONE_MESSAGE)])
def test_one_mistake_is_not_reported_again_as_another(tmp_path, name, old, new, code, follow_on):
    root = make_course(tmp_path)
    edit(root / "exercises" / f"{name}.yml", old, new)
    found = codes(p for p in check_course(root) if p.path == f"exercises/{name}.yml")
    assert found.count(code) == 1 and follow_on not in found, found


def test_an_empty_option_list_and_a_missing_facilitator_field_are_still_reported(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "quiz-one.yml", "  group: Read each sentence aloud.\n", "")
    edit(root / "exercises" / "quiz-one.yml", "    options:\n      - text: Myth\n        correct: true\n"
         "        feedback: Right. It is sharing and helping.\n      - text: Fact\n"
         "        feedback: Not quite.\n", "    options: []\n")
    found = [p for p in check_course(root) if p.path == "exercises/quiz-one.yml"]
    assert {"missing-field", "empty-list"} <= set(codes(found)), found


def test_an_exercise_file_ending_in_yaml_is_named_and_told_to_end_in_yml(tmp_path):
    root = make_course(tmp_path)
    assert "wrong-extension" not in codes(check_course(root))
    (root / "exercises" / "checklist-one.yml").rename(root / "exercises" / "checklist-one.yaml")
    found = next(p for p in check_course(root) if p.code == "wrong-extension")
    assert found.path == "exercises/checklist-one.yaml" and found.level == "error"
    assert found.hint == "Rename it to checklist-one.yml."


def test_the_largest_allowed_sizes_pass(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "tracker-one.yml", "rows: 5", "rows: 60")
    edit(root / "exercises" / "reflection-one.yml", "    lines: 3", "    lines: 30")
    edit(root / "exercises" / "checklist-one.yml", "minutes: 5", "minutes: 180")
    assert "out-of-range" not in codes(check_course(root))


def test_an_id_that_is_not_the_file_name_is_named_at_its_own_line(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "quiz-one.yml", "id: quiz-one\ntitle: Myth or fact?\n",
         "title: Myth or fact?\nid: quiz-two\n")
    found = [(p.path, p.line) for p in check_course(root) if p.code == "id-file-mismatch"]
    assert found == [("exercises/quiz-one.yml", 2)]


def test_a_copy_of_an_exercise_whose_file_ends_in_yaml_is_not_told_to_take_its_name(tmp_path):
    root = make_course(tmp_path)
    exercises = root / "exercises"
    (exercises / "quiz-one.yml").rename(exercises / "quiz-one.yaml")
    (exercises / "a-copy.yml").write_text((exercises / "quiz-one.yaml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    mismatch = next(p for p in check_course(root) if p.code == "id-file-mismatch")
    assert mismatch.path == "exercises/a-copy.yml"
    assert "Do not rename the file" in mismatch.hint


def test_check_files_reads_every_exercise_and_page_in_the_folders_named(tmp_path):
    root = make_course(tmp_path)
    exercises = root / "exercises"
    (exercises / "checklist-one.yml").rename(exercises / "checklist-one.yaml")
    (exercises / "notes.txt").write_text("Not an exercise.\n", encoding="utf-8")
    edit(exercises / "sort-one.yml", "    category: begging\n", "    category: beging\n")
    edit(root / "docs" / "lessons" / "01-start.md", "![Two people talking]", "![]")
    problems, files = check_files(root, [exercises, root / "docs"])
    # 8 exercise files (one ending in .yaml) and 2 pages; not the notes or the picture
    assert files == 10
    found = {(p.path, p.code) for p in problems}
    assert ("exercises/sort-one.yml", "unknown-category") in found
    assert ("docs/lessons/01-start.md", "image-alt") in found
    assert not {path for path, _ in found} - {"exercises/sort-one.yml", "exercises/checklist-one.yaml",
                                               "docs/lessons/01-start.md"}


def test_check_files_reports_an_exercise_file_ending_in_yaml_as_the_whole_course_does(tmp_path):
    root = make_course(tmp_path)
    exercises = root / "exercises"
    problems, _ = check_files(root, [exercises / "checklist-one.yml"])
    assert problems == []
    (exercises / "checklist-one.yml").rename(exercises / "checklist-one.yaml")
    problems, files = check_files(root, [exercises / "checklist-one.yaml"])
    whole = [p for p in check_course(root) if p.path == "exercises/checklist-one.yaml"]
    assert files == 1 and codes(problems) == ["wrong-extension"] and problems == whole


def _draft_exercise(root, **changes):
    """quiz-one as a new exercise file drafts/quiz-two.yml inside the project, but not in the course."""
    text = (root / "exercises" / "quiz-one.yml").read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    path = root / "drafts" / "quiz-two.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_exercise_not_in_the_course_gets_every_check_one_file_can_have(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "sort-one.yml", "    category: begging\n", "    category: beging\n")
    draft = _draft_exercise(root, **{"id: quiz-one": "id: quiz-three",
                                     "lesson: lessons/01-start.md": "lesson: lessons/02-gone.md",
                                     "minutes: 5\n": "minutes: 5\ncolour: blue\n",
                                     "        feedback: Not quite.\n": ""})
    problems, files = check_files(root, [root / "exercises" / "sort-one.yml", draft])
    assert files == 2
    assert "unknown-category" in codes(p for p in problems if p.path == "exercises/sort-one.yml")
    found = [(p.line, p.col, p.level, p.code) for p in problems if p.path == "drafts/quiz-two.yml"]
    assert sorted(found) == [(1, 0, "error", "id-file-mismatch"), (3, 0, "error", "unknown-lesson"),
                             (6, 1, "error", "unknown-key"), (16, 0, "error", "missing-feedback")]
    gone = next(p for p in problems if p.code == "unknown-lesson")
    assert gone.message == 'The lesson "lessons/02-gone.md" does not exist.'
    assert gone.hint.startswith("This lesson was probably removed or renamed.")


def test_a_draft_exercise_not_in_the_course_gets_warnings_and_the_others_keep_their_errors(tmp_path):
    root = make_course(tmp_path)
    edit(root / "exercises" / "sort-one.yml", "    category: begging\n", "    category: beging\n")
    draft = _draft_exercise(root, **{"minutes: 5\n": "minutes: 5\ndraft: true\n",
                                     "        feedback: Not quite.\n": ""})
    problems, _ = check_files(root, [root / "exercises" / "sort-one.yml", draft])
    levels = {(p.path, p.code): p.level for p in problems}
    assert levels[("drafts/quiz-two.yml", "missing-feedback")] == "warning"
    assert levels[("drafts/quiz-two.yml", "id-file-mismatch")] == "warning"
    assert levels[("exercises/sort-one.yml", "unknown-category")] == "error"


def test_an_exercise_not_in_the_course_without_an_id_or_a_lesson_is_told_once_each(tmp_path):
    root = make_course(tmp_path)
    draft = _draft_exercise(root, **{"id: quiz-one\n": "", "lesson: lessons/01-start.md\n": ""})
    problems, _ = check_files(root, [draft])
    assert [(p.code, p.message) for p in problems] == [("missing-field", '"id" is missing.'),
                                                       ("missing-field", '"lesson" is missing.')]


def test_a_check_that_fails_on_an_exercise_not_in_the_course_names_that_file(tmp_path, monkeypatch):
    import course.checks

    def broken_check(exercise, root=None):
        raise ValueError("a bug in a check")

    root = make_course(tmp_path)
    draft = _draft_exercise(root)
    monkeypatch.setattr(course.checks, "check_exercise", broken_check)
    problems, _ = check_files(root, [draft])
    assert [(p.path, p.code) for p in problems] == [("drafts/quiz-two.yml", "internal-error"),
                                                    ("drafts/quiz-two.yml", "id-file-mismatch")]
    assert "ValueError: a bug in a check" in problems[0].message


QUIZ_OPTIONS = ("    options:\n      - text: Myth\n        correct: true\n"
                "        feedback: Right. It is sharing and helping.\n      - text: Fact\n        feedback: Not quite.\n")


def _options(count):
    """A list of `count` options, the first one right."""
    return "    options:\n" + "".join(f"      - text: Option {i}\n" + ("        correct: true\n" if i == 0 else "")
                                    + "        feedback: Why.\n" for i in range(count))


WHOLE_MESSAGES = [
    # (file, [(old, new)], [(line, col, code, message, hint)] for that file)
    ("quiz-one", [("      - text: Fact\n", "      - text: Fact\n        correct: true\n")], [
        (12, 7, "correct-count", 'Question 1 is a true-or-false question, so exactly one option must be right, '
         'but 2 are marked "correct: true".', 'Mark exactly one option with "correct: true", or use "type: multiple".')]),
    ("quiz-one", [("        correct: true\n        feedback: Right.", "        feedback: Right.")], [
        (12, 7, "correct-count", 'Question 1 is a true-or-false question, so exactly one option must be right, '
         'but none are marked "correct: true".', 'Mark exactly one option with "correct: true", or use "type: multiple".')]),
    ("quiz-one", [("    type: truefalse\n", "    type: single\n"),
                  ("      - text: Fact\n", "      - text: Fact\n        correct: true\n")], [
        (12, 7, "correct-count", 'Question 1 is a single-answer question, so exactly one option must be right, '
         'but 2 are marked "correct: true".', 'Mark exactly one option with "correct: true", or use "type: multiple".')]),
    ("quiz-one", [("        feedback: Not quite.\n",
                   "        feedback: Not quite.\n      - text: Maybe\n        feedback: No.\n")], [
        (12, 7, "truefalse-options", "Question 1 is a true-or-false question, so it needs exactly two options, "
         "but it has 3.", 'Give it two options, such as "Myth" and "Fact", or use "type: single".')]),
    ("quiz-one", [("      - text: Telling a neighbour about an event\n        correct: true\n",
                   "      - text: Telling a neighbour about an event\n"),
                  ("      - text: Thanking a co-worker\n        correct: true\n", "      - text: Thanking a co-worker\n")], [
        (20, 7, "no-correct-option", "Question 2 has no right option.", 'Mark at least one option with "correct: true".')]),
    ("quiz-one", [("      - text: Sending spam\n        feedback: No.\n", "      - text: Sending spam\n        feedback: \"\"\n")], [
        (23, 0, "missing-feedback", 'Option b ("Sending spam") of question 2 has no feedback.',
         'Add "feedback:" with a sentence that says why this answer is right or wrong.')]),
    ("quiz-one", [(QUIZ_OPTIONS, _options(27)), ("    type: truefalse\n", "    type: single\n")], [
        (12, 7, "out-of-range", '"options" is 27, but it must be at most 26 options.', "Change the number.")]),
    ("quiz-one", [(QUIZ_OPTIONS, _options(26)), ("    type: truefalse\n", "    type: single\n")], []),
    ("quiz-one", [(QUIZ_OPTIONS, "    options: []\n"),  # and the next question is still checked
                  ("      - text: Sending spam\n        feedback: No.\n", "      - text: Sending spam\n        feedback: \"\"\n")], [
        (9, 0, "empty-list", '"options" has no entries.', "Add at least one entry, each starting with a dash and a space."),
        (18, 0, "missing-feedback", 'Option b ("Sending spam") of question 2 has no feedback.',
         'Add "feedback:" with a sentence that says why this answer is right or wrong.')]),
    ("sort-one", [("    category: begging\n", "    category: beging\n")], [
        (14, 15, "unknown-category", 'Item 1 is in the category "beging", which does not exist.',
         'Did you mean "begging"? Use the id of one of the categories: begging, networking.')]),
    ("sort-one", [("  - id: networking\n    label: Networking\n",
                   "  - id: networking\n    label: Networking\n  - id: networking\n    label: Again\n")], [
        (12, 9, "duplicate-item-id", 'Two categories have the id "networking" (the first is on line 10).',
         "Give each one its own id.")]),
]


@pytest.mark.parametrize("name, edits, expected", WHOLE_MESSAGES,
                         ids=[f"{m[0]}-{m[2][0][2] if m[2] else 'fine'}-{i}" for i, m in enumerate(WHOLE_MESSAGES)])
def test_each_quiz_and_sort_mistake_gets_its_whole_message(tmp_path, name, edits, expected):
    root = make_course(tmp_path)
    for old, new in edits:
        edit(root / "exercises" / f"{name}.yml", old, new)
    found = [(p.line, p.col, p.code, p.message, p.hint) for p in check_course(root)
             if p.path == f"exercises/{name}.yml" and p.code not in ("example-mismatch", "example-answer")]
    assert found == expected
