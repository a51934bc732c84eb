"""report.html: self-contained, the same page data as the server, and nothing from
a document can break out of the embedded data."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rashomon.api import create_app
from rashomon.report.html import embedded_json, render_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from api.fixtures import HOSTILE, build_fixture_store, fixture_analysis  # noqa: E402


@pytest.fixture(scope="module")
def report() -> str:
    analysis, per_doc = fixture_analysis()
    return render_html(analysis, {a.document.id: a.words for a in per_doc})


def embedded(html: str) -> dict:
    match = re.search(r"<script type=application/json id=rashomon-data>(.*?)</script>", html, re.S)
    assert match
    return json.loads(match.group(1))


def test_report_is_self_contained(report):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", report)
    assert "<link rel=stylesheet" not in report
    assert "uPlot" in report and "R.pages.event" in report


def test_no_document_string_escapes_the_embedded_data(report):
    assert HOSTILE not in report
    assert "<script>window.__pwned" not in report
    scripts = re.findall(r"<script[^>]*>", report)
    # the data block and the inlined scripts, nothing from a document
    assert scripts.count("<script type=application/json id=rashomon-data>") == 1
    assert all(
        s in ("<script>", "<script type=application/json id=rashomon-data>") for s in scripts
    )
    data = embedded(report)
    assert HOSTILE in data["pages"]["/documents/dhost0000003"]["document"]["text"]


def test_embedded_json_escapes_what_html_would_read():
    text = embedded_json(json.dumps({"t": "</script><!-- \u2028 & >"}))
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- \u2028 & >"}


def test_static_pages_are_the_servers_pages(report, tmp_path):
    data = embedded(report)
    with TestClient(create_app(build_fixture_store(tmp_path / "out"))) as client:
        for path in (
            "/events/vfire0000001",
            "/entities/emill0000001",
            "/reuse/0",
            "/documents/dwire0000001",
        ):
            static, served = data["pages"][path], client.get("/api" + path).json()
            if "timeline" in served:  # the report keeps fewer timeline rows per entity
                static["timeline"].pop("limit"), served["timeline"].pop("limit")
            assert static == served, path
        overview = client.get("/api/overview").json()
    assert data["pages"]["/overview"]["disputed"] == overview["disputed"]
    assert data["pages"]["/overview"]["framing"] == overview["framing"]


def test_static_search_index_covers_every_document(report):
    data = embedded(report)
    index = data["search"]
    assert [d["id"] for d in index["docs"]] == [
        d["id"] for d in data["pages"]["/documents"]["documents"]
    ]
    wire = next(d for d in index["docs"] if d["id"] == "dwire0000001")
    assert "emill0000001" in wire["entities"] and "fire" in wire["types"]


def test_report_without_script_still_shows_marked_documents(report):
    noscript = report[report.index("<noscript>") : report.index("</noscript>")]
    assert "<mark" in noscript and "Fire at Harbour Mill" in noscript
    assert "&lt;script&gt;window.__pwned" in noscript
