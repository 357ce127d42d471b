"""Putting laid-out pages together: one numbering for a worksheet or a whole packet.

WeasyPrint lays each worksheet out once, without page numbers (a "part"). This module copies
the parts' pages into one PDF with pikepdf (qpdf: a part's objects are copied, not parsed
and rewritten in Python) and stamps each page with "Page 9 of 21", so a packet
is put together in a fraction of a second instead of being laid out again, and a changed
exercise only costs its own layout.

The numbers come from a small PDF that WeasyPrint lays out too (`numbers_html`): one page per
page of the result, the same size and orientation, holding only the number. Each of its pages
becomes a form XObject drawn on top of the matching page, marked as an artifact (a page
number is not part of the text a screen reader reads).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, Stream

STAMP = "/PageNumber"


@dataclass(frozen=True)
class PageShape:
    width: float
    height: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def open_part(path) -> Pdf:
    return Pdf.open(path)


def shapes(pdf: Pdf) -> list[PageShape]:
    result = []
    for page in pdf.pages:
        box = [float(number) for number in page.mediabox]
        result.append(PageShape(round(box[2] - box[0], 2), round(box[3] - box[1], 2)))
    return result


def numbers_html(page_shapes: list[PageShape], page_size: str, font_pt: int, label: str = "Page") -> str:
    """The HTML of the numbers PDF: one empty page per page, each numbered in its footer."""
    pages = "".join(f'<div class="{"landscape" if shape.landscape else "portrait"}"></div>'
                    for shape in page_shapes)
    font = '"Atkinson Hyperlegible", "Liberation Sans", "DejaVu Sans", Arial, sans-serif'
    return f"""<!doctype html><html lang="en-CA"><head><meta charset="utf-8"><title>Page numbers</title>
<style>
@page {{ size: {page_size}; margin: 20mm 16mm 22mm 16mm;
  @bottom-right {{ content: "{label} " counter(page) " of " counter(pages); white-space: nowrap;
    font-family: {font}; font-size: {font_pt}pt; vertical-align: top; padding-top: 3mm; text-align: right; }} }}
