"""tag_times on news-style sentences: spans, TIMEX3 types, values, modifiers, anchors."""

from __future__ import annotations

import re

import pytest

from rashomon.extract.nlp import load_nlp
from rashomon.extract.timex import tag_times
from rashomon.model import TimeMention

DCT = "2019-03-07"  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def tag(nlp):
    def run(text: str, dct: str | None = DCT) -> list[TimeMention]:
        doc = nlp(text)
        mentions = tag_times(doc, "doc-1", dct)
        _check_invariants(text, mentions)
        return mentions

    return run


def _check_invariants(text: str, mentions: list[TimeMention]) -> None:
    previous_end = -1
    for mention in mentions:
        assert mention.doc == "doc-1"
        assert mention.start >= previous_end, "mentions overlap or are unsorted"
        assert text[mention.start : mention.end] == mention.text
        assert mention.type in ("DATE", "TIME", "DURATION", "SET")
        previous_end = mention.end


def _find(mentions: list[TimeMention], text: str) -> TimeMention:
    found = [m for m in mentions if m.text == text]
    assert found, f"{text!r} not tagged; got {[m.text for m in mentions]}"
    return found[0]


def test_absolute_dates_and_years(tag):
    mentions = tag(
        "The uprising, which began in 2011, reached the capital in March 2012. "
        "On 14 August 1990, Iraqi troops were already massed on the border."
    )
    assert [(m.text, m.type, m.value) for m in mentions] == [
        ("2011", "DATE", "2011"),
        ("March 2012", "DATE", "2012-03"),
        ("14 August 1990", "DATE", "1990-08-14"),
    ]
    assert all(m.anchor is None for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "span", "value", "mod"),
    [
        ("Fighting intensified in late 2011, officials said.", "late 2011", "2011", "END"),
        ("The rebels took the town in early 2011.", "early 2011", "2011", "START"),
        ("By mid-2011 the regime had lost the east.", "mid-2011", "2011", "MID"),
        ("Prices peaked at the end of 2012, analysts said.", "the end of 2012", "2012", "END"),
        ("The band formed in the early 1990s in Leeds.", "the early 1990s", "199", "START"),
    ],
)
def test_position_modifiers(tag, sentence, span, value, mod):
    mention = _find(tag(sentence), span)
    assert (mention.type, mention.value, mention.mod) == ("DATE", value, mod)


def test_seasons(tag):
    mentions = tag(
        "Shortages were worst during the winter of 2009-10, and aid resumed in summer 2010. "
        "The camp flooded last summer."
    )
    assert _find(mentions, "the winter of 2009-10").value == "2009-WI"
    assert _find(mentions, "summer 2010").value == "2010-SU"
    last_summer = _find(mentions, "last summer")
    assert (last_summer.value, last_summer.anchor) == ("2018-SU", DCT)


def test_weekday_is_past_by_default_and_future_with_will(tag):
    mentions = tag(
        "The minister resigned on Tuesday after weeks of protests. "
        "Her successor will be sworn in on Tuesday, the palace said."
    )
    tuesdays = [m for m in mentions if m.text == "Tuesday"]
    assert [m.value for m in tuesdays] == ["2019-03-05", "2019-03-12"]
    assert all(m.anchor == DCT for m in tuesdays)


def test_date_without_year_takes_year_of_previous_date(tag):
    mentions = tag(
        "Government forces entered the city on 5 March 2013. "
        "Two days later, on 7 March, the last rebels withdrew."
    )
    assert _find(mentions, "5 March 2013").value == "2013-03-05"
    later = _find(mentions, "Two days later")
    assert (later.type, later.value, later.anchor) == ("DATE", "2013-03-07", "2013-03-05")
    seventh = _find(mentions, "7 March")
    assert seventh.value == "2013-03-07"
    assert seventh.anchor is not None and seventh.anchor.startswith("2013-03")


def test_date_without_year_falls_back_on_document_year_and_tense(tag):
    mentions = tag("The company was founded in December, and it will list its shares in April.")
    assert _find(mentions, "December").value == "2018-12"
    assert _find(mentions, "April").value == "2019-04"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The judge set the sentencing for June 28 at 2 p.m.", "June 28", "2019-06-28"),
        ("The hearing was postponed to May 2, a court clerk said.", "May 2", "2019-05-02"),
        ("The board scheduled the vote for April 10.", "April 10", "2019-04-10"),
    ],
)
def test_a_day_fixed_for_something_to_come_lies_ahead(tag, sentence, span, value):
    """A past-tense verb that fixes a day ("set ... for June 28") names a day after the
    setting, which the report tells on its own day: not the June of the year before."""
    assert _find(tag(sentence), span).value == value


