"""Printed worksheets and workshop packets: exercise and plan objects -> HTML -> PDF.

The HTML comes from the templates in `templates/print/` (the shared, autoescaping environment of
`render.py`); WeasyPrint lays it out with `templates/print/print.css`. This module knows how one
PDF looks. Which PDFs to build, and when a PDF is already up to date, is `pdf_build.py`.

Each PDF carries the hash of everything it was made from (its `sourcehash` metadata entry), so
a test can prove that a published PDF matches the current exercise file and templates.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from markupsafe import Markup

from . import model
from .plans import WorkshopPlan
from .render import TEMPLATES, make_environment

log = logging.getLogger(__name__)

PRINT_TEMPLATES = TEMPLATES / "print"
STYLESHEET = PRINT_TEMPLATES / "print.css"

PAPER_SIZES = {"letter": "letter", "a4": "A4"}
"""Paper names on the command line -> CSS page sizes."""
EDITIONS = ("learner", "facilitator")

WIDE_TRACKER_COLUMNS = 5
"""A tracker with this many columns (or more) prints in landscape."""
WIDE_TRACKER_WIDTH = 10
"""... and so does one whose column widths add up to this much."""


@dataclass(frozen=True)
class PrintOptions:
    """How one PDF is printed. Part of every PDF's source hash."""

    paper: str = "letter"
    """A key of PAPER_SIZES."""
    large_print: bool = False
    """Body text at 16 pt instead of 12 pt."""
    forms: bool = True
    """Fillable PDF form fields over the tick boxes and writing lines."""

    def __post_init__(self):
        if self.paper not in PAPER_SIZES:
            raise ValueError(f"unknown paper size {self.paper!r}; use one of {', '.join(PAPER_SIZES)}")

    @property
    def page_size(self) -> str:
        return PAPER_SIZES[self.paper]

    @property
    def body_font_pt(self) -> int:
        return 16 if self.large_print else 12

    @property
    def margin_font_pt(self) -> int:
        return 12 if self.large_print else 9

    @property
    def suffix(self) -> str:
        """The end of the file name, for example `letter` or `a4-large`."""
        return self.paper + ("-large" if self.large_print else "")

    @property
    def label(self) -> str:
        """For progress lines: `letter`, `a4 large print`, `letter no forms`."""
        return " ".join([self.paper] + (["large print"] if self.large_print else [])
                        + ([] if self.forms else ["no forms"]))

    def as_dict(self) -> dict:
        return {"paper": self.paper, "large_print": self.large_print, "forms": self.forms}


def pdf_filename(source_id: str, edition: str, options: PrintOptions) -> str:
    """`elevator-speech-learner-letter.pdf`, `workshop-60-facilitator-a4-large.pdf`."""
    return f"{source_id}-{edition}-{options.suffix}.pdf"


# --- the course: name, address, lesson titles ------------------------------------------------

@dataclass(frozen=True)
class CourseInfo:
    """What the running header and footer say about the course."""

    name: str = "Networking, Demystified"
    site_url: str = ""
    """From mkdocs.yml. Empty: the footer names the page path instead of a web address."""
    lesson_titles: dict = field(default_factory=dict, hash=False, compare=False)
    """Lesson path (for example `lessons/05-elevator-speech.md`) -> its front matter title."""

    def as_dict(self) -> dict:
        return {"name": self.name, "site_url": self.site_url, "lesson_titles": self.lesson_titles}


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags are no concern of ours."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.S)


def front_matter_title(path: Path) -> str:
    try:
        match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        data = yaml.load(match.group(1), Loader=_TolerantLoader) if match else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""
    return str(data.get("title", "")) if isinstance(data, dict) else ""


def course_info(root: Path) -> CourseInfo:
    """Course name and site address from mkdocs.yml; lesson titles from their front matter."""
    root = Path(root)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        config = None
    config = config if isinstance(config, dict) else {}
    titles = {path.relative_to(root / "docs").as_posix(): front_matter_title(path)
              for path in sorted((root / "docs" / "lessons").glob("*.md"))}
    return CourseInfo(name=str(config.get("site_name") or CourseInfo.name),
                      site_url=str(config.get("site_url") or ""), lesson_titles=titles)


