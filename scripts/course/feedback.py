"""A checked answer in plain words: the same feedback the site shows, for the command line
and for the checker's messages about examples."""

from __future__ import annotations


def _count(number, unit: str) -> str:
    """"1 word", "2 words": a number with its unit (units here are regular plurals)."""
    return f"{number:g} {unit}" if number != 1 else f"1 {unit.removesuffix('s')}"


def _range(limits, unit: str) -> str:
    return f"{limits[0]} to {limits[1]} {unit}"


def _labels(ids: list[str], spec: dict) -> str:
    labels = {p["id"]: p.get("label") or p["id"] for p in spec.get("parts", [])}
    return ", ".join(f"\"{labels.get(i, i)}\"" for i in ids)


def describe(spec: dict, result: dict, not_counting: str = "") -> list[str]:
    """Short sentences that say what the result is and why it passes or fails. For a message,
    `not_counting` says which parts the counts leave out (see model.LengthRule.not_counting)."""
    kind = spec["kind"]
    if kind in ("quiz", "sort", "dialogue"):
        what = {"quiz": "questions", "sort": "items", "dialogue": "choices"}[kind]
        return [f"{result['score']} of {result['total']} {what} right ({result['percent']}%); "
                f"the pass mark is {spec['pass_mark']}%"]
    lines = []
    if kind == "pitch":
        label = next((t["label"] for t in spec["targets"] if t["id"] == result["target"]), result["target"])
        lines.append(f"{_count(result['words'], 'words')}, about {_count(result['seconds'], 'seconds')} at "
                     f"{result['words_per_minute']:g} words a minute; {label} needs "
                     f"{result['min_words']} to {result['max_words']} words")
    if kind == "message":
        needs = [_range(spec["length"][key], key) for key in ("sentences", "words")
                 if spec["length"].get(key)]
        lines.append(f"{_count(result['sentences'], 'sentences')} and {_count(result['words'], 'words')}"
                     + (f", {not_counting}" if not_counting else "")
                     + (f"; it needs {' and '.join(needs)}" if needs else ""))
        if result.get("send_by"):
            lines.append(f"send it by {result['send_by']}")
    if result["missing"]:
        lines.append(f"empty parts that are needed: {_labels(result['missing'], spec)}")
    for flagged in result["flagged"]:
        lines.append(f"\"{flagged['word']}\": {flagged['reason']}")
    if result.get("repeated"):
        lines.append("used often: " + ", ".join(f"\"{w}\"" for w in result["repeated"]))
    return lines


def not_counting(exercise) -> str:
    """The parts a message's length leaves out, in words ("" for other kinds)."""
    length = getattr(exercise, "length", None)
    return length.not_counting(exercise.parts) if length is not None else ""


def verdict(result: dict) -> str:
    return "passes" if result["passed"] else "does not pass"
