"""The checker's guide (docs/editing/checker.md) and the checker cannot drift apart.

- Every message code links to a section of the guide, and that section exists.
- The messages quoted under "The five most common mistakes" are exactly what the checker prints
  when those mistakes are made in the walk-through's quiz and lesson (add-a-lesson.md).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

from checker_support import edit, make_course
from conftest import ROOT
from course.messages import MESSAGES

import check_exercises

GUIDE = ROOT / "docs" / "editing" / "checker.md"
WALK_THROUGH = ROOT / "docs" / "editing" / "add-a-lesson.md"
GUIDE_PAGE = "editing/checker.md"

FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")

QUIZ = "exercises/work-quiz.yml"
LESSON = "docs/lessons/16-networking-at-work.md"

COMMON_MISTAKES = {
    "a tab": (QUIZ, "    type: single\n", "\ttype: single\n"),
    "a misspelled field name": (QUIZ, "        feedback: Not yet.", "        feedbak: Not yet."),
    "a missing field": (QUIZ, "minutes: 5\n", ""),
    "a colon that needs quotes": (QUIZ, "title: Networking at work\n",
                                  "title: Networking at work: the basics\n"),
    "an exercise that does not exist": (LESSON, "/// exercise | work-quiz\n",
                                        "/// exercise | work-quizz\n"),
}
"""Each mistake: the file it is made in, the text it changes, and the mistaken text."""


def without_fences(text: str) -> str:
    return FENCE.sub(lambda fence: "\n" * fence.group(0).count("\n"), text)


def heading_anchors(text: str) -> tuple[set[str], set[str]]:
    """(every heading anchor, the explicit `{ #id }` ones) of a Markdown page."""
    anchors, explicit = set(), set()
    for heading in HEADING.finditer(without_fences(text)):
        title = heading.group(2)
        match = EXPLICIT_ID.search(title)
        if match:
            explicit.add(match.group(1))
            anchors.add(match.group(1))
        else:
            anchors.add(slugify(re.sub(r"[`*_]", "", title), "-"))
    return anchors, explicit


def section(text: str, title: str) -> str:
    """The text of the `## title` section, up to the next `## ` heading."""
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def test_every_code_links_to_its_own_section_of_the_guide():
    anchors, _ = heading_anchors(GUIDE.read_text(encoding="utf-8"))
    for code, entry in MESSAGES.items():
        page, _, anchor = entry.guide_anchor.partition("#")
        assert page == GUIDE_PAGE, f"{code}: guide_anchor {entry.guide_anchor!r} is not on {GUIDE_PAGE}"
        assert anchor in anchors, f"{code}: {GUIDE_PAGE} has no heading with the anchor #{anchor}"


def test_every_section_with_an_explicit_anchor_is_a_code():
    _, explicit = heading_anchors(GUIDE.read_text(encoding="utf-8"))
    assert explicit == set(MESSAGES), "sections for codes that do not exist, or codes without one"


def test_the_anchor_parser_reads_both_kinds_of_heading():
    anchors, explicit = heading_anchors("# Title\n\n## `yaml-tab`: a tab { #yaml-tab }\n\n"
                                        "```text\n# not a heading\n```\n### 1. A tab, not spaces\n")
    assert explicit == {"yaml-tab"}
    assert anchors == {"title", "yaml-tab", "1-a-tab-not-spaces"}


@pytest.fixture(scope="module")
def walk_through_course(tmp_path_factory) -> Path:
    """The checker's clean fixture course, plus the quiz and the lesson of the walk-through."""
    root = make_course(tmp_path_factory.mktemp("guide"))
    for fence in FENCE.finditer(WALK_THROUGH.read_text(encoding="utf-8")):
        title = re.search(r'title="([^"]+)"', fence["info"])
        if title:
            target = root / title.group(1)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(fence["body"], encoding="utf-8")
    assert (root / QUIZ).exists() and (root / LESSON).exists(), "the walk-through changed its files"
    return root


def checker_output(capsys, root: Path, path: str) -> tuple[int, list[str]]:
    code = check_exercises.main(["--root", str(root), str(root / path)])
    return code, capsys.readouterr().out.splitlines()


def test_the_walk_through_files_are_clean(capsys, walk_through_course):
    for path in (QUIZ, LESSON):
        assert checker_output(capsys, walk_through_course, path) == (0, ["No problems found in 1 file."])


@pytest.fixture(scope="module")
def quoted_messages() -> list[str]:
    """The ```text blocks of the guide's common-mistakes section."""
    text = section(GUIDE.read_text(encoding="utf-8"), "The five most common mistakes")
    return [fence["body"].rstrip("\n") for fence in FENCE.finditer(text)
            if fence["info"].strip().split()[:1] == ["text"]]


