"""Dialogues on the site, in headless Chromium: Listen with on-device voices only (a stand-in
speechSynthesis, see speech_standin.py), Your turn, choice points, Record with Chromium's fake
microphone, a refused microphone, the speech builder's read aloud and recording, the recorder and
the voices loaded only when first pressed (later.js), progress with export and import, keyboard
only, axe in light and dark, and file://.

The practice site of test_site_exercises.py has a lesson with two fixture dialogues: one with a
choice point (fx-dialogue) and one without (fx-voicemail)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, PageWatch, describe_violations
from speech_standin import LOCAL_FRENCH, LOCAL_VOICE, NETWORK_VOICE, speech_script
from test_site_exercises import (GOOD_SHORT, expect_text, fill, practice_site, practice_url, stored,
                                 tab_to)
from test_site_exercises_a11y import content_axe_violations

__all__ = ["practice_site", "practice_url"]

LESSON = "lessons/05-dialogue.html"
LINES = ["Cold one today, isn't it?", "Yes, very cold! Do you take the 52 every day?",
         "Every day. I work at the library downtown.",
         "Oh, I love that library. Do you like working there?", "I do. It's a friendly place."]
MIC_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
SPEAK_MS = 400   # a recording this long has sound to play (a much shorter one may have none)
REFUSE_MIC = ("navigator.mediaDevices.getUserMedia = () => "
              "Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));")


@pytest.fixture(scope="module")
def mic_browser(browser):
    """Chromium with a fake microphone (a test tone) that needs no permission prompt."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + MIC_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def open_page(mic_browser, practice_url):
    """open_page(voices, width=1280, scheme="light", init="", url=None) -> a watched page on the
    dialogue lesson. After the test: no script errors and no request beyond 127.0.0.1."""
    contexts, pages = [], []

    def make(voices=(NETWORK_VOICE, LOCAL_VOICE), width=1280, scheme="light", init="", url=None):
        context = mic_browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                          permissions=["microphone"], accept_downloads=True)
        context.add_init_script(speech_script(list(voices)) + init)
        contexts.append(context)
        page = context.new_page()
        page.watch = PageWatch(page)
        pages.append(page)
        page.goto(url or practice_url + LESSON)
        return page

    yield make
    for page in pages:
        assert page.watch.foreign_requests() == [] and page.watch.errors == []
    for context in contexts:
        context.close()


def dialogue(page, exercise_id="fx-dialogue"):
    return page.locator(f"#exercise-{exercise_id}")


def turn_status(page, exercise_id="fx-dialogue"):
    """The message of Listen and Your turn: under those buttons, or in the current line."""
    return dialogue(page, exercise_id).locator("[data-turn-status]")


def check_status(page, exercise_id="fx-dialogue"):
    """The result of "Check my choices", right under that button."""
    return dialogue(page, exercise_id).locator("[data-check-status]")


def spoken(page) -> list[dict]:
    return page.evaluate("window.__spoken")


# --- Listen -------------------------------------------------------------------------------------

def test_listen_reads_every_line_with_the_on_device_voice_only(open_page):
    page = open_page(voices=(NETWORK_VOICE, LOCAL_FRENCH, LOCAL_VOICE))
    page.evaluate("window.__speechMs = 150")
    talk = dialogue(page)
    talk.get_by_role("button", name="Listen to it all").click()
    expect_text(talk.locator("[aria-current=true]"), "Cold one today")     # the line being read
    expect_text(turn_status(page), "You listened to the whole conversation.")
    said = spoken(page)
    assert [s["text"] for s in said] == LINES[:3] + LINES[4:]             # the choice is not read
    assert {(s["voice"], s["local"], s["rate"]) for s in said} == {("Local Canadian", True, 0.85)}
    assert talk.locator("[aria-current]").count() == 0
    record = stored(page)["nd:v1:exercise:fx-dialogue"]
    assert record["practised"] is True and record["finished"] is False   # its choice is not made yet


