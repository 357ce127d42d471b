"""The exercises on the site, in a real browser: every kind, right and wrong answers, keyboard
only, saved answers, export and import, damaged storage, HTML in exercise text, accessibility.

The tests build a small copy of the project whose exercises are the fixtures in
tests/fixtures/exercise_site/ (one per kind, plus one full of HTML), so they do not depend on the course's
own wording. One browser serves the whole session (see conftest.py).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from conftest import (AXE_JS, AXE_TAGS, ROOT, build_env, describe_violations, free_port,
                      PageWatch)

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
                        ("quiz", "sort", "pitch", "message", "tracker", "reflection", "checklist", "html")))


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


@pytest.fixture(scope="session")
def practice_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("practice") / "project")
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def practice_url(practice_site):
    handler = functools.partial(_QuietHandler, directory=str(practice_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


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


def test_quiz_wrong_answers_fail_then_try_again_clears(page):
    page.open(LESSONS["quiz"])
    quiz = exercise(page, "fx-quiz")
    quiz.get_by_label("Fact").check()
    quiz.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-quiz"), "You got 0 of 2 right (0%). You need 100% to pass.")
    assert "1 question had no answer" in status(page, "fx-quiz").text_content()
    assert quiz.get_by_text("Asking for a job is only a small part of it.").is_visible()
    assert quiz.get_by_text("You did not answer this question.").is_visible()
    quiz.get_by_role("button", name="Try again").click()
    assert not quiz.get_by_label("Fact").is_checked()
    assert not quiz.get_by_text("Asking for a job is only a small part of it.").is_visible()
    assert page.evaluate("document.activeElement.value") == "a"


def expect_text(locator, text: str, timeout: float = 3000) -> None:
    """Wait until the locator's text contains `text` (live regions are filled a moment later)."""
    from playwright.sync_api import expect
    expect(locator).to_contain_text(text, timeout=timeout)


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

    sort.get_by_role("button", name="Try again").click()
    sort.get_by_label("Asking a stranger at a party to hire you, right away.").select_option("networking")
    sort.get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-sort"), "You placed 0 of 3 right (0%). You need 100% to pass.")
    assert sort.get_by_text("Not right yet. It belongs in: Begging.").is_visible()
    assert sort.get_by_text("You did not choose a group. It belongs in: Bothering.").is_visible()


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

    pitch.get_by_role("button", name="Start measuring").click()
    page.clock.run_for(10800)                     # 18 words in 10.8 seconds: 100 words a minute
    pitch.get_by_role("button", name="Stop measuring").click()
    expect_text(status(page, "fx-pitch"), "Your pace is ")
    pace = int(re.search(r"Your pace is (\d+) words", status(page, "fx-pitch").text_content()).group(1))
    assert 95 <= pace <= 105      # the clock moves a little while the buttons are pressed
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
    assert message.locator("[data-stat=sentences]").text_content() == "4"
    assert message.locator("[data-assembled]").inner_text() == "\n".join(GOOD_NOTE.values())
    message.get_by_label("The day you met").fill("2026-11-24")
    assert message.locator("[data-send-by]").text_content() == "Send it by Thursday, November 26, 2026."
    message.get_by_role("button", name="Check my message").click()
    expect_text(status(page, "fx-message"), "Your message is ready to send.")
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
    assert "It is too short. Aim for 3 to 6 sentences." in status(page, "fx-message").text_content()


# --- tracker ------------------------------------------------------------------------------------

def test_tracker_add_edit_remove_rows_and_csv(page):
    page.open(LESSONS["tracker"])
    tracker = exercise(page, "fx-tracker")
    tracker.get_by_label("Name, row 1").fill('Sam "the cook", Jr.')
    tracker.get_by_label("Where I know them from, row 1").select_option("Friends")
    tracker.get_by_label("Last time we talked, row 1").fill("2026-10-01")
    tracker.get_by_role("button", name="Add a row").click()
    assert page.evaluate("document.activeElement.id") == "nd-fx-tracker-row2-name"
    page.keyboard.type("=1+1")
    tracker.get_by_role("button", name="Add a row").click()
    tracker.get_by_label("Name, row 3").fill("Priya")
    tracker.get_by_role("button", name="Remove row 2").click()
    expect_text(status(page, "fx-tracker"), "Row 2 removed.")
    assert stored(page)["nd:v1:exercise:fx-tracker"]["answer"] == {"rows": [
        {"name": 'Sam "the cook", Jr.', "group": "Friends", "last": "2026-10-01"}, {"name": "Priya"}]}
    tracker.get_by_role("button", name="Add a row").click()
    tracker.get_by_label("Name, row 3").fill("=HYPERLINK()")
    with page.expect_download() as download:
        tracker.get_by_role("button", name="Download as a spreadsheet (CSV)").click()
    assert download.value.suggested_filename == "fx-tracker.csv"
    csv = Path(download.value.path()).read_bytes().decode("utf-8")
    assert csv == ("\ufeffName,Where I know them from,Last time we talked\r\n"
                   '"Sam ""the cook"", Jr.",Friends,2026-10-01\r\n'
                   "Priya,,\r\n'=HYPERLINK(),,\r\n")
    page.reload()
    assert exercise(page, "fx-tracker").get_by_label("Name, row 2").input_value() == "Priya"
    assert exercise(page, "fx-tracker").get_by_label("Where I know them from, row 1").input_value() == "Friends"


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


