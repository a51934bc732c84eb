"""In an undated report, "today" and "around noon" are the report's own day: the
sentence tells the story's news, not an older happening.

Written for these tests: two undated reports of one naval rescue, each giving the
pirates' boats in a sentence dated only "today".
"""

from __future__ import annotations

from link.test_facts import analyse

FIRST = (
    "The pirates, in three boats, tried to hijack the tanker Sea Lark around noon today in "
    "the Gulf of Aden, a navy spokesman said.\n\n"
    "Commandos from the frigate Talwar stopped the attack and detained 12 pirates."
)
SECOND = (
    "Somali pirates in three boats tried today to hijack an oil tanker, the Sea Lark, off "
    "Yemen, the navy said.\n\n"
    "Twelve pirates were detained by commandos from the frigate Talwar."
)
OLDER = (
    "Last month, pirates in three boats hijacked a cargo ship in the Gulf of Aden, the "
    "navy said.\n\n"
    "Commandos from the frigate Talwar today stopped pirates from hijacking the tanker Sea "
    "Lark in the Gulf of Aden."
)


def _boats(analysis) -> list[list[str]]:
    return [
        [s.doc for v in f.agreed_values() for s in v.statements]
        for f in analysis.facts
        if f.slot == "count:boat"
    ]


def test_a_sentence_of_the_reports_own_day_is_the_storys_news() -> None:
    analysis = analyse(FIRST, SECOND, dates=(None, None))  # type: ignore[arg-type]
    assert any({"d0", "d1"} <= set(docs) for docs in _boats(analysis)), _boats(analysis)


def test_last_month_is_still_an_older_happening() -> None:
    analysis = analyse(FIRST, OLDER, dates=(None, None))  # type: ignore[arg-type]
    assert not any(docs for docs in _boats(analysis)), _boats(analysis)
