"""The site as a learner meets it: results that survive a reload, a learner-first home page,
a search index that fits a data plan and gives nothing away, the edit pencil only where it
belongs, a focus ring that is not the "wrong answer" colour, damaged theme data."""

from __future__ import annotations

import gzip
import json
import re

from conftest import ROOT, built_pages
from course import loader, model
from course.audience import is_staff_page
from test_site_exercises import (context, exercise, expect_text, page, practice_site,  # noqa: F401
                                 practice_url, status, stored)

SEARCH_BUDGET = 50 * 1024
"""The most the search index may weigh, gzipped: Material loads it on the first page."""


# --- results that stay ----------------------------------------------------------------------------

def test_a_checked_quiz_and_sort_show_their_results_again_after_a_reload(page):
    page.open("lessons/01-practice.html")
    quiz = exercise(page, "fx-quiz")
    quiz.get_by_label("Myth").check()
    quiz.get_by_label("Telling a neighbour about a free event").check()
    quiz.get_by_role("button", name="Check my answers").click()
    sort = exercise(page, "fx-sort")
    sort.get_by_label("Asking a stranger at a party to hire you, right away.").select_option("networking")
    sort.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-quiz"), "You got 1 of 2 right (50%).")
    expect_text(status(page, "fx-sort"), "You placed 0 of 3 right (0%).")
    assert stored(page)["nd:v1:exercise:fx-quiz"]["checked"] is True

    page.reload()
    quiz, sort = exercise(page, "fx-quiz"), exercise(page, "fx-sort")
    assert status(page, "fx-quiz").text_content().startswith("You got 1 of 2 right (50%). You need 100% to pass.")
    assert "nd-is-right" in quiz.locator("[data-question='1']").get_attribute("class")
    assert "nd-is-wrong" in quiz.locator("[data-question='2']").get_attribute("class")
    assert quiz.get_by_text("Asking for a job is only a small part of it.").is_visible() is False
    assert quiz.locator("[data-question='2'] .nd-chosen-right").count() == 1     # chosen and right, ✓
    assert quiz.locator("[data-question='2'] .nd-right-answer").count() == 1     # right but missed, ✓
    assert quiz.get_by_text("Most networking is everyday talk and small favours.").is_visible()
    assert quiz.get_by_role("button", name="Try again").is_visible()
    assert status(page, "fx-sort").text_content().startswith("You placed 0 of 3 right (0%).")
    assert sort.get_by_text("Not right yet. It belongs in: Begging.").is_visible()
    assert sort.get_by_role("button", name="Try again").is_visible()

    quiz.get_by_role("button", name="Try again").click()    # Try again works after a reload too
    assert quiz.get_by_label("Myth").is_checked()
    assert not quiz.get_by_label("Telling a neighbour about a free event").is_checked()
    page.reload()                                           # and a changed answer is not "checked"
    assert not exercise(page, "fx-quiz").get_by_role("button", name="Try again").is_visible()
    assert status(page, "fx-quiz").text_content() == ""


def test_a_quiz_never_checked_shows_no_result_after_a_reload(page):
    page.open("lessons/01-practice.html")
    exercise(page, "fx-quiz").get_by_label("Fact").check()
    page.reload()
    quiz = exercise(page, "fx-quiz")
    assert quiz.get_by_label("Fact").is_checked()
    assert not quiz.get_by_role("button", name="Try again").is_visible()
    assert quiz.locator(".nd-is-wrong, .nd-right-answer").count() == 0


def test_a_speech_that_fits_with_a_flagged_phrase_is_almost_ready_never_well_done(page):
    page.open("lessons/02-speaking.html")
    pitch = exercise(page, "fx-pitch")
    for label, text in {"Your name": "Hi, I'm Amina Yusuf.", "What you do": "I basically keep small offices running.",
                        "A closing question": "Do you know anyone in a clinic office?"}.items():
        pitch.get_by_label(label, exact=False).first.fill(text)
    pitch.get_by_role("button", name="Check my speech").click()
    expect_text(status(page, "fx-pitch"),
                "It fits the 10-second version. Almost ready: change this phrase first: \u201cbasically\u201d.")
    assert "Well done" not in status(page, "fx-pitch").text_content()
    assert "Phrases to change:" in pitch.locator("[data-advice]").text_content()


