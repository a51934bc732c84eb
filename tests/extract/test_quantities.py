"""Quantity extraction on real news sentences.

Sentences marked "corpus" are copied verbatim from the benchmark corpora under
/work/shared/benchmarks (Wikinews in the SemEval-2015 TimeLine data, which is
tokenised, and BASIL); the others are written in the style of wire copy to
cover the cases the issue lists. Corpus-wide tests skip when the folder is
absent.
"""

from __future__ import annotations

import glob
import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.extract.nlp import load_nlp
from rashomon.extract.quantities import find_quantities, parse_number_words, parse_numeral
from rashomon.model import Quantity

BENCHMARKS = Path("/work/shared/benchmarks")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


_TEMPORAL = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|\d+:\d\d|years?|months?|weeks?|days?|hours?|minutes?|decades?"
    r"|centur(?:y|ies)|today|yesterday|tomorrow|night|morning|evening|ago|old"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)


def temporal_spans(doc) -> list[tuple[int, int]]:
    """Stand-in for the temporal tagger: spaCy's DATE and TIME entities that
    hold a time word (spaCy also calls "between 40 and 60" a DATE)."""
    return [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in ("DATE", "TIME") and _TEMPORAL.search(e.text)
    ]


def extract(nlp, text: str, masked: list[tuple[int, int]] | None = None) -> list[Quantity]:
    doc = nlp(text)
    found = find_quantities(doc, "d1", temporal_spans(doc) if masked is None else masked)
    for q in found:
        assert q.text == text[q.start : q.end]
        assert q.doc == "d1"
    return found


def only(found: list[Quantity], fragment: str) -> Quantity:
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]


# --- the examples ---------------------------------------------------


def test_spelled_out_approximate_with_counted_noun(nlp):
    found = extract(nlp, "Around two thousand residents fled the town overnight, officials said.")
    q = only(found, "residents")
    assert q.text == "Around two thousand residents"
    assert (q.value, q.approximate, q.counted) == (2000, True, "residents")
    assert q.low is None and q.high is None


def test_between_range(nlp):
    q = only(extract(nlp, "Between 40 and 60 fighters were killed in the clashes."), "fighters")
    assert q.text == "Between 40 and 60 fighters"
    assert (q.value, q.low, q.high, q.counted) == (None, 40, 60, "fighters")


def test_at_least_is_a_lower_bound(nlp):
    q = only(extract(nlp, "At least 50,000 refugees have crossed the border."), "refugees")
    assert (q.value, q.low, q.high, q.counted) == (50000, 50000, None, "refugees")
    assert not q.approximate


@pytest.mark.parametrize(
    ("text", "fragment", "low", "high"),
    [
        ("Hundreds of thousands of people marched on Sunday.", "Hundreds of thousands", 2e5, 1e6),
        ("Tens of thousands protested outside parliament.", "Tens of thousands", 2e4, 1e5),
        ("Dozens of fighters were captured near the border.", "Dozens", 24, 120),
        ("Thousands of residents were left without power.", "Thousands", 2e3, 1e4),
    ],
)
def test_vague_amounts(nlp, text, fragment, low, high):
    q = only(extract(nlp, text), fragment)
    assert q.value is None and q.approximate
    assert (q.low, q.high) == (low, high)


def test_vague_amount_counts_the_of_phrase(nlp):
    q = only(extract(nlp, "Hundreds of thousands of people marched on Sunday."), "people")
    assert q.counted == "people"
    q = only(extract(nlp, "Dozens of fighters were captured near the border."), "fighters")
    assert q.counted == "fighters"


def test_percent_of_the_town(nlp):
    q = only(extract(nlp, "The shelling destroyed 80% of the town, the mayor said."), "%")
    assert q.text == "80% of the town"
    assert (q.value, q.unit, q.counted) == (80, "%", "town")


