"""Markup in any text field is shown as text: on the site (the page's HTML and what its scripts
write after a check), on every worksheet (both editions) and on workshop packets.

tests/fixtures/markup/ holds one exercise of each kind and one plan whose every text field
carries HTML tags. The text fields are found from the model's dataclasses, so a field or a kind
added later is tested without changing this file: a new kind only needs its fixture file.
"""

from __future__ import annotations

import dataclasses
import html as html_module
import json
import re
import typing
from pathlib import Path

import pytest

from conftest import ROOT
from course import exercise_html, model
from course.loader import load_exercise
from course.plans import WorkshopPlan, load_plan
from course.print_settings import PrintOptions, course_info
from course.packets import front_html, packet_view
from course.worksheets import worksheet_html

FIXTURES = Path(__file__).parent / "fixtures" / "markup"
TAG = "<i-leak>"
"""Every text field of the fixtures holds this tag; the HTML must never hold it as a tag."""

NOT_TEXT = {"id", "lesson", "kind", "category", "type", "path", "exercise", "role", "learner"}
"""Fields of type str that hold ids, names of kinds or paths, never text a person reads."""
NOT_TEXT_LISTS = {(model.Target, "parts"), (model.LengthRule, "parts")}
"""Lists of str that hold part ids."""
NOT_SHOWN = {model.Example}
"""Examples are sample answers for the checker; no page or worksheet shows them."""


def text_fields(obj, where: str = "") -> list[tuple[str, str]]:
    """(where, value) of every text field of a model object, found from its type hints."""
    found = []
    hints = typing.get_type_hints(type(obj))
    assert dataclasses.is_dataclass(obj), obj
    for field in dataclasses.fields(obj):
        value, hint = getattr(obj, field.name), hints[field.name]
        here = f"{where}.{field.name}" if where else field.name
        if hint is str and field.name not in NOT_TEXT:
            found.append((here, value))
        elif typing.get_origin(hint) is list and typing.get_args(hint) == (str,):
            if (type(obj), field.name) not in NOT_TEXT_LISTS:
                found += [(f"{here}[{i}]", item) for i, item in enumerate(value)] or [(f"{here}[0]", "")]
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if dataclasses.is_dataclass(item) and type(item) not in NOT_SHOWN:
                    found += text_fields(item, f"{here}[{i}]")
        elif dataclasses.is_dataclass(value):
            found += text_fields(value, here)
    return found


def load_markup(kind: str) -> model.Exercise:
    path = FIXTURES / f"{kind}.yml"
    assert path.exists(), (
        f"The exercise kind {kind!r} has no markup fixture. Add {path.relative_to(ROOT)}: "
        f"an exercise of that kind with {TAG} in every text field (see {FIXTURES.name}/README.md).")
    exercise, problems = load_exercise(path)
    assert exercise is not None and not [p for p in problems if p.level == "error"], problems
    return exercise


KINDS = list(model.EXERCISE_CLASSES)
assert KINDS, "the model lists no exercise kinds"


@pytest.fixture(scope="module")
def info():
    return course_info(ROOT)


@pytest.fixture(scope="module")
def plan() -> WorkshopPlan:
    plan, problems = load_plan(FIXTURES / "plan.yml")
    assert plan is not None and problems == [], problems
    return plan


@pytest.mark.parametrize("kind", KINDS)
def test_every_text_field_of_every_kind_carries_markup_in_its_fixture(kind):
    exercise = load_markup(kind)
    assert exercise.kind == kind
    fields = text_fields(exercise)
    assert len(fields) >= 5, fields
    # Each field (a list counts once, whatever its length) needs markup in one place at least:
    # a tracker's text column has no options, its choice column has.
    marked = {}
    for where, value in fields:
        field = re.sub(r"\[\d+\]", "[]", where)
        marked[field] = marked.get(field, False) or TAG in value
    plain = sorted(field for field, ok in marked.items() if not ok)
    assert plain == [], f"{kind}: add {TAG} to these fields of {kind}.yml: {plain}"


def test_every_text_field_of_a_plan_carries_markup(plan):
    fields = text_fields(plan)
    plain = [where for where, value in fields if TAG not in value and where != "sessions[0].activities[1].title"]
    assert len(fields) >= 6 and plain == [], plain


def shown_as_text(html: str, fields: list[tuple[str, str]], what: str, skip=()) -> None:
    """No field's tag is a real tag in `html`; each field's text is there, escaped."""
    assert TAG not in html, f"{what}: a text field's markup is a real tag:\n" + \
        html[max(0, html.index(TAG) - 200):html.index(TAG) + 200]
    text = html_module.unescape(html)
    # Text the page's scripts show later (advice on flagged words, a lone version's label) is
    # in the spec the page embeds as JSON; the browser test below checks how it is shown.
    for spec in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S):
        text += json.dumps(json.loads(spec), ensure_ascii=False)
    missing = [where for where, value in fields if value and value not in text and where not in skip]
    assert missing == [], f"{what}: these fields are not shown as text: {missing}"


# Fields a page or an edition does not show at all (checked by the worksheet tests).
LEARNER_HIDES = ("facilitator", "feedback", "explanation", "answer_key",
                 # a dialogue's role-play cards carry the first good choice only; the question
                 # and the other choices are on the site and in the facilitator's script
                 "lines[1].prompt", "lines[1].choices[1]")
