"""Durations and sets: "three years" -> P3Y, "48 hours" -> PT48H, "for decades"
-> PXDE, "every week" -> P1W, "every Monday" -> XXXX-WXX-1.

The parsers take one lower-cased, whitespace-collapsed span and return a
:class:`~.anchoring.Timex` or ``None``; they never need a reference date.
"""

from __future__ import annotations

import re

from .anchoring import Timex
from .lexicon import (
    MONTHS,
    NUMBER,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_PLURAL,
    UNIT_SCALE,
    UNITS,
    VAGUE,
    WEEKDAYS,
    alternation,
)

_WORD_NUMBER_RE = re.compile(r"[\s-]+")
_HALF_DOWN = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}


def parse_number(text: str) -> float | None:
    """A number in digits or words ("12", "1,500", "twenty-five", "a couple of")."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    total = 0.0
    for word in _WORD_NUMBER_RE.split(text):
        if word not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[word]
        total = total * value if value == 100 and total else total + value
    return total


def unit_key(word: str) -> str | None:
    """The canonical unit ("years" -> "year", "centuries" -> "century")."""
    word = word.lower().rstrip(".")
    if word in UNITS:
        return word
    for candidate in (word[:-1], word[:-2], word.replace("ies", "y"), word.replace("a", "um")):
        if candidate in UNITS:
            return candidate
    return {"hr": "hour", "hrs": "hour", "mins": "minute", "millennia": "millennium"}.get(word)


def duration_value(amount: float | None, unit: str) -> str:
    """The TIMEX3 duration for ``amount`` ``unit``s; ``None`` amount gives an X."""
    designator, is_time = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{designator}"
    if unit in UNIT_SCALE:
        designator, factor = UNIT_SCALE[unit]
        amount *= factor
    if designator == "WE":
        designator, amount = "D", amount * 2
    if designator == "Q":
        designator, amount = "M", amount * 3
    if amount != int(amount) and designator in _HALF_DOWN:
        smaller, factor = _HALF_DOWN[designator]
        amount *= factor
        if designator in ("D", "H"):
            prefix = "PT"
        designator = smaller
    number = int(amount) if amount == int(amount) else round(amount, 2)
    return f"{prefix}{number}{designator}"


_DURATION_RE = re.compile(
    rf"^(?:the\s+)?(?P<q>(?:past|last|next|coming|first|previous|following|recent|final"
    rf"|remaining|initial|same|intervening|ensuing|preceding|prior|subsequent)\s+)?"
    rf"(?:(?P<vague>{VAGUE})\s+)?(?P<num>{NUMBER})?(?P<half>\s+and\s+(?:a|one)\s+half)?"
    rf"[\s-]*(?P<unit>{UNIT_PLURAL})(?P<half2>\s+and\s+a\s+half)?(?:'s|')?(?:[\s-]+long)?$"
)
_HALF_UNIT_RE = re.compile(rf"^half\s+(?:a|an)\s+(?P<unit>{UNIT_PLURAL})$")


def parse_duration(text: str) -> Timex | None:
    """ "three years", "the past two weeks", "several months", "a decade", "days"."""
    match = _DURATION_RE.match(text)
    if not match:
        match = _HALF_UNIT_RE.match(text)
        if not match:
            return None
        unit = unit_key(match["unit"])
        return Timex("DURATION", duration_value(0.5, unit)) if unit else None
    unit = unit_key(match["unit"])
    if unit is None:
        return None
    word = match["unit"].lower()
    plural = word.endswith("s") or word in ("centuries", "millennia")
    number = match["num"]
    amount = parse_number(number) if number else None
    if number and amount is None:
        return None
    if amount is not None and (match["half"] or match["half2"]):
        amount += 0.5
    if number is None and match["vague"] is None:
        if not plural and not match["q"]:
            return None  # "year", "the day": not a duration on its own
        if not plural:
            amount = 1.0  # "the past week"
    if amount is None and unit in ("decade", "century", "millennium"):
        return Timex("DURATION", f"PX{UNITS[unit][0]}")
    return Timex("DURATION", duration_value(amount, unit))


_EVERY = r"(?:every|each|per|a|an)"
_SET_RE = re.compile(
    rf"^(?:(?P<times>once|twice|thrice|{NUMBER}\s+times)\s+)?{_EVERY}\s+"
    rf"(?P<other>other\s+)?(?:(?P<num>{NUMBER})\s+)?(?P<what>{UNIT_PLURAL}"
    rf"|{alternation(WEEKDAYS)}|{alternation(PARTS_OF_DAY)}|{alternation(SEASONS)}"
    rf"|{alternation(m for m in MONTHS if len(m) > 3)})$"
)
_PLURAL_WEEKDAY_RE = re.compile(rf"^(?:on\s+)?(?P<day>{alternation(WEEKDAYS)})s$")


def parse_set(text: str, frequency_words: dict[str, str]) -> Timex | None:
    """ "every week" -> P1W, "weekly" -> P1W, "every Monday", "twice a year"."""
    if text in frequency_words:
        return Timex("SET", frequency_words[text])
    if match := _PLURAL_WEEKDAY_RE.match(text):
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[match['day']]}")
    match = _SET_RE.match(text)
    if not match:
        return None
    head = text.split()[0] if not match["times"] else text.split()[-2]
    if head in ("a", "an", "per") and not match["times"]:
        return None  # "a year" alone is a duration, "per year" is left to the caller
    what = match["what"]
    if what in WEEKDAYS:
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[what]}")
    if what in PARTS_OF_DAY:
        return Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    if what in SEASONS:
        return Timex("SET", f"XXXX-{SEASONS[what]}")
    if what in MONTHS:
        return Timex("SET", f"XXXX-{MONTHS[what]:02d}")
    unit = unit_key(what)
    if unit is None:
        return None
    amount = parse_number(match["num"]) if match["num"] else 1.0
    if match["other"]:
        amount = (amount or 1.0) * 2
    return Timex("SET", duration_value(amount, unit))
