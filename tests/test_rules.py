"""rules.py against the shared case table (tests/rule_cases.json), plus the spec built from a
real exercise model. tests/js/rules.test.mjs runs the same table against rules.js."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker_support import FIXTURE_COURSE
from course import model, rules
from course.loader import load_exercise

TABLE = json.loads((Path(__file__).parent / "rule_cases.json").read_text(encoding="utf-8"))
FUNCTIONS = {"countWords": rules.count_words, "countSentences": rules.count_sentences,
             "findFlagged": rules.find_flagged, "findRepeated": rules.find_repeated,
             "sendBy": rules.send_by}


def test_the_table_covers_every_rule():
    used = {case["function"] for case in TABLE["cases"]}
    assert used == set(FUNCTIONS) | {"evaluate", "verdict"}
    assert {case["spec"] for case in TABLE["cases"] if case["function"] == "evaluate"} >= {
        "quiz", "sort", "pitch", "message"}
    assert len(TABLE["cases"]) >= 40


def _evaluated(kind):
    """(spec, expect) of every evaluate case of one kind, with the case's `with` applied."""
    for case in TABLE["cases"]:
        spec = {**TABLE["specs"].get(case.get("spec"), {}), **case.get("with", {})}
        if case["function"] == "evaluate" and spec.get("kind") == kind:
            yield spec, case["expect"]


def _around(value, low, high):
    """Where a count sits against a range: one of the six places a boundary test needs."""
    return {low - 1: "below low", low: "on low", low + 1: "above low",
            high - 1: "below high", high: "on high", high + 1: "above high"}.get(value)


SIX = {"below low", "on low", "above low", "below high", "on high", "above high"}


def test_every_limit_has_a_case_on_it_and_on_each_side():
    """A limit made exclusive (or moved by one) in either language must fail a case."""
    for kind in ("quiz", "sort"):      # score * 100 against pass_mark * total: below, equal, above
        sides = {(e["score"] * 100 > s["pass_mark"] * e["total"]) - (e["score"] * 100 < s["pass_mark"] * e["total"])
                 for s, e in _evaluated(kind) if e["total"]}
        assert sides == {-1, 0, 1}, f"{kind}: pass mark cases only on sides {sides}"
    for spec_name, spec in TABLE["specs"].items():
        if spec["kind"] != "pitch":
            continue
        for target in spec["targets"]:
            seen = {_around(e["words"], *target["words"]) for s, e in _evaluated("pitch")
                    if s["id"] == spec["id"] and e["target"] == target["id"] and s["targets"] == spec["targets"]}
            assert SIX <= seen, f"{spec_name}, target {target['id']}: missing {SIX - seen}"
    for rule in ("sentences", "words"):
        seen = {_around(e[rule], *s["length"][rule]) for s, e in _evaluated("message") if s["length"][rule]}
        assert SIX <= seen, f"message {rule}: missing {SIX - seen}"
    paces = {e["words_per_minute"] for s, e in _evaluated("pitch")}
    assert {1, 1.001, model.DEFAULT_WORDS_PER_MINUTE} <= paces, "pace bound or default pace untested"
    uses = {(case["args"][0].count(" ") + 1) - case["args"][1] for case in TABLE["cases"]
            if case["function"] == "findRepeated" and len(set(case["args"][0].split())) == 1}
    assert {-1, 0, 1} <= uses, "repeat limit: need cases one under, on and one over it"


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["name"] for c in TABLE["cases"]])
def test_rule_case(case):
    if case["function"] == "evaluate":
        # `with` changes a few fields of the named spec (a pass mark, a range) for one case.
        actual = rules.evaluate({**TABLE["specs"][case["spec"]], **case.get("with", {})}, case["entry"])
    elif case["function"] == "verdict":
        spec = {**TABLE["specs"][case["spec"]], **case.get("with", {})}
        actual = rules.verdict(spec, rules.evaluate(spec, case["entry"]))
    else:
        actual = FUNCTIONS[case["function"]](*case["args"])
    assert json.loads(json.dumps(actual)) == case["expect"]


