"""Cross-document repetition: lines that a site prints on every page.

A menu, a copyright line or a "Follow us" strip reads differently on every
site, but on one site it reads the same on every page. Counts are masked
("Comments (3)" matches "Comments (12)"), dates are not: two datelines of one
site differ in their digits and are kept. So lines that occur
in several *distinct* documents of the same group (a folder, or one outlet in
a JSONL file) are template lines. The cleaner still protects prose: two
copies of one wire story share their sentences, and those are not chrome, so
a repeated sentence is dropped only when it also carries furniture cues.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_PUNCT_RE = re.compile(r"[^\w\s]+", re.UNICODE)
_DIGITS_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s+")
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")


def line_key(text: str) -> str:
    """Comparable form of a line: case, punctuation, counts and spacing ignored,
    so "Comments (3)" on one page matches "Comments (12)" on another."""
    text = _DIGITS_RE.sub("#", text.casefold())
    text = _PUNCT_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


def template_key(text: str) -> str:
    """:func:`line_key` for cross-document comparison, except that a line holding a
    date keeps its digits: "April 18, 2016, fox43.com" and "April 14, 2016,
    fox59.com" are two datelines, not one repeated line."""
    from .dates import find_dates

    if _YEAR_RE.search(text) and find_dates(text):
        return _SPACE_RE.sub(" ", _PUNCT_RE.sub(" ", text.casefold())).strip()
    return line_key(text)


def find_template_lines(
    groups: dict[str, list[str]], min_docs: int = 2
) -> dict[str, frozenset[str]]:
    """For each group of raw texts, the line keys found in ``min_docs`` or
    more distinct texts of that group. Identical texts count once, so a
    duplicated file does not turn its whole body into "template"."""
    result: dict[str, frozenset[str]] = {}
    for group, texts in groups.items():
        distinct = list(dict.fromkeys(texts))
        if len(distinct) < min_docs:
            result[group] = frozenset()
            continue
        counts: Counter[str] = Counter()
        for text in distinct:
            counts.update(_keys(text.split("\n")))
        result[group] = frozenset(key for key, n in counts.items() if n >= min_docs)
    return result


def _keys(lines: Iterable[str]) -> set[str]:
    return {key for key in map(template_key, lines) if key}


MASTHEAD_SHARE = 0.6  # of a group's pages that must open with the same name line


def masthead_names(groups: dict[str, list[str]], min_docs: int = 3) -> dict[str, str]:
    """For each group, a short name line that opens most of its pages (among their
    first three lines): the site's masthead, e.g. "Morning Ledger"."""
    from .features import Line
    from .metadata import looks_like_name

    out = {}
    for group, texts in groups.items():
        distinct = list(dict.fromkeys(texts))
        if len(distinct) < min_docs:
            continue
        counts: Counter[str] = Counter()
        first: dict[str, str] = {}
        for text in distinct:
            head = [ln.strip() for ln in text.split("\n") if ln.strip()][:3]
            for line in head:
                key = line_key(line)
                if key and looks_like_name(Line(line)):
                    first.setdefault(key, line)
            counts.update({line_key(ln) for ln in head})
        names = [k for k in first if counts[k] >= MASTHEAD_SHARE * len(distinct)]
        if names:
            out[group] = first[names[0]]
    return out
