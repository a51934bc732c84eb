"""Word lists and regex fragments shared by the span finder and the normaliser.

Everything here is data: month and weekday names, number words, unit codes,
seasons, parts of the day and the TimeML modifier words. The fragments are
plain strings so that :mod:`patterns` (which searches running text,
case-sensitively for names) and :mod:`normalize` (which parses one lower-cased
span) can build their own compiled expressions from the same vocabulary.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}  # fmt: skip

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5,
    "a half": 0.5,
}  # fmt: skip

# Quantity words that make a duration's number unknown ("several months" -> PXM).
VAGUE_NUMBERS = (
    "a few", "few", "several", "many", "some", "a number of", "dozens of", "hundreds of",
    "thousands of", "countless", "numerous", "multiple", "recent", "the past", "the last",
    "the coming", "the next", "the following", "the previous", "a matter of",
)  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21, "final": 4, "last": 4,
}  # fmt: skip

# Unit word -> (TIMEX3 duration designator, needs the "T" time prefix).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "weekend": ("WE", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "millennium": ("ML", False),
}  # fmt: skip

# Expressed in a coarser unit when counted ("a fortnight" is two weeks, "a decade" ten years).
UNIT_SCALE: dict[str, tuple[str, int]] = {
    "fortnight": ("W", 2),
    "decade": ("Y", 10),
    "century": ("Y", 100),
    "millennium": ("Y", 1000),
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}  # fmt: skip

# Adverbs and adjectives of frequency -> SET value.
FREQUENCY_WORDS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M",
    "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "biannually": "P6M",
}  # fmt: skip

# Words of a single token that refer to the present, past or future (TimeML *_REF values).
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "right now": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "present day": "PRESENT_REF", "the present day": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "at the time": "PAST_REF",
    "once": "PAST_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
}  # fmt: skip

# Leading words that modify a point in time -> TIMEX3 mod.
POSITION_MODS: dict[str, str] = {
    "early": "START", "the early": "START", "the beginning of": "START",
    "the start of": "START", "the dawn of": "START", "the outset of": "START",
    "start of": "START", "beginning of": "START", "the first part of": "START",
    "late": "END", "the late": "END", "the end of": "END", "end of": "END",
    "the close of": "END", "the latter part of": "END", "the last part of": "END",
    "mid": "MID", "mid-": "MID", "the mid": "MID", "the middle of": "MID",
    "middle of": "MID", "the turn of": "START", "the height of": "MID",
}  # fmt: skip

# Leading words that qualify an amount -> TIMEX3 mod.
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "just under": "LESS_THAN",
    "a mere": None, "only": None, "just": None, "barely": None, "a full": None,
    "a whole": None, "the full": None, "an entire": None, "the entire": None,
}  # fmt: skip


def alternation(words: object) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[union-attr]
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items)


_NUMBER_WORD_RE = alternation(w for w in NUMBER_WORDS if " " not in w or w.startswith("a "))
# A number written in words or digits, including compounds ("twenty-five").
_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy"
    rf"|eighty|ninety)[\s-]+(?:{_DIGIT_WORDS})|(?:a|{_DIGIT_WORDS})\s+hundred|{_NUMBER_WORD_RE})"
)
VAGUE = f"(?:{alternation(VAGUE_NUMBERS)})"
UNIT = f"(?:{alternation(u for u in UNITS if len(u) > 3 or u in ('day', 'sec', 'min'))}|hrs?|mins?)"
UNIT_PLURAL = r"(?:centur(?:y|ies)|millenni(?:um|a|ums)|" + UNIT + r"s?)"
SEASON = f"(?:{alternation(SEASONS)})"
PART_OF_DAY = f"(?:{alternation(w for w in PARTS_OF_DAY if w not in ('noon', 'overnight'))})"
QMOD = f"(?:{alternation(QUANTITY_MODS)})"
FREQ = f"(?:{alternation(FREQUENCY_WORDS)})"
ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|" + alternation(ORDINALS) + ")"

# Case-sensitive name fragments for running text.
MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s+\d))"
)
WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
