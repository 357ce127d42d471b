"""Which PDFs to build, which are already up to date, and building the rest on every core.

Every PDF has a source hash: the files it is made from (the exercise or plan file, the
exercises a plan uses, the print templates and stylesheet, the code that lays it out) and its
options. The hash is stored in the PDF's metadata and in a small manifest next to the PDFs.
A PDF whose hash is unchanged is skipped without opening it, so a run with nothing to do
takes a fraction of a second and never loads WeasyPrint.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import worksheets
from .loader import load_exercise
from .plans import WorkshopPlan, load_plan, load_plans, plan_files
from .problems import Problem
from .worksheets import CourseInfo, PrintOptions, pdf_filename

log = logging.getLogger(__name__)

MANIFEST = ".manifest.json"
"""Next to the PDFs: file name -> source hash of every PDF this builder wrote there."""
CODE = Path(__file__).parent
LAYOUT_FILES = sorted(
    [*(path for path in (CODE / "templates" / "print").rglob("*") if path.is_file()),
     *(CODE / name for name in ("worksheets.py", "render.py", "model.py", "loader.py", "plans.py"))])
"""Every file that changes how a PDF looks, besides its own sources."""

WORKSHEET_VARIANTS = (PrintOptions("letter"), PrintOptions("a4"))
"""What `make site` builds for each worksheet: both editions of each."""
PACKET_VARIANTS = (PrintOptions("letter"), PrintOptions("a4"), PrintOptions("letter", large_print=True))
"""What `make site` builds for each workshop plan: both editions of each."""


@dataclass(frozen=True)
class Job:
    """One PDF to build."""

    kind: str
    """"worksheet" or "packet"."""
    source_id: str
    """The exercise id or the plan id."""
    edition: str
    options: PrintOptions
    inputs: tuple[Path, ...]
    """The files it is made from, besides LAYOUT_FILES: the exercise file, or the plan file
    and the files of the exercises it uses."""
    lessons: tuple[str, ...] = ()
    """The lessons whose titles it prints."""

    @property
    def filename(self) -> str:
        return pdf_filename(self.source_id, self.edition, self.options)

    @property
    def label(self) -> str:
        return f"{self.source_id} {self.edition} {self.options.label}"


@dataclass
class Selection:
    """What the command line asked for. Empty lists mean "all"."""

    exercises: list[str] = field(default_factory=list)
    workshops: list[str] = field(default_factory=list)
    paper: str | None = None
    """None: Letter, or the site set (Letter and A4, plus large-print Letter for packets) when
    nothing else was chosen either."""
    large_print: bool = False
    forms: bool = True

    @property
    def everything(self) -> bool:
        return not (self.exercises or self.workshops or self.paper or self.large_print)

    def variants(self, kind: str) -> tuple[PrintOptions, ...]:
        """The site set when nothing was chosen; otherwise one paper size (Letter by default)."""
        if self.everything:
            defaults = PACKET_VARIANTS if kind == "packet" else WORKSHEET_VARIANTS
            return tuple(PrintOptions(o.paper, o.large_print, self.forms) for o in defaults)
        return (PrintOptions(self.paper or "letter", self.large_print, self.forms),)


@dataclass
class Plan:
    """The jobs of one run, or the problems that stop it."""

    jobs: list[Job]
    info: CourseInfo
    problems: list[Problem]
    files_checked: int = 0


@dataclass
class Result:
    built: list[str] = field(default_factory=list)
    skipped: int = 0
    removed: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0


class SelectionError(ValueError):
    """A name on the command line that does not exist."""


# --- deciding what to build -------------------------------------------------------------------

def plan_jobs(root: Path, selection: Selection) -> Plan:
    """Every PDF the selection asks for, after loading (and checking) the files it needs."""
    root = Path(root)
    info = worksheets.course_info(root)
    available = {path.stem: path for path in sorted((root / "exercises").glob("*.yml"))}
    unknown = [name for name in selection.exercises if name not in available]
    if unknown:
        raise SelectionError(_unknown("exercise", unknown, available))
    plan_paths = {path.stem: path for path in plan_files(root)}
    unknown = [name for name in selection.workshops if name not in plan_paths]
    if unknown:
        raise SelectionError(_unknown("workshop plan", unknown, plan_paths))

    exercises, exercise_problems = {}, {}
    for exercise_id, path in available.items():
        exercise, found = load_exercise(path, root)
        exercise_problems[exercise_id] = [p for p in found if p.level == "error"]
        if exercise is not None:
            exercises[exercise_id] = exercise

    plans: list[WorkshopPlan] = []
    problems: list[Problem] = []
    if selection.workshops or not selection.exercises:
        plans, plan_problems = load_plans(root)
        if selection.workshops:
            plans = [plan for plan in plans if plan.path.stem in selection.workshops]
            chosen = {_relative(plan_paths[name], root) for name in selection.workshops}
            plan_problems = [p for p in plan_problems if p.path in chosen]
        problems += [p for p in plan_problems if p.level == "error"]

    jobs: list[Job] = []
    needed: set[str] = set()
    for plan in plans:
        needed.update(plan.exercise_ids)
        used = [exercises[name] for name in plan.exercise_ids if name in exercises]
        for options in selection.variants("packet"):
            for edition in worksheets.EDITIONS:
                jobs.append(Job("packet", plan.path.stem, edition, options,
                                (plan.path, *(exercise.path for exercise in used)),
                                tuple(exercise.lesson for exercise in used)))
    if selection.exercises or not selection.workshops:
        names = selection.exercises or [name for name, exercise in exercises.items()
                                        if not exercise.draft]
        needed.update(names)
        for name in names:
            exercise = exercises.get(name)
            if exercise is None:
                continue  # its problems say why
            for options in selection.variants("worksheet"):
                for edition in worksheets.EDITIONS:
                    jobs.append(Job("worksheet", name, edition, options, (exercise.path,),
                                    (exercise.lesson,)))
    for name in sorted(needed):
        problems += exercise_problems.get(name, [])
    return Plan(jobs, info, problems, files_checked=len(available) + len(plans))


def _unknown(what: str, names: list[str], known: dict) -> str:
    listing = ", ".join(sorted(known)) or "none yet"
    return f"unknown {what} {', '.join(repr(n) for n in names)}. Known: {listing}."


# --- hashes and the manifest ------------------------------------------------------------------

class Hasher:
    """Source hashes, reading each file once per run."""

    def __init__(self, root: Path, info: CourseInfo):
        self.root = Path(root)
        self.info = info
        self._files: dict[Path, str] = {}

    def file(self, path: Path) -> str:
        path = Path(path)
        if path not in self._files:
            try:
                self._files[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._files[path] = "missing"
        return self._files[path]

    def source_hash(self, job: Job) -> str:
        """The hash of everything `job`'s PDF is made from. Stored in the PDF's metadata."""
        digest = hashlib.sha256()
        for path in (*job.inputs, *LAYOUT_FILES):
            digest.update(f"{_relative(path, self.root)}\0{self.file(path)}\n".encode())
        settings = {"kind": job.kind, "edition": job.edition, "options": job.options.as_dict(),
                    "course": self.info.name, "site_url": self.info.site_url,
                    "lessons": {lesson: self.info.lesson_titles.get(lesson, "") for lesson in job.lessons}}
        digest.update(json.dumps(settings, sort_keys=True).encode())
        return digest.hexdigest()


def _relative(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).name  # the project's own code, wherever the project is


def read_manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("pdfs", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def write_manifest(out: Path, entries: dict[str, str]) -> None:
    path = Path(out) / MANIFEST
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"version": 1, "pdfs": dict(sorted(entries.items()))}, indent=1),
                         encoding="utf-8")
    os.replace(temporary, path)


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


def summary(result: Result) -> str:
    """"Built 12 PDFs (48 pages), 190 up to date, in 9.8 s." """
    parts = [f"Built {len(result.built)} PDF{'s' if len(result.built) != 1 else ''}"
             + (f" ({result.pages} pages)" if result.built else "")]
    if result.skipped:
        parts.append(f"{result.skipped} up to date")
    if result.removed:
        parts.append(f"{result.removed} no longer needed removed")
    if result.failures:
        parts.append(f"{len(result.failures)} failed")
    return ", ".join(parts) + f", in {result.seconds:.1f} s."
