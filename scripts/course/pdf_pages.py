"""Putting laid-out pages together: one numbering for a worksheet or a whole packet.

WeasyPrint lays each worksheet out once, without page numbers (a "part"). This module copies
the parts' pages into one PDF with pypdf and stamps each page with "Page 9 of 21", so a packet
is put together in a fraction of a second instead of being laid out again, and a changed
exercise only costs its own layout.

The numbers come from a small PDF that WeasyPrint lays out too (`numbers_html`): one page per
page of the result, the same size and orientation, holding only the number. Each of its pages
becomes a form XObject drawn on top of the matching page, marked as an artifact (a page
number is not part of the text a screen reader reads).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, DecodedStreamObject, DictionaryObject,
                           NameObject, NumberObject, TextStringObject)

STAMP = "/PageNumber"


@dataclass(frozen=True)
class PageShape:
    width: float
    height: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def shapes(reader: PdfReader) -> list[PageShape]:
    return [PageShape(round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
            for page in reader.pages]


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


def _form_xobject(writer: PdfWriter, page) -> object:
    """A copy of `page` (from another PDF) as a form XObject in `writer`."""
    contents = page.get_contents()
    form = DecodedStreamObject()
    form.set_data(contents.get_data() if contents is not None else b"")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(page.mediabox)
    form[NameObject("/Resources")] = page["/Resources"].get_object().clone(writer)
    return writer._add_object(form)


def _stamp(writer: PdfWriter, page, xobject_reference) -> None:
    # Pages of one part often share one resource dictionary: each page gets its own copy, or
    # every page would show the number of the last one stamped.
    resources = DictionaryObject(page["/Resources"].get_object() if "/Resources" in page else {})
    page[NameObject("/Resources")] = resources
    xobjects = resources.get("/XObject")
    xobjects = DictionaryObject(xobjects.get_object() if xobjects is not None else {})
    resources[NameObject("/XObject")] = xobjects
    xobjects[NameObject(STAMP)] = xobject_reference
    # The page's own drawing is wrapped in q ... Q: WeasyPrint leaves its y-axis flip in place.
    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(b"q\n")
    after.set_data(f"\nQ /Artifact <</Type /Pagination>> BDC q {STAMP} Do Q EMC\n".encode())
    contents = page.get("/Contents")  # a blank page has none
    existing = contents.get_object() if contents is not None else None
    parts = [] if existing is None else list(existing) if isinstance(existing, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(before), *parts,
                                                 writer._add_object(after)])


class _StructureTree:
    """The tags of several tagged PDFs, joined as the pages are: each part's structure
    elements under one Document element, their marked-content keys moved past the ones
    before, so a screen reader can follow the whole packet."""

    def __init__(self, writer: PdfWriter):
        self.writer = writer
        self.kids = ArrayObject()
        self.nums = ArrayObject()
        self.offset = 0

    def add(self, reader: PdfReader, pages) -> None:
        root = reader.trailer["/Root"]
        if "/StructTreeRoot" not in root:
            return
        tree = root["/StructTreeRoot"].get_object()
        numbers = tree["/ParentTree"].get_object().get("/Nums", [])
        highest = -1
        for index in range(0, len(numbers), 2):
            key = int(numbers[index])
            highest = max(highest, key)
            self.nums.append(NumberObject(key + self.offset))
            self.nums.append(numbers[index + 1].clone(self.writer))
        for kid in tree["/K"] if isinstance(tree["/K"], list) else [tree["/K"]]:
            self.kids.append(kid.clone(self.writer))
        for source, page in zip(reader.pages, pages):  # pypdf leaves these keys behind
            if "/StructParents" in source:
                page[NameObject("/StructParents")] = NumberObject(int(source["/StructParents"]) + self.offset)
            copied = [a.get_object() for a in page.get("/Annots") or []]
            for original, annotation in zip([a.get_object() for a in source.get("/Annots") or []], copied):
                if "/StructParent" in original:
                    annotation[NameObject("/StructParent")] = NumberObject(
                        int(original["/StructParent"]) + self.offset)
        self.offset += highest + 1

    def finish(self) -> None:
        if not self.kids:
            return
        root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"),
                                 NameObject("/ParentTreeNextKey"): NumberObject(self.offset)})
        reference = self.writer._add_object(root)
        parent_tree = DictionaryObject({NameObject("/Nums"): self.nums})
        root[NameObject("/ParentTree")] = self.writer._add_object(parent_tree)
        root[NameObject("/K")] = self.kids
        for kid in self.kids:
            kid.get_object()[NameObject("/P")] = reference
        catalog = self.writer._root_object
        catalog[NameObject("/StructTreeRoot")] = reference
        catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})


def assemble(parts: list[PdfReader | None], numbers_reader: PdfReader, target: io.BufferedIOBase,
             title: str, metadata: dict[str, str]) -> int:
    """Copy the pages of `parts` (read once by the caller, so a worksheet used in several
    packets is parsed once) into one PDF, stamp each page with its number from the numbers
    PDF and write it to `target`. None in `parts` is a blank page (for double-sided printing).
    Returns the number of pages."""
    writer = PdfWriter()
    readers = parts
    if len(readers) == 1 and readers[0] is not None:
        writer = PdfWriter(clone_from=readers[0])  # one part: its tags and fields stay as they are
    else:
        tree = _StructureTree(writer)
        for reader in readers:
            if reader is None:
                last = writer.pages[-1]
                writer.add_blank_page(float(last.mediabox.width), float(last.mediabox.height))
            else:
                first = len(writer.pages)
                writer.append(reader)
                tree.add(reader, writer.pages[first:])
        tree.finish()
    if len(numbers_reader.pages) != len(writer.pages):
        raise ValueError(f"{len(numbers_reader.pages)} page numbers for {len(writer.pages)} pages")
    for page, number_page in zip(writer.pages, numbers_reader.pages):
        _stamp(writer, page, _form_xobject(writer, number_page))
    writer.add_metadata({"/Title": title, **{f"/{key}": value for key, value in metadata.items()}})
    writer._root_object[NameObject("/Lang")] = TextStringObject("en-CA")
    writer.write(target)
    return len(writer.pages)
