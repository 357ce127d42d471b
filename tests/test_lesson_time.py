"""lesson_time.py: a lesson's minutes cover reading at 100 words a minute plus its exercises."""

from __future__ import annotations

from checker_support import edit, make_course
from course.checks import check_course
from course.lesson_time import needed_minutes, reading_words
from course.loader import load_course

LESSON = "docs/lessons/01-start.md"


def test_an_honest_time_passes_and_the_figure_adds_up(tmp_path):
    root = make_course(tmp_path)
    course = load_course(root)
    page = course.lessons["lessons/01-start.md"]
    assert reading_words(page) == 29  # 24 words of prose, 5 in the headings
    assert needed_minutes(page, course) == 0 + 60  # under half a minute of reading, eight exercises
    assert "lesson-time" not in [p.code for p in check_course(root)]


def test_a_lesson_that_says_too_little_gets_a_warning_with_the_figure(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "minutes: 65", "minutes: 59")
    problems = [p for p in check_course(root) if p.code == "lesson-time"]
    assert len(problems) == 1 and problems[0].level == "warning" and problems[0].line == 5
    assert "says it takes 59 minutes, but it needs about 60" in problems[0].message
    assert "Change `minutes:` to 60 or more" in problems[0].hint


def test_more_words_raise_the_figure(tmp_path):
    root = make_course(tmp_path)
    edit(root / LESSON, "You can start small.", "You can start small. " + "Say hello to one more person. " * 100)
    problems = [p for p in check_course(root) if p.code == "lesson-time"]
    assert len(problems) == 1 and "needs about 66: 629 words" in problems[0].message
