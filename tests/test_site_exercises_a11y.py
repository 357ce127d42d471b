"""Keyboard only, visible focus, axe-core in light and dark at phone width, HTML in exercise
text shown as text, and printing the learner's own answers."""

from __future__ import annotations

import json
import re

import pytest

from conftest import AXE_JS, AXE_TAGS, describe_violations
from test_site_exercises import (GOOD_NOTE, GOOD_SHORT, LESSONS, context, exercise, expect_text,
                                 page, practice_site, practice_url, status, stored, tab_to)

__all__ = ["context", "page", "practice_site", "practice_url"]   # fixtures shared with the kinds


# --- keyboard only ------------------------------------------------------------------------------

def test_every_kind_can_be_completed_with_the_keyboard_alone(page):
    page.open(LESSONS["quiz"])
    tab_to(page, "#nd-fx-quiz-q1-a")
    page.keyboard.press("Space")                        # Myth
    tab_to(page, "#nd-fx-quiz-q2-a")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")                        # the third option
    tab_to(page, "#exercise-fx-quiz [data-action=check]")
    page.keyboard.press("Enter")
    expect_text(status(page, "fx-quiz"), "Well done: you passed.")

    tab_to(page, "#nd-fx-sort-i1")
    for category_steps in (1, 2, 3):                    # begging, bothering, networking
        for _ in range(category_steps):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    tab_to(page, "#exercise-fx-sort [data-action=check]")
    page.keyboard.press("Enter")
    expect_text(status(page, "fx-sort"), "Well done: you passed.")
    tab_to(page, "[data-action=lesson-done]")
    page.keyboard.press("Enter")
    assert page.get_attribute("[data-action=lesson-done]", "aria-pressed") == "true"

    page.open(LESSONS["pitch"])
    tab_to(page, "#nd-fx-pitch-p-name")
    page.keyboard.type(GOOD_SHORT["Your name"])
    tab_to(page, "#nd-fx-pitch-p-what")
    page.keyboard.type(GOOD_SHORT["What you do"])
    tab_to(page, "#nd-fx-pitch-p-question")
    page.keyboard.type(GOOD_SHORT["A closing question"])
    tab_to(page, "#exercise-fx-pitch [data-action=check]")
    page.keyboard.press("Enter")
    expect_text(status(page, "fx-pitch"), "It fits the 10-second version.")
    for label, text in GOOD_NOTE.items():
        box = exercise(page, "fx-message").get_by_label(label, exact=False).first.get_attribute("id")
        tab_to(page, f"#{box}")
        page.keyboard.type(text)
    tab_to(page, "#exercise-fx-message [data-action=check]")
    page.keyboard.press("Enter")
    expect_text(status(page, "fx-message"), "Your message is ready to send.")

    page.open(LESSONS["tracker"])
    tab_to(page, "#nd-fx-tracker-row1-name")
    page.keyboard.type("Sam")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")                    # Family
    tab_to(page, "#exercise-fx-tracker [data-action=add-row]")
    page.keyboard.press("Enter")
    page.keyboard.type("Priya")                         # focus moved to the new row
    tab_to(page, "#nd-fx-reflection-r1")
    page.keyboard.type("Being shy.")
    tab_to(page, "#nd-fx-checklist-c1")
    page.keyboard.press("Space")
    saved = stored(page)
    assert saved["nd:v1:exercise:fx-tracker"]["answer"]["rows"] == [{"name": "Sam", "group": "Family"}, {"name": "Priya"}]
    assert saved["nd:v1:exercise:fx-reflection"]["answer"] == {"1": "Being shy."}
    assert saved["nd:v1:exercise:fx-checklist"]["answer"]["1"] is True


def test_focus_is_visible(page):
    page.open(LESSONS["quiz"])
    tab_to(page, "#exercise-fx-quiz [data-action=check]")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


# --- text from exercise files is text -----------------------------------------------------------

def test_html_in_exercise_text_shows_literally_and_runs_nothing(page):
    page.open("lessons/04-html.html")
    html = exercise(page, "fx-html")
    assert page.evaluate("window.__pwned") is None
    assert html.locator("h3").text_content() == "<script>window.__pwned = 'title'</script><b>Bold?</b>"
    assert html.locator("b, img, iframe, script:not([type='application/json'])").count() == 0
    assert page.locator(".nd-lesson-intro__promise").text_content() == "<b>Nothing here is markup.</b>"
    assert "<script>window.__pwned = 'objective'</script>" in page.locator(".nd-lesson-intro").text_content()
    html.get_by_label("<script>window.__pwned='option'</script>").check()
    html.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-html"), "You got 1 of 1 right")
    assert html.get_by_text("""<img src=x onerror="window.__pwned='feedback'"> **not bold**""").is_visible()
    assert html.get_by_text('<iframe src="https://example.com"></iframe>').is_visible()
    assert page.evaluate("window.__pwned") is None
    spec = json.loads(html.locator("script[data-role=spec]").text_content())
    assert spec["title"].startswith("<script>")
    assert "</script>" not in html.locator("script[data-role=spec]").inner_html()


# --- print --------------------------------------------------------------------------------------

def test_printing_shows_the_learners_answers_in_place_without_buttons(page):
    page.open(LESSONS["reflection"])
    exercise(page, "fx-reflection").get_by_label("What worries you most about networking?").fill("Being shy.")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    reflection = exercise(page, "fx-reflection")
    assert reflection.locator(".nd-print-text").first.is_visible()
    assert reflection.locator(".nd-print-text").first.text_content() == "Being shy."
    assert not reflection.locator("textarea").first.is_visible()
    assert not reflection.get_by_role("button", name="Print my worksheet").is_visible()
    assert not page.locator("[data-action=lesson-done]").is_visible()
    page.emulate_media(media="screen")
    page.evaluate("window.print = () => { window.__printed = document.body.className; }")
    reflection.get_by_role("button", name="Print my worksheet").click()
    assert "nd-print-one" in page.evaluate("window.__printed")


# --- accessibility ------------------------------------------------------------------------------

def content_axe_violations(page) -> list[dict]:
    """axe-core (WCAG 2.x A and AA) on the page's content: the lesson, its frame and its
    exercises. The theme's header and navigation are checked by test_site.py."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("tags => axe.run({include: [['.md-content']]}, "
                           "{runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return result["violations"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_has_no_axe_violations(browser, practice_url, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    try:
        for path in ("lessons/01-practice.html", "lessons/02-speaking.html",
                     "lessons/03-keeping-track.html", "progress.html"):
            page.goto(practice_url + path)
            if scheme == "dark":
                assert page.get_attribute("body", "data-md-color-scheme") == "slate"
            checks = page.get_by_role("button", name=re.compile("^Check my")).all()
            # The tracker, reflection and checklist page and the progress page have nothing to check.
            assert checks or path in ("lessons/03-keeping-track.html", "progress.html"), path
            for check in checks:                    # feedback and results have colours too
                check.click()
            # Wait for what the clicks show (no fixed pause): every checked exercise has its
            # result written in its status line before axe looks at the page.
            page.wait_for_function("""() => [...document.querySelectorAll('.md-content [data-action=check]')]
                .every(b => b.closest('[id^=exercise-]').querySelector(':scope > [data-role=status]').textContent.trim())""")
            violations = content_axe_violations(page)
            assert violations == [], f"{path} ({scheme}):\n" + describe_violations(violations)
    finally:
        context.close()
