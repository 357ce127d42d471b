"""The browser editor's forms as a counsellor reads them: plain labels, one name for each list's
button, ids chosen instead of typed, a blank form that claims nothing, and axe-core on the
lesson form and an exercise form. Real Chromium on the built /admin/ with decap-server.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import AXE_JS, AXE_TAGS
from test_cms_browser import editor  # noqa: F401  (the module's editor, served locally)

DECAP_OWN = {
    # Decap's header: the site link (#798291 on white) and the Publish menu's caret.
    ("color-contrast", "AppHeaderSiteLink"), ("color-contrast", "PublishButton"),
    # Decap's preview frame has no title, and its page inside has no title and no language.
    ("frame-title", "#preview-pane"), ("document-title", "html"), ("html-has-lang", "html"),
    ("scrollable-region-focusable", "html"),
    # The drag handle of each item of a list (to change the order) has no name.
    ("aria-command-name", "SortableListItem"),
    # The buttons on each item's bar (fold, remove) are icons with no name.
    ("button-name", "TopBarButton"),
}
"""Violations that come from Decap CMS itself, by rule and a piece of the element's selector."""


@pytest.fixture
def page(editor):  # noqa: F811
    """A page of its own in the editor's browser (signed in already), closed after the test:
    a form left with changes does not hold up the next test."""
    page = editor["page"].context.new_page()
    page.set_default_timeout(30_000)
    page.goto(editor["admin"])
    login = page.get_by_role("button", name="Login")
    page.get_by_role("link", name="Lessons").or_(login).first.wait_for()
    if login.is_visible():
        login.click()
    page.get_by_role("link", name="Lessons").wait_for()
    yield page
    page.close()


def _open(page, url: str, ready: str) -> None:
    page.goto(url)
    page.get_by_label(ready, exact=True).first.wait_for()


def _not_ours(violations: list[dict]) -> list[str]:
    """The violations that are not in DECAP_OWN: those come from the course's own additions."""
    left = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            if not any(rule == violation["id"] and part in target for rule, part in DECAP_OWN):
                left.append(f"{violation['id']}: {target}")
    return left


def _axe(frame) -> list[dict]:
    frame.add_script_tag(path=str(AXE_JS))
    return frame.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                          AXE_TAGS)["violations"]


def test_a_blank_form_does_not_say_changes_saved(editor, page):  # noqa: F811
    # A saved entry, open without changes, says so.
    _open(page, editor["admin"] + "#/collections/exercise-message/entries/thank-you-note", "Title")
    expect(page.get_by_text("Changes saved")).to_be_visible()
    _open(page, editor["admin"] + "#/collections/exercise-message/new", "Exercise id")
    expect(page.get_by_label("Title", exact=True)).to_have_value("")
    expect(page.get_by_text("Changes saved")).to_be_hidden()
    page.get_by_label("Title", exact=True).fill("Something")
    expect(page.get_by_text("Unsaved changes")).to_be_visible()


def test_switches_read_as_statements_and_every_list_has_its_own_button(editor, page, tmp_path):  # noqa: F811
    _open(page, editor["admin"] + "#/collections/exercise-message/new", "Exercise id")
    switch = page.get_by_role("switch", name="The learner must fill in this part", exact=True)
    switch.wait_for()                       # the list of parts shows its first part
    expect(switch).to_have_count(1)
    expect(page.locator("label", has_text="This is a draft").locator("span")).to_be_hidden()
    buttons = [name.strip() for name in page.get_by_role("button", name=re.compile(r"^Add ")).all_inner_texts()]
    assert len(buttons) == len(set(buttons)) and "Add part" in buttons, buttons
    page.screenshot(path=tmp_path / "message-form-1280.png", full_page=True)


def test_part_ids_are_ticked_not_typed(editor, page, tmp_path):  # noqa: F811
    _open(page, editor["admin"] + "#/collections/exercise-message/new", "Exercise id")
    counted = page.get_by_role("group", name="Parts to count")
    expect(counted).to_contain_text("Fill in the parts above first")
    page.get_by_label("Part id", exact=True).fill("body")
    page.get_by_label("Part name", exact=True).fill("Your note")
    counted.get_by_label("Your note (body)").check()           # the part typed above, offered
    expect(counted.get_by_role("checkbox")).to_have_count(1)
    page.get_by_role("button", name="Add example answer").click()
    answer = page.get_by_role("group", name="The learner's answer")
    answer.get_by_label("Your note", exact=True).fill("Thank you for your time.")
    page.set_viewport_size({"width": 390, "height": 844})
    counted.scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "message-form-390.png")


def test_a_saved_quiz_example_shows_its_questions_with_the_chosen_options_ticked(editor, page):  # noqa: F811
    _open(page, editor["admin"] + "#/collections/exercise-quiz/entries/conversation-quiz", "Title")
    answer = page.get_by_role("group", name="The learner's answer").first
    expect(answer.get_by_role("group", name=re.compile(r"^Question 1: "))).to_be_visible()
    assert answer.get_by_role("checkbox", checked=True).count() >= 1
    expect(answer).not_to_contain_text("is not in this exercise")


def test_the_lesson_form_and_an_exercise_form_have_no_axe_violations_of_ours(editor, page):  # noqa: F811
    found = {}
    for name, url in (("lesson", "#/collections/lessons/entries/02-two-way-street"),
                      ("message", "#/collections/exercise-message/entries/thank-you-note")):
        _open(page, editor["admin"] + url, "Title")
        page.get_by_role("group", name="Parts to count").or_(page.get_by_label("Lesson text")).first.wait_for()
        preview = page.frame_locator("#preview-pane").locator("body")
        expect(preview).not_to_be_empty()
        frame = next(f for f in page.frames if f != page.main_frame)
        found[name] = _not_ours(_axe(page)) + _not_ours(_axe(frame))
    assert found == {"lesson": [], "message": []}


def test_the_axe_filter_keeps_what_is_not_decaps():
    """The other side of the test above: a violation on the course's own widget is kept."""
    ours = {"id": "label", "nodes": [{"target": [".nd-answer textarea"]}]}
    decaps = {"id": "frame-title", "nodes": [{"target": ["#preview-pane"]}]}
    assert _not_ours([ours, decaps]) == ["label: .nd-answer textarea"]
