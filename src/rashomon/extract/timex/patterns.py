"""Finding candidate temporal expressions in running text.

Each pattern is one precompiled regex for one family of expressions (calendar
dates, years, decades, relative units, durations, sets, clock times...). Month
and weekday names are matched case-sensitively ("May", not the modal "may");
function words case-insensitively. Date patterns accept the TimeML modifiers
in front ("early", "the end of", "mid-", "about") so that the extent covers
them. Candidates overlap freely here: :mod:`tagger` keeps the longest ones the
normaliser understands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    DAY_NUMBER,
    FREQ,
    MONTH_NAME,
    NUMBER,
    ORDINAL,
    PART_OF_DAY,
    QMOD,
    SEASON,
    UNIT_PLURAL,
    VAGUE,
    WEEKDAY_NAME,
    YEAR,
)


def _one_line(pattern: str) -> str:
    """The pattern with its whitespace kept to one line (a headline's last word and
    the dateline below it are not one expression)."""
    return pattern.replace(r"[\s-]", r"[ \t-]").replace(r"\s", r"[^\S\n]")


MONTH = rf"(?-i:{MONTH_NAME})"
WEEKDAY = rf"(?-i:{WEEKDAY_NAME})"
_B = r"(?:(?<=mid-)|(?<![\w'’-]))"  # start boundary ("mid-March" is let in)
_E = r"(?![\w])"  # end boundary
_POSMOD = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid(?:dle)?|end|start|beginning|turn|dawn|close"
    r"|height|outset|latter\s+part|first\s+part|last\s+part)(?:\s+of)?(?:\s+the)?[\s-]+|mid-"
    r"|(?:earlier|later)\s+(?=this|that|last|next|in\s+the))"
)
_QPRE = rf"(?:(?:{QMOD})\s+(?!the\s))?"  # "over two years", not "over the past two years"
_REL = (
    r"(?:this|last|next|past|previous|coming|current|following|upcoming|same|that|prior"
    r"|preceding)"
)
_CAL_UNIT = r"(?:day|week|weekend|month|quarter|year|decade|century|season)"
_TZ = r"(?:GMT|UTC|BST|CET|[ECMP][SD]?T|local\s+time)"
_AMPM = r"(?:[ap]\.m\.|[ap]m(?![\w])|[AP]M(?![\w]))"
_YEAR_NUM = (
    rf"(?:(?<=mid-)|(?<![\d,.$£€#/:-])){YEAR}(?![\d]|,\d|\.\d|%|-(?:year|month|day|week)|\s*%)"
)

_DATE_CORES = {
    # March 7, 2019 / Thursday, March 7 / Feb. 28
    "mdy": rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+(?:the\s+)?{DAY_NUMBER}(?:,?\s+{YEAR})?(?![\d:])",
    # 7 March 2019 / the 7th of March
    "dmy": rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY_NUMBER}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?",
    "my": rf"{MONTH},?\s+(?:of\s+)?{YEAR}(?!\d)",
    "month": rf"(?:the\s+month\s+of\s+)?{MONTH}",
    "year": rf"(?:(?:the\s+)?(?:calendar\s+|fiscal\s+)?year\s+|fiscal\s+|FY\s*)?{_YEAR_NUM}",
    "numeric": r"(?<![\d/.-])(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{4})(?![\d/])",
    "decade": r"(?:the\s+)?(?:(?:1\d|20)\d0|['’]\d0)['’]?s"
    r"|the\s+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    "century": rf"{ORDINAL}[\s-]+century",
    "season_year": rf"(?:the\s+)?{SEASON}(?:\s+of)?\s+{YEAR}(?:\s*[-/–]\s*(?:\d{{4}}|\d\d))?",
    "season": r"(?:the\s+)?(?-i:spring|summer|autumn|winter|(?<=the\s)fall)",
    "period": rf"(?:the\s+)?(?:{ORDINAL}|[1-4](?:st|nd|rd|th))[\s-]+(?:fiscal[\s-]+)?"
    rf"(?:quarter|half)(?:\s+of\s+(?:{YEAR}|(?:this|last|next|the)\s+year))?",
    "q": rf"(?-i:Q[1-4])(?:\s+{YEAR})?|{YEAR}\s+(?-i:Q[1-4])",
    "relative": rf"(?:the\s+)?{_REL}\s+(?:fiscal\s+)?(?:{_CAL_UNIT}|{WEEKDAY}|{MONTH}"
    rf"|{SEASON}){_E}",
    "deictic": rf"today|tonight|yesterday|tomorrow|the\s+day\s+(?:before\s+yesterday"
    rf"|after\s+tomorrow)|(?:this|yesterday|tomorrow|last|{WEEKDAY})\s+(?:{PART_OF_DAY})"
    rf"|{WEEKDAY}",
    "holiday": r"(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Halloween"
    rf"|Valentine's\s+Day|Boxing\s+Day|Easter(?:\s+Sunday)?)(?:,?\s+{YEAR})?",
    "bare_unit": r"(?<=\bend\sof\s)(?:the\s+)?(?:year|month|week)",
}

_OTHER = {
    # "two years" and, in the same match, "two years ago" (group "shift")
    "duration": rf"(?:the\s+(?:past|last|next|coming|first|previous|following|recent|final"
    rf"|remaining|initial)\s+)?(?:(?:{VAGUE})\s+)?{NUMBER}"
    rf"(?:\s+and\s+(?:a|one)\s+half)?[\s-]+{UNIT_PLURAL}(?:\s+and\s+a\s+half)?(?:'s|')?"
    r"(?P<shift>\s+(?:ago|earlier|later|from\s+now|hence|back)(?!\s+than))?",
    "shift": r"(?:days|weeks|months|years|decades)\s+(?:ago|earlier|later)(?!\s+than)"
    # "the day before" alone; not "the day before the vote" / "before Smith's arrest",
    # which date another event, not the report
    rf"|the\s+{_CAL_UNIT}\s+(?:before|after){_E}"
    r"(?!\s+(?:the|a|an|his|her|its|their|this|that|\w+['’]s)\b)(?!(?-i:\s+[A-Z]))",
    "vague_duration": rf"(?:the\s+)?(?:past|last|coming|next|recent|following|previous)\s+"
    rf"(?:(?:{VAGUE})\s+)?(?:days|weeks|months|years|decades|centuries|hours|minutes)"
    rf"|(?:(?:{VAGUE})\s+)(?:days|weeks|months|years|decades|centuries|hours|minutes)"
    rf"|half\s+an?\s+(?:hour|day|year|century|decade)",
    "set": rf"(?:every|each)\s+(?:other\s+)?(?:{NUMBER}\s+)?(?:{UNIT_PLURAL}|{WEEKDAY}"
    rf"|{PART_OF_DAY}|{SEASON}|{MONTH})|(?:once|twice|thrice|\w+\s+times)\s+(?:a|an|per)\s+"
    rf"{UNIT_PLURAL}|(?-i:{FREQ})|{WEEKDAY}s",
    "time": rf"(?:{WEEKDAY}\s+)?(?<![\d:.])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?![:\d])"
    rf"(?:\s*{_AMPM})?|(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s*{_AMPM})(?:\s+(?-i:{_TZ}))?"
    rf"(?:,?\s+(?:on\s+)?(?:{WEEKDAY}|today|yesterday|tomorrow|tonight))?"
    rf"|(?:{WEEKDAY}\s+)?(?:noon|midnight)",
    "reference": r"right\s+now|now|currently|nowadays|presently|recently|lately"
    r"|at\s+present|these\s+days|at\s+the\s+moment|the\s+present\s+day|the\s+past"
    r"|the\s+(?:near\s+|foreseeable\s+)?future|at\s+the\s+time",
}

# Bare plural units are durations after these words ("for years", "days before").
_BARE_UNITS = r"(?:years|months|weeks|days|decades|hours|minutes|centuries)"
_BARE_BEFORE = (
    rf"\b(?:for|in|over|within|take|took|takes|taking|lasted|lasting|spent|spend|after)\s+"
    rf"(?P<x>{_BARE_UNITS}){_E}(?!\s+(?:of|old|ago|later|earlier)\b)"
)
_BARE_AFTER = rf"{_B}(?P<x>{_BARE_UNITS})\s+(?:before|after|into)\b"

# Ranges whose two ends are each a mention: "2009-2010", "1957-58", "between 12 and 18 months".
YEAR_RANGE_RE = re.compile(
    _one_line(
        rf"\b(?<![\d$£€#/.,-])(?P<a>{YEAR})\s*(?P<sep>[-–/]|\s+to\s+|\s+and\s+|\s+through\s+)"
        r"\s*(?P<b>\d{4}|\d\d)(?![\d%]|,\d|\.\d)"
    )
)
NUMBER_RANGE_RE = re.compile(
    _one_line(
        rf"\b{_B}(?P<a>{NUMBER})\s*(?:-|–|to|and|or)\s*(?P<b>{NUMBER})[\s-]+"
        rf"(?P<unit>{UNIT_PLURAL}){_E}"
    ),
    re.IGNORECASE,
)
RANGE_LINK_RE = re.compile(r"^\s*(?:-|–|to|until|till|through|and)\s*$", re.IGNORECASE)
RANGE_OPEN_RE = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)


@dataclass(slots=True)
class Candidate:
    """A span that may be a temporal expression; ``norm`` overrides the text to
    normalise (the "58" of "1957-58" is read as "1958")."""

    start: int
    end: int
    kind: str
    norm: str | None = None


def _compile(kind: str, core: str) -> tuple[str, re.Pattern[str]]:
    # The leading \b makes the scan skip positions inside words cheaply.
    return kind, re.compile(_one_line(rf"\b{_B}(?:{core}){_E}"), re.IGNORECASE)


PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    *(_compile(kind, core) for kind, core in _DATE_CORES.items()),
    *(_compile(kind, core) for kind, core in _OTHER.items()),
    ("decade", re.compile(r"(?<![\w'’-])['’]\d0['’]?s\b")),
    ("bare_units", re.compile(_one_line(_BARE_BEFORE), re.IGNORECASE)),
    ("bare_units", re.compile(_one_line(_BARE_AFTER), re.IGNORECASE)),
)
# Modifiers are not part of the patterns (trying them at every position is slow):
# they are looked for just before each match instead.
_DATE_PREFIX_RE = re.compile(_one_line(rf"{_B}{_QPRE}(?:{_POSMOD})$"), re.IGNORECASE)
_AMOUNT_PREFIX_RE = re.compile(_one_line(rf"{_B}(?:{QMOD})\s+$"), re.IGNORECASE)
_AMOUNT_KINDS = ("shift", "duration")
_NO_PREFIX_KINDS = ("set", "time", "reference", "bare_units")


def _prefixed(text: str, start: int, kind: str) -> int | None:
    """Where a modifier right before ``start`` begins ("early" in "early 2011")."""
    if kind in _NO_PREFIX_KINDS:
        return None
    window = text[max(0, start - 48) : start]
    match = None if kind in _AMOUNT_KINDS else _DATE_PREFIX_RE.search(window)
    if match is None and not text.startswith(("the ", "The "), start):
        # not "over the past two years", where "over" is the preposition
        match = _AMOUNT_PREFIX_RE.search(window)
    return start - len(window) + match.start() if match and match.start() < len(window) else None


def find_candidates(text: str) -> list[Candidate]:
    """All pattern matches in ``text``, possibly overlapping, with and without the
    modifiers in front of them."""
    found: list[Candidate] = []
    for kind, regex in PATTERNS:
        for match in regex.finditer(text):
            start, end = match.span("x") if "x" in regex.groupindex else match.span()
            while end > start and text[end - 1] in " \t\n-":
                end -= 1
            if end > start:
                found.append(Candidate(start, end, kind))
                if "shift" in regex.groupindex and match["shift"]:
                    found.append(Candidate(start, match.start("shift"), kind))
                wider = _prefixed(text, start, kind)
                if wider is not None:
                    found.append(Candidate(wider, end, kind))
    return found
