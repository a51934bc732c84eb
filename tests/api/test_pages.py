"""The pages' data, through the API: on the example corpus (real articles) and on
a small store built from the data model for facts, disputes and copied passages."""

from __future__ import annotations

import sqlite3

import pytest

from rashomon.report.pages.format import date_label, human_number, quantity_label


def test_overview_lists_the_sources_and_the_events_most_sources_report(example_client):
    data = example_client.get("/api/overview").json()
    documents = example_client.get("/api/documents", params={"limit": 200}).json()
    assert data["counts"]["documents"] == documents["total"] == len(documents["documents"])
    outlets = {o["outlet"]: o for o in data["outlets"]}
    assert sum(o["documents"] for o in outlets.values()) == documents["total"]
    assert outlets["Wikinews"]["documents"] == sum(
        d["outlet"] == "Wikinews" for d in documents["documents"]
    )
    sources = [e["sources"] for e in data["top_events"]]
    assert sources and sources == sorted(sources, reverse=True)
    coverage = data["coverage"]
    assert coverage["x"] == sorted(coverage["x"])
    dated = sum(d["published"] is not None for d in documents["documents"])
    assert sum(coverage["total"]) == dated


def test_documents_are_paginated(example_client):
    first = example_client.get("/api/documents", params={"limit": 3}).json()
    second = example_client.get("/api/documents", params={"limit": 3, "offset": 3}).json()
    assert len(first["documents"]) == len(second["documents"]) == 3
    assert not {d["id"] for d in first["documents"]} & {d["id"] for d in second["documents"]}
    dates = [d["published"] for d in first["documents"] + second["documents"]]
    assert dates == sorted(dates)


def test_document_reader_marks_point_at_their_words(example_client, example_out):
    listing = example_client.get("/api/documents").json()["documents"]
    page = example_client.get(f"/api/documents/{listing[-1]['id']}").json()
    text = page["document"]["text"]
    kinds = {s["kind"] for s in page["spans"]}
    assert {"entity", "time", "quote"} <= kinds
    for span in page["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
    for t in page["times"]:
        assert text[t["start"] : t["end"]] == t["text"]
    assert all("None" not in q["label"] for q in page["quantities"])
    assert page["document"]["boilerplate"], "the removed lines are kept to be shown"


def test_entity_timeline_is_in_time_order_with_undated_last(example_client):
    boeing = example_client.get("/api/entities", params={"q": "boeing"}).json()["entities"][0]
    assert boeing["name"] == "Boeing"
    page = example_client.get(f"/api/entities/{boeing['id']}").json()
    rows = page["timeline"]["rows"]
    dated = [r for r in rows if not r["undated"]]
    assert dated and [r["start"] for r in dated] == sorted(r["start"] for r in dated)
    assert rows[: len(dated)] == dated, "undated events come after the dated ones"
    assert all(r["sources"] for r in rows)
    graph = page["graph"]
    assert graph["nodes"][0]["id"] == boeing["id"] and len(graph["nodes"]) > 3
    assert all(e["weight"] >= 1 for e in graph["edges"])


def test_search_finds_documents_and_entities_with_filters(example_client, example_out):
    hits = example_client.get("/api/search", params={"q": "tanker"}).json()
    assert hits["total"] >= 2
    for d in hits["documents"]:
        ((start, end),) = d["snippet"]["marks"]
        assert d["snippet"]["text"][start:end].lower() == "tanker"
    wikinews = example_client.get("/api/search", params={"q": "tanker", "outlet": "Wikinews"})
    assert 0 < wikinews.json()["total"] < hits["total"]
    dated = example_client.get("/api/search", params={"since": "2008-01-01", "until": "2008-12"})
    assert all("2008" <= d["published"][:7] <= "2008-12" for d in dated.json()["documents"])
    airbus = example_client.get("/api/search", params={"q": "airbus"}).json()
    entity = next(e for e in airbus["entities"] if e["name"] == "Airbus")
    naming = example_client.get("/api/search", params={"entity": entity["id"]}).json()
    assert naming["total"] == entity["docs"]
    kind = hits["event_types"][0]
    typed = example_client.get("/api/search", params={"event_type": kind, "limit": 200}).json()
    with sqlite3.connect(example_out / "analysis.sqlite") as db:
        expected = {
            d
            for (d,) in db.execute(
                "SELECT DISTINCT doc FROM event_mentions WHERE lemma = ?", (kind,)
            )
        }
    assert expected and {d["id"] for d in typed["documents"]} == expected


def test_event_page_matrix_and_disputes(fixture_client):
    page = fixture_client.get("/api/events/vfire0000001").json()
    order = [s["doc"] for s in page["sources"]]
    assert order == ["dwire0000001", "dpost0000002", "dhost0000003"]  # by publication date
    slots = [f["slot"] for f in page["facts"]]
    killed = slots.index("count:killed")
    stations = slots.index("count:stations")
    roles = [[c["role"] if c else None for c in row] for row in page["matrix"]]
    assert roles[0][killed] == roles[1][killed] == "disputes"
    assert roles[2][killed] == "omits"
    assert roles[0][stations] == "revised" and roles[1][stations] == "revises"
    assert roles[2][stations] is None
    assert [row[slots.index("where")] for row in roles] == ["supports"] * 3
    dispute = next(d for d in page["disputes"] if d["kind"] == "dispute")
    for side, words in ((dispute["a"], "five workers"), (dispute["b"], "Seven workers")):
        statement = side["statements"][0]
        ((start, end),) = statement["passage"]["marks"]
        assert statement["passage"]["text"][start:end] == words
    assert dispute["note"] == "5 (police) vs 7 (the union)"
    quoted = [w for f in page["framing"] for w in f["words"] if w["quoted"]]
    assert [w["text"] for w in quoted] == ["death trap"]


def test_overview_ranks_disputed_facts(fixture_client):
    data = fixture_client.get("/api/overview").json()
    assert {f["id"] for f in data["disputed"]} == {"ffire0killed", "ffire0crews0"}
    assert data["framing"]["rows"][0]["name"] == "Harbour Mill"
    listed = fixture_client.get("/api/facts/disputed").json()
    assert listed["total"] == 2


def test_copied_passage_marks_the_edited_words_and_the_direction(fixture_client):
    assert fixture_client.get("/api/reuse").json()["total"] == 1
    pair = fixture_client.get("/api/reuse/0").json()
    changed_a = [s["text"] for s in pair["a"]["segments"] if not s["same"]]
    changed_b = [s["text"] for s in pair["b"]["segments"] if not s["same"]]
    assert changed_a == ["three"] and changed_b == ["four"]
    assert pair["direction"].startswith("Coast Wire (2021-03-02) published first")


def test_document_reader_shows_facts_and_provenance(fixture_client):
    page = fixture_client.get("/api/documents/dwire0000001").json()
    assert {p["field"] for p in page["document"]["provenance"]} == {"published", "outlet"}
    facts = {f["fact"]: f for f in page["facts"]}
    assert facts["ffire0killed"]["text"] == "five workers"
    assert any(s["kind"] == "fact" and s["event"] == "vfire0000001" for s in page["spans"])
    assert page["reuse"][0]["other"] == "dpost0000002"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1e10, "10 billion"),
        (13_000_000_000.0, "13 billion"),
        (2.5e6, "2.5 million"),
        (50000, "50,000"),
        (12.0, "12"),
        (0.25, "0.25"),
    ],
)
def test_numbers_for_people(value, text):
    assert human_number(value) == text


