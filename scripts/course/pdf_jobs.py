"""Which PDFs a run builds, and the source hash that says whether each one is up to date.

Every PDF has a source hash: the files it is made from (the exercise or plan file, the
exercises a plan uses, the print templates and stylesheet, the code that lays it out) and its
options. The hash is stored in the PDF's metadata and in a small manifest next to the PDFs,
so a run with nothing to do never opens a PDF or loads WeasyPrint.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_exercise
from .loader import load_exercise
from .plans import WorkshopPlan, load_plans, plan_files
from .print_settings import EDITIONS, GUIDE, KIT, CourseInfo, PrintOptions, course_info, pdf_filename
from .nav_checks import nav_entries
from .problems import Problem

MANIFEST = ".manifest.json"
PARTS = ".parts"
"""Next to the PDFs: each worksheet, packet front and page-number layer laid out once, named
by the hash of what it was made from, so a packet is put together from them without laying
anything out again (see pdf_build.py)."""
"""Next to the PDFs: file name -> source hash of every PDF this builder wrote there."""
CODE = Path(__file__).parent
LAYOUT_FILES = sorted(
    [*(path for path in (CODE / "templates" / "print").rglob("*") if path.is_file()),
     *(CODE / name for name in ("worksheets.py", "packets.py", "pdf_pages.py", "pdf_build.py",
                                "print_settings.py", "render.py", "model.py", "loader.py", "plans.py"))])
"""Every file that changes how a PDF looks, besides its own sources."""

WORKSHEET_VARIANTS = (PrintOptions("letter"), PrintOptions("a4"))
"""What `make site` builds for each worksheet: both editions of each."""
PACKET_VARIANTS = (PrintOptions("letter"), PrintOptions("a4"), PrintOptions("letter", large_print=True))
"""What `make site` builds for each workshop plan: both editions of each."""


@dataclass(frozen=True)
class Job:
    """One PDF to build."""

    kind: str
    """"worksheet", "packet" or "kit" (a sign-in sheet, feedback form, certificate or notes page)."""
    source_id: str
    """The exercise id or the plan id."""
    edition: str
    options: PrintOptions
    inputs: tuple[Path, ...]
    """The files it is made from, besides LAYOUT_FILES: the exercise file, or the plan file
    and the files of the exercises it uses."""
    lessons: tuple[str, ...] = ()
    """The lessons whose titles it prints."""
    session: int = 0
    """For the packet of one session of a series: its number (from 1). 0: every session."""

    @property
    def filename(self) -> str:
        if self.kind == "kit":
            return f"{self.source_id}-{self.options.suffix}.pdf"
        return pdf_filename(self.output_id, self.edition, self.options)

    @property
    def output_id(self) -> str:
        """`series-4`, or `series-4-session-2` for one session's packet."""
        return f"{self.source_id}-session-{self.session}" if self.session else self.source_id

    @property
    def label(self) -> str:
        return f"{self.output_id} {self.edition} {self.options.label}"


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
    duplex: bool = False
    kit: bool = False
    """The sign-in sheet, feedback form, certificate and notes page (always in the site set)."""

    @property
    def everything(self) -> bool:
        return not (self.exercises or self.workshops or self.paper or self.large_print or self.duplex
                    or self.kit)

    def variants(self, kind: str) -> tuple[PrintOptions, ...]:
        """The site set when nothing was chosen; otherwise one paper size (Letter by default)."""
        if self.everything:
            defaults = PACKET_VARIANTS if kind == "packet" else WORKSHEET_VARIANTS
            return tuple(PrintOptions(o.paper, o.large_print, self.forms) for o in defaults)
        return (PrintOptions(self.paper or "letter", self.large_print, self.forms, self.duplex),)


@dataclass
class Plan:
    """The jobs of one run, or the problems that stop it."""

    jobs: list[Job]
    info: CourseInfo
    problems: list[Problem]
    files_checked: int = 0


class SelectionError(ValueError):
    """A name on the command line that does not exist."""


# --- deciding what to build -------------------------------------------------------------------