def test_a_past_day_with_for_is_still_past(tag):
    """Only a verb that fixes a day looks ahead: "voted for the plan on May 2" did not."""
    mention = _find(tag("The council voted for the plan on May 2."), "May 2")
    assert mention.value == "2018-05-02"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Police said yesterday that two suspects had been arrested.", "yesterday", "2019-03-06"),
        ("The court will rule today on the appeal.", "today", "2019-03-07"),
        ("The talks resume tomorrow in Geneva.", "tomorrow", "2019-03-08"),
        ("The ceasefire collapsed last week.", "last week", "2019-W09"),
        ("Exports fell sharply last year.", "last year", "2018"),
        ("Elections are due next month.", "next month", "2019-04"),
        ("Growth has slowed this year.", "this year", "2019"),
        ("Sales rose 4% in the first quarter.", "the first quarter", "2019-Q1"),
        ("The mayor was elected two years ago.", "two years ago", "2017"),
    ],
)
def test_deictic_expressions_resolve_against_dct(tag, sentence, span, value):
    mention = _find(tag(sentence), span)
    assert (mention.type, mention.value, mention.anchor) == ("DATE", value, DCT)


def test_year_range_gives_two_linked_mentions(tag):
    mentions = tag("He served as governor from 2003 to 2005 before entering the Senate.")
    first, second = _find(mentions, "2003"), _find(mentions, "2005")
    assert (first.value, first.end_value) == ("2003", "2005")
    assert (second.value, second.end_value) == ("2005", None)


def test_abbreviated_year_range_and_fiscal_span(tag):
    mentions = tag(
        "The expedition of 1957-58 crossed Antarctica. The 2010-11 budget was cut by a third."
    )
    assert [(m.text, m.value, m.end_value) for m in mentions] == [
        ("1957", "1957", "1958"),
        ("58", "1958", None),
        ("2010", "2010", "2011"),
        ("11", "2011", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "mod"),
    [
        ("The two families have feuded for decades.", "decades", "PXDE", None),
        ("The siege lasted three years.", "three years", "P3Y", None),
        ("Talks could take two weeks.", "two weeks", "P2W", None),
        ("The suspect was held for 48 hours.", "48 hours", "PT48H", None),
        ("Negotiations dragged on for several months.", "several months", "PXM", None),
        ("He had led the agency for almost seven years.", "almost seven years", "P7Y", "LESS_THAN"),
        ("The flu has spread over the past two years.", "the past two years", "P2Y", None),
    ],
)
def test_durations(tag, sentence, span, value, mod):
    mention = _find(tag(sentence), span)
    assert (mention.type, mention.value, mention.mod) == ("DURATION", value, mod)


def test_ages_are_not_durations(tag):
    mentions = tag("A 22-year-old man and children ages 6 months and older were treated.")
    assert mentions == []


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Inspectors visit the plant every week.", "every week", "P1W"),
        ("The council publishes a weekly bulletin.", "weekly", "P1W"),
        ("The fund pays out billions annually.", "annually", "P1Y"),
        ("She checks for smog every morning.", "every morning", "XXXX-XX-XXTMO"),
    ],
)
def test_sets(tag, sentence, span, value):
    mention = _find(tag(sentence), span)
    assert (mention.type, mention.value) == ("SET", value)


def test_decades_and_centuries(tag):
    mentions = tag(
        "The policy dates from the 1990s and was revised in the 1980s' style, "
        "a relic of the 20th century."
    )
    assert _find(mentions, "the 1990s").value == "199"
    assert _find(mentions, "the 20th century").value == "19"
    assert any(m.value == "198" for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The party is now the largest in parliament.", "now", "PRESENT_REF"),
        ("About 400 troops are currently deployed.", "currently", "PRESENT_REF"),
        ("The group has recently changed its name.", "recently", "PAST_REF"),
        ("In the past, he has called for talks.", "the past", "PAST_REF"),
    ],
)
def test_reference_words(tag, sentence, span, value):
    mention = _find(tag(sentence), span)
    assert (mention.type, mention.value) == ("DATE", value)


def test_clock_times(tag):
    mentions = tag(
        "The first explosion was heard at 10:12 AM, and the match was postponed "
        "until 15:00 GMT Saturday."
    )
    assert _find(mentions, "10:12 AM").value == "2019-03-07T10:12"
    saturday = _find(mentions, "15:00 GMT Saturday")
    assert (saturday.type, saturday.value) == ("TIME", "2019-03-09T15:00")


