"""Printed worksheets: exercise objects -> HTML -> a laid-out part (PDF without page numbers).

Paper sizes, options and the course's name and address are in `print_settings.py`.

The HTML comes from the templates in `templates/print/` (the shared, autoescaping environment of
`render.py`); WeasyPrint lays it out with `templates/print/print.css`. This module knows how one
worksheet looks. Packet pages are `packets.py`; numbering pages and putting parts together is
`pdf_pages.py`; which PDFs to build, and when a PDF is already up to date, is `pdf_build.py`.

Each PDF carries the hash of everything it was made from (its `sourcehash` metadata entry), so
a test can prove that a published PDF matches the current exercise file and templates.
"""

from __future__ import annotations

import os
import random
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from . import model
from .dialogue_print import RoleCard, role_cards
from .plans import WorkshopPlan
from .print_settings import CourseInfo, PrintOptions, footer_text, lesson_where, page_location
from .render import TEMPLATES, make_environment

PRINT_TEMPLATES = TEMPLATES / "print"
STYLESHEET = PRINT_TEMPLATES / "print.css"

WIDE_TRACKER_COLUMNS = 5
"""A tracker with this many columns (or more) prints in landscape."""
WIDE_TRACKER_WIDTH = 10
"""... and so does one whose column widths add up to this much."""

MIN_FILLED_WIDTH = 2
"""Date and choice columns (a date, "Reply?") print at least this wide: room for a handwritten
date or a word from the list."""

FACILITATOR_TRACKER_ROWS = 10
"""The facilitator edition of a tracker shows at most this many blank rows, so its table fits
on the page after the notes with the answer key under it. The learner edition keeps them all."""

ROOMY = ' data-spacing="roomy"'
TIGHT = ' data-spacing="tight"'
"""Worksheets are laid out with roomy spacing. When that leaves the last page nearly empty, they
are laid out again with tight spacing (print.css), and the tight layout is kept if it saves a
page: a few lines alone on a last page look like a mistake."""
NEARLY_EMPTY = 0.4
"""A last page whose body is used less than this much (a fraction of its height) is nearly empty."""


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
    plan_minutes: int = 0
    """In a packet: the minutes the plan gives this activity (0: the exercise's own)."""
    plan_timing: str = ""
    """In a packet: the plan's note on why it takes that long."""

    @property
    def minutes(self) -> int:
        return self.plan_minutes or self.exercise.minutes

    @property
    def in_plan(self) -> bool:
        """True when a plan gives this activity a time of its own."""
        return bool(self.plan_minutes) and self.plan_minutes != self.exercise.minutes

    @property
    def sort_items(self) -> list:
        """A sort's items in a fixed shuffled order (the same on every run), so the sheet does
        not give the answers away by grouping them. Numbered in that order."""
        items = list(getattr(self.exercise, "items", []))
        random.Random(f"sort:{self.exercise.id}").shuffle(items)
        return items

    @property
    def answer_cards(self) -> list[str]:
        """Cards to hold up for a quiz of true-or-false questions: "Myth" and "Fact", "Yes"
        and "No". Empty for other quizzes."""
        questions = getattr(self.exercise, "questions", [])
        if self.exercise.kind != "quiz" or not questions or any(q.type != "truefalse" for q in questions):
            return []
        labels: dict[str, None] = {}
        for question in questions:
            for option in question.options:
                labels.setdefault(option.text)
        return list(labels) if len(labels) <= 3 else []

    @property
    def wide(self) -> bool:
        columns = getattr(self.exercise, "columns", [])
        return bool(columns) and (len(columns) >= WIDE_TRACKER_COLUMNS - self.options.large_print
                                  or sum(c.width for c in columns) >= WIDE_TRACKER_WIDTH)

    @property
    def column_percent(self) -> list[float]:
        widths = [max(MIN_FILLED_WIDTH if column.type in ("date", "choice") else 1, min(4, column.width))
                  for column in getattr(self.exercise, "columns", [])]
        return [round(100 * width / sum(widths), 1) for width in widths]

    @property
    def rows(self) -> int:
        """Blank rows of a tracker's table: all of them for learners, fewer for the facilitator."""
        rows = getattr(self.exercise, "rows", 0)
        return min(rows, FACILITATOR_TRACKER_ROWS) if self.facilitator else rows

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
    def cards(self) -> list[RoleCard]:
        """A dialogue's role-play cards, one per role."""
        return role_cards(self.exercise) if isinstance(self.exercise, model.DialogueExercise) else []

    @property
    def length_text(self) -> str:
        rule = getattr(self.exercise, "length", None)
        ranges = [f"{low} to {high} {unit}" for unit, pair in
                  (("sentences", rule and rule.sentences), ("words", rule and rule.words)) if pair
                  for low, high in [pair]]
        if not ranges:
            return ""
        left_out = rule.not_counting(self.exercise.parts)
        return ", ".join(ranges) + (f", {left_out}" if left_out else "") + "."


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


