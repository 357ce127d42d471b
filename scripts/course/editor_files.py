"""The browser editor's files in the built site: `admin/` next to the lessons.

The editor is Decap CMS, installed from npm (pinned in package.json). Its bundle is not kept in
Git: the MkDocs hook copies it from node_modules into `site/admin/` after each build, with the
course's own files from `admin/` (index.html, config.yml, editor.js). Only what a browser loads
is copied: the main script, its numbered chunks and two WebAssembly files; never the source
maps (60 MB) or the other copy of the bundle (cms.js).

The copy happens after MkDocs and its plugins are done, so the editor is never part of the
learner menu or the search index; `make zip` leaves the folder out of the offline bundle.
Without node_modules (no Node.js on the machine) the site still builds, without the editor.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import model

EDITOR_DIR = "admin"
"""The editor's folder, in the project and in the built site (the editor opens at /admin/)."""
BUNDLE_DIR = Path("node_modules") / "decap-cms" / "dist"
OWN_FILES = ("index.html", "config.yml", "editor.js", "editor.css")
SETTINGS = "course-settings.js"
"""Written at build time: the site's style sheets (for the preview) and the exercise kinds."""


def bundle_files(root: Path) -> list[Path]:
    """The Decap CMS files a browser loads; [] when the bundle is not installed."""
    dist = root / BUNDLE_DIR
    main = dist / "decap-cms.js"
    if not main.is_file():
        return []
    chunks = sorted(dist.glob("*.decap-cms.js")) + sorted(dist.glob("*.wasm"))
    return [main, *chunks]


def settings_script(stylesheets: list[str]) -> str:
    """A classic script naming the style sheets the preview loads (relative to the site root)
    and the exercise kinds, each with a preview."""
    return ("/* Written by the build: the course's style sheets and exercise kinds. */\n"
            f"window.COURSE_PREVIEW_STYLES = {json.dumps(stylesheets)};\n"
            f"window.COURSE_EXERCISE_KINDS = {json.dumps(list(model.EXERCISE_CLASSES))};\n")


def copy_editor(root: Path, site_dir: Path, stylesheets: list[str]) -> int:
    """Copy the editor into `site_dir/admin/`; returns the bytes copied (0 when the bundle is
    missing: then nothing is copied, so the site has no half-working editor)."""
    bundle = bundle_files(root)
    if not bundle:
        return 0
    target = site_dir / EDITOR_DIR
    target.mkdir(parents=True, exist_ok=True)
    total = 0
    for source in bundle + [root / EDITOR_DIR / name for name in OWN_FILES]:
        if source.is_file():
            shutil.copyfile(source, target / source.name)
            total += source.stat().st_size
    script = settings_script(stylesheets)
    (target / SETTINGS).write_text(script, encoding="utf-8")
    return total + len(script)
