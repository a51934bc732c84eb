"""A quoted speaker's "today" is not the happening's day.

Written for these tests: two reports quote one mayor's farewell ("after today"), said
on some day before they were written; the day it is dated to (each report's own) must
not become an agreed or disputed date of her resignation.
"""

from __future__ import annotations

from link.test_facts import analyse

FIRST = (
    'Mayor Ellen Hart of Brookfield will resign from the city council. "I will step down '
    'after today," Hart told reporters at City Hall in Brookfield.'
)
SECOND = (
    "Brookfield Mayor Ellen Hart is resigning from the city council, she told reporters at "
    'City Hall. "I will step down after today," Hart said.'
)


def _days(analysis) -> list[list[str]]:
    return [
        [v.value for v in f.agreed_values()] for f in analysis.facts if f.slot == "when"
    ]


def test_a_quoted_today_is_neither_agreed_nor_disputed() -> None:
    analysis = analyse(FIRST, SECOND, dates=("2019-08-05", "2019-08-05"))
    assert not any(_days(analysis)), _days(analysis)
    apart = analyse(FIRST, SECOND, dates=("2019-08-05", "2019-08-06"))
    assert not [f for f in apart.facts if f.slot == "when" and f.conflicts]


def test_an_unquoted_day_still_agrees() -> None:
    first = FIRST.replace("will resign", "resigned on Monday")
    second = SECOND.replace("is resigning", "resigned on Monday")
    analysis = analyse(first, second, dates=("2019-08-06", "2019-08-06"))
    assert ["2019-08-05"] in _days(analysis), _days(analysis)
