"""A dialogue on paper: role-play cards for learners, the full script for the facilitator.

`role_cards(exercise)` gives one card per role, in the roles' order. Each card lists the role's
own lines, each with its cue (the line just before it, said by someone else), so the person
holding the card knows when to speak. At a choice point the card shows the first good choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import model


@dataclass
class CardLine:
    number: int
    """The line's number in the whole conversation (1 for the first line)."""
    text: str
    cue_name: str = ""
    cue: str = ""
    """The line before, when someone else says it: "Rosa: Cold one today, isn't it?"."""
    note: str = ""


@dataclass
class RoleCard:
    role: model.Role
    learner: bool
    lines: list[CardLine] = field(default_factory=list)


def _name(exercise: model.DialogueExercise, role_id: str) -> str:
    role = exercise.role(role_id)
    return role.name if role else role_id


def role_cards(exercise: model.DialogueExercise) -> list[RoleCard]:
    cards = []
    for role in exercise.roles:
        card = RoleCard(role, role.id == exercise.learner)
        for index, line in enumerate(exercise.lines):
            if line.role != role.id:
                continue
            before = exercise.lines[index - 1] if index else None
            cue = before if before is not None and before.role != role.id else None
            card.lines.append(CardLine(index + 1, line.spoken,
                                       _name(exercise, cue.role) if cue else "",
                                       cue.spoken if cue else "", line.note))
        cards.append(card)
    return cards
