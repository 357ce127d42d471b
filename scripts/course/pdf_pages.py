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
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, NameObject,
                           TextStringObject)

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
    resources = page["/Resources"].get_object() if "/Resources" in page else DictionaryObject()
    page[NameObject("/Resources")] = resources
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else DictionaryObject()
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


def assemble(parts: list[Path | None], numbers: bytes, target: io.BufferedIOBase,
             title: str, metadata: dict[str, str]) -> int:
    """Copy the pages of `parts` into one PDF, stamp each page with its number from the
    `numbers` PDF and write it to `target`. None in `parts` is a blank page (for double-sided
    printing). Returns the number of pages."""
    numbers_reader = PdfReader(io.BytesIO(numbers))
    writer = PdfWriter()
    readers = [PdfReader(str(part)) if part is not None else None for part in parts]
    if len(readers) == 1 and readers[0] is not None:
        writer = PdfWriter(clone_from=readers[0])  # one part: its tags and fields stay as they are
    else:
        for reader in readers:
            if reader is None:
                last = writer.pages[-1]
                writer.add_blank_page(float(last.mediabox.width), float(last.mediabox.height))
            else:
                writer.append(reader)
    if len(numbers_reader.pages) != len(writer.pages):
        raise ValueError(f"{len(numbers_reader.pages)} page numbers for {len(writer.pages)} pages")
    for page, number_page in zip(writer.pages, numbers_reader.pages):
        _stamp(writer, page, _form_xobject(writer, number_page))
    writer.add_metadata({"/Title": title, **{f"/{key}": value for key, value in metadata.items()}})
    writer._root_object[NameObject("/Lang")] = TextStringObject("en-CA")
    writer.write(target)
    return len(writer.pages)
