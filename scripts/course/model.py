"""The exercise model: one typed class per exercise kind.

Every exercise file in `exercises/` becomes one of these objects (see `loader.py`). The site,
the printed worksheets and the checker all read these objects, never the YAML directly.

Every object keeps `line`: the line in its source file where it starts, so a problem found later
(by a check, or while rendering) can still point the author at the right place.

`KIND_INFO` at the end is the one registry of exercise kinds: a new kind is a model class and
one entry there (plus its check, its rules if it is checkable, and its templates).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Union

QUESTION_TYPES = ("single", "multiple", "truefalse")
COLUMN_TYPES = ("text", "date", "choice")
DEFAULT_WORDS_PER_MINUTE = 130
DEFAULT_PASS_MARK = 80
DEFAULT_REPEAT_LIMIT = 2
OPTION_LETTERS = "abcdefghijklmnopqrstuvwxyz"
MAX_MINUTES = 180
"""The longest time an exercise or a lesson may say it takes."""
MAX_ROWS = 60
"""The most blank rows a tracker may print (60 rows is about three pages)."""
MAX_LINES = 30
"""The most writing lines a reflection prompt may print (30 lines is about a page)."""
ROLE_COUNT = (2, 3)
"""A dialogue has two or three roles (the fewest and the most)."""
CHOICE_COUNT = (2, 4)
"""A choice point in a dialogue offers two to four things to say."""
MAX_LINE_WORDS = 25
"""A dialogue line longer than this gets a warning: spoken English is short."""
NUMBER_RANGES: dict[str, tuple[int | None, int | None]] = {
    "minutes": (1, MAX_MINUTES), "pass_mark": (0, 100), "words_per_minute": (1, None),
    "repeat_limit": (1, None), "seconds": (1, None), "send_within_days": (0, None),
    "width": (1, 4), "rows": (1, MAX_ROWS), "lines": (1, MAX_LINES),
}
"""The smallest and largest value of each whole-number field (None: no limit). The checker
enforces them, and the browser editor's number boxes use them."""


@dataclass
class Facilitator:
    """Notes for the counsellor who runs the exercise with a group. Printed only in the
    facilitator edition of a worksheet."""

    timing: str = ""
    """How to spend the minutes, for example "5 minutes alone, 5 in pairs"."""
    group: str = ""
    """How to run the exercise with a group."""
    prompts: list[str] = field(default_factory=list)
    """Questions to start a discussion afterwards."""
    answer_key: str = ""
    """Extra notes on the answers. Quiz and sort answer keys are also built from the options."""
    line: int = 0


@dataclass
class Example:
    """A sample answer that must pass or fail the exercise's rules, exactly as declared.
    The checker runs every example; a counsellor sees at once if a rule change breaks one."""

    name: str
    """A short description, for example "a good 30-second speech"."""
    expect: Literal["pass", "fail"]
    answer: dict
    """The answer in the same shape the site exports (see `rules.py`)."""
    target: str = ""
    """Pitch only: which target version the example is judged against (its id)."""
    line: int = 0


# --- quiz -------------------------------------------------------------------------------------

@dataclass
class Option:
    text: str
    """The answer as the learner reads it."""
    correct: bool = False
    feedback: str = ""
    """What the learner reads after choosing this option: why it is right or wrong."""
    line: int = 0


@dataclass
class Question:
    prompt: str
    type: Literal["single", "multiple", "truefalse"] = "single"
    """single: one right option. multiple: one or more right options. truefalse: two options
    (for example "Myth" and "Fact"), one of them right."""
    options: list[Option] = field(default_factory=list)
    explanation: str = ""
    """Shown after the learner checks the answer, whatever they chose."""
    line: int = 0


# --- sort -------------------------------------------------------------------------------------

@dataclass
class Category:
    id: str
    label: str
    description: str = ""
    line: int = 0


@dataclass
class SortItem:
    text: str
    category: str
    """The id of the category the item belongs in."""
    feedback: str = ""
    line: int = 0


# --- pitch and message ------------------------------------------------------------------------

@dataclass
class Part:
    """One named part of an elevator speech or a message, with its own writing box."""

    id: str
    label: str
    hint: str = ""
    """A short tip shown under the box."""
    example: str = ""
    """A sample sentence for this part, shown as a placeholder."""
    required: bool = False
    line: int = 0


@dataclass
class Target:
    """A version of an elevator speech with its own length, for example 10 or 30 seconds."""

    id: str
    label: str
    seconds: int
    words: tuple[int, int]
    """The word range (minimum, maximum) that fits the time."""
    parts: list[str] = field(default_factory=list)
    """Ids of the parts this version uses; empty means all parts."""
    line: int = 0


@dataclass
class FlaggedWord:
    """A word or phrase to avoid (jargon, filler), and why."""

    word: str
    reason: str
    line: int = 0


