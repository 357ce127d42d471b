#!/usr/bin/env python3
"""Check the course for mistakes: every exercise file, lesson and page.

    python scripts/check_exercises.py                   the whole course
    python scripts/check_exercises.py exercises/x.yml   only these files (or folders)
    python scripts/check_exercises.py --draft           report everything, but never fail
    python scripts/check_exercises.py --format github   annotations for GitHub's checks
        --site-url https://.../course/                  ... with links to the published help pages
    python scripts/check_exercises.py --readability     reading level of every lesson
    python scripts/check_exercises.py --answers FILE    feedback on a learner's answers file
    python scripts/check_exercises.py --exercise ID --text FILE   check one pitch or message

Exit status: 0 when there are no errors, 1 when there are, 2 when the command is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from course.answers import AnswersError, check_text, load_answers, report_answers  # noqa: E402
from course.checks import check_course, check_files, course_files  # noqa: E402
from course.loader import load_course  # noqa: E402
from course.problems import has_errors  # noqa: E402
from course.readability import readability_report  # noqa: E402
from course.problems import problem  # noqa: E402
from course.report import format_problem, markdown_summary, render_report  # noqa: E402

DOCUMENT_SIGNATURES = {b"PK\x03\x04": "Word (.docx) or other office document",
                       b"\xd0\xcf\x11\xe0": "Word (.doc) document", b"{\\rtf": "rich text (.rtf) document",
                       b"%PDF": "PDF document"}
"""How the first bytes of a file tell a word processor's file from plain text."""


def document_kind(data: bytes) -> str:
    """What kind of document `data` is when it is not plain text ("" for plain text)."""
    kind = next((name for start, name in DOCUMENT_SIGNATURES.items() if data.startswith(start)), "")
    if not kind and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        kind = "text file saved as UTF-16 (\"Unicode\")"
    return kind


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="check_exercises.py",
        description="Check the course's exercises and lessons for mistakes.")
    parser.add_argument("paths", nargs="*", help="files or folders to check (default: the whole course)")
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="text for people (default), github for annotations on a pull request")
    parser.add_argument("--summary", metavar="FILE",
                        help="also add every problem, as a Markdown table, to FILE (for a pull request's summary)")
    parser.add_argument("--site-url", default="", metavar="URL",
                        help="with --format github: link each problem to its help page on the published site")
    parser.add_argument("--draft", action="store_true",
                        help="report every problem but always finish with success")
    parser.add_argument("--readability", action="store_true",
                        help="print the reading level of every lesson")
    parser.add_argument("--answers", metavar="FILE", help="give feedback on an exported answers file")
    parser.add_argument("--exercise", metavar="ID", help="the pitch or message exercise for --text")
    parser.add_argument("--text", metavar="FILE", help="a plain-text pitch or message to check")
    args = parser.parse_args(argv)
    if bool(args.exercise) != bool(args.text):
        parser.error("--exercise and --text go together: --exercise ID --text FILE")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = Path(args.root)
    if args.readability:
        print(readability_report(load_course(root)))
        return 0
    if args.answers:
        try:
            print(report_answers(load_course(root).exercises, load_answers(args.answers)))
        except AnswersError as error:
            print(error, file=sys.stderr)
            return 1
        return 0
    if args.exercise:
        return text_check(root, args.exercise, Path(args.text))
    if args.paths:
        problems, files = check_files(root, args.paths)
    else:
        course = load_course(root)
        problems, files = check_course(root, course), len(course_files(course))
    print(render_report(problems, files, args.format, args.site_url))
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as handle:
            handle.write(markdown_summary(problems, files))
    return 1 if has_errors(problems) and not args.draft else 0


def text_check(root: Path, exercise_id: str, path: Path) -> int:
    exercises = load_course(root).exercises
    exercise = exercises.get(exercise_id)
    if exercise is None:
        print(f"There is no exercise \"{exercise_id}\". Pitch and message exercises: "
              + ", ".join(sorted(i for i, e in exercises.items() if e.kind in ("pitch", "message"))),
              file=sys.stderr)
        return 1
    try:
        data = path.read_bytes()
    except OSError as error:
        print(format_problem(problem("file-unreadable", path, reason=error.strerror or error)), file=sys.stderr)
        return 1
    kind = document_kind(data)
    if kind:
        print(format_problem(problem("text-not-plain", path, what=kind)), file=sys.stderr)
        return 1
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        print(format_problem(problem("text-not-utf8", path)), file=sys.stderr)
        return 1
    try:
        print(check_text(exercise, text))
    except AnswersError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
