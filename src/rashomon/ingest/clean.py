"""The plain-text boilerplate cleaner: one document, one pass per concern.

1. The text is cut into *units*: lines, with hard-wrapped prose lines joined
   again, grouped by paragraph (blank lines).
2. Position-independent rules (:mod:`rules`) and the corpus's template lines
   (:mod:`template`) mark what is chrome wherever it stands.
3. *Body anchors* (lines of eight or more words that read as prose and carry
   no furniture cues) fix the zones: the header before the first anchor, the
   footer after the last. Header lines yield metadata (:mod:`metadata`); the
   remaining non-prose lines in header and footer are chrome; in the body only
   lines with positive evidence go, so subheads and short sentences stay.
4. Teaser lists after a "Related"-like heading, a trailing "References"-like
   section, and captions printed twice are removed as runs.

Every removed line is reported with its reason, so the cleaning can be
audited and tuned.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import RemovedLine
from . import rules
from .features import Line
from .metadata import Meta, dateline_outlet, looks_like_name, read_header, wiki_source
from .template import line_key


@dataclass
class Unit:
    text: str
    para: int
    line: Line = field(init=False)
    reason: str | None = None

    def __post_init__(self) -> None:
        self.line = Line(self.text)


@dataclass
class Cleaned:
    text: str
    removed: list[RemovedLine]
    meta: Meta


_CONTINUES_RE = re.compile(r"^[a-z(,;]")


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text breaks at, or None when it is not wrapped
    (most lines end near one width, which web dumps with a line per paragraph
    never do)."""
    lengths = [len(ln) for ln in lines if ln.strip()]
    if len(lengths) < 5:
        return None
    width = max(lengths)
    near = sum(n >= 0.75 * width for n in lengths)
    return width if width <= 120 and near >= 0.4 * len(lengths) else None


def split_units(text: str) -> list[Unit]:
    """Lines grouped by paragraph; a wrapped line is joined to the next when the
    next one starts in lower case, or the text is hard-wrapped and the line
    runs to near the wrap width without finishing its sentence."""
    width = _wrap_width(text.split("\n"))
    units: list[Unit] = []
    for para, block in enumerate(re.split(r"\n\s*\n", text)):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        merged: list[str] = []
        for ln in lines:
            if merged:
                prev = Line(merged[-1].rsplit("\n", 1)[-1])
                unfinished = not prev.terminal and not prev.text.endswith(":")
                wrapped = width is not None and len(prev.text) >= 0.6 * width
                lower = _CONTINUES_RE.match(ln) and len(prev.text) >= 40 and not Line(ln).is_domain
                if unfinished and (lower or wrapped):
                    merged[-1] = f"{merged[-1]}\n{ln}"
                    continue
            merged.append(ln)
        units.extend(Unit(ln.replace("\n", " "), para) for ln in merged)
    return units


def _caption_key(text: str) -> str:
    text = re.sub(r"^(?:photo|image|picture|caption|pictured)\s*[:.–—-]\s*", "", text, flags=re.I)
    text = re.sub(r"\s*\([^()]{0,60}\)\.?$|\s*[/|]\s*[^/|]{0,40}$", "", text)
    return line_key(text)


def _mark_repeats(units: list[Unit]) -> None:
    """Captions printed twice go entirely; other repeated prose keeps its first copy."""
    keyed = [(u, _caption_key(u.text)) for u in units if u.reason in (None, rules.CREDIT)]
    counts = Counter(key for u, key in keyed if len(key.split()) >= 3)
    seen: set[str] = set()
    groups: dict[str, list[Unit]] = {}
    for u, key in keyed:
        if counts[key] >= 2:
            groups.setdefault(key, []).append(u)
    for key, group in groups.items():
        caption = (
            any(u.reason == rules.CREDIT for u in group)
            or any(_caption_key(u.text) != line_key(u.text) for u in group)
            or not all(u.line.sentence for u in group)
        )
        for u in group:
            if caption:
                u.reason = rules.CAPTION
            elif key in seen:
                u.reason = rules.REPEATED
            seen.add(key)