def test_the_guide_quotes_one_message_per_common_mistake(quoted_messages):
    assert len(quoted_messages) == len(COMMON_MISTAKES)


@pytest.mark.parametrize("mistake", COMMON_MISTAKES)
def test_the_guide_quotes_the_real_message(capsys, tmp_path, walk_through_course, quoted_messages,
                                           mistake):
    path, old, new = COMMON_MISTAKES[mistake]
    root = make_course(tmp_path)
    for name in (QUIZ, LESSON):
        (root / name).write_text((walk_through_course / name).read_text(encoding="utf-8"),
                                 encoding="utf-8")
    edit(root / path, old, new)
    code, lines = checker_output(capsys, root, path)
    assert code == 1 and lines[0] == "1 error in 1 file.", "\n".join(lines)
    printed = "\n".join(lines[1:])
    assert printed in quoted_messages, f"checker.md should quote, for {mistake}:\n{printed}"


def section_examples(code: str) -> list[str]:
    """The ```text blocks of the guide's section for `code`."""
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"{{ #{code} }}")
    end = text.find("\n### ", start)
    return [fence["body"].rstrip("\n") for fence in FENCE.finditer(text[start:end if end != -1 else None])
            if fence["info"].strip() == "text"]


def printed_problems(capsys, root: Path, path: str) -> list[str]:
    """Each problem the checker prints for `path`, as its three lines."""
    _, lines = checker_output(capsys, root, path)
    return ["\n".join(lines[i:i + 3]) for i in range(1, len(lines), 3)]


def test_the_guide_quotes_the_message_for_an_exercise_file_with_a_mistake(capsys, tmp_path,
                                                                         walk_through_course):
    root = make_course(tmp_path)
    for name in (QUIZ, LESSON):
        (root / name).write_text((walk_through_course / name).read_text(encoding="utf-8"),
                                 encoding="utf-8")
    edit(root / QUIZ, *COMMON_MISTAKES["a tab"][1:])
    [example] = section_examples("broken-exercise")
    assert printed_problems(capsys, root, LESSON) == [example]
    common = section(GUIDE.read_text(encoding="utf-8"), "The five most common mistakes")
    assert example.splitlines()[0].split("] ", 1)[1] in common.replace("\n", " ")


def real_course(tmp_path: Path) -> Path:
    """The course's own exercises and workshop plans, copied."""
    for folder in ("exercises", "workshops"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_the_guide_quotes_the_real_message_for_a_copied_exercise(capsys, tmp_path):
    root = real_course(tmp_path)
    shutil.copy(root / "exercises" / "myth-or-fact.yml", root / "exercises" / "work-quiz.yml")
    [example] = section_examples("id-file-mismatch")
    assert example in printed_problems(capsys, root, "exercises/work-quiz.yml")


def test_the_guide_quotes_the_real_message_for_a_typo_in_a_plan(capsys, tmp_path):
    root = real_course(tmp_path)
    [example] = section_examples("plan-unknown-exercise")
    plan = example.split(":", 1)[0]
    edit(root / plan, "exercise: myth-or-fact\n", "exercise: myth-or-fakt\n")
    assert printed_problems(capsys, root, plan) == [example], f"update the example in {GUIDE.name}"


def test_the_guide_quotes_the_real_message_for_a_missing_colon(capsys, tmp_path, walk_through_course):
    root = make_course(tmp_path)
    for name in (QUIZ, LESSON):
        (root / name).write_text((walk_through_course / name).read_text(encoding="utf-8"),
                                 encoding="utf-8")
    edit(root / QUIZ, "minutes: 5\n", "minutes 5\n")
    [example] = section_examples("yaml-missing-colon")
    assert printed_problems(capsys, root, QUIZ) == [example]


def test_the_guide_quotes_the_real_tab_hint():
    from course.messages import render
    hint = render("yaml-tab", key="prompt:", spaces=4)[1]
    assert f"`{hint}`" in GUIDE.read_text(encoding="utf-8")


def test_the_guide_quotes_the_knock_on_line_exactly():
    from course.messages import CAUSED_BY_ABOVE
    assert f"`{CAUSED_BY_ABOVE}`" in GUIDE.read_text(encoding="utf-8")


def test_the_guide_quotes_the_hint_for_a_link_to_a_removed_lesson():
    from course.messages import MESSAGES
    quoted = "There is no lesson with this name: this lesson was probably removed or renamed."
    assert MESSAGES["broken-link"].hints_for["lesson-gone"].startswith(quoted)
    assert f'"{quoted}"' in " ".join(GUIDE.read_text(encoding="utf-8").split())
