"""Build the printable worksheets and workshop packets (PDF).

    python scripts/build_worksheets.py                      everything the site offers
    python scripts/build_worksheets.py --only elevator-speech --paper a4
    python scripts/build_worksheets.py --workshop workshop-60 --large-print

Without --only, --workshop, --paper or --large-print it builds the site's set: every worksheet
(learner and facilitator editions) on Letter and A4, and every workshop packet on Letter, A4
and large-print Letter. PDFs that are already up to date are skipped.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from course import pdf_build, pdf_jobs  # noqa: E402
from course.print_settings import PAPER_SIZES  # noqa: E402
from course.report import render_report  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build_worksheets.py",
        description="Build the printable PDF worksheets and workshop packets.",
        epilog="Without --only, --workshop, --paper or --large-print: every worksheet on Letter "
               "and A4, every packet on Letter, A4 and large-print Letter (what the site offers).")
    parser.add_argument("--paper", choices=list(PAPER_SIZES), metavar="{letter,a4}",
                        help="paper size (default: letter; without any choice, both)")
    parser.add_argument("--large-print", action="store_true",
                        help="large print: body text 16 pt")
    parser.add_argument("--no-forms", action="store_true",
                        help="no fillable form fields (smaller files)")
    parser.add_argument("--duplex", action="store_true",
                        help="for double-sided printing: each worksheet of a packet starts on a new sheet")
    parser.add_argument("--kit", action="store_true",
                        help="build the sign-in sheet, feedback form, certificate and notes page")
    parser.add_argument("--only", nargs="+", metavar="ID", default=[],
                        help="build only these exercises' worksheets")
    parser.add_argument("--workshop", nargs="+", metavar="PLAN", default=[],
                        help="build only these workshop plans' packets")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "printables" / "pdf",
                        help="folder for the PDFs (default: docs/printables/pdf)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--quiet", action="store_true", help="no progress lines, only the summary")
    parser.add_argument("--jobs", type=int, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def out_folder_problem(out: Path) -> str:
    """One line on why the PDFs cannot go to `out`, or "" when they can."""
    if out.exists() and not out.is_dir():
        return f"--out {out} is a file, not a folder. Name a folder for the PDFs."
    folder = out
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        return f"--out {out} is inside {folder}, which is a file. Name a folder for the PDFs."
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write to {folder} (it is read-only for you). Name another folder with --out."
    return ""


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    selection = pdf_jobs.Selection(exercises=args.only, workshops=args.workshop, paper=args.paper,
                                    large_print=args.large_print, forms=not args.no_forms,
                                    duplex=args.duplex, kit=args.kit)
    try:
        plan = pdf_jobs.plan_jobs(args.root, selection)
    except pdf_jobs.SelectionError as error:
        print(f"build_worksheets.py: error: {error}", file=sys.stderr)
        return 2
    if plan.problems:
        print(render_report(plan.problems, plan.files_checked), file=sys.stderr)
        print("No PDFs were built. Fix the problems above, then run this again.", file=sys.stderr)
        return 1
    trouble = out_folder_problem(args.out)
    if trouble:
        print(f"build_worksheets.py: error: {trouble}", file=sys.stderr)
        return 2
    progress = None if args.quiet else (lambda line: print(line, flush=True))
    try:
        result = pdf_build.build(args.root, args.out, plan, everything=selection.everything,
                                 workers=args.jobs, progress=progress)
    except OSError as error:  # the disk is full, the folder was locked meanwhile
        print(f"build_worksheets.py: error: cannot write the PDFs to {args.out}: "
              f"{error.strerror or error}.", file=sys.stderr)
        return 1
    for failure in result.failures:
        print(f"build_worksheets.py: error: {failure}. This is a bug, please report it.",
              file=sys.stderr)
    print(f"Worksheets: {pdf_build.summary(result)}")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
