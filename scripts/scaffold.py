"""Create, rename or remove a lesson, or create an exercise, from the command line.

    python scripts/scaffold.py lesson "Networking at work"
    python scripts/scaffold.py exercise KIND ID LESSON
    python scripts/scaffold.py rename-lesson LESSON "New name"
    python scripts/scaffold.py remove-lesson LESSON

`make new-lesson NAME=...`, `make new-exercise KIND=... ID=... LESSON=...`,
`make rename-lesson LESSON=... NAME=...` and `make remove-lesson LESSON=...` call this.
`--extra` gets the words make took for other commands (a name typed without quotes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from course.lesson_moves import remove_lesson, rename_lesson  # noqa: E402
from course.messages import render  # noqa: E402
from course.scaffold import ScaffoldError, new_exercise, new_lesson  # noqa: E402

COMMANDS = {"lesson": "new-lesson", "rename-lesson": "rename-lesson"}
"""The make command for each action that takes NAME=."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    lesson = sub.add_parser("lesson", help="a new lesson page, added to the navigation")
    lesson.add_argument("name", nargs="?", default="")
    exercise = sub.add_parser("exercise", help="a new exercise file, placed in its lesson")
    exercise.add_argument("kind", nargs="?", default="")
    exercise.add_argument("id", nargs="?", default="")
    exercise.add_argument("lesson", nargs="?", default="")
    rename = sub.add_parser("rename-lesson", help="rename a lesson and fix what links to it")
    rename.add_argument("lesson", nargs="?", default="")
    rename.add_argument("name", nargs="?", default="")
    remove = sub.add_parser("remove-lesson", help="remove a lesson nothing depends on")
    remove.add_argument("lesson", nargs="?", default="")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--extra", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    extra = " ".join(word for word in args.extra.split() if word not in COMMANDS.values())
    try:
        if extra and args.what in COMMANDS:
            command = COMMANDS[args.what] + (f" LESSON={args.lesson}" if args.what == "rename-lesson" else "")
            message, hint, _ = render("name-unquoted", name=args.name.strip(), extra=extra, command=command)
            raise ScaffoldError(f"{message} {hint}")
        if args.what == "lesson":
            created = new_lesson(args.root, args.name)
        elif args.what == "rename-lesson":
            created = rename_lesson(args.root, args.lesson, args.name)
        elif args.what == "remove-lesson":
            created = remove_lesson(args.root, args.lesson)
        else:
            created = new_exercise(args.root, args.kind, args.id, args.lesson)
    except ScaffoldError as error:
        print(f"Nothing was changed. {error}" if args.what.endswith("-lesson") and args.what != "lesson"
              else f"Nothing was created. {error}", file=sys.stderr)
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
