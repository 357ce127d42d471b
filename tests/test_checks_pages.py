"""page_checks.py: lesson front matter, embedded exercises, links, anchors and images."""

from __future__ import annotations

import pytest

from checker_support import codes, edit, make_course
from course.checks import check_course
from course.lessons import heading_id
from course.report import root_causes_first

LESSON = "docs/lessons/01-start.md"

BREAKS = [
    ("minutes: 65\n", "", "missing-field", 1),
    ("minutes: 65\n", "minutes: half an hour\n", "wrong-type", 5),
    ("minutes: 65\n", "minutes: 0\n", "out-of-range", 5),
    ("minutes: 65\n", "minutes: -5\n", "out-of-range", 5),
    ("minutes: 65\n", "minutes: 600\n", "out-of-range", 5),
    ("objectives:\n  - Say what networking is.\n", "objectives: Say what networking is.\n", "wrong-type", 6),
    ("/// exercise | quiz-one\n", "/// exercise | quiz-onee\n", "unknown-exercise", 24),
    ("(../sources.md#flynn-lake-2008)", "(../source.md)", "broken-link", 15),
    ("(../sources.md#flynn-lake-2008)", "(../sources.md#flynn-2008)", "broken-anchor", 15),
    ("(#core-ideas)", "(#core-idea)", "broken-anchor", 15),
    ("![Two people talking]", "![]", "image-alt", 17),
    ("pic.svg)", "picture.svg)", "image-missing", 17),
    ("/// exercise | sort-one\n///\n", "/// exercise | sort-one\nSome text.\n", "exercise-block", 27),
]


@pytest.mark.parametrize("old, new, code, line", BREAKS, ids=[b[2] + str(i) for i, b in enumerate(BREAKS)])
def test_each_page_rule_catches_its_mistake(tmp_path, old, new, code, line):
    root = make_course(tmp_path)
    edit(root / LESSON, old, new)
    problems = check_course(root)
    found = [p for p in problems if p.code == code]
    assert found, problems
    assert found[0].path == LESSON and found[0].line == line


def test_missing_front_matter(tmp_path):
    root = make_course(tmp_path)
    text = (root / LESSON).read_text()
    (root / LESSON).write_text(text.split("---\n", 2)[2])
    found = [(p.path, p.line, p.col) for p in check_course(root) if p.code == "front-matter-missing"]
    assert found == [(LESSON, 1, 1)]


def test_an_exercise_used_nowhere_is_reported(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "/// exercise | checklist-one\n///\n", "")
    found = [p for p in check_course(root) if p.code == "unused-exercise"]
    assert [p.path for p in found] == ["exercises/checklist-one.yml"]


def test_an_exercise_on_the_wrong_page(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "/// exercise | quiz-one\n///\n", "")
    assert "wrong-lesson" not in codes(check_course(root))
    edit(root / "docs/sources.md", "A study of students.", "A study.\n\n/// exercise | quiz-one\n///\n")
    assert [p.path for p in check_course(root) if p.code == "wrong-lesson"] == ["docs/sources.md"]


def test_an_exercise_also_on_its_own_lesson_is_one_problem_at_the_other_place(tmp_path):
    # The copy away from the exercise's own lesson is the mistake, even when that page comes
    # first; "placed twice" says so, and "wrong lesson" does not repeat it.
    root = make_course(tmp_path)
    (root / "docs/lessons/00-before.md").write_text(
        (root / LESSON).read_text().split("## ", 1)[0] + "Some words.\n\n/// exercise | quiz-one\n///\n")
    found = [(p.code, p.path) for p in check_course(root) if p.code in ("exercise-twice", "wrong-lesson")]
    assert found == [("exercise-twice", "docs/lessons/00-before.md")]


