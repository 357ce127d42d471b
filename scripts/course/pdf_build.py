"""Building the PDFs that are missing or out of date, on every core.

What to build and the source hashes are `pdf_jobs.py`; how one PDF looks is `worksheets.py`.
Each page is laid out once, as a "part" named by the hash of its HTML (see `_Group`), and its
pages are reused in every PDF that prints it. The PDFs are built in small tasks (the packets of
one plan, or a few worksheets) on every core; tasks share parts through the `PARTS` folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .loader import load_exercise
from .pdf_jobs import PARTS, Hasher, Job, Plan, read_manifest, read_parts, write_manifest
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
    """PDFs of one edition and one set of options, built in one process (one task).

    Each page that needs laying out (a worksheet, a packet's front, a divider, the layer of page
    numbers) becomes a "part" in `PARTS`, named by the hash of its HTML and of the layout files,
    and is laid out only when no part of that name exists. A PDF is then put together from its
    parts with pikepdf and numbered through (`pdf_pages.assemble`): a packet whose exercise
    changed lays out that one worksheet again, not the whole packet.
    """

    def __init__(self, root: Path, out: Path, info: CourseInfo, edition: str, options: PrintOptions):
        _load_builders()
        self.root, self.out, self.info = Path(root), Path(out), info
        self.edition, self.options = edition, options
        self.previous = read_parts(self.out)
        """What each PDF was put together from last time: a packet's front then was its first part."""
        self.exercises: dict[Path, object] = {}
        self.pages: dict[str, int] = {}
        self.readers: dict[str, object] = {}
        # A part is named by its HTML and what turns HTML into pages: the stylesheet and the
        # layout code. Changing how parts are put together does not lay them out again.
        layout = hashlib.sha256()
        for path in (worksheets.STYLESHEET, Path(worksheets.__file__)):
            layout.update(path.read_bytes())
        layout.update(json.dumps([edition, options.as_dict()]).encode())
        self.layout_digest = layout.hexdigest()

    def exercise(self, path: Path):
        if path not in self.exercises:
            self.exercises[path] = load_exercise(path, self.root)[0]
        return self.exercises[path]

    def part(self, html: str, tagged: bool = True) -> str:
        """The name of the part laid out from `html`, laying it out if it is new. The layer of
        page numbers is not `tagged`: a number is drawn as an artifact, outside the tags (and
        writing it without them is quicker)."""
        salt = self.layout_digest + ("" if tagged else "untagged")
        name = hashlib.sha256((salt + html).encode()).hexdigest()[:24] + ".pdf"
        path = self.out / PARTS / name
        if name not in self.pages and not path.exists():
            self.pages[name] = worksheets.layout_part(html, path, self.options, tagged)
        self.part_pages(name)
        return name

    def reader(self, name: str):
        """A part, opened once for the whole group."""
        if name not in self.readers:
            self.readers[name] = pdf_pages.open_part(self.out / PARTS / name)
        return self.readers[name]

    def sheet(self, exercise, minutes: int = 0, timing: str = "") -> str:
        return self.part(worksheets.worksheet_html(exercise, self.edition, self.options, self.info,
                                                   minutes=minutes, timing=timing))

    def padded(self, names: list[str]) -> list[str | None]:
        """With double-sided printing, a blank page after each part of an odd length."""
        result: list[str | None] = []
        for name in names:
            result.append(name)
            if self.options.duplex and self.pages[name] % 2:
                result.append(None)
        return result

    def packet_parts(self, job: Job) -> tuple[list[str | None], str]:
        plan, _ = load_plan(job.inputs[0], self.root)
        exercises = {exercise.id: exercise for exercise in
                     map(self.exercise, [path for path in job.inputs[1:] if path.suffix == ".yml"])
                     if exercise is not None}
        numbers = [job.session] if job.session else list(range(1, len(plan.sessions) + 1))
        view = packets.packet_view(plan, numbers, exercises, job.edition, self.info, self.root)
        # (contents line, exercise id or "" for a divider, part or None, agenda session)
        body: list[tuple[str, str, str | None, object]] = []
        seen: set[str] = set()
        for number, agenda_session in zip(numbers, view.sessions):
            if len(numbers) > 1:
                body.append((f"Session {number}: {agenda_session.title}", "", None, agenda_session))
            for activity in plan.sessions[number - 1].activities:
                exercise = exercises.get(activity.exercise)
                if exercise is not None and exercise.id not in seen:
                    seen.add(exercise.id)
                    body.append((exercise.title, exercise.id,
                                 self.sheet(exercise, activity.minutes, activity.timing), agenda_session))
        # The contents name page numbers, which depend on the front's own length: start from
        # the length it had last time, so an unchanged front is not laid out again to find it.
        # Without one (a first build), each of its sections (cover, contents, agenda...) is
        # taken to fill one page: right unless one runs over.
        front, front_pages = "", self._previous_front_pages(job)
        guessed = front_pages > 0
        for _ in range(5):
            page = 1 + front_pages + (self.options.duplex and front_pages % 2)
            view.pages, view.contents = {}, []
            for title, exercise_id, name, _session in body:
                view.contents.append(packets.Handout(title, page, divider=not exercise_id))
                length = self.pages[name] if name else 1  # a divider is one page
                if exercise_id:
                    view.pages[exercise_id] = page
                page += length + (self.options.duplex and length % 2)
            html = packets.front_html(view, self.options, self.info)
            if not guessed:
                guessed, front_pages = True, max(1, html.count("<section"))
                continue
            front = self.part(html)
            if self.pages[front] == front_pages:
                break
            front_pages = self.pages[front]
        names = [front] + [name or self.part(packets.divider_html(view, session, self.options, self.info))
                           for _title, _id, name, session in body]
        return self.padded(names), view.title

    def _previous_front_pages(self, job: Job) -> int:
        names = self.previous.get(job.filename) or [""]
        if not names[0] or not (self.out / PARTS / names[0]).exists():
            return 0
        return self.part_pages(names[0])

    def part_pages(self, name: str) -> int:
        """How many pages a part has (laid out or read once)."""
        if name not in self.pages:
            self.pages[name] = len(self.reader(name).pages)
        return self.pages[name]

    def build(self, job: Job, source_hash: str) -> tuple[int, list[str]]:
        target = self.out / job.filename
        if job.kind == "worksheet":
            exercise = self.exercise(job.inputs[0])
            names, title = [self.sheet(exercise)], f"{exercise.title} ({job.edition} edition)"
        elif job.kind == "kit":
            names, title = [self.part(packets.kit_html(job.source_id, self.options, self.info))], \
                packets.KIT[job.source_id]
        else:
            names, title = self.packet_parts(job)
            title = f"{title} ({job.edition} packet)"
        shapes = [shape for name in names if name is not None for shape in pdf_pages.shapes(self.reader(name))]
        numbered = self._numbered_shapes(names, shapes)
        numbers = self.part(pdf_pages.numbers_html(numbered, self.options.page_size,
                                                   self.options.margin_font_pt), tagged=False)
        parts = [self.reader(name) if name is not None else None for name in names]
        pages = _write_assembled(parts, self.reader(numbers), target, title,
                                 {"sourcehash": source_hash, "Author": self.info.name,
                                  "Keywords": f"{self.info.name}, {job.kind}, {job.edition}"})
        return pages, [name for name in (*names, numbers) if name is not None]

    def _numbered_shapes(self, names, shapes):
        """The shape of every page of the result, blank pages included."""
        result, index = [], 0
        for name in names:
            if name is None:
                result.append(result[-1])
                continue
            count = self.pages[name]
            result.extend(shapes[index:index + count])
            index += count
        return result


