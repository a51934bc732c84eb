"""Temporal awareness (UzZaman & Allen 2011) over SemEval-2015 TimeLine timelines.

A re-implementation of how the SemEval-2015 Task 4 scorer evaluates a
timeline (task website, tools page; Minard et al. 2015), written from the
description in ``../shared/benchmarks/README.md`` section 1, not from the
official script.

Timeline file: the entity name on the first line, then tab-separated lines
``position  date  mention [mention ...]``; a mention is ``docid-sentence-token``
and the mentions of one line corefer.

Graph of a timeline (:func:`timeline_graph`), as the task's evaluation tool
builds it:

* one **event node per mention**; the mentions of one line (coreferent) are
  SIMULTANEOUS; a mention written on several lines is one node all the same,
  so a timeline that repeats mentions contradicts itself and earns nothing
  for it;
* events at a lower position are BEFORE events at a higher one; events at
  the same position are SIMULTANEOUS;
* with ``times=True`` ("ordering and time anchors", the main score) each
  event is linked to its line's date with **SIMULTANEOUS**; ``XXXX-XX-XX``
  (and any value without a year) is no anchor; partial dates ("2008-XX-XX")
  are anchors of their own. ``times=False`` gives the "ordering only" score
  (subtracks A2/B2);
* position 0 is where the gold puts the events that are neither anchored nor
  ordered (always with ``XXXX-XX-XX``). With ``zero="unordered"`` (default)
  such lines get no ordering relation; with ``zero="first"`` 0 is an
  ordinary first position, to show how much the choice matters.

A date carried at several positions: SIMULTANEOUS(e1, d), SIMULTANEOUS(e2,
d) and BEFORE(e1, e2) cannot all hold of one interval, so each (date,
position) gets a TIMEX3 node of its own; nodes of one date align with each
other across graphs (a relation to a date holds when it holds to some node
of that date). The graphs stay consistent and every event is SIMULTANEOUS
with its anchor, as the tool says.

Scoring: relations are points algebra over interval end points (start <= end;
BEFORE: a.end < b.start; SIMULTANEOUS: equal ends). The closure G+ is exact
(strongly connected components of the <= graph, then strict/weak
reachability). The reduced graph G- is canonical: per line a star of
SIMULTANEOUS from its first mention to the others, per position a star of SIMULTANEOUS from its
first line to the others, one BEFORE between the first mentions of
consecutive positions, and per (date, position) one SIMULTANEOUS anchor. It
is minimal (a test checks it against a brute-force greedy reduction) and its
closure is the whole graph's. Among the minimal reductions of a group of
simultaneous mentions the star from the first one is chosen, as a tool that
writes one TLINK from a line's first event to each other would: a chain
(m1 = m2, m2 = m3, ...) would let an output that puts every mention on one
line earn precision from the neighbours that happen to share a gold line.

    precision = |S- ∩ K+| / |S-|        recall = |K- ∩ S+| / |K-|

Nodes are aligned by mention (compared case-insensitively) and by date value.
Counts are summed over all timelines of a corpus (micro average). A timeline
the system did not produce counts its K- in the recall denominator and
nothing in precision (the tool scores a missing file as an empty one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BEFORE, SIMULTANEOUS, INCLUDED = "BEFORE", "SIMULTANEOUS", "IS_INCLUDED"
UNKNOWN_DATE = "XXXX-XX-XX"


@dataclass(slots=True)
class Line:
    position: int
    date: str
    mentions: tuple[str, ...]


@dataclass(slots=True)
class Timeline:
    entity: str
    lines: list[Line] = field(default_factory=list)


def parse_timeline(text: str) -> Timeline:
    rows = text.splitlines()
    entity = rows[0].strip() if rows else ""
    lines = []
    for row in rows[1:]:
        parts = [p for p in row.strip().split("\t") if p.strip()]
        if len(parts) < 3:
            continue
        lines.append(Line(int(parts[0]), parts[1].strip(), tuple(p.strip() for p in parts[2:])))
    return Timeline(entity, lines)


def read_timeline(path: str | Path) -> Timeline:
    return parse_timeline(Path(path).read_text("utf-8"))


def format_timeline(timeline: Timeline) -> str:
    out = [timeline.entity]
    out += ["\t".join([str(ln.position), ln.date, *ln.mentions]) for ln in timeline.lines]
    return "\n".join(out) + "\n"


def normalize_date(value: str) -> str | None:
    """``YYYY-MM-DD`` with XX for unknown parts, or ``None`` when the year is unknown."""
    value = value.strip()
    match = re.match(r"^(\d{4})(?:-(\d\d|XX))?(?:-(\d\d|XX))?$", value)
    if not match:
        return None
    return f"{match[1]}-{match[2] or 'XX'}-{match[3] or 'XX'}"


# ---------------------------------------------------------------------------
# Graph and closure


@dataclass(slots=True)
class Graph:
    """Nodes (event mentions and dates), the reduced relations, and the closure."""

    events: list[str]  # node index -> its mention (lower-cased)
    dates: list[str]  # date node i has index len(events) + i (one per date and position)
    reduced: list[tuple[int, str, int]]
    mention_nodes: dict[str, int] = field(default_factory=dict)
    date_nodes: dict[str, list[int]] = field(default_factory=dict)
    anchors: dict[tuple[str, int], int] = field(default_factory=dict)  # (date, position) -> node
    _weak: list[int] = field(default_factory=list)  # point -> bitset of points >= it
    _strict: list[int] = field(default_factory=list)  # point -> bitset of points > it
    consistent: bool = True

    @property
    def size(self) -> int:
        return len(self.events) + len(self.dates)

    def le(self, p: int, q: int) -> bool:
        return bool(self._weak[p] >> q & 1)

    def lt(self, p: int, q: int) -> bool:
        return bool(self._strict[p] >> q & 1)

    def entails(self, a: int, rel: str, b: int) -> bool:
        """Whether the closure has ``a rel b`` (node indexes)."""
        a0, a1, b0, b1 = 2 * a, 2 * a + 1, 2 * b, 2 * b + 1
        if rel == BEFORE:
            return self.lt(a1, b0)
        if rel == SIMULTANEOUS:
            return a == b or (
                self.le(a0, b0) and self.le(b0, a0) and self.le(a1, b1) and self.le(b1, a1)
            )
        if rel == INCLUDED:
            return self.le(b0, a0) and self.le(a1, b1)
        raise ValueError(rel)

    def counterparts(self, node: int, other: Graph) -> list[int]:
        """The nodes of ``other`` aligned with ``node`` (the same mention, the same date)."""
        if node >= len(self.events):
            return other.date_nodes.get(self.dates[node - len(self.events)], [])
        found = other.mention_nodes.get(self.events[node])
        return [] if found is None else [found]

    def holds_in(self, relation: tuple[int, str, int], other: Graph) -> bool:
        a, rel, b = relation
        targets = self.counterparts(b, other)
        return any(other.entails(x, rel, y) for x in self.counterparts(a, other) for y in targets)


def _closure(graph: Graph, edges: list[tuple[int, int, bool]]) -> None:
    """Weak (<=) and strict (<) reachability between end points, exactly."""
    n = 2 * graph.size
    succ: list[list[tuple[int, bool]]] = [[] for _ in range(n)]
    for p, q, strict in edges:
        succ[p].append((q, strict))
    # Tarjan's strongly connected components, iteratively; they come out sinks first.
    index = [0] * n
    low = [0] * n
    on_stack = [False] * n
    seen = [False] * n
    stack: list[int] = []
    comp = [-1] * n
    comps: list[list[int]] = []
    counter = 0
    for root in range(n):
        if seen[root]:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                seen[v] = True
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack[v] = True
            recurse = False
            while i < len(succ[v]):
                w = succ[v][i][0]
                i += 1
                if not seen[w]:
                    work.append((v, i))
                    work.append((w, 0))
                    recurse = True
                    break
                if on_stack[w]:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                members = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp[w] = len(comps)
                    members.append(w)
                    if w == v:
                        break
                comps.append(members)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    weak_c = [0] * len(comps)
    strict_c = [0] * len(comps)
    for c, members in enumerate(comps):  # sinks first: successors are already done
        bits = 0
        for m in members:
            bits |= 1 << m
        weak, strict = bits, 0
        for m in members:
            for q, is_strict in succ[m]:
                d = comp[q]
                if d == c:
                    if is_strict:
                        graph.consistent = False
                    continue
                weak |= weak_c[d]
                strict |= weak_c[d] if is_strict else strict_c[d]
        weak_c[c], strict_c[c] = weak, strict
    graph._weak = [weak_c[comp[p]] for p in range(n)]
    graph._strict = [strict_c[comp[p]] for p in range(n)]


def timeline_graph(timeline: Timeline, times: bool = True, zero: str = "unordered") -> Graph:
    """The reduced graph of a timeline and its closure (see the module doc)."""
    if zero not in ("unordered", "first"):
        raise ValueError(zero)
    events: list[str] = []
    mention_nodes: dict[str, int] = {}
    line_nodes: list[list[int]] = []
    for line in timeline.lines:
        nodes = []
        for mention in line.mentions:
            key = mention.lower()
            if key not in mention_nodes:
                mention_nodes[key] = len(events)
                events.append(key)
            nodes.append(mention_nodes[key])
        line_nodes.append(nodes)
    reduced: list[tuple[int, str, int]] = []
    for nodes in line_nodes:
        reduced += [(nodes[0], SIMULTANEOUS, y) for y in dict.fromkeys(nodes[1:]) if y != nodes[0]]
    positions: dict[int, list[int]] = {}  # position -> its lines
    for index, line in enumerate(timeline.lines):
        if line.position == 0 and zero == "unordered":
            continue
        positions.setdefault(line.position, []).append(index)
    ordered = sorted(positions)
    for pos in ordered:
        first, *rest = positions[pos]
        reduced += [(line_nodes[first][0], SIMULTANEOUS, line_nodes[r][0]) for r in rest]
    reduced += [
        (line_nodes[positions[a][0]][0], BEFORE, line_nodes[positions[b][0]][0])
        for a, b in zip(ordered, ordered[1:], strict=False)
    ]
    dates: list[str] = []
    date_nodes: dict[str, list[int]] = {}
    anchored: dict[tuple[str, int], int] = {}  # (date, position or line) -> date node
    for index, line in enumerate(timeline.lines):
        value = normalize_date(line.date) if times else None
        if value is None:
            continue
        unordered = line.position == 0 and zero == "unordered"
        key = (value, -1 - index if unordered else line.position)
        if key not in anchored:
            anchored[key] = len(events) + len(dates)
            dates.append(value)
            date_nodes.setdefault(value, []).append(anchored[key])
            reduced.append((line_nodes[index][0], SIMULTANEOUS, anchored[key]))
    graph = Graph(events, dates, reduced, mention_nodes, date_nodes, anchored)
    close(graph)
    return graph


def close(graph: Graph) -> Graph:
    """Compute ``graph``'s closure from its relations (``graph.reduced``)."""
    edges: list[tuple[int, int, bool]] = []
    for node in range(graph.size):
        edges.append((2 * node, 2 * node + 1, False))
    for a, rel, b in graph.reduced:
        if rel == BEFORE:
            edges.append((2 * a + 1, 2 * b, True))
        elif rel == SIMULTANEOUS:
            for pa, pb in ((2 * a, 2 * b), (2 * a + 1, 2 * b + 1)):
                edges += [(pa, pb, False), (pb, pa, False)]
        elif rel == INCLUDED:
            edges += [(2 * b, 2 * a, False), (2 * a + 1, 2 * b + 1, False)]
        else:
            raise ValueError(rel)
    graph.consistent = True
    _closure(graph, edges)
    return graph