@page landscape {{ size: {page_size} landscape; }}
.portrait {{ page: portrait; break-after: page; height: 1px; }}
.landscape {{ page: landscape; break-after: page; height: 1px; }}
div:last-child {{ break-after: auto; }}
</style></head><body>{pages}</body></html>"""


def _copy(pdf: Pdf, value):
    """`value` from another PDF, copied into `pdf`. qpdf keeps one map per source PDF, so an
    object already copied (a page, a field) is the same copy wherever it is referred to."""
    if isinstance(value, (Array, Dictionary, Stream)) and value.is_indirect:
        return pdf.copy_foreign(value)
    if isinstance(value, Array):
        return Array([_copy(pdf, item) for item in value])
    if isinstance(value, Dictionary):
        return Dictionary({key: _copy(pdf, item) for key, item in value.items()})
    return value


def _stamp(pdf: Pdf, page: pikepdf.Page, form) -> None:
    # Pages of one part often share one resource dictionary: each page gets its own copy, or
    # every page would show the number of the last one stamped.
    resources = Dictionary(dict(page.obj.Resources.items())) if "/Resources" in page.obj else Dictionary()
    xobjects = resources.get("/XObject")
    xobjects = Dictionary(dict(xobjects.items())) if xobjects is not None else Dictionary()
    xobjects[STAMP] = form
    resources.XObject = xobjects
    page.obj.Resources = resources
    # The page's own drawing is wrapped in q ... Q: WeasyPrint leaves its y-axis flip in place.
    before = Stream(pdf, b"q\n")
    after = Stream(pdf, f"\nQ /Artifact <</Type /Pagination>> BDC q {STAMP} Do Q EMC\n".encode())
    contents = page.obj.get("/Contents")  # a blank page has none
    existing = [] if contents is None else list(contents) if isinstance(contents, Array) else [contents]
    page.obj.Contents = Array([pdf.make_indirect(before), *existing, pdf.make_indirect(after)])


class _Joined:
    """What the catalogs of several parts hold, joined as their pages are: the tags (each part's
    structure elements under one root, their marked-content keys moved past the ones before,
    so a screen reader can follow the whole packet), the form fields, the bookmarks and the
    named destinations."""

    def __init__(self, pdf: Pdf):
        self.pdf = pdf
        self.kids, self.nums, self.offset = Array(), Array(), 0
        self.fields, self.form = Array(), None
        self.outlines: list = []
        self.dests: dict[str, object] = {}

    def add(self, part: Pdf, pages: list) -> None:
        root = part.Root
        if "/StructTreeRoot" in root:
            self._tags(root.StructTreeRoot, part, pages)
        if "/AcroForm" in root:
            form = root.AcroForm
            if self.form is None:
                self.form = Dictionary({key: _copy(self.pdf, value) for key, value in form.items()
                                        if key != "/Fields"})
            for field in form.get("/Fields", []):
                self.fields.append(_copy(self.pdf, field))
        if "/Outlines" in root and "/First" in root.Outlines:
            item = _copy(self.pdf, root.Outlines).First
            while item is not None:
                self.outlines.append(item)
                item = item.get("/Next")
        names = root.get("/Names")
        if names is not None and "/Dests" in names:
            flat = names.Dests.get("/Names", [])
            for index in range(0, len(flat) - 1, 2):
                self.dests.setdefault(str(flat[index]), _copy(self.pdf, flat[index + 1]))

    def _tags(self, tree, part: Pdf, pages: list) -> None:
        numbers = tree.ParentTree.get("/Nums", [])
        highest = -1
        for index in range(0, len(numbers) - 1, 2):
            key = int(numbers[index])
            highest = max(highest, key)
            self.nums.append(key + self.offset)
            self.nums.append(_copy(self.pdf, numbers[index + 1]))
        kids = tree.K
        for kid in kids if isinstance(kids, Array) else [kids]:
            self.kids.append(_copy(self.pdf, kid))
        for page in pages:  # the copies carry the part's keys: move them past the ones before
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + self.offset
            for annotation in page.obj.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + self.offset
        self.offset += highest + 1

    def finish(self) -> None:
        pdf, catalog = self.pdf, self.pdf.Root
        if self.kids:
            root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, ParentTreeNextKey=self.offset))
            root.ParentTree = pdf.make_indirect(Dictionary(Nums=self.nums))
            root.K = self.kids
            for kid in self.kids:
                kid.P = root
            catalog.StructTreeRoot = root
            catalog.MarkInfo = Dictionary(Marked=True)
        if self.form is not None:
            self.form.Fields = self.fields
            catalog.AcroForm = pdf.make_indirect(self.form)
        if self.outlines:
            outlines = pdf.make_indirect(Dictionary(Type=Name.Outlines))
            count = 0
            for previous, item in zip([None, *self.outlines], self.outlines):
                item.Parent = outlines
                if previous is None:
                    if "/Prev" in item:
                        del item.Prev
                else:
                    previous.Next, item.Prev = item, previous
                count += 1 + max(0, int(item.get("/Count", 0)))
            if "/Next" in self.outlines[-1]:
                del self.outlines[-1].Next
            outlines.First, outlines.Last, outlines.Count = self.outlines[0], self.outlines[-1], count
            catalog.Outlines = outlines
        if self.dests:
            flat = Array()
            for name in sorted(self.dests):
                flat.append(pikepdf.String(name))
                flat.append(self.dests[name])
            catalog.Names = pdf.make_indirect(Dictionary(Dests=pdf.make_indirect(Dictionary(Names=flat))))


def assemble(parts: list[Pdf | None], numbers: Pdf, target: io.BufferedIOBase,
             title: str, metadata: dict[str, str]) -> int:
    """Copy the pages of `parts` (opened once by the caller, so a worksheet used in several
    packets is read once) into one PDF, stamp each page with its number from the numbers
    PDF and write it to `target`. None in `parts` is a blank page (for double-sided printing).
    Returns the number of pages."""
    if len(parts) == 1 and parts[0] is not None:
        pdf = Pdf.open(parts[0].filename)  # one part: its tags and fields stay as they are
    else:
        pdf = Pdf.new()
        joined = _Joined(pdf)
        for part in parts:
            if part is None:
                box = [float(number) for number in pdf.pages[-1].mediabox]
                pdf.add_blank_page(page_size=(box[2] - box[0], box[3] - box[1]))
                continue
            first = len(pdf.pages)
            with warnings.catch_warnings():
                # pikepdf warns that extend() leaves the form fields behind: _Joined takes them.
                warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                pdf.pages.extend(part.pages)
            joined.add(part, list(pdf.pages)[first:])
        joined.finish()
    if len(numbers.pages) != len(pdf.pages):
        raise ValueError(f"{len(numbers.pages)} page numbers for {len(pdf.pages)} pages")
    for page, number_page in zip(pdf.pages, numbers.pages):
        _stamp(pdf, page, _copy(pdf, number_page.as_form_xobject()))
    pdf.docinfo[Name.Title] = title
    for key, value in metadata.items():
        pdf.docinfo[Name("/" + key)] = value
    pdf.Root.Lang = pikepdf.String("en-CA")
    version = max([part.pdf_version for part in parts if part is not None], default="1.7")
    # The parts' streams are compressed already: copied as they are, not decoded and compressed again.
    pdf.save(target, min_version=version, deterministic_id=True, compress_streams=True,
             stream_decode_level=pikepdf.StreamDecodeLevel.none,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return len(pdf.pages)
