"""The shared pipeline ends a sentence at every blank line.

Written for this test: a saved page whose URL line, headline and dateline have no
final stop; the parser alone runs them into the first paragraph.
"""

from __future__ import annotations

from rashomon.extract.nlp import load_nlp

PAGE = (
    "http: / / www. example-news. com / 2013 / 06 / 10 / harwick-deaths\n\n"
    "Two women found dead in Harwick house\n\n"
    "Updated 10 June 2013\n\n"
    "The bodies of two women were found at a house in Harwick on Saturday. A man, 57, "
    "was arrested nearby."
)


def test_a_blank_line_ends_a_sentence() -> None:
    sentences = [s.text.strip() for s in load_nlp()(PAGE).sents]
    assert "Two women found dead in Harwick house" in sentences, sentences
    assert "Updated 10 June 2013" in sentences, sentences
    assert "A man, 57, was arrested nearby." in sentences, sentences


def test_a_single_line_break_inside_a_paragraph_is_no_sentence_end() -> None:
    text = "The bodies of two women were found at a house\nin Harwick on Saturday."
    assert len(list(load_nlp()(text).sents)) == 1
