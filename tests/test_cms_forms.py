"""The browser editor's forms as a counsellor reads them: plain labels, one name for each list's
button, ids chosen instead of typed, a blank form that claims nothing, a name on every control
(Decap's icon-only buttons too), and no axe-core violation at all on the forms, their previews
and the list of exercises. Real Chromium on the built /admin/ with decap-server.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import AXE_JS, AXE_TAGS
from test_cms_browser import editor  # noqa: F401  (the module's editor, served locally)


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


def _axe(frame) -> list[str]:
    """Every axe violation on the frame's page, as "rule: element"."""
    frame.add_script_tag(path=str(AXE_JS))
    violations = frame.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                                AXE_TAGS)["violations"]
    return [f"{violation['id']}: {' '.join(map(str, node['target']))}"
            for violation in violations for node in violation["nodes"]]


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


FORMS = {
    "lesson": ("#/collections/lessons/entries/02-two-way-street", "Lesson text"),
    "message": ("#/collections/exercise-message/entries/thank-you-note", "Parts to count"),
    "new message": ("#/collections/exercise-message/new", "Exercise id"),
    "workshop plan": ("#/collections/workshops/entries/workshop-90", "Title"),
}
"""Forms axe checks, each with a label that shows once the form has its entry."""


@pytest.mark.parametrize("name", FORMS)
def test_a_form_and_its_preview_have_no_axe_violations(editor, page, name):  # noqa: F811
    """Decap's own parts included: admin/editor.js names its unnamed controls and
    admin/editor.css darkens its faint colours."""
    url, ready = FORMS[name]
    _open(page, editor["admin"] + url, ready)
    preview = page.frame_locator("#preview-pane").locator("body")
    expect(preview).not_to_be_empty()
    frame = next(f for f in page.frames if f != page.main_frame)
    assert {"page": _axe(page), "preview": _axe(frame)} == {"page": [], "preview": []}


def test_the_list_of_exercises_has_no_axe_violations(editor, page):  # noqa: F811
    page.goto(editor["admin"] + "#/collections/exercise-quiz")
    page.get_by_text("(conversation-quiz)").wait_for()
    assert _axe(page) == []


def test_each_list_item_says_what_its_buttons_do(editor, page):  # noqa: F811
    """Decap's fold, drag and remove controls show only icons: each has a plain name, and the
    fold button's name and aria-expanded follow the item's state."""
    _open(page, editor["admin"] + "#/collections/lessons/entries/02-two-way-street", "Lesson text")
    objectives = page.locator("[id^=objectives-field]")
    objective = objectives.get_by_label("Objective", exact=True).first
    expect(objective).to_be_visible()
    count = objectives.get_by_label("Objective", exact=True).count()
    for name in ("Move this item", "Fold this item", "Remove this item"):
        expect(objectives.get_by_role("button", name=name, exact=True)).to_have_count(count)
    fold = objectives.get_by_role("button", name="Fold this item", exact=True).first
    expect(fold).to_have_attribute("aria-expanded", "true")
    fold.click()
    expect(objective).to_be_hidden()
    unfold = objectives.get_by_role("button", name="Unfold this item", exact=True)
    expect(unfold).to_have_count(1)
    expect(unfold).to_have_attribute("aria-expanded", "false")
    unfold.click()
    expect(objectives.get_by_role("button", name="Fold this item", exact=True)).to_have_count(count)
    expect(page.locator("#preview-pane")).to_have_attribute("title", "Preview")
