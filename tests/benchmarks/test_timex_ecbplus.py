"""The ECB+ time-detection scorer: reading TIM mentions from conll tags, the
annotated-sentence restriction and the preposition-dropped strict match."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from tempeval3 import Span  # noqa: E402
from timex_ecbplus import (  # noqa: E402
    Item,
    annotated_sentences,
    drop_preposition,
    evaluate,
    regex_baseline,
    time_mentions,
)

# Tag columns as the Diverse_CDCR prep writes them (from ECB+ test topic 36's layout).
CONLL = """#begin document (36/36ecb/3); part 0
36/36ecb/3\t2\t13\tconvicted\t(ACT17642853147528564)
36/36ecb/3\t2\t14\tWednesday\t(TIM17720510666890266)
36/36ecb/3\t16\t4\tlast\t(Singleton_TIMVb6usSQ
36/36ecb/3\t16\t5\tSeptember\tSingleton_TIMVb6usSQ)
36/36ecb/3\t16\t6\tin\t(LOC17642835073942721
36/36ecb/3\t16\t7\tCanada\tLOC17642835073942721)
36/36ecbplus/2\t5\t21\t20\t(ACT28674637423707425| (Singleton_TIMNoWV3RQ
36/36ecbplus/2\t5\t22\tyears\tSingleton_TIMNoWV3RQ)
12/12ecb/10\t0\t3\ttoday\t(TIM1)
""".splitlines()


def test_time_mentions_reads_single_multi_token_and_stacked_tags():
    found = time_mentions(CONLL, {"36"})
    assert found == {
        "36/36ecb/3": {(2, 14, 14), (16, 4, 5)},
        "36/36ecbplus/2": {(5, 21, 22)},
    }  # the ACT and LOC chains and topic 12 are left out


def test_annotated_sentences_map_csv_names_to_conll_keys(tmp_path):
    path = tmp_path / "sentences.csv"
    path.write_text("Topic,File,Sentence Number\n36,3ecb,2\n36,10ecbplus,0\n", "utf-8")
    assert annotated_sentences(path) == {("36/36ecb/3", 2), ("36/36ecbplus/10", 0)}


TEXT = "The jury convicted him on Tuesday .\nHe had been arrested in 2009 ."


def test_only_annotated_sentences_count_and_the_preposition_is_dropped():
    gold = [Span(23, 33, "", None, "on Tuesday")]
    system = [Span(26, 33, "", None, "Tuesday"), Span(60, 64, "", None, "2009")]
    item = Item("d", TEXT, gold, [(0, 35)])  # the second sentence is not annotated
    plain, bare = evaluate([item], {"d": system})
    assert plain["system"] == 1  # "2009" lies outside the annotated sentence
    assert (plain["strict P"], plain["relaxed P"], plain["relaxed R"]) == (0.0, 1.0, 1.0)
    assert bare["strict F1"] == pytest.approx(1.0)
    # with the second sentence annotated, "2009" becomes a false alarm
    item.sentences.append((36, len(TEXT)))
    plain, _ = evaluate([item], {"d": system})
    assert (plain["system"], plain["relaxed P"]) == (2, 0.5)


def test_drop_preposition_keeps_expressions_without_one():
    span = Span(9, 18, "", None, "yesterday")
    assert drop_preposition(span, "Arrested yesterday") == span
    dropped = drop_preposition(Span(23, 33, "", None, "on Tuesday"), TEXT)
    assert (dropped.start, dropped.text) == (26, "Tuesday")


def test_regex_baseline_finds_dates_on_news_text():
    text = "Police said on Wednesday, Jan. 7, 2009, that the arrests came last week."
    assert [s.text for s in regex_baseline(text)] == ["Wednesday", "Jan. 7, 2009", "last week"]
