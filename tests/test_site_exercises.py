"""The exercises on the site, in a real browser: every kind, right and wrong answers, keyboard
only, saved answers, export and import, damaged storage, HTML in exercise text, accessibility.

The tests build a small copy of the project whose exercises are the fixtures in
tests/fixtures/exercise_site/ (one per kind, plus one full of HTML), so they do not depend on the course's
own wording. One browser serves the whole session (see conftest.py).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, PageWatch, build_env, free_port

FIXTURES = Path(__file__).parent / "fixtures" / "exercise_site"
LESSONS = {
    "quiz": "lessons/01-practice.html", "sort": "lessons/01-practice.html",
    "pitch": "lessons/02-speaking.html", "message": "lessons/02-speaking.html",
    "tracker": "lessons/03-keeping-track.html", "reflection": "lessons/03-keeping-track.html",
    "checklist": "lessons/03-keeping-track.html",
}
INDEX = "# Practice site\n\nA small site for the exercise tests.\n"
PRINTABLES = ("---\ntitle: Printables\n---\n\n# Printables\n\n"
              + "".join(f"## {name} {{#fx-{name}}}\n\nA worksheet.\n\n" for name in
                        ("quiz", "sort", "pitch", "message", "tracker", "reflection", "checklist", "html",
                         "dialogue", "voicemail")))


def make_project(target: Path) -> Path:
    """A copy of the project (config, scripts, theme overrides, assets, progress page) whose
    lessons and exercises are the test fixtures."""
    for name in ("scripts", "overrides"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    shutil.copytree(FIXTURES / "exercises", target / "exercises")
    shutil.copytree(FIXTURES / "docs" / "lessons", target / "docs" / "lessons")
    shutil.copy(ROOT / "docs" / "progress.md", target / "docs" / "progress.md")
    (target / "docs" / "index.md").write_text(INDEX, encoding="utf-8")
    (target / "docs" / "printables.md").write_text(PRINTABLES, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = ["index.md", "progress.md", "printables.md",
                     {"Lessons": sorted(f"lessons/{p.name}" for p in (target / "docs" / "lessons").glob("*.md"))}]
    config.pop("validation", None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=project, env=build_env(), capture_output=True, text=True)


# --- fixtures: the practice site, built once and served on 127.0.0.1 ---------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


_PRACTICE: dict = {}
"""The practice site and its server, made once per test run for every module that imports
these fixtures (pytest would otherwise make one per module)."""


@pytest.fixture(scope="session")
def practice_site(tmp_path_factory) -> Path:
    if "site" not in _PRACTICE:
        project = make_project(tmp_path_factory.mktemp("practice") / "project")
        site = project.parent / "site"
        result = build(project, site)
        assert result.returncode == 0, result.stderr
        _PRACTICE["site"] = site
    return _PRACTICE["site"]


@pytest.fixture(scope="session")
def practice_url(practice_site):
    if "url" not in _PRACTICE:
        handler = functools.partial(_QuietHandler, directory=str(practice_site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        _PRACTICE["url"] = f"http://127.0.0.1:{httpd.server_address[1]}/"
    return _PRACTICE["url"]   # a daemon thread: it ends with the test run


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty storage) per test; downloads allowed."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, practice_url):
    """A page with a PageWatch; after the test, no request may have left 127.0.0.1 and no
    script error may have happened."""
    page = context.new_page()
    page.watch = PageWatch(page)
    page.base = practice_url
    page.open = lambda path: page.goto(practice_url + path)
    yield page
    assert page.watch.foreign_requests() == []
    assert page.watch.errors == []


def exercise(page, exercise_id):
    return page.locator(f"#exercise-{exercise_id}")


def status(page, exercise_id):
    return exercise(page, exercise_id).locator(":scope > [data-role=status]")


def stored(page) -> dict:
    """Everything the course keeps in this browser's storage, parsed (as text if it is not JSON)."""
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith('nd:')).map(k => {
            const raw = localStorage.getItem(k);
            try { return [k, JSON.parse(raw)]; } catch (e) { return [k, raw]; }
        }))""")


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches `selector`: proof that the keyboard gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def expect_text(locator, text: str, timeout: float = 3000) -> None:
    """Wait until the locator's text contains `text` (live regions are filled a moment later)."""
    from playwright.sync_api import expect
    expect(locator).to_contain_text(text, timeout=timeout)


# --- quiz ---------------------------------------------------------------------------------------

