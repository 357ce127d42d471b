"""The words on the browser editor's forms: each field's label, its hint, and the name of one
item of a list (which Decap CMS puts on the list's button: "Add question").

Counsellors who are not programmers read these forms, so the words are plain and fit the kind
of exercise they appear on. A field is found by its path in the exercise file, first for its
own kind ("quiz.examples.answer"), then for every kind ("*.examples.answer"). A field with no
entry here gets its name as its label and its docstring in model.py as its hint.

Rules the forms keep (tests/test_cms_config.py checks them):
- a switch (yes or no) reads as a statement that is true when it is on;
- no two fields of one form share a label, so no two lists share a button;
- a field that holds ids of other parts of the same form lets you choose them (cms_config.py
  gives it the widget `entry-choice` of admin/editor.js), so nobody types an id twice.
"""

from __future__ import annotations

CHOICE_WIDGET = "entry-choice"
"""A widget of the course's own (admin/editor.js): choose among the ids of a list elsewhere
in the same form, shown by their labels."""

CHOICES: dict[str, dict] = {
    "sort.items.category": {"from": "categories", "show": "label"},
    "pitch.targets.parts": {"from": "parts", "show": "label", "multiple": True},
    "pitch.examples.target": {"from": "targets", "show": "label"},
    "message.length.parts": {"from": "parts", "show": "label", "multiple": True},
    "dialogue.learner": {"from": "roles", "show": "name"},
    "dialogue.lines.role": {"from": "roles", "show": "name"},
}
"""Fields that hold the id of an item of another list in the same exercise: `from` names the
list, `show` the field of its items that the choice shows, `multiple` allows several."""

_PART = {
    "parts": ("Parts", "The boxes the learner writes in, one part each.", "part"),
    "parts.id": ("Part id", "A short name for this part, used only inside the file: lowercase "
                 "letters, digits and hyphens, for example greeting.", None),
    "parts.label": ("Part name", "The heading the learner sees above the box.", None),
    "parts.hint": ("Tip under the box", "A short tip the learner sees under the box.", None),
    "parts.example": ("Example sentence", "A sample sentence for this part. The learner sees it "
                      "in the empty box.", None),
    "parts.required": ("The learner must fill in this part", "When this is on, an answer with "
                       "this part empty does not pass.", None),
    "flagged": ("Words to avoid", "Words or phrases the site points out, with the reason.",
                "word to avoid"),
    "flagged.word": ("Word or phrase", None, None),
    "flagged.reason": ("Why to avoid it", "The learner reads this when the word is pointed out.",
                       None),
}

