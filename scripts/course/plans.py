"""Workshop plans: `workshops/<id>.yml` as typed objects, and the checks that keep them valid.

A plan lists the sessions of a workshop and, in each, the activities in the order they happen.
An activity either uses an exercise (by its id) or is a plain step such as a welcome or a break.
The packet builder (`worksheets.py`) prints a learner packet and a facilitator packet from it.

Like exercises, every object keeps the line in its file where it starts, so a problem can point
the author at the right place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, problem
from .yamlfile import compose, describe_node, read_text, suggest, whole_number

PLAN_FIELDS = {"id": True, "title": True, "description": True, "sessions": True}
"""Fields of a plan; True when it must be there."""
SESSION_FIELDS = {"title": True, "minutes": True, "activities": True}
ACTIVITY_FIELDS = {"title": False, "exercise": False, "minutes": True, "notes": False, "timing": False}


@dataclass
class Activity:
    """One step of a session: an exercise, or a plain step such as a welcome or a break."""

    minutes: int
    """How long the step takes with a group."""
    title: str = ""
    """The name of a plain step. For an exercise, the exercise's own title is used."""
    exercise: str = ""
    """The id of the exercise this step uses, or empty for a plain step."""
    notes: str = ""
    """What the facilitator does in this workshop; printed in the facilitator packet."""
    timing: str = ""
    """Why the activity takes a different time here than the exercise says; printed in the
    facilitator's timing box."""
    line: int = 0


@dataclass
class Session:
    """One meeting of the group. A single workshop has one session; a series has several."""

    title: str
    minutes: int
    """The length of the meeting. The activities must fit inside it."""
    activities: list[Activity] = field(default_factory=list)
    line: int = 0


@dataclass
class WorkshopPlan:
    id: str
    """The same as the file name without `.yml`, for example `workshop-60`."""
    title: str
    description: str
    """One or two sentences on who the workshop is for and what people leave with."""
    sessions: list[Session] = field(default_factory=list)
    path: Path = Path()
    line: int = 1

    @property
    def exercise_ids(self) -> list[str]:
        """Every exercise the plan uses, in the order they happen, each once."""
        seen: dict[str, None] = {}
        for session in self.sessions:
            for activity in session.activities:
                if activity.exercise:
                    seen.setdefault(activity.exercise)
        return list(seen)

    @property
    def minutes(self) -> int:
        return sum(session.minutes for session in self.sessions)


# --- loading ----------------------------------------------------------------------------------

class _Reader:
    """Reads values from a composed YAML node tree and collects problems with their lines."""

    def __init__(self, path: Path, root: Path | None):
        self.path = path
        self.root = root
        self.problems: list[Problem] = []

    def report(self, code: str, node: yaml.Node | None, **fields) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (0, 0)
        self.problems.append(problem(code, self.path, line, col, root=self.root, **fields))

    def mapping(self, node: yaml.Node, allowed: dict[str, bool], where: str) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.report("plan-wrong-type", node, field=where, expected="a list of fields (name: value)")
            return None
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else describe_node(key_node)
            if key not in allowed:
                self.report("plan-unknown-key", key_node, key=key, where=where,
                            allowed=", ".join(allowed))
            elif key in fields:
                self.report("plan-duplicate-key", key_node, key=key, where=where)
            else:
                fields[key] = value_node
        for name, required in allowed.items():
            if required and name not in fields:
                self.report("plan-missing-field", node, field=name, where=where)
        return fields

    def text(self, fields: dict[str, yaml.Node], name: str) -> str:
        node = fields.get(name)
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            self.report("plan-wrong-type", node, field=name, expected="some text")
            return ""
        return str(node.value).strip()

    def minutes(self, fields: dict[str, yaml.Node]) -> int:
        node = fields.get("minutes")
        if node is None:
            return 0
        number = whole_number(node)
        if number is None or number <= 0:
            value = node.value if isinstance(node, yaml.ScalarNode) else describe_node(node)
            self.report("plan-bad-minutes", node, value=value or "empty")
            return 0
        return number

    def sequence(self, fields: dict[str, yaml.Node], name: str) -> list[yaml.Node]:
        node = fields.get(name)
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.report("plan-wrong-type", node, field=name, expected="a list with at least one item")
            return []
        return node.value


