"""Numbers, amounts, dates and source names written for people, not for parsers.

A tooltip that says ``10000000000.0 USD`` or ``None jobs`` makes a reader
distrust the page; these helpers turn the model's values into "10 billion
USD", "40–60 fighters", "at least 50,000 refugees", "1 March 2008".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath
from typing import Any

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
MONTHS = (
    "January February March April May June July August September October November December"
).split()
SNIPPET = 220


def human_number(value: float | int | None) -> str:
    """12 -> "12", 0.5 -> "0.5", 50000 -> "50,000", 1.3e10 -> "13 billion"."""
    if value is None:
        return ""
    number = float(value)
    for scale, word in SCALES:
        if abs(number) >= scale:
            scaled = number / scale
            text = f"{scaled:.1f}".rstrip("0").rstrip(".") if scaled % 1 else f"{scaled:.0f}"
            return f"{text} {word}"
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def quantity_label(q: dict[str, Any]) -> str:
    """An amount as a person would say it: "about 300 jobs", "40–60 fighters"."""
    value, low, high = q.get("value"), q.get("low"), q.get("high")
    if value is not None:
        amount = human_number(value)
        if low is not None and high is None and low == value:
            amount = f"at least {amount}"
        elif high is not None and low is None and high == value:
            amount = f"up to {amount}"
    elif low is not None and high is not None:
        amount = f"{human_number(low)}–{human_number(high)}"
    elif low is not None:
        amount = f"at least {human_number(low)}"
    elif high is not None:
        amount = f"up to {human_number(high)}"
    else:
        amount = "an amount"
    if q.get("approximate") and not amount.startswith(("at least", "up to")):
        amount = f"about {amount}"
    return " ".join(part for part in (amount, q.get("unit"), q.get("counted")) if part)


def date_label(value: str | None) -> str:
    """ "2008-03-01" -> "1 March 2008", "2008-03" -> "March 2008"; other TIMEX3 values as is."""
    if not value:
        return "date unknown"
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(T.*)?", value)
    if not match:
        return other_date_label(value)
    year, month, day, clock = match.groups()
    if month and 1 <= int(month) <= 12:
        name = MONTHS[int(month) - 1]
        text = f"{int(day)} {name} {year}" if day else f"{name} {year}"
    else:
        text = year
    return f"{text} {clock[1:]}" if clock else text


SEASONS = {"WI": "winter", "SP": "spring", "SU": "summer", "FA": "autumn"}


def other_date_label(value: str) -> str:
    """Weeks, quarters, seasons and decades: "2004-W47" -> "week 47 of 2004"."""
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"week {int(match[2])} of {match[1]}"
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{match[2]} {match[1]}"
    if (match := re.fullmatch(r"(\d{4})-(WI|SP|SU|FA)", value)) and match[2] in SEASONS:
        return f"{SEASONS[match[2]]} {match[1]}"
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    return value


def time_label(t: dict[str, Any]) -> str:
    """A temporal expression's meaning: "date: 1 March 2008 (from 2008-03-04)"."""
    kind = (t.get("type") or "time").lower()
    value = t.get("value")
    text = f"{kind}: {date_label(value) if kind in ('date', 'time') else (value or 'unresolved')}"
    if t.get("end_value"):
        text += f" to {date_label(t['end_value'])}"
    if t.get("mod"):
        text += f" ({t['mod'].lower().replace('_', ' ')})"
    if t.get("anchor"):
        text += f", read against {date_label(t['anchor'])}"
    return text


@lru_cache(maxsize=8192)
def file_name(source: str | None) -> str | None:
    """The file a document was read from, without its folders: what a user recognises
    when a page states no outlet and no title ("23_23ecb_1.txt", not "dfc66dc58d232").
    Kept per source: the report labels each source on every page that cites it."""
    return PurePath(source).name or None if source else None


def source_label(doc: dict[str, Any] | None, doc_id: str = "") -> str:
    """Outlet (date), else a short title, else the file name, else the id."""
    if not doc:
        return doc_id
    name = doc.get("outlet") or snippet(
        doc.get("title") or file_name(doc.get("source")) or doc.get("id") or doc_id, 48
    )
    published = doc.get("published")
    return f"{name} ({published[:10]})" if published else name


def snippet(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (text between blank lines, else lines) that holds ``start..end``."""
    for separator in ("\n\n", "\n"):
        left = text.rfind(separator, 0, start)
        right = text.find(separator, end)
        para = (0 if left < 0 else left + len(separator), len(text) if right < 0 else right)
        if para[1] - para[0] <= 1500 or separator == "\n":
            break
    if para[1] - para[0] > 1500:  # one huge paragraph: a window around the span
        para = (max(0, start - 600), min(len(text), end + 600))
    return para


def passage(text: str, start: int, end: int, extra: list[tuple[int, int]] = ()) -> dict[str, Any]:
    """The paragraph around a span, with the span (and ``extra`` spans) as offsets into it."""
    p_start, p_end = paragraph_bounds(text, start, end)
    marks = [(start, end), *extra]
    return {
        "start": p_start,
        "text": text[p_start:p_end],
        "marks": [
            [max(s, p_start) - p_start, min(e, p_end) - p_start]
            for s, e in marks
            if s < p_end and e > p_start
        ],
    }
