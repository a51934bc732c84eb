"""Title, outlet, author and date from the header lines of a plain-text page.

A page saved as text keeps its header as loose lines: a site name, a
headline, a byline, a dateline. Each parser here recognises one kind of line
and says what it yields; :func:`read_header` walks the header zone (the lines
before the first body paragraph) and consumes the lines it understood. A
wire dateline at the start of the first paragraph ("LONDON (Reuters) - ") is
read for the outlet but left in the text: it is part of the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .dates import find_date
from .features import Line

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|der|al|bin|la|le|del))*"
BYLINE_RE = re.compile(
    rf"^(?i:(?:written|posted|reported|story|words|report|text|photos?)\s+)?(?i:by)[:\s]+"
    rf"(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*?(?:\s+(?i:staff|reporters?|writers?))?)"
    rf"(?:\s*(?:[|•·,;–—-]|\bon\b|\bin\b)\s*(?P<rest>.*))?$",
)
_ROLES = (
    r"correspondent|reporter|editor|writer|columnist|contributor|staff|chief|analyst"
    r"|producer|journalist|bureau"
)
ROLE_RE = re.compile(
    rf"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}}),\s+(?P<role>[\w\s&'’-]{{0,40}}"
    rf"\b(?:{_ROLES})\b[\w\s&'’-]{{0,30}})$",
    re.I,
)
DOMAIN_IN_LINE_RE = re.compile(
    r"\b((?:[a-z0-9-]+\.)+(?:com|org|net|co|uk|ir|ru|info|news|tv|io|example|[a-z]{2}))\b", re.I
)
PARENTHETICAL_RE = re.compile(r"\s*\([^)]*\)")
NOT_NAME_WORDS = frozenset(
    "posted published updated last modified on at by am pm gmt utc et est edt bst".split()
)
WIKI_SOURCE_RE = re.compile(r"^From (?P<outlet>[A-Z][\w-]+), the free\b")
REPORTS_RE = re.compile(r"^(?P<outlet>[A-Z][\w.&'’ -]{1,40}?)\s+(?:reports|reported|says)\s*:?$")
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’ -]{1,40}?,?\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?"
    r"\((?P<outlet>[A-Z][\w&.' -]{0,30}?)\)\s*[-—–]+\s*"
)
SPLIT_TITLE_RE = re.compile(r"\s+(?:\||–|—|-|::|·)\s+")


@dataclass
class Meta:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None

    def fill(self, other: Meta) -> None:
        """Take ``other``'s values where ours are unknown."""
        for name in ("title", "outlet", "author", "published"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))


def parse_byline(text: str) -> tuple[str, str | None] | None:
    """("By Staff | June 2, 2018") -> ("Staff", "2018-06-02")."""
    m = BYLINE_RE.match(text.strip())
    if not m or len(text.split()) > 16:
        return None
    author = m.group("name").strip(" ,")
    found = find_date(text)
    return author, found[0] if found else None


def parse_role_line(text: str) -> str | None:
    """ "Jane Doe, Political Correspondent" -> "Jane Doe"."""
    m = ROLE_RE.match(text.strip())
    return m.group("name") if m else None


def parse_outlet_line(line: Line) -> str | None:
    """A bare domain ("example.com"), a site-name line ("The Daily Star | dailystar.example")
    or an "X reports:" line."""
    text = line.text.strip()
    if line.is_domain:
        return re.sub(r"^(?:https?://)?(?:www\.)?", "", text).split("/")[0].lower()
    m = REPORTS_RE.match(text)
    if m:
        return m.group("outlet")
    domain = DOMAIN_IN_LINE_RE.search(text)
    if domain and line.n_words <= 10 and not line.sentence:
        rest = text[: domain.start()] + " " + text[domain.end() :]
        return site_name(rest) or domain.group(1).lower()
    return None


def site_name(text: str) -> str | None:
    """The name in what is left of a site or date line: "Airframe Notes (example blog) ·"."""
    text = PARENTHETICAL_RE.sub(" ", text)
    words = [w for w in re.split(r"[^\w&'’.-]+", text) if any(c.isalnum() for c in w)]
    words = [w for w in words if w.casefold().strip(".") not in NOT_NAME_WORDS]
    if not 1 <= len(words) <= 5 or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return None
    if not any(w[0].isupper() for w in words) or any(w[0].isdigit() for w in words):
        return None
    return " ".join(words)


