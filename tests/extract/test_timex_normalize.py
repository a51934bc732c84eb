"""normalize_timex on single expressions, and the calendar arithmetic behind it."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.extract.timex import normalize_timex
from rashomon.extract.timex.anchoring import iso_week, season_value, weekday_date

# Cases written for this file (not taken from any evaluation set), read against
# a document of Friday 11 October 2019 (ISO week 41).
DCT = "2019-10-11"


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("1997", None, ("DATE", "1997", None)),
        ("June 2016", None, ("DATE", "2016-06", None)),
        ("Sept. 3", "PAST", ("DATE", "2019-09-03", None)),
        ("the 5th of March, 2013", None, ("DATE", "2013-03-05", None)),
        ("03/05/2013", None, ("DATE", "2013-03-05", None)),
        ("late last August", "PAST", ("DATE", "2019-08", "END")),
        ("early November", "PAST", ("DATE", "2018-11", "START")),
        ("early November", "FUTURE", ("DATE", "2019-11", "START")),
        ("Dec. 2", "FUTURE", ("DATE", "2019-12-02", None)),
        ("the end of the year", "PAST", ("DATE", "2018", "END")),
        ("the end of the year", "FUTURE", ("DATE", "2019", "END")),
        ("late this year", None, ("DATE", "2019", "END")),
        ("earlier this year", None, ("DATE", "2019", None)),
        ("the second half of 2018", None, ("DATE", "2018-H2", None)),
        ("the third quarter", "PAST", ("DATE", "2019-Q3", None)),
        ("next week", None, ("DATE", "2019-W42", None)),
        ("Wednesday", "PAST", ("DATE", "2019-10-09", None)),
        ("Friday", "PAST", ("DATE", "2019-10-11", None)),
        ("Monday", "FUTURE", ("DATE", "2019-10-14", None)),
        ("next Tuesday", None, ("DATE", "2019-10-15", None)),
        ("last March", None, ("DATE", "2019-03", None)),
        ("six years ago", None, ("DATE", "2013", None)),
        ("two decades", None, ("DURATION", "P20Y", None)),
        ("the coming weeks", None, ("DURATION", "PXW", None)),
        ("recent months", None, ("DURATION", "PXM", None)),
        ("three-day", None, ("DURATION", "P3D", None)),
        ("ten years'", None, ("DURATION", "P10Y", None)),
        ("half a day", None, ("DURATION", "PT12H", None)),
        ("about two weeks", None, ("DURATION", "P2W", "APPROX")),
        ("less than a month", None, ("DURATION", "P1M", "LESS_THAN")),
        ("every other month", None, ("SET", "P2M", None)),
        ("every Sunday", None, ("SET", "XXXX-WXX-7", None)),
        ("three times a week", None, ("SET", "P1W", None)),
        ("the '80s", None, ("DATE", "198", None)),
        ("the 19th century", None, ("DATE", "18", None)),
        ("mid-June", None, ("DATE", "2019-06", "MID")),
        ("Easter 2016", None, ("DATE", "2016-03-27", None)),
        ("this evening", None, ("TIME", "2019-10-11TEV", None)),
        ("yesterday afternoon", None, ("TIME", "2019-10-10TAF", None)),
        ("9 a.m.", None, ("TIME", "2019-10-11T09:00", None)),
        ("the future", None, ("DATE", "FUTURE_REF", None)),
    ],
)
def test_normalize(text, tense, expected):
    timex = normalize_timex(text, DCT, tense=tense)
    assert timex is not None, text
    assert (timex.type, timex.value, timex.mod) == expected


@pytest.mark.parametrize("text", ["the committee", "May", "hours ago they", "seven", "2011 people"])
def test_not_temporal_or_not_knowable(text):
    timex = normalize_timex(text, DCT)
    if text == "May":  # a month name on its own is a month of the document's year
        assert timex is not None and timex.value == "2019-05"
    else:
        assert timex is None


def test_anaphoric_expressions_use_the_anchor_then_the_dct():
    assert normalize_timex("the next day", DCT, anchor="2010-05-31").value == "2010-06-01"
    assert normalize_timex("three weeks later", DCT, anchor="2010-05-31").value == "2010-W25"
    assert normalize_timex("the following year", DCT, anchor="2010-05").value == "2011"
    assert normalize_timex("the next day", DCT).value == "2019-10-12"
    later = normalize_timex("two days later", None)
    assert (later.type, later.value) == ("DATE", None)


def test_no_document_date_gives_placeholders():
    assert normalize_timex("Friday").value == "XXXX-WXX-5"
    assert normalize_timex("March 7").value == "XXXX-03-07"
    assert normalize_timex("summer").value == "XXXX-SU"
    assert normalize_timex("the first quarter").value == "XXXX-Q1"
    last_week = normalize_timex("last week")
    assert (last_week.type, last_week.value) == ("DATE", None)


@pytest.mark.parametrize(
    ("dct", "text", "expected"),
    [
        ("2021-03-15", "last March", "2020-03"),  # written in March: the March before
        ("2021-03-15", "next March", "2022-03"),
        ("2021-04-02", "last March", "2021-03"),
        ("2021-02-10", "last March", "2020-03"),
        ("2021-03-15", "this March", "2021-03"),
    ],
)
def test_last_month_name_written_in_that_month(dct, text, expected):
    assert normalize_timex(text, dct).value == expected


def test_dateparser_fallback_for_odd_absolute_formats():
    timex = normalize_timex("2013, March the 5th")
    assert timex is not None and timex.value == "2013-03-05"


def test_calendar_helpers():
    friday = date(2013, 3, 22)
    assert weekday_date(friday, 5, -1) == friday
    assert weekday_date(friday, 5, -2) == date(2013, 3, 15)
    assert weekday_date(friday, 1, 1) == date(2013, 3, 25)
    assert iso_week(date(2013, 1, 1)) == "2013-W01"
    assert iso_week(date(2010, 1, 3)) == "2009-W53"
    assert season_value(friday, "SU", -1) == "2012-SU"
    assert season_value(friday, "WI", 0) == "2012-WI"
    assert season_value(friday, "SU", 1) == "2013-SU"