def test_one_line_pause_stop_and_the_speed_kept_on_the_device(open_page):
    page = open_page()
    talk = dialogue(page)
    talk.get_by_label("Speed").select_option("1")
    page.reload()
    talk = dialogue(page)
    assert talk.get_by_label("Speed").input_value() == "1"
    talk.get_by_role("button", name="Listen to line 3").click()
    expect_text(talk.locator("[data-line='3']"), "Every day")
    page.wait_for_function("window.__spoken.length === 1")
    assert spoken(page)[0]["text"] == LINES[2] and spoken(page)[0]["rate"] == 1
    page.evaluate("window.__speechMs = 600")
    talk.get_by_role("button", name="Listen to it all").click()
    talk.get_by_role("button", name="Pause").click()
    assert talk.get_by_role("button", name="Resume").is_visible()
    talk.get_by_role("button", name="Stop").click()
    count = len(spoken(page))
    page.wait_for_timeout(800)
    assert len(spoken(page)) == count and talk.locator("[aria-current]").count() == 0
    assert talk.get_by_role("button", name="Stop").is_disabled()
    assert "nd:v1:exercise:fx-dialogue" not in stored(page)                 # not practised yet


def test_with_no_on_device_voice_a_plain_message_and_nothing_is_spoken(open_page):
    page = open_page(voices=(NETWORK_VOICE, LOCAL_FRENCH))
    talk = dialogue(page)
    expect_text(talk.locator("[data-voice-note]"), "no voice that reads aloud without the internet")
    assert not talk.get_by_role("button", name="Listen to it all").is_visible()
    assert not talk.get_by_role("button", name="Listen to line 1").is_visible()
    talk.get_by_role("button", name="Your turn: say my lines").click()     # everything else works
    talk.get_by_role("button", name="Next line").click()
    talk.get_by_role("button", name="I said it: next").click()
    talk.get_by_role("button", name="Next line").click()
    talk.get_by_role("button", name="I said it: next").click()
    talk.get_by_role("button", name="Next line").click()
    expect_text(turn_status(page), "Well done: you said all your lines.")
    page.goto(page.url.replace(LESSON, "lessons/02-speaking.html"))        # and the speech builder
    pitch = page.locator("#exercise-fx-pitch")
    fill(pitch, GOOD_SHORT)
    pitch.get_by_role("button", name="Read my speech aloud").click()
    expect_text(pitch.locator("[data-voice-note]"), "no voice that reads aloud without the internet")
    assert spoken(page) == []


# --- Your turn and choices ------------------------------------------------------------------------

def test_your_turn_hides_the_learners_lines_and_waits_for_them(open_page):
    page = open_page()
    talk = dialogue(page)
    talk.get_by_role("button", name="Your turn: say my lines").click()
    line_two = talk.locator("[data-line='2']")
    expect_text(line_two.locator("[data-line-prompt]"), "Yes, very cold! …")
    assert not line_two.get_by_text(LINES[1]).is_visible()
    next_button = talk.get_by_role("button", name="I said it: next")
    next_button.wait_for()
    assert page.evaluate("document.activeElement.textContent") == "I said it: next"
    page.wait_for_timeout(200)
    assert [s["text"] for s in spoken(page)] == [LINES[0]]                 # waiting for the learner
    next_button.click()
    talk.get_by_role("button", name="I said it: next").click()
    expect_text(turn_status(page), "Well done: you said all your lines.")
    assert [s["text"] for s in spoken(page)] == [LINES[0], LINES[2], LINES[4]]
    assert line_two.get_by_text(LINES[1]).is_visible()
    assert stored(page)["nd:v1:exercise:fx-dialogue"]["practised"] is True


def test_choices_are_checked_and_kept_in_export_and_import(open_page):
    page = open_page()
    talk = dialogue(page)
    talk.get_by_label("Can you get me a job there?").check()
    talk.get_by_role("button", name="Check my choices").click()
    expect_text(check_status(page), "Good choices: 0 of 1 (0%).")
    assert talk.get_by_text("Too fast. Get to know each other first.").is_visible()
    assert stored(page)["nd:v1:exercise:fx-dialogue"]["finished"] is False   # checked, not passed
    talk.get_by_label("Oh, I love that library. Do you like working there?").check()
    talk.get_by_role("button", name="Check my choices").click()
    expect_text(check_status(page), "Good choices: 1 of 1 (100%). Well done.")
    record = stored(page)["nd:v1:exercise:fx-dialogue"]
    assert record["answer"] == {"1": "a"} and record["finished"] is True
    exported = page.evaluate("JSON.stringify(CourseStorage.exportData())")
    other = open_page()
    result = other.evaluate("text => CourseStorage.importData(text)", exported)
    assert result["added"] == ["fx-dialogue"]
    other.reload()
    assert dialogue(other).get_by_label("Oh, I love that library. Do you like working there?").is_checked()


