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

import re
from dataclasses import dataclass, field
from pathlib import Path
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

def _course_url(mkdocs_yml: Path = Path(__file__).resolve().parents[2] / "mkdocs.yml") -> str:
    """`extra: course_url:` in mkdocs.yml, the one place the course's address is written (the
    worksheets print it, the browser editor and the checker link to it)."""
    try:
        found = re.search(r"^\s+course_url:\s*[\"']?([^\s\"'#]+)", mkdocs_yml.read_text(encoding="utf-8"), re.M)
    except (OSError, UnicodeDecodeError):
        found = None
    return found.group(1) if found else "https://networking-demystified.github.io/course/"


PUBLISHED_SITE = _course_url()
"""Where the course is published (GitHub Pages); messages on a pull request link to the
guide there, since a file path means nothing in a browser."""

CAUSED_BY_ABOVE = "Probably caused by the problem above: fix that one first, then check again."
"""Printed with a problem that another, printed just before it, most likely caused."""
CAUSED_BY_FILE = "Probably caused by the problem in {file}: fix that one first, then check again."
"""The same, on a pull request, where each message shows on its own line of a file."""

SERVE_BANNER_HEADING = "{count} to fix before the site can be published"
SERVE_BANNER_INTRO = ("This preview works around them, but make site and the checks on a pull "
                      "request stop until they are fixed. After a fix, save the file: the page "
                      "reloads and this box goes away. The terminal and make check show the same list.")
SERVE_BANNER_MORE = "... and {count} more: run make check to see them all."
SERVE_STEPS = {
    "setup": "First run: setting up the course's tools in .venv (about a minute, only once)...",
    "site": "Step 1 of 2: building the site. The preview opens at {url} in a few seconds. "
            "Stop it with Ctrl+C.",
    "worksheets": "Step 2 of 2: the preview is ready. The printable worksheets are being built "
                  "behind it (the first time takes a few minutes; after that, only what changed).",
    "current": "Step 2 of 2: the printable worksheets are up to date.",
    "progress": "Worksheets: {done} of {total} made...",
    "ready": "Worksheets ready. {summary} The Printables page links to them now.",
    "failed": "The worksheets could not be built (see above). The preview goes on without them: "
              "fix the problem, then run make serve again.",
}
"""What `make serve` says while it works, so a long first run is never silent."""

PRINTABLES_BUILDING = ("The PDFs are still being made{progress}. Their links work once they are "
                       "ready; this page reloads by itself then.")
PRINTABLES_FAILED = ("The PDFs could not be made: the terminal running make serve says why. "
                     "Fix the problem, then run make serve again.")
"""What the Printables page says under `make serve` while the worksheets are built behind the
preview, or when that build stopped."""

SUMMARY_HEADING = "Check lessons and exercises"
SUMMARY_NONE = "Every lesson and exercise passed the check."

