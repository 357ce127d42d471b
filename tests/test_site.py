"""The built site as a learner meets it: every page loads cleanly, stays on 127.0.0.1,
has no axe-core violations, fits a phone, and works offline from file://."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import ROOT, axe_violations, built_pages, describe_violations


def test_strict_build_makes_every_nav_page(site_dir):
    pages = built_pages(site_dir)
    assert "index.html" in pages
    assert "lessons/01-what-networking-is.html" in pages
    assert "counsellors/index.html" in pages
    # The offline plugin writes the search index as a script, so search works from file://.
    assert (site_dir / "search" / "search_index.js").exists()


def test_every_page_has_a_meta_description(site_dir):
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


def test_offline_zip_navigates_and_searches_from_file(site_dir, tmp_path, browser):
    bundle = tmp_path / "course.zip"
    # The same command `make zip` runs.
    subprocess.run([sys.executable, "scripts/make_zip.py", str(site_dir), str(bundle)],
                   cwd=ROOT, check=True)
    unpacked = tmp_path / "usb-stick"
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(unpacked)

    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((unpacked / "index.html").as_uri())
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
    assert errors == []


def test_search_finds_exercise_questions_but_never_gives_away_answers(site_dir):
    import json

    from course.loader import load_exercise

    quiz, _ = load_exercise(ROOT / "exercises" / "myth-or-fact.yml", ROOT)
    index = json.loads((site_dir / "search" / "search_index.json").read_text())
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    question = quiz.questions[0]
    assert question.prompt in text
    assert question.options[0].feedback not in text
    assert question.explanation not in text
