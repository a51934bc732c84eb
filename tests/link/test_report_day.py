"""In an undated report, "today", "last night" and "around noon" are the report's own
day: the sentence tells the story's news, not an older happening.

Written for these tests: two undated reports of one border seizure, each giving the
smugglers' trucks in a sentence dated only "today".
"""

from __future__ import annotations

from link.test_facts import analyse

FIRST = (
    "The smugglers, in three trucks, tried to cross the river at the Kessa bridge around "
    "noon today, a customs spokesman said.\n\n"
    "Officers of the Kessa customs post stopped the convoy and detained 12 men."
)
SECOND = (
    "Armed smugglers in three trucks tried today to cross the Kessa bridge into the "
    "province, customs officials said.\n\n"
    "Twelve men were detained by officers of the Kessa customs post."
)
OLDER = (
    "Last month, smugglers in three trucks crossed the Kessa bridge unchecked, customs "
    "officials said.\n\n"
    "Officers of the Kessa customs post today stopped a convoy at the bridge."
)


def _trucks(analysis) -> list[list[str]]:
    return [
        [s.doc for v in f.agreed_values() for s in v.statements]
        for f in analysis.facts
        if f.slot == "count:truck"
    ]


def test_a_sentence_of_the_reports_own_day_is_the_storys_news() -> None:
    analysis = analyse(FIRST, SECOND, dates=(None, None))  # type: ignore[arg-type]
    assert any({"d0", "d1"} <= set(docs) for docs in _trucks(analysis)), _trucks(analysis)


def test_last_month_is_still_an_older_happening() -> None:
    analysis = analyse(FIRST, OLDER, dates=(None, None))  # type: ignore[arg-type]
    assert not any(docs for docs in _trucks(analysis)), _trucks(analysis)


LAST_NIGHT = (
    "Armed smugglers in three trucks tried last night to cross the Kessa bridge into the "
    "province, customs officials said.\n\n"
    "Twelve men were detained by officers of the Kessa customs post."
)


def test_last_night_in_an_undated_report_is_the_storys_news() -> None:
    """"Last night" is the evening before the report's day, as "yesterday" is: in an
    undated report it cannot be placed, and it says nothing of an older happening."""
    analysis = analyse(FIRST, LAST_NIGHT, dates=(None, None))  # type: ignore[arg-type]
    assert any({"d0", "d1"} <= set(docs) for docs in _trucks(analysis)), _trucks(analysis)
