"""readability.py: only prose is scored, and hard lessons get a warning."""

from __future__ import annotations

from checker_support import edit, make_course
from course.checks import check_course
from course.lessons import load_page
from course.readability import MAX_GRADE, prose, score_page

LESSON = "docs/lessons/01-start.md"


def test_only_paragraphs_and_list_items_are_prose(tmp_path):
    root = make_course(tmp_path)
    page, _ = load_page(root / LESSON, root / "docs")
    texts = [text for _, text in prose(page)]
    assert texts == ["You can start small. Talk to one person this week. See the sources and the next part.",
                     "Ask a question.", "Listen to the answer."]


def test_an_easy_lesson_scores_low(tmp_path):
    root = make_course(tmp_path)
    page, _ = load_page(root / LESSON, root / "docs")
    score = score_page(page)
    assert score.grade <= MAX_GRADE and score.words == 24


def test_a_hard_lesson_gets_warnings(tmp_path):
    root = make_course(tmp_path)
    hard = ("Notwithstanding considerable organizational heterogeneity, interpersonal relationship "
            "cultivation constitutes an indispensable prerequisite for occupational advancement, "
            "particularly within institutionally stratified employment environments.")
    edit(root / LESSON, "You can start small.", ", and ".join([hard[:-1]] * 3) + ".")
    problems = [p for p in check_course(root) if p.code in ("reading-grade", "sentence-length")]
    assert {p.code for p in problems} == {"reading-grade", "sentence-length"}
    assert all(p.level == "warning" for p in problems)
    assert "is on line 14: \"Notwithstanding considerable organizational" in problems[0].hint


def test_scores_are_cached_by_text_and_redone_when_the_text_changes(tmp_path):
    import json

    from course.loader import load_course
    from course.readability import CACHE_FILE, score_lessons

    root = make_course(tmp_path)
    first = score_lessons(load_course(root))
    cache_file = root / CACHE_FILE
    assert len(json.loads(cache_file.read_text())) == len([s for s in first.values() if s])
    assert score_lessons(load_course(root)) == first  # read back from the cache, same values

    edit(root / LESSON, "You can start small.", "You can start small, slowly and with care.")
    changed = score_lessons(load_course(root))
    assert changed["lessons/01-start.md"].words == first["lessons/01-start.md"].words + 4
    assert len(json.loads(cache_file.read_text())) == len([s for s in changed.values() if s])


def test_a_broken_cache_file_is_ignored(tmp_path):
    from course.loader import load_course
    from course.readability import CACHE_FILE, score_lessons

    root = make_course(tmp_path)
    (root / CACHE_FILE).parent.mkdir(exist_ok=True)
    (root / CACHE_FILE).write_text("{not json")
    assert score_lessons(load_course(root))["lessons/01-start.md"].words == 24