# --- saved answers ------------------------------------------------------------------------------

def fill_every_kind(page) -> None:
    page.open(LESSONS["quiz"])
    exercise(page, "fx-quiz").get_by_label("Myth").check()
    exercise(page, "fx-sort").get_by_label("Sharing a job post with a friend who fits it.").select_option("networking")
    page.locator("[data-action=lesson-done]").click()
    page.open(LESSONS["pitch"])
    fill(exercise(page, "fx-pitch"), GOOD_SHORT)
    exercise(page, "fx-pitch").get_by_label("30-second version: 40 to 75 words").check()
    fill(exercise(page, "fx-message"), {"Greeting": "Hi Marco,"})
    exercise(page, "fx-message").get_by_label("The day you met").fill("2026-11-24")
    page.open(LESSONS["tracker"])
    exercise(page, "fx-tracker").get_by_label("Name, row 1").fill("Sam")
    exercise(page, "fx-reflection").get_by_label("What worries you most about networking?").fill("Being shy.")
    exercise(page, "fx-checklist").get_by_label("I know where the event is.").check()


def test_answers_survive_reload_and_moving_between_pages(page):
    fill_every_kind(page)
    page.open(LESSONS["quiz"])
    assert exercise(page, "fx-quiz").get_by_label("Myth").is_checked()
    assert exercise(page, "fx-sort").get_by_label("Sharing a job post with a friend who fits it.").input_value() == "networking"
    assert page.get_attribute("[data-action=lesson-done]", "aria-pressed") == "true"
    page.open(LESSONS["pitch"])
    assert exercise(page, "fx-pitch").get_by_label("Your name").input_value() == GOOD_SHORT["Your name"]
    assert exercise(page, "fx-pitch").get_by_label("30-second version: 40 to 75 words").is_checked()
    assert exercise(page, "fx-message").get_by_label("The day you met").input_value() == "2026-11-24"
    assert exercise(page, "fx-message").locator("[data-send-by]").text_content() == "Send it by Thursday, November 26, 2026."
    page.reload()
    assert exercise(page, "fx-message").get_by_label("Greeting").input_value() == "Hi Marco,"


def test_progress_page_shows_lessons_done_and_exercises_started_or_finished(page):
    fill_every_kind(page)
    page.open(LESSONS["quiz"])
    quiz = exercise(page, "fx-quiz")
    quiz.get_by_label("Telling a neighbour about a free event").check()
    quiz.get_by_label("Thanking a former co-worker for their help").check()
    quiz.get_by_role("button", name="Check my answers").click()
    page.open("progress.html")
    summary = page.locator("[data-role=summary]").text_content()
    assert summary == ("You have marked 1 of 4 lessons as done. "
                       "You have started 7 of 8 exercises and finished 2.")
    assert page.locator("[data-lesson='lessons/01-practice.md'] [data-lesson-status]").text_content() == "Done"
    assert page.locator("[data-exercise=fx-quiz] [data-exercise-status]").text_content() == "Finished"
    assert page.locator("[data-exercise=fx-sort] [data-exercise-status]").text_content() == "Started"
    assert page.locator("[data-exercise=fx-html] [data-exercise-status]").text_content() == "Not started"
    assert "Nothing is ever sent to us or to anyone else." in " ".join(page.locator("article").text_content().split())
    href = page.locator("[data-exercise=fx-pitch] a").get_attribute("href")
    assert href == "lessons/02-speaking.html#exercise-fx-pitch"


