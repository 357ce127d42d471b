"""The built PDFs, read back with pypdf: page sizes, text, form fields, fonts, the source hash,
answer keys, packets in plan order, and the sizes of the text."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from course import pdf_build, pdf_jobs
from course.print_settings import PrintOptions, pdf_filename
from course.print_settings import course_info
from course.worksheets import FACILITATOR_TRACKER_ROWS, worksheet_html
from test_worksheets import KIND_IDS, load, make_project, texts_of

ROOT = Path(__file__).resolve().parents[1]
LETTER = (612, 792)
A4 = (595.28, 841.89)
MARGIN_PT = 20 / 25.4 * 72  # the smallest page margin: header and footer text sits inside it


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small course of test_worksheets.py, built as `make site` builds it, plus a few
    PDFs without form fields."""
    root = make_project(tmp_path_factory.mktemp("course"))
    out = root / "pdf"
    plan = pdf_jobs.plan_jobs(root, pdf_jobs.Selection())
    assert plan.problems == []
    result = pdf_build.build(root, out, plan, everything=True)
    assert result.failures == []
    bare = root / "bare"
    bare_plan = pdf_jobs.plan_jobs(root, pdf_jobs.Selection(exercises=["think-it", "myth-quiz"],
                                                              paper="letter", forms=False))
    assert pdf_build.build(root, bare, bare_plan, workers=1).failures == []
    return root, out, plan, result


def read(path: Path) -> PdfReader:
    return PdfReader(str(path))


def text_of(reader: PdfReader, pages=None) -> str:
    pages = reader.pages if pages is None else pages
    return " ".join(" ".join(page.extract_text() or "" for page in pages).split())


def size_of(page) -> tuple[float, float]:
    box = page.mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


def test_the_site_set_is_built(built):
    root, out, plan, result = built
    names = {path.name for path in out.glob("*.pdf")}
    for exercise in KIND_IDS.values():
        for edition in ("learner", "facilitator"):
            assert f"{exercise}-{edition}-letter.pdf" in names
            assert f"{exercise}-{edition}-a4.pdf" in names
    for edition in ("learner", "facilitator"):
        for suffix in ("letter", "a4", "letter-large"):
            assert f"short-workshop-{edition}-{suffix}.pdf" in names
    assert not any(name.startswith("draft-one") for name in names)
    for kit in ("sign-in-sheet", "feedback-form", "certificate", "notes-page"):
        for suffix in ("letter", "a4", "letter-large"):
            assert f"{kit}-{suffix}.pdf" in names
    assert len(names) == len(plan.jobs) == len(result.built) == len(KIND_IDS) * 4 + 6 + 4 * 3
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))


def test_page_sizes(built):
    _, out, _, _ = built
    for path in out.glob("*.pdf"):
        expected = A4 if "-a4" in path.name else LETTER
        for page in read(path).pages:
            assert sorted(size_of(page)) == sorted(expected), path.name


def test_a_tracker_with_many_columns_prints_in_landscape(built):
    _, out, _, _ = built
    width, height = size_of(read(out / "wide-tracker-learner-letter.pdf").pages[0])
    assert width > height
    width, height = size_of(read(out / "think-it-learner-letter.pdf").pages[0])
    assert width < height


@pytest.mark.parametrize("kind", list(KIND_IDS))
def test_every_text_is_on_the_learner_edition(built, kind):
    root, out, _, _ = built
    exercise = load(root, KIND_IDS[kind])
    for paper in ("letter", "a4"):
        reader = read(out / f"{exercise.id}-learner-{paper}.pdf")
        assert 1 <= len(reader.pages) <= 3
        text = text_of(reader)
        for expected in texts_of(exercise):
            assert " ".join(expected.split()) in text, expected
        assert "Page 1 of" in text
        assert "Lesson 1: First steps" in text and "Test Course" in text