GOOD, RUSHED = LINES[3], "Can you get me a job there?"


def test_listen_and_your_turn_give_the_good_choice_away_only_once_it_is_checked_right(open_page):
    page = open_page()
    talk = dialogue(page)
    choice_line = talk.locator("[data-line='4']")
    # Not checked yet: Listen keeps a quiet moment there, and the line still says to choose.
    talk.get_by_role("button", name="Listen to it all").click()
    expect_text(turn_status(page), "You listened to the whole conversation.")
    assert GOOD not in [s["text"] for s in spoken(page)]
    assert choice_line.locator("[data-line-text]").is_visible()
    assert choice_line.locator("[data-line-text]").text_content() == "Choose what to say."
    assert not choice_line.locator("[data-line-spoken]").is_visible()
    assert not talk.get_by_role("button", name="Listen to line 4").is_visible()
    assert talk.get_by_role("button", name="Listen to line 3").is_visible()
    talk.get_by_label(GOOD).check()                                        # chosen, not checked
    assert not talk.get_by_role("button", name="Listen to line 4").is_visible()
    talk.get_by_role("button", name="Your turn: say my lines").click()
    prompt = choice_line.locator("[data-line-prompt]")
    talk.get_by_role("button", name="I said it: next").click()             # line 2
    expect_text(prompt, "Choose what to say first.")
    assert "Oh, I love" not in prompt.text_content()
    expect_text(turn_status(page), "You have not chosen this line yet.")
    assert not choice_line.get_by_role("button", name="Show the line (line 4)").is_visible()
    talk.get_by_role("button", name="Stop my turn").click()
    # Checked right: the line is read, shown and prompted like any other.
    talk.get_by_role("button", name="Check my choices").click()
    talk.get_by_role("button", name="Listen to line 4").click()
    page.wait_for_function("window.__spoken.some((s) => s.text.startsWith('Oh, I love'))")
    assert choice_line.locator("[data-line-spoken]").is_visible()
    assert not choice_line.locator("[data-line-text]").is_visible()
    talk.get_by_role("button", name="Your turn: say my lines").click()
    talk.get_by_role("button", name="I said it: next").click()
    expect_text(prompt, "Oh, I love …")
    talk.get_by_role("button", name="Stop my turn").click()
    # A changed choice is not checked any more: hidden again.
    talk.get_by_label(RUSHED).check()
    assert not choice_line.locator("[data-line-spoken]").is_visible()
    assert choice_line.locator("[data-line-text]").is_visible()
    assert not talk.get_by_role("button", name="Listen to line 4").is_visible()


def test_check_messages_sit_by_the_button_and_follow_the_choices(open_page):
    page = open_page()
    talk = dialogue(page)
    check = talk.get_by_role("button", name="Check my choices")
    retry = talk.get_by_role("button", name="Try again")
    assert not retry.is_visible() and not check_status(page).is_visible()
    talk.get_by_label(RUSHED).check()
    check.click()
    expect_text(check_status(page), "Good choices: 0 of 1 (0%).")
    below = check_status(page).bounding_box()["y"] - check.bounding_box()["y"]
    assert 0 < below < 120                                                 # right under the button
    assert talk.get_by_text("Not this one.").count() == 1
    assert retry.is_visible()
    assert not talk.locator("[data-result]").is_visible()                  # no "Think again" under the list
    talk.get_by_label(GOOD).check()                                        # changed: the old result goes
    expect_text(check_status(page), "You changed a choice.")
    assert "0 of 1" not in check_status(page).text_content()
    assert not talk.get_by_text("Not this one.").is_visible()
    check.click()
    expect_text(check_status(page), "Good choices: 1 of 1 (100%). Well done.")
    good = talk.get_by_text("Good choice.")
    assert good.count() == 1 and good.is_visible()
    assert good.locator("xpath=ancestor::li[1]").get_attribute("data-option") == "a"   # beside its option
    assert not retry.is_visible()                                          # all right: nothing to retry
    retry_shown = page.evaluate("() => !document.querySelector('#exercise-fx-dialogue [data-action=retry]').hidden")
    assert retry_shown is False
    talk.get_by_role("button", name="Your turn: say my lines").click()
    talk.get_by_role("button", name="I said it: next").click()
    talk.get_by_role("button", name="I said it: next").click()
    expect_text(turn_status(page), "Well done: you said all your lines.")
    assert "Try again" not in turn_status(page).text_content()
    assert "Your turn: say my lines" in turn_status(page).text_content()


