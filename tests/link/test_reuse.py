"""Copied passages (``find_reuse``) on real text: the bundled example corpus, and
the public corpora in ../shared/benchmarks where present."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rashomon.ingest.pipeline import ingest_paths
from rashomon.link.reuse import earlier_of, find_reuse, quoted_spans
from rashomon.model import Document

PROJECT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"\S+")


@pytest.fixture(scope="module")
def example() -> dict[str, Document]:
    """The example corpus's documents by file name (the wire copy is deduplicated away)."""
    docs = ingest_paths([PROJECT / "examples" / "corpus"]).documents
    return {Path(d.source.split("#")[0]).stem + d.source.partition("#")[2]: d for d in docs}


@pytest.fixture(scope="module")
def articles(benchmarks):
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from corpora import all_articles

    return {f"{a.corpus}:{a.id}": a for a in all_articles(benchmarks)}


def doc(id: str, text: str, published: str | None = None) -> Document:
    return Document(id=id, source=id, text=text, published=published)


def window(text: str, first: int, n: int) -> tuple[int, int]:
    """Character span of whitespace words first .. first + n - 1, without the punctuation
    at its ends (a passage found starts and ends at a word: "-- four years" at "four")."""
    words = list(WORD.finditer(text))
    start, end = words[first].start(), words[first + n - 1].end()
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "\"'”’)":
        end -= 1
    return start, end


def insert(text: str, passage: str, paragraph: int = 1) -> tuple[str, int]:
    """``text`` with ``passage`` as a new paragraph before its n-th paragraph break."""
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    at = breaks[min(paragraph, len(breaks) - 1)] if breaks else len(text)
    return text[:at] + passage + "\n\n" + text[at:], at


def check_offsets(docs: list[Document], found) -> None:
    texts = {d.id: d.text for d in docs}
    for r in found:
        for p in (r.a, r.b):
            text = texts[p.doc]
            assert 0 <= p.start < p.end <= len(text)
            assert text[p.start].isalnum() or text[p.start] in '"“‘«(['
            assert text[p.end - 1].isalnum() or text[p.end - 1] in ".,;:!?\"”’'»)]"
            assert len(re.findall(r"\w+", text[p.start : p.end])) >= r.words * 0.8
        assert 0.0 <= r.similarity <= 1.0