def test_script_in_an_exercise_shows_as_text(built):
    _, out, _, _ = built
    assert "<script>alert(1)</script>" in text_of(read(out / "myth-quiz-learner-letter.pdf"))


def test_answer_key_only_in_the_facilitator_edition(built):
    _, out, _, _ = built
    learner = text_of(read(out / "myth-quiz-learner-letter.pdf"))
    facilitator_reader = read(out / "myth-quiz-facilitator-letter.pdf")
    facilitator = text_of(facilitator_reader)
    assert 1 <= len(facilitator_reader.pages) <= 4
    for secret in ("Answer key", "FEEDBACK-RIGHT", "EXPLANATION-ONE", "TIMING-NOTE", "GROUP-NOTE",
                   "PROMPT-NOTE"):
        assert secret in facilitator
        assert secret not in learner
    assert "SORT-FEEDBACK" in text_of(read(out / "sort-it-facilitator-a4.pdf"))
    assert "SORT-FEEDBACK" not in text_of(read(out / "sort-it-learner-a4.pdf"))


def test_form_fields_by_default_and_none_without_forms(built):
    root, out, _, _ = built
    fields = read(out / "think-it-learner-letter.pdf").get_fields()
    exercise = load(root, "think-it")
    assert set(fields) == {f"think-it-{number}-line{line}" for number, prompt in enumerate(exercise.prompts, 1)
                           for line in range(1, prompt.lines + 1)}
    quiz_fields = read(out / "myth-quiz-learner-letter.pdf").get_fields()
    assert {"myth-quiz-q1", "myth-quiz-q2-a", "myth-quiz-q2-b"} <= set(quiz_fields)  # one-choice, then "every box that fits"
    tracker_fields = read(out / "wide-tracker-learner-a4.pdf").get_fields()
    assert len(tracker_fields) == 6 * 5
    for name in ("think-it-learner-letter.pdf", "myth-quiz-learner-letter.pdf"):
        assert not read(root / "bare" / name).get_fields()
        assert "/AcroForm" not in read(root / "bare" / name).trailer["/Root"]


def test_fonts_are_embedded(built):
    _, out, _, _ = built
    for name in ("myth-quiz-learner-letter.pdf", "short-workshop-facilitator-a4.pdf"):
        for page in read(out / name).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                if "/DescendantFonts" in font:
                    font = font["/DescendantFonts"][0].get_object()
                descriptor = font["/FontDescriptor"].get_object()
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font


def test_the_hash_in_each_pdf_matches_its_sources(built):
    root, out, plan, _ = built
    hasher = pdf_jobs.Hasher(root, plan.info)
    manifest = json.loads((out / pdf_jobs.MANIFEST).read_text())["pdfs"]
    assert plan.jobs and len(manifest) == len(plan.jobs)
    for job in plan.jobs:
        stored = read(out / job.filename).metadata["/sourcehash"]
        assert stored == hasher.source_hash(job) == manifest[job.filename], job.filename


def test_the_hash_covers_the_exercise_file_and_every_template(built, tmp_path):
    root, _, plan, _ = built
    job = next(job for job in plan.jobs if job.filename == "think-it-learner-letter.pdf")
    assert root / "exercises" / "think-it.yml" in job.inputs
    templates = {path.name for path in pdf_jobs.LAYOUT_FILES}
    assert {"print.css", "base.html", "sheet.html", "reflection.html", "worksheets.py"} <= templates
    packet = next(job for job in plan.jobs if job.filename == "short-workshop-learner-letter.pdf")
    assert root / "exercises" / "myth-quiz.yml" in packet.inputs
    before = pdf_jobs.Hasher(root, plan.info).source_hash(job)
    copy = tmp_path / "think-it.yml"
    copy.write_text((root / "exercises" / "think-it.yml").read_text() + "# changed\n")
    changed = pdf_jobs.Job(job.kind, job.source_id, job.edition, job.options, (copy,), job.lessons)
    assert pdf_jobs.Hasher(root, plan.info).source_hash(changed) != before
    other_options = pdf_jobs.Job(job.kind, job.source_id, job.edition, PrintOptions(forms=False),
                                  job.inputs, job.lessons)
    assert pdf_jobs.Hasher(root, plan.info).source_hash(other_options) != before


