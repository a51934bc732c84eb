"""normalize_timex on single expressions, and the calendar arithmetic behind it."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.extract.timex import normalize_timex
from rashomon.extract.timex.anchoring import iso_week, season_value, weekday_date

DCT = "2013-03-22"  # a Friday


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("2011", None, ("DATE", "2011", None)),
        ("May 2010", None, ("DATE", "2010-05", None)),
        ("Feb. 28", "PAST", ("DATE", "2013-02-28", None)),
        ("the 5th of March, 2013", None, ("DATE", "2013-03-05", None)),
        ("03/05/2013", None, ("DATE", "2013-03-05", None)),
        ("late last July", "PAST", ("DATE", "2012-07", "END")),
        ("early December", "PAST", ("DATE", "2012-12", "START")),
        ("April 7", "FUTURE", ("DATE", "2013-04-07", None)),
        ("the end of year", "PAST", ("DATE", "2012", "END")),
        ("the end of the year", "FUTURE", ("DATE", "2013", "END")),
        ("early this year", None, ("DATE", "2013", "START")),
        ("earlier this year", None, ("DATE", "2013", None)),
        ("the first half of 2013", None, ("DATE", "2013-H1", None)),
        ("the fourth quarter", "PAST", ("DATE", "2012-Q4", None)),
        ("this week", None, ("DATE", "2013-W12", None)),
        ("Thursday", "PAST", ("DATE", "2013-03-21", None)),
        ("Friday", "PAST", ("DATE", "2013-03-22", None)),
        ("next Tuesday", None, ("DATE", "2013-03-26", None)),
        ("last June", None, ("DATE", "2012-06", None)),
        ("four years ago", None, ("DATE", "2009", None)),
        ("a decade", None, ("DURATION", "P10Y", None)),
        ("the next few months", None, ("DURATION", "PXM", None)),
        ("recent weeks", None, ("DURATION", "PXW", None)),
        ("four-week", None, ("DURATION", "P4W", None)),
        ("five years'", None, ("DURATION", "P5Y", None)),
        ("half an hour", None, ("DURATION", "PT30M", None)),
        ("about three months", None, ("DURATION", "P3M", "APPROX")),
        ("more than a week", None, ("DURATION", "P1W", "MORE_THAN")),
        ("every other week", None, ("SET", "P2W", None)),
        ("every Monday", None, ("SET", "XXXX-WXX-1", None)),
        ("twice a year", None, ("SET", "P1Y", None)),
        ("the '90s", None, ("DATE", "199", None)),
        ("the 1800s", None, ("DATE", "18", None)),
        ("the 21st century", None, ("DATE", "20", None)),
        ("mid-March", None, ("DATE", "2013-03", "MID")),
        ("Christmas Day", None, ("DATE", "2013-12-25", None)),
        ("Easter 2010", None, ("DATE", "2010-04-04", None)),
        ("tonight", None, ("TIME", "2013-03-22TNI", None)),
        ("yesterday morning", None, ("TIME", "2013-03-21TMO", None)),
        ("8 p.m.", None, ("TIME", "2013-03-22T20:00", None)),
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
        assert timex is not None and timex.value == "2013-05"
    else:
        assert timex is None


def test_anaphoric_expressions_use_the_anchor_then_the_dct():
    assert normalize_timex("the next day", DCT, anchor="2010-05-31").value == "2010-06-01"
    assert normalize_timex("three weeks later", DCT, anchor="2010-05-31").value == "2010-W25"
    assert normalize_timex("the following year", DCT, anchor="2010-05").value == "2011"
    assert normalize_timex("the next day", DCT).value == "2013-03-23"
    later = normalize_timex("two days later", None)
    assert (later.type, later.value) == ("DATE", None)


def test_no_document_date_gives_placeholders():
    assert normalize_timex("Friday").value == "XXXX-WXX-5"
    assert normalize_timex("March 7").value == "XXXX-03-07"
    assert normalize_timex("summer").value == "XXXX-SU"
    assert normalize_timex("the first quarter").value == "XXXX-Q1"
    last_week = normalize_timex("last week")
    assert (last_week.type, last_week.value) == ("DATE", None)


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