# ---------------------------------------------------------------------------
# Scores


@dataclass(slots=True)
class Counts:
    """Micro-average counts: system relations verified / all, key relations found / all."""

    correct_system: int = 0
    system: int = 0
    correct_key: int = 0
    key: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.correct_system += other.correct_system
        self.system += other.system
        self.correct_key += other.correct_key
        self.key += other.key
        return self

    @property
    def precision(self) -> float:
        return self.correct_system / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct_key / self.key if self.key else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_timeline(
    system: Timeline | None, key: Timeline, times: bool = True, zero: str = "unordered"
) -> Counts:
    """Temporal-awareness counts of one system timeline against its key."""
    key_graph = timeline_graph(key, times, zero)
    if system is None:
        return Counts(0, 0, 0, len(key_graph.reduced))
    sys_graph = timeline_graph(system, times, zero)
    return Counts(
        sum(sys_graph.holds_in(r, key_graph) for r in sys_graph.reduced),
        len(sys_graph.reduced),
        sum(key_graph.holds_in(r, sys_graph) for r in key_graph.reduced),
        len(key_graph.reduced),
    )


def score_corpus(
    pairs: Iterable[tuple[Timeline | None, Timeline]], times: bool = True, zero: str = "unordered"
) -> Counts:
    """Micro-averaged counts over the (system, key) timelines of a corpus."""
    total = Counts()
    for system, key in pairs:
        total += score_timeline(system, key, times, zero)
    return total