def load_plan(path: Path, root: Path | None = None) -> tuple[WorkshopPlan | None, list[Problem]]:
    """Read one plan file. Returns the plan (None when the file cannot be read at all) and the
    problems found in its shape: missing fields, unknown fields, minutes that are not above 0."""
    path = Path(path)
    reader = _Reader(path, root)
    text, problems = read_text(path, root)
    document = None
    if text is not None:
        document, problems = compose(text, path, root)
    if document is None:
        return None, problems
    top = reader.mapping(document, PLAN_FIELDS, "the plan")
    if top is None:
        return None, reader.problems
    plan = WorkshopPlan(id=reader.text(top, "id"), title=reader.text(top, "title"),
                        description=reader.text(top, "description"), path=path,
                        line=document.start_mark.line + 1)
    for session_node in reader.sequence(top, "sessions"):
        session_fields = reader.mapping(session_node, SESSION_FIELDS, "a session")
        if session_fields is None:
            continue
        session = Session(title=reader.text(session_fields, "title"),
                          minutes=reader.minutes(session_fields),
                          line=session_node.start_mark.line + 1)
        for activity_node in reader.sequence(session_fields, "activities"):
            activity_fields = reader.mapping(activity_node, ACTIVITY_FIELDS, "an activity")
            if activity_fields is None:
                continue
            activity = Activity(minutes=reader.minutes(activity_fields),
                                title=reader.text(activity_fields, "title"),
                                exercise=reader.text(activity_fields, "exercise"),
                                notes=reader.text(activity_fields, "notes"),
                                timing=reader.text(activity_fields, "timing"),
                                line=activity_node.start_mark.line + 1)
            if not activity.title and not activity.exercise:
                reader.report("plan-activity-empty", activity_node)
            elif activity.title and activity.exercise:
                reader.report("plan-activity-both", activity_node)
            session.activities.append(activity)
        plan.sessions.append(session)
    return plan, reader.problems


def plan_files(root: Path) -> list[Path]:
    return sorted((Path(root) / "workshops").glob("*.yml"))


def exercise_ids(root: Path) -> set[str]:
    """The ids of every exercise file, taken from the file names."""
    return {path.stem for path in (Path(root) / "exercises").glob("*.yml")}


def check_plan(plan: WorkshopPlan, known_exercises: set[str], root: Path | None = None,
               minutes: dict[str, int] | None = None) -> list[Problem]:
    """Problems that need more than the plan's own file: exercise ids, whether the activities
    fit in each session, and (with `minutes`, exercise id -> its minutes) an activity whose
    time differs from its exercise's without a `timing` note saying why."""
    found: list[Problem] = []
    if plan.id and plan.id != plan.path.stem:
        # A copied plan keeps the id of the plan it came from; that file name is taken.
        taken = (plan.path.parent / f"{plan.id}.yml").exists()
        found.append(problem("plan-id-mismatch", plan.path, plan.line, root=root,
                             id=plan.id, stem=plan.path.stem, situation="name-taken" if taken else ""))
    for session in plan.sessions:
        for activity in session.activities:
            if activity.exercise and activity.exercise not in known_exercises:
                found.append(problem("plan-unknown-exercise", plan.path, activity.line, root=root,
                                     id=activity.exercise,
                                     suggestion=suggest(activity.exercise, sorted(known_exercises))))
            own = (minutes or {}).get(activity.exercise)
            if own and activity.minutes and activity.minutes != own and not activity.timing:
                found.append(problem("plan-minutes-differ", plan.path, activity.line, root=root,
                                     id=activity.exercise, plan=activity.minutes, exercise=own))
        total = sum(activity.minutes for activity in session.activities)
        if session.minutes and total > session.minutes:
            found.append(problem("plan-too-long", plan.path, session.line, root=root,
                                 session=session.title, total=total, minutes=session.minutes))
    return found


def load_plans(root: Path, minutes: dict[str, int] | None = None) -> tuple[list[WorkshopPlan], list[Problem]]:
    """Every plan in `workshops/` and every problem in them, checks included. `minutes`:
    exercise id -> its minutes, when the caller has the exercises loaded."""
    root = Path(root)
    known = exercise_ids(root)
    plans: list[WorkshopPlan] = []
    found: list[Problem] = []
    for path in plan_files(root):
        plan, problems = load_plan(path, root)
        found.extend(problems)
        if plan is not None:
            found.extend(check_plan(plan, known, root, minutes))
            plans.append(plan)
    return plans, found


def check_plans(root: Path, minutes: dict[str, int] | None = None) -> list[Problem]:
    """Every problem in every workshop plan, for `check_course`."""
    return load_plans(root, minutes)[1]
