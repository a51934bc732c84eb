"""tag_times on the TempEval-3 platinum news articles (skipped when the data is absent)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from rashomon.extract.nlp import load_nlp
from rashomon.extract.timex import tag_times

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "benchmarks" / "tempeval3_platinum"


@pytest.fixture(scope="module")
def corpus():
    if not (DATA / "TE3-platinum-test").is_dir() or not (DATA / "te3-platinum").is_dir():
        pytest.skip(f"TempEval-3 platinum data not found at {DATA}")
    spec = importlib.util.spec_from_file_location("tempeval3", ROOT / "benchmarks" / "tempeval3.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    items = module.load()
    nlp = load_nlp()
    docs = list(nlp.pipe([item.text for item in items]))
    outputs = {}
    for item, doc in zip(items, docs, strict=True):
        mentions = tag_times(doc, item.name, item.dct)
        outputs[item.name] = [
            module.Span(m.start, m.end, m.type, m.value, m.text) for m in mentions
        ]
    return module, items, outputs


def test_gold_text_matches_input(corpus):
    _, items, _ = corpus
    assert len(items) == 20
    for item in items:
        for span in item.gold:
            assert item.text[span.start : span.end] == span.text


def test_scores_beat_heideltime_published_value_f1(corpus):
    module, items, outputs = corpus
    scores = module.score([(i.text, i.gold, outputs[i.name]) for i in items])
    assert scores["relaxed F1"] > 0.90
    assert scores["value F1"] > 0.7761  # HeidelTime, TempEval-3
    assert scores["value accuracy"] > 0.85


def test_weekdays_in_news_resolve_to_the_week_of_publication(corpus):
    """Every gold weekday ("Friday") tagged with a full date must get that date."""
    _, items, outputs = corpus
    checked = 0
    for item in items:
        ours = {(s.start, s.end): s for s in outputs[item.name]}
        for gold in item.gold:
            if gold.text in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"):
                assert (gold.start, gold.end) in ours, gold
                assert ours[(gold.start, gold.end)].value == gold.value, gold
                checked += 1
    assert checked >= 10


def test_explicit_years_are_found_with_their_value(corpus):
    _, items, outputs = corpus
    for item in items:
        ours = {(s.start, s.end): s.value for s in outputs[item.name]}
        for gold in item.gold:
            if gold.text.isdigit() and len(gold.text) == 4:
                assert ours.get((gold.start, gold.end)) == gold.value, (item.name, gold)