# --- the home page ------------------------------------------------------------------------------

def test_home_page_on_a_phone_lists_the_course_and_continues_where_you_left_off(server, browser):
    course = loader.load_course(ROOT)
    lessons = sorted(p for p in course.pages if p.startswith("lessons/") and not course.pages[p].draft)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server + "index.html")
        items = page.locator(".nd-home__lessons li")
        assert items.count() == len(lessons) == 15
        assert re.search(r"15 lessons, about [\d.]+ hours in all", page.locator(".nd-home__length").text_content())
        assert page.locator(".nd-home__length").bounding_box()["y"] < 844 * 1.3    # at or near the fold
        assert not page.get_by_role("link", name="Continue where you left off").is_visible()
        exercise_id = next(ex.id for ex in course.exercises.values() if ex.lesson == lessons[2])
        page.evaluate("""([done, id]) => {
            localStorage.setItem('nd:v1:lessons', JSON.stringify({done}));
            localStorage.setItem('nd:v1:exercise:' + id, JSON.stringify({updated: '2026-11-30T10:00:00Z', answer: {x: 1}}));
        }""", [lessons[:2], exercise_id])
        page.reload()
        go = page.get_by_role("link", name="Continue where you left off")
        assert go.is_visible() and go.bounding_box()["y"] < 844 * 1.3
        start = page.get_by_role("link", name="Start the first lesson")      # still there, second
        assert go.bounding_box()["y"] < start.bounding_box()["y"]
        assert "md-button--primary" not in start.get_attribute("class")
        assert go.get_attribute("href") == lessons[2].replace(".md", ".html")
        assert items.nth(0).get_by_text("Done").is_visible() and not items.nth(2).get_by_text("Done").is_visible()
        title = page.locator(".md-header__topic").first   # the site's name fits the phone's header
        assert title.evaluate("el => el.scrollWidth <= el.clientWidth")
    finally:
        context.close()


# --- search ---------------------------------------------------------------------------------------

def _index(site_dir) -> dict:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_search_index_fits_a_data_plan_and_leaves_out_counsellor_pages(site_dir):
    raw = (site_dir / "search" / "search_index.json").read_bytes()
    assert len(gzip.compress(raw)) <= SEARCH_BUDGET, f"{len(gzip.compress(raw))} bytes gzipped"
    pages = {doc["location"].split("#")[0] for doc in _index(site_dir)["docs"]}
    staff = [p for p in built_pages(site_dir) if is_staff_page(p.replace(".html", ".md"))]
    assert staff and not pages & set(staff)
    assert "lessons/05-elevator-speech.html" in pages and "glossary.html" in pages
    # the offline copy is the same index
    assert (site_dir / "search" / "search_index.js").read_text(encoding="utf-8") == "var __index = " + raw.decode()


def _normal(text: str) -> str:
    return " ".join(text.replace("&quot;", '"').replace("&#39;", "'").replace("&amp;", "&").split())


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_WORD_EDGE = re.compile(r"^\W+|\W+$")


def _words(text: str) -> set[str]:
    return {_WORD_EDGE.sub("", w).lower() for w in re.split(r"[\s\-]+", text)} - {""}


def _as_material_reads(site_dir) -> dict[str, str]:
    """Each indexed page's text as Material's search plugin reads it from the page (its own
    parser, so data-search-exclude counts), before the course shortens it."""
    from material.plugins.search.plugin import Parser
    pages = sorted({doc["location"].split("#")[0] or "index.html" for doc in _index(site_dir)["docs"]})
    texts = {}
    for name in pages:
        parser = Parser()
        parser.feed(_ARTICLE.search((site_dir / name).read_text(encoding="utf-8")).group(1))
        parser.close()
        texts[name] = re.sub(r"<[^>]+>", " ", " | ".join(
            "".join(s.title) + " | " + "".join(s.text) for s in parser.data if not s.is_excluded()))
    return texts