WORDS: dict[str, tuple[str, str | None, str | None]] = {
    # every exercise: (label, hint, name of one item of a list)
    "*.id": ("Exercise id", "A short name for the file: lowercase letters, digits and hyphens, "
             "for example {example}. Do not change it after the exercise is published.", None),
    "*.title": ("Title", "The exercise's title, as the learner sees it.", None),
    "*.lesson": ("Lesson", "The lesson this exercise belongs to. Type a few words of its title, "
                 "then choose it.", None),
    "*.minutes": ("Minutes", "About how long one learner takes, working alone.", None),
    "*.instructions": ("Instructions", "What the learner does, in one or two short sentences.",
                       None),
    "*.facilitator": ("Notes for the facilitator", "Printed only in the facilitator's edition "
                      "of the worksheet.", None),
    "*.facilitator.timing": ("How to spend the time", "For example \"5 minutes alone, 5 in "
                             "pairs\".", None),
    "*.facilitator.group": ("Running it with a group", "How to run the exercise with a group.",
                            None),
    "*.facilitator.prompts": ("Discussion questions", "Questions to ask the group afterwards.",
                              "discussion question"),
    "*.facilitator.answer_key": ("Notes on the answers", "What good answers have in common, for "
                                 "the facilitator.", None),
    "quiz.facilitator.answer_key": ("Notes on the answers", "Extra notes for the facilitator. The "
                                    "worksheet already lists the right options.", None),
    "sort.facilitator.answer_key": ("Notes on the answers", "Extra notes for the facilitator. The "
                                    "worksheet already lists the right category of each item.",
                                    None),
    "*.examples": ("Example answers", "Answers that must pass or fail. The checker tries each one, "
                   "so you see at once if a change breaks the exercise.", "example answer"),
    "*.examples.name": ("What this example shows", "A few words, for example \"a good answer\" "
                        "or \"a common mistake\".", None),
    "*.examples.expect": ("Should it pass or fail?", None, None),
    "*.examples.answer": ("The learner's answer", None, None),
    "quiz.examples.answer": ("The learner's answer", "For each question, tick the options this "
                             "learner chose.", None),
    "sort.examples.answer": ("The learner's answer", "For each item, choose the category this "
                             "learner put it in.", None),
    "pitch.examples.answer": ("The learner's answer", "What this learner wrote in each part. "
                              "Leave a part empty if they skipped it.", None),
    "message.examples.answer": ("The learner's answer", "What this learner wrote in each part. "
                                "Leave a part empty if they skipped it.", None),
    "dialogue.examples.answer": ("The learner's answer", "For each choice point, choose what this "
                                 "learner said.", None),
    "pitch.examples.target": ("Version of the speech", "The version this answer is timed "
                              "against.", None),
    "*.draft": ("This is a draft", "When this is on, the exercise is left out of the published "
                "menu and worksheets. You can still see it in the preview.", None),
    # quiz
    "quiz.questions": ("Questions", None, "question"),
    "quiz.questions.prompt": ("Question", "The question as the learner reads it.", None),
    "quiz.questions.type": ("Type of question", "How many of its options are right.", None),
    "quiz.questions.options": ("Options", "The answers the learner chooses from. The first is "
                               "option a, the next b, and so on.", "option"),
    "quiz.questions.options.text": ("Option", "The answer as the learner reads it.", None),
    "quiz.questions.options.correct": ("This option is right", None, None),
    "quiz.questions.options.feedback": ("Feedback on this option", "What the learner reads after "
                                        "choosing it: why it is right or wrong.", None),
    "quiz.questions.explanation": ("Explanation", "Shown after the learner checks the answer, "
                                   "whatever they chose.", None),
    "quiz.pass_mark": ("Pass mark (%)", "The percentage of questions that must be right to pass.",
                       None),
    # sort
    "sort.categories": ("Categories", "The groups the learner sorts the items into.", "category"),
    "sort.categories.id": ("Category id", "A short name used only inside the file: lowercase "
                           "letters, digits and hyphens, for example myth.", None),
    "sort.categories.label": ("Category name", "The name the learner sees.", None),
    "sort.categories.description": ("Category description", None, None),
    "sort.items": ("Items to sort", None, "item"),
    "sort.items.text": ("Item", "The item as the learner reads it.", None),
    "sort.items.category": ("Right category", "The category this item belongs in.", None),
    "sort.items.feedback": ("Feedback on this item", "What the learner reads after checking.",
                            None),
    "sort.pass_mark": ("Pass mark (%)", "The percentage of items that must be sorted right to "
                       "pass.", None),
    # pitch
    **{f"pitch.{k}": v for k, v in _PART.items()},
    "pitch.parts": ("Parts of the speech", "The boxes the learner writes in, one part each.",
                    "part"),
    "pitch.targets": ("Versions of the speech", "The lengths the learner can practise, for "
                      "example 10 and 30 seconds.", "version"),
    "pitch.targets.id": ("Version id", "A short name used only inside the file: lowercase "
                         "letters, digits and hyphens, for example short.", None),
    "pitch.targets.label": ("Version name", "The name the learner sees, for example \"30 "
                            "seconds\".", None),
    "pitch.targets.seconds": ("Seconds", None, None),
    "pitch.targets.words": ("Word counts", "Two numbers: the fewest words, then the most.",
                            "word count"),
    "pitch.targets.parts": ("Parts this version uses", "Tick the parts this version uses. "
                            "Tick none to use every part.", None),
    "pitch.words_per_minute": ("Words a minute", "The speaking speed used to guess the time, "
                               "until the learner measures their own.", None),
    "pitch.repeat_limit": ("Repeat limit", "A word of four letters or more used more often than "
                           "this is pointed out.", None),
    # message
    **{f"message.{k}": v for k, v in _PART.items()},
    "message.parts": ("Parts of the message", "The boxes the learner writes in, one part each.",
                      "part"),
    "message.length": ("Length", "How long the message should be. You may leave out either "
                       "range.", None),
    "message.length.sentences": ("Sentence counts", "Two numbers: the fewest sentences, then the "
                                 "most.", "sentence count"),
    "message.length.words": ("Word counts", "Two numbers: the fewest words, then the most.",
                             "word count"),
    "message.length.parts": ("Parts to count", "Tick the parts whose sentences and words are "
                             "counted, for example the body without the greeting. Tick none to "
                             "count every part.", None),
    "message.send_within_days": ("Send within this many days", "Days after the meeting. The site "
                                 "shows the learner a \"send by\" date.", None),
    "message.timing": ("When to send it", "Advice on when to send the message, in plain words.",
                       None),
    # tracker
    "tracker.columns": ("Columns", None, "column"),
    "tracker.columns.id": ("Column id", "A short name used only inside the file: lowercase "
                           "letters, digits and hyphens, for example met-on.", None),
    "tracker.columns.label": ("Column heading", "The heading the learner sees.", None),
    "tracker.columns.type": ("Type of column", None, None),
    "tracker.columns.options": ("Choices in the list", "Only for a column of the type \"A choice "
                                "from a list\".", "choice"),
    "tracker.columns.width": ("Width on paper", "From 1 (narrow) to 4 (wide).", None),
    "tracker.rows": ("Blank rows", "How many empty rows the worksheet prints.", None),
    "tracker.row_name": ("Name of one row", "For the numbered cards on the site: \"Contact\" "
                         "gives \"Contact 1\".", None),
    # reflection
    "reflection.prompts": ("Questions to answer", "The questions the learner thinks about and "
                           "answers in writing.", "question"),
    "reflection.prompts.text": ("Question", None, None),
    "reflection.prompts.lines": ("Lines to write on", "How many lines the worksheet prints for "
                                 "the answer.", None),
    # checklist
    "checklist.items": ("Checklist items", None, "item"),
    "checklist.items.text": ("Item", None, None),
    "checklist.plan_lines": ("Plan lines", "Lines the printed worksheet adds under the list for "
                             "the learner's own plan, for example \"Where:\" or \"Who:\".",
                             "plan line"),
    # dialogue
    "dialogue.situation": ("Situation", "Shown above the conversation and on every role card.",
                           None),
    "dialogue.situation.where": ("Where", None, None),
    "dialogue.situation.who": ("Who is there", None, None),
    "dialogue.situation.goal": ("The learner's goal", None, None),
    "dialogue.roles": ("People in the conversation", "Two or three people.", "person"),
    "dialogue.roles.id": ("Person id", "A short name used only inside the file: lowercase "
                          "letters, digits and hyphens, for example you.", None),
    "dialogue.roles.name": ("Name", "The name the learner sees, for example \"You\" or "
                            "\"Samira\".", None),
    "dialogue.roles.brief": ("Role card", "One or two sentences: who this person is and how "
                             "they act.", None),
    "dialogue.learner": ("The learner plays", "The person whose lines the learner says.", None),
    "dialogue.lines": ("Lines", "The conversation, one turn at a time.", "line"),
    "dialogue.lines.role": ("Who speaks", None, None),
    "dialogue.lines.text": ("What they say", "Leave it empty at a choice point.", None),
    "dialogue.lines.choices": ("Choices", "Only on the learner's lines: two to four things the "
                               "learner could say.", "choice"),
    "dialogue.lines.choices.text": ("What the learner could say", None, None),
    "dialogue.lines.choices.feedback": ("Feedback on this choice", "Why this is a good or a weak "
                                        "thing to say. Shown after the learner chooses.", None),
    "dialogue.lines.choices.good": ("This is a good thing to say", None, None),
    "dialogue.lines.prompt": ("Question above the choices", "For example \"What could you say "
                              "next?\".", None),
    "dialogue.lines.note": ("Note under the line", "How to say it (\"Smile and wait\") or what "
                            "happens (\"Claire holds out her hand\"). Shown in italics.", None),
    "dialogue.pass_mark": ("Pass mark (%)", "The percentage of choice points that must be answered "
                           "well to pass.", None),
    # workshop plans
    "plan.id": ("Plan id", "A short name for the file: lowercase letters, digits and hyphens, "
                "for example workshop-60.", None),
    "plan.title": ("Title", None, None),
    "plan.description": ("Description", "One or two sentences on who the workshop is for and "
                         "what people leave with.", None),
    "plan.sessions": ("Sessions", "One meeting each. A one-time workshop has one session.",
                      "session"),
    "plan.sessions.title": ("Session title", None, None),
    "plan.sessions.minutes": ("Session minutes", "The length of the meeting. The steps must fit "
                              "inside it.", None),
    "plan.sessions.activities": ("Steps", "What the group does, in order.", "step"),
    "plan.sessions.activities.title": ("Step name", "Only for a plain step. For an exercise, its "
                                       "own title is used.", None),
    "plan.sessions.activities.exercise": ("Exercise", "Type a few words of the exercise's title, "
                                          "then choose it. Leave it empty for a plain step.", None),
    "plan.sessions.activities.minutes": ("Step minutes", "How long the step takes with a group.",
                                         None),
    "plan.sessions.activities.notes": ("Notes for this workshop", "What the facilitator does in "
                                       "this step. Printed in the facilitator packet.", None),
    "plan.sessions.activities.timing": ("Why the time is different", "Only when the step takes "
                                        "a different time here than the exercise says. Printed "
                                        "in the facilitator's timing box.", None),
}
"""Label, hint and the name of one list item, by "kind.path" or "*.path"."""

OPTION_LABELS: dict[str, str] = {
    "pass": "It should pass",
    "fail": "It should fail",
    "single": "One right option",
    "multiple": "One or more right options",
    "truefalse": "Two options, one right (for example \"Myth\" and \"Fact\")",
    "text": "Text",
    "date": "Date",
    "choice": "A choice from a list",
}
"""What a drop-down list shows for each value the file stores."""


def words_for(owner: str, path: str) -> tuple[str | None, str | None, str | None]:
    """(label, hint, name of one item) for a field, or Nones when this module has no words."""
    return WORDS.get(f"{owner}.{path}") or WORDS.get(f"*.{path}") or (None, None, None)


def choice_for(owner: str, path: str) -> dict | None:
    """The settings of a choice among the form's own ids, or None for a typed field."""
    return CHOICES.get(f"{owner}.{path}")