def test_packet_has_its_worksheets_in_plan_order(built):
    _, out, _, _ = built
    reader = read(out / "short-workshop-learner-letter.pdf")
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    assert "Learner packet" in pages[0] and "Contents" in pages[1] and "Agenda" in pages[2]
    titles = ["What holds me back?", "Myth or fact", "Getting ready for an event"]
    starts = [next(i for i, text in enumerate(pages) if text.startswith(title)) for title in titles]
    assert starts == sorted(starts)
    agenda = pages[2]
    for title, start in zip(titles, starts):
        assert f"Worksheet on page {start + 1}" in agenda
    facilitator = text_of(read(out / "short-workshop-facilitator-letter.pdf"))
    assert "0:00" in facilitator and "0:25" in facilitator and "0:40" in facilitator
    assert "PLAN-NOTE" in facilitator and "Answer key" in facilitator
    assert "PLAN-NOTE" not in " ".join(pages) and "Answer key" not in " ".join(pages)


def _body_text_sizes(reader: PdfReader) -> list[tuple[float, str]]:
    """Font sizes of every text run outside the page margins (the running header and footer)."""
    sizes = []
    for page in reader.pages:
        height = float(page.mediabox.height)

        def visit(text, cm, tm, font, size, height=height):
            if not text.strip():
                return
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if MARGIN_PT < y < height - MARGIN_PT:
                sizes.append((size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]), text))
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("name, smallest", [
    ("short-workshop-learner-letter-large.pdf", 16),
    ("short-workshop-facilitator-letter-large.pdf", 16),
    ("short-workshop-learner-letter.pdf", 12),
    ("pitch-it-facilitator-a4.pdf", 12),
    ("thanks-note-learner-letter.pdf", 12),
])
def test_body_text_is_big_enough(built, name, smallest):
    _, out, _, _ = built
    sizes = _body_text_sizes(read(out / name))
    assert sizes
    too_small = [(round(size, 1), text) for size, text in sizes if size < smallest - 0.05]
    assert too_small == []


def test_the_real_course_builds_and_its_hashes_match(tmp_path):
    """A real worksheet and a real packet, built from the current files: the hash inside each
    PDF is the hash of the current exercise file, plan and templates."""
    selection = pdf_jobs.Selection(exercises=["elevator-speech"], workshops=["workshop-60"], paper="letter")
    plan = pdf_jobs.plan_jobs(ROOT, selection)
    assert plan.problems == []
    result = pdf_build.build(ROOT, tmp_path, plan)
    assert result.failures == [] and len(result.built) == 4
    hasher = pdf_jobs.Hasher(ROOT, plan.info)
    for job in plan.jobs:
        assert read(tmp_path / job.filename).metadata["/sourcehash"] == hasher.source_hash(job)
    assert ROOT / "exercises" / "elevator-speech.yml" in plan.jobs[-1].inputs


def test_the_pdfs_the_site_offers_are_current(site_dir):
    """The PDFs in the built site (made as `make site` makes them) match the current sources."""
    out = site_dir / "printables" / "pdf"
    plan = pdf_jobs.plan_jobs(ROOT, pdf_jobs.Selection())
    hasher = pdf_jobs.Hasher(ROOT, plan.info)
    stale = []
    for job in plan.jobs:
        path = out / job.filename
        stored = read(path).metadata.get("/sourcehash") if path.exists() else None
        if stored != hasher.source_hash(job):
            stale.append(job.filename)
    assert stale == [], "Run `make worksheets`: these PDFs are older than their sources"


