"""Title, outlet, author and date, each with where it came from.

:class:`Meta` holds the four fields and, for each, a
:class:`~rashomon.model.FieldSource`: the method (``"trafilatura"``,
``"htmldate"``, ``"byline"``, ``"json:date_publish"``, ``"override"`` ...),
the line or element it was read from, and a confidence. Sources are merged by
rank (an override beats the input's own fields, which beat what the page
says, which beats a guess from the layout), so a user can always see why a
value was chosen and correct it.

The line parsers below recognise one kind of header line each (a byline, an
author's role line, a site-name line, a wire dateline). They split lines with
string operations and anchored, bounded patterns: a header line of any length
is read in linear time (an earlier byline pattern with nested name groups
took exponential time on "By AandAand…!").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import FieldSource
from .features import Line
from .layout import is_renderer_line

FIELDS = ("title", "outlet", "author", "published")
# Rank of a method family: higher wins when two sources give the same field.
RANKS = {"override": 4, "input": 3, "page": 2, "layout": 1}


@dataclass
class Meta:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    sources: dict[str, FieldSource] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)

    def set(
        self,
        name: str,
        value: str | None,
        method: str,
        evidence: str | None = None,
        confidence: float = 1.0,
        rank: str = "page",
    ) -> bool:
        """Set ``name`` unless a source of higher rank already set it."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return False
        level = RANKS[rank]
        if getattr(self, name) is not None and self.ranks.get(name, 0) >= level:
            return False
        setattr(self, name, value.strip() if isinstance(value, str) else value)
        evidence = None if evidence is None else " ".join(evidence.split())[:300]
        self.sources[name] = FieldSource(name, method, evidence, round(confidence, 2))
        self.ranks[name] = level
        return True

    def fill(self, other: Meta) -> None:
        """Take ``other``'s values where they outrank ours (or ours are unknown)."""
        for name in FIELDS:
            value = getattr(other, name)
            source = other.sources.get(name)
            if value is None:
                continue
            if source is None:
                source = FieldSource(name, "unknown")
            self.set(
                name,
                value,
                source.method,
                source.evidence,
                source.confidence,
                _rank_name(other.ranks.get(name, 1)),
            )

    def provenance(self) -> list[FieldSource]:
        return [self.sources[name] for name in FIELDS if getattr(self, name) is not None]


def _rank_name(level: int) -> str:
    return next(name for name, value in RANKS.items() if value == level)


# --- bylines --------------------------------------------------------------------------------

BY_WORDS = ("by", "por", "von", "par", "di", "door", "av", "przez", "от")
BYLINE_START_RE = re.compile(
    r"^(?:(?:written|posted|reported|story|words|report|text|photos?|published|updated"
    r"|publicado|escrito|reportagem)\s{1,3})?(?:by|por|von|par|di|door|av|przez)\b[:\s]\s{0,3}",
    re.I,
)
AUTHOR_LABEL_RE = re.compile(
    r"^(?:author|authors|autor|autora|auteur|autore|writer)\s?:\s{0,3}", re.I
)
NAME_PARTICLES = frozenset(
    "de da das do dos van von der den al bin la le del della di du y e".split()
)
NAME_SPLIT_RE = re.compile(r"\s(?:and|und|et|e|y|&)\s|,\s|\s[|•·/]\s")
REST_SPLIT_RE = re.compile(
    r"\s[|•·–—-]\s|\s\|\s?|\s•\s?|\s(?:on|in|at|em|el|le|am)\s|,\s(?=\S*\d)|\s@|/", re.I
)
GLUED_ROLE_RE = re.compile(r"^([A-Z][a-z]+)([A-Z][a-z]+)$")
ROLE_WORDS = frozenset(
    """staff reporter reporters writer writers correspondent editor editors columnist
    contributor contributors analyst producer journalist bureau team desk""".split()
)
NOT_NAME_WORDS = frozenset(
    "posted published updated last modified on at by am pm gmt utc et est edt bst".split()
)


LABEL_WORDS = frozenset(
    """source sources photo photos image images credit credits caption video graphic via
    updated published posted filed tags topic topics category share""".split()
)


def looks_like_person(text: str, max_words: int = 5) -> bool:
    """ "Jane Doe", "Jean-Luc de la Croix", "Wikinews staff": capitalised name words."""
    words = text.split()
    if not 1 <= len(words) <= max_words or len(text) > 80:
        return False
    if words[0].rstrip(":").lower() in LABEL_WORDS or ":" in text:
        return False  # "Source: Russian Defense Ministry" is a credit
    capitalised = 0
    for word in words:
        bare = word.strip(".,'’\"()")
        if not bare:
            return False
        if bare[0].isupper():
            capitalised += 1
        elif bare.lower() not in NAME_PARTICLES and bare.lower() not in ROLE_WORDS:
            return False
        if any(ch.isdigit() for ch in bare) or "@" in bare or "://" in bare:
            return False
    return capitalised >= 1