def test_a_lesson_seeming_too_long_because_of_a_copy_is_marked_as_caused_by_it(tmp_path):
    root = make_course(tmp_path)
    (root / "docs/lessons/00-before.md").write_text(
        (root / LESSON).read_text().split("## ", 1)[0].replace("minutes: 65", "minutes: 3")
        + "Some words.\n\n/// exercise | dialogue-one\n///\n")
    ordered = [(p.code, knock_on) for p, knock_on in root_causes_first(check_course(root))
               if p.path == "docs/lessons/00-before.md"]
    assert ordered[-2:] == [("exercise-twice", False), ("lesson-time", True)]
    # A lesson too short with no copy on it is its own problem.
    edit(root / "docs/lessons/00-before.md", "/// exercise | dialogue-one\n///\n", "")
    edit(root / LESSON, "minutes: 65", "minutes: 3")
    [time] = [p for p in check_course(root) if p.code == "lesson-time"]
    assert time.path == LESSON and time.cause == ""


def test_an_exercise_placed_twice_is_an_error_at_the_second_place(tmp_path):
    root = make_course(tmp_path)
    assert "exercise-twice" not in codes(check_course(root))          # once each: fine
    edit(root / LESSON, "/// exercise | sort-one\n///\n", "/// exercise | sort-one\n///\n\n/// exercise | quiz-one\n///\n")
    [twice] = [p for p in check_course(root) if p.code == "exercise-twice"]
    assert (twice.path, twice.line, twice.level) == ("docs/lessons/01-start.md", 30, "error")
    assert twice.message == ('The exercise "quiz-one" is placed here a second time: it is already on '
                             'this page, line 24.')


def test_an_exercise_placed_on_two_pages_names_the_first(tmp_path):
    root = make_course(tmp_path)
    edit(root / "docs/sources.md", "A study of students.", "A study.\n\n/// exercise | quiz-one\n///\n")
    [twice] = [p for p in check_course(root) if p.code == "exercise-twice"]
    assert twice.path == "docs/sources.md"
    assert "already on lessons/01-start.md, line 24." in twice.message


def test_fenced_code_is_not_checked(tmp_path):
    root = make_course(tmp_path)  # the lesson holds a fenced example with a bad link and exercise
    assert check_course(root) == []


def test_a_draft_lesson_reports_warnings(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "minutes: 65\n", "draft: true\n")
    problems = check_course(root)
    assert problems and all(p.level == "warning" for p in problems)


@pytest.mark.parametrize("heading, anchor", [
    ("5. Your elevator speech", "5-your-elevator-speech"),
    ("Café & “quotes”", "cafe-quotes"),
    ("Flynn and Lake (2008) { #flynn-lake-2008 }", "flynn-lake-2008"),
    ("A [linked](x.md) `code` **bold** heading", "a-linked-code-bold-heading"),
])
def test_heading_anchors_follow_the_toc_extension(heading, anchor):
    assert heading_id(heading) == anchor


@pytest.mark.parametrize("old, new", [
    ("title: Myth or fact?\n", "title: Myth or fact?\n\tminutes: 5\n"),  # a tab: not readable
    ("id: quiz-one\n", "id: quiz-on\n"),  # readable, but the id line names another exercise
])
def test_an_exercise_file_with_a_mistake_is_not_called_missing(tmp_path, old, new):
    root = make_course(tmp_path)
    edit(root / "exercises" / "quiz-one.yml", old, new)
    problems = check_course(root)
    on_page = [p for p in problems if p.path == LESSON]
    assert codes(on_page) == ["broken-exercise"], problems
    assert on_page[0].line == 24 and on_page[0].level == "error"
    assert on_page[0].message == 'This page uses the exercise "quiz-one", but exercises/quiz-one.yml has a mistake.'
    assert on_page[0].hint == "Fix the messages about exercises/quiz-one.yml first. Then this message goes away."
    assert any(p.path == "exercises/quiz-one.yml" and p.level == "error" for p in problems)


def test_an_exercise_without_a_file_is_still_unknown(tmp_path):
    root = make_course(tmp_path)
    (root / "exercises" / "quiz-one.yml").unlink()
    found = [p for p in check_course(root) if p.path == LESSON]
    assert codes(found) == ["unknown-exercise"]
    assert "does not exist" in found[0].message and "add the file exercises/quiz-one.yml" in found[0].hint


