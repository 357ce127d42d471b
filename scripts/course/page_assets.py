"""Which of the course's scripts each page loads, minified at build time.

The scripts in docs/assets/javascripts/ stay as written (readable, with comments), listed in
mkdocs.yml's `extra_javascript` in the order they must run. A page loads only what it uses:
- the controller of each kind of exercise on it (a quiz page never loads the dialogue's);
- the "Mark this lesson as done" script on a lesson, the progress script on "My progress"
  and the home page;
- and what those need first (SCRIPT_NEEDS), in mkdocs.yml's order.
A page with none of these (the glossary, the guides) loads no script of the course's at all.
The recorder and the voices (LATER) are loaded by later.js only when the learner first presses
Record or "Read my speech aloud"; a dialogue needs the voices as it opens, so its pages load them.

The page's scripts are joined into one file, minified with rjsmin and named after a hash of
its contents (`assets/javascripts/course-<hash>.min.js`): pages with the same kinds share one
file, and a changed script gets a new name, so no browser keeps an old copy. They stay classic
scripts (module scripts do not load from file://). The stylesheet is minified in place with
rcssmin. Nothing here knows about MkDocs: the hook calls it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import rcssmin
import rjsmin

SCRIPT_NEEDS: dict[str, tuple[str, ...]] = {
    "rules.js": (),
    "text-rules.js": ("rules.js",),
    "storage.js": (),
    "exercise.js": ("storage.js",),
    "voices.js": (),
    "recorder.js": (),
    "later.js": (),
    "quiz.js": ("exercise.js", "rules.js"),
    "sort.js": ("exercise.js", "rules.js"),
    "pitch.js": ("exercise.js", "text-rules.js", "later.js"),
    "message.js": ("exercise.js", "text-rules.js"),
    "tracker.js": ("exercise.js",),
    "notes.js": ("exercise.js",),
    "dialogue.js": ("exercise.js", "rules.js", "voices.js", "later.js"),
    "lesson.js": ("exercise.js",),
    "progress.js": ("exercise.js",),
}
"""Each script, by file name, and the scripts that must run before it (what it calls)."""

LATER = ("recorder.js", "voices.js")
"""Scripts later.js loads when first needed: each is its own minified file, named by a hash."""

KIND_SCRIPTS: dict[str, str] = {
    "quiz": "quiz.js",
    "sort": "sort.js",
    "pitch": "pitch.js",
    "message": "message.js",
    "tracker": "tracker.js",
    "reflection": "notes.js",
    "checklist": "notes.js",
    "dialogue": "dialogue.js",
}
"""The script that runs each kind of exercise (it registers the kind with exercise.js)."""

PAGE_SCRIPTS: dict[str, str] = {
    r'data-action="lesson-done"': "lesson.js",
    r"<[^>]* data-(?:progress|data-tools|home)[\s>=]": "progress.js",
}
"""A pattern in a page's HTML and the script it calls for: the markers the scripts look for."""

_MINIFIED: dict[Path, tuple[tuple[int, int], str]] = {}
"""Minified text of each source, with the modification time and size it was made from."""

_KIND = re.compile(r'<section class="nd-exercise[^"]*"[^>]* data-kind="([a-z-]+)"')


def scripts_for(html: str) -> set[str]:
    """The scripts (file names) the page with this content HTML needs, with what they need."""
    wanted = {KIND_SCRIPTS[kind] for kind in _KIND.findall(html) if kind in KIND_SCRIPTS}
    wanted |= {script for pattern, script in PAGE_SCRIPTS.items() if re.search(pattern, html)}
    needed: set[str] = set()
    while wanted:
        script = wanted.pop()
        if script not in needed:
            needed.add(script)
            wanted |= set(SCRIPT_NEEDS.get(script, ()))
    return needed


PAGE_STYLES = {r'data-kind="dialogue"|data-recorder': "assets/stylesheets/dialogue.css"}
"""A pattern in a page's HTML and a stylesheet only such pages load, after course.css."""


def styles_for(html: str) -> list[str]:
    """The extra stylesheets (paths under docs/) the page with this content HTML needs."""
    return [sheet for pattern, sheet in PAGE_STYLES.items() if re.search(pattern, html)]


class Bundler:
    """Makes the file each set of scripts is loaded from. Each source is minified once, and
    again only when it changes (`mkdocs serve` loads the hook afresh on every rebuild, but this
    module and its cache stay).

    `order` is mkdocs.yml's `extra_javascript`, paths under docs/ such as
    assets/javascripts/quiz.js; it sets the order scripts run in."""

    FOLDER = "assets/javascripts"

    def __init__(self) -> None:
        self.bundles: dict[str, str] = {}
        """Bundles made in this build: path in the site -> text."""
        self.later: dict[str, str] = {}
        """The file of each script in LATER made in this build: name -> file name in FOLDER."""

    def minified(self, path: Path) -> str:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        cached = _MINIFIED.get(path)
        if cached is None or cached[0] != key:
            text = path.read_text(encoding="utf-8")
            cached = (key, minify_css(text) if path.suffix == ".css" else minify_js(text))
            _MINIFIED[path] = cached
        return cached[1]

    def bundle(self, names: set[str], order: list[str], docs_dir: Path) -> str:
        """The site path of the file that loads `names` (file names) in `order`; "" for none."""
        paths = [path for path in order if Path(path).name in names]
        if not paths:
            return ""
        text = "\n".join(f"/* {Path(p).name} */\n{self.minified(docs_dir / p)}" for p in paths)
        if "later.js" in names:  # where later.js finds the scripts it loads
            files = {Path(p).name: self.later_file(docs_dir / p) for p in order if Path(p).name in LATER}
            text = f"window.CourseLaterFiles={json.dumps(files, separators=(',', ':'))};\n{text}"
        return self._add("course", text)

    def later_file(self, path: Path) -> str:
        """The file name (in FOLDER) of the minified copy of `path`, which later.js loads."""
        if path.name not in self.later:
            self.later[path.name] = Path(self._add(path.stem, self.minified(path))).name
        return self.later[path.name]

    def _add(self, stem: str, text: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        target = f"{self.FOLDER}/{stem}-{digest}.min.js"
        self.bundles[target] = text
        return target

    def write(self, site_dir: Path) -> None:
        """Write this build's bundles into the site, and start afresh for the next build."""
        for target, text in self.bundles.items():
            path = site_dir / target
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text + "\n", encoding="utf-8")
        self.bundles = {}
        self.later = {}

    def minify_stylesheets(self, names: list[str], docs_dir: Path, site_dir: Path) -> None:
        """Replace each of the course's stylesheets in the site with its minified text."""
        for name in names:
            source = docs_dir / name
            if source.is_file():
                (site_dir / name).write_text(self.minified(source) + "\n", encoding="utf-8")


def minify_js(text: str) -> str:
    """Comments and spaces out; the licence comments (/*! ... */) kept."""
    return rjsmin.jsmin(text, keep_bang_comments=True)


def minify_css(text: str) -> str:
    return rcssmin.cssmin(text, keep_bang_comments=True)