def plan_jobs(root: Path, selection: Selection) -> Plan:
    """Every PDF the selection asks for, after loading (and checking) the files it needs."""
    root = Path(root)
    info = course_info(root)
    # The course's name and address come from mkdocs.yml: a broken one would put the wrong name
    # on every page, and make every PDF again, so it stops the run before anything is laid out.
    _, config_problems = nav_entries(root)
    if any(p.level == "error" for p in config_problems):
        return Plan([], info, [p for p in config_problems if p.level == "error"], files_checked=1)
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
        if exercise is not None:
            # The checker's rules too: a quiz question without options or a pitch without
            # targets loads, but its worksheet would be wrong.
            found += check_exercise(exercise, root)
            exercises[exercise_id] = exercise
        exercise_problems[exercise_id] = [p for p in found if p.level == "error"]

    plans: list[WorkshopPlan] = []
    problems: list[Problem] = []
    if selection.workshops or not (selection.exercises or selection.kit):
        plans, plan_problems = load_plans(root, {name: e.minutes for name, e in exercises.items()})
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
        # A series has a packet for each session too, besides the whole-series packet.
        sessions = [0] + (list(range(1, len(plan.sessions) + 1)) if len(plan.sessions) > 1 else [])
        for options in selection.variants("packet"):
            for session in sessions:
                for edition in EDITIONS:
                    jobs.append(Job("packet", plan.path.stem, edition, options,
                                    (plan.path, *(exercise.path for exercise in used), root / GUIDE),
                                    tuple(exercise.lesson for exercise in used), session))
    if selection.everything or selection.kit:
        for kit_id in KIT:
            for options in selection.variants("packet"):
                jobs.append(Job("kit", kit_id, "kit", options, ()))
    if selection.exercises or not (selection.workshops or selection.kit):
        names = selection.exercises or [name for name, exercise in exercises.items()
                                        if not exercise.draft]
        needed.update(names)
        for name in names:
            exercise = exercises.get(name)
            if exercise is None:
                continue  # its problems say why
            for options in selection.variants("worksheet"):
                for edition in EDITIONS:
                    jobs.append(Job("worksheet", name, edition, options, (exercise.path,),
                                    (exercise.lesson,)))
    if selection.everything:
        # A file that cannot be read at all stops a full run: its PDFs are kept, not removed
        # as "no longer needed", and the author sees why.
        needed.update(name for name in available if name not in exercises)
    for name in sorted(needed):
        problems += exercise_problems.get(name, [])
    return Plan(jobs, info, problems, files_checked=len(available) + len(plans))


def _unknown(what: str, names: list[str], known: dict) -> str:
    """"unknown exercise 'elevator-speach'. Did you mean 'elevator-speech'? ..." """
    folder = "workshops" if what.startswith("workshop") else "exercises"
    close = [match for name in names for match in difflib.get_close_matches(name, list(known), n=1)]
    guess = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return (f"unknown {what} {', '.join(repr(n) for n in names)}.{guess} "
            f"The ids are the file names in {folder}/ without \".yml\".")


# --- hashes and the manifest ------------------------------------------------------------------

class Hasher:
    """Source hashes, reading each file once per run."""

    def __init__(self, root: Path, info: CourseInfo):
        self.root = Path(root)
        self.info = info
        self._files: dict[Path, str] = {}
        self._lines: dict[Path, bytes] = {}
        self._layout: bytes | None = None

    def _line(self, path: Path) -> bytes:
        """`path` (relative to the project) and its hash: one line of a source hash."""
        if path not in self._lines:
            self._lines[path] = f"{_relative(path, self.root)}\0{self.file(path)}\n".encode()
        return self._lines[path]

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
        for path in job.inputs:
            digest.update(self._line(path))
        if self._layout is None:
            self._layout = b"".join(self._line(path) for path in LAYOUT_FILES)
        digest.update(self._layout)
        settings = {"kind": job.kind, "edition": job.edition, "options": job.options.as_dict(),
                    "session": job.session,
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


def read_parts(out: Path) -> dict[str, list[str]]:
    """PDF file name -> the parts (laid-out pages in `PARTS`) it was put together from."""
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): [str(part) for part in v] for k, v in data.get("parts", {}).items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def write_manifest(out: Path, entries: dict[str, str], parts: dict[str, list[str]] | None = None) -> None:
    path = Path(out) / MANIFEST
    temporary = path.with_suffix(".tmp")
    data = {"version": 2, "pdfs": dict(sorted(entries.items())),
            "parts": {name: parts[name] for name in sorted(parts or {}) if name in entries}}
    temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(temporary, path)
