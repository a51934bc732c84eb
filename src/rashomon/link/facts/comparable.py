"""Whether two statements of one story's figure or name are about the same thing.

A value's words alone do not say what it counts: "two boats" and "two
children" are both 2. These helpers read the words around a statement (what a
sum pays for, what a figure counts, the words near it) so that agreements and
disputes only join statements about the same thing. Hand-written because no
library compares news figures by what they count; kept apart from
:mod:`assemble` (which builds facts) and :mod:`gates` (which holds pairs back).
"""

from __future__ import annotations

import re

from rashomon.extract.quantities.numbers import is_number_word
from rashomon.link.events.features import content_words
from rashomon.model import FactMention

from .corpus import CorpusIndex
from .values import ROLE_KINDS

# Figures and places of one story, both told in sentences about the story's own day
# (:mod:`timing`), are about the same thing when the words around them share this many
# content words (within this many characters of the value, inside the sentence).
CONTEXT_WORDS = {"count": 2, "where": 1, "when": 2}
CONTEXT_CHARS = 60
MAX_PAIRED = 24  # statements of one value paired with the other's (cost bound per value pair)
MEASURE_SLOTS = frozenset(
    {"count:distance", "count:weight", "count:area", "count:age", "count:magnitude"}
)
# Words that qualify a figure without saying what it counts ("about 12", "at least five").
HEDGE_WORDS = frozenset(
    "about around some roughly nearly almost approximately estimated least more than over "
    "under up fewer less most".split()
)


TITLES = frozenset("mr mrs ms dr sen rep gov gen sgt lt col capt prof rev".split())


def action_words(fact: FactMention, index: CorpusIndex) -> set[str]:
    """The event word itself and titles: "Dr. Benjamin received the award" and "Dr.
    Benjamin received her degree" share only these, which say nothing of what was
    received. What two statements of a name must share is the rest of the happening."""
    text = index.texts.get(fact.doc, "")
    return set(content_words(text[fact.event_start : fact.event_end])) | TITLES


# A figure no coincidence repeats: two sources of one story that both give "179 aerial
# refueling tankers" or "1,500 to 2,000 jobs" give the same figure of the same thing, even
# when one hangs it on "awarded" and the other on "supply". Small round figures ("two
# children", "three men") recur in one story about different people and need the
# stricter :func:`same_thing`.
DISTINCT_FIGURE = 13


def same_distinct_figure(a: FactMention, b: FactMention, index: CorpusIndex) -> bool:
    """The same figure, written with the same counted words, large or exact enough that
    no second thing of the story has it, and told near at least one shared word."""
    generic = a.slot not in ROLE_KINDS and a.slot not in MEASURE_SLOTS
    if not generic or a.slot.startswith(("count:money", "count:percent")):
        return False
    counted = counted_words(a)
    if not counted or counted != counted_words(b):
        return False
    low, high = a.low, a.high
    distinct = (low is not None and high is not None and low != high) or (
        low is not None and (low >= DISTINCT_FIGURE or low != int(low))
    )
    if not distinct:
        return False
    return bool(around(a, index, CONTEXT_CHARS) & around(b, index, CONTEXT_CHARS))


_HYPHEN_MEASURE = re.compile(r"^\d[\d,.]*[-\u2013][a-z]+$")


def measures_of_one_thing(a: FactMention, b: FactMention, index: CorpusIndex) -> bool:
    """Two hyphenated measures of the same noun: "a 60-page report" and "the
    62-page report" measure one document, which cannot have both lengths; a sum
    ("$3 billion") or a count ("three boats") may be a part of another."""
    if not (_HYPHEN_MEASURE.match(a.text) and _HYPHEN_MEASURE.match(b.text)):
        return False
    what = what_it_pays(a, index)
    return what is not None and what == what_it_pays(b, index)


