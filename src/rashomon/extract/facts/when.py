"""When an event happened, as each source states it: the date or time tied to its trigger.

Only expressions that the parse ties to the trigger itself count ("was
arrested on Wednesday", "the 7 January attack", "Friday's loss"); a date inherited from the
paragraph or the publication date is the system's guess, not the source's
statement, and is never a fact. Values are TIMEX3 values, anchored on the
document date when there is one ("XXXX-WXX-3" for a bare "Wednesday" when
there is not); vague references (PAST_REF, "recently") are not facts.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from rashomon.extract.events.derivation import is_event_nominal
from rashomon.model import FactMention

from .context import FactContext

DATED_TYPES = frozenset({"DATE", "TIME"})
# A value that says something about a day: a year, or an unanchored weekday / month-day.
STATED_VALUE = re.compile(r"^(\d{4}|XXXX-(W?XX-\d|\d{2}))")


# How a date hangs off its trigger: "on Friday", "Friday", "Friday's loss", "the
# 7 January attack". Datelines, headline dates and dates of other things ("the
# 2009-10 season", "a Christmas party") hang off something else.
TEMPORAL_PREPOSITIONS = frozenset(
    "on in at during since until till by before after around about from early late "
    "over within".split()
)
# Prepositions that make the date a bound, not the happening's day: "will step down after
# today", "held since Monday", "open until March" ("by Saturday, he had clarified" may
# be the day itself).
BOUNDING_PREPOSITIONS = frozenset("since until till before after from".split())
DIRECT_DEPS = frozenset({"npadvmod", "advmod", "tmod", "obl", "nmod:tmod"})
NOMINAL_DEPS = frozenset({"poss", "compound", "nmod", "amod"})


def trigger_of_time(root: Token, triggers: dict[int, object]) -> Token | None:
    """The trigger a date expression modifies directly, or None."""
    head = root.head
    if head.i == root.i:
        return None
    if root.dep_ in DIRECT_DEPS and head.i in triggers:
        return head
    if root.dep_ in NOMINAL_DEPS and head.i in triggers and head.pos_ == "NOUN":
        return head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in TEMPORAL_PREPOSITIONS:
        if head.lower_ in BOUNDING_PREPOSITIONS:
            return None
        target = head.head
        if target.i in triggers:
            return target
    return None


# Nouns after which a bare date may date the noun rather than the verb ("disputed the
# report Thursday": the report came out on Thursday).
DATABLE_NOUNS = frozenset(
    "report statement story article announcement claim interview speech letter "
    "decision ruling order verdict release post tweet video".split()
)


def _ambiguous(root: Token) -> bool:
    """A bare date right after a noun that can itself be dated: attachment is a guess."""
    if root.dep_ != "npadvmod" or root.i == 0:
        return False
    before = root.doc[root.left_edge.i - 1]
    if before.pos_ != "NOUN":
        return False
    lemma = before.lemma_.lower()
    return lemma in DATABLE_NOUNS or is_event_nominal(lemma)


# "posted on Wednesday, September 18", "published Sunday": the date of the report itself.
PUBLISHING = frozenset("post publish update upload print repost".split())


def _in_header(ctx: FactContext, start: int) -> bool:
    """A date on a line with no sentence end before it: a dateline or a headline."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", start)
    line = ctx.text[line_start : len(ctx.text) if line_end < 0 else line_end]
    return not line.rstrip().endswith((".", "!", "?", '"', "”", "'"))


def when_facts(ctx: FactContext) -> list[FactMention]:
    facts: list[FactMention] = []
    for time in ctx.analysis.times:
        if time.type not in DATED_TYPES or not time.value or not STATED_VALUE.match(time.value):
            continue
        if time.end_value or _in_header(ctx, time.start):
            continue  # a range is not the day of one happening; a header date is a dateline
        span = ctx.span(time.start, time.end)
        if span is None or len(span) == 0:
            continue
        trigger = trigger_of_time(span.root, ctx.events)
        if trigger is None or (span.root.left_edge.i > 0 and _ambiguous(span.root)):
            continue
        if trigger.lemma_.lower() in PUBLISHING:
            continue
        event = ctx.events[trigger.i]
        facts.append(ctx.fact(event, "when", time.value, time.start, time.end, tokens=[span.root]))
    return facts
