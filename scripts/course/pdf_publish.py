"""Worksheets for `make serve`: built in the background, then put where the site finds them.

`make serve` starts the preview at once and builds the PDFs after it, in a folder of their own
(`STAGING`, outside `docs/`): a PDF written into `docs/` would make the preview rebuild and
reload for every file. When the build is done, the PDFs that changed are copied into
`docs/printables/pdf` in one go (one rebuild, one reload). While it runs, a small status file
says how far it is, and the Printables page says that the PDFs are still being made.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .pdf_jobs import MANIFEST, PARTS, Hasher, Selection, plan_jobs, read_manifest, read_parts, write_manifest

STAGING = Path(".cache") / "worksheets"
"""Inside the project: where `make serve` builds the PDFs (git ignores .cache/)."""
STATUS = "status.json"
"""In STAGING: {"state": "building" or "failed", "done": 12, "total": 280}. No file: nothing
is being built."""
OUT = Path("docs") / "printables" / "pdf"


def staging(root: Path) -> Path:
    return Path(root) / STAGING


def write_status(root: Path, state: str, done: int = 0, total: int = 0) -> None:
    folder = staging(root)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / (STATUS + ".tmp")
    temporary.write_text(json.dumps({"state": state, "done": done, "total": total}), encoding="utf-8")
    os.replace(temporary, folder / STATUS)


def clear_status(root: Path) -> None:
    (staging(root) / STATUS).unlink(missing_ok=True)


def read_status(root: Path) -> dict | None:
    """The build's status, or None when no build is running (or the file cannot be read)."""
    try:
        data = json.loads((staging(root) / STATUS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("state") not in ("building", "failed"):
        return None
    return data


def up_to_date(root: Path) -> bool:
    """True when docs/printables/pdf already holds every PDF of the site, made from the current
    files (a fraction of a second: no PDF is opened). Then there is nothing to build."""
    plan = plan_jobs(Path(root), Selection())
    if plan.problems:
        return False  # the build says what is wrong
    hasher, built, out = Hasher(Path(root), plan.info), read_manifest(Path(root) / OUT), Path(root) / OUT
    return all(built.get(job.filename) == hasher.source_hash(job) and (out / job.filename).exists()
               for job in plan.jobs)


def seed(root: Path) -> None:
    """A first background build starts from the PDFs already in docs/printables/pdf (made by
    `make worksheets` or `make site`), so only what changed is built again."""
    target, source = staging(root), Path(root) / OUT
    if (target / MANIFEST).exists() or not (source / MANIFEST).exists():
        return
    target.mkdir(parents=True, exist_ok=True)
    for name in read_manifest(source):
        if (source / name).exists():
            shutil.copy2(source / name, target / name)
    if (source / PARTS).is_dir():
        shutil.copytree(source / PARTS, target / PARTS, dirs_exist_ok=True)
    shutil.copy2(source / MANIFEST, target / MANIFEST)


def publish(root: Path) -> int:
    """Copy the PDFs built in STAGING that are new or changed into docs/printables/pdf, and
    remove the ones there that the build no longer makes. Returns how many were copied."""
    source, target = staging(root), Path(root) / OUT
    built, published = read_manifest(source), read_manifest(target)
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for name, digest in built.items():
        if published.get(name) == digest and (target / name).exists():
            continue
        temporary = target / f".{name}.tmp"
        shutil.copyfile(source / name, temporary)
        os.replace(temporary, target / name)  # a PDF appears whole or not at all
        copied += 1
    for name in published.keys() - built.keys():
        (target / name).unlink(missing_ok=True)
    parts = read_parts(source)
    write_manifest(target, built, {name: parts[name] for name in built if name in parts})
    return copied