def _write_assembled(parts, numbers, target: Path, title: str, metadata: dict) -> int:
    """Put the parts together into `target`; the file appears whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + target.stem + "-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            pages = pdf_pages.assemble(parts, numbers, stream, title, metadata)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return pages


_progress_queue = None
packets = pdf_pages = worksheets = None


def _load_builders() -> None:
    """WeasyPrint, pikepdf and the templates, loaded only when something is built: a run with
    nothing to do stays fast."""
    global packets, pdf_pages, worksheets
    from . import packets as packets_module, pdf_pages as pages_module, worksheets as worksheets_module
    packets, pdf_pages, worksheets = packets_module, pages_module, worksheets_module


def _remember_queue(queue) -> None:
    global _progress_queue
    _progress_queue = queue


def build_group(root: Path, out: Path, info: CourseInfo, items: list[tuple[Job, str]],
                report: Callable | None = None) -> list[tuple]:
    """Build the PDFs of one group (worksheets first, then packets). Each PDF is reported as
    (file name, source hash, pages, error, parts) as soon as it is written; a failure is
    reported and the others still build."""
    report = report or (_progress_queue.put if _progress_queue is not None else None)
    job = items[0][0]
    group = _Group(root, out, info, job.edition, job.options)
    results = []
    for job, digest in sorted(items, key=lambda item: item[0].kind != "worksheet"):
        try:
            pages, parts = group.build(job, digest)
            entry = (job.filename, digest, pages, "", parts)
        except Exception as error:  # a bug: say so, and keep building the rest
            entry = (job.filename, digest, 0, f"{type(error).__name__}: {error}", [])
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
    parts = read_parts(out)
    result = Result()
    groups: dict[tuple, list[tuple[Job, str]]] = {}
    by_name: dict[str, Job] = {}
    for job in plan.jobs:
        digest = hasher.source_hash(job)
        if manifest.get(job.filename) == digest and (out / job.filename).exists():
            result.skipped += 1
        else:
            manifest.pop(job.filename, None)
            groups.setdefault(_task_key(job), []).append((job, digest))
            by_name[job.filename] = job
    if everything:
        wanted = {job.filename for job in plan.jobs}
        for name in [name for name in manifest if name not in wanted]:
            (out / name).unlink(missing_ok=True)
            del manifest[name]
            result.removed += 1

    total = len(by_name)

    def finished(entry: tuple) -> None:
        filename, digest, pages, error, used = entry
        if error:
            result.failures.append(f"{filename}: {error}")
        else:
            manifest[filename] = digest
            parts[filename] = used
            result.built.append(filename)
            result.pages += pages
            result.packets += by_name[filename].kind == "packet"
        if progress:
            progress(f"[{len(result.built) + len(result.failures)}/{total}] {by_name[filename].label}"
                     + (": FAILED" if error else ""))

    # The biggest tasks first, so both cores stay busy to the end.
    tasks = sorted((chunk for items in groups.values() for chunk in _chunks(items)),
                   key=lambda items: -sum(len(job.inputs) for job, _ in items))
    workers = max(1, min(workers or os.cpu_count() or 1, len(tasks)))
    try:
        if workers == 1:
            for items in tasks:
                build_group(root, out, plan.info, items, report=finished)
        else:
            _build_in_pool(root, out, plan.info, tasks, workers, finished)
    finally:
        write_manifest(out, manifest, parts)
    if everything and not result.failures:
        _remove_unused_parts(out, manifest, parts)
    result.seconds = time.perf_counter() - started
    return result


WORKSHEETS_PER_TASK = 8
"""Worksheets built by one task: small tasks keep both cores busy to the end."""


def _task_key(job: Job) -> tuple:
    """PDFs built by one task, in one process: the packets of one plan (they share their
    worksheets' pages), or worksheets of one edition and paper. Tasks of the same edition and
    paper share parts through `PARTS`: a part one task laid out is read by the next."""
    return (job.edition, job.options, job.source_id if job.kind == "packet" else "")


def _chunks(items: list) -> list[list]:
    if items[0][0].kind == "packet":
        return [items]
    return [items[start:start + WORKSHEETS_PER_TASK] for start in range(0, len(items), WORKSHEETS_PER_TASK)]


def _remove_unused_parts(out: Path, manifest: dict, parts: dict) -> None:
    """Parts that no current PDF was put together from (an old version of a worksheet)."""
    used = {name for filename in manifest for name in parts.get(filename, [])}
    for path in (out / PARTS).glob("*.pdf"):
        if path.name not in used:
            path.unlink(missing_ok=True)


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