@pytest.mark.parametrize(
    ("text", "fragment", "value"),
    [
        ("Forty-five people died when the ferry capsized.", "Forty-five", 45),
        ("Officials said two million people had been displaced.", "two million", 2e6),
        ("A dozen soldiers guarded the checkpoint.", "dozen", 12),
        ("The flooding forced half a million people from their homes.", "half a million", 5e5),
        ("The census counted 1.5 million residents in the province.", "1.5 million", 1.5e6),
        ("The council said 3m people would be affected by the cuts.", "3m", 3e6),
        ("The scheme cost the taxpayer £3m, the auditor found.", "£3m", 3e6),
        ("The merger was valued at $40bn by analysts.", "$40bn", 4e10),
        ("The deal is worth one hundred and twenty million dollars.", "one hundred", 1.2e8),
        ("He said two and a half million voters stayed at home.", "two and a half", 2.5e6),
    ],
)
def test_number_forms(nlp, text, fragment, value):
    q = only(extract(nlp, text), fragment)
    assert q.value == value


def test_spelled_out_number_is_whole_text(nlp):
    q = only(extract(nlp, "Forty-five people died when the ferry capsized."), "people")
    assert (q.text, q.counted) == ("Forty-five people", "people")


@pytest.mark.parametrize(
    ("text", "fragment", "low", "high", "counted"),
    [
        # corpus (Wikinews, tokenised)
        (
            "This is thought likely to create 1,500 to 2,000 jobs and support 25,000 others .",
            "jobs",
            1500,
            2000,
            "jobs",
        ),
        ("The unit deployed 40-60 fighters to each village.", "fighters", 40, 60, "fighters"),
        ("Each battalion has 40–60 vehicles in reserve.", "vehicles", 40, 60, "vehicles"),
        # corpus (Wikinews, tokenised)
        (
            "The 787-8 holds between 210 and 250 passengers ; the 787-9 holds 250 to 290 .",
            "passengers",
            210,
            250,
            "passengers",
        ),
        # corpus (BASIL)
        (
            "Estimates of how many women could be included in the lawsuit run from 500,000 "
            "to 1.6 million.",
            "500,000",
            5e5,
            1.6e6,
            None,
        ),
        ("The agency needs between 1 and 2 million doses.", "doses", 1e6, 2e6, "doses"),
    ],
)
def test_ranges(nlp, text, fragment, low, high, counted):
    q = only(extract(nlp, text), fragment)
    assert (q.value, q.low, q.high, q.counted) == (None, low, high, counted)


def test_currency_with_magnitude_and_conversion(nlp):
    # corpus (Wikinews, tokenised; the corpus has "GB #" for the pound sign)
    text = (
        "( EADS ) have unexpectedly defeated Boeing for a US$ 40 billion ( GB£20.1 billion ) "
        "contract to supply the United States Air Force ( USAF ) with 179 new aerial "
        "refueling tankers at a rate of 15 a year ."
    )
    found = extract(nlp, text)
    usd = only(found, "US$")
    assert (usd.text, usd.value, usd.unit, usd.counted) == ("US$ 40 billion", 4e10, "USD", None)
    gbp = only(found, "GB£")
    assert (gbp.value, gbp.unit) == (20.1e9, "GBP")
    tankers = only(found, "tankers")
    assert tankers.text == "179 new aerial refueling tankers"
    assert (tankers.value, tankers.counted) == (179, "tankers")
    assert not any(q.text.startswith("Boeing") for q in found)


@pytest.mark.parametrize(
    ("text", "fragment", "value", "low", "high", "approximate"),
    [
        ("Up to 300 people attended the rally.", "Up to 300", 300, None, 300, False),
        ("More than 40 percent of voters stayed at home.", "More than 40", 40, 40, None, False),
        ("Nearly 700 were injured in the blast.", "Nearly 700", 700, None, 700, True),
        ("Almost 1,000 homes were destroyed.", "Almost 1,000", 1000, None, 1000, True),
        ("Fewer than 20 journalists remain in the city.", "Fewer than 20", 20, None, 20, False),
        ("Over 2,400 units were sold.", "Over 2,400", 2400, 2400, None, False),
        ("Some 400 guests attended the ceremony.", "Some 400", 400, None, None, True),
        ("An estimated 12,000 people fled.", "An estimated 12,000", 12000, None, None, True),
        ("Roughly 5,000 jobs will go.", "Roughly 5,000", 5000, None, None, True),
        ("Approximately 4,300 jobs will go.", "Approximately 4,300", 4300, None, None, True),
        ("About ~300 people gathered.", "~300", 300, None, None, True),
        ("Police said 50,000 or more people marched.", "or more", 50000, 50000, None, False),
    ],
)
def test_bounds_and_hedges(nlp, text, fragment, value, low, high, approximate):
    q = only(extract(nlp, text), fragment)
    assert q.text.startswith(fragment) or fragment in q.text
    assert (q.value, q.low, q.high, q.approximate) == (value, low, high, approximate)


