"""The SemEval-2015 TimeLine temporal-awareness scorer, on hand-computed timelines."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from temporal_awareness import (  # noqa: E402
    BEFORE,
    INCLUDED,
    SIMULTANEOUS,
    Graph,
    close,
    format_timeline,
    parse_timeline,
    score_corpus,
    score_dirs,
    score_timeline,
    timeline_graph,
)

# Built on the gold Airbus timeline of corpus_1 (first lines), shortened.
AIRBUS = """Airbus
0\tXXXX-XX-XX\t1173-12-owned
1\t2003-XX-XX\t4764-11-out-sold
2\t2004-XX-XX\t11716-6-sold
3\t2005-01-18\t4764-2-unveiled\t4764-9-unveiling
3\t2005-01-18\t4764-3-superjumbo
4\t2005-06-13\t1173-4-order
"""


def tl(text: str):
    return parse_timeline(text)


def test_parse_and_format_round_trip():
    timeline = tl(AIRBUS)
    assert timeline.entity == "Airbus"
    assert timeline.lines[3].mentions == ("4764-2-unveiled", "4764-9-unveiling")
    assert format_timeline(timeline) == AIRBUS


def test_reduced_graph_by_hand():
    graph = timeline_graph(tl(AIRBUS))
    # 5 ordered lines at 4 positions: 1 SIMULTANEOUS (position 3), 3 BEFORE between
    # consecutive positions, 4 anchors (one per position and date); line 0 is unordered
    # and its date unknown, so it has no relation.
    rels = sorted(rel for _, rel, _ in graph.reduced)
    assert rels == [BEFORE] * 3 + [INCLUDED] * 4 + [SIMULTANEOUS]
    assert graph.dates == ["2003-XX-XX", "2004-XX-XX", "2005-01-18", "2005-06-13"]
    # the closure: the 2003 sale is before the June 2005 order, and the two 18 January
    # lines are simultaneous and both within 2005-01-18.
    assert graph.entails(1, BEFORE, 5)
    assert not graph.entails(5, BEFORE, 1)
    assert graph.entails(3, SIMULTANEOUS, 4)
    assert graph.entails(4, INCLUDED, graph.date_nodes["2005-01-18"])
    assert not graph.entails(1, INCLUDED, graph.date_nodes["2005-01-18"])
    assert graph.consistent


def test_identical_timelines_score_one():
    counts = score_timeline(tl(AIRBUS), tl(AIRBUS))
    assert (counts.correct_system, counts.system, counts.correct_key, counts.key) == (8, 8, 8, 8)
    assert counts.f1 == 1.0


def test_reversed_order_scores_low():
    system = tl(
        """Airbus
1\t2005-06-13\t1173-4-order
2\t2005-01-18\t4764-2-unveiled
2\t2005-01-18\t4764-3-superjumbo
3\t2004-XX-XX\t11716-6-sold
4\t2003-XX-XX\t4764-11-out-sold
"""
    )
    counts = score_timeline(system, tl(AIRBUS))
    # Dates and the simultaneity survive (4 anchors + 1 SIMULTANEOUS), every BEFORE is wrong.
    assert (counts.correct_system, counts.system) == (5, 8)
    assert (counts.correct_key, counts.key) == (5, 8)
    ordering = score_timeline(system, tl(AIRBUS), times=False)
    assert (ordering.correct_system, ordering.system) == (1, 4)
    assert ordering.f1 == pytest.approx(0.25)


def test_missing_events_lower_recall_not_precision():
    system = tl(
        """Airbus
1\t2003-XX-XX\t4764-11-out-sold
2\t2005-01-18\t4764-9-unveiling
3\t2005-06-13\t1173-4-order
"""
    )
    counts = score_timeline(system, tl(AIRBUS))
    # S-: 2 BEFORE + 3 anchors, all in the key's closure (2003 < 2005-01-18 is derived there).
    assert (counts.correct_system, counts.system) == (5, 5)
    # K-: found the 3 anchors of lines the system has and the BEFORE 2005-01-18 -> 2005-06-13;
    # the 2004 line, its links and the superjumbo simultaneity are missing.
    assert (counts.correct_key, counts.key) == (4, 8)
    assert counts.precision == 1.0
    assert counts.recall == 0.5


def test_wrong_date_costs_the_anchor_only():
    system = tl(AIRBUS.replace("4\t2005-06-13", "4\t2005-06-14"))
    counts = score_timeline(system, tl(AIRBUS))
    assert (counts.correct_system, counts.system) == (7, 8)
    assert (counts.correct_key, counts.key) == (7, 8)


def test_coreferent_mentions_on_one_line_are_one_node():
    split = tl(
        """Airbus
