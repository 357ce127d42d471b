"""Worksheet and packet HTML (no PDF here: see test_worksheets_pdf.py), and the Printables list.

`make_project(tmp_path)` writes a small course of its own (one exercise of each kind, a draft,
a plan, a lesson, mkdocs.yml), so these tests don't change when the real lessons change. The
other worksheet test files import it.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from course import model
from course.loader import load_exercise
from course.plans import load_plan
from course.printables import MARKER, fill_printables_page, pdf_links, printables_markdown
from course.print_settings import CourseInfo, PrintOptions, course_info, footer_text, lesson_where, pdf_filename
from course.packets import clock, front_html, packet_view
from course.worksheets import FACILITATOR_TRACKER_ROWS, css_string, worksheet_html

EXERCISES = {
    "myth-quiz": """
        id: myth-quiz
        title: Myth or fact <script>alert(1)</script>
        lesson: lessons/01-first.md
        kind: quiz
        minutes: 5
        instructions: Read each sentence. Decide if it is a myth or a fact.
        questions:
          - prompt: Networking means asking people for a job.
            type: truefalse
            options:
              - text: Myth
                correct: true
                feedback: FEEDBACK-RIGHT Networking is sharing and helping.
              - text: Fact
                feedback: FEEDBACK-WRONG Asking for a job is a small part of it.
            explanation: EXPLANATION-ONE Most networking is everyday talk.
          - prompt: Which of these are ways to network?
            type: multiple
            options:
              - text: Telling a neighbour about a free event
                correct: true
                feedback: Yes. Sharing useful news builds trust.
              - text: Sending the same request to 200 strangers
                feedback: No. That is closer to spam.
        facilitator:
          timing: TIMING-NOTE 5 minutes alone, then 5 minutes together.
          group: GROUP-NOTE Read each sentence aloud.
          prompts:
            - PROMPT-NOTE Which answer surprised you?
        examples:
          - name: all right
            expect: pass
            answer: {1: a, 2: [a]}
          - name: all wrong
            expect: fail
            answer: {1: b, 2: [b]}
        """,
    "sort-it": """
        id: sort-it
        title: Begging, bothering or networking?
        lesson: lessons/01-first.md
        kind: sort
        minutes: 10
        instructions: Put each action in the group where it belongs.
        categories:
          - id: begging
            label: Begging
            description: Asking for a favour with nothing given back.
          - id: networking
            label: Networking
            description: A two-way exchange that helps both people.
        items:
          - text: Asking a stranger at a party to hire you, right away.
            category: begging
            feedback: SORT-FEEDBACK A request with no relationship is begging.
          - text: Sharing a job post with a friend who fits it.
            category: networking
            feedback: You gave something useful.
        facilitator:
          timing: 10 minutes in small groups.
          group: Print the items on cards.
          prompts:
            - How can you turn begging into networking?
        examples:
          - name: all right
            expect: pass
            answer: {1: begging, 2: networking}
          - name: all networking
            expect: fail
            answer: {1: networking, 2: networking}
        """,
    "pitch-it": """
        id: pitch-it
        title: Build your elevator speech
        lesson: lessons/01-first.md
        kind: pitch
        minutes: 20
        instructions: Write each part in your own words.
        parts:
          - id: name
            label: Your name
            example: Hi, I'm Amina Yusuf.
            required: true
          - id: looking
            label: What you are looking for
            hint: Name the kind of job.
            example: I am looking for an office manager role.
            required: true
        targets:
          - id: short
            label: 10-second version
            seconds: 10
            words: [5, 25]
        flagged:
          - word: synergy
            reason: Jargon. Say what you actually do.
        facilitator:
          timing: 10 minutes to write.
          group: In pairs, one person speaks while the other keeps time.
          prompts:
            - What did your partner remember about you?
        examples:
          - name: good
            expect: pass
            target: short
            answer: {name: "Hi, I'm Amina Yusuf.", looking: I am looking for an office manager role.}
          - name: empty
            expect: fail
            target: short
            answer: {name: Hi.}
        """,
    "thanks-note": """
        id: thanks-note
        title: Write a thank-you note
        lesson: lessons/01-first.md
        kind: message
        minutes: 15
        instructions: Write a short thank-you note.
        send_within_days: 1
        timing: Send it within one day of meeting.
        length:
          sentences: [2, 6]
          words: [5, 120]
        parts:
          - id: greeting
            label: Greeting
            example: Hi Marco,
            required: true
          - id: thanks
            label: Your thanks
            example: Thank you for meeting me on Tuesday.
            required: true
        facilitator:
          timing: 15 minutes.
          group: Each person writes a note.
          prompts:
            - What detail did you choose?
        examples:
          - name: complete
            expect: pass
            answer: {greeting: "Hi Marco,", thanks: Thank you for meeting me on Tuesday. It helped a lot.}
          - name: thanks only
            expect: fail
            answer: {thanks: Thanks.}
        """,
    "wide-tracker": """
        id: wide-tracker
        title: My network inventory
        lesson: lessons/01-first.md
        kind: tracker
        minutes: 20
        instructions: List people you know.
        rows: 6
        columns:
          - id: name
            label: Name
            width: 2
          - id: group
            label: Where I know them from
            type: choice
            options: [Family, Friends, Neighbours]
          - id: last
            label: Last time we talked
            type: date
          - id: phone
            label: Phone or email
          - id: next
            label: Next step
            width: 3
        facilitator:
          timing: 20 minutes.
          group: Go round the room for ideas.
          prompts:
            - Who have you not talked to in a year?
        """,
    "think-it": """
        id: think-it
        title: What holds me back?
        lesson: lessons/01-first.md
        kind: reflection
        minutes: 10
        instructions: Answer in a few words.
        prompts:
          - text: What worries you most about networking?
            lines: 4
          - text: What would you say to a friend with the same worry?
            lines: 3
        facilitator:
          timing: 10 minutes.
          group: Nobody has to share.
          prompts:
            - Which worries came up most often?
        """,
    "check-it": """
        id: check-it
        title: Getting ready for an event
        lesson: lessons/01-first.md
        kind: checklist
        minutes: 5
        instructions: Tick each step when it is done.
        items:
          - text: I know where the event is.
          - text: I practised my 10-second speech out loud.
        facilitator:
          timing: 5 minutes.
          group: Go through the list together.
          prompts:
            - Which step feels hardest?
        """,
    "bus-talk": """
        id: bus-talk
        title: Small talk at a bus stop
        lesson: lessons/01-first.md
        kind: dialogue
        minutes: 10
        instructions: Listen, then practise your lines out loud.
        situation:
          where: SITUATION-WHERE A bus stop on a cold morning.
          who: You and a neighbour.
          goal: Say hello.
        roles:
          - id: you
            name: Amina
            brief: BRIEF-YOU You take this bus every day.
          - id: neighbour
            name: Rosa
            brief: BRIEF-ROSA You are friendly but shy.
        learner: you
        lines:
          - role: neighbour
            text: LINE-ONE Cold one today, isn't it?
          - role: you
            text: LINE-TWO Yes! Do you take the 52 every day?
            note: NOTE-TWO Smile and wait.
          - role: neighbour
            text: LINE-THREE Every day. I work at the library.
          - role: you
            prompt: PROMPT-FOUR What could you say next?
            choices:
              - text: CHOICE-GOOD Do you like working there?
                good: true
                feedback: CHOICE-GOOD-FEEDBACK A question keeps it going.
              - text: CHOICE-WEAK Can you get me a job there?
                feedback: CHOICE-WEAK-FEEDBACK Too fast.
        facilitator:
          timing: 10 minutes.
          group: In pairs, then switch cards.
          prompts:
            - What kept the talk going?
        examples:
          - name: good
            expect: pass
            answer: {1: a}
          - name: weak
            expect: fail
            answer: {1: b}
        """,
    "draft-one": """
        id: draft-one
        title: Not ready yet
        lesson: lessons/01-first.md
        kind: checklist
        minutes: 5
        draft: true
        instructions: Tick each step.
        items:
          - text: One step.
        facilitator:
          timing: 5 minutes.
          group: Together.
          prompts:
            - Why?
        """,
}

PLAN = """
    id: short-workshop
    title: A short workshop
    description: A test plan.
    sessions:
      - title: The only session
        minutes: 60
        activities:
          - title: Welcome
            minutes: 10
            notes: PLAN-NOTE Say hello.
          - exercise: think-it
            minutes: 15
          - exercise: myth-quiz
            minutes: 10
            notes: Read aloud.
          - exercise: check-it
            minutes: 5
    """

KIND_IDS = {"quiz": "myth-quiz", "sort": "sort-it", "pitch": "pitch-it", "message": "thanks-note",
            "tracker": "wide-tracker", "reflection": "think-it", "checklist": "check-it",
            "dialogue": "bus-talk"}


def make_project(root: Path, plan: str = PLAN) -> Path:
    """A small course in `root`: the exercises above, one plan, one lesson, mkdocs.yml."""
    (root / "exercises").mkdir(parents=True)
    for name, text in EXERCISES.items():
        (root / "exercises" / f"{name}.yml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (root / "workshops").mkdir()
    (root / "workshops" / "short-workshop.yml").write_text(textwrap.dedent(plan).lstrip(), encoding="utf-8")
    (root / "docs" / "lessons").mkdir(parents=True)
    (root / "docs" / "lessons" / "01-first.md").write_text(
        '---\ntitle: "1. First steps"\n---\n\n# 1. First steps\n\n/// exercise | sort-it\n///\n', encoding="utf-8")
    (root / "docs" / "counsellors").mkdir()
    (root / "docs" / "counsellors" / "guide.md").write_text(
        (Path(__file__).resolve().parents[1] / "docs" / "counsellors" / "guide.md").read_text(encoding="utf-8"),
        encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Test Course\nsite_url: https://example.org/test-course/\n"
                                     "markdown_extensions:\n"
                                     "  - pymdownx.emoji:\n      emoji_index: !!python/name:x.y\n",
                                     encoding="utf-8")
    return root


def load(root: Path, exercise_id: str) -> model.Exercise:
    exercise, problems = load_exercise(root / "exercises" / f"{exercise_id}.yml", root)
    assert not [p for p in problems if p.level == "error"], problems
    return exercise


def texts_of(exercise: model.Exercise) -> list[str]:
    """Every text a learner must find on the learner edition of a worksheet."""
    found = [exercise.title]
    for question in getattr(exercise, "questions", []):
        found += [question.prompt] + [option.text for option in question.options]
    for category in getattr(exercise, "categories", []):
        found += [category.label]
    found += [item.text for item in getattr(exercise, "items", [])]
    found += [part.label for part in getattr(exercise, "parts", [])]
    found += [target.label for target in getattr(exercise, "targets", [])]
    found += [column.label for column in getattr(exercise, "columns", [])]
    found += [prompt.text for prompt in getattr(exercise, "prompts", [])]
    if isinstance(exercise, model.DialogueExercise):
        found += [exercise.situation.where, exercise.situation.who, exercise.situation.goal]
        found += [text for role in exercise.roles for text in (role.name, role.brief)]
        found += [line.spoken for line in exercise.lines] + [line.note for line in exercise.lines if line.note]
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def info(project) -> CourseInfo:
    return course_info(project)


def html_text(html: str) -> str:
    import html as html_module
    import re
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- names and options ------------------------------------------------------------------------

def test_file_names_follow_the_convention():
    assert pdf_filename("elevator-speech", "learner", PrintOptions()) == "elevator-speech-learner-letter.pdf"
    assert pdf_filename("workshop-60", "facilitator", PrintOptions("a4", large_print=True)) == \
        "workshop-60-facilitator-a4-large.pdf"


def test_unknown_paper_size_is_refused():
    with pytest.raises(ValueError, match="legal"):
        PrintOptions("legal")


def test_large_print_is_16_pt_and_regular_12_pt():
    assert PrintOptions(large_print=True).body_font_pt >= 16
    assert PrintOptions().body_font_pt >= 12


def test_course_info_reads_mkdocs_yml_with_python_tags(info):
    assert info.name == "Test Course"
    assert info.site_url == "https://example.org/test-course/"
    assert info.lesson_titles["lessons/01-first.md"] == "1. First steps"


def test_footer_names_the_lesson_and_where_to_find_it(info):
    offline = CourseInfo("Test Course", "", info.lesson_titles)
    assert lesson_where(offline, "lessons/01-first.md") == \
        "Lesson 1: First steps — Test Course course site, lessons/01-first"
    assert footer_text(offline, "lessons/01-first.md") == "Test Course course site · Lesson 1"
    online = CourseInfo("Test Course", "https://example.org/course/", info.lesson_titles)
    assert lesson_where(online, "lessons/01-first.md").endswith("https://example.org/course/lessons/01-first.html")
    assert footer_text(online, "lessons/01-first.md") == "example.org/course · Lesson 1"
    assert footer_text(online) == "example.org/course"


def test_css_string_cannot_end_the_style_element():
    assert css_string('Say "hi" </style><b>') == '"Say \\"hi\\" \\3c /style\\3e \\3c b\\3e "'


# --- worksheets -------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(KIND_IDS))
def test_learner_edition_has_every_text_and_no_answer_key(project, info, kind):
    exercise = load(project, KIND_IDS[kind])
    text = html_text(worksheet_html(exercise, "learner", PrintOptions(), info))
    for expected in texts_of(exercise):
        assert " ".join(expected.split()) in text, expected
    assert "Answer key" not in text
    assert "For the facilitator" not in text
    assert exercise.facilitator.group not in text


@pytest.mark.parametrize("kind", list(KIND_IDS))
def test_facilitator_edition_adds_notes(project, info, kind):
    exercise = load(project, KIND_IDS[kind])
    text = html_text(worksheet_html(exercise, "facilitator", PrintOptions(), info))
    assert "For the facilitator" in text
    assert " ".join(exercise.facilitator.group.split()) in text
    for prompt in exercise.facilitator.prompts:
        assert prompt in text


def test_quiz_answer_key_only_in_facilitator_edition(project, info):
    exercise = load(project, "myth-quiz")
    learner = html_text(worksheet_html(exercise, "learner", PrintOptions(), info))
    facilitator = html_text(worksheet_html(exercise, "facilitator", PrintOptions(), info))
    for secret in ("FEEDBACK-RIGHT", "FEEDBACK-WRONG", "EXPLANATION-ONE", "Right: a. Myth"):
        assert secret in facilitator
        assert secret not in learner


def test_sort_answer_key_names_each_category(project, info):
    exercise = load(project, "sort-it")
    facilitator = html_text(worksheet_html(exercise, "facilitator", PrintOptions(), info))
    assert "SORT-FEEDBACK" in facilitator and "Belongs in" in facilitator
    assert "SORT-FEEDBACK" not in html_text(worksheet_html(exercise, "learner", PrintOptions(), info))


def test_text_from_an_exercise_is_never_markup(project, info):
    exercise = load(project, "myth-quiz")
    html = worksheet_html(exercise, "learner", PrintOptions(), info)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_forms_option_decides_the_fields(project, info):
    exercise = load(project, "think-it")
    assert 'type="text"' in worksheet_html(exercise, "learner", PrintOptions(forms=True), info)
    assert "<input" not in worksheet_html(exercise, "learner", PrintOptions(forms=False), info)
    quiz = load(project, "myth-quiz")
    assert 'type="radio"' in worksheet_html(quiz, "learner", PrintOptions(), info)
    assert "<input" not in worksheet_html(quiz, "learner", PrintOptions(forms=False), info)


def test_page_size_and_hash_are_in_the_html(project, info):
    exercise = load(project, "check-it")
    html = worksheet_html(exercise, "learner", PrintOptions("a4", large_print=True), info, "abc123")
    assert "size: A4;" in html
    assert "font-size: 16pt" in html
    assert '<meta name="source-hash" content="abc123">' in html


def test_pitch_shows_word_and_time_targets(project, info):
    text = html_text(worksheet_html(load(project, "pitch-it"), "learner", PrintOptions(), info))
    assert "10-second version: 5 to 25 words, about 10 seconds." in text
    assert "synergy" in text


def test_message_shows_length_and_timing(project, info):
    text = html_text(worksheet_html(load(project, "thanks-note"), "learner", PrintOptions(), info))
    assert "2 to 6 sentences, 5 to 120 words." in text
    assert "Send it within one day of meeting." in text
    assert "Send by:" in text


# --- packets ----------------------------------------------------------------------------------

def test_clock():
    assert [clock(m) for m in (0, 10, 65, 120)] == ["0:00", "0:10", "1:05", "2:00"]


def test_facilitator_agenda_has_a_running_clock_and_notes(project, info):
    plan, problems = load_plan(project / "workshops" / "short-workshop.yml", project)
    assert not problems
    exercises = {name: load(project, name) for name in plan.exercise_ids}
    packet = packet_view(plan, [1], exercises, "facilitator", info, project)
    steps = packet.sessions[0].steps
    assert [step.clock for step in steps] == ["0:00", "0:10", "0:25", "0:35"]
    assert packet.sessions[0].end_clock == "0:40"
    assert steps[1].title == "What holds me back?"
    text = html_text(front_html(packet, PrintOptions(), info))
    assert "Facilitator packet" in text and "PLAN-NOTE" in text
    learner = html_text(front_html(packet_view(plan, [1], exercises, "learner", info, project),
                                   PrintOptions(), info))
    assert "Learner packet" in learner and "PLAN-NOTE" not in learner


# --- the Printables page ----------------------------------------------------------------------

def test_printables_lists_every_published_pdf(project):
    markdown = printables_markdown(project)
    for name in KIND_IDS.values():
        assert f'<span id="{name}"></span>' in markdown
        for link in pdf_links(name):
            assert f"(printables/pdf/{link.filename})" in markdown
    for link in pdf_links("short-workshop", "packet"):
        assert f"(printables/pdf/{link.filename})" in markdown
    assert "short-workshop-learner-letter-large.pdf" in markdown
    assert "draft-one" not in markdown
    assert "[1. First steps](lessons/01-first.md)" in markdown
    assert "Myth or fact \\<script\\>" in markdown
    for kit in ("sign-in-sheet", "feedback-form", "certificate", "notes-page"):
        for suffix in ("letter", "a4", "letter-large"):
            assert f"(printables/pdf/{kit}-{suffix}.pdf)" in markdown


def test_printables_lists_a_packet_for_each_session_of_a_series(tmp_path):
    series = PLAN.replace("      - title: The only session", """      - title: Second session
        minutes: 20
        activities:
          - exercise: sort-it
            minutes: 20
      - title: The only session""")
    markdown = printables_markdown(make_project(tmp_path / "series", series))
    for session in (1, 2):
        assert f"(printables/pdf/short-workshop-session-{session}-learner-letter.pdf)" in markdown
        assert f"(printables/pdf/short-workshop-session-{session}-facilitator-letter-large.pdf)" in markdown
    assert "Session 1: Second session" in markdown
    assert "session-1" not in printables_markdown(make_project(tmp_path / "single"))


def test_printables_page_marker_is_replaced(project):
    page = f"# Printables\n\n{MARKER}\n"
    assert MARKER not in fill_printables_page(page, project)
    assert "## Worksheets" in fill_printables_page(page, project)
    assert fill_printables_page("# No marker\n", project) == "# No marker\n"


def test_the_real_printables_page_has_the_marker():
    root = Path(__file__).resolve().parents[1]
    assert MARKER in (root / "docs" / "printables.md").read_text(encoding="utf-8")


def test_short_endings_are_kept_with_what_comes_before(project, info):
    """The templates mark the last part, question, prompt and table rows to keep with the one
    before (print.css), as real attributes, never as escaped text."""
    for exercise_id in KIND_IDS.values():
        for edition in ("learner", "facilitator"):
            html = worksheet_html(load(project, exercise_id), edition, PrintOptions(), info)
            assert "&#34;keep" not in html and "keep-with-previous&#34;" not in html
    quiz = worksheet_html(load(project, "myth-quiz"), "learner", PrintOptions(), info)
    assert 'class="item question keep-with-previous"' in quiz
    assert ' data-spacing="roomy"' in quiz


def test_facilitator_tracker_has_fewer_blank_rows(project, info):
    tracker = load(project, KIND_IDS["tracker"])
    learner = worksheet_html(tracker, "learner", PrintOptions(), info)
    facilitator = worksheet_html(tracker, "facilitator", PrintOptions(), info)
    rows = learner.split("<tbody>", 1)[1].count("<tr")
    assert rows == tracker.rows
    assert facilitator.split("<tbody>", 1)[1].count("<tr") == min(tracker.rows, FACILITATOR_TRACKER_ROWS)


# --- learner sheets and the facilitator's pages -----------------------------------------------

def _many_items(exercise, count: int = 12):
    """The sort exercise with `count` items, written grouped by their answer."""
    import dataclasses
    item_type = type(exercise.items[0])
    categories = [category.id for category in exercise.categories]
    items = [item_type(text=f"ITEM-{n:02d}-{categories[n * len(categories) // count]}",
                       category=categories[n * len(categories) // count], feedback=f"why {n}")
             for n in range(count)]
    return dataclasses.replace(exercise, items=items)


def test_sort_items_print_in_a_fixed_shuffled_order_with_cards(project, info):
    exercise = _many_items(load(project, "sort-it"))
    learner = worksheet_html(exercise, "learner", PrintOptions(), info)
    order = re.findall(r"ITEM-(\d\d)-(\w+)", learner)
    assert len(order) == 12 and [n for n, _ in order] != sorted(n for n, _ in order)
    answers = [category for _, category in order]
    assert answers != sorted(answers, key=[c.id for c in exercise.categories].index)  # not grouped
    assert worksheet_html(exercise, "learner", PrintOptions(), info) == learner  # the same every time
    facilitator = worksheet_html(exercise, "facilitator", PrintOptions(), info)
    key = facilitator[facilitator.index("Answer key"):facilitator.index("Cards to cut out")]
    assert re.findall(r"ITEM-(\d\d)", key) == [n for n, _ in order]  # the key numbers them the same
    cards = facilitator[facilitator.index("Cards to cut out"):]
    assert re.findall(r"ITEM-(\d\d)", cards) == [n for n, _ in order] and "type=\"radio\"" not in cards
    assert "Cards to cut out" not in learner


def test_true_or_false_quizzes_come_with_answer_cards(project, info):
    import dataclasses
    quiz = load(project, "myth-quiz")
    assert "Answer cards" not in worksheet_html(quiz, "facilitator", PrintOptions(), info)  # one question is "multiple"
    myths = dataclasses.replace(quiz, questions=[q for q in quiz.questions if q.type == "truefalse"])
    html = worksheet_html(myths, "facilitator", PrintOptions(), info)
    assert "Answer cards" in html
    assert html.count('class="card big">Myth<') == html.count('class="card big">Fact<') == 4
    assert "Answer cards" not in worksheet_html(myths, "learner", PrintOptions(), info)


def test_room_for_the_whole_speech_and_for_a_plan(project, info):
    import dataclasses
    pitch = load(project, "pitch-it")
    text = worksheet_html(pitch, "learner", PrintOptions(), info)
    for target in pitch.targets:
        assert f"My {target.label.lower()}, all together" in text
        assert f'name="pitch-it-{target.id}-whole-line1"' in text
    checklist = dataclasses.replace(load(project, "check-it"), plan_lines=["Where:", "Who:", "My first words:"])
    text = worksheet_html(checklist, "learner", PrintOptions(), info)
    assert "My plan" in text and all(f'title="{label}"' in text for label in checklist.plan_lines)
    assert "My plan" not in worksheet_html(load(project, "check-it"), "learner", PrintOptions(), info)


def test_the_facilitator_packet_stands_alone(project, info):
    """Before you start, the sharing round as the counsellors' guide says it, welcome and wrap-up,
    and the course's address with a QR code made on this machine."""
    import segno
    from course.packets import guide_sections
    plan, _ = load_plan(project / "workshops" / "short-workshop.yml", project)
    exercises = {name: load(project, name) for name in plan.exercise_ids}
    packet = packet_view(plan, [1], exercises, "facilitator", info, project)
    packet.pages = {"share-what-you-know": 4, **{name: 5 for name in exercises}}
    packet.sessions[0].steps.insert(0, packet.sessions[0].steps[0].__class__("0:00", "Share what you know", 15,
                                                                              "share-what-you-know"))
    text = html_text(front_html(packet, PrintOptions(), info))
    for heading in ("Before you start", "Key messages", "The information-sharing round", "Step by step",
                    "Welcome (about 2 minutes)", "Wrap-up (about 5 minutes)"):
        assert heading in text
    guide = (project / "docs" / "counsellors" / "guide.md").read_text(encoding="utf-8")
    steps = re.findall(r"^\d+\. \*\*(.+?)\*\*", guide.split("### Step by step")[1].split("###")[0], re.M)
    assert len(steps) >= 6 and all(step in text for step in steps)
    assert "Sticky notes in three colours" in text and "example.org/test-course" in text
    assert guide_sections(project)["round_steps"] and "](" not in str(guide_sections(project)["before"])
    expected = segno.make("https://example.org/test-course/", error="m").svg_data_uri(
        scale=4, border=2, dark="#000", light="#fff")
    assert expected in front_html(packet, PrintOptions(), info).replace("&amp;", "&")
    learner = html_text(front_html(packet_view(plan, [1], exercises, "learner", info, project), PrintOptions(), info))
    assert "Before you start" not in learner and "example.org/test-course" in learner


def test_the_course_address_comes_from_site_url_or_extra(tmp_path):
    (tmp_path / "docs" / "lessons").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: A\nextra:\n  course_url: https://example.org/a/\n")
    assert course_info(tmp_path).site_url == "https://example.org/a/"
    (tmp_path / "mkdocs.yml").write_text("site_name: A\nsite_url: https://example.org/b/\n"
                                         "extra:\n  course_url: https://example.org/a/\n")
    assert course_info(tmp_path).site_url == "https://example.org/b/"
    real = course_info(Path(__file__).resolve().parents[1])
    assert real.site_url.startswith("https://") and "networking-demystified" in real.site_url