def name_words(text: str) -> str:
    """The leading run of name words: "Moritz Bachmann publiziert am ..." -> "Moritz
    Bachmann"; "Meg JamesStaff Writer" -> "Meg James" (a role glued on by the renderer)."""
    kept: list[str] = []
    for word in text.split():
        bare = word.strip(",;:")
        glued = GLUED_ROLE_RE.match(bare)
        if glued and glued.group(2).lower() in ROLE_WORDS | ROLE_PREFIXES:
            kept.append(glued.group(1))
            break
        if kept and bare.lower() in ROLE_WORDS | ROLE_PREFIXES:
            break  # "Jane Doe Staff Writer"
        lower = bare[:1].islower() and bare.lower() not in NAME_PARTICLES | CONNECTORS
        if not bare or lower or any(ch.isdigit() for ch in bare):
            break
        kept.append(word)
    return " ".join(kept)


CONNECTORS = frozenset("and und et e y &".split())
ROLE_PREFIXES = frozenset(
    "senior special contributing associate political chief business deputy news".split()
)


def parse_byline(text: str) -> tuple[str, str | None] | None:
    """ "By Staff | June 2, 2018" -> ("Staff", "2018-06-02"); "By the time ..." -> None."""
    from .dates import find_date

    text = text.strip()
    if len(text) > 200 or len(text.split()) > 16:
        return None
    m = BYLINE_START_RE.match(text) or AUTHOR_LABEL_RE.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    head = name_words(REST_SPLIT_RE.split(rest, maxsplit=1)[0]).strip(" ,;:")
    names = [n.strip(" ,;:") for n in NAME_SPLIT_RE.split(head)]
    names = [n for n in names if n]
    if not names or not all(looks_like_person(n) for n in names):
        return None
    if all(n.split()[0].lower() in NAME_PARTICLES for n in names):
        return None
    author = head.strip(" ,;:")
    found = find_date(text)
    return author, found[0] if found else None


ROLE_LINE_RE = re.compile(r"^(?P<name>[^,]{3,60}),\s(?P<role>[^,]{2,60})$")


def parse_role_line(text: str) -> str | None:
    """ "Jane Doe, Political Correspondent" -> "Jane Doe"."""
    m = ROLE_LINE_RE.match(text.strip())
    if not m or not looks_like_person(m.group("name"), 4) or len(m.group("name").split()) < 2:
        return None
    role = {w.lower().strip(".") for w in m.group("role").split()}
    return m.group("name").strip() if role & ROLE_WORDS else None


# --- outlets --------------------------------------------------------------------------------

DOMAIN_IN_LINE_RE = re.compile(
    r"(?<![\w.@-])((?:[a-z0-9-]{1,63}\.){1,4}(?:com|org|net|co|uk|ir|ru|info|news|tv|io|example"
    r"|[a-z]{2}))(?![\w@-])",
    re.I,
)
PARENTHETICAL_RE = re.compile(r"\s?\([^()]{0,80}\)")
WIKI_SOURCE_RE = re.compile(
    r"^(?:From|aus|De|Da|Un article de|Материал из) (?P<outlet>[A-ZÀ-ÿА-Я][\w-]{1,40})"
    r"(?:,| —| –) (?:the|der|la|l'|свободной)\b"
)
REPORTS_RE = re.compile(r"^(?P<outlet>[A-Z][\w.&'’ -]{1,40}?)\s(?:reports|reported|says)\s?:?$")
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’ -]{1,40}?,?\s?)?(?:[A-Z][a-z]{2,8}\.?\s{1,2}\d{1,2},?\s?)?"
    r"\((?P<outlet>[A-Z][\w&.' -]{0,30}?)\)\s?[-—–]{1,2}\s?"
)
COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s?(?:©\s?)?(?:(?:19|20)\d\d\s?(?:[-–]\s?(?:19|20)?\d\d)?\s?[,.]?\s?)?"
    r"(?P<owner>[^.|•,;]{2,60})",
    re.I,
)
SPLIT_TITLE_RE = re.compile(r"\s(?:\||–|—|-|::|·)\s")
CORPORATE_RE = re.compile(
    r"\b(?:inc|llc|ltd|plc|gmbh|s\.a|corp|corporation|company|co|group|media|all rights"
    r"|rights reserved|todos os direitos|alle rechte)\b.*$",
    re.I,
)


