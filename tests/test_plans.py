"""Workshop plans: loading with lines, and every check from both sides (a good plan passes,
each kind of mistake is reported at the right line)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from course.plans import check_plans, load_plan, load_plans
from course.report import format_problem

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
id: demo
title: A demo workshop
description: For tests.
sessions:
  - title: First
    minutes: 30
    activities:
      - title: Welcome
        minutes: 5
        notes: Say hello.
      - exercise: alpha
        minutes: 10
      - exercise: beta
        minutes: 15
  - title: Second
    minutes: 20
    activities:
      - exercise: alpha
        minutes: 20
"""


def write(root: Path, text: str, name: str = "demo") -> Path:
    (root / "workshops").mkdir(exist_ok=True)
    (root / "exercises").mkdir(exist_ok=True)
    for exercise in ("alpha", "beta"):
        (root / "exercises" / f"{exercise}.yml").write_text(f"id: {exercise}\n", encoding="utf-8")
    path = root / "workshops" / f"{name}.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def codes_and_lines(root: Path) -> list[tuple[str, int]]:
    return sorted((p.code, p.line) for p in check_plans(root))


def test_a_good_plan_loads_with_lines(tmp_path):
    path = write(tmp_path, GOOD)
    plan, problems = load_plan(path, tmp_path)
    assert problems == []
    assert check_plans(tmp_path) == []
    assert plan.id == "demo" and plan.minutes == 50
    assert plan.exercise_ids == ["alpha", "beta"]  # plan order, each once
    assert [s.line for s in plan.sessions] == [5, 15]
    assert [a.line for a in plan.sessions[0].activities] == [8, 11, 13]
    assert plan.sessions[0].activities[0].notes == "Say hello."


@pytest.mark.parametrize("old, new, code, line", [
    ("      - exercise: beta\n", "      - exercise: gamma\n", "plan-unknown-exercise", 13),
    ("        minutes: 15\n", "        minutes: -15\n", "plan-bad-minutes", 14),
    ("        minutes: 15\n", "        minutes: 0\n", "plan-bad-minutes", 14),
    ("        minutes: 15\n", "        minutes: ten\n", "plan-bad-minutes", 14),
    ("        minutes: 15\n", "        minutes: 16\n", "plan-too-long", 5),
    ("        minutes: 5\n        notes", "        minutes: 5\n        colour: red\n        notes",
     "plan-unknown-key", 10),
    ("description: For tests.\n", "", "plan-missing-field", 1),
    ("    minutes: 20\n", "", "plan-missing-field", 15),
    ("      - exercise: beta\n", "      - notes: no title\n", "plan-activity-empty", 13),
    ("      - exercise: beta\n", "      - exercise: beta\n        title: Beta\n", "plan-activity-both", 13),
    ("id: demo\n", "id: other\n", "plan-id-mismatch", 1),
    ("    activities:\n      - exercise: alpha\n        minutes: 20\n", "    activities: none\n",
     "plan-wrong-type", 17),
])
def test_each_mistake_is_reported_at_its_line(tmp_path, old, new, code, line):
    assert old in GOOD
    write(tmp_path, GOOD.replace(old, new, 1))
    assert (code, line) in codes_and_lines(tmp_path)


def test_activities_that_exactly_fill_the_session_are_fine(tmp_path):
    write(tmp_path, GOOD)
    assert "plan-too-long" not in {code for code, _ in codes_and_lines(tmp_path)}


def test_yaml_mistakes_name_the_line(tmp_path):
    write(tmp_path, GOOD.replace("  - title: Second\n", "  - title: Second\n\tminutes: 3\n"))
    problems = check_plans(tmp_path)
    assert problems and problems[0].line == 16 and problems[0].path == "workshops/demo.yml"


def test_messages_are_plain_and_name_file_and_line(tmp_path):
    write(tmp_path, GOOD.replace("      - exercise: beta\n", "      - exercise: gamma\n", 1))
    text = format_problem(check_plans(tmp_path)[0])
    assert text.startswith("workshops/demo.yml:13: error [plan-unknown-exercise]")
    assert '"gamma"' in text and "Traceback" not in text