def test_a_date_that_does_not_exist_in_the_front_matter_is_a_problem_not_a_crash(tmp_path):
    from course.lesson_page import front_matter
    from course.print_settings import course_info

    root = make_course(tmp_path)
    edit(root / LESSON, "minutes: 65\n", "minutes: 65\nupdated: 2024-13-45\n")
    found = [p for p in check_course(root) if p.code == "yaml-syntax"]
    assert [(p.path, p.line, p.col) for p in found] == [(LESSON, 6, 10)]
    assert "put it in quotes" in found[0].message
    assert front_matter((root / LESSON).read_text()) == {}
    assert course_info(root).lesson_titles["lessons/01-start.md"] == ""


def test_a_real_date_in_the_front_matter_is_fine(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "minutes: 65\n", "minutes: 65\nupdated: 2024-12-31\n")
    assert check_course(root) == []


@pytest.mark.parametrize("front, code", [
    ("- title\n- minutes\n", "not-a-mapping"), ("just a sentence\n", "not-a-mapping"),
    ("title: [unclosed\n", "yaml-syntax")])
def test_front_matter_that_cannot_be_read_is_one_problem(tmp_path, front, code):
    root = make_course(tmp_path)
    text = (root / LESSON).read_text()
    (root / LESSON).write_text("---\n" + front + "---\n" + text.split("---\n", 2)[2])
    assert [p.code for p in check_course(root) if p.path == LESSON] == [code]


def test_a_lesson_of_one_minute_is_fine(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "minutes: 65\n", "minutes: 1\n")
    # 1 is in range; the only warning is that 1 minute is too short for this lesson's exercises
    assert [p.code for p in check_course(root)] == ["lesson-time"]


def test_pages_not_in_the_course_are_checked_as_if_they_were_in_docs(tmp_path):
    from course.checks import check_files

    root = make_course(tmp_path)
    drafts = root / "drafts"
    (drafts / "lessons").mkdir(parents=True)
    lesson = drafts / "lessons" / "02-next.md"
    # No key_points, a date that does not exist, a link that goes nowhere on sources.md, an
    # image with no description and no file, and an exercise that does not exist. The link to
    # 01-start.md is right for a page in lessons/.
    lesson.write_text(
        "---\ntitle: \"2. Next\"\ndescription: The next step.\npromise: \"You will take it.\"\n"
        "minutes: 30\nupdated: 2024-13-45\nobjectives:\n  - Take the next step.\n---\n\n# 2. Next\n\n"
        "Back to [the start](01-start.md#core-ideas), and the [sources](../sources.md#nowhere).\n\n"
        "![](../assets/images/gone.svg)\n\n/// exercise | quiz-two\n///\n", encoding="utf-8")
    # Outside a lessons/ folder a page is checked as if it were in docs/ itself.
    about = drafts / "about.md"
    about.write_text("---\ntitle: About\n---\n\n# About\n\nSee the [sources](sources.md).\n", encoding="utf-8")
    problems, files = check_files(root, [lesson, about])
    assert files == 2
    found = sorted((p.path, p.line, p.code) for p in problems if p.path == "drafts/lessons/02-next.md")
    assert found == [("drafts/lessons/02-next.md", 1, "missing-field"),
                     ("drafts/lessons/02-next.md", 6, "yaml-syntax"),
                     ("drafts/lessons/02-next.md", 13, "broken-anchor"),
                     ("drafts/lessons/02-next.md", 15, "image-alt"),
                     ("drafts/lessons/02-next.md", 15, "image-missing"),
                     ("drafts/lessons/02-next.md", 17, "unknown-exercise")]
    assert "broken-link" not in codes(problems)