def test_file_names_match_the_job(built):
    _, _, plan, _ = built
    for job in plan.jobs:
        if job.kind == "kit":
            assert re.fullmatch(r"[a-z-]+-(letter|a4)(-large)?\.pdf", job.filename)
            continue
        assert job.filename == pdf_filename(job.source_id, job.edition, job.options)
        assert re.fullmatch(r"[a-z0-9-]+-(learner|facilitator)-(letter|a4)(-large)?\.pdf", job.filename)


def test_nothing_is_cut_off(built):
    """Every word sits inside the page margins (poppler's pdftotext gives each word's box)."""
    import shutil
    import subprocess
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: `make test` installs it"
    _, out, _, _ = built
    outside, pdfs, words = [], sorted(out.glob("*.pdf")), 0
    assert len(pdfs) >= len(built[2].jobs) > 0, "no PDFs were built to look at"
    for path in pdfs:
        result = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True)
        assert result.returncode == 0, f"pdftotext failed on {path.name}: {result.stderr}"
        pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', result.stdout, re.S)
        assert pages, f"pdftotext found no page in {path.name}"
        for page in pages:
            width, height = float(page[0]), float(page[1])
            for x_min, y_min, x_max, y_max, word in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page[2]):
                words += 1
                if float(x_min) < 36 or float(x_max) > width - 36 or float(y_min) < 20 or float(y_max) > height - 20:
                    outside.append((path.name, word))
    assert words > 100 * len(pdfs), "pdftotext gave too few words to judge the margins"
    assert outside == []


# --- page breaks in the real course --------------------------------------------------------

def _body_rows_per_page(document) -> list[int]:
    """How many table body rows (tracker, sort, words to leave out) each page holds."""
    counts = []
    for page in document.pages:
        rows, stack = 0, [page._page_box]
        while stack:
            box = stack.pop()
            if type(box).__name__ == "TableRowGroupBox" and not box.is_header:
                rows += len(box.children)
                continue
            stack.extend(getattr(box, "children", []))
        counts.append(rows)
    return counts


@pytest.fixture(scope="module")
def course_letter_sheets():
    """Every exercise of the real course, laid out at Letter in both editions, as the build
    lays them out (no PDF written: the layout is what this is about)."""
    from course.loader import load_exercise
    from course.print_settings import course_info
    from course.worksheets import render_document, worksheet_html
    info, options = course_info(ROOT), PrintOptions()
    sheets = {}
    for path in sorted((ROOT / "exercises").glob("*.yml")):
        exercise = load_exercise(path, ROOT)[0]
        if exercise is None or getattr(exercise, "draft", False):
            continue
        for edition in ("learner", "facilitator"):
            html = worksheet_html(exercise, edition, options, info)
            sheets[exercise.id, edition] = exercise, render_document(html, options)
    return sheets


def test_no_last_page_holds_only_a_few_lines(course_letter_sheets):
    """A last part, question or note alone on its last page looks like a printing mistake."""
    from course.worksheets import last_page_fill
    lonely = [f"{name} ({edition}): {len(document.pages)} pages, last {last_page_fill(document):.0%} used"
              for (name, edition), (_, document) in course_letter_sheets.items()
              if len(document.pages) > 1 and last_page_fill(document) < 0.1]
    assert lonely == []


def test_tables_never_leave_a_few_rows_alone(course_letter_sheets):
    for (name, edition), (exercise, document) in course_letter_sheets.items():
        counts = [rows for rows in _body_rows_per_page(document) if rows]
        if len(counts) > 1:
            assert min(counts[0], counts[-1]) >= 3, (name, edition, counts)
        if exercise.kind == "tracker":
            # the learner edition keeps every blank row; the facilitator edition has fewer,
            # in one piece, so a few rows never sit alone on a page
            if edition == "learner":
                assert sum(counts) == exercise.rows, (name, counts)
            else:
                assert counts == [min(exercise.rows, FACILITATOR_TRACKER_ROWS)], (name, counts)


