"""The learner's data in the browser: answers kept across reloads and pages, the progress page,
export, clear and import, damaged or old saved data, and storage that is turned off."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT
from test_site_exercises import (GOOD_SHORT, LESSONS, context, exercise, expect_text, fill, page,
                                 practice_site, practice_url, status, stored)

__all__ = ["context", "page", "practice_site", "practice_url"]   # fixtures shared with the kinds


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
    exercise(page, "fx-tracker").get_by_label("Name, Person 1").fill("Sam")
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
    page.open("lessons/05-dialogue.html")                  # a dialogue is done once its choices are made
    talk = exercise(page, "fx-dialogue")
    talk.get_by_label("Oh, I love that library. Do you like working there?").check()
    talk.get_by_role("button", name="Check my choices").click()
    page.open("progress.html")
    summary = page.locator("[data-role=summary]").text_content()
    assert summary == ("You have marked 1 of 5 lessons as done. "
                       "You have started 8 of 10 exercises and finished 3.")
    assert page.locator("[data-exercise=fx-dialogue] [data-exercise-status]").text_content() == "Finished"
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
    expect_text(message, "This file could not be read. It may be damaged or not complete. Nothing was changed.")
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
    for path in sorted(set(LESSONS.values())) + ["progress.html"]:      # every script at work
        page.goto(practice_url + path)
        for check in page.locator("[data-action=check]").all():
            check.click()
    # No error from any script of the course. Only the theme may complain (its bundle and the
    # `__md_get` helper it puts in each page read storage too, and they are not ours to
    # change); an error from anywhere else fails.
    ours = [f"/javascripts/{path.name}" for path in (ROOT / "docs" / "assets" / "javascripts").glob("*.js")]
    assert len(ours) >= 10
    theme = ("/assets/javascripts/bundle.", "at __md_get ", "at __md_set ")
    theirs = [e for e in errors if any(t in e for t in theme) and not any(name in e for name in ours)]
    assert [e for e in errors if e not in theirs] == [], "\n\n".join(e for e in errors if e not in theirs)
    context.close()


def test_exercises_work_and_keep_answers_from_the_file_system(browser, practice_site):
    """The offline copy (a folder or a USB stick) is opened as file://, with no server at all."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((practice_site / "lessons" / "01-practice.html").as_uri())
    exercise(page, "fx-quiz").get_by_label("Myth").check()
    exercise(page, "fx-quiz").get_by_role("button", name="Check my answers").click()
    expect_text(status(page, "fx-quiz"), "You got 1 of 2 right")
    page.reload()
    assert exercise(page, "fx-quiz").get_by_label("Myth").is_checked()
    assert errors == []
    context.close()