def test_the_verdict_cases_cover_every_status_and_kind():
    cases = [c for c in TABLE["cases"] if c["function"] == "verdict"]
    assert {c["expect"]["status"] for c in cases} == {"ready", "almost", "not-yet"}
    assert {TABLE["specs"][c["spec"]]["kind"] for c in cases} == {"quiz", "sort", "pitch", "message"}
    for case in cases:   # a flagged phrase is never called ready or well done
        if case["expect"]["phrases"]:
            assert "ready to send" not in case["expect"]["text"]
            assert "Well done" not in case["expect"]["text"]


def test_spec_for_every_checkable_kind_is_json():
    for name in ("quiz-one", "sort-one", "pitch-one", "message-one"):
        exercise, _ = load_exercise(FIXTURE_COURSE / "exercises" / f"{name}.yml")
        spec = rules.spec_for(exercise)
        assert json.loads(json.dumps(spec)) == spec and spec["kind"] == exercise.kind


def test_spec_lists_all_parts_when_a_target_names_none():
    pitch, _ = load_exercise(FIXTURE_COURSE / "exercises" / "pitch-one.yml")
    spec = rules.spec_for(pitch)
    assert spec["targets"][1]["parts"] == ["name", "what", "question"]
    assert spec["targets"][0]["words"] == [5, 20]


def test_non_checkable_kinds_have_no_spec():
    tracker, _ = load_exercise(FIXTURE_COURSE / "exercises" / "tracker-one.yml")
    assert rules.spec_for(tracker) is None
    assert rules.evaluate({"kind": "tracker"}, {"answer": {}}) is None


def test_spec_lists_the_counted_parts_of_a_message():
    message, _ = load_exercise(FIXTURE_COURSE / "exercises" / "message-one.yml")
    assert rules.spec_for(message)["length"]["parts"] == ["greeting", "thanks"]
    message.length.parts = ["thanks"]
    spec = rules.spec_for(message)
    assert spec["length"]["parts"] == ["thanks"]
    entry = {"answer": {"greeting": "Hi Marco,", "thanks": "Thank you. It helped a lot."}}
    assert rules.evaluate(spec, entry)["sentences"] == 2


def test_the_length_says_what_it_leaves_out():
    parts = [model.Part("greeting", "Greeting"), model.Part("body", "Your thanks"),
             model.Part("ps", "PS for LinkedIn"), model.Part("closing", "Closing")]
    assert model.LengthRule().not_counting(parts) == ""
    assert model.LengthRule(parts=["body", "ps", "closing"]).not_counting(parts) == \
        "not counting the greeting"
    assert model.LengthRule(parts=["body", "ps"]).not_counting(parts) == \
        "not counting the greeting and the closing"
    assert model.LengthRule(parts=["body"]).not_counting(parts) == \
        "not counting the greeting, the PS for LinkedIn and the closing"
    assert model.LengthRule(parts=["greeting"]).not_counting(parts[:2]) == "not counting your thanks"


@pytest.mark.parametrize("pace, used", [(1e-320, 120), (0.5, 120), (1, 1), (150.5, 150.5)])
def test_a_pace_below_one_word_a_minute_is_not_used(pace, used):
    pitch, _ = load_exercise(FIXTURE_COURSE / "exercises" / "pitch-one.yml")
    entry = {"answer": {"name": "Hi, I'm Amina.", "what": "I fix bikes."}, "target": "short",
             "words_per_minute": pace}
    result = rules.evaluate(rules.spec_for(pitch), entry)
    assert result["words_per_minute"] == used
    assert result["seconds"] == rules._round(result["words"] / used * 60)


def test_an_example_is_judged_against_its_own_version():
    pitch, _ = load_exercise(FIXTURE_COURSE / "exercises" / "pitch-one.yml")
    answer = {"name": "Hi, I'm Amina.", "what": "I fix bikes."}
    assert rules.example_entry(model.Example("short", "pass", answer)) == {"answer": answer}
    entry = rules.example_entry(model.Example("long", "fail", answer, target=pitch.targets[1].id))
    assert entry == {"answer": answer, "target": pitch.targets[1].id}
    assert rules.evaluate(rules.spec_for(pitch), entry)["target"] == pitch.targets[1].id
