"""Per-page scripts (page_assets.py): each page loads one minified file with exactly the scripts
its exercises and markers need, and the course's own JS and CSS stay within the budget."""

from __future__ import annotations

import gzip
import json
import re

import yaml

from conftest import ROOT
from course import exercise_html, page_assets
from course.loader import load_course
from course.model import KINDS

BUDGET_GZIP_BYTES = 15 * 1024
"""The course's own JS and CSS that any one page loads, gzipped (issue 17, budget 2)."""
DIALOGUE_CEILING_BYTES = 20 * 1024
"""A lesson with a dialogue and a pitch or message still misses that budget (bench/README.md
says why). The heaviest, lesson 3, weighs 19.6 KB: it may not grow further."""


def config_scripts() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["extra_javascript"]


def test_every_script_and_kind_has_its_place():
    names = [name.rsplit("/", 1)[-1] for name in config_scripts()]
    assert sorted(names) == sorted(page_assets.SCRIPT_NEEDS), "mkdocs.yml and SCRIPT_NEEDS list other scripts"
    assert set(page_assets.KIND_SCRIPTS) == set(KINDS)
    for script, needs in page_assets.SCRIPT_NEEDS.items():  # mkdocs.yml runs what a script needs first
        assert all(names.index(need) < names.index(script) for need in needs), script


def test_a_page_gets_its_kinds_and_what_they_need_only():
    course = load_course(ROOT)
    quiz = next(ex for ex in course.exercises.values() if ex.kind == "quiz")
    dialogue = next(ex for ex in course.exercises.values() if ex.kind == "dialogue")
    pitch = next(ex for ex in course.exercises.values() if ex.kind == "pitch")
    message = next(ex for ex in course.exercises.values() if ex.kind == "message")
    assert page_assets.scripts_for(exercise_html.render_exercise(quiz)) == {
        "quiz.js", "exercise.js", "rules.js", "storage.js"}
    # the recorder is loaded when Record is first pressed; a dialogue needs the voices at once
    assert page_assets.scripts_for(exercise_html.render_exercise(dialogue)) == {
        "dialogue.js", "exercise.js", "rules.js", "storage.js", "voices.js", "later.js"}
    # the text rules only where a written answer is checked; a pitch's voices wait for a press
    assert page_assets.scripts_for(exercise_html.render_exercise(pitch)) == {
        "pitch.js", "exercise.js", "rules.js", "text-rules.js", "storage.js", "later.js"}
    assert page_assets.scripts_for(exercise_html.render_exercise(message)) == {
        "message.js", "exercise.js", "rules.js", "text-rules.js", "storage.js"}
    assert page_assets.scripts_for("<p>A glossary: data-kind=\"quiz\" as text.</p>") == set()
    assert page_assets.scripts_for('<div class="nd-progress" data-progress data-search-exclude>') == {
        "progress.js", "exercise.js", "storage.js"}
    # the dialogue's stylesheet: on pages with a dialogue or a recorder (the speech builder) only
    assert page_assets.styles_for(exercise_html.render_exercise(dialogue)) == ["assets/stylesheets/dialogue.css"]
    assert page_assets.styles_for(exercise_html.render_exercise(pitch)) == ["assets/stylesheets/dialogue.css"]
    assert page_assets.styles_for(exercise_html.render_exercise(quiz)) == []


def test_a_bundle_keeps_the_order_and_is_minified(tmp_path):
    docs = tmp_path / "docs"
    (docs / "js").mkdir(parents=True)
    (docs / "js" / "a.js").write_text("/* a comment */\nvar   a = 1;\n", encoding="utf-8")
    (docs / "js" / "b.js").write_text("// another\nvar b = a + 1;\n", encoding="utf-8")
    bundler = page_assets.Bundler()
    target = bundler.bundle({"b.js", "a.js"}, ["js/a.js", "js/b.js"], docs)
    assert re.fullmatch(r"assets/javascripts/course-[0-9a-f]{10}\.min\.js", target)
    text = bundler.bundles[target]
    assert "comment" not in text and "another" not in text
    assert text.index("var a=1") < text.index("var b=a+1")
    assert bundler.bundle(set(), ["js/a.js"], docs) == ""
    bundler.write(tmp_path / "site")
    assert (tmp_path / "site" / target).read_text(encoding="utf-8").startswith("/* a.js */")


def test_a_bundle_with_later_js_names_the_files_it_loads_later(tmp_path):
    docs = tmp_path / "docs"
    (docs / "js").mkdir(parents=True)
    for name in ("later.js", "recorder.js", "voices.js"):
        (docs / "js" / name).write_text(f"// {name}\nvar {name[:-3]} = 1;\n", encoding="utf-8")
    order = ["js/voices.js", "js/recorder.js", "js/later.js"]
    bundler = page_assets.Bundler()
    without = bundler.bundle({"voices.js"}, order, docs)
    assert "CourseLaterFiles" not in bundler.bundles[without]
    target = bundler.bundle({"voices.js", "later.js"}, order, docs)
    text = bundler.bundles[target]
    assert "var recorder" not in text and "var voices=1" in text          # the recorder is not in it
    files = json.loads(re.match(r"window\.CourseLaterFiles=(\{.*?\});", text).group(1))
    assert sorted(files) == ["recorder.js", "voices.js"]
    bundler.write(tmp_path / "site")
    assert (tmp_path / "site" / "assets/javascripts" / files["recorder.js"]).read_text().strip() == "var recorder=1;"
    assert re.fullmatch(r"voices-[0-9a-f]{10}\.min\.js", files["voices.js"])


def loaded_assets(site_dir, page: str) -> tuple[list[str], list[str]]:
    """The course's scripts and stylesheets a built page loads (paths in the site)."""
    html = (site_dir / page).read_text(encoding="utf-8")
    prefix = "../" * page.count("/")
    scripts = [src.removeprefix(prefix) for src in re.findall(r'<script src="([^"]+)"', html)]
    styles = [href.removeprefix(prefix) for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]
    return ([s for s in scripts if s.startswith("assets/javascripts/course-")],
            [s for s in styles if s.startswith("assets/stylesheets/course")])


def test_each_built_page_loads_what_it_needs_within_the_budget(site_dir):
    assert not (site_dir / "assets" / "javascripts" / "quiz.js").exists()  # sources are not shipped
    css = (site_dir / "assets" / "stylesheets" / "course.css").read_text(encoding="utf-8")
    assert "/*" not in css and css.count("\n") < 5                    # minified at build time
    weights = {}
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        if page.startswith("admin/"):
            continue
        scripts, styles = loaded_assets(site_dir, page)
        weights[page] = sum(len(gzip.compress((site_dir / f).read_bytes(), 9)) for f in scripts + styles)
    assert loaded_assets(site_dir, "glossary.html")[0] == []
    pitch = (site_dir / loaded_assets(site_dir, "lessons/05-elevator-speech.html")[0][0]).read_text()
    assert "/* pitch.js */" in pitch and "/* dialogue.js */" in pitch and "/* tracker.js */" not in pitch
    progress = (site_dir / loaded_assets(site_dir, "progress.html")[0][0]).read_text()
    assert "/* progress.js */" in progress and "/* quiz.js */" not in progress
    assert len(weights) > 20 and weights["glossary.html"] < 5 * 1024
    dialogue = {page for page in weights if 'data-kind="dialogue"' in (site_dir / page).read_text()}
    over = {page: weight for page, weight in weights.items()
            if weight > (DIALOGUE_CEILING_BYTES if page in dialogue else BUDGET_GZIP_BYTES)}
    assert over == {}, over
