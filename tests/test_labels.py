"""Words that match the screen: every page, checker message, answers-file message, printed
worksheet instruction and script that quotes a button quotes it exactly as labels.py spells it,
and the site's buttons are the labels themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from course.labels import LABELS, all_labels
from course.messages import MESSAGES

OUTSIDE = {
    # GitHub's own buttons, named in the editing guide's "Proposing a change" steps
    "Edit this page", "Commit changes...", "Propose changes", "Create pull request", "Code",
    "Fork", "Compare & pull request", "Check lessons and exercises", "Files changed",
    # an editor's menu, named in the checker guide
    "Save as",
    # GitHub's token page and a check's details, named in the GitHub guide
    "Generate new token", "Read and write", "Generate token", "Details",
    # the browser editor (Decap CMS) and its sign-in, named in the browser-editing guide
    "Login with GitHub", "Login", "Authorize", "New", "Save", "Publish",
}
"""Buttons and menus that are not the course's own: the theme's, GitHub's, an editor's, Decap
CMS's. The browser editor's one button of its own is checked below, against admin/editor.js."""

EDITOR_BUTTONS = {"Insert exercise"}
"""The button the course adds to the browser editor (admin/editor.js), quoted in its guide."""


def _list_buttons(fields: list[dict]) -> set[str]:
    found = set()
    for entry in fields:
        if entry.get("widget") == "list" and entry.get("label_singular"):
            found.add("Add " + entry["label_singular"])
        found |= _list_buttons(entry.get("fields", []))
    return found


LIST_BUTTONS = {button for collection in yaml.safe_load((ROOT / "admin" / "config.yml").read_text(encoding="utf-8"))["collections"]
                for button in _list_buttons(collection.get("fields", []))}
"""The editor's "Add ..." buttons: Decap CMS names each from its list in admin/config.yml."""

LABEL_VERBS = ("Check", "Export", "Import", "Save", "Open", "Download", "Print", "Try", "Add",
               "Mark", "Clear", "Copy", "Read", "Start", "Stop", "Remove", "Undo", "Continue")
QUOTED = re.compile(r"\*\*([^*\n]+)\*\*|\"([^\"\n]+)\"|\u201c([^\u201d\n]+)\u201d|\\\"([^\"\\\n]+)\\\"")
BUTTON_CONTEXT = re.compile(r"(?:\b(?:press|click|tap|use)\s+(?:the\s+)?$)", re.IGNORECASE)
UNQUOTED = re.compile(r"\b(?:press|click|tap)\s+(?:the\s+)?([A-Z][\w]*)", re.IGNORECASE)


def quoted_labels(text: str) -> list[str]:
    """Phrases in `text` quoted as a button would be: quoted or bold right after "press",
    "click", "tap" or "use", or right before "button", or starting with a verb that starts a
    label ("Export my answers"); and an unquoted "press Check". A bold lead-in that ends a
    sentence ("**Start small.**") or an admonition title (!!! tip "Try this") is not a button."""
    found = []
    for match in QUOTED.finditer(text):
        phrase = next(group for group in match.groups() if group is not None).strip()
        if (phrase.endswith(".") and phrase not in OUTSIDE) or text[max(0, match.start() - 4):match.start()].endswith("!!! ") \
                or re.search(r"!!! \w+ $", text[max(0, match.start() - 20):match.start()]):
            continue
        before = text[max(0, match.start() - 20):match.start()]
        after = text[match.end():match.end() + 8]
        if (BUTTON_CONTEXT.search(before) and phrase[:1].isupper()) or after.lstrip().startswith("button") \
                or phrase.split(" ")[0] in LABEL_VERBS and len(phrase.split()) <= 6:
            found.append(phrase)
    for match in UNQUOTED.finditer(text):
        if match.group(1)[0].isupper():
            rest = text[match.start(1):]
            found.append(next((label for label in all_labels() | OUTSIDE if rest.startswith(label)),
                              match.group(1)))
    return found


def wrong_quotes(text: str) -> list[str]:
    return [phrase for phrase in quoted_labels(text)
            if phrase not in all_labels() | OUTSIDE | EDITOR_BUTTONS | LIST_BUTTONS]


def test_a_list_button_the_guide_names_must_be_on_a_form():
    assert "Add part" in LIST_BUTTONS and wrong_quotes("Press **Add part**.") == []
    assert wrong_quotes("Press **Add parts**.") == ["Add parts"]


def test_the_editor_button_the_guide_names_is_the_one_in_the_editor():
    editor = (ROOT / "admin" / "editor.js").read_text(encoding="utf-8")
    for label in EDITOR_BUTTONS:
        assert f'"{label}")' in editor, label


def sources() -> dict[str, str]:
    """Every text a learner or counsellor reads that may name a button."""
    texts = {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
             for pattern in ("docs/**/*.md", "exercises/*.yml", "scripts/course/templates/**/*.html",
                             "scripts/course/answers.py", "docs/assets/javascripts/*.js")
             for path in sorted(ROOT.glob(pattern))}
    for code, message in MESSAGES.items():
        texts[f"messages.py [{code}]"] = "\n".join([message.text, message.hint, *message.hints_for.values()])
    return texts


def test_the_finder_catches_a_wrong_quote_and_passes_a_right_one():
    assert wrong_quotes("Use **Export my answers** on the page.") == ["Export my answers"]
    assert wrong_quotes("Then press Check.") == ["Check"]
    assert wrong_quotes('Press the "Import answers" button.') == ["Import answers"]
    assert wrong_quotes("Press “Check my answers”, then **Try again**.") == []
    assert wrong_quotes("Then press Check my answers.") == []
    assert wrong_quotes("People say \"Check your email\" too often.") == ["Check your email"]
    assert wrong_quotes("- **Start small.** Say hello.\n!!! tip \"Try this\"\nOn the \"My progress\" page.") == []


def test_every_page_message_and_worksheet_quotes_labels_exactly():
    texts = sources()
    assert len(texts) > 60 and any(name.startswith("docs/how-to-use") for name in texts)
    wrong = {name: bad for name, text in texts.items() if (bad := wrong_quotes(text))}
    assert wrong == {}


def test_the_site_buttons_are_the_labels(site_dir):
    html = "".join(path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html"))
    buttons = {text.strip() for text in re.findall(r"<button[^>]*>([^<]+)<", html) if text.strip()}
    # The theme's own buttons have no text of their own (icons with a name); ours are all labels.
    assert buttons and buttons <= all_labels(), buttons - all_labels()
    for key in ("check_answers", "try_again", "add_row", "download_table", "save_answers", "lesson_done"):
        assert f">{LABELS[key]}<" in html, key
