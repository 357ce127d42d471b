"""Every message the checker can print, in one table keyed by code.

To improve the wording of a message (or translate it), change it here only. Each entry has:
- the message, with `{placeholders}` filled in by the check that found the problem;
- a one-line hint in plain words that says how to fix it;
- the level (error or warning);
- the page and anchor in the editing guide (docs/editing/) that explains the rule;
- for a few codes, other hints that fit a particular situation better, chosen by the check
  with the field `situation` (for example: the file name the usual hint suggests is taken).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from string import Formatter
from typing import Mapping


@dataclass(frozen=True)
class Message:
    text: str
    hint: str
    level: str = "error"
    guide_anchor: str = ""
    """Where the editing guide explains this, as a path under docs/ with an anchor."""
    hints_for: Mapping[str, str] = field(default_factory=dict)
    """Hints that replace `hint` in a situation the check names with `situation="..."`."""


GUIDE = "editing/checker.md"
"""The page of the editing guide that explains every message, one heading per code."""

MESSAGES: dict[str, Message] = {
    # --- reading the file ---------------------------------------------------------------------
    "file-unreadable": Message(
        "This file could not be opened: {reason}.",
        "Check that the file exists and that you are allowed to read it.",
        guide_anchor=GUIDE + "#file-unreadable"),
    "not-utf8": Message(
        "This file is not saved as UTF-8 text (a character on this line cannot be read).",
        "Open the file in your editor and save it again with the encoding \"UTF-8\".",
        guide_anchor=GUIDE + "#not-utf8"),
    "empty-file": Message(
        "This file is empty.",
        "Start from a complete example in the exercise file reference.",
        guide_anchor=GUIDE + "#empty-file"),
    "wrong-extension": Message(
        "This file ends in \".yaml\". Exercise files must end in \".yml\".",
        "Rename it to {suggested}.",
        guide_anchor=GUIDE + "#wrong-extension"),
    "yaml-tab": Message(
        "This line is indented with a tab.",
        "Use spaces, not tabs: two spaces for each level.",
        guide_anchor=GUIDE + "#yaml-tab"),
    "yaml-quote": Message(
        "A quote that starts here is never closed.",
        "Add the closing quote mark, or remove the opening one.",
        guide_anchor=GUIDE + "#yaml-quote"),
    "yaml-colon": Message(
        "This line has a colon (:) in a place where it is not allowed.",
        "If the text has a colon followed by a space or at the end of the line, "
        "put the whole text in quotes.",
        guide_anchor=GUIDE + "#yaml-colon"),
    "yaml-indent": Message(
        "The indentation on this line does not line up with the lines above.",
        "Fields at the same level must start in the same column. Use two spaces for each level.",
        guide_anchor=GUIDE + "#yaml-indent"),
    "yaml-start-char": Message(
        "A value here starts with \"{char}\", which is not allowed at the start of a value.",
        "Put the whole text in quotes.",
        guide_anchor=GUIDE + "#yaml-start-char"),
    "yaml-syntax": Message(
        "This line cannot be read: {problem}.",
        "Check the indentation and the quotes on this line and the line above.",
        guide_anchor=GUIDE + "#yaml-syntax"),
    "duplicate-key": Message(
        "\"{key}\" appears twice here (it was first on line {first}).",
        "Keep only one of them.",
        guide_anchor=GUIDE + "#duplicate-key"),
    # --- the shape of the file ----------------------------------------------------------------
    "not-a-mapping": Message(
        "{what} should be a set of fields such as \"{example}: ...\", but it is {actual}.",
        "Write each field on its own line as a name, a colon, a space and the value.",
        guide_anchor=GUIDE + "#not-a-mapping"),
    "wrong-type": Message(
        "\"{field}\" should be {expected}, but it is {actual}.",
        "{example_hint}",
        guide_anchor=GUIDE + "#wrong-type"),
    "empty-value": Message(
        "\"{field}\" has no value.",
        "Write the value after the colon, or remove the line.",
        guide_anchor=GUIDE + "#empty-value"),
    "missing-field": Message(
        "\"{field}\" is missing{where}.",
        "Add a line \"{field}: ...\". The exercise file reference shows an example.",
        guide_anchor=GUIDE + "#missing-field"),
    "unknown-key": Message(
        "\"{key}\" is not a field {where}.",
        "{suggestion}",
        guide_anchor=GUIDE + "#unknown-key"),
    "unknown-kind": Message(
        "\"{kind}\" is not a kind of exercise.",
        "{suggestion}Use one of: {kinds}.",
        guide_anchor=GUIDE + "#unknown-kind"),
    "bad-value": Message(
        "\"{field}\" is \"{value}\", which is not allowed.",
        "{suggestion}Use one of: {allowed}.",
        guide_anchor=GUIDE + "#bad-value"),
    "bad-id": Message(
        "The id \"{id}\" has characters that are not allowed.",
        "Use only lowercase letters, digits and hyphens, for example \"thank-you-note\".",
        guide_anchor=GUIDE + "#bad-id"),
    "id-file-mismatch": Message(
        "The id \"{id}\" is not the same as the file name \"{file}\".",
        "Rename the file to \"{id}.yml\", or change the id to \"{stem}\".",
        guide_anchor=GUIDE + "#id-file-mismatch",
        hints_for={"name-taken": "Change the line \"id: {id}\" to \"id: {stem}\", the same as "
                                 "the file name. Do not rename the file: there is already "
                                 "a file called {id}.yml."}),
    "duplicate-id": Message(
        "The id \"{id}\" is also used in {other}.",
        "If this file is a copy, give it a new id: change the \"id\" line, "
        "and rename the file to match.",
        guide_anchor=GUIDE + "#duplicate-id",
        hints_for={"name-free": "Change the line \"id: {id}\" to \"id: {stem}\", "
                                "the same as the file name."}),
    "duplicate-item-id": Message(
        "Two {what} have the id \"{id}\" (the first is on line {first}).",
        "Give each one its own id.",
        guide_anchor=GUIDE + "#duplicate-item-id"),
    "empty-list": Message(
        "\"{field}\" has no entries.",
        "Add at least one entry, each starting with a dash and a space.",
        guide_anchor=GUIDE + "#empty-list"),
    "out-of-range": Message(
        "\"{field}\" is {value}, but it must be {allowed}.",
        "Change the number.",
        guide_anchor=GUIDE + "#out-of-range"),
    "unknown-lesson": Message(
        "The lesson \"{lesson}\" does not exist.",
        "Write the path of a lesson inside docs/, for example \"lessons/05-elevator-speech.md\".",
        guide_anchor=GUIDE + "#unknown-lesson"),
    # --- quiz and sort ------------------------------------------------------------------------
    "correct-count": Message(
        "Question {number} is a {type} question, so exactly one option must be right, "
        "but {count} are marked \"correct: true\".",
        "Mark exactly one option with \"correct: true\", or use \"type: multiple\".",
        guide_anchor=GUIDE + "#correct-count"),
    "no-correct-option": Message(
        "Question {number} has no right option.",
        "Mark at least one option with \"correct: true\".",
        guide_anchor=GUIDE + "#no-correct-option"),
    "truefalse-options": Message(
        "Question {number} is a true-or-false question, so it needs exactly two options, "
        "but it has {count}.",
        "Give it two options, such as \"Myth\" and \"Fact\", or use \"type: single\".",
        guide_anchor=GUIDE + "#truefalse-options"),
    "missing-feedback": Message(
        "{what} has no feedback.",
        "Add \"feedback:\" with a sentence that says why this answer is right or wrong.",
        guide_anchor=GUIDE + "#missing-feedback"),
    "unknown-category": Message(
        "Item {number} is in the category \"{category}\", which does not exist.",
        "{suggestion}Use the id of one of the categories: {categories}.",
        guide_anchor=GUIDE + "#unknown-category"),
    # --- pitch and message --------------------------------------------------------------------
    "range-order": Message(
        "\"{field}\" goes from {low} to {high}: the first number must not be bigger than the second.",
        "Write the smaller number first, for example [50, 75].",
        guide_anchor=GUIDE + "#range-order"),
    "target-too-long": Message(
        "Target \"{target}\" needs at least {words} words, which take about {needed} seconds "
        "at {wpm} words a minute, but it allows only {seconds} seconds.",
        "Lower the first number of \"words\", or raise \"seconds\".",
        guide_anchor=GUIDE + "#target-too-long"),
    "unknown-part": Message(
        "{what} names the part \"{part}\", which does not exist.",
        "{suggestion}Use the id of one of the parts: {parts}.",
        guide_anchor=GUIDE + "#unknown-part"),
    # --- examples -----------------------------------------------------------------------------
    "missing-example": Message(
        "This {kind} exercise has no example that must {expect}.",
        "Add an example with \"expect: {expect}\", so the checker can test the rules.",
        guide_anchor=GUIDE + "#missing-example"),
    "example-mismatch": Message(
        "Example \"{name}\" should {expect}, but it {actual}: {details}.",
        "Change the example's answer, or change the rules, so they agree.",
        guide_anchor=GUIDE + "#example-mismatch"),
    "example-answer": Message(
        "Example \"{name}\": {details}.",
        "{fix}",
        guide_anchor=GUIDE + "#example-answer"),
    # --- lessons ------------------------------------------------------------------------------
    "front-matter-missing": Message(
        "This lesson has no front matter (the block between two \"---\" lines at the top).",
        "Start the file with \"---\", the fields title, description, promise, minutes, "
        "objectives and key_points, and another \"---\".",
        guide_anchor=GUIDE + "#front-matter-missing"),
    "unknown-exercise": Message(
        "This page uses the exercise \"{id}\", which does not exist.",
        "{suggestion}Check the id, or add the file exercises/{id}.yml.",
        guide_anchor=GUIDE + "#unknown-exercise"),
    "broken-exercise": Message(
        "This page uses the exercise \"{id}\", but {file} has a mistake.",
        "Fix the messages about {file} first. Then this message goes away.",
        guide_anchor=GUIDE + "#broken-exercise"),
    "unused-exercise": Message(
        "The exercise \"{id}\" is not used on any page.",
        "Add \"/// exercise | {id}\" and \"///\" to its lesson ({lesson}).",
        level="warning", guide_anchor=GUIDE + "#unused-exercise"),
    "wrong-lesson": Message(
        "The exercise \"{id}\" is placed on this page, but its file says it belongs to {lesson}.",
        "Change \"lesson:\" in exercises/{id}.yml, or move the exercise.",
        level="warning", guide_anchor=GUIDE + "#wrong-lesson"),
    "exercise-block": Message(
        "This exercise block is not closed.",
        "Put a line with only \"///\" right after \"/// exercise | {id}\".",
        guide_anchor=GUIDE + "#exercise-block"),
    "broken-link": Message(
        "The link to \"{target}\" goes to a page that does not exist.",
        "{suggestion}Check the file name and the number of \"../\" at the start.",
        guide_anchor=GUIDE + "#broken-link"),
    "broken-anchor": Message(
        "The link \"{target}\" goes to \"#{anchor}\", which is not a heading on {page}.",
        "{suggestion}Copy the link from the heading's link symbol on the site.",
        guide_anchor=GUIDE + "#broken-anchor"),
    "image-alt": Message(
        "The image \"{src}\" has no description.",
        "Write what the picture shows between the square brackets: ![A short description]({src}).",
        guide_anchor=GUIDE + "#image-alt"),
    "image-missing": Message(
        "The image \"{src}\" does not exist.",
        "Check the file name, or add the picture to docs/assets/images/.",
        guide_anchor=GUIDE + "#image-missing"),
    # --- readability --------------------------------------------------------------------------
    "reading-grade": Message(
        "This lesson reads at grade {grade}; aim for grade {limit} or lower.",
        "Use shorter sentences and more common words.{hardest}",
        level="warning", guide_anchor=GUIDE + "#reading-grade"),
    "sentence-length": Message(
        "Sentences in this lesson have {average} words on average; aim for {limit} or fewer.",
        "Split long sentences in two.{hardest}",
        level="warning", guide_anchor=GUIDE + "#sentence-length"),
    "lesson-time": Message(
        "This lesson says it takes {stated} minutes, but it needs about {needed}: {words} words "
        "to read at {pace} words a minute, plus {exercises} minutes of exercises.",
        "Change `minutes:` to {needed} or more, or make the lesson shorter.",
        level="warning", guide_anchor=GUIDE + "#lesson-time"),
    # --- the program itself -------------------------------------------------------------------
    "internal-error": Message(
        "The checker failed on this file ({error}). This is a bug, please report it.",
        "Send this message and the file to the people who maintain the course.",
        guide_anchor=GUIDE + "#internal-error"),
    # --- workshop plans (workshops/*.yml) -----------------------------------------------------
    "plan-wrong-type": Message(
        "\"{field}\" should be {expected}.",
        "Compare this part with another plan in the workshops/ folder.",
        guide_anchor=GUIDE + "#plan-wrong-type"),
    "plan-missing-field": Message(
        "\"{field}\" is missing in {where}.",
        "Add a line \"{field}: ...\". Another plan in the workshops/ folder shows an example.",
        guide_anchor=GUIDE + "#plan-missing-field"),
    "plan-unknown-key": Message(
        "\"{key}\" is not a field of {where}.",
        "Check the spelling. The fields allowed here are: {allowed}.",
        guide_anchor=GUIDE + "#plan-unknown-key"),
    "plan-duplicate-key": Message(
        "\"{key}\" appears twice in {where}.",
        "Keep only one of them.",
        guide_anchor=GUIDE + "#plan-duplicate-key"),
    "plan-bad-minutes": Message(
        "\"minutes\" is {value}, but it must be a whole number above 0.",
        "Write the number of minutes, for example \"minutes: 10\".",
        guide_anchor=GUIDE + "#plan-bad-minutes"),
    "plan-activity-empty": Message(
        "This activity has neither a \"title\" nor an \"exercise\".",
        "Add \"exercise:\" with an exercise id, or \"title:\" for a step such as a break.",
        guide_anchor=GUIDE + "#plan-activity-empty"),
    "plan-activity-both": Message(
        "This activity has both a \"title\" and an \"exercise\".",
        "Keep only one: an activity with an exercise uses the exercise's own title.",
        guide_anchor=GUIDE + "#plan-activity-both"),
    "plan-unknown-exercise": Message(
        "This activity uses the exercise \"{id}\", which does not exist.",
        "{suggestion}Write the name of a file in exercises/, without \".yml\".",
        guide_anchor=GUIDE + "#plan-unknown-exercise"),
    "plan-too-long": Message(
        "The activities in \"{session}\" add up to {total} minutes, "
        "but the session lasts only {minutes} minutes.",
        "Shorten or remove an activity, or make the session longer.",
        guide_anchor=GUIDE + "#plan-too-long"),
    "plan-id-mismatch": Message(
        "The id \"{id}\" is not the same as the file name \"{stem}\".",
        "Rename the file to \"{id}.yml\", or change the id to \"{stem}\".",
        guide_anchor=GUIDE + "#plan-id-mismatch",
        hints_for={"name-taken": "Change the line \"id: {id}\" to \"id: {stem}\", the same as "
                                 "the file name. Do not rename the file: there is already "
                                 "a file called {id}.yml."}),
}


class _Fields(dict):
    """Leaves an unknown placeholder visible instead of failing, so a wording slip never
    hides the problem it describes."""

    def __missing__(self, key):
        return "{" + key + "}"


def render(code: str, situation: str = "", **fields) -> tuple[str, str, str]:
    """The message, hint and level for `code`, with the placeholders filled in.

    `situation` picks one of the entry's `hints_for` instead of its usual hint; an unknown
    situation (or none) keeps the usual hint."""
    entry = MESSAGES.get(code) or MESSAGES["internal-error"]
    values = _Fields({k: "" if v is None else v for k, v in fields.items()})
    formatter = Formatter()
    hint = entry.hints_for.get(situation, entry.hint)
    return (formatter.vformat(entry.text, (), values).strip(),
            formatter.vformat(hint, (), values).strip(),
            entry.level)


def placeholders(code: str) -> set[str]:
    """The placeholder names used by a message and its hint (for tests)."""
    entry = MESSAGES[code]
    return {name for text in (entry.text, entry.hint, *entry.hints_for.values())
            for _, name, _, _ in Formatter().parse(text) if name}