@pytest.mark.parametrize(
    ("text", "fragment", "unit"),
    [
        ("The convoy travelled 120 km before dawn.", "120 km", "km"),
        ("The refinery handles 2.3 million barrels a day.", "barrels", "barrels per day"),
        ("The ship carried 150 tonnes of grain.", "tonnes", "tonnes"),
        ("Unemployment rose to 12 per cent last year.", "12 per cent", "%"),
        ("The fund holds €5 billion in bonds.", "€5 billion", "EUR"),
        # an "m" glued to the digits with no currency before it and no counted noun
        # after it is metres, not million
        ("The climber fell about 200m down a gully.", "about 200m", "m"),
        ("The firm lost $200m last year.", "$200m", "USD"),
        # corpus (Wikinews, tokenised)
        (
            "Delays of the production of the A380 have cost Airbus more than 6 billion dollars .",
            "6 billion dollars",
            "USD",
        ),
        (
            "It will seat 200 to 300 people and will have a range of 3,500 to 8,500 "
            "nautical miles .",
            "nautical miles",
            "nmi",
        ),
    ],
)
def test_units(nlp, text, fragment, unit):
    assert only(extract(nlp, text), fragment).unit == unit


# --- what is not a quantity -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # corpus (Wikinews, tokenised)
        "The Northrop Grumman KC-45 tankers - more often known as KC-30s - are based on the "
        "Airbus A330 MRTT .",
        "Boeing said the 787 will enter service late, and the Boeing 737 will be replaced.",
        "The first aircraft will be in service by 2011 and the second by 2016.",
        "The ceasefire began at 10:12 on 14 August 1990.",
        "For details call 555-1234 or (202) 555-0100.",
        "She finished 1st in the race and 22nd overall.",
        "The COVID-19 outbreak closed Flight 93 memorial and No. 10 Downing Street.",
        "The talks lasted three years.",
    ],
)
def test_not_quantities(nlp, text):
    assert extract(nlp, text, masked=[]) == []


def test_masked_spans_are_never_quantities(nlp):
    text = "Troops arrived on 14 August 1990 and 2,000 more came in 2011."
    doc = nlp(text)
    masked = [(text.index("14 August 1990"), text.index("14 August 1990") + 14)]
    found = find_quantities(doc, "d1", masked)
    assert [q.value for q in found] == [2000]
    for q in found:
        assert all(q.end <= s or q.start >= e for s, e in masked)


def test_change_is_two_values_not_a_range(nlp):
    found = extract(nlp, "The share of the vote rose from 40 to 60 percent.")
    assert all(q.low is None and q.high is None for q in found)
    assert 60 in [q.value for q in found]


def test_ages(nlp):
    q = only(extract(nlp, "The victim, aged 45, was a teacher.", masked=[]), "45")
    assert (q.text, q.value, q.unit, q.counted) == ("aged 45", 45, "years", "age")
    # corpus (BASIL)
    text = "Political observers have predicted that the 68-year-old congressman will likely hold."
    q = only(extract(nlp, text, masked=[]), "68")
    assert (q.value, q.unit, q.counted) == (68, "years", "age")


def test_lone_one_is_not_a_quantity_but_one_million_is(nlp):
    found = extract(nlp, "One of the guards said one million people had signed.")
    assert [q.value for q in found] == [1e6]