def test_quiz_right_answers_pass_with_feedback_and_explanation(page):
    page.open(LESSONS["quiz"])
    quiz = exercise(page, "fx-quiz")
    quiz.get_by_label("Myth").check()
    quiz.get_by_label("Telling a neighbour about a free event").check()
    quiz.get_by_label("Thanking a former co-worker for their help").check()
    quiz.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-quiz"), "You got 2 of 2 right (100%). Well done: you passed.")
    assert quiz.get_by_text("Networking is sharing and helping, in both directions.").is_visible()
    assert quiz.get_by_text("Most networking is everyday talk and small favours.").is_visible()
    assert not quiz.get_by_text("Asking for a job is only a small part of it.").is_visible()
    record = stored(page)["nd:v1:exercise:fx-quiz"]
    assert record["answer"] == {"1": ["a"], "2": ["a", "c"]} and record["finished"] is True


def test_quiz_wrong_answers_fail_then_try_again_clears_only_the_wrong_ones(page):
    page.open(LESSONS["quiz"])
    quiz = exercise(page, "fx-quiz")
    quiz.get_by_label("Fact").check()
    quiz.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-quiz"), "You got 0 of 2 right (0%). You need 100% to pass.")
    assert "1 question had no answer" in status(page, "fx-quiz").text_content()
    assert quiz.get_by_text("Asking for a job is only a small part of it.").is_visible()
    assert quiz.get_by_text("You did not answer this question.").is_visible()
    # A wrong answer also marks the right option, with a mark and in words.
    myth = quiz.locator("[data-question='1'] [data-option=a]")
    assert "nd-right-answer" in myth.get_attribute("class")
    assert page.evaluate("el => getComputedStyle(el, '::after').content", myth.locator("label").element_handle()) == '" ✓"'
    assert myth.get_by_text("This is a right answer.").is_visible()
    quiz.get_by_role("button", name="Try again").click()
    assert not quiz.get_by_label("Fact").is_checked()
    assert not quiz.get_by_text("Asking for a job is only a small part of it.").is_visible()
    assert page.evaluate("document.activeElement.value") == "a"

    quiz.get_by_label("Myth").check()                   # question 1 right, question 2 wrong
    quiz.get_by_label("Telling a neighbour about a free event").check()
    quiz.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-quiz"), "You got 1 of 2 right (50%).")
    quiz.get_by_role("button", name="Try again").click()
    assert quiz.get_by_label("Myth").is_checked()       # the right answer stays, with its mark
    assert quiz.locator("[data-question='1']").get_attribute("class").count("nd-is-right") == 1
    assert not quiz.get_by_label("Telling a neighbour about a free event").is_checked()
    assert stored(page)["nd:v1:exercise:fx-quiz"]["answer"] == {"1": ["a"]}


# --- sort ---------------------------------------------------------------------------------------

def test_sort_right_and_wrong(page):
    page.open(LESSONS["sort"])
    sort = exercise(page, "fx-sort")
    sort.get_by_label("Asking a stranger at a party to hire you, right away.").select_option("begging")
    sort.get_by_label("Calling a manager every day about your application.").select_option("bothering")
    sort.get_by_label("Sharing a job post with a friend who fits it.").select_option("networking")
    sort.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-sort"), "You placed 3 of 3 right (100%). Well done: you passed.")
    assert sort.get_by_text("You gave something useful.").is_visible()

    sort.get_by_role("button", name="Try again").click()     # all right: nothing is cleared
    assert sort.get_by_label("Sharing a job post with a friend who fits it.").input_value() == "networking"
    sort.get_by_label("Asking a stranger at a party to hire you, right away.").select_option("networking")
    sort.get_by_label("Calling a manager every day about your application.").select_option("")
    sort.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-sort"), "You placed 1 of 3 right (33%). You need 100% to pass.")
    assert sort.get_by_text("Not right yet. It belongs in: Begging.").is_visible()
    assert sort.get_by_text("You did not choose a group. It belongs in: Bothering.").is_visible()
    sort.get_by_role("button", name="Try again").click()     # only the wrong ones are cleared
    assert sort.get_by_label("Asking a stranger at a party to hire you, right away.").input_value() == ""
    assert sort.get_by_label("Sharing a job post with a friend who fits it.").input_value() == "networking"
    assert page.evaluate("document.activeElement.id") == "nd-fx-sort-i1"


# --- pitch --------------------------------------------------------------------------------------

GOOD_SHORT = {"Your name": "Hi, I'm Amina Yusuf.", "What you do": "I keep small offices running smoothly.",
              "A closing question": "Do you know anyone in a clinic office?"}


def fill(scope, values: dict) -> None:
    for label, text in values.items():
        scope.get_by_label(label, exact=False).first.fill(text)


