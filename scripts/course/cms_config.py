"""The browser editor's configuration (`admin/config.yml`), written from the Python model.

Decap CMS reads `admin/config.yml` to build its forms. Every exercise form comes from the
dataclasses in `model.py` (one form per kind in `model.EXERCISE_CLASSES`), the workshop plan
form from `plans.py`, and the lesson form from the front-matter fields the checker asks for.
So a new field or a new kind needs no hand editing: run `make cms-config`, and a test fails
until the file is in step (see tests/test_cms_config.py).

What the generator reads from the model:
- a field's type picks the widget: str -> string (or text for long prose), int -> number,
  bool -> boolean, Literal -> select, list -> list, a dataclass -> object, a pair of whole
  numbers -> a list of exactly two numbers;
- whether a field is required (the loader's own rule: no default, or named in REQUIRED_EXTRA);
- a field's docstring becomes the hint under it;
- number ranges come from `model.NUMBER_RANGES`.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import sys
import textwrap
import typing
from pathlib import Path

import yaml

from . import cms_words, loader, model, page_checks, plans
from .messages import PUBLISHED_SITE

CONFIG_PATH = Path("admin") / "config.yml"
"""Where the editor reads its configuration, from the project root."""
COMMAND = "make cms-config"
"""The command that writes the configuration again."""
HEADER = (f"# Written by `{COMMAND}` from scripts/course/model.py: do not edit by hand.\n"
          "# Decap CMS reads this file to build the editor's forms at /admin/.\n")

REPO = "networking-demystified/course"
"""The course's repository on GitHub (the same as edit_uri in mkdocs.yml)."""
OAUTH_PROXY = "https://auth.networking-demystified.org"
"""The small sign-in service that trades GitHub's OAuth code for a token (docs/editing/browser.md)."""
SITE_URL = PUBLISHED_SITE
"""The published site (`extra: course_url:` in mkdocs.yml)."""
LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
"""decap-server, started by `make edit`."""

LONG_TEXT = {"instructions", "explanation", "feedback", "group", "answer_key", "description",
             "notes", "timing", "hint", "example", "reason"}
"""Text fields that get a box of several lines instead of one line."""
EXAMPLE_ANSWER_WIDGET = "example-answer"
"""A widget of the course's own (admin/editor.js) for an example's answer: one row a question."""
LESSON_ITEMS = {"objectives": "Objective", "key_points": "Key point"}
"""The label of one entry of a lesson's lists."""
LESSON_ORDER = ("title", "description", "promise", "minutes", "objectives", "key_points")
"""The order of a lesson's front matter, as in the lesson template."""
FIRST = ("id", "title", "lesson", "kind", "minutes", "instructions")
"""Fields shown first on every exercise form, in the order the exercise files use."""
TEXT_WIDGET = "course-text"
"""A widget of the course's own (admin/editor.js): Markdown in a plain text box, saved exactly
as typed. The CMS's own Markdown editor rewrites what it does not know ("///" blocks,
admonitions, "{ #id }"), so it is not used."""
LONG_FIRST = ("facilitator", "examples", "draft")
"""Fields shown at the end of every exercise form, after the kind's own fields."""


# --- reading the model ------------------------------------------------------------------------

def field_docs(cls: type) -> dict[str, str]:
    """The docstrings under each field of a dataclass and its bases, as one line each."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not dataclasses.is_dataclass(klass):
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError):
            continue
        body = tree.body[0].body
        for node, after in zip(body, body[1:]):
            if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                    and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)):
                docs[node.target.id] = " ".join(after.value.value.split())
    return docs


def label_for(name: str) -> str:
    """"pass_mark" -> "Pass mark"."""
    return name.replace("_", " ").capitalize()


def _is_pair(hint) -> bool:
    return typing.get_origin(hint) is tuple


def _optional(hint):
    """(inner type, True) for `X | None`, else (hint, False)."""
    if typing.get_origin(hint) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


def _options(values) -> list[dict]:
    """A drop-down list's choices: the words it shows and the value the file stores."""
    return [{"label": cms_words.OPTION_LABELS.get(value, value), "value": value} for value in values]