def page_location(info: CourseInfo, page: str) -> str:
    """Where a page is online: its address when the site has one, else its path on the site."""
    stem = page.removesuffix(".md")
    if info.site_url:
        # The offline plugin turns off directory URLs: pages are `name.html`.
        return info.site_url.rstrip("/") + "/" + stem + ".html"
    return f"{info.name} course site, {stem}"


def lesson_where(info: CourseInfo, lesson: str) -> str:
    """`Lesson 5: Your elevator speech — Networking, Demystified course site, lessons/05-elevator-speech`."""
    title = info.lesson_titles.get(lesson, "")
    numbered = re.match(r"\s*(\d+)\.\s*(.+)", title)
    label = f"Lesson {numbered.group(1)}: {numbered.group(2)}" if numbered else (title or "Lesson")
    return f"{label} — {page_location(info, lesson)}"


# --- what the templates read ------------------------------------------------------------------

@dataclass
class SheetView:
    """One exercise ready for `sheet.html`: the exercise itself plus what is easier to work out
    in Python than in a template."""

    exercise: model.Exercise
    facilitator: bool
    where: str
    options: PrintOptions
    letters: str = model.OPTION_LETTERS

    @property
    def wide(self) -> bool:
        columns = getattr(self.exercise, "columns", [])
        return bool(columns) and (len(columns) >= WIDE_TRACKER_COLUMNS - self.options.large_print
                                  or sum(c.width for c in columns) >= WIDE_TRACKER_WIDTH)

    @property
    def column_percent(self) -> list[float]:
        widths = [max(1, min(4, column.width)) for column in getattr(self.exercise, "columns", [])]
        return [round(100 * width / sum(widths), 1) for width in widths]

    @property
    def part_lines(self) -> int:
        """Handwriting lines under each part of a pitch or message."""
        return 3 if self.exercise.kind == "pitch" else 2

    @property
    def target_parts(self) -> dict[str, str]:
        labels = {part.id: part.label for part in getattr(self.exercise, "parts", [])}
        return {target.id: ", ".join(labels.get(part, part) for part in target.parts) or "all parts"
                for target in getattr(self.exercise, "targets", [])}

    @property
    def category_labels(self) -> dict[str, str]:
        return {category.id: category.label for category in getattr(self.exercise, "categories", [])}

    @property
    def has_multiple(self) -> bool:
        return any(question.type == "multiple" for question in getattr(self.exercise, "questions", []))

    @property
    def has_examples(self) -> bool:
        return any(part.example for part in getattr(self.exercise, "parts", []))

    @property
    def length_text(self) -> str:
        rule = getattr(self.exercise, "length", None)
        ranges = [f"{low} to {high} {unit}" for unit, pair in
                  (("sentences", rule and rule.sentences), ("words", rule and rule.words)) if pair
                  for low, high in [pair]]
        return ", ".join(ranges) + "." if ranges else ""


@dataclass
class AgendaStep:
    clock: str
    """Time since the start of the session, `0:00`, `0:10`, `1:05`."""
    title: str
    minutes: int
    exercise: str = ""
    notes: str = ""


@dataclass
class AgendaSession:
    title: str
    minutes: int
    steps: list[AgendaStep]
    end_clock: str


@dataclass
class PacketView:
    plan: WorkshopPlan
    facilitator: bool
    where: str
    sessions: list[AgendaSession]
    pages: dict[str, int] = field(default_factory=dict)
    """Exercise id -> the page of the packet its worksheet starts on."""

    @property
    def length_text(self) -> str:
        if len(self.plan.sessions) == 1:
            return f"One session of {self.plan.sessions[0].minutes} minutes."
        return f"{len(self.plan.sessions)} sessions, {self.plan.minutes} minutes in all."


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def css_string(text: str) -> Markup:
    """Text as a CSS string literal, safe inside a <style> element (autoescape would turn a
    quote into `&#34;`, which CSS would print as is)."""
    escaped = "".join(
        "\\" + char if char in '\\"' else f"\\{ord(char):x} " if char in "<>&\n\r" else char
        for char in str(text))
    return Markup(f'"{escaped}"')


@lru_cache(maxsize=None)
def _environment():
    env = make_environment().overlay()
    env.filters["css_string"] = css_string
    return env