def same_thing(a: FactMention, b: FactMention, index: CorpusIndex) -> bool:
    """Whether two figures of one story count the same thing.

    A toll (killed, injured, arrested ...) names its thing by its role; a sum of
    money by what it buys or pays, the noun after it ("a $35 billion contract" /
    "a US$40 billion (GB£20.1 billion) contract", "$700 billion in Medicare cuts" /
    "$716 billion from Medicare"); another figure must be written with the same
    words ("three boats" / "two boats", "a 48-page indictment" / "the 47-page
    indictment": not "seven AK-47 rifles" / "three rifles") for the same kind of
    action; and the words around the two values must overlap."""
    if a.slot == "count:age":
        return False  # an age tells who a story is about; whose age it is, we cannot tell
    if a.slot.startswith(("count:money", "count:percent", "count:distance", "count:weight")):
        what = what_it_pays(a, index)  # "a $35 billion contract", "10 km deep", "% of shares"
        return what is not None and what == what_it_pays(b, index)
    generic = a.slot not in ROLE_KINDS and a.slot not in MEASURE_SLOTS
    if (a.slot == "when" or generic) and not (index.kinds_of(a) & index.kinds_of(b)):
        return False  # the day, or the figure, of two different kinds of happening
    named = generic and a.slot != "when" and not a.slot.startswith("count:percent")
    if named and counted_words(a) != counted_words(b):
        return False
    need = CONTEXT_WORDS.get(a.slot, CONTEXT_WORDS["count"])
    # a toll's sentence tells its happening ("when a gunman opened fire outside the
    # lounge"), wherever the figure stands in it; other figures are named next to them
    width = None if a.slot in ROLE_KINDS else CONTEXT_CHARS
    x, y = around(a, index, width), around(b, index, width)
    return len(x & y) >= need


_PARENTHESES = re.compile(r"\([^()]*\)")
MONEY_FILLERS = frozenset(
    "in of for from on to worth a an the us dollars dollar euros pounds billion million "
    "thousand trillion bn percent per cent pct m km ft feet foot metres meters metre meter "
    "miles mile kilometres kilometers kg tonnes tons".split()
)


def what_it_pays(fact: FactMention, index: CorpusIndex) -> str | None:
    """The first content word after a sum or measure ("contract", "medicare", "deep"),
    skipping asides in brackets and unit words."""
    text = index.texts.get(fact.doc, "")
    after = _PARENTHESES.sub(" ", text[fact.end : min(fact.sentence_end, fact.end + 80)])
    for word in re.findall(r"[a-z][a-z'-]+", after.lower())[:4]:
        if word not in MONEY_FILLERS:
            return word
    return None


def counted_words(fact: FactMention) -> frozenset[str]:
    """The words of a figure other than its number: "AK-47 rifles" of "seven AK-47 rifles"."""
    return frozenset(
        w
        for w in content_words(fact.text)
        if not any(c.isdigit() for c in w) and not is_number_word(w) and w not in HEDGE_WORDS
    )


def around(fact: FactMention, index: CorpusIndex, width: int | None) -> set[str]:
    """Content words near the value (the whole sentence when ``width`` is None)."""
    text = index.texts.get(fact.doc, "")
    reach = width if width is not None else len(text)
    left = text[max(fact.sentence_start, fact.start - reach) : fact.start]
    right = text[fact.end : min(fact.sentence_end, fact.end + reach)]
    own = set(content_words(fact.text))
    return {w for w in content_words(left + " " + right) if not w.isdigit()} - own


def one_case(fa: FactMention, fb: FactMention, index: CorpusIndex) -> bool:
    """Two outcomes of one case: the same action ("arrested for DUI" is not "pleaded
    guilty to DUI") and, when both sentences name people, a person in common (one
    player's arrest on suspicion of drunk driving is not another's)."""
    if index.lemma_of(fa) != index.lemma_of(fb):
        return False
    people = [people_named(f, index) for f in (fa, fb)]
    return not (people[0] and people[1]) or bool(people[0] & people[1])


def people_named(fact: FactMention, index: CorpusIndex) -> set[str]:
    """The people the statement's sentence names as its event's participants."""
    event = index.event_of.get((fact.doc, fact.event_start, fact.event_end), "")
    named = index.participants.get((event, fact.doc, fact.sentence_start), set())
    return {e for e in named if index.entity_types.get(e) == "PERSON"}


# "11 seasons", "three seasons", "2,000 troops": a figure and the word it counts.
COUNTED = re.compile(r"\b(\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\s+([a-z]{3,})\b", re.IGNORECASE)


def counted_figures(fact: FactMention, index: CorpusIndex) -> dict[str, set[str]]:
    """The figures the statement's sentence gives, by the word they count."""
    text = index.texts.get(fact.doc, "")[fact.sentence_start : fact.sentence_end]
    found: dict[str, set[str]] = {}
    for number, noun in COUNTED.findall(text):
        if number[0].isdigit() or is_number_word(number):
            found.setdefault(noun.lower(), set()).add(number.lower().rstrip(".,"))
    return found


def other_figures(fa: FactMention, fb: FactMention, index: CorpusIndex) -> bool:
    """The two sentences count the same thing differently ("has worked 11 seasons with the
    team" / "worked three seasons as its scout"): two facts about one person, not one."""
    a, b = counted_figures(fa, index), counted_figures(fb, index)
    return any(not (a[noun] & b[noun]) for noun in a.keys() & b.keys())