LIST_HINT = "Put each entry on its own line, starting with two spaces, a dash and a space."
FRONT_MATTER_MESSAGES = [
    # (old text, new text, [(line, col, code, message, hint)] for the lesson's front matter)
    ("minutes: 65\n", "", [
        (1, 1, "missing-field", '"minutes" is missing from the front matter.',
         'Add a line "minutes: ...". The exercise file reference shows an example.')]),
    ('title: "1. Start here"\n', "", [
        (1, 1, "missing-field", '"title" is missing from the front matter.',
         'Add a line "title: ...". The exercise file reference shows an example.')]),
    ("minutes: 65\n", "minutes: half an hour\n", [
        (5, 10, "wrong-type", '"minutes" should be a whole number, but it is the text "half an hour".',
         "Write a whole number without quotes, for example 45.")]),
    ("minutes: 65\n", "minutes: 181\n", [
        (5, 10, "out-of-range", '"minutes" is 181, but it must be between 1 and 180.', "Change the number.")]),
    ("objectives:\n  - Say what networking is.\n", "objectives: Say what networking is.\n", [
        (6, 13, "wrong-type", '"objectives" should be a list, but it is the text "Say what networking is.".',
         LIST_HINT)]),
    ("objectives:\n  - Say what networking is.\n", "objectives:\n  - Say what networking is.\n  - \n", [
        (7, 3, "wrong-type", '"objectives" should be a list of sentences, but it is a list.', LIST_HINT)]),
    ("key_points:\n  - Keep it short.\n", "key_points:\n", [
        (8, 12, "wrong-type", '"key_points" should be a list, but it is empty.', LIST_HINT)]),
    ('promise: "By the end, you will know how to start."\n', 'promise: ""\n', [
        (4, 10, "wrong-type", '"promise" should be text, but it is the text "".',
         "Write the text after the colon and a space.")]),
    ('promise: "By the end, you will know how to start."\n', "promise:\n  - Start.\n", [
        (5, 3, "wrong-type", '"promise" should be text, but it is a list.',
         "Write the text after the colon and a space.")]),
]


@pytest.mark.parametrize("old, new, expected", FRONT_MATTER_MESSAGES,
                         ids=[f"{m[2][0][2]}-{i}" for i, m in enumerate(FRONT_MATTER_MESSAGES)])
def test_each_front_matter_mistake_gets_its_whole_message(tmp_path, old, new, expected):
    root = make_course(tmp_path)
    edit(root / LESSON, old, new)
    found = [(p.line, p.col, p.code, p.message, p.hint) for p in check_course(root)
             if p.path == LESSON and p.code != "lesson-time"]
    assert found == expected


def test_two_missing_front_matter_fields_are_both_named(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, 'title: "1. Start here"\n', "")
    edit(root / LESSON, "minutes: 65\n", "")
    found = [p.message for p in check_course(root) if p.code == "missing-field"]
    assert found == ['"title" is missing from the front matter.', '"minutes" is missing from the front matter.']


def test_a_lesson_of_the_longest_time_is_in_range(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "minutes: 65\n", "minutes: 180\n")
    assert "out-of-range" not in codes(check_course(root))