def test_your_turn_on_a_phone_shows_the_instruction_by_the_line_and_only_the_buttons_that_apply(open_page):
    page = open_page(width=390)
    talk = dialogue(page)
    check = talk.get_by_role("button", name="Check my choices")
    stop = talk.get_by_role("button", name="Stop", exact=True)
    assert check.is_visible() and stop.is_visible()
    assert not talk.get_by_role("button", name="Stop my turn").is_visible()
    assert not talk.get_by_role("button", name="Show the line (line 2)").is_visible()
    talk.get_by_role("button", name="Your turn: say my lines").click()
    talk.get_by_role("button", name="I said it: next").wait_for()
    expect_text(turn_status(page), "Your turn.")
    line_two = talk.locator("[data-line='2']")
    assert line_two.locator("[data-turn-status]").count() == 1              # in the current line
    box = turn_status(page).bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 900               # on the screen
    assert not check.is_visible() and not stop.is_visible()
    assert talk.get_by_role("button", name="Stop my turn").is_visible()
    assert not line_two.get_by_text(LINES[1]).is_visible()
    show = talk.get_by_role("button", name="Show the line (line 2)")
    show.click()
    assert line_two.get_by_text(LINES[1]).is_visible()
    talk.get_by_role("button", name="Hide the line (line 2)").click()
    assert not line_two.get_by_text(LINES[1]).is_visible()
    talk.get_by_role("button", name="Stop my turn").click()
    expect_text(turn_status(page), "Your turn stopped.")
    assert check.is_visible() and stop.is_visible() and stop.is_disabled()
    assert not show.is_visible()


def test_the_button_to_go_on_is_on_the_screen_even_when_the_line_starts_at_its_bottom_edge(open_page):
    page = open_page(width=390)
    talk = dialogue(page)
    # The learner's line sits at the very bottom of the screen when the turn reaches it.
    page.evaluate("""() => { const line = document.querySelector("#exercise-fx-dialogue [data-line='2']");
        window.scrollBy(0, line.getBoundingClientRect().bottom - innerHeight); }""")
    talk.get_by_role("button", name="Your turn: say my lines").evaluate("button => button.click()")
    said = talk.get_by_role("button", name="I said it: next")
    said.wait_for()
    page.wait_for_timeout(100)
    box = said.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"], box


def test_disabled_buttons_look_disabled_and_a_turn_prints_each_line_once(open_page):
    page = open_page()
    talk = dialogue(page)
    style = "el => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).opacity]"
    assert talk.get_by_role("button", name="Stop", exact=True).evaluate(style) == ["dashed", "0.6"]
    assert talk.get_by_role("button", name="Listen to it all").evaluate(style) == ["solid", "1"]
    talk.get_by_role("button", name="Your turn: say my lines").click()
    talk.get_by_role("button", name="I said it: next").wait_for()
    page.emulate_media(media="print")
    line_two = talk.locator("[data-line='2']")
    assert line_two.get_by_text(LINES[1]).is_visible()
    assert not line_two.locator("[data-line-prompt]").is_visible()
    assert not turn_status(page).is_visible()


# --- Record ---------------------------------------------------------------------------------------

PLAY = """async (selector) => {
    const audio = document.querySelector(selector);
    await audio.play();
    await new Promise((done) => setTimeout(done, 400));
    const played = audio.currentTime;
    audio.pause();
    return {played, src: audio.src};
}"""


def test_a_recording_plays_back_in_the_page_and_can_be_deleted(open_page):
    page = open_page(voices=())
    talk = dialogue(page, "fx-voicemail")
    record = talk.get_by_role("button", name="Record")
    record.click()
    stop = talk.get_by_role("button", name="Stop recording")
    stop.wait_for()
    page.wait_for_timeout(1100)
    stop.click()
    expect_text(talk.locator("[data-record-length]"), re.compile(r"Your recording is [12] seconds? long\."))
    played = page.evaluate(PLAY, "#exercise-fx-voicemail audio")
    assert played["src"].startswith("blob:") and played["played"] > 0
    assert stored(page)["nd:v1:exercise:fx-voicemail"]["practised"] is True
    assert "blob" not in json.dumps(stored(page))                            # the sound is not saved
    talk.get_by_role("button", name="Delete my recording").click()
    expect_text(talk.locator("[data-record-message]"), "Your recording was deleted.")
    assert not talk.locator("audio").is_visible()
    assert page.evaluate("document.querySelector('#exercise-fx-voicemail audio').hasAttribute('src')") is False


