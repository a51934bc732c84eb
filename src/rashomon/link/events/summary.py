"""How a group of mentions is shown: its agreed date and a one-line summary."""

from __future__ import annotations

import re
from collections import Counter

from rashomon.model import EventMention

from .features import time_interval


def specificity(value: str | None) -> int:
    span = time_interval(value)
    return -1 if span is None else -(span[1] - span[0])


def agreed_time(group: list[EventMention]) -> tuple[str | None, str | None]:
    """The most specific time value that no other mention of the group contradicts."""
    rank = {"explicit": 0, "sentence": 1, "paragraph": 2, "document": 3}
    dated = [m for m in group if time_interval(m.time_value)]
    if not dated:
        return None, None
    best = min(rank.get(m.time_source, 4) for m in dated)
    dated = [m for m in dated if rank.get(m.time_source, 4) == best]
    for m in sorted(dated, key=lambda m: -specificity(m.time_value)):
        span = time_interval(m.time_value)
        assert span is not None
        if all(overlap(span, time_interval(o.time_value)) for o in dated):
            return m.time_value, m.time_text
    common = Counter(m.time_value for m in dated).most_common(1)[0][0]
    return common, next(m.time_text for m in dated if m.time_value == common)


def overlap(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is None or not (a[1] < b[0] or b[1] < a[0])


SUMMARY_WORDS = 18  # longest summary, in words of the sentence
_CLAUSE_END = re.compile(r"[.;:!?]\s|[.;:!?]$| - | – | — ")
# Words written with a full stop that does not end the sentence ("Mr. Obama", "Jan. 5").
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st sr jr mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    inc corp co ltd bros no nos vs v est approx dept univ ave blvd
    """.split()
)


def clause_ends(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Where clauses end in ``text[start:end]``; a full stop after an abbreviation
    ("Mr.", "Jan."), an initial ("J. Smith") or inside "U.S." ends nothing."""
    found = []
    for match in _CLAUSE_END.finditer(text, start, len(text) if end is None else end):
        if text[match.start()] == ".":
            before = re.search(r"([A-Za-z.]+)$", text[: match.start()])
            word = before.group(1) if before else ""
            if word.lower().rstrip(".") in ABBREVIATIONS or len(word) == 1 or "." in word:
                continue
        found.append(match)
    return found


def summary(m: EventMention, text: str, time_value: str | None) -> str:
    """The words of the sentence around the trigger, with its nearest participants:
    "Boeing had been suspended since July 24, 2003 after violating federal law (2003-07-24)"."""
    sentence = text[m.sentence_start : m.sentence_end]
    t0, t1 = m.start - m.sentence_start, m.end - m.sentence_start
    if not sentence or not 0 <= t0 < t1 <= len(sentence):
        return m.text
    found = [(sentence.find(k), k) for k in [*m.participants, *([m.place] if m.place else [])]]
    before = [p for p, _ in found if 0 <= p < t0 and t0 - p <= 100]
    if before:
        left = max(before)
    else:  # no participant written before it: up to six words back, within the clause
        spaces = [i for i, ch in enumerate(sentence[:t0]) if ch == " "]
        left = spaces[-7] + 1 if len(spaces) >= 7 else 0
        bounds = [x.end() for x in clause_ends(sentence, 0, t0)]
        left = max([left, *bounds])
    after = [p + len(k) for p, k in found if p >= t1]
    right = min(after) if after else t1
    stops = clause_ends(sentence, right)
    stop = stops[0] if stops else None
    right = stop.start() + (1 if sentence[stop.start()] in ".!?" else 0) if stop else len(sentence)
    words = sentence[left:right].split()
    line = " ".join(words[:SUMMARY_WORDS]).strip(" ,")
    if left > 0:
        line = "…" + line
    if len(words) > SUMMARY_WORDS or (right < len(sentence.rstrip()) and not line.endswith(".")):
        line += "…"
    extra = [e for e in (m.place if m.place and m.place not in line else "", time_value) if e]
    return f"{line} ({', '.join(extra)})" if extra else line
