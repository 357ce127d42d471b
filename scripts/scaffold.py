"""Create a new lesson or exercise from a template.

    python scripts/scaffold.py lesson "Networking at work"
    python scripts/scaffold.py exercise KIND ID LESSON

`make new-lesson NAME=...` and `make new-exercise KIND=... ID=... LESSON=...` call this.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from course.scaffold import ScaffoldError, new_exercise, new_lesson  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    lesson = sub.add_parser("lesson", help="a new lesson page, added to the navigation")
    lesson.add_argument("name", nargs="?", default="")
    exercise = sub.add_parser("exercise", help="a new exercise file, placed in its lesson")
    exercise.add_argument("kind", nargs="?", default="")
    exercise.add_argument("id", nargs="?", default="")
    exercise.add_argument("lesson", nargs="?", default="")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.what == "lesson":
            created = new_lesson(args.root, args.name)
        else:
            created = new_exercise(args.root, args.kind, args.id, args.lesson)
    except ScaffoldError as error:
        print(f"Nothing was created. {error}", file=sys.stderr)
        return 1
    print("Created:" if len(created.files) == 1 else "Created or changed:")
    for path in created.files:
        print(f"    {path}")
    print("Next:")
    for number, step in enumerate(created.next_steps, 1):
        print(f"    {number}. {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
