"""What goes into the search index: a lesson's "Key words" and "How we know" boxes stay on the
page but out of the index; each entry's text is shortened after its first sentences, and every
word stays findable."""

from __future__ import annotations

import json

from course.search_index import AS_WRITTEN, leave_out_boxes, shorten

BOX = ('<div class="admonition info">\n<p class="admonition-title">Key words</p>\n'
       '<ul><li><a href="../glossary.html#small-talk">Small talk</a>: light talk.</li></ul>\n</div>')
HOW_WE_KNOW = ('<details class="note">\n<summary>How we know</summary>\n'
               '<ul><li><a href="../sources.html#boothby-2018">Boothby et al., 2018</a></li></ul>\n</details>')


def test_key_words_and_how_we_know_boxes_are_marked_and_other_boxes_are_not():
    for box, start in ((BOX, '<div class="admonition info" data-search-exclude>'),
                       (HOW_WE_KNOW, '<details class="note" data-search-exclude>')):
        marked = leave_out_boxes(box)
        assert marked.startswith(start)
        assert marked.replace(" data-search-exclude", "") == box
    for other in (BOX.replace("Key words", "Tip"), HOW_WE_KNOW.replace("How we know", "More ideas")):
        assert leave_out_boxes(other) == other


def test_a_short_text_is_kept_as_written():
    text = "Say hello. Ask a question. Listen to the answer."
    assert shorten(text) == text
    long_one_sentence = "word " * 200 + "end."
    assert shorten(long_one_sentence) == long_one_sentence      # no sentence ends after the limit


def test_a_long_text_keeps_its_first_sentences_then_each_new_word_once():
    first = "A handshake is one way to greet someone" + " at work" * 40 + ". "   # one sentence
    assert len(first) > AS_WRITTEN
    text = first + "Some people nod. Some people wave, and some people put a hand on the heart."
    short = shorten(text)
    head = first.rstrip()
    assert short.startswith(head)
    assert short[len(head):].split() == ["Some", "people", "nod", "wave", "and", "put", "hand", "on", "the", "heart"]
    # every word of the text can still be found, ignoring case and punctuation
    words = {w.strip(".,").lower() for w in short.split()}
    assert {w.strip(".,").lower() for w in text.split()} <= words


def test_built_lessons_keep_key_words_and_sources_out_of_the_index(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    lesson = (site_dir / "lessons" / "06-conversation-basics.html").read_text(encoding="utf-8")
    assert '<div class="admonition info" data-search-exclude>' in lesson      # still on the page
    assert '<details class="note" data-search-exclude>' in lesson
    texts = [doc["text"] for doc in index["docs"] if doc["location"].startswith("lessons/")]
    assert not any(text.startswith("Key words") for text in texts)
    assert not any("How we know" in text or "Boothby" in text for text in texts)
    glossary = [doc["text"] for doc in index["docs"] if doc["location"].startswith("glossary.html")]
    assert any("Small talk" in text or "small talk" in text for text in glossary)
