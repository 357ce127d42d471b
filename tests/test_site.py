"""The built site as a learner meets it: every page loads cleanly, stays on 127.0.0.1,
has no axe-core violations, fits a phone, and works offline from file://."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import ROOT, PageWatch, axe_violations, build_env, built_pages, describe_violations


def nav_pages(nav) -> list[str]:
    """Every Markdown page named in mkdocs.yml's nav, at any depth."""
    found = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def test_strict_build_makes_every_nav_page(site_dir):
    import yaml
    pages = built_pages(site_dir)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    in_nav = nav_pages(config["nav"])
    assert len(in_nav) >= 20, in_nav
    assert [p for p in in_nav if p.replace(".md", ".html") not in pages] == []
    assert "index.html" in pages
    assert "lessons/01-what-networking-is.html" in pages
    assert "counsellors/index.html" in pages
    # The offline plugin writes the search index as a script, so search works from file://.
    assert (site_dir / "search" / "search_index.js").exists()


def test_every_page_has_a_meta_description(site_dir):
    # 404.html is left out: no search engine lists a "page not found" page, so it needs none.
    missing = [p for p in built_pages(site_dir)
               if p != "404.html" and '<meta name="description"' not in (site_dir / p).read_text()]
    assert missing == []


def test_every_page_loads_cleanly_and_passes_axe(site_dir, server, watched_page):
    page = watched_page
    problems = []
    for path in built_pages(site_dir):
        page.watch.errors.clear()
        page.goto(server + path, wait_until="load")
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{describe_violations(violations)}")
        if page.watch.errors:
            problems.append(f"{path}: console errors: {page.watch.errors}")
    problems += [f"request left 127.0.0.1: {url}" for url in page.watch.foreign_requests()]
    assert problems == [], "\n".join(problems)


def test_home_page_in_dark_mode_passes_axe(server, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server + "index.html")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    violations = axe_violations(page)
    context.close()
    assert violations == [], describe_violations(violations)


