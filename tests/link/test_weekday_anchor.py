"""Two reports that name the same weekday do not dispute the day because one of them
is dated a week later.

Written for these tests: "found on Saturday" in a report of the Monday after, and the
same words in a copy whose page carries a later update's date, are placed on two
Saturdays by their reports' dates alone.
"""

from __future__ import annotations

from rashomon.link.facts.conflicts import Side, assess
from rashomon.model import FactMention


def said(doc: str, text: str, value: str) -> FactMention:
    return FactMention(doc, 10, 10 + len(text), text, "when", value, 0, 5, 0, 80)


PUBLISHED = {"a": "2013-06-10", "b": "2013-06-18", "c": "2013-06-10"}


def test_the_same_weekday_in_reports_a_week_apart_is_no_dispute() -> None:
    first = Side("2013-06-08", [said("a", "Saturday morning", "2013-06-08TMO")])
    later = Side("2013-06-15", [said("b", "Saturday", "2013-06-15")])
    verdict = assess("when", first, later, {}, PUBLISHED)
    assert (verdict.kind, verdict.reason) == ("abstain", "same-weekday")


def test_two_weekdays_or_a_dated_day_are_still_judged() -> None:
    first = Side("2013-06-08", [said("a", "Saturday", "2013-06-08")])
    sunday = Side("2013-06-09", [said("c", "Sunday", "2013-06-09")])
    assert assess("when", first, sunday, {}, PUBLISHED).kind == "dispute"
    dated = Side("2013-06-15", [said("b", "Saturday, June 15", "2013-06-15")])
    assert assess("when", first, dated, {}, PUBLISHED).reason != "same-weekday"
