"""Which statements are about the story's own happening, by the time their sentence gives.

A story (the reports that tell one happening) also tells older ones: "Last
month, the navy sank a mother ship", "In February, a gunman killed five
people at a mall". Their figures are not the story's figures, and comparing
them would invent disputes. A statement is **background** when its sentence
carries a date that is not the story's day: a relative or vague date
("last month", "recently"), a month, year or season, or a day before the day
most of the story's reports give (a later day is the story going on: "the
toll rose to five on Tuesday"). A sentence with no date, or with
the story's day, is about the story's happening.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from rashomon.model import DocumentAnalysis, FactMention

from .values import moment, when_values_compatible

DATED = frozenset({"DATE", "TIME"})
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2}|XXXX-WXX-\d|XXXX-\d{2}-\d{2})")
MIN_REPORTS = 2  # reports that must give a day for it to be the story's day


def day_of(value: str) -> str | None:
    """The day a TIMEX3 value names ("2009-01-07", "XXXX-WXX-3"), None when coarser."""
    match = _DAY.match(value)
    return match[1] if match else None


class StoryTime:
    """The dates of each sentence and the day of each story."""

    def __init__(self, analyses: Sequence[DocumentAnalysis], stories: Mapping[str, str]) -> None:
        self.sentence_dates: dict[tuple[str, int], list[str | None]] = defaultdict(list)
        days: dict[str, Counter[str]] = defaultdict(Counter)
        for a in analyses:
            doc = a.document.id
            starts = [s.start for s in a.sentences]
            for t in a.times:
                if t.type not in DATED or _report_day(t.value, a.document.text[t.start : t.end]):
                    continue
                i = bisect.bisect_right(starts, t.start) - 1
                if i >= 0:
                    self.sentence_dates[(doc, starts[i])].append(t.value)
            stated = {day_of(f.value) for f in a.facts if f.slot == "when"} - {None}
            story = stories.get(doc)
            if story:
                days[story].update(stated)
        self.story_day: dict[str, str] = {}
        for story, counts in days.items():
            ranked = counts.most_common(2)
            if (
                ranked
                and ranked[0][1] >= MIN_REPORTS
                and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
            ):
                self.story_day[story] = ranked[0][0]
        self.stories = stories

    def background(self, fact: FactMention) -> bool:
        """Whether the statement's sentence is dated away from the story's day (for a
        date statement: by its other dates, or by its own when it names no day)."""
        main = self.story_day.get(self.stories.get(fact.doc, ""))
        dates = list(self.sentence_dates.get((fact.doc, fact.sentence_start), ()))
        if fact.slot == "when":
            if day_of(fact.value) is None:
                return True  # "in 1983", "last year": a story's day is a day
            if fact.value in dates:
                dates.remove(fact.value)
        for value in dates:
            day = day_of(value) if value else None
            if day is None:
                return True  # "last month", "in February", "in 2007", "recently"
            if main is not None and _before(day, main):
                return True  # a day before the story's: an older happening
        return False

    def dated_apart(self, a: FactMention, b: FactMention) -> bool:
        """Both statements' sentences carry dates, and no date of one can be a date of the
        other: "chaired the summit in 2009" and "will chair the 2015 summit" tell two
        summits, though one person chairs both. Undated sentences are never apart."""
        x = [v for v in self.sentence_dates.get((a.doc, a.sentence_start), ()) if v]
        y = [v for v in self.sentence_dates.get((b.doc, b.sentence_start), ()) if v]
        if not x or not y:
            return False
        return all(when_values_compatible(u, v) is False for u in x for v in y)


# Words for the report's own day or the night before it ("last night", as "yesterday"),
# which an undated report cannot place on the calendar.
REPORT_DAY = re.compile(
    r"^(?:early |late |earlier |later )?(?:today|tonight|now|last night|overnight|"
    r"yesterday(?: (?:morning|afternoon|evening))?|this (?:morning|afternoon|evening))$",
    re.IGNORECASE,
)


def _report_day(value: str | None, text: str) -> bool:
    """A time of the report's own day left unplaced: "today" in an undated report (no
    value), "around noon" of an unknown day ("XXXX-XX-XXT12:00"). They say the sentence
    tells the story's news, not an older happening."""
    if value is None:
        return bool(REPORT_DAY.match(text.strip()))
    return value.startswith("XXXX-XX-XXT")


def _before(day: str, main: str) -> bool:
    """Whether ``day`` ends before ``main`` starts (bare weekdays cannot be ordered).

    A later day is the story going on ("the toll rose to five on Tuesday")."""
    if day.startswith("XXXX") or main.startswith("XXXX"):
        return False
    x, y = moment(day), moment(main)
    return (
        x is not None
        and y is not None
        and x.end <= y.start
        and not (when_values_compatible(day, main))
    )
