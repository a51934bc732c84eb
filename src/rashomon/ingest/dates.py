"""Publication dates from short header lines, as ISO 8601 strings.

``dateparser`` understands almost any wording but is slow and over-eager (it
will turn "May" or "Sunday" into a date, guessing the rest). So our own
regular expression first decides whether a line contains a *complete* date
(day, month and year); only that span, plus an adjacent clock time, is handed
to ``dateparser`` with settings that forbid guessing missing parts. Numeric
dates like 03/04/2019 are ambiguous between day-first and month-first and are
left unknown rather than guessed.
"""

from __future__ import annotations

import re
import warnings

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TIME = r"(?:[012]?\d[:.][0-5]\d(?:\s*[ap]\.?m\.?)?|[01]?\d\s*[ap]\.?m\.?)"
_TZ = r"(?:\s*(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|IST|JST)\b)?"

_DATE = (
    rf"(?:{_WEEKDAY}?{_MONTH}\s+{_DAY},?\s+{_YEAR}"  # Monday, March 4, 2019
    rf"|{_WEEKDAY}?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"  # Tue 12 May 2015
    rf"|{_YEAR}-[01]\d-[0-3]\d)"  # 2008-03-01
)
DATE_RE = re.compile(
    rf"(?:(?P<pre>{_TIME}){_TZ},?\s+)?(?P<date>{_DATE})"
    rf"(?:(?:,?\s+|,?\s*at\s+|T)(?P<post>{_TIME}){_TZ})?",
    re.IGNORECASE,
)

_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}


def find_date(line: str) -> tuple[str, re.Match[str]] | None:
    """The first complete date in ``line`` as ISO 8601, with its regex match.

    A clock time next to the date ("10:12 AM", "3:45 PM ET") makes the result
    a date-time ("2019-03-04T10:12"); the zone name is dropped because the
    model stores naive local times.
    """
    for match in DATE_RE.finditer(line):
        iso = parse_date(match.group("date"))
        if iso is None:
            continue
        clock = match.group("pre") or match.group("post")
        if clock:
            time = _parse_time(clock)
            if time:
                iso = f"{iso}T{time}"
        return iso, match
    return None


def parse_date(text: str) -> str | None:
    """A day-month-year string as ``YYYY-MM-DD``, or None (never a guess)."""
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip(), flags=re.I)
    text = re.sub(r"\bof\s+", "", text)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        y, m, d = map(int, iso.groups())
        return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None
    import dateparser  # imported lazily: ~0.1 s, and only needed for dated lines

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def _parse_time(text: str) -> str | None:
    m = re.fullmatch(r"([012]?\d)(?:[:.]([0-5]\d))?\s*([ap])?\.?m?\.?", text.strip(), re.I)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 else None


def normalise_date(value: str | None) -> str | None:
    """A date given as metadata (JSONL, HTML) as ISO 8601, or None.

    ISO strings are kept (trimmed to minutes); anything else must contain a
    complete date by :data:`DATE_RE`.
    """
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", value)
    if m:
        day = parse_date(m.group(1))
        if day and m.group(2):
            return f"{day}T{m.group(2)}"
        return day
    found = find_date(value)
    return found[0] if found else None