def wiki_source(text: str) -> str | None:
    """ "From Wikinews, the free news source you can write!" -> "Wikinews"."""
    m = WIKI_SOURCE_RE.match(text.strip())
    return m.group("outlet") if m else None


def parse_date_line(line: Line) -> tuple[str, str | None] | None:
    """A short line holding a complete date -> (iso, outlet named beside it)."""
    if line.n_words > 20 or (line.sentence and line.n_words >= 10):
        return None
    found = find_date(line.text)
    if not found:
        return None
    rest = line.text[: found[1].start()] + " " + line.text[found[1].end() :]
    domain = DOMAIN_IN_LINE_RE.search(rest)
    if domain:
        return found[0], domain.group(1).lower()
    return found[0], site_name(rest)


def dateline_outlet(text: str) -> str | None:
    """Outlet from "WASHINGTON (Reuters) - ..." (text itself is not changed)."""
    m = DATELINE_RE.match(text)
    if not m:
        return None
    outlet = m.group("outlet").strip()
    return outlet if outlet and not re.search(r"\d", outlet) else None


def split_title(text: str) -> tuple[str, str | None]:
    """ "Boeing unveils 777 | Example News" -> ("Boeing unveils 777", "Example News")."""
    parts = SPLIT_TITLE_RE.split(text.strip())
    if len(parts) == 2 and len(parts[1].split()) <= 4 and len(parts[0].split()) >= 2:
        return parts[0], parts[1]
    return text.strip(), None


def _byline_meta(line: Line) -> Meta | None:
    found = parse_byline(line.text.strip())
    return Meta(author=found[0], published=found[1]) if found else None


def _role_meta(line: Line) -> Meta | None:
    author = parse_role_line(line.text.strip())
    return Meta(author=author) if author else None


def _date_meta(line: Line) -> Meta | None:
    found = parse_date_line(line)
    return Meta(published=found[0], outlet=found[1]) if found else None


def _outlet_meta(line: Line) -> Meta | None:
    outlet = parse_outlet_line(line)
    return Meta(outlet=outlet) if outlet else None


# Header-line parsers, tried in order; the first that understands a line consumes it.
HEADER_PARSERS: list[Callable[[Line], Meta | None]] = [
    _byline_meta,
    _role_meta,
    _date_meta,
    _outlet_meta,
]


def read_header(lines: list[Line], template: frozenset[str] = frozenset()) -> tuple[Meta, set[int]]:
    """Parse the header lines; return the metadata and the indices consumed."""
    meta, used = Meta(), set()
    candidates: list[int] = []
    for i, line in enumerate(lines):
        found = next((m for parse in HEADER_PARSERS if (m := parse(line)) is not None), None)
        if found is not None:
            meta.fill(found)
            used.add(i)
        elif line.headline_like:
            candidates.append(i)
    _pick_title(lines, candidates, template, meta, used)
    return meta, used


def looks_like_name(line: Line) -> bool:
    return 1 <= line.n_words <= 5 and line.cap_ratio == 1.0 and not line.best_cue


def _pick_title(
    lines: list[Line], candidates: list[int], template: frozenset[str], meta: Meta, used: set[int]
) -> None:
    from .template import line_key

    pool = []
    for i in candidates:
        line = lines[i]
        if line_key(line.text) in template and line.n_words <= 5:
            continue
        if (line.best_cue and line.cue_ratio >= 0.5) or line.imperative:
            continue
        pool.append(i)
    if not pool:
        return
    first = lines[pool[0]]
    if len(pool) >= 2 and looks_like_name(first) and lines[pool[1]].n_words > first.n_words:
        meta.outlet = meta.outlet or first.text.strip()
        used.add(pool[0])
        pool = pool[1:]
    if lines[pool[0]].n_words < 2:
        return
    title, site = split_title(lines[pool[0]].text)
    meta.title = title
    meta.outlet = meta.outlet or site
    used.add(pool[0])