def test_shortening_the_index_keeps_every_word_findable(site_dir):
    read = _as_material_reads(site_dir)
    index = {}
    for doc in _index(site_dir)["docs"]:
        index.setdefault(doc["location"].split("#")[0] or "index.html", set()).update(
            _words(doc["title"] + " " + doc["text"]))
    lost = {page: sorted(_words(text) - index[page]) for page, text in read.items()}
    assert {page: words for page, words in lost.items() if words} == {}
    assert sum(len(_words(text)) for text in read.values()) > 3000       # the pages were really read


def test_search_finds_every_question_and_never_an_answer(site_dir):
    """For every exercise: its questions, items and prompts are in what the search reads; no
    feedback, explanation, answer key or sort answer is."""
    text = _normal(" | ".join(_as_material_reads(site_dir).values()))
    exercises = [ex for ex in loader.load_course(ROOT).exercises.values()]
    assert len(exercises) > 30
    # A lesson may say in its own words what an exercise's feedback says: that is not a leak.
    prose = _normal(re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", " ".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md"))).replace("**", ""))
    missing, leaked = [], []
    for ex in exercises:
        asked, secret = [ex.title], []
        if isinstance(ex, model.QuizExercise):
            asked += [q.prompt for q in ex.questions]
            secret += [o.feedback for q in ex.questions for o in q.options]
            secret += [q.explanation for q in ex.questions if q.explanation]
        if isinstance(ex, model.SortExercise):
            asked += [item.text for item in ex.items]
            secret += [item.feedback for item in ex.items]
            secret += [c.description for c in ex.categories if getattr(c, "description", "")]
            # the sort answer: an item next to the name of its group
            secret += [f"{item.text} {c.label}" for item in ex.items for c in ex.categories]
        if isinstance(ex, model.ReflectionExercise):
            asked += [p.text for p in ex.prompts]
        if isinstance(ex, (model.PitchExercise, model.MessageExercise)):
            secret += [e.reason for e in ex.flagged]     # said only when a learner's text has it
        facilitator = getattr(ex, "facilitator", None)
        if facilitator is not None and getattr(facilitator, "group", ""):
            secret.append(facilitator.group)
        missing += [f"{ex.id}: {a}" for a in asked if _normal(a) not in text]
        leaked += [f"{ex.id}: {s}" for s in secret
                   if s and len(s) > 3 and _normal(s) in text and _normal(s) not in prose]
    assert missing == []
    assert leaked == []


# --- the theme --------------------------------------------------------------------------------------

def test_the_edit_pencil_shows_only_on_counsellor_and_editing_pages(site_dir):
    pages = built_pages(site_dir)
    with_pencil = {p for p in pages if 'rel="edit"' in (site_dir / p).read_text(encoding="utf-8")}
    staff = {p for p in pages if is_staff_page(p.replace(".html", ".md"))}
    assert "editing/index.html" in with_pencil and "counsellors/guide.html" in with_pencil
    assert with_pencil == staff


def test_focus_ring_is_not_the_wrong_answer_colour(page):
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.open("lessons/01-practice.html")
        page.locator("#exercise-fx-quiz [data-action=check]").focus()
        ring, wrong = page.evaluate("""() => [getComputedStyle(document.activeElement).outlineColor,
            getComputedStyle(document.querySelector('.nd-exercise')).getPropertyValue('--nd-wrong').trim()]""")
        probe = page.evaluate("c => { const d = document.createElement('div'); d.style.color = c;"
                              " document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; }", wrong)
        assert ring != probe and ring != "rgba(0, 0, 0, 0)"


def test_a_damaged_saved_palette_shows_no_error(server, browser):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(server + "index.html")
        key = page.evaluate("__md_scope.pathname + '.__palette'")
        for damaged in ("{not json", '{"color": {"media": "(prefers-color-scheme)"}}', '"x"', "null"):
            page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, damaged])
            page.goto(server + "lessons/01-what-networking-is.html")
            assert page.get_attribute("body", "data-md-color-scheme") in ("default", "slate"), damaged
        # the theme's own toggle still works afterwards
        page.locator("label[for^='__palette']").first.click()
        assert page.evaluate("localStorage.getItem(__md_scope.pathname + '.__palette')").startswith("{")
    finally:
        context.close()
    assert errors == []