def test_no_page_scrolls_sideways_at_phone_width(site_dir, server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    too_wide = []
    for path in built_pages(site_dir):
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide.append(f"{path}: {width}px")
    context.close()
    assert too_wide == []


@pytest.fixture(scope="module")
def unpacked_zip(site_dir, tmp_path_factory) -> Path:
    """The offline bundle as a learner gets it: `make zip` run by its own Makefile recipe on
    the course built for this session (`-o site`: the site is the one the `site_dir` fixture
    built with the same commands as `make site`, not built a second time), then unzipped."""
    project = tmp_path_factory.mktemp("zip") / "project"
    project.mkdir()
    for name in ("Makefile", "requirements.txt", "requirements-zensical.txt", "pyproject.toml",
                 "scripts/make_zip.py"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project / name)
    os.symlink(ROOT / ".venv", project / ".venv")
    shutil.copytree(site_dir, project / "site")
    result = subprocess.run(["make", "--no-print-directory", "-o", "site", "zip"], cwd=project,
                            env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    bundle = project / "dist" / "networking-demystified.zip"
    unpacked = project.parent / "usb-stick"
    with zipfile.ZipFile(bundle) as archive:
        assert archive.testzip() is None
        archive.extractall(unpacked)
    assert sorted(built_pages(unpacked)) == sorted(built_pages(site_dir))
    return unpacked


def test_offline_zip_navigates_and_searches_from_file(unpacked_zip, browser):
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page)
    page.goto((unpacked_zip / "index.html").as_uri())
    page.get_by_role("link", name="Start the first lesson").click()
    page.wait_for_url("**/lessons/01-what-networking-is.html")
    assert "networking" in page.title().lower()

    # Search runs in a worker shim that the offline build ships: no server needed.
    page.locator("input.md-search__input").click()
    results = page.locator(".md-search-result__item")
    # Type as a person does (Material listens for key presses), until the index has loaded.
    for _ in range(20):
        page.keyboard.type("elevator", delay=20)
        try:
            results.first.wait_for(timeout=1_000)
            break
        except PlaywrightTimeout:
            page.locator("input.md-search__input").fill("")
    assert results.count() > 0
    assert "elevator" in results.first.inner_text().lower()
    context.close()
    assert watch.errors == [] and watch.foreign_requests() == [], watch.errors + watch.foreign_requests()


def one_exercise_of_each_kind():
    from course import loader, model
    course = loader.load_course(ROOT)
    chosen = {}
    for exercise in sorted(course.exercises.values(), key=lambda e: e.id):
        if not exercise.draft:
            chosen.setdefault(exercise.kind, exercise)
    missing = [kind for kind in model.EXERCISE_CLASSES if kind not in chosen]
    assert missing == [], f"the course has no published exercise of these kinds: {missing}"
    return [chosen[kind] for kind in model.EXERCISE_CLASSES]


def use_like_a_learner(root):
    """Answer an exercise through its controls, as a person would, whatever its kind; returns
    how to find one answered control again after a reload."""
    if root.locator("[data-action=add-row]").count():
        root.locator("[data-action=add-row]").click()
    typed = root.locator("textarea:visible, input[type=text]:visible, input:not([type]):visible")
    for box in typed.all():
        box.fill("Hello Marco, thank you for the tip about the library job fair.")
    for box in root.locator("input[type=date]:visible").all():
        box.fill("2026-11-24")
    for select in root.locator("select:visible").all():
        select.select_option(index=1)
    ticked = root.locator("input[type=checkbox]:visible, input[type=radio]:not([data-target-choice]):visible")
    names = set()
    for box in ticked.all():
        name = box.get_attribute("name")
        if name not in names or box.get_attribute("type") == "checkbox":
            box.check()
            names.add(name)
    assert typed.count() + ticked.count() + root.locator("select:visible").count() > 0, \
        "no control a learner could answer with"
    if root.locator("[data-action=check]").count():
        root.locator("[data-action=check]").click()
        # a dialogue says its result by "Check my choices"; other kinds at the end of the exercise
        status = root.locator(":scope > [data-role=status], :scope [data-check-status]")
        status.filter(has_text=re.compile(r"\S")).first.wait_for()
    if typed.count():
        return "value", typed.first.get_attribute("id")
    return "checked", (ticked.first.get_attribute("id") if ticked.count() else
                       root.locator("select:visible").first.get_attribute("id"))


def test_offline_zip_every_kind_works_and_keeps_answers(unpacked_zip, browser):
    """From file:// on the real course: an exercise of each kind is answered, checked when it
    can be, saved on the device, and still there after the page is opened again."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page)
    not_kept = []
    for exercise in one_exercise_of_each_kind():
        page.goto((unpacked_zip / exercise.lesson.replace(".md", ".html")).as_uri())
        root = page.locator(f"#exercise-{exercise.id}")
        how, control = use_like_a_learner(root)
        key = f"nd:v1:exercise:{exercise.id}"
        saved = page.evaluate("key => localStorage.getItem(key)", key)
        page.reload()
        kept = page.evaluate("key => localStorage.getItem(key)", key)
        field = page.locator(f"[id='{control}']")
        shown = field.input_value() if how == "value" else (
            field.is_checked() if field.get_attribute("type") else field.input_value() != "")
        if not saved or kept != saved or not shown:
            not_kept.append(f"{exercise.kind} ({exercise.id}): saved={bool(saved)}, "
                            f"kept={kept == saved}, shown again={bool(shown)}")
    context.close()
    assert not_kept == [] and watch.errors == [] and watch.foreign_requests() == [], \
        not_kept + watch.errors + watch.foreign_requests()


def test_search_finds_exercise_questions_but_never_gives_away_answers(site_dir):
    import json

    from course.loader import load_exercise

    quiz, _ = load_exercise(ROOT / "exercises" / "myth-or-fact.yml", ROOT)
    index = json.loads((site_dir / "search" / "search_index.json").read_text())
    docs = [doc for doc in index["docs"] if doc["location"].startswith(quiz.lesson.replace(".md", ".html"))]
    text = " ".join(doc["title"] + " " + doc["text"] for doc in docs)
    words = {w.strip(".,;:!?\"'“”()").lower() for w in text.split()}
    question = quiz.questions[0]
    # the index keeps each word of a long section once: every word of the question can be found
    assert docs and {w.strip(".,;:!?").lower() for w in question.prompt.split()} <= words
    assert question.options[0].feedback not in text
    assert question.explanation not in text
    # (test_site_learner.py checks every exercise's texts as Material's own parser reads them)
