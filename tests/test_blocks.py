"""The `/// exercise | <id>` block: finding blocks with their lines, and rendering them."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest

from course import blocks, model
from course.blocks import BlockRef, ExerciseExtension, find_exercise_blocks


def checklist(**fields) -> model.ChecklistExercise:
    values = dict(id="event-prep", title="Getting ready", lesson="lessons/11-events.md",
                  kind="checklist", instructions="Tick each step.", minutes=5,
                  items=[model.ChecklistItem("I know where it is.")])
    values.update(fields)
    return model.ChecklistExercise(**values)


def convert(text: str, *exercises: model.Exercise) -> str:
    md = markdown.Markdown(extensions=[ExerciseExtension(exercises={e.id: e for e in exercises})])
    return md.convert(text)


def test_finds_blocks_with_file_lines_and_skips_code():
    source = ("---\ntitle: X\n---\n\n# X\n\n/// exercise | event-prep\n///\n\n"
              "```markdown\n/// exercise | in-a-fence\n///\n```\n\n"
              "//// exercise |  spaced-id  \n////\n\n/// exercise\n///\n\n/// details | Not ours\n///\n")
    assert find_exercise_blocks(source) == [BlockRef(7, "event-prep"), BlockRef(15, "spaced-id"),
                                            BlockRef(18, "")]


def test_block_places_the_rendered_exercise():
    html = convert("# Lesson\n\nBefore.\n\n/// exercise | event-prep\n///\n\nAfter.", checklist())
    assert '<section class="nd-exercise nd-exercise--checklist" id="exercise-event-prep"' in html
    assert html.index("Before.") < html.index("nd-exercise") < html.index("After.")
    assert "<p>After.</p>" in html


def test_text_from_the_exercise_is_never_markup():
    html = convert("/// exercise | event-prep\n///", checklist(
        title="<script>alert(1)</script> *not emphasis*",
        items=[model.ChecklistItem("<img src=x onerror=alert(1)>")]))
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis*" in html
    assert "<em>" not in html


def test_text_inside_the_block_is_ignored_not_rendered():
    html = convert("/// exercise | event-prep\nSome *text* <b>here</b>\n///", checklist())
    assert "Some" not in html and "<b>" not in html


def test_two_exercises_on_one_page():
    other = checklist(id="other", title="Another")
    html = convert("/// exercise | event-prep\n///\n\n/// exercise | other\n///", checklist(), other)
    assert 'id="exercise-event-prep"' in html and 'id="exercise-other"' in html


def test_an_unknown_id_fails_loudly_instead_of_printing_text():
    with pytest.raises(blocks.UnknownExercise, match="no-such"):
        convert("/// exercise | no-such\n///", checklist())


def test_unknown_exercise_problem_points_at_the_line_and_suggests():
    problem = blocks.unknown_exercise_problem(BlockRef(12, "event-prp"), "docs/lessons/11-events.md",
                                              {"event-prep": checklist()})
    assert (problem.path, problem.line, problem.code) == ("docs/lessons/11-events.md", 12, "unknown-exercise")
    assert "event-prp" in problem.message and 'Did you mean "event-prep"?' in problem.hint


def test_an_id_whose_file_is_there_but_broken_is_not_called_missing(tmp_path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "event-prep.yml").write_text("id: event-prep\n", encoding="utf-8")
    (folder / "work-quiz.yml").write_text("id: work-quiz\n\ttitle: A tab\n", encoding="utf-8")
    known = {"event-prep": checklist(path=folder / "event-prep.yml")}
    # The folder is found from the loaded exercises, or named outright.
    for problem in (blocks.unknown_exercise_problem(BlockRef(30, "work-quiz"), "docs/lessons/14.md", known),
                    blocks.unknown_exercise_problem(BlockRef(30, "work-quiz"), "docs/lessons/14.md", {},
                                                    folder=folder)):
        assert (problem.line, problem.code) == (30, "broken-exercise")
        assert problem.message == ('This page uses the exercise "work-quiz", '
                                   "but exercises/work-quiz.yml has a mistake.")
        assert "does not exist" not in problem.message + problem.hint
    missing = blocks.unknown_exercise_problem(BlockRef(30, "work-quizz"), "docs/lessons/14.md", {},
                                              folder=folder)
    assert missing.code == "unknown-exercise" and "does not exist" in missing.message


# --- the extension by its module name, as Zensical and mkdocs.yml use it ------------------------

FIXTURE_EXERCISES = Path(__file__).resolve().parent / "fixtures" / "exercise_site" / "exercises"


def test_named_extension_reads_the_exercises_folder_and_follows_edits(tmp_path):
    folder = tmp_path / "exercises"
    shutil.copytree(FIXTURE_EXERCISES, folder)

    def convert_named(text: str) -> str:
        md = markdown.Markdown(extensions=[blocks.EXTENSION],
                               extension_configs={blocks.EXTENSION: {"folder": str(folder)}})
        return md.convert(text)

    assert blocks.EXTENSION == "course.blocks"
    html = convert_named("/// exercise | fx-quiz\n///")
    assert 'id="exercise-fx-quiz"' in html and "///" not in html
    quiz = folder / "fx-quiz.yml"
    (folder / "fx-quiz-two.yml").write_text(
        quiz.read_text(encoding="utf-8").replace("id: fx-quiz", "id: fx-quiz-two"), encoding="utf-8")
    quiz.unlink()
    assert 'id="exercise-fx-quiz-two"' in convert_named("/// exercise | fx-quiz-two\n///")
    with pytest.raises(blocks.UnknownExercise) as error:
        convert_named("/// exercise | fx-quiz\n///")
    assert str(error.value).startswith('This page uses the exercise "fx-quiz", which does not exist. '
                                       'Did you mean "fx-quiz-two"?')


def test_named_extension_with_no_exercises_folder_says_the_id_is_unknown(tmp_path):
    md = markdown.Markdown(extensions=[blocks.EXTENSION],
                           extension_configs={blocks.EXTENSION: {"folder": str(tmp_path / "none")}})
    with pytest.raises(blocks.UnknownExercise, match='"fx-quiz", which does not exist'):
        md.convert("/// exercise | fx-quiz\n///")
