"""What the site says about the PDFs: the list on the "Printables" page and each lesson's links.

Everything here is worked out from the exercise and plan files and from the variants that
`pdf_jobs.py` builds by default, so the page can never list a PDF that is not built, or miss
one that is. The MkDocs hook calls these functions; they hold no MkDocs code themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .loader import load_exercise
from .messages import PRINTABLES_BUILDING, PRINTABLES_FAILED
from .pdf_jobs import PACKET_VARIANTS, WORKSHEET_VARIANTS
from .plans import load_plan, plan_files
from .print_settings import EDITIONS, KIT, PrintOptions, course_info, pdf_filename

MARKER = "<!-- printables -->"
"""The line in docs/printables.md that the list replaces."""
PDF_FOLDER = "printables/pdf"
"""Where the PDFs are, inside docs/ (and so inside the built site)."""


@dataclass(frozen=True)
class PdfLink:
    edition: str
    """"learner" or "facilitator"."""
    label: str
    """"Letter", "A4" or "Large print"."""
    filename: str


def variant_label(options: PrintOptions) -> str:
    return "Large print" if options.large_print else {"letter": "Letter", "a4": "A4"}[options.paper]


def pdf_links(source_id: str, kind: str = "worksheet") -> list[PdfLink]:
    """The PDFs the site offers for one exercise (kind "worksheet"), plan or session of a
    series (kind "packet", id `series-4-session-2`) or page of the kit (kind "kit"), learner
    edition first. File names are relative to the PDF folder."""
    if kind == "kit":
        return [PdfLink("kit", variant_label(options), f"{source_id}-{options.suffix}.pdf")
                for options in PACKET_VARIANTS]
    variants = PACKET_VARIANTS if kind == "packet" else WORKSHEET_VARIANTS
    return [PdfLink(edition, variant_label(options), pdf_filename(source_id, edition, options))
            for edition in EDITIONS for options in variants]


def _links_cell(links: list[PdfLink], edition: str, prefix: str, title: str,
                ready: Callable[[str], bool] | None = None) -> str:
    """"Letter · A4" links; each one's accessible name says what it is, not only "Letter".
    A PDF not `ready` yet (still being made under `make serve`) is its label, without a link."""
    name = re.sub(r"[\"{}\\<>]", "", " ".join(title.split()))
    what = "" if edition == "kit" else f" {edition} edition,"
    return " · ".join(f'[{link.label}]({prefix}{link.filename}){{ aria-label="{name}:{what} '
                      f'{link.label} (PDF)" }}' if ready is None or ready(link.filename) else link.label
                      for link in links if link.edition == edition)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (no markup, no column breaks)."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", " ".join(str(text).split()))


def _anchor(name: str) -> str:
    """An anchor for links such as `printables.md#elevator-speech` (ids are [a-z0-9-])."""
    return f'<span id="{name}"></span>' if re.fullmatch(r"[a-z0-9-]+", name) else ""


def printables_markdown(root: Path, prefix: str = PDF_FOLDER + "/", course=None,
                        ready: Callable[[str], bool] | None = None) -> str:
    """The Markdown for the "Printables" page: a table of workshop packets, then a table of
    every published worksheet in lesson order. Each row has an anchor named after the exercise
    or plan id (lesson pages link to `printables.md#<exercise id>`). `prefix` goes before each
    PDF's file name. `course` (the build's loaded course) saves reading exercises and lessons
    again. `ready`: see `_links_cell`."""
    root = Path(root)
    if course is not None:
        exercises = list(course.exercises.values())
        titles = {name: str(page.front.get("title") or "") for name, page in course.lessons.items()}
        lesson_text = {name: page.text for name, page in course.pages.items()}
    else:
        exercises = [load_exercise(path, root)[0] for path in sorted((root / "exercises").glob("*.yml"))]
        titles = course_info(root).lesson_titles
        lesson_text = {}
    lines = ["## Workshop packets", "",
             "| Workshop | Learner packet | Facilitator packet |", "|---|---|---|"]
    plans = [plan for plan in (load_plan(path, root)[0] for path in plan_files(root)) if plan]
    for plan in sorted(plans, key=lambda plan: (len(plan.sessions), plan.minutes, plan.path.stem)):
        links = pdf_links(plan.path.stem, "packet")
        title = plan.title or plan.path.stem
        lines.append(f"| {_anchor(plan.path.stem)}{_cell(title)} | {_links_cell(links, 'learner', prefix, title, ready)} "
                     f"| {_links_cell(links, 'facilitator', prefix, title, ready)} |")
        for number, session in enumerate(plan.sessions if len(plan.sessions) > 1 else [], 1):
            session_id = f"{plan.path.stem}-session-{number}"
            links = pdf_links(session_id, "packet")
            name = f"Session {number}: {session.title}"
            lines.append(f"| {_anchor(session_id)}{_cell(name)} | {_links_cell(links, 'learner', prefix, name, ready)} "
                         f"| {_links_cell(links, 'facilitator', prefix, name, ready)} |")

    lines += ["", "## For the workshop", "",
              "Print these for each workshop: the sign-in sheet and notes page once, the feedback "
              "form and the certificate for each person. The certificate can be filled in on a "
              "computer before printing.", "",
              "| Page | Letter, A4 or large print |", "|---|---|"]
    for kit_id, title in KIT.items():
        links = pdf_links(kit_id, "kit")
        lines.append(f"| {_anchor(kit_id)}{_cell(title)} | {_links_cell(links, 'kit', prefix, title, ready)} |")

    exercises = [exercise for exercise in exercises if exercise is not None and not exercise.draft]
    for lesson in {e.lesson for e in exercises} - lesson_text.keys():
        lesson_text[lesson] = _read(root / "docs" / lesson)

    def order(exercise) -> tuple:
        text = lesson_text.get(exercise.lesson, "")
        position = text.find(f"exercise | {exercise.id}")
        return (exercise.lesson, position if position >= 0 else len(text), exercise.id)

    lines += ["", "## Worksheets", "",
              "| Worksheet | Lesson | Learner edition | Facilitator edition |", "|---|---|---|---|"]
    for exercise in sorted(exercises, key=order):
        links = pdf_links(exercise.id)
        lesson = f"[{_cell(titles.get(exercise.lesson) or exercise.lesson)}]({exercise.lesson})"
        lines.append(f"| {_anchor(exercise.id)}{_cell(exercise.title)} | {lesson} "
                     f"| {_links_cell(links, 'learner', prefix, exercise.title, ready)} "
                     f"| {_links_cell(links, 'facilitator', prefix, exercise.title, ready)} |")
    return "\n".join(lines) + "\n"


def build_notice(status: dict | None) -> str:
    """Under `make serve`: a note above the list while the PDFs are still being made behind
    the preview (`pdf_publish.py`), or when making them stopped. "" otherwise."""
    if not status:
        return ""
    if status.get("state") == "failed":
        return f'!!! warning "PDFs not made"\n\n    {PRINTABLES_FAILED}\n\n'
    done, total = status.get("done", 0), status.get("total", 0)
    progress = f" ({done} of {total} so far)" if isinstance(total, int) and total > 0 else ""
    return f'!!! note "PDFs on their way"\n\n    {PRINTABLES_BUILDING.format(progress=progress)}\n\n'


def fill_printables_page(markdown: str, root: Path, course=None, status: dict | None = None) -> str:
    """docs/printables.md with its marker line replaced by the list (for the MkDocs hook).
    `status`: the background build's, under `make serve` (see `build_notice`)."""
    if MARKER not in markdown:
        return markdown
    folder = Path(root) / "docs" / PDF_FOLDER
    ready = (lambda name: (folder / name).is_file()) if status else None
    return markdown.replace(MARKER, build_notice(status) + printables_markdown(root, course=course, ready=ready), 1)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, ValueError):  # the checker reports a file that cannot be read
        return ""