@dataclass
class LengthRule:
    """How long a message should be. Either range may be left out."""

    sentences: tuple[int, int] | None = None
    words: tuple[int, int] | None = None
    parts: list[str] = field(default_factory=list)
    """Ids of the parts whose sentences and words are counted, for example the body of a note
    without its greeting and closing; empty means all parts."""
    line: int = 0

    def left_out(self, parts: list[Part]) -> list[Part]:
        """The parts of the message that are not counted, in the message's order."""
        return [part for part in parts if self.parts and part.id not in self.parts]

    def not_counting(self, parts: list[Part]) -> str:
        """What the counts leave out, in plain words from the parts' labels, for example
        "not counting the greeting and the closing"; empty when every part is counted."""
        labels = [_as_object(part.label) for part in self.left_out(parts)]
        if not labels:
            return ""
        listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        return f"not counting {listed}"


_DETERMINERS = {"a", "an", "the", "your", "my", "our", "their", "his", "her", "one", "any"}


def _as_object(label: str) -> str:
    """A part's label inside a sentence: "Greeting" -> "the greeting", "Your thanks" ->
    "your thanks"; "ID number" and "LinkedIn message" keep their capitals."""
    label = " ".join(label.split())
    first = label.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and not any(char.isupper() for char in first[1:]):
        label = label[0].lower() + label[1:]
    return label if first.lower() in _DETERMINERS else f"the {label}"


# --- tracker, reflection, checklist -----------------------------------------------------------

@dataclass
class Column:
    id: str
    label: str
    type: Literal["text", "date", "choice"] = "text"
    options: list[str] = field(default_factory=list)
    """The choices, for a column of type "choice"."""
    width: int = 1
    """Relative width on the printed page (1 to 4)."""
    line: int = 0


@dataclass
class Prompt:
    text: str
    lines: int = 4
    """How many handwriting lines the worksheet prints for the answer."""
    line: int = 0


@dataclass
class ChecklistItem:
    text: str
    line: int = 0


# --- dialogue ---------------------------------------------------------------------------------

@dataclass
class Situation:
    """Where the conversation happens, who is there, and what the learner wants from it.
    Shown above the transcript and on every role-play card."""

    where: str
    who: str
    goal: str
    line: int = 0


@dataclass
class Role:
    """One person in a dialogue."""

    id: str
    """Lowercase letters, digits and hyphens; lines name their speaker by this id."""
    name: str
    """The name shown in the transcript and on the card, for example "You" or "Samira"."""
    brief: str
    """One or two sentences for the role-play card: who this person is and how they act."""
    line: int = 0


@dataclass
class Choice:
    """One thing the learner could say at a choice point."""

    text: str
    feedback: str = ""
    """Why this is a good or a weak thing to say; shown after the learner chooses."""
    good: bool = False
    line: int = 0


@dataclass
class DialogueLine:
    """One turn of the conversation: either a `text`, or (learner's lines only) `choices`.
    At a choice point the conversation goes on with the first good choice (`spoken`)."""

    role: str
    """The id of the role who speaks."""
    text: str = ""
    choices: list[Choice] = field(default_factory=list)
    prompt: str = ""
    """A question shown above the choices, for example "What could you say next?"."""
    note: str = ""
    """A short note shown in italics under the line: how to say it ("Smile and wait for an answer")
    or what happens ("Claire holds out her hand")."""
    line: int = 0

    @property
    def spoken(self) -> str:
        """What is said: the text, or at a choice point the first good choice (else the first)."""
        if self.text or not self.choices:
            return self.text
        return next((choice.text for choice in self.choices if choice.good), self.choices[0].text)


# --- exercises --------------------------------------------------------------------------------

@dataclass
class Exercise:
    """Fields every exercise has. `kind` picks the subclass."""

    id: str
    """Lowercase letters, digits and hyphens; the same as the file name without `.yml`."""
    title: str
    lesson: str
    """The lesson page it belongs to, as a path under docs/, for example lessons/05-elevator-speech.md."""
    kind: str
    instructions: str
    minutes: int
    """Estimated time for one learner working alone."""
    facilitator: Facilitator = field(default_factory=Facilitator)
    draft: bool = False
    """A draft is built for preview but left out of the published navigation and printables."""
    path: Path = Path()
    """The source file."""
    line: int = 1


@dataclass
class QuizExercise(Exercise):
    questions: list[Question] = field(default_factory=list)
    pass_mark: int = DEFAULT_PASS_MARK
    """The percentage of questions that must be right to pass."""
    examples: list[Example] = field(default_factory=list)


@dataclass
class SortExercise(Exercise):
    categories: list[Category] = field(default_factory=list)
    items: list[SortItem] = field(default_factory=list)
    pass_mark: int = DEFAULT_PASS_MARK
    examples: list[Example] = field(default_factory=list)