def test_a_refused_microphone_gets_a_plain_message_and_the_rest_works(open_page):
    page = open_page(init=REFUSE_MIC)
    talk = dialogue(page)
    talk.get_by_role("button", name="Record").click()
    expect_text(talk.locator("[data-record-message]"), "The microphone was not allowed, so nothing was recorded.")
    assert talk.get_by_role("button", name="Record").is_enabled()
    talk.get_by_role("button", name="Listen to line 1").click()
    page.wait_for_function("window.__spoken.length === 1")


def test_the_speech_builder_reads_aloud_on_the_device_and_times_a_recording(open_page, practice_url):
    page = open_page(url=practice_url + "lessons/02-speaking.html")
    pitch = page.locator("#exercise-fx-pitch")
    fill(pitch, GOOD_SHORT)
    pitch.get_by_role("button", name="Read my speech aloud").click()
    page.wait_for_function("window.__spoken.length === 1")
    assert spoken(page)[0]["voice"] == "Local Canadian" and spoken(page)[0]["local"] is True
    pitch.get_by_role("button", name="Record").click()
    stop = pitch.get_by_role("button", name="Stop recording")
    stop.wait_for()
    page.wait_for_timeout(1200)
    stop.click()
    expect_text(pitch.locator(":scope > [data-role=status]"), re.compile(
        r"You spoke for [12] seconds?\. That is much shorter than the 10-second version \(10 seconds\)"))
    assert page.evaluate(PLAY, "#exercise-fx-pitch audio")["played"] > 0


# --- the recorder and a pitch's voices load when first needed (later.js) ----------------------------

def later_files(page, stem: str) -> list[str]:
    """The minified files named `stem` (recorder, voices) the page has loaded so far."""
    names = page.evaluate("Array.from(document.scripts, (s) => s.src.split('/').pop())")
    return [name for name in names if re.fullmatch(stem + r"-[0-9a-f]{10}\.min\.js", name)]


def record_a_moment(box):
    box.get_by_role("button", name="Record", exact=True).click()
    box.get_by_role("button", name="Stop recording").wait_for()
    box.page.wait_for_timeout(SPEAK_MS)                        # a recording with some sound in it
    box.get_by_role("button", name="Stop recording").click()
    box.locator("audio").wait_for()


def test_a_pitch_loads_the_voices_and_the_recorder_on_the_first_press(open_page, practice_url):
    page = open_page(url=practice_url + "lessons/02-speaking.html")
    pitch = page.locator("#exercise-fx-pitch")
    assert later_files(page, "voices") == [] and later_files(page, "recorder") == []
    fill(pitch, GOOD_SHORT)
    pitch.get_by_role("button", name="Read my speech aloud").click()
    page.wait_for_function("window.__spoken.length === 1")
    assert len(later_files(page, "voices")) == 1 and later_files(page, "recorder") == []
    record_a_moment(pitch)
    record_a_moment(pitch)                                      # the second time: no second copy
    assert len(later_files(page, "recorder")) == 1


def test_a_dialogue_loads_the_recorder_on_the_first_press(open_page):
    page = open_page()
    assert later_files(page, "recorder") == []
    talk = dialogue(page, "fx-voicemail")
    record_a_moment(talk)
    assert len(later_files(page, "recorder")) == 1
    expect_text(talk.locator("[data-record-length]"), re.compile(r"Your recording is (\d+ seconds?|less than 1 second) long\."))


