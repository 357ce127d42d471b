"""The dialogue kind without a browser: model, loader, checker rules (both sides), scoring,
role-play cards and the facilitator's script, and a dialogue in a workshop packet."""

from __future__ import annotations

import pytest

from checker_support import codes, edit, make_course
from course import model, rules
from course.checks import check_course
from course.dialogue_print import role_cards
from course.loader import load_exercise
from course.print_settings import PrintOptions, course_info
from course.worksheets import worksheet_html
from test_worksheets import html_text, load, make_project

DIALOGUE = "exercises/dialogue-one.yml"


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return make_course(tmp_path_factory.mktemp("clean"))


def problems_after(tmp_path, old: str, new: str):
    root = make_course(tmp_path)
    edit(root / DIALOGUE, old, new)
    return [p for p in check_course(root) if p.path == DIALOGUE]


# --- model and loader -------------------------------------------------------------------------

def test_a_dialogue_loads_with_its_roles_lines_and_choice_points(clean):
    dialogue, problems = load_exercise(clean / DIALOGUE, clean)
    assert problems == []
    assert isinstance(dialogue, model.DialogueExercise)
    assert [r.id for r in dialogue.roles] == ["you", "neighbour"] and dialogue.learner == "you"
    assert dialogue.situation.where == "A bus stop on a cold morning."
    assert len(dialogue.lines) == 5 and len(dialogue.choice_points) == 1
    assert dialogue.lines[1].note == "Smile and wait for an answer."
    assert dialogue.lines[3].prompt == "What could you say next?"
    assert dialogue.examples[0].answer == {"1": "a"}
    assert model.is_checkable(dialogue)


def test_the_conversation_goes_on_with_the_first_good_choice():
    line = model.DialogueLine("you", choices=[model.Choice("Weak."), model.Choice("Good one.", good=True),
                                              model.Choice("Also good.", good=True)])
    assert line.spoken == "Good one."
    assert model.DialogueLine("you", text="Hello.").spoken == "Hello."


def test_a_dialogue_without_choices_is_not_checkable(clean):
    dialogue, _ = load_exercise(clean / DIALOGUE, clean)
    dialogue.lines = [line for line in dialogue.lines if not line.choices]
    assert not model.is_checkable(dialogue) and rules.spec_for(dialogue) is None


def test_a_misspelled_field_gets_did_you_mean(tmp_path):
    found = problems_after(tmp_path, "    choices:\n", "    choises:\n")
    unknown = next(p for p in found if p.code == "unknown-key")
    assert 'Did you mean "choices"?' in unknown.hint and unknown.line == 29


# --- checker rules, from both sides -------------------------------------------------------------

def test_the_clean_dialogue_has_no_problems(clean):
    assert [p for p in check_course(clean) if p.path == DIALOGUE] == []


ROLE_RIVALS = ("  - id: neighbour\n",
               "  - id: bus-driver\n    name: Sam\n    brief: You drive.\n"
               "  - id: rider\n    name: Lee\n    brief: You ride.\n  - id: neighbour\n")

BREAKS = [
    ("role-count", *ROLE_RIVALS),
    ("role-count", "  - id: neighbour\n    name: Rosa\n    brief: You are friendly but a little shy.\n", ""),
    ("unknown-role", "  - role: neighbour\n    text: Cold one", "  - role: neighbor\n    text: Cold one"),
    ("unknown-role", "learner: you", "learner: me"),
    ("learner-silent", "learner: you", "  - id: driver\n    name: Sam\n    brief: You drive.\nlearner: driver"),
    ("line-text", "    text: Cold one today, isn't it?\n", ""),
    ("line-text", "  - role: you\n    prompt:", "  - role: you\n    text: Hello.\n    prompt:"),
    ("bad-id", "  - id: neighbour\n", "  - id: Neighbour\n"),
    ("duplicate-item-id", "  - id: neighbour\n", "  - id: you\n"),
    ("choices-not-learner", "  - role: you\n    prompt:", "  - role: neighbour\n    prompt:"),
    ("choice-count", "      - text: Can you get me a job there?\n        feedback: Too fast. Get to know each other first.\n", ""),
    ("choice-count", "        feedback: Too fast. Get to know each other first.\n",
     "        feedback: Too fast. Get to know each other first.\n"
     + "".join(f"      - text: Option {n}.\n        feedback: No.\n" for n in range(3))),
    ("no-good-choice", "        good: true\n", ""),
    ("missing-feedback", "        feedback: Too fast. Get to know each other first.\n", ""),
    ("example-answer", "    answer: {1: b}", "    answer: {2: b}"),
    ("example-answer", "    answer: {1: b}", "    answer: {1: z}"),
    ("example-mismatch", "    answer: {1: b}", "    answer: {1: a}"),
    ("missing-example", "    expect: fail\n", "    expect: pass\n"),
    ("out-of-range", "pass_mark: 80", "pass_mark: 101"),
]


@pytest.mark.parametrize("code, old, new", BREAKS, ids=[f"{b[0]}-{i}" for i, b in enumerate(BREAKS)])
def test_each_dialogue_rule_catches_its_mistake(tmp_path, code, old, new):
    found = problems_after(tmp_path, old, new)
    assert code in codes(found), found
    problem = next(p for p in found if p.code == code)
    assert problem.level == "error" and problem.line > 1 and "{" not in problem.message


