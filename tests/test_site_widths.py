"""Every exercise kind, filled with long entries, at 390, 768, 1280 and 1440 px, in light and
dark and on paper: no filled box cuts its text off, no control runs out of its container, and
a printed tracker shows every entry in full. One page per colour scheme; the widths are set on
that page, so the practice site is loaded only a few times."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Error as PlaywrightError

from test_site_exercises import context, exercise, page, practice_site, practice_url  # noqa: F401

WIDTHS = (390, 768, 1280, 1440)
LONG = "Daniela Silva-Rodrigues de la Fuente, met at the library job fair in community room B"
SAVED = {
    "fx-tracker": {"answer": {"rows": [
        {"name": LONG, "group": "Former co-workers", "last": "2026-11-28"},
        {"name": "Li Wei", "group": "Family"}]}},
    "fx-reflection": {"answer": {"1": LONG + ". " + LONG, "2": "Be kind to yourself."}},
    "fx-checklist": {"answer": {"1": True}},
    "fx-pitch": {"answer": {"name": "Hi, I'm Amina Yusuf.", "what": LONG, "question": "Do you know anyone?"}},
    "fx-message": {"answer": {"greeting": "Hi Marco,", "thanks": LONG, "closing": "Best wishes, Lena"},
                   "meeting_date": "2026-11-24"},
    "fx-quiz": {"answer": {"1": ["b"], "2": ["a"]}, "checked": True},
    "fx-sort": {"answer": {"1": "networking", "2": "bothering"}, "checked": True},
    "fx-dialogue": {"answer": {"1": "b"}, "practised": True},
}
PAGES = ("lessons/01-practice.html", "lessons/02-speaking.html", "lessons/05-dialogue.html",
         "lessons/03-keeping-track.html")

MEASURE = """() => {
  const problems = [];
  const name = (el) => el.id || el.dataset.column || el.dataset.action || el.tagName;
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
  document.body.append(probe);
  document.querySelectorAll(".nd-exercise").forEach((box) => {
    const frame = box.getBoundingClientRect();
    box.querySelectorAll("input, select, textarea, button").forEach((el) => {
      if (!el.offsetParent || el.type === "radio" || el.type === "checkbox") return;
      const r = el.getBoundingClientRect();
      const parent = el.parentElement.getBoundingClientRect();
      if (r.right > frame.right + 1 || r.left < frame.left - 1) problems.push(box.id + " " + name(el) + ": out of the exercise");
      if (r.right > parent.right + 1) problems.push(box.id + " " + name(el) + ": out of its container");
      if (el.tagName === "SELECT") {
        const style = getComputedStyle(el);
        probe.style.font = style.font;
        probe.textContent = el.selectedOptions.length ? el.selectedOptions[0].text : "";
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        if (probe.offsetWidth > room) problems.push(box.id + " " + name(el) + ": choice cut off");
      } else if (el.tagName !== "BUTTON" && el.value) {
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          problems.push(box.id + " " + name(el) + ": text cut off (" + el.scrollWidth + "/" + el.clientWidth + ", " + el.scrollHeight + "/" + el.clientHeight + ")");
      } else if (el.tagName === "BUTTON" && el.scrollWidth > el.clientWidth + 1) {
        problems.push(box.id + " " + name(el) + ": label cut off");
      }
    });
  });
  probe.remove();
  if (document.documentElement.scrollWidth > window.innerWidth) problems.push("the page scrolls sideways");
  return problems;
}"""


@pytest.fixture
def filled(browser, practice_url):
    def open_page(scheme):
        ctx = browser.new_context(viewport={"width": WIDTHS[0], "height": 900}, color_scheme=scheme)
        ctx.add_init_script("const saved = %s; if (!localStorage.getItem('nd:seeded')) {"
                            " localStorage.setItem('nd:seeded', '1');"
                            " for (const id in saved) localStorage.setItem('nd:v1:exercise:' + id,"
                            " JSON.stringify(Object.assign({updated: '2026-11-30T10:00:00Z'}, saved[id]))); }"
                            % json.dumps(SAVED))
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        return ctx, page, errors
    return open_page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_fits_at_every_width(filled, practice_url, scheme):
    ctx, page, errors = filled(scheme)
    problems = []
    try:
        for path in PAGES:
            page.goto(practice_url + path)
            assert page.locator(".nd-exercise").count() >= 2
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.wait_for_function("w => window.innerWidth === w", arg=width)
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                try:    # the theme's layout can take a moment to settle after a resize on a busy machine
                    page.wait_for_function("() => document.documentElement.scrollWidth <= window.innerWidth",
                                           timeout=2_000)
                except PlaywrightError:
                    pass    # still too wide: MEASURE reports it
                problems += [f"{path} at {width} px ({scheme}): {p}" for p in page.evaluate(MEASURE)]
        # The saved long entries really are on show, so the measure had something to measure.
        tracker = exercise(page, "fx-tracker")
        assert tracker.locator("[data-column=name]").first.input_value() == LONG
        assert tracker.locator("select[data-column=group]").first.input_value() == "Former co-workers"
        page.goto(practice_url + "lessons/05-dialogue.html")
        assert exercise(page, "fx-dialogue").locator("input[type=radio]:checked").count() == 1
    finally:
        ctx.close()
    assert problems == [] and errors == []


def test_a_printed_tracker_shows_every_entry_in_full(filled, practice_url):
    ctx, page, errors = filled("dark")
    try:
        page.goto(practice_url + "lessons/03-keeping-track.html")
        page.set_viewport_size({"width": 768, "height": 900})
        page.emulate_media(media="print")
        tracker = exercise(page, "fx-tracker")
        assert not tracker.locator("textarea, select, input").first.is_visible()
        copies = tracker.locator(".nd-print-text")
        shown = {copy.text_content() for copy in copies.all() if copy.is_visible()}
        assert {LONG, "Former co-workers", "November 28, 2026", "Li Wei", "Family"} <= shown
        cut = copies.evaluate_all("els => els.filter(e => e.offsetParent && (e.scrollWidth > e.clientWidth + 1"
                                  " || e.scrollHeight > e.clientHeight + 1)).map(e => e.textContent)")
        assert cut == []
        assert tracker.locator(".nd-card__title").all_text_contents() == ["Person 1", "Person 2"]
        colour = page.evaluate("getComputedStyle(document.querySelector('.nd-print-text')).color")
        assert colour == "rgb(0, 0, 0)" or colour.startswith("rgba(0, 0, 0")   # dark screen, light paper
    finally:
        ctx.close()
    assert errors == []