def worksheet_html(exercise: model.Exercise, edition: str, options: PrintOptions,
                   info: CourseInfo, source_hash: str = "") -> str:
    """The whole HTML document of one worksheet."""
    facilitator = edition == "facilitator"
    sheet = SheetView(exercise, facilitator, lesson_where(info, exercise.lesson), options)
    return _environment().get_template("print/worksheet.html").render(
        sheet=sheet, options=options, course=info, source_hash=source_hash,
        document_title=f"{exercise.title} ({edition} edition)",
        description=f"A printable worksheet from {info.name}.",
        keywords=[info.name, "worksheet", edition, exercise.kind])


def packet_view(plan: WorkshopPlan, exercises: dict[str, model.Exercise], edition: str,
                info: CourseInfo) -> PacketView:
    """The agenda of a packet: each session's steps with a running clock from 0:00."""
    sessions = []
    for session in plan.sessions:
        steps, elapsed = [], 0
        for activity in session.activities:
            exercise = exercises.get(activity.exercise)
            title = exercise.title if exercise else activity.title or activity.exercise
            steps.append(AgendaStep(clock(elapsed), title, activity.minutes,
                                    activity.exercise if exercise else "", activity.notes))
            elapsed += activity.minutes
        sessions.append(AgendaSession(session.title, session.minutes, steps, clock(elapsed)))
    where = f"Running workshops — {page_location(info, 'counsellors/guide.md')}"
    return PacketView(plan, edition == "facilitator", where, sessions)


def packet_front_html(packet: PacketView, options: PrintOptions, info: CourseInfo,
                      source_hash: str = "") -> str:
    """The HTML of a packet's cover and agenda."""
    edition = "facilitator" if packet.facilitator else "learner"
    return _environment().get_template("print/packet.html").render(
        packet=packet, options=options, course=info, source_hash=source_hash,
        document_title=f"{packet.plan.title} ({edition} packet)",
        description=packet.plan.description or f"A workshop packet from {info.name}.",
        keywords=[info.name, "workshop packet", edition])


# --- HTML -> PDF ------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _stylesheet():
    from weasyprint import CSS  # imported late: a run with nothing to build never pays for it
    return CSS(string=STYLESHEET.read_text(encoding="utf-8"), base_url=str(PRINT_TEMPLATES))


def render_document(html: str, options: PrintOptions):
    """Lay out `html` as pages (a WeasyPrint Document)."""
    from weasyprint import HTML
    return HTML(string=html, base_url=str(PRINT_TEMPLATES)).render(
        stylesheets=[_stylesheet()], pdf_forms=options.forms)


def packet_document(plan: WorkshopPlan, exercises: dict[str, model.Exercise], edition: str,
                    options: PrintOptions, info: CourseInfo, sheets: dict, source_hash: str = ""):
    """A whole packet: its cover and agenda, then the pages of each worksheet in plan order.

    `sheets` holds each exercise's worksheet already laid out (exercise id -> Document), so a
    worksheet printed on its own and in four packets is laid out once. Each worksheet keeps
    its own "Page x of y", so a sheet taken out of the packet still makes sense.
    """
    packet = packet_view(plan, exercises, edition, info)
    order = [name for name in plan.exercise_ids if name in sheets]
    front_pages, front = 1, None
    for _ in range(3):  # the agenda names page numbers, which depend on the agenda's own length
        page = front_pages + 1
        for name in order:
            packet.pages[name] = page
            page += len(sheets[name].pages)
        front = render_document(packet_front_html(packet, options, info, source_hash), options)
        if len(front.pages) == front_pages:
            break
        front_pages = len(front.pages)
    return front.copy([*front.pages, *(page for name in order for page in sheets[name].pages)])


def write_document(document, target: Path, options: PrintOptions) -> int:
    """Write a laid-out document to `target`. Returns the number of pages.

    The PDF goes to a temporary file in the same folder first, then replaces `target`, so an
    interrupted build never leaves a partial PDF behind.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + target.stem + "-", suffix=".tmp",
                                         dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            document.write_pdf(stream, pdf_forms=options.forms, custom_metadata=True,
                               pdf_identifier=target.stem.encode())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the site serves it to everyone
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(document.pages)


def write_pdf(html: str, target: Path, options: PrintOptions) -> int:
    """Lay out `html` and write it to `target` (see `write_document`)."""
    return write_document(render_document(html, options), target, options)
