"""Each page in a real browser: loads without a console error, draws what it must.

The tab fixture fails a test on any console error or uncaught exception."""

from __future__ import annotations

import httpx

from rashomon.report.html import render_html
from rashomon.store import Store

from .conftest import TOKEN


def boeing(server) -> str:
    found = httpx.get(server.url + "api/entities", params={"q": "Boeing"}).json()
    return next(e["id"] for e in found["entities"] if e["name"] == "Boeing")


def test_overview_draws_sources_chart_and_lists(tab, example_server):
    tab.open(example_server.url, "#coverage-chart canvas")
    assert tab.page.locator("ol.events li").count() >= 5
    assert "Wikinews" in tab.page.inner_text("main")
    tab.shot("overview")


def test_lists_load(tab, example_server):
    for route, ready, name in (
        ("#/events", "ol.events li", "events"),
        ("#/entities", "main table tbody tr", "entities"),
        ("#/reuse", "main h2", None),
    ):
        tab.open(example_server.url + route, ready)
        if name:
            tab.shot(name)


def test_entity_timeline_renders_its_events(tab, example_server):
    entity = boeing(example_server)
    rows = httpx.get(f"{example_server.url}api/entities/{entity}").json()["timeline"]["rows"]
    dated = [r for r in rows if not r["undated"]]
    tab.open(f"{example_server.url}#/entity/{entity}", "#timeline-chart canvas")
    page = tab.page
    assert page.locator("section .timeline-list").first.locator(".timeline-row").count() == len(
        dated
    )
    over = page.locator("#timeline-chart .u-over").bounding_box()
    page.mouse.move(over["x"] + over["width"] / 2, over["y"] + over["height"] / (2 * len(dated)))
    page.mouse.click(over["x"] + over["width"] / 2, over["y"] + over["height"] / (2 * len(dated)))
    picked = page.locator(".picked a[href^='#/event/']")
    assert picked.count() == 1 and picked.inner_text().strip() == dated[0]["summary"].strip()
    assert page.locator("svg.graph a.node").count() >= 4
    tab.shot("entity")


def test_document_reader_marks_and_boilerplate(tab, example_server):
    docs = httpx.get(example_server.url + "api/documents").json()["documents"]
    tab.open(f"{example_server.url}#/doc/{docs[-1]['id']}", ".doc-text")
    page = tab.page
    assert page.locator(".doc-text .k-entity").count() > 5
    assert page.locator(".doc-text .k-time").count() >= 1
    page.locator("details.boilerplate summary").click()
    assert page.locator("details.boilerplate tbody tr").count() >= 1
    page.locator("label.layer.k-entity input").uncheck()
    assert "hide-entity" in page.locator(".doc-text").get_attribute("class")
    tab.shot("document")


def test_dispute_opens_both_spans(tab, fixture_server):
    tab.open(f"{fixture_server.url}#/event/vfire0000001", "table.heatmap")
    page = tab.page
    assert page.locator("table.heatmap td.role-disputes").count() == 2
    assert page.locator("table.heatmap td.role-omits").count() == 1
    dispute = page.locator("details.dispute", has_text="killed")
    assert not dispute.locator("mark.value").first.is_visible()
    dispute.locator("summary").click()
    marks = dispute.locator("mark.value")
    assert marks.count() == 2 and all(marks.nth(i).is_visible() for i in range(2))
    assert [marks.nth(i).inner_text() for i in range(2)] == ["five workers", "Seven workers"]
    tab.shot("event")


def test_copied_passage_side_by_side(tab, fixture_server):
    tab.open(f"{fixture_server.url}#/reuse/0", ".sides")
    page = tab.page
    assert [m.inner_text() for m in page.locator(".sides mark.diff").all()] == ["three", "four"]
    assert "published first" in page.inner_text(".direction")
    tab.shot("reuse")


def test_hostile_document_runs_no_script(tab, fixture_server):
    tab.open(f"{fixture_server.url}#/doc/dhost0000003", ".doc-text")
    assert tab.page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in tab.page.inner_text(".doc-text")
    tab.open(f"{fixture_server.url}#/event/vfire0000001", "table.heatmap")
    tab.open(f"{fixture_server.url}#/search?q=mill", ".doc-hit")
    assert tab.page.evaluate("window.__pwned") is None


def test_upload_adds_a_document_and_search_finds_it(tab, example_server):
    page = tab.page
    tab.open(f"{example_server.url}#token={TOKEN}", "form.add-form")
    assert page.locator("input[name=token]").input_value() == TOKEN
    page.fill("input[name=title]", "Zanzibarian tanker order")
    page.fill("input[name=outlet]", "Browser Gazette")
    page.fill(
        "textarea[name=text]",
        "The Zanzibarian navy ordered two aerial refueling tankers from Airbus on Tuesday, "
        "its commander told reporters in Stone Town. The deal is worth 300 million USD.",
    )
    tab.shot("add")
    page.click("form.add-form button[type=submit]")
    page.wait_for_selector("ul.added li a", timeout=180_000)
    assert "1 document(s) added" in page.inner_text(".status")
    tab.open(f"{example_server.url}#/search?q=Zanzibarian", ".doc-hit")
    hits = page.locator(".doc-hit")
    assert hits.count() == 1 and "Zanzibarian tanker order" in hits.inner_text()
    assert page.locator(".doc-hit mark.hit").first.inner_text() == "Zanzibarian"
    tab.shot("search")


def test_static_report_shows_the_same_views_offline(tab, example_server, tmp_path):
    from rashomon.workflow import word_counts

    with Store(example_server.out / "analysis.sqlite") as store:
        analysis = store.load_analysis()
        words = word_counts(store.load_documents())
    report = tmp_path / "report.html"
    report.write_text(render_html(analysis, words), "utf-8")
    tab.page.route(
        "**/*",
        lambda route: route.abort() if route.request.url.startswith("http") else route.continue_(),
    )
    tab.open(report.as_uri(), "#coverage-chart canvas")
    assert "static report" in tab.page.inner_text("#mode")
    entity = boeing(example_server)
    tab.open(f"{report.as_uri()}#/entity/{entity}", "#timeline-chart canvas")
    assert tab.page.locator(".timeline-row").count() >= 5
    tab.open(f"{report.as_uri()}#/search?q=tanker", ".doc-hit")
    assert tab.page.locator(".doc-hit").count() >= 2
