"""The browser editor's configuration is written from the model and kept in step with it.

Every field of every exercise kind must have a form field with the right widget, whether it is
required, its allowed values and its number range; a model change without `make cms-config`
fails here, with a message naming the command.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import typing
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from conftest import PYTHON, ROOT, build_env
from course import cms_config, editor_files, lesson_nav, loader, model


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def _fields(entries: list[dict]) -> dict[str, dict]:
    return {entry["name"]: entry for entry in entries}


def test_the_committed_config_is_in_step_with_the_model():
    assert cms_config.out_of_step(ROOT) == "", cms_config.out_of_step(ROOT)


def test_a_model_field_added_without_regenerating_names_the_command(tmp_path, monkeypatch):
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "config.yml").write_text(cms_config.render_config())
    assert cms_config.out_of_step(tmp_path) == ""

    monkeypatch.setitem(model.EXERCISE_CLASSES, "quiz", QuizWithHint)
    message = cms_config.out_of_step(tmp_path)
    assert "out of step" in message and "make cms-config" in message
    assert "hint" in _fields(_collection(cms_config.build_config(), "exercise-quiz")["fields"])


@dataclass
class QuizWithHint(model.QuizExercise):
    hint: str = ""
    """A new field."""


@dataclass
class Line:
    speaker: str
    text: str
    line: int = 0


@dataclass
class DialogueExercise(model.Exercise):
    lines: list[Line] = field(default_factory=list)
    """What each person says, in order."""


def test_a_new_kind_needs_only_regenerating(monkeypatch):
    """A kind the model gains gets its form with no change here."""
    monkeypatch.setitem(model.EXERCISE_CLASSES, "roleplay", DialogueExercise)
    collection = _collection(cms_config.build_config(), "exercise-roleplay")
    assert collection["filter"] == {"field": "kind", "value": "roleplay"}
    lines = _fields(collection["fields"])["lines"]
    assert lines["widget"] == "list" and lines["hint"] == "What each person says, in order."
    assert [f["name"] for f in lines["fields"]] == ["speaker", "text"]
    assert all(f["required"] for f in lines["fields"])


def _check_fields(cls: type, entries: list[dict], where: str) -> list[str]:
    """Every model field against its form field: widget, required, choices, range, nesting."""
    hints, names, required = loader._shape(cls)
    kind = where.split(".")[0]
    names = [name for name in names if cms_config.ONLY_FOR.get((cls, name), kind) == kind]
    by_name = _fields(entries)
    problems = [f"{where}: no form field for {name}" for name in names if name not in by_name]
    for name in names:
        entry = by_name.get(name)
        if entry is None:
            continue
        hint, optional = cms_config._optional(hints[name])
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if entry["widget"] != "hidden" and entry["required"] != (name in required and not optional):
            problems.append(f"{where}.{name}: required is {entry['required']}")
        if origin is typing.Literal and [o["value"] for o in entry.get("options", [])] != list(args):
            problems.append(f"{where}.{name}: choices {entry.get('options')} != {list(args)}")
        if hint is int:
            low, high = model.NUMBER_RANGES.get(name, (None, None))
            if entry.get("min") != low or entry.get("max") != high:
                problems.append(f"{where}.{name}: range {entry.get('min')}..{entry.get('max')}")
        if hint is bool and entry["widget"] != "boolean":
            problems.append(f"{where}.{name}: widget {entry['widget']}")
        if origin is list and dataclasses.is_dataclass(args[0]):
            problems += _check_fields(args[0], entry["fields"], f"{where}.{name}")
        elif dataclasses.is_dataclass(hint):
            problems += _check_fields(hint, entry["fields"], f"{where}.{name}")
    return problems


def test_every_field_of_every_kind_has_a_fitting_form_field():
    config = yaml.safe_load((ROOT / cms_config.CONFIG_PATH).read_text())
    problems = []
    for kind, cls in model.EXERCISE_CLASSES.items():
        collection = _collection(config, f"exercise-{kind}")
        assert collection["folder"] == "exercises" and collection["filter"]["value"] == kind
        problems += _check_fields(cls, collection["fields"], kind)
    assert problems == []
    quiz = _fields(_collection(config, "exercise-quiz")["fields"])
    assert quiz["id"]["pattern"][0] == loader.ID_PATTERN.pattern
    assert quiz["minutes"]["max"] == model.MAX_MINUTES
    assert quiz["kind"] == {"name": "kind", "label": "Kind", "widget": "hidden", "default": "quiz"}
    # an example's target version is a pitch's only: the other kinds' forms do not ask for it
    for kind, shown in (("pitch", True), ("message", False), ("quiz", False)):
        examples = _fields(_collection(config, f"exercise-{kind}")["fields"])["examples"]["fields"]
        assert ("target" in _fields(examples)) == shown, kind


def test_the_check_finds_a_field_that_disagrees():
    """The comparison above can fail: a form field that lost its range or its choices."""
    fields = cms_config.dataclass_fields(model.TrackerExercise, owner="tracker")
    by_name = _fields(fields)
    del by_name["rows"]["max"]
    by_name["columns"]["fields"][2]["options"] = [{"label": "Text", "value": "text"}]
    problems = _check_fields(model.TrackerExercise, fields, "tracker")
    assert any("rows: range" in p for p in problems)
    assert any("columns.type: choices" in p for p in problems)


def test_the_command_writes_and_checks_the_config(tmp_path):
    result = subprocess.run([PYTHON, "scripts/write_cms_config.py", "--check"], cwd=ROOT,
                            env=build_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "config.yml").write_text("collections: []\n")
    assert cms_config.main(["--check"], root=tmp_path) == 1
    assert cms_config.main([], root=tmp_path) == 0
    assert cms_config.main(["--check"], root=tmp_path) == 0


def test_new_lessons_join_the_menu_in_file_name_order():
    nav = [{"Home": "index.md"},
           {"Lessons": ["lessons/01-a.md", "lessons/03-c.md"]},
           {"Editing": ["editing/index.md"]}]
    lesson_nav.nav_with_lessons(nav, ["lessons/01-a.md", "lessons/02-b.md", "lessons/03-c.md",
                                      "lessons/14-new.md"])
    assert nav[1]["Lessons"] == ["lessons/01-a.md", "lessons/02-b.md", "lessons/03-c.md",
                                 "lessons/14-new.md"]
    assert nav[2] == {"Editing": ["editing/index.md"]}
    assert lesson_nav.nav_with_lessons(None, ["lessons/01-a.md"]) is None


def test_the_editor_is_copied_without_source_maps_and_left_out_without_node(tmp_path):
    site = tmp_path / "site"
    copied = editor_files.copy_editor(ROOT, site, ["assets/stylesheets/course.css"])
    names = {p.name for p in (site / "admin").iterdir()}
    assert {"index.html", "config.yml", "editor.js", "decap-cms.js", "course-settings.js"} <= names
    assert not [n for n in names if n.endswith(".map") or n.startswith("cms.")]
    assert copied < 8_000_000
    empty = tmp_path / "no-node"
    (empty / "admin").mkdir(parents=True)
    assert editor_files.copy_editor(empty, tmp_path / "site2", []) == 0
    assert not (tmp_path / "site2").exists()


def test_the_built_site_has_the_editor_but_not_in_menu_search_or_zip(site_dir, tmp_path):
    assert (site_dir / "admin" / "decap-cms.js").exists()
    assert not list((site_dir / "admin").glob("*.map"))
    assert 'href="admin/' not in (site_dir / "index.html").read_text()        # not in the menu
    index = json.loads((site_dir / "search" / "search_index.json").read_text())
    assert [d for d in index["docs"] if d["location"].startswith("admin")] == []
    # The guide to the editor is built, and kept out of the learners' search like every editing page.
    assert (site_dir / "editing" / "browser.html").exists()
    assert not [d for d in index["docs"] if d["location"].startswith("editing/")]
    bundle = tmp_path / "course.zip"
    subprocess.run([PYTHON, "scripts/make_zip.py", str(site_dir), str(bundle)], cwd=ROOT, check=True)
    import zipfile
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert "index.html" in names and not [n for n in names if n.startswith("admin/")]


def _labels(entries: list[dict], form: str) -> list[str]:
    """Every label and every list button ("Add ...") of a form, as a counsellor reads them."""
    seen = []
    for entry in entries:
        if entry.get("widget") == "hidden":
            continue
        seen.append(entry["label"])
        if entry.get("widget") == "list":
            seen.append("Add " + entry.get("label_singular", entry["label"]))
            if "field" in entry:
                seen.append(entry["field"]["label"])
        seen += _labels(entry.get("fields", []), form)
    return seen


def _repeated(labels: list[str]) -> list[str]:
    lowered = [label.lower() for label in labels]
    return sorted({label for label in labels if lowered.count(label.lower()) > 1})


def test_no_two_fields_or_list_buttons_on_a_form_share_a_name():
    config = yaml.safe_load((ROOT / cms_config.CONFIG_PATH).read_text())
    repeated = {c["name"]: _repeated(_labels(c["fields"], c["name"]))
                for c in config["collections"] if "fields" in c}
    assert {name: labels for name, labels in repeated.items() if labels} == {}
    # the other side: two lists both called "Parts" are found
    assert _repeated(_labels([{"label": "Parts", "widget": "list", "fields": []},
                              {"label": "Length", "widget": "object", "fields": [
                                  {"label": "Parts", "widget": "list", "field": {"label": "Part"}}]}],
                             "x")) == ["Add Parts", "Parts"]


def test_ids_of_other_parts_of_the_form_are_chosen_not_typed():
    config = yaml.safe_load((ROOT / cms_config.CONFIG_PATH).read_text())
    message = _fields(_collection(config, "exercise-message")["fields"])
    pitch = _fields(_collection(config, "exercise-pitch")["fields"])
    sort = _fields(_collection(config, "exercise-sort")["fields"])
    dialogue = _fields(_collection(config, "exercise-dialogue")["fields"])
    chosen = [_fields(message["length"]["fields"])["parts"], _fields(pitch["targets"]["fields"])["parts"],
              _fields(pitch["examples"]["fields"])["target"], _fields(sort["items"]["fields"])["category"],
              dialogue["learner"], _fields(dialogue["lines"]["fields"])["role"]]
    assert [(f["widget"], f["from"]) for f in chosen] == [
        ("entry-choice", "parts"), ("entry-choice", "parts"), ("entry-choice", "targets"),
        ("entry-choice", "categories"), ("entry-choice", "roles"), ("entry-choice", "roles")]
    assert [f["multiple"] for f in chosen] == [True, True, False, False, False, False]
    # a part's own id is still typed, once
    assert _fields(message["parts"]["fields"])["id"]["widget"] == "string"


def _hints(entries: list[dict]) -> list[str]:
    return [text for entry in entries
            for text in [entry.get("hint", "")] + _hints(entry.get("fields", []))]


def test_every_hint_fits_its_kind():
    """A quiz's words (letters, options) only on a quiz; every other hint names its own things."""
    config = yaml.safe_load((ROOT / cms_config.CONFIG_PATH).read_text())
    answers = {}
    for kind in model.EXERCISE_CLASSES:
        fields = _fields(_collection(config, f"exercise-{kind}")["fields"])
        hints = " ".join(_hints(_collection(config, f"exercise-{kind}")["fields"])).lower()
        if kind != "quiz":
            assert not [word for word in ("quiz", "option", "letter") if word in
                        hints.replace("lowercase letters", "").replace("four letters", "")], kind
        if "examples" in fields:
            answers[kind] = _fields(fields["examples"]["fields"])["answer"]["hint"]
    assert "tick the options" in answers["quiz"]
    assert "category" in answers["sort"]
    assert "each part" in answers["pitch"] and "each part" in answers["message"]
    assert "choice point" in answers["dialogue"]
    assert len(set(answers.values())) == 4      # pitch and message share theirs