def test_a_script_that_cannot_load_gets_a_plain_message_and_the_button_tries_again(open_page, practice_url):
    page = open_page(url=practice_url + "lessons/02-speaking.html")
    pitch = page.locator("#exercise-fx-pitch")
    fill(pitch, GOOD_SHORT)
    page.route(re.compile(r"/(recorder|voices)-[0-9a-f]{10}\.min\.js$"), lambda route: route.abort())
    pitch.get_by_role("button", name="Record", exact=True).click()
    expect_text(pitch.locator("[data-record-message]"), "Recording could not be turned on.")
    pitch.get_by_role("button", name="Read my speech aloud").click()
    expect_text(pitch.locator("[data-voice-note]"), "Reading aloud could not be turned on.")
    assert pitch.get_by_role("button", name="Record", exact=True).is_enabled()
    page.unroute(re.compile(r"/(recorder|voices)-[0-9a-f]{10}\.min\.js$"))
    record_a_moment(pitch)                                      # the next press works
    pitch.get_by_role("button", name="Read my speech aloud").click()
    page.wait_for_function("window.__spoken.length === 1")
    failed = [e for e in page.watch.errors if e.startswith("Failed to load resource")]
    assert len(failed) == 2                                     # the two blocked files, nothing else
    page.watch.errors = [e for e in page.watch.errors if e not in failed]


# --- keyboard, accessibility, file:// -----------------------------------------------------------------

def test_a_dialogue_can_be_practised_with_the_keyboard_alone(open_page):
    page = open_page()
    tab_to(page, "#exercise-fx-dialogue [data-action=your-turn]")
    page.keyboard.press("Enter")
    for _ in range(2):                                     # focus moves to "I said it: next"
        page.wait_for_function("document.activeElement && document.activeElement.dataset.action === 'next'")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        page.keyboard.press("Enter")
    expect_text(turn_status(page), "Well done: you said all your lines.")
    tab_to(page, "#nd-fx-dialogue-c1-a")
    page.keyboard.press("Space")
    tab_to(page, "#exercise-fx-dialogue [data-action=check]")
    page.keyboard.press("Enter")
    expect_text(check_status(page), "Well done.")
    tab_to(page, "#exercise-fx-dialogue [data-action=record]")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.textContent === 'Stop recording'")
    page.wait_for_timeout(SPEAK_MS)
    page.keyboard.press("Enter")
    tab_to(page, "#exercise-fx-dialogue [data-action=delete-recording]")


def test_during_your_turn_the_keyboard_focus_stays_in_the_dialogue(open_page):
    page = open_page()
    page.evaluate("window.__speechMs = 5000")
    tab_to(page, "#exercise-fx-dialogue [data-action=your-turn]")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.dataset.action === 'next'", timeout=8000)
    page.keyboard.press("Enter")                           # line 3, the other person's, is read now
    focused = "document.activeElement.textContent"
    assert page.evaluate(focused) == "Listen to line 3"   # not lost to the top of the page
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")                           # hear it again: still my turn
    assert page.evaluate(focused) == "Listen to line 3"
    assert dialogue(page).get_by_role("button", name="Stop my turn").is_visible()


def test_no_axe_violations_while_practising_in_light_and_dark(open_page):
    for scheme in ("light", "dark"):
        page = open_page(width=390, scheme=scheme)
        assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        page.evaluate("window.__speechMs = 5000")
        talk = dialogue(page)
        talk.get_by_role("button", name="Check my choices").click()
        talk.get_by_role("button", name="Listen to it all").click()          # a line highlighted
        voicemail = dialogue(page, "fx-voicemail")
        voicemail.get_by_role("button", name="Your turn: say my lines").click()
        voicemail.get_by_role("button", name="Record").click()
        voicemail.get_by_role("button", name="Stop recording").wait_for()
        page.wait_for_timeout(SPEAK_MS)
        voicemail.get_by_role("button", name="Stop recording").click()
        voicemail.locator("audio").wait_for()
        violations = content_axe_violations(page)
        assert violations == [], scheme + ":\n" + describe_violations(violations)


def test_it_works_from_a_file(open_page, practice_site):
    page = open_page(url=(practice_site / LESSON).as_uri())
    talk = dialogue(page)
    talk.get_by_role("button", name="Listen to it all").click()
    expect_text(turn_status(page), "You listened to the whole conversation.")
    assert later_files(page, "recorder") == []
    record_a_moment(talk)                                       # recorder.js loads from file:// too
    assert stored(page)["nd:v1:exercise:fx-dialogue"]["practised"] is True
    page = open_page(url=(practice_site / "lessons/02-speaking.html").as_uri())
    pitch = page.locator("#exercise-fx-pitch")
    fill(pitch, GOOD_SHORT)
    pitch.get_by_role("button", name="Read my speech aloud").click()
    page.wait_for_function("window.__spoken.length === 1")
    record_a_moment(pitch)
    assert len(later_files(page, "voices")) == 1 and len(later_files(page, "recorder")) == 1