def test_links_and_images_get_their_whole_messages(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "## Core ideas\n", (
        "## Core ideas\n\n"
        '<img src="../assets/images/pic.svg">\n'
        '<img alt="A chart" src="../assets/images/chart.svg">\n'
        "[sources](../sources.md?v=2#flynn-lake-2008) [more](../sources.md?v=2#nowhere)\n"
        "[the handout](../handouts/missing.pdf) [printable](../printables/pdf/start.pdf)\n"
        "[web](https://example.org/x.md) [home](/about/) [all lessons](./) [next](02-gone.md)\n"
        "[start](01-strat.md) [here](#core-idea) [picture](../assets/images/pic.svg)\n"
        "![A web picture](https://example.org/p.png) ![An absolute picture](/assets/images/none.svg)\n"))
    found = [(p.line, p.col, p.code, p.message, p.hint) for p in check_course(root) if p.path == LESSON]
    check = 'Check the file name and the number of "../" at the start.'
    assert sorted(found) == [
        (21, 1, "image-alt", 'The image "../assets/images/pic.svg" has no description.',
         "Write what the picture shows between the square brackets: "
         "![A short description](../assets/images/pic.svg)."),
        (22, 1, "image-missing", 'The image "../assets/images/chart.svg" does not exist.',
         "Check the file name, or add the picture to docs/assets/images/."),
        (23, 46, "broken-anchor", 'The link "../sources.md?v=2#nowhere" goes to "#nowhere", which is not '
         "a heading on sources.md.", "Copy the link from the heading's link symbol on the site."),
        (24, 1, "broken-link", 'The link to "../handouts/missing.pdf" goes to a page that does not exist.',
         check),
        (25, 49, "broken-link", 'The link to "./" goes to a page that does not exist.', check),
        (25, 67, "broken-link", 'The link to "02-gone.md" goes to a page that does not exist.',
         "There is no lesson with this name: this lesson was probably removed or renamed. "
         "Link to the lesson that replaced it, or remove the link."),
        (26, 1, "broken-link", 'The link to "01-strat.md" goes to a page that does not exist.',
         'Did you mean "01-start.md"? ' + check),
        (26, 22, "broken-anchor", 'The link "#core-idea" goes to "#core-idea", which is not a heading '
         "on this page.", 'Did you mean "core-ideas"? Copy the link from the heading\'s link symbol on the site.'),
    ]


def test_a_link_to_a_folder_goes_to_its_index_page(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "## Core ideas\n", "## Core ideas\n\nSee [all lessons](./) and [the list](./#all).\n")
    (root / "docs" / "lessons" / "index.md").write_text("# Lessons\n\n## All\n", encoding="utf-8")
    assert [p for p in check_course(root) if p.path == LESSON] == []


def test_exercise_blocks_get_their_full_messages(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "/// exercise | checklist-one\n///\n", "/// exercise | checklist-one\nSome text.\n")
    edit(root / "exercises" / "sort-one.yml", "kind: sort", "\tkind: sort")  # sort-one cannot be read
    lesson = (root / LESSON).read_text(encoding="utf-8")
    (root / "docs" / "lessons" / "02-next.md").write_text(  # same front matter, no exercise block
        lesson.split("# 1. Start here")[0].replace("1. Start here", "2. Next") + "# 2. Next\n\nNext.\n",
        encoding="utf-8")
    edit(root / "exercises" / "reflection-one.yml", "lesson: lessons/01-start.md", "lesson: lessons/02-next.md")
    found = [(p.line, p.col, p.code, p.message, p.hint, p.cause) for p in check_course(root) if p.path == LESSON]
    assert found == [
        (27, 1, "broken-exercise", 'This page uses the exercise "sort-one", but exercises/sort-one.yml has a mistake.',
         "Fix the messages about exercises/sort-one.yml first. Then this message goes away.",
         "exercises/sort-one.yml"),
        (39, 1, "wrong-lesson", 'The exercise "reflection-one" is placed on this page, but its file says it '
         "belongs to lessons/02-next.md.", 'Change "lesson:" in exercises/reflection-one.yml, or move the exercise.', ""),
        (42, 1, "exercise-block", "This exercise block is not closed.",
         'Put a line with only "///" right after "/// exercise | checklist-one".', ""),
    ]


def test_a_broken_link_with_an_anchor_on_a_top_level_page_gets_a_suggestion(tmp_path):
    root = make_course(tmp_path)
    sources = root / "docs" / "sources.md"
    sources.write_text(sources.read_text(encoding="utf-8") + "\nSee [the start](lessons/01-strat.md#core-ideas).\n",
                       encoding="utf-8")
    found = [(p.line, p.col, p.code, p.hint) for p in check_course(root) if p.path == "docs/sources.md"]
    assert found == [(12, 5, "broken-link", 'Did you mean "lessons/01-start.md"? '
                                            'Check the file name and the number of "../" at the start.')]
