"""The Article Extraction Benchmark's metric, re-implemented: worked cases by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from article_extraction import (  # noqa: E402
    Page,
    bootstrap_sd,
    date_right,
    page_counts,
    precision_recall_f1,
    shingles,
    title_right,
)


def test_shingles_are_four_grams_of_word_tokens():
    assert shingles("A b, c-d e!") == {("A", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("only three words") == {("only", "three", "words"): 1}  # one shingle
    assert shingles("") == {}
    assert shingles("日本語 のテスト です ね") == {("日本語", "のテスト", "です", "ね"): 1}


def test_page_counts_are_normalised_to_one():
    truth = "a b c d e"  # shingles abcd, bcde
    assert page_counts(truth, truth) == (1.0, 0.0, 0.0)
    assert page_counts(truth, "a b c d") == pytest.approx((0.5, 0.0, 0.5))
    assert page_counts("a b c d", truth) == pytest.approx((0.5, 0.5, 0.0))
    assert page_counts(truth, "") == (0.0, 0.0, 1.0)
    assert page_counts(truth, "x y z w") == pytest.approx((0.0, 1 / 3, 2 / 3))
    # repeated shingles count with multiplicity
    assert page_counts("a b c d a b c d", "a b c d") == pytest.approx((1 / 5, 0.0, 4 / 5))


def test_precision_and_recall_are_means_over_pages():
    perfect, half, empty = (1.0, 0.0, 0.0), (0.5, 0.0, 0.5), (0.0, 0.0, 1.0)
    p, r, f = precision_recall_f1([perfect, half, empty])
    assert p == pytest.approx(1.0)  # the empty prediction has no precision to average
    assert r == pytest.approx((1.0 + 0.5 + 0.0) / 3)
    assert f == pytest.approx(2 * p * r / (p + r))
    assert precision_recall_f1([]) == (0.0, 0.0, 0.0)


def test_bootstrap_is_zero_when_all_pages_agree_and_seeded():
    counts = [(0.9, 0.05, 0.05)] * 20
    assert bootstrap_sd(counts, rounds=50) == pytest.approx(0.0)
    mixed = [(1.0, 0.0, 0.0), (0.2, 0.4, 0.4)] * 10
    assert bootstrap_sd(mixed, rounds=50) == bootstrap_sd(mixed, rounds=50) > 0


def test_title_and_date_rules():
    assert title_right("Town retaken", "Town retaken | Daily Example")
    assert title_right("Opinion | Town retaken", "Town retaken")
    assert not title_right("Daily Example", "Town retaken | Daily Example")
    assert date_right("2019-11-19T22:31", "Nov 19, 2019, 10:31 pm CST", "2019-11-20")
    assert not date_right("2019-11-19T10:31", "Nov 19, 2019, 10:31 am CST", "2019-11-20")
    assert not date_right("2019-11-19", None, "2019-11-20")


def test_held_out_split_is_key_parity():
    assert Page("ab" * 32, "", "", "").heldout is True  # ...b = 11, odd
    assert Page("ba" * 32, "", "", "").heldout is False
