"""Shared test fixtures: the built site, a local server for it, and headless Chromium.

The site is built once per test session (worksheets first, as `make site` does), into a
temporary folder, and served on 127.0.0.1 by a server that the fixture stops at the end.

The worksheets take the longest (every PDF, from cold on a fresh clone), so their build starts
in the background as soon as the tests are collected, and the tests that need neither the site
nor a copy of the project run first, beside it. The site fixture and `copy_project` wait for it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

sys.path.insert(0, str(ROOT / "scripts"))


PROJECT_FILES = ["docs", "exercises", "workshops", "overrides", "scripts", "mkdocs.yml",
                 "Makefile", "requirements.txt", "requirements-zensical.txt", "pyproject.toml"]
"""What a copy of the project needs to build, check and scaffold (see `copy_project`)."""


def copy_project(target: Path) -> Path:
    """Copy the project's sources (with any PDFs already built, so a build in the copy only
    makes what changed) into `target`, with the project's .venv linked in."""
    wait_for_worksheets()
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    os.symlink(ROOT / ".venv", target / ".venv")
    return target


def build_env() -> dict[str, str]:
    """The environment for build commands: quiet about MkDocs 2, no stray bytecode, and this
    checkout's package first on the path. `make` installs the package into .venv, but a .venv
    linked from another checkout has that checkout's copy installed; the tests' copies of the
    project link ROOT's .venv and have ROOT's package either way."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")]))}


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of `project` into `site_dir`, as `make site` does."""
    return subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=build_env(), capture_output=True, text=True,
    )


WORKSHEETS_COMMAND = [PYTHON, "scripts/build_worksheets.py", "--quiet", "--out", "docs/printables/pdf"]


def build_worksheets(project: Path) -> subprocess.CompletedProcess:
    """Build the PDFs the site links to, as `make site` does before MkDocs runs."""
    return subprocess.run(WORKSHEETS_COMMAND, cwd=project, env=build_env(), capture_output=True, text=True)


_worksheets: dict[str, object] = {}
"""The project's own worksheet build: started once ("process"), then its result ("done")."""


def start_worksheets() -> None:
    """Start building the project's PDFs in the background (once)."""
    if not _worksheets and (ROOT / "scripts" / "build_worksheets.py").exists():
        import tempfile
        _worksheets["log"] = tempfile.TemporaryFile("w+")  # a pipe could fill up and stall it
        _worksheets["process"] = subprocess.Popen(
            WORKSHEETS_COMMAND, cwd=ROOT, env=build_env(), stdout=_worksheets["log"],
            stderr=subprocess.STDOUT, text=True)


def wait_for_worksheets() -> None:
    """Wait until the project's PDFs are built (starting the build if nobody has); a failed
    build fails the test that needed it, with what the build printed."""
    start_worksheets()
    if "process" in _worksheets and "done" not in _worksheets:
        process, log = _worksheets["process"], _worksheets["log"]
        process.wait()
        log.seek(0)
        _worksheets["done"] = (process.returncode, log.read())
    if "done" in _worksheets:
        code, output = _worksheets["done"]
        assert code == 0, output


def _needs_worksheets(item) -> bool:
    return "site_dir" in getattr(item, "fixturenames", ()) or \
        getattr(getattr(item, "module", None), "copy_project", None) is copy_project


def pytest_collection_modifyitems(session, config, items):
    """Whole test files in three groups, each in its usual order: first those that need neither
    the worksheets nor a browser (they run while the worksheets are built), then those that need
    the worksheets, then those that drive a browser (with the machine to themselves, as their
    waits expect)."""
    group: dict[str, tuple[bool, bool]] = {}
    for item in items:
        browser, worksheets = group.get(item.nodeid.split("::")[0], (False, False))
        group[item.nodeid.split("::")[0]] = (browser or "browser" in getattr(item, "fixturenames", ()),
                                             worksheets or _needs_worksheets(item))
    items.sort(key=lambda item: group[item.nodeid.split("::")[0]])  # stable: order kept within


def pytest_collection_finish(session):
    if any(_needs_worksheets(item) for item in session.items):
        start_worksheets()


def pytest_sessionfinish(session, exitstatus):
    """A run stopped early (-x, Ctrl+C) stops the worksheet build too."""
    process = _worksheets.get("process")
    if process is not None and process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The whole course, built once for the session exactly as `make site` builds it."""
    out = tmp_path_factory.mktemp("site") / "site"
    wait_for_worksheets()
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(site_dir):
    """The built site served on 127.0.0.1; yields the base URL and stops the server after."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (its own browser download is never used)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make test`, which installs it."
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """Records what a page did: console errors, page errors and every request's host."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda req: self.requests.append(req.url))

    def foreign_requests(self) -> list[str]:
        """Requests to anything but 127.0.0.1 (or to the local file system)."""
        allowed = {"127.0.0.1"}
        return [url for url in self.requests
                if urlparse(url).scheme not in ("file", "data", "blob", "about")
                and urlparse(url).hostname not in allowed]


@pytest.fixture
def watched_page(browser):
    """A fresh browser context and page, with a PageWatch attached as `page.watch`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()


def axe_violations(page, tags=AXE_TAGS) -> list[dict]:
    """Run axe-core on the page for WCAG 2.x A and AA rules; returns the violations."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    """One readable line per violation and element, for assertion messages."""
    lines = []
    for violation in violations:
        for node in violation["nodes"][:5]:
            lines.append(f"{violation['id']}: {violation['help']} at {node['target']}")
    return "\n".join(lines)


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site a learner can reach, as paths relative to its root
    (never an empty list; the browser editor in admin/ is tested on its own, in
    test_cms_browser.py)."""
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                   if p.relative_to(site).parts[0] != "admin")
    assert "index.html" in pages and len(pages) > 1, f"no built pages in {site}"
    return pages
