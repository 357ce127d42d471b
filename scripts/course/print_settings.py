"""How a PDF is printed (paper, large print, form fields), what it is called, and what its
running header and footer say about the course (its name, its address, the lesson titles).

Everything here is part of a PDF's source hash (see `pdf_jobs.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .lesson_page import front_matter

PAPER_SIZES = {"letter": "letter", "a4": "A4"}
"""Paper names on the command line -> CSS page sizes."""
EDITIONS = ("learner", "facilitator")

KIT = {
    "sign-in-sheet": "Sign-in sheet",
    "feedback-form": "Feedback form",
    "certificate": "Certificate of completion",
    "notes-page": "Notes",
}
"""The rest of a workshop's kit: file id -> title. Templates are `templates/print/kit/<id>.html`."""
GUIDE = Path("docs") / "counsellors" / "guide.md"
"""The counsellors' guide: the facilitator packet prints some of its sections."""


@dataclass(frozen=True)
class PrintOptions:
    """How one PDF is printed. Part of every PDF's source hash."""

    paper: str = "letter"
    """A key of PAPER_SIZES."""
    large_print: bool = False
    """Body text at 16 pt instead of 12 pt."""
    forms: bool = True
    """Fillable PDF form fields over the tick boxes and writing lines."""
    duplex: bool = False
    """For double-sided printing: each worksheet of a packet starts on a new sheet of paper
    (a blank page is added after a part with an odd number of pages)."""

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
        return self.paper + ("-large" if self.large_print else "") + ("-duplex" if self.duplex else "")

    @property
    def label(self) -> str:
        """For progress lines: `letter`, `a4 large print`, `letter no forms`."""
        return " ".join([self.paper] + (["large print"] if self.large_print else [])
                        + ([] if self.forms else ["no forms"]) + (["double-sided"] if self.duplex else []))

    def as_dict(self) -> dict:
        return {"paper": self.paper, "large_print": self.large_print, "forms": self.forms,
                "duplex": self.duplex}


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

def front_matter_title(path: Path) -> str:
    """The title in a lesson's front matter; "" when there is none or it cannot be read."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    return str(front_matter(source).get("title") or "")


def course_info(root: Path) -> CourseInfo:
    """Course name and site address from mkdocs.yml; lesson titles from their front matter."""
    root = Path(root)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
        config = None
    config = config if isinstance(config, dict) else {}
    titles = {path.relative_to(root / "docs").as_posix(): front_matter_title(path)
              for path in sorted((root / "docs" / "lessons").glob("*.md"))}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    # `site_url` when the site sets one; else `extra: course_url:`. (A site_url with a path,
    # such as /course/, makes `mkdocs serve` answer under that path only.)
    address = config.get("site_url") or extra.get("course_url") or ""
    return CourseInfo(name=str(config.get("site_name") or CourseInfo.name),
                      site_url=str(address), lesson_titles=titles)


def page_location(info: CourseInfo, page: str) -> str:
    """Where a page is online: its address when the site has one, else its path on the site."""
    stem = page.removesuffix(".md")
    if info.site_url:
        # The offline plugin turns off directory URLs: pages are `name.html`.
        return info.site_url.rstrip("/") + "/" + stem + ".html"
    return f"{info.name} course site, {stem}"


def web_address(info: CourseInfo) -> str:
    """The course's address as people type it: `networking-demystified.github.io/course`."""
    if not info.site_url:
        return f"{info.name} course site"
    return re.sub(r"^https?://", "", info.site_url).rstrip("/")


def lesson_number(info: CourseInfo, lesson: str) -> str:
    numbered = re.match(r"\s*(\d+)\.", info.lesson_titles.get(lesson, ""))
    return f"Lesson {numbered.group(1)}" if numbered else ""


def footer_text(info: CourseInfo, lesson: str = "") -> str:
    """The running footer, short enough for one line: `networking-demystified.github.io/course ·
    Lesson 5`."""
    number = lesson_number(info, lesson) if lesson else ""
    return web_address(info) + (f" · {number}" if number else "")


def lesson_where(info: CourseInfo, lesson: str) -> str:
    """`Lesson 5: Your elevator speech — Networking, Demystified course site, lessons/05-elevator-speech`."""
    title = info.lesson_titles.get(lesson, "")
    numbered = re.match(r"\s*(\d+)\.\s*(.+)", title)
    label = f"Lesson {numbered.group(1)}: {numbered.group(2)}" if numbered else (title or "Lesson")
    return f"{label} — {page_location(info, lesson)}"
