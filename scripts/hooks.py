"""MkDocs hooks: the thin adapter between MkDocs and the project's own package in scripts/course.

Holds no logic of its own: everything it calls can also be called from a script or a test.
- on_config: loads the exercises (or reuses the last build's, build_cache.py), adds lesson files
  the menu lacks (lesson_nav), and hands the loaded exercises to the `/// exercise | <id>` block.
  The block itself is a Markdown extension that mkdocs.yml names (`course.blocks`), so tools that
  run no hooks (Zensical) render it too;
- on_pre_build: runs the course checker (or reuses its last results when no file it reads has
  changed, build_cache.py); its problems become warnings, so --strict fails;
- on_files: a page with `draft: true` becomes a MkDocs draft: shown by `mkdocs serve`, left out
  of the built site and its navigation;
- on_page_markdown: stops the build on an unknown exercise id (naming file and line), adds the
  lesson frame from the front matter, fills in the home page's lesson list and the "My progress"
  and "Printables" lists, and keeps counsellor and editing pages out of search (audience.py);
- on_page_content / on_page_context: each page loads only the scripts its exercises and
  markers need, joined and minified into one file (page_assets.py);
- on_post_build: writes those files and minifies the stylesheet; keeps the search index to plain words (search_index.py), and copies the browser
  editor into site/admin/ (editor_files), so it is never in the menu or the search index.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_relative_url

from course import (audience, blocks, build_cache, checks, drafts, editor_files, home_page,
                    lesson_nav, lesson_page, loader, page_assets, pdf_publish, printables, progress_page,
                    report, search_index, serve_page)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.course")

PRINTABLES = "printables.md"
"""The page that lists every worksheet, with an anchor per exercise id."""

_course: loader.Course | None = None
"""The course as loaded for this build (mkdocs serve loads the config again on every rebuild)."""


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


_inputs = ""
"""The key of this build's inputs (build_cache.py): the course and its checks are reused from
the last build when it has not changed."""

_serving = False
"""True under `mkdocs serve`, where drafts are shown; a build leaves them out. While serving, a
mistake never stops a rebuild: the pages show it instead (see serve_page.py)."""

_scripts: list[str] = []
"""mkdocs.yml's `extra_javascript` (sources under docs/, in the order they run). Taken out of
the config, so Material does not load them all on every page; each page gets its own bundle."""

_bundler = page_assets.Bundler()
_page_scripts: dict[str, set[str]] = {}
"""The scripts each page needs (by its path under docs/), found in its HTML."""
_page_styles: dict[str, list[str]] = {}
"""The extra stylesheets each page needs (dialogues and the recorder), found in its HTML."""

_banner = ""
"""Under `mkdocs serve`: the box listing the problems that would stop a published build."""


def on_startup(command: str, **kwargs) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    global _course, _inputs
    _inputs = build_cache.inputs_key(_root(config))
    _course = build_cache.load_course_cached(_root(config), _inputs)
    config.nav = lesson_nav.nav_with_lessons(config.nav, list(_course.lessons))
    if not _serving:
        config.nav = drafts.nav_without(config.nav, {n for n, p in _course.pages.items() if p.draft})
    if blocks.EXTENSION not in config.markdown_extensions:
        raise PluginError(f"mkdocs.yml must name the exercise block under markdown_extensions: "
                          f"add the line \"  - {blocks.EXTENSION}\" there.")
    # The extension would read exercises/ itself; this way they are read once per build, and
    # the pages show exactly the exercises the checker saw.
    config.mdx_configs.setdefault(blocks.EXTENSION, {})["exercises"] = _course.exercises
    global _scripts, _bundler
    _scripts = [str(getattr(script, "path", script)) for script in config.extra_javascript]
    config["extra_javascript"] = []
    _bundler = page_assets.Bundler()
    return config


def on_pre_build(config: MkDocsConfig, **kwargs) -> None:
    drafts = checks.draft_files(_course)
    problems = build_cache.check_course_cached(_root(config), _course, _inputs)
    # MkDocs itself would stop on a page it cannot read, with a traceback: stop first, in words.
    unreadable = [p for p in problems if p.code in checks.UNREADABLE_PAGE and p.path.startswith("docs/")]
    for problem, knock_on in report.root_causes_first(problems):
        if problem not in unreadable:
            # A draft is never published, so its problems must not stop a build: they are listed.
            # So are the notes the site takes care of itself (a lesson joins the menu by itself).
            listed = problem.path in drafts or problem.code in checks.BUILD_NOTES
            (log.info if listed else log.warning)(report.format_problem(problem, knock_on=knock_on))
    if _serving:
        global _banner
        _banner = serve_page.banner([p for p in problems if p.path not in drafts])
        for problem in unreadable:
            log.warning(report.format_problem(problem))
    elif unreadable:
        raise PluginError("\n".join(report.format_problem(p) for p in unreadable))


def on_files(files: Files, config: MkDocsConfig, **kwargs) -> Files:
    for script in _scripts:  # the site carries the bundles made from them, not the sources
        if (file := files.get_file_from_path(script)) is not None:
            files.remove(file)
    for name, page in _course.pages.items():
        if page.draft and (file := files.get_file_from_path(name)) is not None:
            file.inclusion = InclusionLevel.DRAFT
        if _serving and page.unreadable and (file := files.get_file_from_path(name)) is not None:
            files.remove(file)  # MkDocs would stop on it; the box on every page says why
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files,
                     **kwargs) -> str:
    src = page.file.src_uri
    audience.mark_page(src, page.meta)
    for ref in blocks.find_exercise_blocks(page.file.content_string):
        if ref.exercise_id not in _course.exercises:
            if _serving:
                markdown = serve_page.drop_unknown_blocks(markdown, _course.exercises)
                break
            raise PluginError(report.format_problem(
                blocks.unknown_exercise_problem(ref, f"{Path(config.docs_dir).name}/{src}",
                                                _course.exercises)))

    def url(path: str, anchor: str = "") -> str:
        target = files.get_file_from_path(path)
        href = get_relative_url(target.url, page.file.url) if target else ""
        return f"{href}#{anchor}" if href and anchor else href

    if src.startswith("lessons/"):
        has_printables = files.get_file_from_path(PRINTABLES) is not None
        frame = lesson_page.frame_for(src, page.meta, _course.exercises, page.file.content_string,
                                      worksheet_url=lambda ex: url(PRINTABLES, ex.id) if has_printables else "")
        markdown = lesson_page.add_frame(markdown, frame)
    if progress_page.has_marker(markdown) or home_page.has_marker(markdown):
        lessons = progress_page.lessons_for(
            _course.exercises,
            {f.src_uri: f.content_string for f in files.documentation_pages()
             if f.src_uri.startswith("lessons/")},
            url, fronts={name: page.front for name, page in _course.pages.items()})
        markdown = home_page.fill(progress_page.fill(markdown, lessons), lessons)
    if src == PRINTABLES:
        status = pdf_publish.read_status(_root(config)) if _serving else None
        markdown = printables.fill_printables_page(markdown, _root(config), _course, status)
    return markdown


def on_page_content(html: str, page: Page, **kwargs) -> str:
    _page_scripts[page.file.src_uri] = page_assets.scripts_for(html)
    _page_styles[page.file.src_uri] = page_assets.styles_for(html)
    return search_index.leave_out_boxes(html)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    bundle = _bundler.bundle(_page_scripts.get(page.file.src_uri, set()), _scripts, Path(config.docs_dir))
    context["course_scripts"] = [bundle] if bundle else []
    context["course_styles"] = _page_styles.get(page.file.src_uri, [])
    return context


def on_post_build(config: MkDocsConfig, **kwargs) -> None:
    _bundler.write(Path(config.site_dir))
    _bundler.minify_stylesheets([str(css) for css in config.extra_css] + list(page_assets.PAGE_STYLES.values()),
                                Path(config.docs_dir), Path(config.site_dir))
    # Before the offline plugin copies the index into search_index.js (it runs last).
    search_index.slim(Path(config.site_dir) / "search" / "search_index.json")
    site = Path(config.site_dir)
    stylesheets = sorted(p.relative_to(site).as_posix()
                         for p in (site / "assets" / "stylesheets").glob("*.min.css"))
    stylesheets += [str(css) for css in config.extra_css]
    if not editor_files.copy_editor(_root(config), site, stylesheets):
        log.info("The browser editor (/admin/) is left out: its files are installed by `npm ci`.")


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    return serve_page.add_banner(output, _banner) if _serving else output