# --- issue 11: the recording's length, Listen during a turn, choices kept before a check -----------

REAL_LENGTH = """async (audio) => {
    const sound = await (await fetch(audio.src)).arrayBuffer();
    const context = new OfflineAudioContext(1, 1, 44100);
    return (await context.decodeAudioData(sound)).duration;
}"""


def record_for(page, box, milliseconds: int) -> int:
    """Record in `box` for about `milliseconds`; the length the audio player shows, in whole seconds."""
    box.get_by_role("button", name="Record").click()
    stop = box.get_by_role("button", name="Stop recording")
    stop.wait_for()
    page.wait_for_timeout(milliseconds)
    stop.click()
    box.locator("[data-recording-box]").wait_for()
    audio = box.locator("audio")
    real = audio.evaluate(REAL_LENGTH)       # the sound itself, decoded
    assert audio.evaluate("audio => audio.duration") == pytest.approx(real, abs=0.1)  # the player knows it
    return int(real)                         # the player shows whole seconds, cut down: 1.9 s is 0:01


def test_the_recording_length_said_is_the_length_the_player_shows(open_page, practice_url):
    page = open_page(voices=())
    talk = dialogue(page, "fx-voicemail")
    shown = record_for(page, talk, 1600)    # long enough that rounding and cutting down differ
    words = f"{shown} second" + ("" if shown == 1 else "s")
    expect_text(talk.locator("[data-record-length]"), f"Your recording is {words} long.")
    assert talk.locator("[data-record-time]").text_content() == words    # the timer agrees
    page.goto(practice_url + "lessons/02-speaking.html")                # the speech builder too
    pitch = page.locator("#exercise-fx-pitch")
    shown = record_for(page, pitch, 1600)
    words = f"{shown} second" + ("" if shown == 1 else "s")
    expect_text(pitch.locator(":scope > [data-role=status]"), f"You spoke for {words}.")
    expect_text(pitch.locator("[data-record-length]"), f"Your recording is {words} long.")


NO_SOUND = """window.MediaRecorder = class extends EventTarget {
    constructor() { super(); this.state = "inactive"; this.mimeType = "audio/webm"; }
    start() { this.state = "recording"; }
    stop() {
        this.state = "inactive";
        const data = new Event("dataavailable");
        data.data = new Blob(["no sound here"]);
        this.dispatchEvent(data);
        this.dispatchEvent(new Event("stop"));
    }
};"""


def test_a_recording_that_cannot_be_played_says_so_and_states_no_length(open_page):
    page = open_page(voices=(), init=NO_SOUND)
    talk = dialogue(page, "fx-voicemail")
    talk.get_by_role("button", name="Record").click()
    talk.get_by_role("button", name="Stop recording").click()
    expect_text(talk.locator("[data-record-message]"), "This recording cannot be played. It may be too short.")
    assert "Record" in talk.locator("[data-record-message]").text_content()
    assert not talk.locator("audio").is_visible() and not talk.locator("[data-record-length]").is_visible()
    assert talk.locator("[data-record-time]").text_content() == "0 seconds"
    assert "nd:v1:exercise:fx-voicemail" not in stored(page)              # not counted as practised