def export_file(page, tmp_path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my answers as a file").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_export_clear_import_restores_everything_exactly(page, tmp_path):
    fill_every_kind(page)
    page.open("progress.html")
    before = stored(page)
    path = export_file(page, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "networking-demystified-answers" and data["version"] == 1
    assert data["lessons_done"] == ["lessons/01-practice.md"]
    assert data["answers"]["fx-quiz"]["answer"] == {"1": ["a"]}
    assert data["answers"]["fx-message"]["meeting_date"] == "2026-11-24"
    assert data["answers"]["fx-tracker"]["answer"] == {"rows": [{"name": "Sam"}]}

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Clear my answers").click()
    expect_text(page.locator("[data-data-tools] [data-role=status]"), "Nothing was cleared.")
    assert stored(page) == before
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my answers").click()
    expect_text(page.locator("[data-data-tools] [data-role=status]"), "Your answers were cleared")
    assert stored(page) == {}
    assert page.locator("[data-exercise=fx-quiz] [data-exercise-status]").text_content() == "Not started"

    page.get_by_label("Open a saved answers file").set_input_files(path)
    expect_text(page.locator("[data-data-tools] [data-role=status]"), "7 answers were brought in.")
    after = stored(page)
    assert {k: v for k, v in after.items() if k != "nd:v1:lessons"} == \
           {k: v for k, v in before.items() if k != "nd:v1:lessons"}
    assert after["nd:v1:lessons"]["done"] == before["nd:v1:lessons"]["done"]
    page.open(LESSONS["pitch"])
    assert exercise(page, "fx-pitch").get_by_label("Your name").input_value() == GOOD_SHORT["Your name"]


def test_import_never_overwrites_newer_answers_and_refuses_foreign_files(page, tmp_path):
    page.open(LESSONS["reflection"])
    box = exercise(page, "fx-reflection").get_by_label("What worries you most about networking?")
    box.fill("My newer answer.")
    older = {"format": "networking-demystified-answers", "version": 1, "exported": "2020-01-01T00:00:00Z",
             "answers": {
                 "fx-reflection": {"updated": "2020-01-01T00:00:00Z", "answer": {"1": "An old answer."}},
                 "fx-checklist": {"updated": "2020-01-01T00:00:00Z", "answer": {"2": True}},
                 "fx-quiz": "not an answer",
                 "Bad Id!": {"answer": {}}}}
    files = {"older.json": json.dumps(older), "broken.json": "{not json",
             "foreign.json": json.dumps({"hello": "world"}),
             "future.json": json.dumps({**older, "version": 9})}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    page.open("progress.html")
    before = stored(page)
    message = page.locator("[data-data-tools] [data-role=status]")
    picker = page.get_by_label("Open a saved answers file")
    picker.set_input_files(tmp_path / "broken.json")
    expect_text(message, "This file is not a saved answers file from this course. Nothing was changed.")
    picker.set_input_files(tmp_path / "foreign.json")
    expect_text(message, "This file is not a saved answers file from this course. Nothing was changed.")
    picker.set_input_files(tmp_path / "future.json")
    expect_text(message, "saved by a newer version of this course")
    assert stored(page) == before
    picker.set_input_files(tmp_path / "older.json")
    expect_text(message, "1 answer was brought in.")
    text = message.text_content()
    assert "Your answers on this device were newer for What holds me back?, so they were kept." in text
    assert "2 answers in the file could not be read and were left out." in text
    assert stored(page)["nd:v1:exercise:fx-reflection"]["answer"] == {"1": "My newer answer."}
    assert stored(page)["nd:v1:exercise:fx-checklist"]["answer"] == {"2": True}


# --- damaged storage ----------------------------------------------------------------------------

def test_damaged_partial_and_old_saved_data_give_a_plain_message_and_the_page_works(page):
    page.open(LESSONS["quiz"])
    page.evaluate("""() => {
        localStorage.setItem('nd:v1:exercise:fx-quiz', '{not json');
        localStorage.setItem('nd:v1:exercise:fx-sort', JSON.stringify(
            {updated: 'yesterday?', answer: {'1': 'begging', '2': 'no-such-group', '7': 'begging'}}));
        localStorage.setItem('nd:v1:lessons', '42');
    }""")
    page.reload()
    quiz_notice = exercise(page, "fx-quiz").locator(":scope > [data-role=notice]")
    assert "could not be read, so the exercise starts empty" in quiz_notice.text_content()
    sort_notice = exercise(page, "fx-sort").locator(":scope > [data-role=notice]")
    assert "Part of your saved answer for this exercise could not be read" in sort_notice.text_content()
    sort = exercise(page, "fx-sort")
    assert sort.get_by_label("Asking a stranger at a party to hire you, right away.").input_value() == "begging"
    exercise(page, "fx-quiz").get_by_label("Myth").check()            # the page still works
    exercise(page, "fx-quiz").get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-quiz"), "You got 1 of 2 right")
    assert page.evaluate("localStorage.getItem('nd:v1:damaged:fx-quiz')") == "{not json"
    page.locator("[data-action=lesson-done]").click()
    assert stored(page)["nd:v1:lessons"]["done"] == ["lessons/01-practice.md"]

    page.open(LESSONS["reflection"])
    page.evaluate("""() => localStorage.setItem('nd:v0:exercise:fx-reflection',
        JSON.stringify({updated: '2025-01-01T00:00:00Z', answer: {'1': 'From the old site.'}}))""")
    page.reload()
    assert exercise(page, "fx-reflection").get_by_label("What worries you most about networking?").input_value() == "From the old site."
    assert "older version" in exercise(page, "fx-reflection").locator(":scope > [data-role=notice]").text_content()

    page.evaluate("localStorage.setItem('nd:v1:exercise:fx-tracker', '[1, 2]')")
    page.open("progress.html")
    assert "Saved answers for My network inventory could not be read." in page.locator("[data-progress] [data-role=notice]").text_content()


def test_storage_turned_off_is_said_plainly(browser, practice_url):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }});")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(exc.stack or str(exc)))
    page.goto(practice_url + LESSONS["quiz"])
    assert "This browser is not saving your answers" in exercise(page, "fx-quiz").locator(":scope > [data-role=notice]").text_content()
    exercise(page, "fx-quiz").get_by_label("Myth").check()
    exercise(page, "fx-quiz").get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-quiz"), "You got 1 of 2 right")
    ours = ("storage.js", "exercise.js", "quiz.js", "sort.js", "lesson.js")   # the theme's own
    assert [e for e in errors if any(name in e for name in ours)] == []       # script may complain
    context.close()


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
            for check in page.get_by_role("button", name=re.compile("^Check my")).all():
                check.click()                       # feedback and results have colours too
            page.wait_for_timeout(100)
            violations = content_axe_violations(page)
            assert violations == [], f"{path} ({scheme}):\n" + describe_violations(violations)
    finally:
        context.close()


