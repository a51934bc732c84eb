"""Claims across sources on real news text.

The base article is the bundled example corpus' GAO report on the tanker
re-run (a Wikinews article); the other "outlets" are that article's real
sentences as another source would write them: reworded, with another number,
another date, another actor, or negated, plus a source that covers the GAO and
the Air Force without the re-run call (silent).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import rashomon.link  # noqa: F401  (import order: link before extract.entities)
from rashomon.extract.claims import find_claims
from rashomon.extract.embeddings import load_encoder
from rashomon.extract.nlp import load_nlp
from rashomon.extract.pipeline import analyse_parsed
from rashomon.ingest.pipeline import ingest_paths
from rashomon.link.claims import (
    link_claims,
    quantity_interval,
    time_interval,
    top_agreed,
    top_disputed,
)
from rashomon.link.entities import key_index, link_entities
from rashomon.model import Document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
GAO_CALL = "The Government Accountability Office on June 18 called for a re-run of the bidding"

VARIANTS = {
    "agree": (
        "Agree Daily",
        "On June 18, the Government Accountability Office called for the bidding for the "
        "U.S. Air Force's $40 billion tanker contract to be re-run, citing major flaws in the "
        "procurement process. Boeing had challenged the award to Northrop Grumman.",
    ),
    "number": (
        "Number Wire",
        "The Government Accountability Office on June 18 called for a re-run of the bidding for "
        "the U.S. Air Force $35 billion tanker contract, Reuters reported.",
    ),
    "date": (
        "Date Post",
        "The Government Accountability Office on June 25 called for a re-run of the bidding for "
        "the U.S. Air Force $40 billion tanker contract, citing major flaws in the procurement "
        "process.",
    ),
    "actor": (
        "Actor Times",
        "The Pentagon upheld Boeing's protest, though not all of their individual claims were "
        "upheld.",
    ),
    "denial": (
        "Denial Herald",
        "The GAO did not uphold Boeing's protest, though some of their individual claims were "
        "accepted.",
    ),
    "silent": (
        "Silent Gazette",
        "The Government Accountability Office issued a non-binding recommendation that the U.S. "
        "Air Force re-open the competition for the tanker. The Air Force has 60 days to respond "
        "to the Government Accountability Office.",
    ),
}


def analyse(documents):
    nlp, encoder = load_nlp(), load_encoder()
    analyses = []
    for document in documents:
        doc = nlp(document.text)
        analysis = analyse_parsed(document, doc)
        analysis.claims = find_claims(doc, analysis, encoder)
        analyses.append(analysis)
    return analyses


def link(analyses):
    _, index = link_entities(analyses)
    return link_claims(analyses, key_index(analyses, index))


@pytest.fixture(scope="module")
def corpus():
    docs = ingest_paths([EXAMPLES / "web" / "defense-desk"]).documents
    (gao,) = docs
    documents = [gao] + [
        Document(name, name, text, published="2008-07-03", outlet=outlet)
        for name, (outlet, text) in VARIANTS.items()
    ]
    claims = link(analyse(documents))
    return gao, claims


def claim_with(claims, doc, needle):
    found = [c for c in claims if any(m.doc == doc and needle in m.text for m in c.mentions)]
    assert found, f"no claim of {doc} with {needle!r}"
    return found[0]


def test_agreement_across_outlets_with_different_wording(corpus):
    gao, claims = corpus
    claim = claim_with(claims, gao.id, GAO_CALL)
    assert {gao.id, "agree"} <= set(claim.support)
    assert "agree" not in {c.doc for c in claim.contradict}
    assert claim.text.startswith(GAO_CALL) or claim.text.startswith("On June 18")
    assert claim.id.startswith("c") and len(claim.id) == 11


def test_number_contradiction_with_reason_and_attributions(corpus):
    gao, claims = corpus
    claim = claim_with(claims, gao.id, GAO_CALL)
    (number,) = [c for c in claim.contradict if c.doc == "number"]
    assert number.reason.startswith("different number:")
    assert "$35 billion (Reuters)" in number.reason
    assert "$40 billion" in number.reason
    assert VARIANTS["number"][1][number.start : number.end] in VARIANTS["number"][1]


def test_date_contradiction(corpus):
    gao, claims = corpus
    claim = claim_with(claims, gao.id, GAO_CALL)
    (date,) = [c for c in claim.contradict if c.doc == "date"]
    assert date.reason.startswith("different date: June 25")
    assert "June 18" in date.reason


def test_actor_contradiction(corpus):
    gao, claims = corpus
    claim = claim_with(claims, gao.id, "upheld Boeing's protest")
    reasons = {c.doc: c.reason for c in claim.contradict}
    assert reasons["actor"].startswith("different actor: Pentagon")
    assert "GAO" in reasons["actor"]


def test_denial_contradiction(corpus):
    gao, claims = corpus
    claim = claim_with(claims, gao.id, "upheld Boeing's protest")
    reasons = {c.doc: c.reason for c in claim.contradict}
    assert reasons["denial"].startswith("negation:")
    assert "did not" in reasons["denial"]


def test_silence_of_a_source_on_the_subject(corpus):
    gao, claims = corpus
    claim = claim_with(claims, gao.id, GAO_CALL)
    assert "silent" in claim.silent
    assert "silent" not in claim.support
    # sources with a statement in the claim are never silent on it
    assert not set(claim.silent) & (set(claim.support) | {c.doc for c in claim.contradict})


def test_rankings(corpus):
    _, claims = corpus
    disputed = top_disputed(claims, 3)
    assert disputed and all(c.contradict for c in disputed)
    counts = [len({x.doc for x in c.contradict}) for c in disputed]
    assert counts == sorted(counts, reverse=True)
    agreed = top_agreed(claims, 3)
    assert len(agreed[0].support) == max(len(c.support) for c in claims)


def test_overlapping_ranges_agree_and_distant_numbers_do_not():
    base = (
        "The first four aircraft will be assembled in Toulouse. Production at the Northrop "
        "Grumman plant in Mobile, Alabama is thought likely to create 1,500 to 2,000 jobs."
    )
    close = (
        "Production at the Northrop Grumman plant in Mobile, Alabama is expected to create "
        "about 1,800 jobs."
    )
    far = (
        "Production at the Northrop Grumman plant in Mobile, Alabama is expected to create "
        "about 5,000 jobs."
    )
    documents = [
        Document("base", "base", base, published="2008-03-01", outlet="Wire"),
        Document("close", "close", close, published="2008-03-02", outlet="Close Daily"),
        Document("far", "far", far, published="2008-03-02", outlet="Far Daily"),
    ]
    analyses = analyse(documents)
    claim = claim_with(link(analyses), "base", "1,500 to 2,000 jobs")
    assert {"base", "close"} <= set(claim.support)
    (far_c,) = [c for c in claim.contradict if c.doc == "far"]
    assert "about 5,000 jobs (Far Daily)" in far_c.reason
    assert far_c.reason.startswith("different number:")
    assert far_c.reason.endswith(("1,500 to 2,000 jobs (Wire)", "about 1,800 jobs (Close Daily)"))


def test_intervals_from_extracted_quantities_and_dates():
    nlp = load_nlp()
    text = "Between 40 and 60 fighters crossed. About 50 fighters crossed. At least 300 died."
    analysis = analyse_parsed(Document("q", "q", text), nlp(text))
    ranged, about, least = analysis.quantities
    assert quantity_interval(ranged) == (40, 60)
    low, high = quantity_interval(about)
    assert low <= 50 <= high and low > 40 and high < 60  # overlaps 40-60
    low, high = quantity_interval(least)
    assert low == 300 and high < 1000  # "at least 300" disagrees with "about 1,000"
    assert time_interval("2008-02")[1].day == 29
    assert time_interval("2008-W09")[0].isoformat() == "2008-02-25"
    assert time_interval("FUTURE_REF") is None
