"""Long texts analysed whole, in pieces, every finding pointing into the full text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from rashomon.extract import pieces
from rashomon.extract.pipeline import extract_document
from rashomon.ingest import ingest_paths
from rashomon.model import Document

EXAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def long_text() -> str:
    """The example corpus's real articles, one after another (about 25,000 characters)."""
    return "\n\n".join(d.text for d in ingest_paths([EXAMPLE_CORPUS]).documents)


def test_bounds_cover_the_text_and_cut_at_paragraphs(long_text):
    bounds = pieces.piece_bounds(long_text, 4000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(long_text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(0 < end - start <= 4000 for start, end in bounds)
    for _, end in bounds[:-1]:
        assert long_text[end - 1] == "\n"  # after a paragraph or line break
        assert not long_text[end].isspace()


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("One sentence here. " * 400, ". "),  # no line breaks: a sentence end
        ("word " * 2000, " "),  # no sentences: a word boundary
    ],
)
def test_without_paragraphs_the_cut_falls_at_the_next_best_boundary(text, expect):
    bounds = pieces.piece_bounds(text, 1000)
    for _, end in bounds[:-1]:
        assert text[end - len(expect) : end] == expect
    assert all(end - start <= 1000 for start, end in bounds)


def test_a_text_with_no_boundary_is_cut_hard():
    text = "x" * 2500
    assert pieces.piece_bounds(text, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_offsets_shift_on_nested_findings():
    @dataclasses.dataclass
    class Span:
        start: int
        end: int
        flag: bool = True

    @dataclasses.dataclass
    class Finding:
        start: int
        end: int
        speaker_start: int | None
        count: int
        parts: list[Span]

    finding = Finding(1, 5, 2, 7, [Span(3, 4)])
    pieces.shift_offsets(finding, 100)
    assert (finding.start, finding.end, finding.speaker_start, finding.count) == (101, 105, 102, 7)
    assert finding.parts[0] == Span(103, 104, True)


def test_a_text_over_the_parser_limit_is_analysed_whole(long_text, nlp, monkeypatch):
    """With the parser limited to 6,000 characters, a 25,000-character text still gets
    every finding, each pointing into the full text."""
    monkeypatch.setattr(nlp, "max_length", 6000)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 5000)
    document = Document("long", "long.txt", long_text, published="2008-03-01")
    analysis = extract_document(document)
    assert analysis.document is document
    for name in pieces.FINDING_LISTS:
        for finding in getattr(analysis, name):
            if hasattr(finding, "text"):
                assert long_text[finding.start : finding.end] == finding.text, (name, finding)
    sentences = [(s.start, s.end) for s in analysis.sentences]
    assert sentences == sorted(sentences) and sentences[-1][1] <= len(long_text)
    assert analysis.words > 3000
    assert max(s.end for s in analysis.sentences) > len(long_text) - 200
    assert max(m.start for m in analysis.entity_mentions) > len(long_text) - 3000


def test_pieces_find_what_the_whole_text_finds(long_text, nlp, monkeypatch):
    whole = extract_document(Document("w", "w.txt", long_text, published="2008-03-01"))
    monkeypatch.setattr(pieces, "PIECE_CHARS", 5000)
    cut = extract_document(Document("w", "w.txt", long_text, published="2008-03-01"))
    spans = {(m.start, m.end) for m in whole.entity_mentions}
    found = {(m.start, m.end) for m in cut.entity_mentions}
    assert len(found & spans) >= 0.9 * len(spans)
    assert len(found & spans) >= 0.9 * len(found)
    times = {(t.start, t.end) for t in whole.times}
    assert len(times & {(t.start, t.end) for t in cut.times}) >= 0.9 * len(times)
