"""TIMEX3 values as a reader writes them: "XXXX-WXX-3TNI" -> "Wednesday night".

Shared by every view that shows a date to people (facts, timelines, pages), so
the same value always reads the same way; unknown shapes are shown as they are.
"""

from __future__ import annotations

import re

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_VALUE = re.compile(
    r"^(?P<y>\d{4}|XXXX)(?:-(?:W(?:XX|(?P<w>\d\d))-(?P<wd>[1-7])|(?P<m>\d\d|XX)"
    r"(?:-(?P<d>\d\d|XX))?|(?P<s>SP|SU|FA|WI)|Q(?P<q>[1-4])))?(?:T(?P<t>.+))?$"
)


def _time(part: str | None) -> str:
    if not part:
        return ""
    if part in PARTS:
        return " " + PARTS[part]
    clock = re.match(r"^(\d\d):?(\d\d)?", part)
    return f" {clock[1]}:{clock[2] or '00'}" if clock else ""


def human_date(value: str | None) -> str:
    """The value in words: "Wednesday night", "5 Apr 2007", "Apr 2007", "2009", "winter 2009"."""
    if not value:
        return "no date"
    match = _VALUE.match(value)
    if match is None:
        return value
    year = "" if match["y"] == "XXXX" else match["y"]
    if match["wd"]:
        words = WEEKDAYS[int(match["wd"]) - 1]
        if match["w"] and year:
            words += f" of week {int(match['w'])}, {year}"
        return words + _time(match["t"])
    if match["s"]:
        return " ".join(x for x in (SEASONS[match["s"]], year) if x)
    if match["q"]:
        return " ".join(x for x in (f"Q{match['q']}", year) if x)
    month = match["m"]
    if month and month != "XX":
        name = MONTHS[int(month) - 1]
        day = match["d"]
        if day and day != "XX":
            words = " ".join(x for x in (str(int(day)), name, year) if x)
            return words + _time(match["t"])
        return " ".join(x for x in (name, year) if x)
    return year or value