def test_part_of_day(tag):
    mentions = tag("Before departing for Jordan on Friday afternoon, the president spoke.")
    mention = _find(mentions, "Friday afternoon")
    assert (mention.type, mention.value) == ("TIME", "2019-03-01TAF")


def test_modal_may_and_numbers_are_not_dates(tag):
    mentions = tag(
        "The deal may collapse, and 1500 soldiers could leave. It costs 2,011 dollars. "
        "Theresa May said the vote would go ahead."
    )
    assert mentions == []


def test_without_document_date_relative_values_stay_open(tag):
    mentions = tag(
        "The minister resigned on Tuesday. Police said yesterday that the attack on "
        "7 March was planned in 2012.",
        dct=None,
    )
    assert _find(mentions, "Tuesday").value == "XXXX-WXX-2"
    yesterday = _find(mentions, "yesterday")
    assert yesterday.value is None and yesterday.type == "DATE"
    assert _find(mentions, "7 March").value == "XXXX-03-07"
    assert _find(mentions, "2012").value == "2012"


def test_empty_and_timeless_documents(tag):
    assert tag("") == []
    assert tag("The committee discussed the proposal at length.") == []


def test_values_follow_timex3_syntax(tag):
    mentions = tag(
        "Last month, after the January 2013 floods, officials said the works would "
        "take a year and a half and cost $40m a year, starting in the third quarter of 2013."
    )
    pattern = re.compile(
        r"^(?:\d{2,4}(?:-(?:\d\d|W\d\d|Q[1-4]|H[12]|SP|SU|FA|WI)(?:-\d\d)?)?(?:T[\w:]+)?"
        r"|P(?:T?[\dX.]+[A-Z]+)+|XXXX[-\w]*|(?:PRESENT|PAST|FUTURE)_REF)$"
    )
    assert mentions
    for mention in mentions:
        assert mention.value is None or pattern.match(mention.value), mention
    assert _find(mentions, "the third quarter of 2013").value == "2013-Q3"
    assert _find(mentions, "a year and a half").value == "P18M"


def test_the_day_before_another_event_is_not_dated_from_the_report() -> None:
    """ "The day before Smith's arrest" dates another event, not the day before the
    report; "the day before" alone and "the day before yesterday" keep their reading."""
    from rashomon.extract.pipeline import extract_document
    from rashomon.model import Document

    def times(text: str) -> list[tuple[str, str | None]]:
        doc = Document("d", "d.txt", text, published="2013-09-16")
        return [(t.text, t.value) for t in extract_document(doc).times]

    assert times("The day before Smith's arrest another man was stopped at the border.") == []
    assert times("The day before the vote, he resigned.") == []
    assert times("He had been arrested the day before.") == [("the day before", "2013-09-15")]
    assert times("He died the day before yesterday.") == [
        ("the day before yesterday", "2013-09-14")
    ]


FLOODED = "The plant has been idle since it flooded last March, the union said."


@pytest.mark.parametrize(
    ("dct", "sentence", "value"),
    [
        # Written in March: "last March" is a year back, not the current month.
        ("2016-03-14", FLOODED, "2015-03"),
        ("2016-03-14", "Talks on the treaty resume next March in Vienna.", "2017-03"),
        # Written later in the year: the March just gone.
        ("2016-10-14", FLOODED, "2016-03"),
    ],
)
def test_last_month_name_in_a_report_of_that_month(tag, dct, sentence, value):
    span = "last March" if "last" in sentence else "next March"
    mention = _find(tag(sentence, dct), span)
    assert (mention.type, mention.value, mention.anchor) == ("DATE", value, dct)


def test_a_holiday_in_a_past_clause_is_the_last_one() -> None:
    """ "was arrested on Christmas Day" in a September report is last December's; a
    future clause keeps this year's, and a stated year is kept."""
    from rashomon.extract.pipeline import extract_document
    from rashomon.model import Document

    def values(text: str) -> list[str | None]:
        doc = Document("d", "d.txt", text, published="2013-09-16")
        return [t.value for t in extract_document(doc).times]

    assert values("He was arrested on Christmas Day.") == ["2012-12-25"]
    assert values("He will be home for Christmas.") == ["2013-12-25"]
    assert values("He was arrested at Christmas 2011.") == ["2011-12-25"]
    assert values("They met at Easter.") == ["2013-03-31"]
