"""The coreference scorer against the reference scorer's documented test cases.

Cases TC-A-2/3/4 are from the CoNLL reference scorer's ``test/TestCases.README``
and ``CorefMetricTestConfig.pm`` (key {a} {bc} {def}); the LEA figures are the
worked example of Moosavi & Strube (2016), the B³/CEAF-e figures of that
example computed by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from coref_metrics import b_cubed, ceaf_e, conll_f1, lea, muc, remove_singletons  # noqa: E402

KEY_A = [["a"], ["b", "c"], ["d", "e", "f"]]


def approx(p: float, r: float) -> tuple:
    f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return pytest.approx((p, r, f))


def test_perfect_response_scores_one():
    scores = conll_f1(KEY_A, KEY_A)
    assert scores["conll"] == pytest.approx(1.0)
    assert scores["lea"] == approx(1.0, 1.0)


def test_missing_mentions_tc_a_2():
    response = [["a"], ["d", "e"]]
    assert muc(KEY_A, response) == approx(1.0, 1 / 3)
    assert b_cubed(KEY_A, response) == approx(1.0, 7 / 18)  # missing mentions add nothing
    assert ceaf_e(KEY_A, response) == approx(0.9, 0.6)


def test_false_alarm_mentions_tc_a_3():
    response = [["a"], ["b", "c", "x"], ["d", "e", "f", "y"], ["z"]]
    assert muc(KEY_A, response) == approx(3 / 5, 1.0)
    assert b_cubed(KEY_A, response) == approx((4 + 7 / 12) / 9, 1.0)
    common = 1 + 4 / 5 + 6 / 7
    assert ceaf_e(KEY_A, response) == approx(common / 4, common / 3)


def test_missing_and_false_alarm_tc_a_4():
    response = [["a"], ["b", "c", "x"], ["d", "y"], ["z"]]
    assert muc(KEY_A, response) == approx(1 / 3, 1 / 3)
    assert b_cubed(KEY_A, response) == approx((1 + 4 / 3 + 1 / 2) / 7, (3 + 1 / 3) / 6)
    common = 1 + 4 / 5 + 2 / 5
    assert ceaf_e(KEY_A, response) == approx(common / 4, common / 3)


def test_moosavi_strube_example():
    key = [["a", "b", "c"], ["d", "e", "f", "g"]]
    response = [["a", "b"], ["c", "d"], ["f", "g", "h", "i"]]
    assert muc(key, response) == approx(2 / 5, 2 / 5)
    assert b_cubed(key, response) == approx(4 / 8, (4 / 3 + 1 / 3 + 1 / 4 + 1) / 7)
    assert ceaf_e(key, response) == approx(1.3 / 3, 1.3 / 2)
    assert lea(key, response) == approx((2 + 4 / 6) / 8, (1 + 4 / 6) / 7)
    scores = conll_f1(key, response)
    expected = (muc(key, response)[2] + b_cubed(key, response)[2] + ceaf_e(key, response)[2]) / 3
    assert scores["conll"] == pytest.approx(expected)


def test_singletons_count_only_in_b3_ceaf_and_lea():
    key = [["a"], ["b"], ["c", "d"]]
    merged = [["a", "b"], ["c", "d"]]
    assert muc(key, merged) == approx(1 / 2, 1.0)
    assert b_cubed(key, merged)[0] == pytest.approx((1 + 2) / 4)
    # LEA: a key singleton is resolved only when the response keeps it alone.
    assert lea(key, merged) == approx((2 * 0 + 2 * 1) / 4, (1 * 0 + 1 * 0 + 2 * 1) / 4)
    assert lea(key, [["a"], ["b"], ["c", "d"]]) == approx(1.0, 1.0)


def test_remove_singletons():
    assert remove_singletons([["a"], ["b", "c"], []]) == [frozenset({"b", "c"})]
    scores = conll_f1(remove_singletons(KEY_A), remove_singletons([["a", "b", "c"], ["d"]]))
    assert scores["muc"] == approx(1 / 2, 1 / 3)  # "a" is an extra mention there