@dataclass
class PitchExercise(Exercise):
    parts: list[Part] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE
    """The speaking rate used to estimate time until the learner measures their own pace."""
    flagged: list[FlaggedWord] = field(default_factory=list)
    repeat_limit: int = DEFAULT_REPEAT_LIMIT
    """A word of four letters or more used more often than this is pointed out."""
    examples: list[Example] = field(default_factory=list)


@dataclass
class MessageExercise(Exercise):
    parts: list[Part] = field(default_factory=list)
    length: LengthRule = field(default_factory=LengthRule)
    send_within_days: int | None = None
    """Days after the meeting by which to send the message; the site computes a "send by" date."""
    timing: str = ""
    """Advice on when to send, in plain words."""
    flagged: list[FlaggedWord] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)


@dataclass
class TrackerExercise(Exercise):
    columns: list[Column] = field(default_factory=list)
    rows: int = 8
    """How many blank rows the worksheet prints."""
    row_name: str = "Entry"
    """What one row is, for the numbered cards on the site: "Contact" gives "Contact 1"."""


@dataclass
class ReflectionExercise(Exercise):
    prompts: list[Prompt] = field(default_factory=list)


@dataclass
class ChecklistExercise(Exercise):
    items: list[ChecklistItem] = field(default_factory=list)
    plan_lines: list[str] = field(default_factory=list)
    """Labels of lines the printed worksheet adds under the list, for the learner's own plan
    (for example "Where:", "Who:", "My first words:")."""


@dataclass
class DialogueExercise(Exercise):
    situation: Situation = field(default_factory=lambda: Situation("", "", ""))
    roles: list[Role] = field(default_factory=list)
    learner: str = ""
    """The id of the role the learner plays."""
    lines: list[DialogueLine] = field(default_factory=list)
    pass_mark: int = DEFAULT_PASS_MARK
    """The percentage of choice points that must be answered well to pass."""
    examples: list[Example] = field(default_factory=list)

    @property
    def choice_points(self) -> list[DialogueLine]:
        """The lines with choices, in order: choice point 1, 2, ..."""
        return [line for line in self.lines if line.choices]

    def role(self, role_id: str) -> Role | None:
        return next((role for role in self.roles if role.id == role_id), None)


def is_checkable(exercise: Exercise) -> bool:
    """True when the exercise's answers can be checked (and so it needs examples): every quiz,
    sort, pitch and message, and a dialogue with at least one choice point."""
    if isinstance(exercise, DialogueExercise):
        return bool(exercise.choice_points)
    return exercise.kind in CHECKABLE_KINDS


AnyExercise = Union[QuizExercise, SortExercise, PitchExercise, MessageExercise,
                    TrackerExercise, ReflectionExercise, ChecklistExercise, DialogueExercise]


@dataclass(frozen=True)
class KindInfo:
    """What the rest of the code needs to know about one kind of exercise, by its name."""

    cls: type
    """The model class an exercise file of this kind becomes."""
    label: str
    """What the learner reads above the title on the site, for example "Quiz"."""
    checkable: bool = False
    """Its answers can be checked, so it carries passing and failing examples."""
    required: tuple[str, ...] = ()
    """Fields an author must write although the model class has a default for them."""
    answer: Literal["letters", "letter", "text"] = "text"
    """How an example's answer values are read: a list of option letters (quiz), one choice
    letter (dialogue), or text (the others)."""


KIND_INFO: dict[str, KindInfo] = {
    "quiz": KindInfo(QuizExercise, "Quiz", True, ("questions",), "letters"),
    "sort": KindInfo(SortExercise, "Sorting exercise", True, ("categories", "items")),
    "pitch": KindInfo(PitchExercise, "Speech builder", True, ("parts", "targets")),
    "message": KindInfo(MessageExercise, "Message builder", True, ("parts", "length")),
    "tracker": KindInfo(TrackerExercise, "Tracker", required=("columns",)),
    "reflection": KindInfo(ReflectionExercise, "Reflection", required=("prompts",)),
    "checklist": KindInfo(ChecklistExercise, "Checklist", required=("items",)),
    "dialogue": KindInfo(DialogueExercise, "Conversation practice", True,
                         ("situation", "roles", "learner", "lines"), "letter"),
}
"""Every exercise kind, in the order the authoring guide explains them."""

KINDS = tuple(KIND_INFO)
CHECKABLE_KINDS = tuple(kind for kind, info in KIND_INFO.items() if info.checkable)
"""Kinds whose answers can be checked; each must carry passing and failing examples (a
dialogue only when it has choice points: see `is_checkable`)."""
EXERCISE_CLASSES: dict[str, type[Exercise]] = {kind: info.cls for kind, info in KIND_INFO.items()}