1\t2005-01-18\t4764-2-unveiled
2\t2005-01-18\t4764-9-unveiling
"""
    )
    key = tl(
        """Airbus
1\t2005-01-18\t4764-2-unveiled\t4764-9-unveiling
"""
    )
    counts = score_timeline(split, key)
    # The system orders two mentions of one event: its BEFORE is wrong, its single
    # anchor (one per position and date, so two here) right.
    assert (counts.correct_system, counts.system) == (2, 3)
    assert (counts.correct_key, counts.key) == (1, 1)


def test_position_zero_options():
    key = tl(AIRBUS)
    system = tl(AIRBUS.replace("0\tXXXX-XX-XX\t1173-12-owned\n", ""))
    unordered = score_timeline(system, key)
    assert unordered.f1 == 1.0  # unordered lines carry no relation
    first = score_timeline(system, key, zero="first")
    assert first.key == 9 and first.correct_key == 8  # the line-0 BEFORE is missed


def test_same_date_at_two_positions_stays_consistent():
    # As in the gold of corpus_3: one day, two ordered positions.
    key = tl(
        """Dow Jones
1\t2008-10-10\t1-2-fell
2\t2008-10-10\t1-5-rebounded
"""
    )
    graph = timeline_graph(key)
    assert graph.consistent
    assert graph.entails(0, BEFORE, 1)
    assert score_timeline(key, key).f1 == 1.0


def _brute_force_reduction(timeline_text: str) -> tuple[Graph, int]:
    """Every relation the task names, then greedily drop what the rest implies."""
    timeline = tl(timeline_text)
    canon = timeline_graph(timeline, zero="first")
    full: list[tuple[int, str, int]] = []
    for a, b in itertools.combinations(range(len(timeline.lines)), 2):
        pa, pb = timeline.lines[a].position, timeline.lines[b].position
        full.append(
            (a, SIMULTANEOUS, b) if pa == pb else (a, BEFORE, b) if pa < pb else (b, BEFORE, a)
        )
    for node, line in enumerate(timeline.lines):
        if line.date in canon.date_nodes:
            full.append((node, INCLUDED, canon.date_nodes[line.date]))
    kept = list(full)
    for relation in full:
        rest = [r for r in kept if r != relation]
        probe = close(Graph(canon.events, canon.dates, rest))
        if probe.entails(*relation):
            kept = rest
    return canon, len(kept)


def test_canonical_reduction_is_minimal_and_complete():
    text = """X
1\t2008-XX-XX\t1-1-a\t2-1-a
1\t2008-XX-XX\t1-2-b
1\t2008-03-01\t1-3-c
2\t2008-03-01\t1-4-d
3\tXXXX-XX-XX\t1-5-e
3\tXXXX-XX-XX\t1-6-f
4\t2008-03-01\t1-7-g
"""
    canon, brute_size = _brute_force_reduction(text)
    assert len(canon.reduced) == brute_size
    # The canonical graph's closure holds every relation of the full graph, and no
    # relation of it follows from the others.
    timeline = tl(text)
    for a, b in itertools.combinations(range(len(timeline.lines)), 2):
        pa, pb = timeline.lines[a].position, timeline.lines[b].position
        assert canon.entails(a, SIMULTANEOUS if pa == pb else BEFORE, b)
    for relation in canon.reduced:
        rest = [r for r in canon.reduced if r != relation]
        assert not close(Graph(canon.events, canon.dates, rest)).entails(*relation)


def test_micro_average_across_timelines():
    perfect = tl(AIRBUS)
    empty = tl("Boeing\n1\t2008-03-01\t100911-0-defeat\n2\t2008-03-04\t100911-9-protest\n")
    counts = score_corpus([(perfect, perfect), (None, empty)])
    # 8/8 verified; recall 8 of 8 + 3 (the missing timeline's K-: 1 BEFORE + 2 anchors).
    assert (counts.correct_system, counts.system, counts.correct_key, counts.key) == (8, 8, 8, 11)
    assert counts.recall == pytest.approx(8 / 11)


def test_score_dirs_skips_duplicate_gold_files(tmp_path):
    gold, system = tmp_path / "gold", tmp_path / "sys"
    gold.mkdir()
    system.mkdir()
    (gold / "s&p_500.txt").write_text(AIRBUS)
    (gold / "s_and_p_500.txt").write_text(AIRBUS)
    counts = score_dirs(system, gold)
    assert counts.key == 8  # once, not twice
    (system / "s&p_500.txt").write_text(AIRBUS)
    assert score_dirs(system, gold).f1 == 1.0
