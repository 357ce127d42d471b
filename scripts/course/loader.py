"""YAML exercise files -> model objects, keeping the file and line of every value.

`load_exercise(path)` never raises for bad content: every mistake becomes a `Problem`, and the
loader carries on, so one run reports every problem in every file. Each model object keeps the
line it starts on (`obj.line`); `line_of(obj, "field")` gives the line of a single field.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import os
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import model
from .problems import Problem, problem
from .yamlfile import compose, describe_node, expected_type, placeholder, read_text, suggest, whole_number

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

REQUIRED_EXTRA: dict[type, set[str]] = {
    model.Exercise: {"facilitator"},
    model.Facilitator: {"timing", "group", "prompts"},
    **{info.cls: set(info.required) for info in model.KIND_INFO.values()},
}
"""Fields an author must write although the model has a default for them."""

NOT_FROM_YAML = {"line", "path"}

SINGULAR = {"questions": "question", "options": "option", "categories": "category",
            "items": "item", "parts": "part", "targets": "target", "flagged": "flagged word",
            "columns": "column", "prompts": "prompt", "examples": "example",
            "roles": "role", "lines": "line", "choices": "choice"}

_constructor = SafeConstructor()


def line_of(obj, name: str) -> int:
    """The line of field `name` of a loaded object (the object's own line if unknown)."""
    return getattr(obj, "_field_lines", {}).get(name, (getattr(obj, "line", 0), 0))[0]


def col_of(obj, name: str) -> int:
    return getattr(obj, "_field_lines", {}).get(name, (0, 0))[1]


def reported(obj, name: str) -> bool:
    """True when the loader already reported a problem with field `name` of a loaded object:
    its name was misspelled, or its value was empty or of the wrong type. A check then leaves
    the field alone, so one mistake gives one message."""
    return name in getattr(obj, "_misspelled", ()) or name in getattr(obj, "_rejected", ())


def load_exercise(path: str | os.PathLike, root: str | os.PathLike | None = None
                  ) -> tuple[model.AnyExercise | None, list[Problem]]:
    """Read one exercise file. Returns the exercise (None if it cannot be built) and problems.

    The exercise is returned, filled in as far as possible, even when it has problems, so that
    later checks still see it and don't report it as missing.
    """
    path = Path(path)
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    node, problems = compose(text, path, root)
    if node is None:
        return None, problems
    builder = _Builder(path, root)
    try:
        exercise = builder.exercise(node)
    except Exception as error:  # a bug in the loader must not hide the other files' problems
        return None, builder.problems + [problem("internal-error", path, 1, 1, root=root,
                                                 error=f"{type(error).__name__}: {error}")]
    if exercise is not None:
        exercise.path = path
    return exercise, builder.problems


# --- building model objects from nodes --------------------------------------------------------

class _Builder:
    """Turns a node tree into model objects, collecting problems instead of raising."""

    def __init__(self, path: Path, root):
        self.path = path
        self.root = root
        self.problems: list[Problem] = []

    def report(self, code: str, node: Node | None, **fields) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        self.problems.append(problem(code, self.path, line, col, root=self.root, **fields))

    def exercise(self, node: Node):
        if not isinstance(node, MappingNode):
            self.report("not-a-mapping", node, what="An exercise file", example="id",
                        actual=describe_node(node))
            return None
        pairs = self.pairs(node)
        kind_node = pairs.get("kind")
        if kind_node is None:
            self.report("missing-field", node, field="kind", where="")
            return None
        kind = kind_node[1].value if isinstance(kind_node[1], ScalarNode) else ""
        cls = model.EXERCISE_CLASSES.get(kind)
        if cls is None:
            self.report("unknown-kind", kind_node[1], kind=kind or describe_node(kind_node[1]),
                        suggestion=suggest(kind, model.KINDS), kinds=", ".join(model.KINDS))
            return None
        exercise = self.build(cls, node, label="", where=f"of a {kind} exercise")
        if exercise.id and not ID_PATTERN.match(exercise.id):
            self.report("bad-id", pairs["id"][1], id=exercise.id)
        for example, example_node in zip(getattr(exercise, "examples", []), self.list_nodes(pairs.get("examples"))):
            example.answer = self.answer(kind, example, example_node)
        return exercise

    def pairs(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """The mapping's entries by key name, reporting keys that appear twice."""
        result: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else describe_node(key_node)
            if key in result:
                self.report("duplicate-key", key_node, key=key,
                            first=result[key][0].start_mark.line + 1)
                continue
            result[key] = (key_node, value_node)
        return result

    def list_nodes(self, entry) -> list[Node]:
        if entry and isinstance(entry[1], SequenceNode):
            return list(entry[1].value)
        return []

    def build(self, cls: type, node: Node, label: str, where: str):
        """One dataclass from a mapping node: known fields converted, the rest reported."""
        hints, fields, required = _shape(cls)
        values: dict[str, object] = {}
        lines: dict[str, tuple[int, int]] = {}
        pairs = self.pairs(node) if isinstance(node, MappingNode) else {}
        if not isinstance(node, MappingNode):
            self.report("not-a-mapping", node, what=(label or "This").capitalize(),
                        example=next(iter(fields)), actual=describe_node(node))
        misspelled: set[str] = set()
        rejected: set[str] = set()
        for key, (key_node, value_node) in pairs.items():
            if key not in fields:
                close = difflib.get_close_matches(key, [f for f in fields if f not in pairs], 1, 0.6)
                misspelled.update(close)
                suggestion = suggest(key, fields) or f"Fields allowed here: {', '.join(fields)}."
                self.report("unknown-key", key_node, key=key, where=where, suggestion=suggestion)
                continue
            value = self.value(hints[key], value_node, key, owner=label)
            if value is _MISSING:
                rejected.add(key)
            else:
                values[key] = value
                lines[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        for name in fields:
            if name not in values and name in required:
                # Reported already: a value of the wrong type, a misspelled name, or no fields
                # at all (then "not-a-mapping" says so once, instead of once per field).
                if isinstance(node, MappingNode) and name not in pairs and name not in misspelled:
                    self.report("missing-field", node, field=name,
                                where=f" from {label}" if label else "")
                values[name] = placeholder(hints[name])
        obj = cls(**values)
        obj.line = node.start_mark.line + 1
        obj._field_lines = lines
        obj._misspelled = misspelled
        obj._rejected = rejected
        return obj

    def value(self, hint, node: Node, name: str, owner: str, label: str = ""):
        """Convert one node to the type `hint`; returns _MISSING (and reports) when it can't.

        `owner` describes the object the field belongs to ("question 2"); `label` describes
        this value itself when it is an entry of a list ("option 1 of question 2")."""
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        is_null = isinstance(node, ScalarNode) and node.tag.endswith(":null")
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            if is_null:
                return None
            return self.value(next(a for a in args if a is not type(None)), node, name, owner, label)
        if is_null:
            self.report("empty-value", node, field=name)
            return _MISSING
        if origin is typing.Literal:
            if isinstance(node, ScalarNode) and node.value in args:
                return node.value
            value = node.value if isinstance(node, ScalarNode) else describe_node(node)
            self.report("bad-value", node, field=name, value=value,
                        suggestion=suggest(value, args), allowed=", ".join(args))
            return _MISSING
        if origin is list:
            if not isinstance(node, SequenceNode):
                return self.wrong_type(hint, node, name)
            singular = SINGULAR.get(name, name)
            items = [self.value(args[0], item, name, owner,
                                f"{singular} {number}" + (f" of {owner}" if owner else ""))
                     for number, item in enumerate(node.value, start=1)]
            return [item for item in items if item is not _MISSING]
        if origin is tuple:
            numbers = ([whole_number(item) for item in node.value]
                       if isinstance(node, SequenceNode) and len(node.value) == 2 else [None])
            if None in numbers:
                return self.wrong_type(hint, node, name)
            return tuple(numbers)
        if dataclasses.is_dataclass(hint):
            label = label or f"\"{name}\"" + (f" of {owner}" if owner else "")
            return self.build(hint, node, label, f"of {label}")
        if hint is dict:
            if isinstance(node, MappingNode):
                return node  # shaped by answer() once the exercise kind is known
            return self.wrong_type(hint, node, name)
        if not isinstance(node, ScalarNode):
            return self.wrong_type(hint, node, name)
        if hint is str:
            return node.value
        if hint is bool and node.tag.endswith(":bool"):
            return _constructor.construct_object(node)
        if hint is int and whole_number(node) is not None:
            return whole_number(node)
        return self.wrong_type(hint, node, name)

    def wrong_type(self, hint, node: Node, name: str):
        expected, how = expected_type(hint)
        self.report("wrong-type", node, field=name, expected=expected,
                    actual=describe_node(node), example_hint=how)
        return _MISSING

    def answer(self, kind: str, example: model.Example, node: Node) -> dict:
        """An example's answer in the export shape: keys are strings; quiz values are lists
        of option letters, sort values category ids, pitch and message values text, dialogue
        values one choice letter."""
        answer_node = self.pairs(node).get("answer") if isinstance(node, MappingNode) else None
        if answer_node is None or not isinstance(answer_node[1], MappingNode):
            return {}
        answer: dict = {}
        shape = model.KIND_INFO[kind].answer
        for key_node, value_node in answer_node[1].value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else ""
            if shape == "letters":
                values = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                if not all(isinstance(v, ScalarNode) for v in values):
                    self.report("example-answer", value_node, name=example.name,
                                details=f"the answer to question {key} is not a letter or a list of letters",
                                fix="Write the letters of the chosen options, for example \"a\" or [a, c].")
                    continue
                answer[key] = [str(v.value).strip().lower() for v in values]
            elif isinstance(value_node, ScalarNode):
                value = "" if value_node.tag.endswith(":null") else str(value_node.value)
                answer[key] = value.strip().lower() if shape == "letter" else value
            else:
                self.report("example-answer", value_node, name=example.name,
                            details=f"the answer for \"{key}\" is {describe_node(value_node)}",
                            fix="Write the answer as text after the colon.")
        return answer


_MISSING = object()


@functools.lru_cache(maxsize=None)
def _shape(cls: type) -> tuple[dict, dict, frozenset]:
    """A model class's type hints, the fields read from YAML, and which of them are required
    (worked out once per class: resolving type hints is slow)."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in NOT_FROM_YAML}
    required = {name for name, f in fields.items()
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    for base in cls.__mro__:
        required |= REQUIRED_EXTRA.get(base, set())
    return hints, fields, frozenset(required)


# --- the whole course -------------------------------------------------------------------------

@dataclass
class Course:
    """Everything the checker, the site and the worksheets read, loaded once."""

    root: Path
    exercises: dict[str, model.AnyExercise] = field(default_factory=dict)
    """Exercises by id (the first file wins when two files share an id)."""
    pages: dict = field(default_factory=dict)
    """Markdown pages under docs/ by their path inside docs/ (see lessons.Page)."""
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading; `checks.check_course` adds the rest."""
    loaded: dict[Path, model.AnyExercise | None] = field(default_factory=dict)
    """Every exercise file and what was built from it (None when nothing could be built)."""

    @property
    def exercise_files(self) -> list[Path]:
        return list(self.loaded)

    @property
    def lessons(self) -> dict:
        """The lesson pages (docs/lessons/*.md) by their path inside docs/."""
        return {name: page for name, page in self.pages.items() if page.is_lesson}


_REMEMBERED: dict[tuple, tuple] = {}
"""What `remembered` read last from each file, with the file's size and modification time."""


def remembered(load, path: Path, *args):
    """`load(path, *args)`, or what it gave for this file before if the file has not changed
    since. `mkdocs serve` loads the course again after every save: only the saved file is read
    again. What it gives is shared, so it is never changed afterwards (it is not: the checks
    and the site only read it)."""
    try:
        stat = path.stat()
    except OSError:
        return load(path, *args)
    key = (load.__module__, load.__name__, str(path.resolve()), *map(str, args))
    cached = _REMEMBERED.get(key)
    if cached is not None and cached[0] == (stat.st_mtime_ns, stat.st_size):
        return cached[1]
    result = load(path, *args)
    if len(_REMEMBERED) > 5000:  # many copies of the course in one process (the tests): start afresh
        _REMEMBERED.clear()
    _REMEMBERED[key] = ((stat.st_mtime_ns, stat.st_size), result)
    return result


def load_course(root: str | os.PathLike) -> Course:
    """Read every exercise in exercises/ and every page in docs/. Never raises for content."""
    from .lessons import load_pages

    root = Path(root)
    course = Course(root=root)
    for path in sorted((root / "exercises").glob("*.yaml")):
        # The worksheets, plans and Printables page all look for .yml: one ending, no surprises.
        course.problems.append(problem("wrong-extension", path, 1, 1, root=root,
                                       suggested=path.with_suffix(".yml").name))
    for path in sorted((root / "exercises").glob("*.yml")):
        exercise, problems = remembered(load_exercise, path, root)
        course.loaded[path] = exercise
        course.problems += problems
        if exercise is not None and exercise.id and exercise.id not in course.exercises:
            course.exercises[exercise.id] = exercise
    course.pages, problems = load_pages(root)
    course.problems += problems
    return course
