"""A lesson's "Key words" box stays on the page but out of the search index: each word links
to the glossary, whose entry the index holds with the same words."""

from __future__ import annotations

from course.search_index import leave_out_key_words

BOX = ('<div class="admonition info">\n<p class="admonition-title">Key words</p>\n'
       '<ul><li><a href="../glossary.html#small-talk">Small talk</a>: light talk.</li></ul>\n</div>')


def test_key_words_box_is_marked_and_other_boxes_are_not():
    marked = leave_out_key_words(BOX)
    assert marked.startswith('<div class="admonition info" data-search-exclude>')
    assert marked.replace(" data-search-exclude", "") == BOX
    tip = BOX.replace("Key words", "Tip")
    assert leave_out_key_words(tip) == tip


def test_built_lessons_keep_key_words_out_of_the_index(site_dir):
    import json
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    lesson = (site_dir / "lessons" / "06-conversation-basics.html").read_text(encoding="utf-8")
    assert '<div class="admonition info" data-search-exclude>' in lesson      # still on the page
    texts = [doc["text"] for doc in index["docs"] if doc["location"].startswith("lessons/")]
    assert not any(text.startswith("Key words") for text in texts)
    glossary = [doc["text"] for doc in index["docs"] if doc["location"].startswith("glossary.html")]
    assert any("Small talk" in text or "small talk" in text for text in glossary)