def test_planted_edited_passage_found_with_boundaries_and_direction(example):
    source = example["internal_emails_boeing_air_force"]
    target = example["a400m-software-glitch"]
    s0, s1 = window(source.text, 60, 40)
    words = source.text[s0:s1].split()
    words[12] = "reportedly"  # two substitutions and one deletion, away from the ends
    words[25] = "officials"
    del words[31]
    passage = " ".join(words)
    text, at = insert(target.text, passage)
    copied = doc("copy", text, "2010-02-01")
    docs = [copied, source]  # the copy comes first in the input, yet is the later one
    found = find_reuse(docs)
    assert len(found) == 1
    r = found[0]
    assert r.earlier == source.id and r.a.doc == source.id and r.b.doc == "copy"
    assert abs(r.a.start - s0) <= 1 and abs(r.a.end - s1) <= 1
    assert (r.b.start, r.b.end) == (at, at + len(passage))
    assert r.words == len(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", passage))
    assert 0.85 <= r.similarity < 1.0
    check_offsets(docs, found)


WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words_window(text: str, first: int, n: int) -> str:
    """The whitespace words from ``first`` on that hold exactly ``n`` words."""
    tokens = text.split()[first:]
    for end in range(1, len(tokens) + 1):
        count = len(WORDS.findall(" ".join(tokens[:end])))
        if count == n:
            return " ".join(tokens[:end])
        if count > n:
            break
    raise AssertionError("no window of exactly that many words")


@pytest.mark.parametrize(("n", "found"), [(25, 1), (24, 0)])
def test_a_copied_passage_of_exactly_the_minimum_length_counts(example, n, found):
    source = example["internal_emails_boeing_air_force"]
    passage = words_window(source.text, 60, n)
    text, _ = insert(example["a400m-software-glitch"].text, passage)
    result = find_reuse([source, doc("copy", text)], min_words=25)
    assert len(result) == found
    if found:
        assert result[0].words == 25


def test_undated_or_same_day_gives_no_direction(example):
    source = example["internal_emails_boeing_air_force"]
    s0, s1 = window(source.text, 100, 50)
    text, _ = insert(example["gao-tanker-rerun"].text, source.text[s0:s1])
    for published in (None, source.published + "T10:00"):
        found = find_reuse([source, doc("copy", text, published)])
        assert len(found) == 1
        assert found[0].earlier is None and found[0].a.doc == source.id


def test_reordered_sentences_are_one_passage(example):
    source = example["internal_emails_boeing_air_force"]
    s0, s1 = window(source.text, 0, 90)
    sentences = re.split(r"(?<=[.!?])\s+", source.text[s0:s1])
    assert len(sentences) >= 3
    sentences[0], sentences[1] = sentences[1], sentences[0]
    text, _ = insert(example["eads-raf-airtanker"].text, " ".join(sentences))
    found = find_reuse([source, doc("copy", text)])
    assert len(found) == 1 and found[0].words >= 80


def test_example_corpus_has_no_reuse_between_distinct_articles(example):
    """The only copied passage is the one the demo's blog post takes from the wire story."""
    docs = list(example.values())
    assert len(docs) >= 8
    found = find_reuse(docs)
    names = {d.id: name for name, d in example.items()}
    assert len(found) == 1
    first, copy = names[found[0].a.doc], names[found[0].b.doc]
    assert first.endswith("northrop_eads_defeat_boeing") and copy == "tanker_value"
    assert found[0].earlier == found[0].a.doc


def test_wire_copy_of_a_wikinews_article(example, articles):
    wire = example["copy_of_northrop_eads_defeat_boeing"]
    original = articles["wikinews:100911"]
    wiki = doc("wikinews:100911", original.text, original.published)
    found = find_reuse([wire, wiki])
    assert found, "the wire page is a copy of Wikinews 100911"
    assert sum(r.words for r in found) >= 0.8 * len(original.text.split())
    check_offsets([wire, wiki], found)


def test_independent_articles_on_one_event_share_nothing(articles):
    # BASIL triplets: Fox, NYT and HuffPost on the same story, written independently
    for event in ("45bd61bc-c356-4450-9e3a-cbfc862b09fd", "6b541575-99b1-40d2-8730-9bb868ee38ed"):
        triplet = [
            doc(k, a.text, a.published)
            for k, a in articles.items()
            if k.startswith("basil:" + event)
        ]
        assert len(triplet) == 3
        # 6b54...: two outlets print the same 69-word statement of the congressman,
        # inside quotation marks, with their own attributions: a shared quotation
        assert find_reuse(triplet) == []


def test_stock_phrases_and_name_lists_are_not_reuse(example):
    stock = (
        "The views expressed in this article are the author's own and do not "
        "necessarily reflect the editorial policy."
    )
    names = (
        "Boeing, Airbus, Lockheed Martin, Northrop Grumman, EADS, Raytheon, General Dynamics, "
        "BAE Systems, Thales, Finmeccanica, Dassault Aviation, Saab, Embraer, Bombardier, "
        "Rolls-Royce, Pratt & Whitney, General Electric, Honeywell, Textron, L-3 Communications, "
        "Harris Corporation, Rockwell Collins"
    )
    a = example["gao-tanker-rerun"]
    b = example["eads-raf-airtanker"]
    ta, _ = insert(a.text, stock + " " + names)
    tb, _ = insert(b.text, names + "\n\n" + stock, 0)
    assert find_reuse([doc("a", ta), doc("b", tb)]) == []


def test_boilerplate_in_many_documents_is_ignored(example):
    footer = (
        "Sign up for our daily newsletter to receive the latest news on defence, aerospace and "
        "the industry straight to your inbox every morning, and follow us for updates on what "
        "matters most to you."
    )
    plain = [doc(f"d{i}", d.text) for i, d in enumerate(example.values())]
    copied = len(find_reuse(plain))  # the demo's one copied paragraph
    docs = [doc(f"d{i}", d.text + "\n\n" + footer) for i, d in enumerate(example.values())]
    pairs = len(docs) * (len(docs) - 1) // 2
    assert len(find_reuse(docs, max_df=len(docs))) == pairs + copied
    assert len(find_reuse(docs, max_df=len(docs) - 1)) == copied


def test_shared_quotation_is_not_reuse_but_quoted_prose_is(example):
    quote = (
        "We have looked at every option on the table, and we believe that this decision "
        "gives the taxpayers and the men and women of the Air Force the best aircraft at "
        "the best price available today"
    )
    a = example["gao-tanker-rerun"]
    b = example["eads-raf-airtanker"]
    ta, _ = insert(a.text, f"“{quote},” the secretary told reporters on Friday.")
    tb, _ = insert(b.text, f'"{quote}," said Michael Wynne in a statement.', 0)
    assert find_reuse([doc("a", ta), doc("b", tb)]) == []
    # the same words as one outlet's own prose: reported
    tc, _ = insert(b.text, f"Officials said that {quote}.", 0)
    found = find_reuse([doc("a", ta), doc("c", tc)])
    assert len(found) == 1 and found[0].words >= 30


def test_quoted_spans():
    text = 'He said "a b c" and “d e”.\n\n"open at the end of a paragraph\n\nnext'
    q0, q1 = quoted_spans(text)
    spans = [text[s:e] for s, e in zip(q0.tolist(), q1.tolist(), strict=True)]
    assert spans == ['"a b c"', "“d e”", '"open at the end of a paragraph']


def test_earlier_of_compares_at_common_precision():
    a, b = doc("a", "", "2008-03-01"), doc("b", "", "2008-03-01T16:12")
    assert earlier_of(a, b) is None
    assert earlier_of(a, doc("c", "", "2008-02-28T23:59")) == "c"
    assert earlier_of(doc("d", "", "2008-03"), doc("e", "", "2008-04-02")) == "d"
    assert earlier_of(a, doc("f", "")) is None


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_verbatim_window_of_30_words_is_found(example, data):
    names = sorted(example)
    src_name = data.draw(st.sampled_from(names))
    dst_name = data.draw(st.sampled_from([n for n in names if n != src_name]))
    source, target = example[src_name], example[dst_name]
    n_words = len(source.text.split())
    length = data.draw(st.integers(30, min(80, n_words)))
    first = data.draw(st.integers(0, n_words - length))
    s0, s1 = window(source.text, first, length)
    # A window that is mostly one quotation is a shared quote, not reuse (documented rule).
    starts, ends = quoted_spans(source.text)
    quoted = sum(max(0, min(e, s1) - max(s, s0)) for s, e in zip(starts, ends, strict=True))
    assume(quoted < 0.5 * (s1 - s0))
    paragraph = data.draw(st.integers(0, 5))
    text, at = insert(target.text, source.text[s0:s1], paragraph)
    docs = [source, doc("copy", text)]
    found = find_reuse(docs)
    check_offsets(docs, found)
    hits = [
        r
        for r in found
        if r.a.start <= s0 + 2
        and r.a.end >= s1 - 2
        and r.b.start <= at + 2
        and r.b.end >= at + (s1 - s0) - 2
    ]
    assert len(hits) == 1, (src_name, dst_name, first, length)