def site_name(text: str) -> str | None:
    """The name in what is left of a site or date line: "Airframe Notes (example blog) ·"."""
    text = PARENTHETICAL_RE.sub(" ", text)
    words = [w for w in re.split(r"[^\w&'’.-]+", text) if any(c.isalnum() for c in w)]
    words = [w for w in words if w.casefold().strip(".") not in NOT_NAME_WORDS]
    if not 1 <= len(words) <= 5 or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return None
    if any(w[0].isdigit() for w in words):
        return None
    return " ".join(words)


def parse_outlet_line(line: Line) -> str | None:
    """A bare domain ("example.com"), a site-name line ("The Daily Star | dailystar.example")
    or an "X reports:" line."""
    text = line.text.strip()
    if is_renderer_line(text):
        return None  # "gettyimages-687786465.jpg" is an image, not a site
    if line.is_domain:
        return re.sub(r"^(?:https?://)?(?:www\.)?", "", text).split("/")[0].lower()
    m = REPORTS_RE.match(text)
    if m:
        return m.group("outlet")
    domain = DOMAIN_IN_LINE_RE.search(text)
    if domain and line.n_words <= 10 and not line.sentence:
        rest = text[: domain.start()] + " " + text[domain.end() :]
        return site_name(rest) or domain.group(1).lower().removeprefix("www.")
    return None


def copyright_owner(text: str) -> str | None:
    """ "© 2019 Billboard. All Rights Reserved." -> "Billboard"."""
    if len(text) > 300:
        return None
    m = COPYRIGHT_RE.search(text)
    if not m:
        return None
    owner = CORPORATE_RE.sub("", m.group("owner")).strip(" -–,.&")
    owner = OWNER_TAIL_RE.sub("", owner).strip(" -–,.&")
    owner = re.sub(r"^(?:copyright|©)\s?", "", owner, flags=re.I)
    owner = re.sub(r"^(?:by|the)\s", "", owner, flags=re.I) if owner.lower() != "the" else ""
    if DESIGNER_RE.match(owner):
        return None  # "Designed by Gray Digital Media": the web designer's credit
    return owner if looks_like_site(owner) else None


# What follows the owner's name on a copyright line: years, "unless otherwise noted".
OWNER_TAIL_RE = re.compile(
    r"(?:\s(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?|\s(?:unless otherwise (?:noted|stated)"
    r"|except where noted)\b.*)$",
    re.I,
)
DESIGNER_RE = re.compile(r"^(?:designed|developed|powered|built|hosted|site|website)\s", re.I)


def looks_like_site(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and text[:1].isupper() and not any(c.isdigit() for c in text[:1])


def wiki_source(text: str) -> str | None:
    """ "From Wikinews, the free news source you can write!" -> "Wikinews"."""
    m = WIKI_SOURCE_RE.match(text.strip())
    if not m:
        return None
    outlet = m.group("outlet")
    return "Wikipedia" if outlet.startswith(("Wikip", "Википеди")) else outlet


def dateline_outlet(text: str) -> str | None:
    """Outlet from "WASHINGTON (Reuters) - ..." (text itself is not changed)."""
    m = DATELINE_RE.match(text[:120])
    if not m:
        return None
    outlet = m.group("outlet").strip()
    return outlet if outlet and not re.search(r"\d", outlet) else None


def split_title(text: str) -> tuple[str, str | None]:
    """ "Boeing unveils 777 | Example News" -> ("Boeing unveils 777", "Example News").

    Only a short last part that reads as a name counts as the site: "X – PART
    TWO" stays one title (the second part is in capitals and says what part).
    """
    parts = SPLIT_TITLE_RE.split(text.strip())
    if len(parts) != 2 or len(parts[0].split()) < 2:
        return text.strip(), None
    site = parts[1].strip()
    words = site.split()
    if not 1 <= len(words) <= 4 or not looks_like_site(site):
        return text.strip(), None
    if site.isupper() and not DOMAIN_IN_LINE_RE.search(site) and len(site) > 5:
        return text.strip(), None  # "PART TWO", "LIVE UPDATES": part of the headline
    if any(w.lower() in SERIAL_WORDS for w in words):
        return text.strip(), None
    return parts[0].strip(), site


SERIAL_WORDS = frozenset(
    """part parte teil partie chapter episode update updates live video photos watch
    analysis opinion review interview exclusive""".split()
)


def looks_like_name(line: Line) -> bool:
    return 1 <= line.n_words <= 5 and line.cap_ratio == 1.0 and not line.best_cue