def test_quantities_for_people():
    assert quantity_label({"value": 1e10, "unit": "USD"}) == "10 billion USD"
    assert (
        quantity_label({"value": 300.0, "unit": None, "counted": "jobs", "approximate": True})
        == "about 300 jobs"
    )
    assert (
        quantity_label({"value": None, "low": 40.0, "high": 60.0, "counted": "fighters"})
        == "40–60 fighters"
    )
    assert quantity_label({"value": 50000.0, "low": 50000.0, "counted": "refugees"}) == (
        "at least 50,000 refugees"
    )
    assert date_label("2008-03-01") == "1 March 2008" and date_label("2008-03") == "March 2008"
    assert date_label("2004-W47") == "week 47 of 2004" and date_label("2009-WI") == "winter 2009"
    assert date_label("199") == "the 1990s" and date_label("PRESENT_REF") == "PRESENT_REF"


def test_timeline_and_event_lists_are_paginated(example_client):
    boeing = example_client.get("/api/entities", params={"q": "boeing"}).json()["entities"][0]
    whole = example_client.get(f"/api/entities/{boeing['id']}/timeline").json()
    part = example_client.get(
        f"/api/entities/{boeing['id']}/timeline", params={"offset": 2, "limit": 3}
    ).json()
    assert part["total"] == whole["total"] > 5
    assert [r["event"] for r in part["rows"]] == [r["event"] for r in whole["rows"][2:5]]
    events = example_client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert len(events["events"]) == 5 and events["total"] > 10
    assert example_client.get("/api/entities/nosuchentity/timeline").status_code == 404


def test_an_empty_store_opens_for_writing(tmp_path):
    from fastapi.testclient import TestClient

    from rashomon.api import create_app

    with TestClient(create_app(tmp_path / "new", allow_writes=True, token="t")) as client:
        for path in ("/api/overview", "/api/documents", "/api/search?q=x", "/api/reuse"):
            assert client.get(path).status_code == 200, path
        assert client.get("/api/overview").json()["counts"]["documents"] == 0
    assert (tmp_path / "new" / "analysis.sqlite").is_file()
