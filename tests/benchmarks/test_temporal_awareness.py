"""The SemEval-2015 TimeLine temporal-awareness scorer, on hand-computed timelines."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from temporal_awareness import (  # noqa: E402
    BEFORE,
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
    # 7 mention nodes. SIMULTANEOUS: unveiled = unveiling (one line), unveiled =
    # superjumbo (one position), and 4 anchors (one per date and position); BEFORE
    # between the 4 ordered positions: 3. Line 0 is unordered and undated: no relation.
    rels = sorted(rel for _, rel, _ in graph.reduced)
    assert rels == [BEFORE] * 3 + [SIMULTANEOUS] * 6
    assert graph.dates == ["2003-XX-XX", "2004-XX-XX", "2005-01-18", "2005-06-13"]
    node = graph.mention_nodes
    assert graph.entails(node["4764-11-out-sold"], BEFORE, node["1173-4-order"])
    assert not graph.entails(node["1173-4-order"], BEFORE, node["4764-11-out-sold"])
    assert graph.entails(node["4764-9-unveiling"], SIMULTANEOUS, node["4764-3-superjumbo"])
    day = graph.date_nodes["2005-01-18"][0]
    assert graph.entails(node["4764-3-superjumbo"], SIMULTANEOUS, day)  # anchors: SIMULTANEOUS
    assert not graph.entails(node["4764-11-out-sold"], SIMULTANEOUS, day)
    assert graph.consistent


def test_identical_timelines_score_one():
    counts = score_timeline(tl(AIRBUS), tl(AIRBUS))
    assert (counts.correct_system, counts.system, counts.correct_key, counts.key) == (9, 9, 9, 9)
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
    ordering = score_timeline(system, tl(AIRBUS), times=False)
    assert (ordering.correct_system, ordering.system) == (1, 4)


def test_missing_events_lower_recall_not_precision():
    system = tl(
        """Airbus
1\t2003-XX-XX\t4764-11-out-sold
2\t2005-01-18\t4764-9-unveiling
3\t2005-06-13\t1173-4-order
"""
    )
    counts = score_timeline(system, tl(AIRBUS))
    # S-: 2 BEFORE + 3 anchors, all in the key's closure.
    assert (counts.correct_system, counts.system) == (5, 5)
    assert counts.precision == 1.0 and counts.correct_key < counts.key


def test_wrong_date_costs_the_anchor_only():
    system = tl(AIRBUS.replace("4\t2005-06-13", "4\t2005-06-14"))
    counts = score_timeline(system, tl(AIRBUS))
    assert (counts.correct_system, counts.system) == (8, 9)
    assert (counts.correct_key, counts.key) == (8, 9)


def test_each_mention_is_a_node():
    split = tl("Airbus\n1\t2005-01-18\t4764-2-unveiled\n2\t2005-01-18\t4764-9-unveiling\n")
    key = tl("Airbus\n1\t2005-01-18\t4764-2-unveiled\t4764-9-unveiling\n")
    counts = score_timeline(split, key)
    # The system orders two mentions of one event: its BEFORE is wrong, its anchors right;
    # the key's simultaneity is missed.
    assert (counts.correct_system, counts.system) == (2, 3)
    assert (counts.correct_key, counts.key) == (1, 2)


def test_position_zero_options():
    key = tl(AIRBUS)
    system = tl(AIRBUS.replace("0\tXXXX-XX-XX\t1173-12-owned\n", ""))
    assert score_timeline(system, key).f1 == 1.0  # unordered lines carry no relation
    first = score_timeline(system, key, zero="first")
    assert first.key == 10 and first.correct_key == 9  # the line-0 BEFORE is missed


def test_same_date_at_two_positions_stays_consistent():
    # As in the gold of corpus_3: one day, two ordered positions.
    key = tl("Dow Jones\n1\t2008-10-10\t1-2-fell\n2\t2008-10-10\t1-5-rebounded\n")
    graph = timeline_graph(key)
    assert graph.consistent
    assert graph.entails(0, BEFORE, 1)
    assert score_timeline(key, key).f1 == 1.0


def _synthetic_gold(n: int = 30) -> str:
    """A gold-like timeline: n positions, one or two lines each, some dated."""
    rows = ["Target"]
    for k in range(1, n + 1):
        date = f"2008-{1 + k % 12:02d}-{1 + k % 28:02d}" if k % 3 else "XXXX-XX-XX"
        rows.append(f"{k}\t{date}\t{k}-1-a\t{k + 100}-2-a")
        if k % 4 == 0:
            rows.append(f"{k}\t{date}\t{k}-3-b")
    rows.append("0\tXXXX-XX-XX\t999-1-z")
    return "\n".join(rows) + "\n"


def _mentions(text: str) -> str:
    return "\t".join(m for line in tl(text).lines for m in line.mentions)


def degenerate_two_undated_lines(text: str) -> str:
    """Every mention of the target, copied into two undated ordered lines (issue 9)."""
    both = _mentions(text)
    return f"{tl(text).entity}\n1\tXXXX-XX-XX\t{both}\n2\tXXXX-XX-XX\t{both}\n"


def degenerate_one_line(text: str) -> str:
    return f"{tl(text).entity}\n1\tXXXX-XX-XX\t{_mentions(text)}\n"


def degenerate_each_alone(text: str) -> str:
    """Every mention on a line of its own, all at position 0 with no date."""
    return (
        tl(text).entity
        + "\n"
        + "".join(f"0\tXXXX-XX-XX\t{m}\n" for m in _mentions(text).split("\t"))
    )


DEGENERATE = [degenerate_two_undated_lines, degenerate_one_line, degenerate_each_alone]


@pytest.mark.parametrize("degenerate", DEGENERATE)
@pytest.mark.parametrize("times", [True, False])
def test_degenerate_outputs_score_near_zero(degenerate, times):
    gold = [_synthetic_gold(30), _synthetic_gold(12)]
    counts = score_corpus([(tl(degenerate(t)), tl(t)) for t in gold], times=times)
    assert counts.f1 < 0.1, counts
    assert score_corpus([(tl(t), tl(t)) for t in gold], times=times).f1 == 1.0


GOLD_DIR = (
    Path(__file__).resolve().parents[3] / "shared" / "benchmarks" / "semeval2015_timeline"
    / "SemEval_Task4_data"
)  # fmt: skip


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="SemEval-2015 TimeLine data not present")
@pytest.mark.parametrize("degenerate", DEGENERATE)
def test_degenerate_outputs_score_near_zero_on_the_task_gold(degenerate):
    gold = [
        p.read_text("utf-8") for p in sorted(GOLD_DIR.glob("corpus_*/TimeLines_Gold_Standard/*"))
    ]
    counts = score_corpus([(tl(degenerate(t)), tl(t)) for t in gold])
    assert counts.f1 < 0.03, counts  # a real timeline scores 0.1-0.2 here


BOEING = """Boeing
0\tXXXX-XX-XX\t100911-3-built
1\t2008-02-29\t100911-0-defeat\t100911-1-won
2\t2008-03-04\t100911-9-protest\t7343-2-protest
3\t2008-03-11\t7343-5-filed
3\t2008-03-11\t7343-6-says
4\t2008-06-18\t7343-12-upheld
"""


def test_dating_every_event_by_its_document_is_not_an_ordering():
    """The document-date baseline: right anchors earn, but far from a real timeline."""
    key = tl(BOEING)
    dated = tl(
        """Boeing