def score_dirs(
    system_dir: str | Path, key_dir: str | Path, times: bool = True, zero: str = "unordered"
) -> Counts:
    """Score a folder of system timelines against a folder of gold ones (same file names;
    byte-identical gold files are scored once)."""
    seen: set[str] = set()
    pairs: list[tuple[Timeline | None, Timeline]] = []
    for path in sorted(Path(key_dir).glob("*.txt")):
        text = path.read_text("utf-8")
        if text in seen:
            continue
        seen.add(text)
        candidate = Path(system_dir) / path.name
        system = read_timeline(candidate) if candidate.is_file() else None
        pairs.append((system, parse_timeline(text)))
    return score_corpus(pairs, times, zero)


def table(rows: Sequence[tuple[str, Counts]]) -> str:
    out = ["| | P | R | F1 | S⁻ verified | K⁻ found |", "|---|---|---|---|---|---|"]
    for name, c in rows:
        out.append(
            f"| {name} | {100 * c.precision:.2f} | {100 * c.recall:.2f} | {100 * c.f1:.2f} "
            f"| {c.correct_system}/{c.system} | {c.correct_key}/{c.key} |"
        )
    return "\n".join(out)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("system_dir")
    parser.add_argument("key_dir")
    parser.add_argument("--ord", action="store_true", help="ordering only (no time anchors)")
    parser.add_argument("--zero", choices=("unordered", "first"), default="unordered")
    args = parser.parse_args()
    counts = score_dirs(args.system_dir, args.key_dir, times=not args.ord, zero=args.zero)
    print(table([("all", counts)]))