def test_message_worksheets_fit_their_pages(course_letter_sheets):
    """The six message worksheets: the learner edition on two pages (one sheet, both sides)
    unless the message has many parts; never a part or a sample line alone on a page."""
    messages = {key: value for key, value in course_letter_sheets.items() if value[0].kind == "message"}
    assert len(messages) >= 12
    for (name, edition), (exercise, document) in messages.items():
        if edition == "learner" and len(exercise.parts) <= 5:
            assert len(document.pages) <= 2, name


# --- fillable fields: type and geometry (issue: fields that work) ------------------------------

RADIO = 1 << 15


def widgets(reader: PdfReader) -> list[tuple[int, str, str, tuple[float, float, float, float]]]:
    """(page index, type, name, rect) of every widget: type is "text", "radio" or "tick"."""
    found = []
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Widget":
                continue
            parent = annotation.get("/Parent")
            field = parent.get_object() if parent is not None else annotation
            kind = field.get("/FT")
            flags = int(field.get("/Ff", 0))
            kind = "text" if kind == "/Tx" else "radio" if flags & RADIO else "tick"
            rect = tuple(float(v) for v in annotation["/Rect"])
            found.append((index, kind, str(field.get("/T")), rect))
    return found


def test_no_widget_in_any_pdf_is_zero_or_tiny(built):
    _, out, _, _ = built
    paths = sorted(out.glob("*.pdf"))
    assert len(paths) == len(KIND_IDS) * 4 + 6 + 4 * 3   # every kind, the packets and the kit
    tiny, counted = [], 0
    for path in paths:
        for page, kind, name, (x0, y0, x1, y1) in widgets(read(path)):
            counted += 1
            if abs(x1 - x0) < 8 or abs(y1 - y0) < 8:
                tiny.append((path.name, page, name, round(abs(x1 - x0), 1), round(abs(y1 - y0), 1)))
    assert counted > 500 and tiny == []


SCALE = 2
"""Pages are rendered at 144 dpi: 2 pixels to a point, so a 0.75 pt line is never lost
between two pixels."""


def _page_image(path: Path, page: int):
    """The page rendered greyscale by poppler, SCALE pixels to a point."""
    import io
    import subprocess
    from PIL import Image
    done = subprocess.run(["pdftoppm", "-r", str(72 * SCALE), "-gray", "-f", str(page + 1), "-l", str(page + 1),
                           str(path)], capture_output=True, check=True)
    return Image.open(io.BytesIO(done.stdout)).convert("L")


def _dark_share(image, xs, ys) -> float:
    """Share of inked pixels (a printed line, or typed text) along a run of pixels."""
    pixels = [image.getpixel((x, y)) for x in xs for y in ys]
    return sum(p < 220 for p in pixels) / len(pixels) if pixels else 0.0   # a sliver has no pixels


def _line_run(image, rect, height: float, reach: float = 1.5) -> tuple[int, int]:
    """The printed line under a field: where its ink starts and ends (pixels), followed left
    and right from the middle of the field, on the darkest row near the field's bottom."""
    left, _, right, bottom = _box(rect, height)
    middle = (left + right) // 2
    rows = [bottom + d for d in range(-round(reach * SCALE), round(reach * SCALE) + 1)
            if 0 <= bottom + d < image.height]
    if not rows:
        return middle, middle
    y = max(rows, key=lambda row: _dark_share(image, range(max(left, 0), min(right, image.width), 2), [row]))
    start = end = middle
    while start > 0 and image.getpixel((start - 1, y)) < 220:
        start -= 1
    while end < image.width - 1 and image.getpixel((end + 1, y)) < 220:
        end += 1
    return start, end