1\t2008-03-01\t100911-3-built\t100911-0-defeat\t100911-1-won\t100911-9-protest
2\t2008-03-12\t7343-2-protest\t7343-5-filed\t7343-6-says\t7343-12-upheld
"""
    )
    assert score_timeline(dated, key).f1 < 0.3


def _brute_force_reduction(timeline_text: str) -> tuple[Graph, int]:
    """Every relation the task names, then greedily drop what the rest implies."""
    timeline = tl(timeline_text)
    canon = timeline_graph(timeline, zero="first")
    node = canon.mention_nodes
    placed = [(node[m.lower()], line) for line in timeline.lines for m in line.mentions]
    full: list[tuple[int, str, int]] = []
    for (a, la), (b, lb) in itertools.combinations(placed, 2):
        pa, pb = la.position, lb.position
        full.append(
            (a, SIMULTANEOUS, b) if pa == pb else (a, BEFORE, b) if pa < pb else (b, BEFORE, a)
        )
    for a, line in placed:
        if (line.date, line.position) in canon.anchors:
            full.append((a, SIMULTANEOUS, canon.anchors[(line.date, line.position)]))
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
    timeline = tl(text)
    node = canon.mention_nodes
    placed = [(node[m.lower()], line.position) for line in timeline.lines for m in line.mentions]
    for (a, pa), (b, pb) in itertools.combinations(placed, 2):
        assert canon.entails(a, SIMULTANEOUS if pa == pb else BEFORE, b)
    for relation in canon.reduced:
        rest = [r for r in canon.reduced if r != relation]
        assert not close(Graph(canon.events, canon.dates, rest)).entails(*relation)


def test_micro_average_across_timelines():
    perfect = tl(AIRBUS)
    empty = tl("Boeing\n1\t2008-03-01\t100911-0-defeat\n2\t2008-03-04\t100911-9-protest\n")
    counts = score_corpus([(perfect, perfect), (None, empty)])
    # 9/9 verified; recall 9 of 9 + 3 (the missing timeline's K-: 1 BEFORE + 2 anchors).
    assert (counts.correct_system, counts.system, counts.correct_key, counts.key) == (9, 9, 9, 12)
    assert counts.recall == pytest.approx(9 / 12)


def test_score_dirs_skips_duplicate_gold_files(tmp_path):
    gold, system = tmp_path / "gold", tmp_path / "sys"
    gold.mkdir()
    system.mkdir()
    (gold / "s&p_500.txt").write_text(AIRBUS)
    (gold / "s_and_p_500.txt").write_text(AIRBUS)
    counts = score_dirs(system, gold)
    assert counts.key == 9  # once, not twice
    (system / "s&p_500.txt").write_text(AIRBUS)
    assert score_dirs(system, gold).f1 == 1.0