SITE_ONLY = ("row_name",)
"""Fields only the site shows: a tracker's "Contact 1" card names."""
PRINT_ONLY = ("plan_lines",)
"""Fields only the worksheet shows: a checklist's lines to write a plan on."""
FACILITATOR_HIDES = ("brief",)
"""A dialogue's role briefs are on the learner edition's role-play cards, which the group uses."""
SITE_HIDES = ("facilitator",)


def _hidden(fields, prefixes):
    return {where for where, _ in fields if any(p in where for p in prefixes)}


@pytest.mark.parametrize("kind", KINDS)
def test_the_site_shows_markup_as_text(kind):
    exercise = load_markup(kind)
    fields = text_fields(exercise)
    html = exercise_html.render_exercise(exercise)
    shown_as_text(html, fields, f"site, {kind}", skip=_hidden(fields, SITE_HIDES + PRINT_ONLY))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("edition", ["learner", "facilitator"])
def test_every_worksheet_shows_markup_as_text(kind, edition, info):
    exercise = load_markup(kind)
    fields = text_fields(exercise)
    html = worksheet_html(exercise, edition, PrintOptions(), info)
    hidden = _hidden(fields, LEARNER_HIDES) if edition == "learner" else set()
    if edition == "facilitator":
        hidden = _hidden(fields, FACILITATOR_HIDES)
    shown_as_text(html, fields, f"{edition} worksheet, {kind}", skip=hidden | _hidden(fields, SITE_ONLY))


@pytest.mark.parametrize("edition", ["learner", "facilitator"])
def test_every_packet_shows_markup_as_text(plan, edition, info):
    quiz = load_markup("quiz")
    packet = packet_view(plan, list(range(1, len(plan.sessions) + 1)), {quiz.id: quiz}, edition, info, ROOT)
    html = front_html(packet, PrintOptions(), info)
    fields = text_fields(plan) + [("quiz title", quiz.title)]
    hidden = {where for where, _ in fields if "notes" in where} if edition == "learner" else set()
    # an activity's timing note is printed in the facilitator box of its worksheet in the packet
    hidden |= {where for where, _ in fields if "timing" in where}
    shown_as_text(html, fields, f"{edition} packet", skip=hidden | {"sessions[0].activities[1].title"})


# --- in the browser: what the scripts write after a check is text too ----------------------------

def course_scripts() -> list[str]:
    """The site's own scripts, in the order mkdocs.yml loads them."""
    import yaml
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    scripts = [name for name in config["extra_javascript"] if name.startswith("assets/javascripts/")]
    assert len(scripts) >= 10, scripts
    return scripts


USE_EVERY_CONTROL = """() => {
    const fire = (el, type) => el.dispatchEvent(new Event(type, {bubbles: true}));
    for (const section of document.querySelectorAll('section.nd-exercise')) {
        for (const box of section.querySelectorAll('textarea, input[type=text], input:not([type])')) {
            box.value = box.closest('[data-exercise]').dataset.exercise === 'markup-pitch'
                ? 'Amina <i-leak>pitch flagged word</i-leak> & <b>pitch flagged word</b>'
                : 'Hi <i-leak>typed</i-leak>. Thank you.';
            fire(box, 'input');
        }
        for (const box of section.querySelectorAll('input[type=date]')) { box.value = '2026-11-24'; fire(box, 'change'); }
        for (const box of section.querySelectorAll('input[type=radio], input[type=checkbox]')) {
            if (!box.dataset.targetChoice) { box.checked = true; fire(box, 'change'); }
        }
        for (const select of section.querySelectorAll('select')) {
            select.selectedIndex = select.options.length - 1; fire(select, 'change');
        }
        for (const button of section.querySelectorAll('button[data-action=check], button[data-action=add-row]')) button.click();
    }
}"""


def test_what_the_scripts_write_shows_markup_as_text(browser, tmp_path):
    """Feedback, explanations, advice on flagged words and tracker rows are written by the
    page's scripts after the learner acts: they must show tags as text too."""
    exercises = [load_markup(kind) for kind in KINDS]
    body = "\n".join(exercise_html.render_exercise(exercise) for exercise in exercises)
    scripts = "\n".join(f'<script src="{(ROOT / "docs" / name).as_uri()}"></script>'
                        for name in course_scripts())
    page_file = tmp_path / "markup.html"
    page_file.write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markup</title>'
                         f'</head><body><article class="md-content">{body}</article>{scripts}</body></html>',
                         encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(page_file.as_uri())
        assert page.locator("section.nd-exercise").count() == len(KINDS)
        page.evaluate(USE_EVERY_CONTROL)
        page.wait_for_function("""() => [...document.querySelectorAll('[data-action=check]')].every(
            b => b.closest('section').querySelector(':scope [data-check-status], :scope > [data-role=status]').textContent.trim())""")
        # Each exercise's script ran: it saved what was answered.
        unsaved = [e.id for e in exercises
                   if page.evaluate("key => localStorage.getItem(key)", f"nd:v1:exercise:{e.id}") is None]
        assert unsaved == [], f"no script saved these exercises: {unsaved}"
        assert page.locator("i-leak, b").count() == 0, page.locator("i-leak, b").first.evaluate("e => e.outerHTML")
        shown = page.evaluate("document.body.innerText")
        for text in ("quiz feedback wrong", "quiz explanation", "sort item one feedback", "pitch flagged reason"):
            assert f"<i-leak>{text}</i-leak>" in shown, f"{text!r} is not shown after a check"
        assert errors == []
    finally:
        context.close()
