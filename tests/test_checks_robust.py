"""Everyday mistakes a counsellor makes, each checked from both sides: the message it gets, at
the right line, with the root cause first; and the correct text, which gets none."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from checker_support import codes, edit, make_course
from course.checks import check_course
from course.messages import CAUSED_BY_ABOVE, PUBLISHED_SITE
from course.report import markdown_summary, render_report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import check_exercises  # noqa: E402

LESSON = "docs/lessons/01-start.md"
QUIZ = "exercises/quiz-one.yml"
MENU = """site_name: Test
nav:
  - Home: sources.md
  - Lessons:
      - lessons/01-start.md
"""


@pytest.fixture
def course(tmp_path) -> Path:
    return make_course(tmp_path)


def errors(root: Path):
    return [p for p in check_course(root) if p.level == "error"]


def report(root: Path) -> str:
    problems = check_course(root)
    return render_report(problems, 1)


# --- 1. what stops the build is reported first ------------------------------------------------

def test_a_lesson_saved_as_windows_1252_gets_one_message_naming_the_letter(course):
    lesson = course / LESSON
    lesson.write_bytes(lesson.read_text(encoding="utf-8").replace("start small", "start petit café")
                       .encode("cp1252"))
    problems = check_course(course)
    assert codes(problems) == ["not-utf8"], report(course)
    assert problems[0].line == 14
    assert 'the character after "caf" (probably "é") cannot be read' in problems[0].message


def test_a_lesson_saved_as_utf8_with_the_same_letter_is_fine(course):
    edit(course / LESSON, "start small", "start petit café")
    assert check_course(course) == []


def test_the_menu_and_the_pages_agree(course):
    (course / "mkdocs.yml").write_text(MENU)
    assert check_course(course) == []


def test_a_menu_line_naming_a_missing_page_and_the_page_it_left_out(course):
    (course / "mkdocs.yml").write_text(MENU.replace("lessons/01-start.md", "lessons/01-strat.md"))
    problems = check_course(course)
    missing = next(p for p in problems if p.code == "nav-missing-page")
    assert (missing.path, missing.line) == ("mkdocs.yml", 5)
    assert missing.hint.startswith('Did you mean "lessons/01-start.md"?')
    left_out = next(p for p in problems if p.code == "lesson-not-in-menu")
    assert left_out.path == LESSON and left_out.cause == "mkdocs.yml"
    text = report(course)
    assert text.index("[nav-missing-page]") < text.index("[lesson-not-in-menu]")
    assert CAUSED_BY_ABOVE in text.split("[lesson-not-in-menu]")[1]


def test_a_lesson_added_by_copying_a_file_is_a_warning_since_it_joins_the_menu_itself(course):
    (course / "mkdocs.yml").write_text(MENU)
    copy = course / "docs/lessons/02-copy.md"
    copy.write_text((course / LESSON).read_text())
    assert not [p for p in errors(course) if "menu" in p.code]
    [problem] = [p for p in check_course(course) if p.code == "lesson-not-in-menu"]
    assert problem.path == "docs/lessons/02-copy.md" and problem.level == "warning"
    assert 'add the line "- lessons/02-copy.md" to mkdocs.yml under "Lessons" after line 5' in problem.hint
    assert "title and exercises" in problem.hint


def test_another_page_left_out_of_the_menu_is_an_error(course):
    (course / "mkdocs.yml").write_text(MENU)
    (course / "docs/extra-page.md").write_text("# An extra page\n\nSome text.\n")
    [problem] = [p for p in errors(course) if p.code == "not-in-menu"]
    assert problem.path == "docs/extra-page.md"
    assert 'Add the line "- extra-page.md" to mkdocs.yml' in problem.hint


def test_a_draft_may_stay_out_of_the_menu(course):
    (course / "mkdocs.yml").write_text(MENU)
    text = (course / LESSON).read_text().replace("---\n", "---\ndraft: true\n", 1)
    (course / "docs/lessons/02-draft.md").write_text(text)
    assert "not-in-menu" not in codes(check_course(course))


# --- 2. root cause first ----------------------------------------------------------------------

def test_a_tab_in_an_exercise_comes_before_the_lessons_knock_on(course):
    edit(course / QUIZ, "    type: truefalse\n", "\ttype: truefalse\n")
    text = report(course)
    assert text.index("[yaml-tab]") < text.index("[broken-exercise]")
    after = text.split("[broken-exercise]")[1].splitlines()
    assert after[1].strip() == CAUSED_BY_ABOVE


def test_a_knock_on_whose_cause_is_not_listed_is_not_marked(course):
    edit(course / QUIZ, "    type: truefalse\n", "\ttype: truefalse\n")
    code = check_exercises.main(["--root", str(course), str(course / LESSON)])
    assert code == 1  # only the lesson: its message stands alone, with nothing "above"


def test_a_misspelled_exercise_block_comes_before_the_exercise_left_unused(course, capsys):
    edit(course / LESSON, "/// exercise | quiz-one", "/// exercise | quiz-onee")
    check_exercises.main(["--root", str(course)])
    out = capsys.readouterr().out
    assert out.index("[unknown-exercise]") < out.index("[unused-exercise]")
    assert CAUSED_BY_ABOVE in out.split("[unused-exercise]")[1]


# --- 3. new checks ----------------------------------------------------------------------------

def test_template_text_in_an_exercise_is_an_error_and_a_warning_in_a_draft(course):
    edit(course / QUIZ, "title: Myth or fact?", "title: A short quiz")
    [problem] = [p for p in check_course(course) if p.code == "template-text"]
    assert (problem.path, problem.line, problem.level) == (QUIZ, 2, "error")
    assert problem.message == '"A short quiz" is example text from the template for a new quiz exercise.'
    edit(course / QUIZ, "kind: quiz", "kind: quiz\ndraft: true")
    [problem] = [p for p in check_course(course) if p.code == "template-text"]
    assert problem.level == "warning"


def test_template_text_in_a_lesson_is_an_error(course):
    edit(course / LESSON, "description: A short lesson for the checker's tests.",
         'description: "One sentence that says what this lesson is about, for search results."')
    [problem] = [p for p in check_course(course) if p.code == "template-text"]
    assert (problem.path, problem.line) == (LESSON, 3)


def test_the_start_of_a_template_sentence_left_in_a_lesson_is_found(course):
    # A counsellor kept the first part of the template's sentence and cut the rest.
    edit(course / LESSON, "description: A short lesson for the checker's tests.",
         "description: One sentence that says what this lesson is about.")
    [problem] = [p for p in check_course(course) if p.code == "template-text"]
    assert (problem.path, problem.line) == (LESSON, 3)
    # A lesson's own words that start like a template sentence are fine ("By the end, you will").
    edit(course / LESSON, "description: One sentence that says what this lesson is about.",
         "description: By the end, you will know where to start.")
    assert "template-text" not in codes(check_course(course))


def test_curly_quotes_that_break_a_line_say_so(course):
    edit(course / QUIZ, "title: Myth or fact?", "title: “Myths: or facts?”")
    [problem] = check_course(course)[:1]
    assert (problem.code, problem.line) == ("curly-quotes", 2)
    assert problem.hint == 'Replace “ ” with straight quotes ("), or remove them.'


def test_curly_quotes_that_would_show_are_a_warning_and_straight_ones_are_fine(course):
    edit(course / QUIZ, "title: Myth or fact?", "title: “Myth or fact?”")
    [problem] = check_course(course)
    assert (problem.code, problem.level, problem.line) == ("curly-quotes-shown", "warning", 2)
    edit(course / QUIZ, "title: “Myth or fact?”", 'title: "Myth or fact?"')
    assert check_course(course) == []


def test_one_very_long_sentence_gets_a_warning_beside_the_average(course):
    long = " ".join(["word"] * 40) + "."
    edit(course / LESSON, "Talk to one person this week.", "Talk to one person this week.\n" + long)
    [problem] = [p for p in check_course(course) if p.code == "long-sentence"]
    assert (problem.line, problem.level) == (15, "warning")
    assert problem.message.startswith("This sentence has 40 words, more than 35 (the lesson's sentences have ")


def test_a_sentence_of_35_words_is_fine(course):
    edit(course / LESSON, "Talk to one person this week.", " ".join(["word"] * 35) + ".")
    assert "long-sentence" not in codes(check_course(course))


# --- 4. better hints --------------------------------------------------------------------------

def test_a_missing_colon_points_at_its_own_line(course):
    edit(course / QUIZ, "minutes: 5", "minutes 5")
    [problem] = [p for p in check_course(course) if p.path == QUIZ]
    assert (problem.code, problem.line) == ("yaml-missing-colon", 5)
    assert problem.message == "Line 5 may be missing a colon after the field name."
    assert '"minutes: 5"' in problem.hint


@pytest.mark.parametrize("old, new, hint", [
    ("    type: truefalse\n", "\ttype: truefalse\n",
     'Use spaces, not tabs: line it up with "prompt:" above, 4 spaces from the left.'),
    ("        correct: true\n", "\tcorrect: true\n",
     'Use spaces, not tabs: line it up with "text:" above, 8 spaces from the left.'),
    ("  - prompt: Networking means", "\t- prompt: Networking means",
     'Use spaces, not tabs: 2 spaces from the left, two more than "questions:" above.'),
])
def test_a_tab_names_the_spaces_to_use(course, old, new, hint):
    edit(course / QUIZ, old, new)
    [problem] = [p for p in check_course(course) if p.path == QUIZ]
    assert problem.code == "yaml-tab" and problem.hint == hint


def test_a_link_to_a_removed_lesson_says_so(course):
    edit(course / LESSON, "You can start small.", "See [lesson 9](09-old-lesson.md).")
    [problem] = errors(course)
    assert problem.code == "broken-link"
    assert "this lesson was probably removed or renamed" in problem.hint
    assert "../" not in problem.hint


def test_a_typo_in_a_lesson_link_still_suggests_the_name(course):
    edit(course / LESSON, "You can start small.", "See [lesson 1](01-strat.md).")
    [problem] = errors(course)
    assert problem.hint.startswith('Did you mean "01-start.md"?') and "removed" not in problem.hint


@pytest.mark.parametrize("data, code", [
    (b"PK\x03\x04 a docx is a zip file", "text-not-plain"),
    (b"\xd0\xcf\x11\xe0 an old .doc", "text-not-plain"),
    ("Je m'appelle Zoé.".encode("cp1252"), "text-not-utf8"),
])
def test_text_check_explains_how_to_save_as_plain_text(capsys, course, tmp_path, data, code):
    path = tmp_path / "pitch.docx"
    path.write_bytes(data)
    assert check_exercises.main(["--root", str(course), "--exercise", "pitch-one", "--text", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"[{code}]" in err and "UTF-8" in err and "Traceback" not in err


def test_text_check_reads_plain_text(capsys, course, tmp_path):
    path = tmp_path / "pitch.txt"
    path.write_text("Hi, I am Zoé. I help teams. Could we talk?", encoding="utf-8")
    assert check_exercises.main(["--root", str(course), "--exercise", "pitch-one", "--text", str(path)]) == 0


def test_the_image_alt_rule_is_an_error_in_the_checker_and_the_guide():
    from course.messages import MESSAGES
    assert MESSAGES["image-alt"].level == "error"
    guide = (ROOT / "docs/editing/markdown.md").read_text()
    assert "checker reports an error if a picture has no description" in guide
    assert "warns you if a picture has no description" not in guide


# --- 7. pull requests: links to the published guide, every problem in the summary ----------------

def test_the_github_summary_lists_every_problem_with_published_links(course, tmp_path, capsys):
    for n in range(12):
        edit(course / LESSON, "You can start small.", f"You can start small. [x](gone-{n}.md)")
    summary_file = tmp_path / "summary.md"
    code = check_exercises.main(["--root", str(course), "--format", "github", "--summary", str(summary_file)])
    out = capsys.readouterr().out
    text = summary_file.read_text()
    assert code == 1 and text.count("| `docs/lessons/01-start.md:") == 12
    assert f"{PUBLISHED_SITE}editing/checker.html#broken-link" in text
    assert "docs/editing/checker.md" not in out + text


def test_the_summary_of_a_clean_course_says_so(course):
    assert "Every lesson and exercise passed the check." in markdown_summary([], 9)


def test_a_lesson_deleted_by_hand_says_removed_and_its_exercise_is_a_knock_on(course):
    (course / LESSON).unlink()
    text = report(course)
    unknown = text.split("[unknown-lesson]")[1]
    assert "This lesson was probably removed or renamed." in unknown.splitlines()[1]
    assert text.index("exercises/quiz-one.yml:3: error [unknown-lesson]") < text.index(
        "exercises/quiz-one.yml:1: warning [unused-exercise]")
    assert CAUSED_BY_ABOVE in text.split("quiz-one.yml:1: warning [unused-exercise]")[1].splitlines()[1]


def test_a_knock_on_annotation_names_the_file_of_its_cause(course, capsys):
    edit(course / QUIZ, "    type: truefalse\n", "\ttype: truefalse\n")
    check_exercises.main(["--root", str(course), "--format", "github"])
    [annotation] = [line for line in capsys.readouterr().out.splitlines() if "[broken-exercise]" in line]
    assert "%0AProbably caused by the problem in exercises/quiz-one.yml: fix that one first" in annotation
