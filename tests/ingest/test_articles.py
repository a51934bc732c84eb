"""JSON article objects (news-please, trafilatura, BASIL), overrides and provenance."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rashomon.ingest import ingest_paths
from rashomon.ingest.articles import article_from_json

from .corpus import BASIL, BENCH

P1 = "Government forces retook the northern town on Sunday after three days of fighting."
P2 = "The United Nations called for an immediate ceasefire and access for aid convoys."
P3 = "Opposition leaders accused the army of shelling residential areas, which it denied."

NEWS_PLEASE = {
    "authors": ["Jane Doe", "John Roe"],
    "date_download": "2019-11-20 10:00:00",
    "date_modify": None,
    "date_publish": "2019-11-19 08:57:45",
    "description": "Troops retook the town.",
    "language": "en",
    "maintext": f"{P1}\n\n{P2}",
    "source_domain": "www.example-news.com",
    "title": "Army retakes northern town",
    "url": "https://www.example-news.com/world/army-retakes-town",
}
TRAFILATURA = {
    "title": "Ceasefire call after town retaken",
    "author": "Jane Doe",
    "hostname": "example.org",
    "date": "2019-11-19",
    "sitename": "Example Daily",
    "source": "https://example.org/world/ceasefire",
    "source-hostname": "Example Daily",
    "text": f"{P2}\n{P3}",
    "raw_text": f"{P2} {P3}",
}


def test_news_please_fields():
    article = article_from_json(NEWS_PLEASE, "np.json")
    meta = article.meta
    assert article.text == f"{P1}\n\n{P2}"
    assert (meta.title, meta.author, meta.published, meta.outlet) == (
        "Army retakes northern town",
        "Jane Doe, John Roe",
        "2019-11-19T08:57",
        "example-news.com",
    )
    assert meta.sources["published"].method == "json:date_publish"
    assert meta.sources["outlet"].method == "json:source_domain"


def test_trafilatura_json_source_is_a_url_not_an_outlet():
    meta = article_from_json(TRAFILATURA, "t.json").meta
    assert meta.outlet == "Example Daily" and meta.sources["outlet"].method == "json:sitename"
    assert meta.published == "2019-11-19"


def test_json_files_one_object_a_list_or_articles(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(NEWS_PLEASE))
    (tmp_path / "many.json").write_text(json.dumps([TRAFILATURA, {"text": P3, "title": "T"}]))
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [{"body": f"{P1} {P3}"}]}))
    result = ingest_paths([tmp_path])
    assert result.errors == []
    sources = sorted(Path(d.source).name for d in result.documents)
    assert sources == ["many.json#item 1", "many.json#item 2", "one.json", "wrapped.json#item 1"]
    for doc in result.documents:  # the input's own fields win, and say so
        for field in doc.provenance:
            assert field.method.startswith("json:")


@pytest.mark.skipif(not BENCH.is_dir(), reason="shared benchmarks absent")
def test_basil_article_files_are_read(tmp_path):
    files = sorted(BASIL.glob("*/*.json"))[:3]
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    result = ingest_paths([tmp_path])
    assert result.errors == [] and len(result.documents) == 3
    for doc, f in zip(result.documents, files, strict=True):
        data = json.loads(f.read_text("utf-8"))
        assert doc.title == data["title"].strip()
        assert doc.published == data["date"]
        assert doc.outlet == data["source"]
        first = " ".join(data["body-paragraphs"][0]).strip()
        assert first[:60] in doc.text


def test_input_fields_win_over_what_the_text_says(tmp_path):
    record = {"text": f"By Someone Else\nMarch 3, 2001\n\n{P1}\n\n{P2}", "author": "Jane Doe",
              "published": "2019-11-19"}  # fmt: skip
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n")
    doc = ingest_paths([tmp_path]).documents[0]
    assert (doc.author, doc.published) == ("Jane Doe", "2019-11-19")
    methods = {f.field: f.method for f in doc.provenance}
    assert methods == {"author": "json:author", "published": "json:published"}


def test_meta_overrides_by_file_name_or_source(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"Town retaken\n\nMarch 4, 2019\n\n{P1}\n\n{P2}")
    (corpus / "feed.jsonl").write_text(json.dumps({"text": P3, "title": "Old"}) + "\n")
    meta = tmp_path / "meta.json"
    meta.write_text(
        json.dumps(
            {
                "a.txt": {"published": "4 April 2019", "outlet": "FOX43"},
                "feed.jsonl#line 1": {"title": "The real headline"},
                "missing.txt": {"title": "Nobody"},
            }
        )
    )
    result = ingest_paths([corpus], meta=meta)
    docs = {Path(d.source).name: d for d in result.documents}
    assert docs["a.txt"].published == "2019-04-04" and docs["a.txt"].outlet == "FOX43"
    assert docs["a.txt"].title == "Town retaken"  # not overridden, read from the page
    assert docs["feed.jsonl#line 1"].title == "The real headline"
    source = next(f for f in docs["a.txt"].provenance if f.field == "published")
    assert source.method == "override" and "a.txt" in source.evidence
    assert [(e.source.rsplit("#", 1)[1], e.reason) for e in result.errors] == [
        ("missing.txt", "no input matches this key")
    ]


def test_meta_overrides_as_jsonl_and_bad_entries(tmp_path):
    (tmp_path / "a.txt").write_text(f"{P1}\n\n{P2}")
    meta = tmp_path / "meta.jsonl"
    meta.write_text(
        '{"file": "a.txt", "author": "Jane Doe"}\n{"file": "b.txt", "published": "soon"}\noops\n'
    )
    result = ingest_paths([tmp_path / "a.txt"], meta=meta)
    assert result.documents[0].author == "Jane Doe"
    reasons = sorted(e.reason for e in result.errors)
    assert len(reasons) == 2 and "not a complete date" in reasons[1] or "invalid JSON" in reasons[0]


def test_every_field_says_where_it_came_from(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Town retaken | Daily Example</title>"
        '<meta property="og:site_name" content="Daily Example">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="article:published_time" content="2019-03-04T10:12:00Z"></head>'
        f"<body><article><h1>Town retaken</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
        "</body></html>"
    )
    (tmp_path / "dump.txt").write_text(
        f"Daily Example\n\nTown retaken in the north\n\nBy Jane Doe | March 4, 2019\n\n"
        f"{P1} More.\n\n{P2} More.\n\n{P3} More.\n"
    )
    docs = {Path(d.source).name: d for d in ingest_paths([tmp_path]).documents}
    html = {f.field: f for f in docs["page.html"].provenance}
    assert html["published"].method == "htmldate" and html["title"].method == "trafilatura"
    dump = {f.field: f for f in docs["dump.txt"].provenance}
    assert dump["published"].method == "byline"
    assert dump["published"].evidence == "By Jane Doe | March 4, 2019"
    assert dump["author"].method == "byline" and dump["title"].method == "headline"
    for doc in docs.values():
        assert {f.field for f in doc.provenance} == {
            name for name in ("title", "outlet", "author", "published") if getattr(doc, name)
        }
        assert all(0 < f.confidence <= 1 for f in doc.provenance)