def test_pitch_live_count_and_right_answer(page):
    page.open(LESSONS["pitch"])
    pitch = exercise(page, "fx-pitch")
    fill(pitch, GOOD_SHORT)
    assert pitch.locator("[data-stat=words]").text_content() == "18"
    assert pitch.locator("[data-stat=seconds]").text_content() == "about 9 seconds at 120 words a minute"
    assert pitch.locator("[data-assembled]").text_content() == " ".join(GOOD_SHORT.values())
    pitch.get_by_role("button", name="Check my speech").click()
    expect_text(status(page, "fx-pitch"), "It fits the 10-second version. Well done.")
    assert "Almost" not in status(page, "fx-pitch").text_content()
    record = stored(page)["nd:v1:exercise:fx-pitch"]
    assert record["target"] == "short" and record["words_per_minute"] == 120 and record["finished"]


def test_pitch_wrong_answer_names_missing_parts_flagged_and_repeated_words(page):
    page.open(LESSONS["pitch"])
    pitch = exercise(page, "fx-pitch")
    fill(pitch, {"Your name": "Hi, I'm Amina.", "What you do": "I basically do office office office work."})
    advice = pitch.locator("[data-advice]")
    assert "A closing question" in advice.text_content()
    assert "“basically”: A filler word. Leave it out." in advice.text_content()
    assert "office" in advice.text_content()
    pitch.get_by_role("button", name="Check my speech").click()
    expect_text(status(page, "fx-pitch"), "Still to write: A closing question.")
    assert "It is too short" not in status(page, "fx-pitch").text_content()
    pitch.get_by_label("30-second version: 40 to 75 words").check()
    assert pitch.locator("[data-stat=target]").text_content() == "30-second version: 40 to 75 words"
    assert not pitch.get_by_text("This part is not used in the version you chose.").first.is_visible()
    pitch.get_by_role("button", name="Check my speech").click()
    expect_text(status(page, "fx-pitch"), "It is too short for the 30-second version.")


def test_pitch_timer_pace_and_read_aloud(page):
    page.clock.install()
    page.open(LESSONS["pitch"])
    pitch = exercise(page, "fx-pitch")
    fill(pitch, GOOD_SHORT)
    pitch.get_by_role("button", name="Start the practice timer").click()
    page.clock.run_for(7000)
    assert pitch.locator("[data-timer=practice]").text_content() == "7 seconds"
    pitch.get_by_role("button", name="Stop the practice timer").click()
    expect_text(status(page, "fx-pitch"), "You spoke for 7 seconds.")

    # The page's clock stands still while the buttons are pressed: only run_for moves it, so the
    # measured time is exactly 10.8 seconds however slow the machine is.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    pitch.get_by_role("button", name="Start measuring").click()
    page.clock.run_for(10800)                     # 18 words in 10.8 seconds: 100 words a minute
    pitch.get_by_role("button", name="Stop measuring").click()
    page.clock.resume()
    expect_text(status(page, "fx-pitch"), "Your pace is ")
    pace = int(re.search(r"Your pace is (\d+) words", status(page, "fx-pitch").text_content()).group(1))
    assert pace == 100
    assert pitch.get_by_label(f"My measured pace ({pace} words a minute)").is_checked()
    assert pitch.locator("[data-stat=seconds]").text_content() == f"about 11 seconds at {pace} words a minute"
    record = stored(page)["nd:v1:exercise:fx-pitch"]
    assert record["words_per_minute"] == pace and record["measured_words_per_minute"] == pace
    pitch.get_by_label("Slower than most people (96 words a minute)").check()
    assert stored(page)["nd:v1:exercise:fx-pitch"]["words_per_minute"] == 96
    page.reload()
    assert exercise(page, "fx-pitch").get_by_label("Slower than most people (96 words a minute)").is_checked()
    assert exercise(page, "fx-pitch").get_by_label(f"My measured pace ({pace} words a minute)").is_visible()
    # Chromium has speech synthesis, so the button shows.
    assert exercise(page, "fx-pitch").get_by_role("button", name="Read my speech aloud").is_visible()


# --- message ------------------------------------------------------------------------------------

GOOD_NOTE = {"Greeting": "Hi Marco,", "Your thanks": "Thank you for taking the time to meet me on Tuesday.",
             "Something specific": "Your tip about the volunteer fair at the library was very useful.",
             "Closing": "Best wishes, Lena"}


