"""The `/// exercise | <id>` block that places an exercise in a lesson.

A lesson says, with a blank line before and after:

    /// exercise | elevator-speech
    ///

The block looks the id up in the course's exercises and puts the exercise's HTML (rendered by
`exercise_html.py` from autoescaping templates) into the page through Markdown's HTML stash, so
no text from the exercise file is ever read as Markdown or HTML.

This module is a standard Python-Markdown extension, named in mkdocs.yml by its module name:

    markdown_extensions:
      - course.blocks          # the package is installed by `pip install -e .` (the Makefile does it)

so any tool that reads mkdocs.yml's `markdown_extensions` renders exercises: MkDocs, ProperDocs
and Zensical. On its own it reads the exercises from the folder named by its `folder` option
(`exercises`, relative to the current folder), once, and again only after a file there changes.
Under MkDocs the hook hands it the exercises it has already loaded and checked, so they are read
once per build.

`find_exercise_blocks` finds every block in a lesson's source with its line, so a wrong id can be
reported as `lessons/05-elevator-speech.md:114` before Markdown runs.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as etree
from pathlib import Path
from dataclasses import dataclass
from typing import Callable, Mapping

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from . import loader, model
from .problems import Problem, problem
from .exercise_html import render_exercise
from .yamlfile import suggest

BLOCK_LINE = re.compile(r"^ {0,3}/{3,}\s*exercise\s*(?:\|\s*(?P<id>.*?))?\s*$")
"""An opening line such as `/// exercise | elevator-speech` (three or more slashes)."""


@dataclass(frozen=True)
class BlockRef:
    """One `/// exercise | <id>` line in a lesson."""

    line: int
    """1 for the first line of the file (front matter included)."""
    exercise_id: str


def find_exercise_blocks(source: str) -> list[BlockRef]:
    """Every exercise block in a lesson's full source text, in order, with its line.

    Lines inside fenced code (``` or ~~~) are skipped, so the editing guide can show the syntax.
    """
    refs: list[BlockRef] = []
    fence = ""
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        match = BLOCK_LINE.match(line)
        if match:
            refs.append(BlockRef(number, (match.group("id") or "").strip()))
    return refs


class UnknownExercise(LookupError):
    """An exercise block names an id that no exercise file has."""


class ExerciseBlock(Block):
    """Places one exercise.

    Argument (required): the exercise id, as in `exercises/<id>.yml`.
    Options: none. Content: none (anything written inside the block is ignored).
    """

    NAME = "exercise"
    ARGUMENT = True
    OPTIONS: dict = {}

    def on_markdown(self) -> str:
        # "raw": text inside the block is kept as is and never parsed as Markdown.
        return "raw"

    def on_validate(self, parent: etree.Element) -> bool:
        exercise_id = (self.argument or "").strip()
        exercises, folder = self.config["exercises"], None
        if exercises is None:
            folder = Path(self.config["folder"]).resolve()
            exercises = exercises_in(folder)
        exercise = exercises.get(exercise_id)
        if exercise is None:
            # Under MkDocs the hook reports unknown ids with file and line before Markdown runs;
            # elsewhere (Zensical, a script) fail loudly instead of printing the block as text.
            raise UnknownExercise(unknown_exercise_message(exercise_id, exercises, folder))
        self.exercise = exercise
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "nd-exercise-slot"})

    def on_end(self, block: etree.Element) -> None:
        for child in list(block):
            block.remove(child)
        block.text = self.md.htmlStash.store(self.config["render"](self.exercise))


EXTENSION = __name__
"""The name mkdocs.yml gives this extension under `markdown_extensions` ("course.blocks")."""


class ExerciseExtension(BlocksExtension):
    """Registers the exercise block. Give it the exercises by id, for example:

        ExerciseExtension(exercises={"elevator-speech": exercise})

    or let it read them, when a block is first met, from a folder: ExerciseExtension(folder="exercises").
    """

    def __init__(self, exercises: Mapping[str, model.Exercise] | None = None,
                 render: Callable[[model.Exercise], str] = render_exercise, **kwargs):
        self.config = {
            "exercises": [None if exercises is None else dict(exercises),
                          "The exercises, by id (default: read from `folder`)."],
            "folder": ["exercises", "The folder of exercise files, relative to the current folder."],
            "render": [render, "A function that returns the HTML of one exercise."],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        block_mgr.register(ExerciseBlock, self.getConfigs())


def makeExtension(**kwargs) -> ExerciseExtension:  # noqa: N802 (the name Python-Markdown looks for)
    """What Python-Markdown calls for `course.blocks` in a list of extension names."""
    return ExerciseExtension(**kwargs)


_read: dict[Path, tuple[tuple, dict[str, model.Exercise]]] = {}
"""Exercises read from each folder, with the names, times and sizes of its files when read."""


def exercises_in(folder: str | os.PathLike) -> dict[str, model.Exercise]:
    """The exercises in `folder` by id, read again only when a file there was added, removed or
    saved since the last call (a tool may make one Markdown converter per page, or keep serving)."""
    folder = Path(folder).resolve()
    files = sorted(folder.glob("*.yml"))  # none when the folder is not there: every id is unknown
    stamp = tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    if folder in _read and _read[folder][0] == stamp:
        return _read[folder][1]
    exercises: dict[str, model.Exercise] = {}
    for path in files:
        exercise, _problems = loader.load_exercise(path, folder.parent)  # `make check` lists problems
        if exercise is not None and exercise.id and exercise.id not in exercises:
            exercises[exercise.id] = exercise
    _read[folder] = (stamp, exercises)
    return exercises


def unknown_exercise_message(exercise_id: str, known: Mapping[str, object], folder=None) -> str:
    """The error for a block whose id names no exercise, where the page and line are not known
    (outside MkDocs): the words of `unknown_exercise_problem`, and where to find the line."""
    found = unknown_exercise_problem(BlockRef(0, exercise_id), "", known, folder=folder)
    return f"{found.message} {found.hint} (`make check` names the page and line.)"


def unknown_exercise_problem(ref: BlockRef, path: str, known: Mapping[str, object],
                             folder=None) -> Problem:
    """The problem for a block whose id names no exercise, pointing at the block's line.

    When `folder` (the exercises/ folder; by default the folder of the known exercises) has a
    file named after the id, the file is there but could not be used: the problem then says
    that file has a mistake, instead of saying the exercise does not exist."""
    # An exercise built in memory has the path "."; only loaded ones tell where files are.
    folders = {Path(folder)} if folder else {Path(exercise.path).parent for exercise in known.values()
                                              if str(getattr(exercise, "path", ".")) != "."}
    for where in sorted(folders) if ref.exercise_id else []:
        for suffix in (".yml", ".yaml"):
            if (where / f"{ref.exercise_id}{suffix}").is_file():
                return problem("broken-exercise", path, ref.line, 1, id=ref.exercise_id,
                               file=f"{where.name}/{ref.exercise_id}{suffix}")
    return problem("unknown-exercise", path, ref.line, 1, id=ref.exercise_id,
                   suggestion=suggest(ref.exercise_id, known))