def test_listening_to_a_line_during_your_turn_keeps_the_turn(open_page):
    page = open_page()
    talk = dialogue(page)
    talk.get_by_role("button", name="Your turn: say my lines").click()
    next_button = talk.get_by_role("button", name="I said it: next")
    next_button.wait_for()                                                 # waiting at line 2
    listen = talk.get_by_role("button", name="Listen to line 1")
    assert listen.is_visible()
    listen.focus()
    page.keyboard.press("Enter")                                           # the keyboard, as a learner would
    page.wait_for_function("window.__spoken.length === 2")
    assert [s["text"] for s in spoken(page)] == [LINES[0], LINES[0]]       # line 1 again
    assert talk.get_by_role("button", name="Stop my turn").is_visible()    # still my turn
    assert next_button.is_visible()
    expect_text(talk.locator("[aria-current=true]"), "Yes, very cold!")    # back at my line
    assert not talk.locator("[data-line='2']").get_by_text(LINES[1]).is_visible()
    assert "Your turn stopped" not in turn_status(page).text_content()
    assert page.evaluate("document.activeElement.textContent").startswith("Listen")   # focus stays put
    next_button.click()
    next_button.wait_for()                                                 # line 3 was read, then line 4
    assert [s["text"] for s in spoken(page)] == [LINES[0], LINES[0], LINES[2]]
    # Listen while the other person is speaking: that line is read, then the turn goes on from there.
    talk.get_by_role("button", name="Stop my turn").click()
    page.evaluate("window.__spoken.length = 0; window.__speechMs = 400")
    talk.get_by_role("button", name="Your turn: say my lines").click()
    page.wait_for_function("window.__spoken.length === 1")                 # line 1 is being read
    talk.get_by_role("button", name="Listen to line 3").click()
    next_button.wait_for()
    assert [s["text"] for s in spoken(page)] == [LINES[0], LINES[2], LINES[0]]
    expect_text(turn_status(page), "Your turn.")
    assert talk.get_by_role("button", name="Stop my turn").is_visible()
    # Listen to the very line being read: it starts again, once.
    talk.get_by_role("button", name="Stop my turn").click()
    page.evaluate("window.__spoken.length = 0")
    talk.get_by_role("button", name="Your turn: say my lines").click()
    page.wait_for_function("window.__spoken.length === 1")
    talk.get_by_role("button", name="Listen to line 1").click()
    next_button.wait_for()
    assert [s["text"] for s in spoken(page)] == [LINES[0], LINES[0]]


def test_choices_picked_but_not_checked_come_back_after_a_reload_still_not_checked(open_page):
    page = open_page()
    talk = dialogue(page)
    choice_line = talk.locator("[data-line='4']")
    talk.get_by_label(RUSHED).check()
    page.reload()
    talk = dialogue(page)
    assert talk.get_by_label(RUSHED).is_checked()
    assert not talk.get_by_label(GOOD).is_checked()
    assert not talk.get_by_text("Not this one.").is_visible()              # not checked: no verdict
    # Practised, then a good choice picked but not checked: back after a reload, nothing given away.
    talk.get_by_role("button", name="Listen to it all").click()
    expect_text(turn_status(page), "You listened to the whole conversation.")
    talk.get_by_label(GOOD).check()
    page.reload()
    talk = dialogue(page)
    assert talk.get_by_label(GOOD).is_checked()
    assert not talk.get_by_role("button", name="Listen to line 4").is_visible()
    assert choice_line.locator("[data-line-text]").text_content() == "Choose what to say."
    # Checked right, then reloaded: the result is back and the line stays open.
    talk.get_by_role("button", name="Check my choices").click()
    expect_text(check_status(page), "Good choices: 1 of 1 (100%).")
    page.reload()
    talk = dialogue(page)
    assert talk.get_by_label(GOOD).is_checked()
    assert talk.get_by_role("button", name="Listen to line 4").is_visible()
    expect_text(check_status(page), "Good choices: 1 of 1 (100%).")
    assert talk.get_by_text("Good choice.").is_visible()


@pytest.mark.parametrize("saved, kept", [
    ('{"answer": {"1": "a"', 0), ('{"answer": "a"}', 0), ('[1, 2]', 0), ('{"answer": {"1": 5, "7": "a"}}', 0),
    ('{"answer": {"1": {"toString": 1}}}', 0), ('{"answer": {"1": "a"}, "checked": "yes"}', 1)])
def test_a_corrupt_saved_choice_gives_a_message_and_the_dialogue_still_works(open_page, saved, kept):
    init = f"localStorage.setItem('nd:v1:exercise:fx-dialogue', {json.dumps(saved)});"
    page = open_page(init=f"if (!sessionStorage.getItem('seeded')) {{ {init} sessionStorage.setItem('seeded', '1'); }}")
    talk = dialogue(page)
    expect_text(talk.locator(":scope > [data-role=notice]"), "could not be read")
    assert talk.locator("input:checked").count() == kept                  # what could be read is back
    assert not talk.get_by_role("button", name="Listen to line 4").is_visible()   # nothing counts as checked
    talk.get_by_label(GOOD).check()
    page.reload()
    talk = dialogue(page)
    assert talk.get_by_label(GOOD).is_checked()
    talk.get_by_role("button", name="Check my choices").click()
    expect_text(check_status(page), "Good choices: 1 of 1 (100%).")