def test_message_right_answer_send_by_and_copy(page, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.open(LESSONS["message"])
    message = exercise(page, "fx-message")
    fill(message, GOOD_NOTE)
    # Only the parts between the greeting and the closing are counted, and the page says so.
    assert message.locator("[data-stat=sentences]").text_content() == "2"
    assert message.locator("[data-stat=words]").text_content() == "23"
    assert message.locator(".nd-stats li").first.inner_text() == \
        "Sentences: 2 (aim for 2 to 4, not counting the greeting and the closing)"
    assert message.locator("[data-assembled]").inner_text() == "\n".join(GOOD_NOTE.values())
    message.get_by_label("The day you met").fill("2026-11-24")
    assert message.locator("[data-send-by]").text_content() == "Send it by Thursday, November 26, 2026."
    message.get_by_role("button", name="Check my message").click()
    expect_text(status(page, "fx-message"), "Your message is ready to send.")
    assert status(page, "fx-message").text_content().startswith(
        "Your message has 2 sentences and 23 words, not counting the greeting and the closing.")
    message.get_by_role("button", name="Copy my message").click()
    expect_text(status(page, "fx-message"), "Your message was copied.")
    assert page.evaluate("navigator.clipboard.readText()") == "\n".join(GOOD_NOTE.values())
    assert stored(page)["nd:v1:exercise:fx-message"]["meeting_date"] == "2026-11-24"


def test_message_wrong_answer(page):
    page.open(LESSONS["message"])
    message = exercise(page, "fx-message")
    fill(message, {"Greeting": "Hi,", "Your thanks": "Thanks."})
    message.get_by_role("button", name="Check my message").click()
    expect_text(status(page, "fx-message"), "Still to write: Closing.")
    assert "It is too short. Aim for 2 to 4 sentences." in status(page, "fx-message").text_content()
    assert message.locator("[data-stat=sentences]").text_content() == "1"


# --- tracker ------------------------------------------------------------------------------------

def test_tracker_add_edit_remove_rows_and_csv(page):
    page.open(LESSONS["tracker"])
    tracker = exercise(page, "fx-tracker")
    tracker.get_by_label("Name, Person 1").fill('Sam "the cook", Jr.')
    tracker.get_by_label("Where I know them from, Person 1").select_option("Friends")
    tracker.get_by_label("Last time we talked, Person 1").fill("2026-10-01")
    tracker.get_by_role("button", name="Add a row").click()
    assert page.evaluate("document.activeElement.id") == "nd-fx-tracker-row2-name"
    page.keyboard.type("=1+1")
    tracker.get_by_role("button", name="Add a row").click()
    tracker.get_by_label("Name, Person 3").fill("Priya")
    tracker.get_by_role("button", name="Remove Person 2").click()
    expect_text(status(page, "fx-tracker"), "Person 2 was removed. Press “Undo” to bring it back.")
    assert page.evaluate("document.activeElement.dataset.action") == "undo"
    tracker.get_by_role("button", name="Undo").click()
    assert tracker.get_by_label("Name, Person 2").input_value() == "=1+1"
    assert tracker.locator(".nd-card__title").all_text_contents() == ["Person 1", "Person 2", "Person 3"]
    tracker.get_by_role("button", name="Remove Person 2").click()
    expect_text(status(page, "fx-tracker"), "Person 2 was removed.")
    assert stored(page)["nd:v1:exercise:fx-tracker"]["answer"] == {"rows": [
        {"name": 'Sam "the cook", Jr.', "group": "Friends", "last": "2026-10-01"}, {"name": "Priya"}]}
    tracker.get_by_role("button", name="Add a row").click()
    tracker.get_by_label("Name, Person 3").fill("=HYPERLINK()")
    with page.expect_download() as download:
        tracker.get_by_role("button", name="Download as a spreadsheet file").click()
    assert download.value.suggested_filename == "fx-tracker.csv"
    csv = Path(download.value.path()).read_bytes().decode("utf-8")
    assert csv == ("\ufeffName,Where I know them from,Last time we talked\r\n"
                   '"Sam ""the cook"", Jr.",Friends,2026-10-01\r\n'
                   "Priya,,\r\n'=HYPERLINK(),,\r\n")
    page.reload()
    assert exercise(page, "fx-tracker").get_by_label("Name, Person 2").input_value() == "Priya"
    assert exercise(page, "fx-tracker").get_by_label("Where I know them from, Person 1").input_value() == "Friends"


# --- reflection and checklist -------------------------------------------------------------------

def test_reflection_and_checklist_are_kept(page):
    page.open(LESSONS["reflection"])
    exercise(page, "fx-reflection").get_by_label("What worries you most about networking?").fill("Bothering people.\nBeing shy.")
    checklist = exercise(page, "fx-checklist")
    checklist.get_by_label("I know where the event is.").check()
    checklist.get_by_label("I have a pen and some cards.").check()
    assert checklist.locator("[data-count]").text_content() == "2 of 3 done."
    page.reload()
    assert (exercise(page, "fx-reflection").get_by_label("What worries you most about networking?").input_value()
            == "Bothering people.\nBeing shy.")
    assert exercise(page, "fx-checklist").get_by_label("I have a pen and some cards.").is_checked()
    assert not exercise(page, "fx-checklist").get_by_label("I practised my 10-second speech out loud.").is_checked()
    assert stored(page)["nd:v1:exercise:fx-checklist"]["answer"] == {"1": True, "2": False, "3": True}