# --- number readers ---------------------------------------------------------

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
_ONES += "fifteen sixteen seventeen eighteen nineteen"
ONES = _ONES.split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """English words for 0 <= n < 10**12, British style ("one hundred and five")."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + (" and " + spell(rest) if rest else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= size:
            rest = n % size
            head = spell(n // size) + " " + name
            if not rest:
                return head
            return head + (" and " if rest < 100 else " ") + spell(rest)
    raise AssertionError(n)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_number_words_round_trip(n):
    assert parse_number_words(spell(n).split()) == n


@given(st.integers(min_value=1, max_value=10**12))
def test_numeral_with_thousands_separators_round_trips(n):
    numeral = parse_numeral(f"{n:,}")
    assert numeral is not None and numeral.value == n


@pytest.mark.parametrize("text", ["1990s", "1st", "10:12", "A330", "5G", "0100", "KC-45"])
def test_numeral_rejects_codes(text):
    assert parse_numeral(text) is None


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "at least",
                "between",
                "and",
                "to",
                "40",
                "1,500",
                "two thousand",
                "hundreds of",
                "thousands",
                "of the",
                "residents",
                "$",
                "3m",
                "%",
                "in 2011",
                "Boeing 737",
                "-",
                ",",
                "fled",
                "per cent",
                "nearly",
                "a dozen",
            ]
        ),
        min_size=1,
        max_size=14,
    )
)
def test_offsets_always_match_text(nlp, words):
    text = " ".join(words)
    doc = nlp(text)
    masked = temporal_spans(doc)
    found = find_quantities(doc, "d", masked)
    assert [q.start for q in found] == sorted(q.start for q in found)
    for prev, q in zip(found, found[1:], strict=False):
        assert prev.end <= q.start
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert all(q.end <= s or q.start >= e for s, e in masked)
        if q.value is None:
            assert q.low is not None and q.high is not None and q.low < q.high


# --- the corpora ------------------------------------------------------------


def _semeval_texts() -> list[str]:
    # corpus_1 (Airbus and Boeing) is dense in money, counts and model numbers.
    pattern = "semeval2015_timeline/SemEval_Task4_data/corpus_1/corpus_trackA_TimeML/*.tml"
    texts = []
    for path in sorted(glob.glob(str(BENCHMARKS / pattern))):
        raw = Path(path).read_text(encoding="utf-8")
        sents = re.findall(r'<s id="\d+">(.*?)</s>', raw, re.S)
        texts.append("\n".join(html.unescape(re.sub(r"<[^>]+>", "", s)) for s in sents))
    return texts


def _basil_texts() -> list[str]:
    texts = []
    for path in sorted(glob.glob(str(BENCHMARKS / "basil/articles/*/*.json")))[:6]:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        texts.append("\n\n".join(" ".join(p) for p in data["body-paragraphs"]))
    return texts


@pytest.fixture(scope="module")
def corpus_results(nlp):
    texts = _semeval_texts() + _basil_texts()
    if not texts:
        pytest.skip("benchmark corpora not available")
    results = []
    for doc in nlp.pipe(texts):
        masked = temporal_spans(doc)
        results.append((doc, masked, find_quantities(doc, "d", masked)))
    return results


def test_corpus_invariants(corpus_results):
    for doc, masked, found in corpus_results:
        text = doc.text
        assert [q.start for q in found] == sorted(q.start for q in found)
        for q in found:
            assert q.text == text[q.start : q.end]
            assert all(q.end <= s or q.start >= e for s, e in masked)
            assert q.value is not None or (q.low is not None and q.high is not None)
            assert not re.fullmatch(r"(1[89]|20)\d\d", q.text), q.text  # a bare year


def test_corpus_model_numbers_are_not_quantities(corpus_results):
    checked = 0
    for doc, _, found in corpus_results:
        starts = {q.start for q in found}
        for m in re.finditer(r"\b(?:Boeing|Airbus) (?:A?\d{3})\b", doc.text):
            number_at = m.start() + len(m.group().split()[0]) + 1
            assert number_at not in starts, m.group()
            checked += 1
    assert checked > 20


def test_corpus_finds_money_and_counts(corpus_results):
    money = [q for _, _, found in corpus_results for q in found if q.unit == "USD"]
    assert len(money) > 20
    assert all(q.value is None or q.value > 0 for q in money)
    counted = [q for _, _, found in corpus_results for q in found if q.counted]
    assert {"people", "jobs", "passengers"} <= {q.counted for q in counted}


def test_a_capital_m_glued_to_a_model_number_is_not_metres(nlp):
    for text in (
        "Its Radeon HD 4830M card drives the display.",
        "The laptop uses an Nvidia 7300M chip.",
    ):
        assert not [q for q in extract(nlp, text) if q.unit == "m"], text


def test_a_hyphenated_noun_is_counted_by_its_last_word(nlp):
    # "co-workers" is split at the hyphen and the parse may make "co" the counted head
    q = only(extract(nlp, "The gunman shot three co-workers at the plant on Friday."), "three")
    assert (q.value, q.counted) == (3, "workers")
    assert q.text == "three co-workers"