# --- the course's own exercises: every example passes or fails in the browser as declared --------

def course_examples():
    from course import loader
    course = loader.load_course(ROOT)
    return [(exercise, example) for exercise in course.exercises.values()
            if exercise.kind in ("quiz", "sort", "pitch", "message") for example in exercise.examples]


ANSWER_IN_THE_PAGE = """([id, kind, answer, target]) => {
    const root = document.getElementById(`exercise-${id}`);
    const uid = `nd-${id}`;
    const set = (el, event) => el.dispatchEvent(new Event(event, {bubbles: true}));
    for (const el of root.querySelectorAll('input, select, textarea')) {      // start empty
        if (el.type === 'radio' || el.type === 'checkbox') { if (el.dataset.targetChoice === undefined) el.checked = false; }
        else el.value = '';
        set(el, el.tagName === 'TEXTAREA' ? 'input' : 'change');
    }
    for (const [key, value] of Object.entries(answer)) {
        if (kind === 'quiz') {
            for (const letter of [].concat(value)) {
                const box = document.getElementById(`${uid}-q${key}-${letter}`);
                box.checked = true; set(box, 'change');
            }
        } else if (kind === 'sort') {
            const select = document.getElementById(`${uid}-i${key}`);
            select.value = value; set(select, 'change');
        } else {
            const box = document.getElementById(`${uid}-p-${key}`);
            box.value = value; set(box, 'input');
        }
    }
    const choice = target && document.getElementById(`${uid}-target-${target}`);
    if (choice) { choice.checked = true; set(choice, 'change'); }
}"""


def test_every_course_example_passes_or_fails_in_the_browser_as_declared(site_dir, server, browser):
    """Both sides of every checkable exercise, through the real page and its script."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page)
    wrong = []
    current = None
    for exercise, example in sorted(course_examples(), key=lambda pair: pair[0].lesson):
        if exercise.lesson != current:
            current = exercise.lesson
            page.goto(server + exercise.lesson.replace(".md", ".html"), wait_until="domcontentloaded")
        page.evaluate(ANSWER_IN_THE_PAGE, [exercise.id, exercise.kind, example.answer, example.target])
        page.click(f"#exercise-{exercise.id} [data-action=check]")
        record = page.evaluate(f"JSON.parse(localStorage.getItem('nd:v1:exercise:{exercise.id}'))")
        if record["finished"] != (example.expect == "pass"):
            wrong.append(f"{exercise.id}: example \"{example.name}\" should {example.expect}")
    context.close()
    assert wrong == [] and watch.errors == [] and watch.foreign_requests() == [], wrong + watch.errors