MESSAGES: dict[str, Message] = {
    # --- reading the file ---------------------------------------------------------------------
    "file-unreadable": Message(
        "This file could not be opened: {reason}.",
        "Check that the file exists and that you are allowed to read it.",
        guide_anchor=GUIDE + "#file-unreadable"),
    "not-utf8": Message(
        "This file is not saved as UTF-8 text: the character {where} (probably \"{char}\") "
        "cannot be read.",
        "Open the file in your editor and save it again with the encoding \"UTF-8\". "
        "Then check that \"{char}\" still looks right.",
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
        "Use spaces, not tabs: line it up with \"{key}\" above, {spaces} spaces from the left.",
        guide_anchor=GUIDE + "#yaml-tab",
        hints_for={"inside": "Use spaces, not tabs: {spaces} spaces from the left, two more "
                             "than \"{key}\" above.",
                   "left": "Remove the tab: this line starts at the left edge, like \"{key}\" above.",
                   "no-line-above": "Use spaces, not tabs: two spaces for each level."}),
    "yaml-missing-colon": Message(
        "Line {number} may be missing a colon after the field name.",
        "Write the field name, a colon, a space and the value, for example \"{example}\".",
        guide_anchor=GUIDE + "#yaml-missing-colon"),
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
        guide_anchor=GUIDE + "#unknown-lesson",
        hints_for={"lesson-gone": "This lesson was probably removed or renamed. Write the path of "
                                  "the lesson this exercise belongs to now, for example "
                                  "\"lessons/05-elevator-speech.md\", or remove the exercise."}),
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
    # --- dialogue -----------------------------------------------------------------------------
    "role-count": Message(
        "This dialogue has {count} roles, but a dialogue needs 2 or 3.",
        "Keep two or three people in the conversation: it is easier to practise in pairs or threes.",
        guide_anchor=GUIDE + "#role-count"),
    "unknown-role": Message(
        "{what} names the role \"{role}\", which does not exist.",
        "{suggestion}Use the id of one of the roles: {roles}.",
        guide_anchor=GUIDE + "#unknown-role"),
    "learner-silent": Message(
        "The learner's role \"{role}\" has no lines.",
        "Give the learner at least one line (\"role: {role}\"), or change \"learner\".",
        guide_anchor=GUIDE + "#learner-silent"),
    "line-text": Message(
        "Line {number} of the dialogue has {what}.",
        "Give each line either \"text:\" or \"choices:\", not both.",
        guide_anchor=GUIDE + "#line-text"),
    "choices-not-learner": Message(
        "Line {number} has choices, but it is said by \"{role}\", not by the learner (\"{learner}\").",
        "Only the learner's lines can have choices. Write \"text:\" for this line instead.",
        guide_anchor=GUIDE + "#choices-not-learner"),
    "choice-count": Message(
        "Line {number} has {count} choices, but a choice point needs 2 to 4.",
        "Give the learner two, three or four things they could say.",
        guide_anchor=GUIDE + "#choice-count"),
    "no-good-choice": Message(
        "None of the choices of line {number} is marked good.",
        "Mark at least one choice with \"good: true\": the conversation goes on with it.",
        guide_anchor=GUIDE + "#no-good-choice"),
    "prompt-without-choices": Message(
        "Line {number} has a \"prompt\" but no choices, so the prompt is never shown.",
        "Remove the prompt, or add choices to the line.",
        level="warning", guide_anchor=GUIDE + "#prompt-without-choices"),
    "long-line": Message(
        "Line {number} of the dialogue has {words} words; spoken lines are easier with {limit} or fewer.",
        "Split it into two short sentences, or give part of it to the next line.",
        level="warning", guide_anchor=GUIDE + "#long-line"),
    "nothing-to-check": Message(
        "This dialogue has no choice points, so its examples have nothing to check.",
        "Remove \"examples\", or add a line with \"choices\".",
        level="warning", guide_anchor=GUIDE + "#nothing-to-check"),
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
    "exercise-twice": Message(
        "The exercise \"{id}\" is placed here a second time: it is already on {first}, line {first_line}.",
        "An exercise can be placed once in the whole course, because its saved answers belong to "
        "one place. Remove one of the two blocks. To use it twice, copy its file with a new id.",
        guide_anchor=GUIDE + "#exercise-twice"),
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
        guide_anchor=GUIDE + "#broken-link",
        hints_for={"lesson-gone": "There is no lesson with this name: this lesson "
                                  "was probably removed or renamed. Link to the lesson that "
                                  "replaced it, or remove the link."}),
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
    # --- everyday slips in the text -------------------------------------------------------------
    "template-text": Message(
        "\"{text}\" is example text from the template for a new {what}.",
        "Replace it with your own words. Until it is ready, add the line \"draft: true\" "
        "to keep it off the published site.",
        guide_anchor=GUIDE + "#template-text"),
    "curly-quotes": Message(
        "This line has curly quotes (“ ”) around a value, and curly quotes are not quote marks "
        "in YAML, so the line cannot be read.",
        "Replace “ ” with straight quotes (\"), or remove them.",
        guide_anchor=GUIDE + "#curly-quotes"),
    "curly-quotes-shown": Message(
        "This value starts and ends with curly quotes (“ ”): they will show on the page as part "
        "of the text.",
        "If they were meant to mark the text, replace “ ” with straight quotes (\"). If they "
        "should show, put straight quotes around them too: '“...”'.",
        level="warning", guide_anchor=GUIDE + "#curly-quotes-shown"),
    "long-sentence": Message(
        "This sentence has {words} words, more than {limit} (the lesson's sentences have "
        "{average} words on average).",
        "Split it into two or three sentences: \"{start}\"",
        level="warning", guide_anchor=GUIDE + "#long-sentence"),
    # --- a pitch or message checked with --exercise ID --text FILE -------------------------------
    "text-not-plain": Message(
        "This is a {what}, not a plain-text file, so the words in it cannot be read.",
        "In your word processor, choose File > Save As (or Download), pick \"Plain text (.txt)\" "
        "and the encoding \"UTF-8\". Then run the command again with the .txt file.",
        guide_anchor=GUIDE + "#text-not-plain"),
    "text-not-utf8": Message(
        "This text file is not saved as UTF-8, so some of its characters cannot be read.",
        "Open it in your editor and save it again with the encoding \"UTF-8\" (in Notepad: "
        "File > Save As, then Encoding: UTF-8). Then run the command again.",
        guide_anchor=GUIDE + "#text-not-utf8"),
    # --- make new-lesson, rename-lesson, remove-lesson (nothing is changed when they refuse) ------
    "name-unquoted": Message(
        "The name has spaces but no quotes, so make only saw \"{name}\" and took \"{extra}\" "
        "for other commands.",
        "Put the whole name in double quotes: make {command} NAME=\"{name} {extra}\"",
        guide_anchor=GUIDE + "#name-unquoted"),
    "lesson-not-found": Message(
        "There is no lesson \"{lesson}\".",
        "Copy one of these after LESSON=, for example: make {command} LESSON=lessons/04-give-first.md"
        "\n    {lessons}",
        guide_anchor=GUIDE + "#lesson-not-found"),
    "move-unreadable": Message(
        "{file} cannot be read, so links to the lesson cannot be fixed safely.",
        "Run make check and fix the message about {file} first.",
        guide_anchor=GUIDE + "#move-unreadable"),
    "rename-no-name": Message(
        "No new name was given for {lesson}.",
        "Add NAME= with the new name in quotes, for example NAME=\"Give before you ask\".",
        guide_anchor=GUIDE + "#rename-no-name"),
    "rename-same": Message(
        "{lesson} already has this name.",
        "To change only the title, edit the \"title:\" line in the lesson instead.",
        guide_anchor=GUIDE + "#rename-same"),
    "rename-taken": Message(
        "A lesson with this name already exists: {new}.",
        "Choose another name, or remove that lesson first.",
        guide_anchor=GUIDE + "#rename-taken"),
    "remove-has-dependents": Message(
        "{lesson} cannot be removed: {count} other places still use it.",
        "Move or remove these first (or rename the lesson instead), then run the command again:"
        "\n    {list}",
        guide_anchor=GUIDE + "#remove-has-dependents"),
    # --- make serve ------------------------------------------------------------------------------
    "port-busy": Message(
        "Port {port} is already in use, so the preview cannot start there. Maybe make serve is "
        "already running in another window.",
        "Open http://127.0.0.1:{port} to see if it is. Or choose another port: make serve PORT={other}",
        guide_anchor=GUIDE + "#port-busy"),
    "bad-port": Message(
        "PORT={port} is not a port number.",
        "Use a whole number from 1024 to 65535, for example: make serve PORT=8001",
        guide_anchor=GUIDE + "#bad-port"),
    # --- the menu (nav: in mkdocs.yml) -----------------------------------------------------------
    "nav-missing-page": Message(
        "The menu (nav: in mkdocs.yml) names the page \"{page}\", which does not exist.",
        "{suggestion}If the page was renamed, write its new file name on this line. "
        "If it was removed, delete this line.",
        guide_anchor=GUIDE + "#nav-missing-page"),
    "not-in-menu": Message(
        "The page \"{page}\" is not in the menu (nav: in mkdocs.yml), so the site cannot show it.",
        "Add the line \"- {page}\" to mkdocs.yml {section}after line {after}, lined up with the line above.",
        guide_anchor=GUIDE + "#not-in-menu",
        hints_for={"no-menu": "Add the line \"- {page}\" under \"nav:\" in mkdocs.yml."}),
    "lesson-not-in-menu": Message(
        "The lesson \"{page}\" is not in the menu (nav: in mkdocs.yml). The site adds it by itself, "
        "after the other lessons in the order of their file names.",
        "To choose its place, add the line \"- {page}\" to mkdocs.yml {section}after line {after}, "
        "lined up with the line above. A lesson made by copying another lesson's file still has "
        "that lesson's title and exercises: change them too.",
        level="warning", guide_anchor=GUIDE + "#lesson-not-in-menu",
        hints_for={"no-menu": "To choose its place, add the line \"- {page}\" under \"nav:\" in mkdocs.yml."}),
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
    "plan-minutes-differ": Message(
        "This activity gives \"{id}\" {plan} minutes, but the exercise says {exercise} minutes.",
        "Add a line \"timing:\" to the activity that says why it takes {plan} minutes here (the "
        "facilitator packet prints it), or give it {exercise} minutes.",
        level="warning", guide_anchor=GUIDE + "#plan-minutes-differ"),
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
