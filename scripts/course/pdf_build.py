"""Building the PDFs that are missing or out of date, on every core.

What to build and the source hashes are `pdf_jobs.py`; how one PDF looks is `worksheets.py`.
PDFs of the same edition and options are built together in one process, so a worksheet is laid
out once and its pages reused in every packet that prints it.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import worksheets
from .loader import load_exercise
from .pdf_jobs import Hasher, Job, Plan, read_manifest, write_manifest
from .plans import load_plan
from .print_settings import CourseInfo, PrintOptions


@dataclass
class Result:
    """What one run did, for the summary line."""

    built: list[str] = field(default_factory=list)
    """File names of the PDFs written."""
    packets: int = 0
    """How many of them are packets."""
    pages: int = 0
    skipped: int = 0
    """PDFs already up to date."""
    removed: int = 0
    """PDFs no longer wanted, removed by a full run."""
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0



# --- building ---------------------------------------------------------------------------------

class _Group:
    """Every PDF of one edition and one set of options, built in one process, so each
    worksheet is laid out once and reused in every packet that prints it."""

    def __init__(self, root: Path, out: Path, info: CourseInfo, edition: str, options: PrintOptions):
        self.root, self.out, self.info = Path(root), Path(out), info
        self.edition, self.options = edition, options
        self.exercises: dict[Path, object] = {}
        self.documents: dict[str, object] = {}

    def exercise(self, path: Path):
        if path not in self.exercises:
            self.exercises[path] = load_exercise(path, self.root)[0]
        return self.exercises[path]

    def sheet(self, exercise, source_hash: str = ""):
        if exercise.id not in self.documents:
            html = worksheets.worksheet_html(exercise, self.edition, self.options, self.info, source_hash)
            self.documents[exercise.id] = worksheets.render_document(html, self.options)
        return self.documents[exercise.id]

    def build(self, job: Job, source_hash: str) -> int:
        target = self.out / job.filename
        if job.kind == "worksheet":
            document = self.sheet(self.exercise(job.inputs[0]), source_hash)
        else:
            plan, _ = load_plan(job.inputs[0], self.root)
            exercises = {exercise.id: exercise for exercise in map(self.exercise, job.inputs[1:])
                         if exercise is not None}
            sheets = {name: self.sheet(exercise) for name, exercise in exercises.items()}
            document = worksheets.packet_document(plan, exercises, self.edition, self.options,
                                                  self.info, sheets, source_hash)
        return worksheets.write_document(document, target, self.options)


_progress_queue = None


def _remember_queue(queue) -> None:
    global _progress_queue
    _progress_queue = queue


def build_group(root: Path, out: Path, info: CourseInfo, items: list[tuple[Job, str]],
                report: Callable | None = None) -> list[tuple[str, str, int, str]]:
    """Build the PDFs of one group (worksheets first, then packets). Each PDF is reported as
    (file name, source hash, pages, error) as soon as it is written; a failure is reported and
    the others still build."""
    report = report or (_progress_queue.put if _progress_queue is not None else None)
    job = items[0][0]
    group = _Group(root, out, info, job.edition, job.options)
    results = []
    for job, digest in sorted(items, key=lambda item: item[0].kind != "worksheet"):
        try:
            entry = (job.filename, digest, group.build(job, digest), "")
        except Exception as error:  # a bug: say so, and keep building the rest
            entry = (job.filename, digest, 0, f"{type(error).__name__}: {error}")
        results.append(entry)
        if report:
            report(entry)
    return results


def build(root: Path, out: Path, plan: Plan, *, everything: bool = False, workers: int | None = None,
          progress: Callable[[str], None] | None = None) -> Result:
    """Build every job whose PDF is missing or out of date, on every core.

    With `everything`, PDFs this builder wrote earlier that are no longer wanted (a deleted
    exercise, a draft) are removed, so the site never offers a stale file.
    """
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    hasher = Hasher(root, plan.info)
    manifest = read_manifest(out)
    result = Result()
    groups: dict[tuple, list[tuple[Job, str]]] = {}
    by_name: dict[str, Job] = {}
    for job in plan.jobs:
        digest = hasher.source_hash(job)
        if manifest.get(job.filename) == digest and (out / job.filename).exists():
            result.skipped += 1
        else:
            manifest.pop(job.filename, None)
            groups.setdefault((job.edition, job.options), []).append((job, digest))
            by_name[job.filename] = job
    if everything:
        wanted = {job.filename for job in plan.jobs}
        for name in [name for name in manifest if name not in wanted]:
            (out / name).unlink(missing_ok=True)
            del manifest[name]
            result.removed += 1

    total = len(by_name)

    def finished(entry: tuple[str, str, int, str]) -> None:
        filename, digest, pages, error = entry
        if error:
            result.failures.append(f"{filename}: {error}")
        else:
            manifest[filename] = digest
            result.built.append(filename)
            result.pages += pages
            result.packets += by_name[filename].kind == "packet"
        if progress:
            progress(f"[{len(result.built) + len(result.failures)}/{total}] {by_name[filename].label}"
                     + (": FAILED" if error else ""))

    # The biggest groups first, so both cores stay busy to the end.
    tasks = sorted(groups.values(), key=lambda items: -sum(len(job.inputs) for job, _ in items))
    workers = max(1, min(workers or os.cpu_count() or 1, len(tasks)))
    try:
        if workers == 1:
            for items in tasks:
                build_group(root, out, plan.info, items, report=finished)
        else:
            _build_in_pool(root, out, plan.info, tasks, workers, finished)
    finally:
        write_manifest(out, manifest)
    result.seconds = time.perf_counter() - started
    return result


def _build_in_pool(root, out, info, tasks, workers, finished) -> None:
    import multiprocessing
    import queue as queues

    import weasyprint  # noqa: F401  loaded once here, shared by the forked workers

    context = multiprocessing.get_context("fork")
    progress_queue = context.Queue()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_remember_queue,
                             initargs=(progress_queue,)) as pool:
        futures = [pool.submit(build_group, root, out, info, items) for items in tasks]
        expected = sum(len(items) for items in tasks)
        seen = 0
        while seen < expected:
            try:
                finished(progress_queue.get(timeout=0.5))
                seen += 1
            except queues.Empty:
                broken = [future for future in futures if future.done() and future.exception()]
                if broken:
                    raise broken[0].exception()


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def summary(result: Result) -> str:
    """"Built 12 PDFs (10 worksheets, 2 packets; 48 pages), 190 up to date, in 9.8 s." """
    worksheets_built = len(result.built) - result.packets
    details = f" ({_count(worksheets_built, 'worksheet')}, {_count(result.packets, 'packet')}; {result.pages} pages)"
    parts = [f"Built {_count(len(result.built), 'PDF')}" + (details if result.built else "")]
    if result.skipped:
        parts.append(f"{result.skipped} up to date")
    if result.removed:
        parts.append(f"{result.removed} no longer needed removed")
    if result.failures:
        parts.append(f"{len(result.failures)} failed")
    return ", ".join(parts) + f", in {result.seconds:.1f} s."
