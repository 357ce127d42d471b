"""The shared Jinja environment and the site's exercise HTML.

Golden files: tests/fixtures/render/<exercise id>.html hold the expected HTML of each fixture
exercise. After a deliberate change to a template, run
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py
and read the diff before committing the new files.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from course import exercise_html, lesson_page, loader, progress_page, render

FIXTURES = Path(__file__).parent / "fixtures"
EXERCISES = sorted((FIXTURES / "exercise_site" / "exercises").glob("*.yml"))
assert EXERCISES, "no fixture exercises found: the tests over them would pass on nothing"
GOLDEN = FIXTURES / "render"


def test_environment_autoescapes_and_is_shared():
    env = render.make_environment()
    assert env is render.make_environment()
    assert env.from_string("{{ text }}").render(text="<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert env.from_string("{{ data|tojson }}").render(data={"t": "</script><!--"}) == \
        '{"t": "\\u003c/script\\u003e\\u003c!--"}'


def test_paragraphs_and_plural():
    assert render.paragraphs("One line\nand more.\n\n  Second.  \n\n\n") == ["One line and more.", "Second."]
    assert render.paragraphs(None) == []
    assert render.plural(1, "minute") == "1 minute" and render.plural(5, "minute") == "5 minutes"


def test_compact_keeps_html_one_markdown_block():
    assert render.compact("<p>a</p>\n\n   \n<p>b</p>\n") == "<p>a</p>\n<p>b</p>"


@pytest.mark.parametrize("path", EXERCISES, ids=[p.stem for p in EXERCISES])
def test_exercise_html_matches_golden_file(path):
    exercise, problems = loader.load_exercise(path)
    assert problems == []
    html = exercise_html.render_exercise(exercise) + "\n"
    golden = GOLDEN / f"{path.stem}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run with UPDATE_GOLDEN=1 to write it"
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), html.splitlines(True),
                                        str(golden), "rendered"))
    assert html == expected, diff


@pytest.mark.parametrize("path", EXERCISES, ids=[p.stem for p in EXERCISES])
def test_every_control_has_a_label_and_no_blank_lines(path):
    exercise, _ = loader.load_exercise(path)
    html = exercise_html.render_exercise(exercise)
    assert "\n\n" not in html
    for control in re.findall(r"<(?:input|select|textarea)[^>]*>", html.split("<template")[0]):
        control_id = re.search(r'id="([^"]+)"', control).group(1)
        assert f'for="{control_id}"' in html, control


def test_spec_carries_rules_and_page_facts():
    exercise, _ = loader.load_exercise(FIXTURES / "exercise_site" / "exercises" / "fx-pitch.yml")
    spec = exercise_html.spec(exercise)
    assert spec["rules"]["targets"][0]["parts"] == ["name", "what", "question"]
    assert spec["page"]["paces"] == {"slower": 96, "default": 120, "faster": 150, "measured": None}


def test_lesson_frame_from_front_matter():
    meta = lesson_page.front_matter("---\ntitle: T\npromise: You <will>.\nminutes: 45\n"
                                    "objectives: [One, Two]\nkey_points: [Short & true.]\n---\n# T\n")
    frame = lesson_page.LessonFrame.from_meta("lessons/05-x.md", meta,
                                              [lesson_page.Worksheet("A <sheet>", "../printables.html#a")])
    out = lesson_page.add_frame("# 5. Title\n\nBody.\n", frame)
    head, _, tail = out.partition("Body.")
    assert head.startswith("# 5. Title\n\n<div class=\"nd-lesson-intro\" data-search-exclude>")
    assert "You &lt;will&gt;." in head and "about 45 minutes" in head and "<li>Two</li>" in head
    assert "## Key points" in tail and "Short &amp; true." in tail
    assert '<a href="../printables.html#a">A &lt;sheet&gt;</a>' in tail
    assert 'data-lesson="lessons/05-x.md"' in tail
    assert lesson_page.front_matter("no front matter") == {}
    assert lesson_page.front_matter("---\n: : bad\n---\n") == {}


def test_lesson_frame_without_front_matter_still_has_the_done_button():
    out = lesson_page.add_frame("# Title\n\nBody.", lesson_page.LessonFrame("lessons/x.md"))
    assert "nd-lesson-intro" not in out and "Key points" not in out and "lesson-done" in out


def test_progress_list_replaces_its_marker_only():
    lessons = [progress_page.LessonLink("lessons/01-a.md", "1. <A>", "lessons/01-a.html", [
        progress_page.ExerciseLink("quiz-a", "Quiz & co", "quiz", "lessons/01-a.html#exercise-quiz-a")])]
    md = "# My progress\n\n<!-- my-progress -->\n\nAfter."
    out = progress_page.fill(md, lessons)
    assert "<!-- my-progress -->" not in out and out.endswith("After.")
    assert "1. &lt;A&gt;" in out and "Quiz &amp; co" in out and 'data-exercise="quiz-a"' in out
    assert progress_page.fill("No marker", lessons) == "No marker"
