"""The pages of a workshop packet that are not worksheets: the cover, the contents, the
facilitator's "Before you start", sharing-round and script pages, the agenda, the dividers
of a series; and the rest of the kit (sign-in sheet, feedback form, certificate, notes page).

Each is HTML from `templates/print/`, laid out by `worksheets.render_document` like a
worksheet. The facilitator pages that repeat the counsellors' guide are taken from the guide
itself (`docs/counsellors/guide.md`), so the packet and the guide always say the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from .plans import Session, WorkshopPlan
from .print_settings import GUIDE, KIT, CourseInfo, PrintOptions, footer_text, page_location, web_address
from .worksheets import SheetView, render_print

GUIDE_SECTIONS = {
    "before": "Before you start",
    "key_messages": "Say it the same way as the lessons",
    "round_needs": "What you need",
    "round_steps": "Step by step",
}
"""Sections of the guide printed in the facilitator packet, by their heading."""

SIGN_IN_ROWS = 15
NOTES_LINES = 18


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
    number: int = 1


@dataclass
class Handout:
    """One line of the contents page."""

    title: str
    page: int
    divider: bool = False


@dataclass
class PacketView:
    plan: WorkshopPlan
    facilitator: bool
    sessions: list[AgendaSession]
    title: str
    address: str
    url: str
    qr: str = ""
    """The QR code to the course, as an SVG data URI ("" when the course has no address)."""
    guide: dict = field(default_factory=dict)
    """Sections of the counsellors' guide, as HTML: key of GUIDE_SECTIONS -> Markup."""
    pages: dict[str, int] = field(default_factory=dict)
    """Exercise id -> the page of the packet its worksheet starts on."""
    contents: list[Handout] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    """Titles of the worksheets in this packet whose facilitator edition has cards to cut out."""

    @property
    def length_text(self) -> str:
        if len(self.sessions) == 1:
            return f"One session of {self.sessions[0].minutes} minutes."
        return f"{len(self.sessions)} sessions, {sum(s.minutes for s in self.sessions)} minutes in all."

    @property
    def first_step(self) -> str:
        return self.sessions[0].steps[0].title if self.sessions and self.sessions[0].steps else ""


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def agenda(sessions: list[Session], numbers: list[int], titles: dict[str, str]) -> list[AgendaSession]:
    """Each session's steps with a running clock from 0:00. `titles`: exercise id -> title."""
    result = []
    for session, number in zip(sessions, numbers):
        steps, elapsed = [], 0
        for activity in session.activities:
            known = activity.exercise in titles
            title = titles[activity.exercise] if known else activity.title or activity.exercise
            steps.append(AgendaStep(clock(elapsed), title, activity.minutes,
                                    activity.exercise if known else "", activity.notes))
            elapsed += activity.minutes
        result.append(AgendaSession(session.title, session.minutes, steps, clock(elapsed), number))
    return result


@lru_cache(maxsize=8)
def qr_data_uri(url: str) -> str:
    """A black-on-white QR code (SVG) for `url`, made by segno on this machine."""
    if not url:
        return ""
    import segno
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff")


def guide_sections(root: Path) -> dict[str, Markup]:
    """The guide's sections that the facilitator packet prints, as HTML without links."""
    try:
        text = (Path(root) / GUIDE).read_text(encoding="utf-8")
    except OSError:
        return {}
    return {key: _markdown(_section(text, heading)) for key, heading in GUIDE_SECTIONS.items()}


def _section(text: str, heading: str) -> str:
    """The Markdown under `## heading` (or ###), up to the next heading of that level or higher."""
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", text, re.MULTILINE)
    if not match:
        return ""
    level = len(match.group(1))
    rest = text[match.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[:end.start() if end else len(rest)].strip()


def _markdown(source: str) -> Markup:
    import markdown
    source = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", source)  # a link prints as its text
    return Markup(markdown.markdown(source, extensions=["sane_lists"], tab_length=4))


def packet_view(plan: WorkshopPlan, sessions: list[int], exercises: dict, edition: str,
                info: CourseInfo, root: Path) -> PacketView:
    """A packet of the sessions numbered `sessions` (1-based) of `plan`. `exercises`: id ->
    exercise, for every exercise the plan uses."""
    chosen = [plan.sessions[number - 1] for number in sessions]
    titles = {name: exercise.title for name, exercise in exercises.items()}
    used = [activity.exercise for session in chosen for activity in session.activities
            if activity.exercise in exercises]
    cards = [exercises[name].title for name in dict.fromkeys(used)
             if exercises[name].kind == "sort"
             or SheetView(exercises[name], True, "", PrintOptions()).answer_cards]
    title = plan.title
    if len(chosen) == 1 and len(plan.sessions) > 1:
        title = f"{plan.title}. Session {sessions[0]}: {chosen[0].title}"
    facilitator = edition == "facilitator"
    return PacketView(plan, facilitator, agenda(chosen, sessions, titles), title,
                      web_address(info), info.site_url, qr_data_uri(info.site_url),
                      guide_sections(root) if facilitator else {}, cards=cards)


def front_html(packet: PacketView, options: PrintOptions, info: CourseInfo) -> str:
    """The front of a packet: cover, contents, the facilitator's pages, and the agenda."""
    edition = "facilitator" if packet.facilitator else "learner"
    return render_print(
        "print/packet.html", packet=packet, options=options, course=info, source_hash="",
        footer=footer_text(info), document_title=f"{packet.title} ({edition} packet)",
        description=packet.plan.description or f"A workshop packet from {info.name}.",
        keywords=[info.name, "workshop packet", edition])


def divider_html(packet: PacketView, session: AgendaSession, options: PrintOptions, info: CourseInfo) -> str:
    """The page before each session's worksheets in a whole-series packet."""
    return render_print(
        "print/divider.html", packet=packet, session=session, options=options, course=info,
        source_hash="", footer=footer_text(info),
        document_title=f"Session {session.number}: {session.title}",
        description=f"Session {session.number} of {packet.plan.title}.",
        keywords=[info.name, "workshop packet"])


def kit_html(kit_id: str, options: PrintOptions, info: CourseInfo) -> str:
    """One page of the kit: sign-in sheet, feedback form, certificate or notes page."""
    return render_print(
        f"print/kit/{kit_id}.html", options=options, course=info, source_hash="",
        footer=footer_text(info), title=KIT[kit_id], address=web_address(info),
        where=page_location(info, "counsellors/guide.md"), sign_in_rows=SIGN_IN_ROWS,
        notes_lines=NOTES_LINES, document_title=f"{KIT[kit_id]} ({info.name})",
        description=f"{KIT[kit_id]} for a workshop of {info.name}.",
        keywords=[info.name, "workshop kit"])