def widget_for(name: str, hint, owner: str, path: str = "") -> dict:
    """The widget settings (without name, label, hint, required) for one field's type."""
    path = path or name
    hint, _ = _optional(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    choice = cms_words.choice_for(owner, path)
    if choice:
        return {"widget": cms_words.CHOICE_WIDGET, "multiple": False, **choice}
    if origin is typing.Literal:
        return {"widget": "select", "options": _options(args)}
    if hint is bool:
        return {"widget": "boolean"}
    if hint is int:
        settings = {"widget": "number", "value_type": "int"}
        low, high = model.NUMBER_RANGES.get(name, (None, None))
        if low is not None:
            settings["min"] = low
        if high is not None:
            settings["max"] = high
        return settings
    if _is_pair(hint):
        one = cms_words.words_for(owner, path)[2] or "number"
        return {"widget": "list", "min": 2, "max": 2, "allow_add": True,
                "field": {"name": "number", "label": one[0].upper() + one[1:], "widget": "number",
                          "value_type": "int", "min": 0}}
    if origin is list:
        item = args[0]
        if dataclasses.is_dataclass(item):
            return {"widget": "list", "collapsed": False,
                    "fields": dataclass_fields(item, owner, path=path)}
        one = cms_words.words_for(owner, path)[2] or loader.SINGULAR.get(name, name)
        return {"widget": "list", "collapsed": False,
                "field": {"name": "text", "label": one[0].upper() + one[1:],
                          **widget_for(name, item, owner, path)}}
    if dataclasses.is_dataclass(hint):
        return {"widget": "object", "fields": dataclass_fields(hint, owner, path=path)}
    if hint is dict:
        return {"widget": EXAMPLE_ANSWER_WIDGET, "kind": owner}
    return {"widget": "text" if name in LONG_TEXT else "string"}


def field_entry(cls: type, name: str, hint, required: bool, docs: dict[str, str],
                owner: str = "", path: str = "") -> dict:
    """One form field: name, label, widget settings, whether it is required, its hint."""
    path = path or name
    label, words_hint, one = cms_words.words_for(owner, path)
    entry = {"name": name, "label": label or label_for(name),
             **widget_for(name, hint, owner, path)}
    if one and entry["widget"] == "list":
        entry["label_singular"] = one
    _, optional = _optional(hint)
    entry["required"] = required and not optional
    default = _default(cls, name)
    if default is not None and entry["widget"] in ("number", "select", "boolean"):
        entry["default"] = default
    hint_text = words_hint or docs.get(name)
    if _is_pair(_optional(hint)[0]):
        pair = "Two numbers: the lowest, then the highest."
        hint_text = hint_text or pair
    if hint_text:
        entry["hint"] = hint_text
    return entry


def _default(cls: type, name: str):
    for f in dataclasses.fields(cls):
        if f.name == name and f.default is not dataclasses.MISSING:
            return f.default
    return None


ONLY_FOR = {(model.Example, "target"): "pitch"}
"""Fields that only one kind's forms show: the other kinds never use them."""


def dataclass_fields(cls: type, owner: str = "", skip: tuple[str, ...] = (),
                     path: str = "") -> list[dict]:
    """The form fields of one model class, in the model's order (fields only code fills in,
    such as `line` and `path`, left out). `path` is where the class sits in an exercise file,
    for example "questions.options"."""
    hints, names, required = loader._shape(cls)
    docs = field_docs(cls)
    prefix = path + "." if path else ""
    return [field_entry(cls, name, hints[name], name in required, docs, owner, prefix + name)
            for name in names if name not in skip and ONLY_FOR.get((cls, name), owner) == owner]


# --- collections ------------------------------------------------------------------------------

def exercise_collection(kind: str, cls: type) -> dict:
    """The folder collection for one exercise kind: exercises/*.yml whose kind is `kind`."""
    fields = {entry["name"]: entry for entry in dataclass_fields(cls, owner=kind)}
    fields["id"].update(hint=fields["id"]["hint"].format(example=f"my-{kind}"),
                        pattern=[loader.ID_PATTERN.pattern,
                                 f"Use lowercase letters, digits and single hyphens, for example my-{kind}."])
    fields["kind"] = {"name": "kind", "label": "Kind", "widget": "hidden", "default": kind}
    fields["lesson"] = {**fields["lesson"], "widget": "relation", "collection": "lessons",
                        "search_fields": ["title"], "display_fields": ["title"],
                        "value_field": "lessons/{{slug}}.md", "options_length": 50}
    fields["lesson"].pop("default", None)
    order = [name for name in FIRST if name in fields]
    order += [name for name in fields if name not in LONG_FIRST and name not in order]
    order += [name for name in LONG_FIRST if name in fields]
    return {
        "name": f"exercise-{kind}",
        "label": f"Exercises: {kind}",
        "label_singular": f"{kind} exercise",
        "folder": "exercises",
        "extension": "yml",
        "format": "yml",
        "create": True,
        "delete": False,
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": "{{title}} ({{id}})",
        "filter": {"field": "kind", "value": kind},
        "editor": {"preview": True},
        "fields": [fields[name] for name in order],
    }


def exercise_list_collection() -> dict:
    """Every exercise, hidden from the menu: the "Insert exercise" control and workshop plans
    pick an exercise from it by title."""
    return {
        "name": "exercise-list", "label": "All exercises", "hide": True, "create": False,
        "delete": False, "folder": "exercises", "extension": "yml", "format": "yml",
        "identifier_field": "id", "fields": [
            {"name": "id", "label": "Id", "widget": "string"},
            {"name": "title", "label": "Title", "widget": "string"},
            {"name": "kind", "label": "Kind", "widget": "string"},
        ],
    }


LESSON_HINTS = {
    "title": "Start with the lesson's number, for example \"14. Networking at work\".",
    "description": "One sentence for search engines and link previews.",
    "promise": "What the learner can do by the end, in one sentence.",
    "minutes": "About how long the lesson takes, exercises included.",
    "objectives": "What the learner will do, one short sentence each.",
    "key_points": "The lesson's main ideas, shown in a box at the end.",
}


def lesson_collection() -> dict:
    fields = []
    names = [n for n in LESSON_ORDER if n in page_checks.LESSON_FIELDS]
    names += [n for n in page_checks.LESSON_FIELDS if n not in names]
    for name in names:
        kind = page_checks.LESSON_FIELDS[name]
        entry = {"name": name, "label": label_for(name), "required": True}
        if kind is int:
            entry.update(widget="number", value_type="int", min=1, max=model.MAX_MINUTES)
        elif kind is list:
            one = LESSON_ITEMS.get(name, label_for(name))
            entry.update(widget="list", collapsed=False, label_singular=one.lower(),
                         field={"name": "text", "label": one, "widget": "string"})
        else:
            entry["widget"] = "text" if name in LONG_TEXT else "string"
        if name in LESSON_HINTS:
            entry["hint"] = LESSON_HINTS[name]
        fields.append(entry)
    fields.append({"name": "body", "label": "Lesson text", "widget": TEXT_WIDGET,
                   "insert_exercise": True,
                   "hint": "Written in Markdown (see \"The Markdown you need\"). To place an exercise, "
                           "put the cursor where it goes, choose it by its title and press "
                           "\"Insert exercise\"."})
    return {
        "name": "lessons", "label": "Lessons", "label_singular": "lesson",
        "folder": "docs/lessons", "extension": "md", "format": "frontmatter",
        "create": True, "delete": False, "slug": "{{slug}}",
        "media_folder": "../assets/images", "public_folder": "../assets/images",
        "summary": "{{title}}", "sortable_fields": ["title"], "fields": fields,
    }


def plan_fields(cls: type, table: dict[str, bool], path: str = "") -> list[dict]:
    docs = field_docs(cls)
    hints = typing.get_type_hints(cls, vars(plans))
    fields = []
    for name in table:
        hint = hints[name]
        where = f"{path}.{name}" if path else name
        label, words_hint, one = cms_words.words_for("plan", where)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is list and dataclasses.is_dataclass(args[0]):
            inner = {plans.Session: plans.SESSION_FIELDS, plans.Activity: plans.ACTIVITY_FIELDS}[args[0]]
            entry = {"name": name, "label": label or label_for(name), "widget": "list",
                     "collapsed": False, "fields": plan_fields(args[0], inner, where)}
            if one:
                entry["label_singular"] = one
        else:
            entry = {"name": name, "label": label or label_for(name),
                     **widget_for(name, hint, "plan", where)}
        entry["required"] = table[name]
        if name == "exercise":
            entry.update(widget="relation", collection="exercise-list", search_fields=["title", "id"],
                         display_fields=["title"], value_field="id", options_length=100)
        if words_hint or docs.get(name):
            entry["hint"] = words_hint or docs[name]
        fields.append(entry)
    return fields


def plan_collection() -> dict:
    fields = plan_fields(plans.WorkshopPlan, plans.PLAN_FIELDS)
    fields[0]["pattern"] = [loader.ID_PATTERN.pattern,
                            "Use lowercase letters, digits and single hyphens, for example workshop-60."]
    return {
        "name": "workshops", "label": "Workshop plans", "label_singular": "workshop plan",
        "folder": "workshops", "extension": "yml", "format": "yml", "create": True,
        "delete": False, "identifier_field": "id", "slug": "{{id}}", "summary": "{{title}}",
        "fields": fields,
    }


def glossary_collection() -> dict:
    return {
        "name": "pages", "label": "Glossary", "delete": False, "files": [{
            "name": "glossary", "label": "Glossary", "file": "docs/glossary.md",
            "fields": [
                {"name": "title", "label": "Title", "widget": "string"},
                {"name": "description", "label": "Description", "widget": "text"},
                {"name": "body", "label": "Words and meanings", "widget": TEXT_WIDGET,
                 "hint": "Each word on a line of its own, its meaning on the next line after \":   \"."},
            ],
        }],
    }


def build_config() -> dict:
    """The whole configuration, as plain data."""
    return {
        "backend": {
            "name": "github", "repo": REPO, "branch": "main",
            "base_url": OAUTH_PROXY, "auth_endpoint": "auth",
            "open_authoring": True,
            "commit_messages": {"create": "Add {{collection}} \"{{slug}}\"",
                                "update": "Change {{collection}} \"{{slug}}\"",
                                "delete": "Remove {{collection}} \"{{slug}}\"",
                                "openAuthoring": "{{message}}"},
        },
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": LOCAL_BACKEND},
        "site_url": SITE_URL,
        "logo_url": "../assets/images/logo.svg",
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "collections": [
            lesson_collection(),
            *[exercise_collection(kind, cls) for kind, cls in model.EXERCISE_CLASSES.items()],
            exercise_list_collection(),
            plan_collection(),
            glossary_collection(),
        ],
    }


def render_config() -> str:
    return HEADER + yaml.safe_dump(build_config(), sort_keys=False, allow_unicode=True, width=100)


def out_of_step(root: Path) -> str:
    """"" when admin/config.yml matches the model; otherwise what to do, in plain words."""
    path = root / CONFIG_PATH
    if not path.exists():
        return f"{CONFIG_PATH} is missing. Run `{COMMAND}` to write it."
    if path.read_text(encoding="utf-8") != render_config():
        return (f"{CONFIG_PATH} is out of step with scripts/course/model.py (a field or a kind "
                f"changed). Run `{COMMAND}` and commit the new file.")
    return ""


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    """Write admin/config.yml; with --check, only say whether it is in step."""
    argv = sys.argv[1:] if argv is None else argv
    root = root or Path(__file__).resolve().parents[2]
    if "--check" in argv:
        message = out_of_step(root)
        print(message or f"{CONFIG_PATH} is in step with the model.")
        return 1 if message else 0
    (root / CONFIG_PATH).parent.mkdir(exist_ok=True)
    (root / CONFIG_PATH).write_text(render_config(), encoding="utf-8")
    print(f"Wrote {CONFIG_PATH}")
    return 0