def _box(rect, height: float) -> tuple[int, int, int, int]:
    """A widget rectangle (PDF points, origin bottom left) as pixels: left, top, right, bottom."""
    x0, y0, x1, y1 = rect
    return (round(min(x0, x1) * SCALE), round((height - max(y0, y1)) * SCALE),
            round(max(x0, x1) * SCALE), round((height - min(y0, y1)) * SCALE))


def _printed_edges(image, rect, height: float, reach: float = 1.5) -> dict[str, bool]:
    """Is there a printed line along the widget's bottom, its top and its left side (within
    `reach` points)?"""
    left, top, right, bottom = _box(rect, height)
    near = range(-round(reach * SCALE), round(reach * SCALE) + 1)

    def row(y):
        return max(_dark_share(image, range(left + 6, right - 6, 2), [y + d]) for d in near)

    def column(x):
        return max(_dark_share(image, [x + d], range(top + 4, bottom - 3)) for d in near)
    return {"bottom": row(bottom) > 0.85, "top": row(top) > 0.85, "left": column(left) > 0.6}


EXPECTED_FIELDS = {
    # kind: (field types on the learner edition, what is printed around each field)
    "quiz": ({"radio", "tick"}, "box"),
    "sort": ({"radio"}, "box"),
    "pitch": ({"text"}, "line"),
    "message": ({"text"}, "line"),
    "tracker": ({"text"}, "cell"),
    "reflection": ({"text"}, "line"),
    "checklist": ({"tick"}, "box"),
    "dialogue": ({"text"}, "line"),
}


def test_the_field_check_covers_every_kind():
    assert set(EXPECTED_FIELDS) == set(KIND_IDS)


@pytest.mark.parametrize("kind", sorted(EXPECTED_FIELDS))
def test_each_input_has_a_field_of_its_type_over_its_printed_space(built, kind):
    """Radio groups for one-choice questions and sort rows, tick boxes for "every box that
    fits" and checklists, one-line text fields on each writing line, one per tracker cell;
    each field's box is the drawn box, sits on its line, or fills its cell."""
    root, out, _, _ = built
    exercise = load(root, KIND_IDS[kind])
    path = out / f"{exercise.id}-learner-letter.pdf"
    reader = read(path)
    found = widgets(reader)
    types, printed = EXPECTED_FIELDS[kind]
    assert {kind_ for _, kind_, _, _ in found} == types
    # every input the sheet draws (writing lines, blanks, cells, boxes) has its field, and no more
    html = worksheet_html(exercise, "learner", PrintOptions(), course_info(root))
    drawn = set(re.findall(r'<input[^>]*\bname="([^"]+)"', html))
    assert drawn and {name for _, _, name, _ in found} == drawn
    if kind == "quiz":
        singles = [q for q in exercise.questions if q.type != "multiple"]
        groups = {name for _, kind_, name, _ in found if kind_ == "radio"}
        assert len(groups) == len(singles)
    if kind == "sort":
        assert len({name for _, _, name, _ in found}) == len(exercise.items)
        assert len(found) == len(exercise.items) * len(exercise.categories)
    if kind == "tracker":
        assert len(found) == exercise.rows * len(exercise.columns)
        for _, _, _, (x0, y0, x1, y1) in found:
            assert abs(abs(y1 - y0) - 12 / 25.4 * 72) < 1.5  # rows about 12 mm high
    if kind == "checklist":
        assert len(found) == len(exercise.items)
    images = {}
    misplaced = []
    for page, _kind, name, rect in found:
        image = images.setdefault(page, _page_image(path, page))
        height = float(reader.pages[page].mediabox.height)
        edges = _printed_edges(image, rect, height, reach=4 if printed == "cell" else 1.5)
        wanted = {"line": ["bottom"], "cell": ["bottom", "top", "left"], "box": ["bottom", "top", "left"]}[printed]
        if not all(edges[edge] for edge in wanted):
            misplaced.append((name, page, [round(v) for v in rect], edges))
        elif printed == "line":
            # the field runs the length of its line, so typing can use all of it
            start, end = _line_run(image, rect, height)
            left, _, right, _ = _box(rect, height)
            if right - left < 0.8 * (end - start):    # less its padding, which the field leaves out
                misplaced.append((name, page, [round(v) for v in rect], f"line is {end - start} px, field {right - left}"))
    assert misplaced == []