def test_load_plans_returns_every_plan(tmp_path):
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("id: demo", "id: second"), name="second")
    plans, problems = load_plans(tmp_path)
    assert [p.id for p in plans] == ["demo", "second"] and problems == []


def test_the_shipped_plans_are_valid():
    plans, problems = load_plans(ROOT)
    assert [format_problem(p) for p in problems] == []
    assert {"workshop-60", "workshop-90", "workshop-120", "series-4"} <= {p.id for p in plans}
    lengths = {p.id: [s.minutes for s in p.sessions] for p in plans}
    assert lengths["workshop-60"] == [60] and lengths["workshop-90"] == [90]
    assert lengths["workshop-120"] == [120] and len(lengths["series-4"]) == 4


def test_an_unknown_exercise_suggests_a_near_miss(tmp_path):
    write(tmp_path, GOOD.replace("      - exercise: beta\n", "      - exercise: btea\n", 1))
    found = next(p for p in check_plans(tmp_path) if p.code == "plan-unknown-exercise")
    assert found.message == 'This activity uses the exercise "btea", which does not exist.'
    assert found.hint == 'Did you mean "beta"? Write the name of a file in exercises/, without ".yml".'


def test_an_unknown_exercise_far_from_any_gets_no_suggestion(tmp_path):
    write(tmp_path, GOOD.replace("      - exercise: beta\n", "      - exercise: networking-bingo\n", 1))
    found = next(p for p in check_plans(tmp_path) if p.code == "plan-unknown-exercise")
    assert found.hint == 'Write the name of a file in exercises/, without ".yml".'


def test_a_copied_plan_is_told_to_change_its_id_not_its_file_name(tmp_path):
    write(tmp_path, GOOD)
    write(tmp_path, GOOD, name="my-workshop")  # a copy that still says "id: demo"
    write(tmp_path, GOOD.replace("id: demo", "id: fresh"), name="third")
    hints = {p.path: p.hint for p in check_plans(tmp_path) if p.code == "plan-id-mismatch"}
    assert hints["workshops/my-workshop.yml"] == (
        'Change the line "id: demo" to "id: my-workshop", the same as the file name. '
        "Do not rename the file: there is already a file called demo.yml.")
    assert hints["workshops/third.yml"] == 'Rename the file to "fresh.yml", or change the id to "third".'


def test_plan_minutes_are_read_like_exercise_minutes(tmp_path):
    write(tmp_path, GOOD.replace("        minutes: 15\n", "        minutes: 015\n", 1))
    assert codes_and_lines(tmp_path) == []
    for written in ("0b_", "1:30", '"15"'):
        write(tmp_path, GOOD.replace("        minutes: 15\n", f"        minutes: {written}\n", 1))
        assert ("plan-bad-minutes", 14) in codes_and_lines(tmp_path)


def test_a_key_that_is_a_list_is_named_in_words(tmp_path):
    write(tmp_path, "[a, b]: 1\n" + GOOD)
    unknown = [p for p in check_plans(tmp_path) if p.code == "plan-unknown-key"]
    assert unknown and unknown[0].message == '"a list" is not a field of the plan.'


def test_an_activity_with_other_minutes_needs_a_timing_note(tmp_path):
    """A plan may give an activity another time than its exercise, but must say why."""
    write(tmp_path, GOOD)
    minutes = {"alpha": 10, "beta": 15}
    assert [p.code for p in check_plans(tmp_path, minutes)] == ["plan-minutes-differ"]  # alpha: 20 in session 2
    found = check_plans(tmp_path, minutes)[0]
    assert found.level == "warning" and found.line == 18 and "20 minutes" in found.message
    write(tmp_path, GOOD.replace("      - exercise: alpha\n        minutes: 20\n",
                                 "      - exercise: alpha\n        minutes: 20\n        timing: Twice, in pairs.\n"))
    assert check_plans(tmp_path, minutes) == []
    assert load_plans(tmp_path)[0][0].sessions[1].activities[0].timing == "Twice, in pairs."


def test_the_shipped_plans_say_why_when_their_minutes_differ():
    from course.loader import load_exercise
    minutes = {path.stem: load_exercise(path, ROOT)[0].minutes for path in (ROOT / "exercises").glob("*.yml")}
    assert [format_problem(p) for p in check_plans(ROOT, minutes)] == []
