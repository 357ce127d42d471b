"""The browser editor in local mode, as a counsellor uses it: real Chromium, the built /admin/,
and decap-server writing into a copy of the course.

One page goes through the whole story (the tests run in order and share it): make a lesson, a
quiz and a message builder through the forms, check and build the result strictly, change a
lesson's title and minutes, and prove that nothing else was rewritten, no request left
127.0.0.1 and the page had no errors.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError, expect
import yaml

from conftest import (ROOT, PYTHON, PageWatch, _QuietHandler, build_env, build_worksheets,
                      copy_project, free_port, mkdocs_build)

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
NEW_LESSON = "docs/lessons/14-networking-at-work.md"
NEW_QUIZ = "exercises/cms-quiz.yml"
NEW_MESSAGE = "exercises/cms-thanks.yml"
EDITED_LESSON = "docs/lessons/02-two-way-street.md"


def _wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"decap-server did not start on port {port}")


def _snapshot(project: Path) -> dict[str, tuple[bytes, int]]:
    """Every course file the editor could touch, with its bytes and modification time."""
    files = {}
    for folder in ("docs", "exercises", "workshops"):
        for path in (project / folder).rglob("*"):
            if path.is_file() and "printables/pdf" not in path.as_posix():
                files[path.relative_to(project).as_posix()] = (path.read_bytes(), path.stat().st_mtime_ns)
    return files


@pytest.fixture(scope="module")
def editor(site_dir, tmp_path_factory, browser):
    """A copy of the course served by decap-server, the built editor on 127.0.0.1, and one
    browser page on /admin/ (1440 px wide)."""
    assert (site_dir / "admin" / "decap-cms.js").exists(), "The build did not copy the editor."
    project = copy_project(tmp_path_factory.mktemp("cms") / "course")
    api_port = free_port()
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        env={**os.environ, "PORT": str(api_port), "BIND_HOST": "127.0.0.1",
             "GIT_REPO_DIRECTORY": str(project)})
    # The editor's pages from the built site, with the local backend's port of this test.
    web = tmp_path_factory.mktemp("cms-web")
    shutil.copytree(site_dir / "admin", web / "admin")
    (web / "assets").symlink_to(site_dir / "assets")
    config = web / "admin" / "config.yml"
    config.write_text(config.read_text().replace("127.0.0.1:8081", f"127.0.0.1:{api_port}"))
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(web)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.watch = PageWatch(page)
    page.set_default_timeout(30_000)             # a shared CI machine can be slow
    page.set_default_navigation_timeout(60_000)
    try:
        _wait_for_port(api_port)
        before = _snapshot(project)
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/admin/")
        page.get_by_role("button", name="Login").click()
        page.get_by_role("link", name="Lessons").wait_for()
        yield {"page": page, "project": project, "before": before,
               "admin": f"http://127.0.0.1:{httpd.server_address[1]}/admin/"}
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
        server.terminate()
        server.wait(timeout=10)


def _publish(page, project: Path, path: str) -> None:
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Changes saved").first.wait_for()
    page.wait_for_url(re.compile(r"/entries/"))   # the editor moves to the saved entry
    deadline = time.monotonic() + 10
    while not (project / path).exists() and time.monotonic() < deadline:
        time.sleep(0.1)


def _fill(page, label: str, value: str, index: int = -1) -> None:
    """Type into the field labelled `label` (the last one when several share the label) and
    make sure it kept the text: a new form renders twice while it loads its lists."""
    fields = page.get_by_label(label, exact=True)
    deadline = time.monotonic() + 15
    while True:
        field = fields.nth(index) if index >= 0 else fields.last
        try:
            field.fill(value, timeout=2_000)
            if field.input_value(timeout=1_000) == value:
                return
        except PlaywrightError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"Could not type into the field {label!r}")
        page.wait_for_timeout(200)


def _insert_exercise(editor, choice: str, exercise_id: str) -> None:
    """Place an exercise at the end of the new lesson with "Insert exercise", chosen by its
    title, publish the lesson and wait until the file has the block."""
    page, project = editor["page"], editor["project"]
    page.goto(editor["admin"] + "#/collections/lessons")
    page.get_by_text("14. Networking at work", exact=True).click()
    page.get_by_label("Exercise to insert").select_option(label=choice)
    page.get_by_role("button", name="Insert exercise").click()
    _publish(page, project, NEW_LESSON)
    deadline = time.monotonic() + 10
    while exercise_id not in (project / NEW_LESSON).read_text() and time.monotonic() < deadline:
        time.sleep(0.1)


def _pick(page, label: str, typed: str) -> None:
    """Choose in a searchable list (relation or select): type, then take the first match."""
    page.get_by_label(label, exact=True).last.fill(typed)
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Enter")


def test_a_lesson_made_in_the_form(editor):
    page, project = editor["page"], editor["project"]
    page.goto(editor["admin"] + "#/collections/lessons/new")
    page.get_by_role("button", name="Add objective").wait_for()
    _fill(page, "Title", "14. Networking at work")
    _fill(page, "Description", "How to keep in touch with people at work.")
    _fill(page, "Promise", "By the end, you will know one way to help a co-worker.")
    _fill(page, "Minutes", "20")
    for item in ("Objective", "Key point"):
        page.get_by_role("button", name=f"Add {item.lower()}").click()
        _fill(page, item, f"One short {item.lower()}.")
    _fill(page, "Lesson text", "# 14. Networking at work\n\nYour co-workers are part of your network.\n")
    _publish(page, project, NEW_LESSON)
    text = (project / NEW_LESSON).read_text()
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "14. Networking at work"
    assert front["minutes"] == 20
    assert front["objectives"] == ["One short objective."]
    assert text.endswith("---\n# 14. Networking at work\n\nYour co-workers are part of your network.\n")


def _fill_heading(page, exercise_id: str, title: str, minutes: str, instructions: str) -> None:
    """The fields every exercise form starts with; the lesson is the new lesson 14."""
    _fill(page, "Exercise id", exercise_id)
    _fill(page, "Title", title)
    _pick(page, "Lesson", "14.")
    _fill(page, "Minutes", minutes)
    _fill(page, "Instructions", instructions)


def _fill_facilitator(page, timing: str, group: str, prompt: str) -> None:
    """The notes for the facilitator, with one discussion question."""
    _fill(page, "How to spend the time", timing)
    _fill(page, "Running it with a group", group)
    page.get_by_role("button", name="Add discussion question").click()
    _fill(page, "Discussion question", prompt)


def _checked_and_built(project, tmp_path):
    """The checker passes the project (its one note: the new lesson joined the menu by itself,
    as the editor cannot change mkdocs.yml), the worksheets and a strict build succeed; returns
    the built lesson 14."""
    check = subprocess.run([PYTHON, "scripts/check_exercises.py"], cwd=project, env=build_env(),
                           capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout.startswith("1 warning in 1 file."), check.stdout
    assert "warning [lesson-not-in-menu]" in check.stdout, check.stdout
    assert build_worksheets(project).returncode == 0
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    return tmp_path / "site" / "lessons" / "14-networking-at-work.html"


def test_a_quiz_made_in_the_form_passes_the_checker_and_builds(editor, tmp_path):
    page, project = editor["page"], editor["project"]
    page.goto(editor["admin"] + "#/collections/exercise-quiz/new")
    page.get_by_role("button", name="Add question").wait_for()
    _fill_heading(page, "cms-quiz", "A quiz made in the editor", "5", "Choose the best answer. Then press Check.")
    _fill(page, "Question", "Networking at work means asking for a raise.")
    _fill(page, "Option", "Myth")
    page.get_by_role("switch", name="This option is right", exact=True).first.click()
    _fill(page, "Feedback on this option (optional)", "It means helping each other, both ways.", 0)
    page.get_by_role("button", name="Add option").click()
    _fill(page, "Option", "Fact", 1)
    _fill(page, "Feedback on this option (optional)", "A raise is a different talk.", 1)
    _fill_facilitator(page, "5 minutes alone.", "Read the question aloud. People vote.",
                      "Which answer surprised you?")
    for name, expect, option in (("all right", "pass", "a. Myth"), ("all wrong", "fail", "b. Fact")):
        page.get_by_role("button", name="Add example answer").click()
        _fill(page, "What this example shows", name)
        _pick(page, "Should it pass or fail?", expect)
        # The answer lists the questions above, with their options to tick: nothing is typed.
        page.get_by_role("group", name="The learner's answer").last.get_by_label(option).check()
    _publish(page, project, NEW_QUIZ)

    _insert_exercise(editor, "A quiz made in the editor (cms-quiz)", "cms-quiz")
    assert (project / NEW_LESSON).read_text().endswith(
        "network.\n\n/// exercise | cms-quiz\n///\n")

    saved = yaml.safe_load((project / NEW_QUIZ).read_text())
    assert saved["kind"] == "quiz" and saved["lesson"] == "lessons/14-networking-at-work.md"
    assert saved["examples"][0]["answer"] == {"1": ["a"]}
    lesson = _checked_and_built(project, tmp_path).read_text()
    assert 'data-exercise="cms-quiz"' in lesson and "A quiz made in the editor" in lesson


def test_a_message_builder_made_in_the_form_passes_the_checker_and_builds(editor, tmp_path):
    page, project = editor["page"], editor["project"]
    page.goto(editor["admin"] + "#/collections/exercise-message/new")
    page.get_by_role("button", name="Add word to avoid").wait_for()
    _fill_heading(page, "cms-thanks", "A thank-you note made in the editor", "10",
                  "Write a short note to thank a co-worker. Say what they did.")
    # The list of parts starts with one part; the second is added.
    page.get_by_role("button", name="Add part").click()
    for index, (part_id, label, hint, example) in enumerate((
            ("greeting", "Greeting", "Use the person's name.", "Hi Sam,"),
            ("thanks", "Your thanks", "Say what they did for you.", "Thank you for your help on Monday."))):
        _fill(page, "Part id", part_id, index)
        _fill(page, "Part name", label, index)
        _fill(page, "Tip under the box (optional)", hint, index)
        _fill(page, "Example sentence (optional)", example, index)
        page.get_by_role("switch", name="The learner must fill in this part", exact=True).nth(index).click()
    # Length: two numbers for sentences, two for words, and the parts that are counted.
    for name in ("sentence count", "sentence count", "word count", "word count"):
        page.get_by_role("button", name=f"Add {name}").click()
    for index, (label, number) in enumerate((("Sentence count", "1"), ("Sentence count", "3"),
                                             ("Word count", "5"), ("Word count", "60"))):
        _fill(page, label, number, index % 2)
    # The parts typed above are offered to tick: no part id is typed twice.
    page.get_by_role("group", name="Parts to count").get_by_label("Your thanks (thanks)").check()
    page.get_by_role("button", name="Add word to avoid").click()
    _fill(page, "Word or phrase", "asap")
    _fill(page, "Why to avoid it", "Too pushy for a thank-you. Leave it out.")
    _fill_facilitator(page, "10 minutes. 5 to write, 5 to read to a partner.",
                      "Each person thanks a real co-worker. Partners read the note aloud.",
                      "What did your co-worker do for you?")
    answers = (("a short, clear note", "pass", "Hi Sam,", "Thank you for showing me the new till on Monday."),
               ("too short, and pushy", "fail", "Hi,", "Thanks, asap."))
    for name, expect_, greeting, thanks in answers:
        page.get_by_role("button", name="Add example answer").click()
        _fill(page, "What this example shows", name)
        _pick(page, "Should it pass or fail?", expect_)
        # One box for each part above, named as the learner sees it.
        answer = page.get_by_role("group", name="The learner's answer").last
        answer.get_by_label("Greeting", exact=True).fill(greeting)
        answer.get_by_label("Your thanks", exact=True).fill(thanks)
    page.set_viewport_size({"width": 1440, "height": 7400})   # the whole filled form in one picture
    page.get_by_label("Exercise id", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "message-form.png")
    page.set_viewport_size({"width": 1440, "height": 900})
    _publish(page, project, NEW_MESSAGE)

    _insert_exercise(editor, "A thank-you note made in the editor (cms-thanks)", "cms-thanks")  # after the quiz
    assert (project / NEW_LESSON).read_text().endswith(
        "/// exercise | cms-quiz\n///\n\n/// exercise | cms-thanks\n///\n")

    saved = yaml.safe_load((project / NEW_MESSAGE).read_text())
    assert saved["kind"] == "message" and saved["id"] == "cms-thanks"
    assert saved["title"] == "A thank-you note made in the editor"
    assert saved["lesson"] == "lessons/14-networking-at-work.md" and saved["minutes"] == 10
    assert [(p["id"], p["label"], p["required"]) for p in saved["parts"]] == [
        ("greeting", "Greeting", True), ("thanks", "Your thanks", True)]
    assert saved["parts"][0]["example"] == "Hi Sam,"
    assert saved["length"] == {"sentences": [1, 3], "words": [5, 60], "parts": ["thanks"]}
    assert saved["flagged"] == [{"word": "asap", "reason": "Too pushy for a thank-you. Leave it out."}]
    assert saved["facilitator"]["prompts"] == ["What did your co-worker do for you?"]
    assert saved["facilitator"]["timing"].startswith("10 minutes.")
    assert [(e["name"], e["expect"]) for e in saved["examples"]] == [
        ("a short, clear note", "pass"), ("too short, and pushy", "fail")]
    assert saved["examples"][1]["answer"] == {"greeting": "Hi,", "thanks": "Thanks, asap."}
    lesson = _checked_and_built(project, tmp_path)
    assert 'data-exercise="cms-thanks"' in lesson.read_text()
    assert "A thank-you note made in the editor" in lesson.read_text()
    shown = page.context.new_page()
    try:
        shown.goto(lesson.as_uri())
        shown.add_style_tag(content=".md-header { position: static; }")   # off the exercise's top
        shown.locator('[data-exercise="cms-thanks"]').first.screenshot(path=tmp_path / "built-message.png")
    finally:
        shown.close()


def test_editing_title_and_minutes_keeps_the_rest_of_the_lesson(editor):
    page, project = editor["page"], editor["project"]
    original = (project / EDITED_LESSON).read_text()
    page.goto(editor["admin"] + "#/collections/lessons")
    page.get_by_text("2. A two-way street", exact=True).click()
    expect(page.get_by_label("Title", exact=True).first).to_have_value(re.compile(r"^2\."))
    _fill(page, "Title", "2. A street that goes both ways", 0)
    _fill(page, "Minutes", "35", 0)
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Changes saved").first.wait_for()
    deadline = time.monotonic() + 10
    while (project / EDITED_LESSON).read_text() == original and time.monotonic() < deadline:
        time.sleep(0.1)
    changed = (project / EDITED_LESSON).read_text()
    _, old_front, old_body = original.split("---\n", 2)
    _, new_front, new_body = changed.split("---\n", 2)
    assert new_body == old_body
    old, new = yaml.safe_load(old_front), yaml.safe_load(new_front)
    assert new.pop("title") == "2. A street that goes both ways" and new.pop("minutes") == 35
    old.pop("title"), old.pop("minutes")
    assert new == old


def test_untouched_files_are_not_rewritten_and_nothing_leaves_the_machine(editor):
    page, project = editor["page"], editor["project"]
    after = _snapshot(project)
    changed = {path for path, value in after.items() if editor["before"].get(path) != value}
    assert changed == {NEW_LESSON, NEW_QUIZ, NEW_MESSAGE, EDITED_LESSON}
    assert page.watch.foreign_requests() == []
    assert page.watch.errors == []