def test_packets_carry_the_fields_of_their_worksheets_and_no_forms_has_none(built):
    _, out, _, _ = built
    packet = {name for _, _, name, _ in widgets(read(out / "short-workshop-learner-letter.pdf"))}
    for exercise in ("think-it", "myth-quiz", "check-it"):
        sheet = {name for _, _, name, _ in widgets(read(out / f"{exercise}-learner-letter.pdf"))}
        assert sheet and sheet <= packet
    assert "short-workshop-name" in packet
    bare = root_bare = out.parent / "bare"
    assert sorted(root_bare.glob("*.pdf"))
    for path in sorted(bare.glob("*.pdf")):
        assert widgets(read(path)) == [] and "/AcroForm" not in read(path).trailer["/Root"]


def test_a_filled_tracker_field_shows_its_text(built, tmp_path):
    """Type into a tracker cell with pypdf, render the page: the text is there, in the cell."""
    from pypdf import PdfWriter
    _, out, _, _ = built
    source = out / "wide-tracker-learner-letter.pdf"
    page, _, name, rect = next(w for w in widgets(read(source)) if w[1] == "text")
    writer = PdfWriter(clone_from=read(source))
    writer.update_page_form_field_values(writer.pages[page], {name: "Maria Lopez"}, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    with open(filled, "wb") as stream:
        writer.write(stream)
    left, top, right, bottom = _box(rect, float(read(source).pages[page].mediabox.height))
    box = range(left + 6, right - 6), range(top + 6, bottom - 6)
    assert _dark_share(_page_image(source, page), *box) == 0
    assert _dark_share(_page_image(filled, page), *box) > 0.01


# --- one packet, one numbering ----------------------------------------------------------------

def test_pages_are_numbered_through_the_packet_with_a_contents_page(built):
    _, out, _, _ = built
    reader = read(out / "short-workshop-facilitator-letter.pdf")
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    total = len(pages)
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {total}" in text
        assert "Page 1 of" not in text or number == 1
    contents = next(text for text in pages if text.startswith("Contents") or " Contents What Page" in text)
    for title in ("What holds me back?", "Myth or fact", "Getting ready for an event"):
        start = next(i for i, text in enumerate(pages) if title in text and "About" in text) + 1
        found = re.search(rf"{re.escape(title)}.*?\s(\d+)(\s|$)", contents)
        assert found and int(found.group(1)) == start, (title, start)
    worksheet = " ".join(" ".join((p.extract_text() or "").split()) for p in read(out / "think-it-learner-letter.pdf").pages)
    assert "Page 1 of" in worksheet


def test_a_packet_prints_the_plans_minutes(built):
    """The plan gives think-it 15 minutes and myth-quiz 10: agenda, worksheet header and timing
    box all say so, in both editions."""
    root, out, _, _ = built
    assert load(root, "myth-quiz").minutes != 10
    facilitator = text_of(read(out / "short-workshop-facilitator-letter.pdf"))
    assert "About 10 minutes · Facilitator edition" in facilitator
    assert "10 minutes in this workshop." in facilitator
    assert "About 15 minutes · Facilitator edition" in facilitator
    learner = text_of(read(out / "short-workshop-learner-letter.pdf"))
    assert "About 10 minutes" in learner and "About 15 minutes" in learner
    alone = text_of(read(out / "myth-quiz-learner-letter.pdf"))
    assert f"About {load(root, 'myth-quiz').minutes} minutes" in alone


def test_the_footer_is_one_line_with_the_web_address(built):
    _, out, _, _ = built
    reader = read(out / "think-it-learner-letter.pdf")
    lines = set()

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and y < MARGIN_PT:
            lines.add(round(y))
    reader.pages[0].extract_text(visitor_text=visit)
    assert len(lines) == 1
    assert "example.org/test-course · Lesson 1" in text_of(reader)


def test_large_print_has_no_italics(built):
    _, out, _, _ = built
    for name in ("short-workshop-learner-letter-large.pdf", "short-workshop-facilitator-letter-large.pdf"):
        fonts = set()
        for page in read(out / name).pages:
            for font in (page["/Resources"].get("/Font") or {}).values():
                fonts.add(str(font.get_object().get("/BaseFont")))
        assert fonts and not [font for font in fonts if re.search("italic|oblique", font, re.I)]
    regular = {str(f.get_object().get("/BaseFont")) for page in read(out / "pitch-it-learner-letter.pdf").pages
               for f in (page["/Resources"].get("/Font") or {}).values()}
    assert [font for font in regular if re.search("italic|oblique", font, re.I)]  # the test can fail


def _styles_of(html: str, options: PrintOptions, classes: set[str]) -> dict[str, set[tuple[str, tuple]]]:
    """class -> the (font style, colour as sRGB) its laid-out boxes have."""
    from course.worksheets import render_document

    def walk(box):
        yield box
        for child in getattr(box, "children", []):
            yield from walk(child)
    found: dict[str, set] = {}
    for page in render_document(html, options).pages:
        for box in walk(page._page_box):
            element = getattr(box, "element", None)
            name = element.get("class") if element is not None else None
            if name in classes:
                colour = tuple(round(v, 3) for v in box.style["color"].to("srgb").coordinates)
                found.setdefault(name, set()).add((box.style["font_style"], colour))
    return found


def test_large_print_role_cards_and_scripts_are_black_and_upright(built):
    """Large print has no italics and no grey text: a role-play card's cues, tips and cut marks
    and the script's tips too. The regular edition keeps them grey (and the tips italic), so
    the test can fail."""
    root, _, _, _ = built
    info, exercise = course_info(root), load(root, "bus-talk")
    for large in (True, False):
        options = PrintOptions(large_print=large)
        learner = _styles_of(worksheet_html(exercise, "learner", options, info), options, {"note", "cue", "cut"})
        script = _styles_of(worksheet_html(exercise, "facilitator", options, info), options, {"note"})
        assert set(learner) == {"note", "cue", "cut"} and set(script) == {"note"}
        styles = {style for found in (learner, script) for group in found.values() for style in group}
        if large:
            assert styles == {("normal", (0.0, 0.0, 0.0))}, styles
        else:
            assert ("italic", (0.2, 0.2, 0.2)) in styles and all(colour != (0.0, 0.0, 0.0) for _, colour in styles)


def test_worksheets_and_packets_are_tagged_pdfs(built):
    """Worksheets are PDF/UA-1 as WeasyPrint makes them; a packet joins its parts' tags, every
    page keeps its key into the structure and every element points at a page of the packet."""
    _, out, _, _ = built
    paths = sorted(out.glob("*-learner-letter.pdf"))
    assert any(path.name.startswith("short-workshop") for path in paths)
    for path in paths:
        reader = read(path)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], path.name
        assert root["/Lang"] == "en-CA"
        keys = [page.get("/StructParents") for page in reader.pages]
        assert None not in keys and len(set(keys)) == len(keys), path.name
        pages, targets, stack = {page.indirect_reference.idnum for page in reader.pages}, set(), [root["/StructTreeRoot"]["/K"]]
        while stack:
            item = stack.pop().get_object()
            if isinstance(item, dict):
                if "/Pg" in item:
                    targets.add(item.raw_get("/Pg").idnum)
                if "/K" in item:
                    stack.append(item["/K"])
            elif isinstance(item, list):
                stack.extend(item)
        assert targets and targets <= pages, path.name