def _mark_related_runs(units: list[Unit]) -> None:
    """After a "Related"/"More from" heading, drop the teaser headlines that follow."""
    in_run = False
    for u in units:
        if rules.related_heading(u.line):
            u.reason, in_run = rules.RELATED, True
            continue
        if in_run:
            line = u.line
            teaser = line.headline_like or (line.n_words <= 14 and line.cap_ratio >= 0.6)
            if u.reason is None and teaser and line.n_words <= 25:
                u.reason = rules.RELATED
            elif u.reason is None:
                in_run = False


def _anchors(units: list[Unit]) -> list[int]:
    return [
        i
        for i, u in enumerate(units)
        if u.reason is None and u.line.body_anchor and not rules.furniture_sentence(u.line)
    ]


def _mark_trailing(units: list[Unit], first_anchor: int) -> None:
    for i in range(first_anchor + 1, len(units)):
        if rules.TRAILING_RE.match(units[i].text.strip()):
            for u in units[i:]:
                u.reason = rules.TRAILING
            return


def _zone_reason(u: Unit, default: str) -> str | None:
    """Verdict for a not-yet-judged line outside the article body."""
    line = u.line
    prose = line.sentence and (line.terminal or line.n_words >= 25 or default == rules.NAVIGATION)
    if prose:
        return (line.best_cue or default) if rules.furniture_sentence(line) else None
    if default == rules.NAVIGATION and line.n_words >= 8 and line.function_ratio >= 0.2:
        return None  # a standfirst / dek under the headline
    return rules.cue_reason(line, default)


def clean_text(
    text: str, template: frozenset[str] = frozenset(), known: Meta | None = None
) -> Cleaned:
    """Clean one document. ``template`` holds line keys repeated across the
    document's group; ``known`` is metadata already known (HTML, JSONL), whose
    title line is dropped from the text when it reappears there."""
    known = known or Meta()
    units = split_units(text)
    removed: list[RemovedLine] = []
    for u in units:
        u.text, markers = rules.strip_citations(u.text)
        if markers:
            u.line = Line(u.text)
            removed.extend(RemovedLine(m, rules.CITATION) for m in markers)
        if not u.text:
            u.reason = rules.WIKI
            continue
        u.reason = rules.strong_reason(u.line)
        repeated = u.reason is None and line_key(u.text) in template
        if repeated and (not u.line.sentence or rules.furniture_sentence(u.line)):
            u.reason = rules.TEMPLATE
    _mark_repeats(units)
    _mark_related_runs(units)
    anchors = _anchors(units)
    first = anchors[0] if anchors else len(units)
    last = anchors[-1] if anchors else len(units)
    _mark_trailing(units, first)

    header = [i for i in range(first) if units[i].reason is None]
    if known.title:
        title_key = line_key(known.title)
        for i in header:
            if line_key(units[i].text) == title_key:
                units[i].reason = rules.METADATA
    header = [i for i in header if units[i].reason is None]
    meta, used = read_header([units[i].line for i in header], template)
    for j in used:
        units[header[j]].reason = rules.METADATA
    if meta.outlet is None:  # "From Wikinews, the free news source you can write!"
        meta.outlet = next((o for u in units[:first] if (o := wiki_source(u.text))), None)
    if meta.outlet is None:  # a name atop every page of the site is its masthead
        names = [
            u.text for u in units[:first] if u.reason == rules.TEMPLATE and looks_like_name(u.line)
        ]
        meta.outlet = names[0] if names else None
    for i in header:
        if units[i].reason is None:
            units[i].reason = _zone_reason(units[i], rules.NAVIGATION)
    for u in units[last + 1 :]:
        if u.reason is None:
            u.reason = _zone_reason(u, rules.FOOTER)
    for u in units[first : last + 1]:
        line = u.line
        if u.reason is None and not line.sentence and line.n_words <= 4 and line.cue_ratio >= 0.5:
            u.reason = rules.cue_reason(line, rules.WIDGET)

    kept = [u for u in units if u.reason is None]
    if kept and meta.outlet is None:
        meta.outlet = dateline_outlet(kept[0].text)
    removed.extend(RemovedLine(u.text, u.reason) for u in units if u.reason)
    return Cleaned(_join(kept), removed, meta)


def _join(units: list[Unit]) -> str:
    out: list[str] = []
    para = None
    for u in units:
        if para is not None:
            out.append("\n" if u.para == para else "\n\n")
        out.append(u.text)
        para = u.para
    return "".join(out)