def render_print(template: str, **context) -> str:
    """One print template, rendered with the print filters."""
    return _environment().get_template(template).render(**context)


def worksheet_html(exercise: model.Exercise, edition: str, options: PrintOptions,
                   info: CourseInfo, source_hash: str = "", minutes: int = 0, timing: str = "") -> str:
    """The whole HTML document of one worksheet. In a packet, `minutes` and `timing` are what
    the plan says about this activity."""
    facilitator = edition == "facilitator"
    sheet = SheetView(exercise, facilitator, lesson_where(info, exercise.lesson), options,
                      plan_minutes=minutes, plan_timing=timing)
    return render_print("print/worksheet.html",
        sheet=sheet, options=options, course=info, source_hash=source_hash, spacing="roomy",
        footer=footer_text(info, exercise.lesson),
        document_title=f"{exercise.title} ({edition} edition)",
        description=f"A printable worksheet from {info.name}.",
        keywords=[info.name, "worksheet", edition, exercise.kind])


# --- HTML -> PDF ------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _stylesheet():
    from weasyprint import CSS  # imported late: a run with nothing to build never pays for it
    return CSS(string=STYLESHEET.read_text(encoding="utf-8"), base_url=str(PRINT_TEMPLATES))


def _layout(html: str, options: PrintOptions):
    from weasyprint import HTML
    return HTML(string=html, base_url=str(PRINT_TEMPLATES)).render(
        stylesheets=[_stylesheet()], pdf_forms=options.forms)


def last_page_fill(document) -> float:
    """How much of the last page's body the content uses, from 0 (empty) to 1 (full)."""
    try:
        page = document.pages[-1]._page_box  # WeasyPrint's layout of the page (pinned version)
        root = page.children[0]
        return (root.position_y + root.margin_height() - page.content_box_y()) / page.height
    except (AttributeError, IndexError, ZeroDivisionError):
        return 1.0  # cannot tell: treat the page as full, so nothing changes


def render_document(html: str, options: PrintOptions):
    """Lay out `html` as pages (a WeasyPrint Document).

    A worksheet whose last page is nearly empty is laid out again with tight spacing; the
    tight layout is kept when it has fewer pages (see `ROOMY`).
    """
    document = _layout(html, options)
    if ROOMY in html and len(document.pages) > 1 and last_page_fill(document) < NEARLY_EMPTY:
        tight = _layout(html.replace(ROOMY, TIGHT, 1), options)
        if len(tight.pages) < len(document.pages):
            return tight
    return document


def write_part(document, target: Path, options: PrintOptions, tagged: bool = True) -> int:
    """Write a laid-out document to `target` as a tagged PDF (PDF/UA-1, so screen readers can
    follow its headings, lists and tables), without page numbers: `pdf_pages.assemble` stamps
    them. The file appears whole or not at all. Returns the number of pages."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + target.stem + "-", suffix=".tmp",
                                         dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            document.write_pdf(stream, pdf_forms=options.forms, custom_metadata=True,
                               pdf_variant="pdf/ua-1" if tagged else None,
                               pdf_identifier=target.stem.encode())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the site serves it to everyone
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(document.pages)


def layout_part(html: str, target: Path, options: PrintOptions, tagged: bool = True) -> int:
    """Lay out `html` and write it to `target` as a part (see `write_part`)."""
    return write_part(render_document(html, options), target, options, tagged)