def test_an_unknown_role_suggests_the_right_id(tmp_path):
    found = problems_after(tmp_path, "  - role: neighbour\n    text: Cold one", "  - role: neighbor\n    text: Cold one")
    problem = next(p for p in found if p.code == "unknown-role")
    assert problem.message == 'Line 1 names the role "neighbor", which does not exist.'
    assert problem.hint == 'Did you mean "neighbour"? Use the id of one of the roles: you, neighbour.'


WARNINGS = [
    ("long-line", "    text: I do. It's a friendly place.",
     "    text: " + " ".join(["word"] * 26)),
    ("long-line", "      - text: Can you get me a job there?",
     "      - text: " + " ".join(["word"] * 26)),
    ("prompt-without-choices", "    note: Smile and wait for an answer.",
     "    note: Smile and wait for an answer.\n    prompt: What now?"),
]


@pytest.mark.parametrize("code, old, new", WARNINGS, ids=[f"{w[0]}-{i}" for i, w in enumerate(WARNINGS)])
def test_warnings_that_do_not_stop_the_build(tmp_path, code, old, new):
    found = problems_after(tmp_path, old, new)
    assert [p.code for p in found] == [code] and found[0].level == "warning"


def test_a_line_of_25_words_is_fine(tmp_path):
    assert problems_after(tmp_path, "    text: I do. It's a friendly place.",
                          "    text: " + " ".join(["word"] * 25)) == []


def test_a_dialogue_without_choices_needs_no_examples_and_warns_about_them(tmp_path):
    root = make_course(tmp_path)
    text = (root / DIALOGUE).read_text()
    start, end = text.index("  - role: you\n    prompt:"), text.index("  - role: neighbour\n    text: I do.")
    plain = text[:start] + text[end:]
    (root / DIALOGUE).write_text(plain)
    found = [p for p in check_course(root) if p.path == DIALOGUE]
    assert [(p.code, p.level) for p in found] == [("nothing-to-check", "warning")]
    (root / DIALOGUE).write_text(plain[:plain.index("examples:")])
    assert [p for p in check_course(root) if p.path == DIALOGUE] == []


def test_the_checker_scores_examples_as_the_site_does(clean):
    dialogue, _ = load_exercise(clean / DIALOGUE, clean)
    spec = rules.spec_for(dialogue)
    assert spec["points"] == [{"options": ["a", "b"], "good": ["a"], "feedback": {
        "a": "A question about their day keeps the talk going.",
        "b": "Too fast. Get to know each other first."}}]
    assert rules.evaluate(spec, {"answer": {"1": "a"}})["passed"] is True
    assert rules.evaluate(spec, {"answer": {"1": "b"}})["passed"] is False


# --- paper ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory):
    plan = """
        id: short-workshop
        title: A short workshop
        description: A test plan with a role-play.
        sessions:
          - title: The only session
            minutes: 30
            activities:
              - exercise: bus-talk
                minutes: 15
                notes: Role-play in pairs.
              - exercise: check-it
                minutes: 5
        """
    return make_project(tmp_path_factory.mktemp("course"), plan)


def test_one_card_per_role_with_cues(project):
    cards = role_cards(load(project, "bus-talk"))
    assert [(c.role.name, c.learner) for c in cards] == [("Amina", True), ("Rosa", False)]
    amina = cards[0].lines
    assert [line.number for line in amina] == [2, 4]
    assert amina[0].cue_name == "Rosa" and amina[0].cue.startswith("LINE-ONE")
    assert amina[1].text.startswith("CHOICE-GOOD") and amina[0].note.startswith("NOTE-TWO")
    assert cards[1].lines[0].cue == "" and cards[1].lines[0].number == 1


def test_learner_edition_is_role_play_cards_with_a_blank_second_round(project):
    exercise = load(project, "bus-talk")
    text = html_text(worksheet_html(exercise, "learner", PrintOptions(forms=False), course_info(project)))
    assert text.count("cut here") == 3
    assert "Card 1: Amina (the learner)" in text and "Card 2: Rosa" in text
    assert text.count("BRIEF-YOU") == 1 and text.count("SITUATION-WHERE") == 2
    round_two = text[text.index("Round 2: Amina"):]
    assert "LINE-TWO" not in round_two and "CHOICE-GOOD" not in round_two
    assert "LINE-ONE" in round_two and "LINE-THREE" in round_two   # the cues stay
    for secret in ("CHOICE-WEAK", "CHOICE-GOOD-FEEDBACK", "For the facilitator", "The whole script"):
        assert secret not in text


def test_facilitator_edition_is_the_whole_script_with_every_choice(project):
    exercise = load(project, "bus-talk")
    text = html_text(worksheet_html(exercise, "facilitator", PrintOptions(), course_info(project)))
    assert "The whole script" in text and "10 minutes." in text and "What kept the talk going?" in text
    for expected in ("LINE-ONE", "LINE-TWO", "NOTE-TWO", "PROMPT-FOUR", "CHOICE-WEAK", "CHOICE-WEAK-FEEDBACK",
                     "Good: a. CHOICE-GOOD"):
        assert expected in text
    assert "cut here" not in text


def test_a_workshop_packet_prints_the_role_play_cards(project):
    import subprocess
    import sys

    from conftest import ROOT, build_env
    from pypdf import PdfReader
    out = project / "pdf"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_worksheets.py"), "--root", str(project),
                             "--out", str(out), "--quiet", "--paper", "letter", "--no-forms", "--workshop", "short-workshop"],
                            env=build_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    packet = " ".join(page.extract_text() for page in PdfReader(out / "short-workshop-learner-letter.pdf").pages)
    assert "Card 1: Amina" in packet and "Card 2: Rosa" in packet and "Round 2: Amina" in packet
