"""Nothing outside the store is served, whatever a parameter says; writes need the
token; the page is locked down (CSP, host check)."""

from __future__ import annotations

import os
import time

import pytest
from fastapi.testclient import TestClient

from rashomon.api import create_app

SECRET = "TOP-SECRET-OUTSIDE-THE-STORE"
TOKEN = "test-token-123"

TRICKS = [
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/etc/passwd",
    "%2Fetc%2Fpasswd",
    "....//....//etc/passwd",
    "secret-link",
    "uploads/secret-link",
    "..",
    "%00",
]


@pytest.fixture()
def planted(fixture_out, tmp_path):
    """A secret file outside the store, and links to it from inside the store."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    os.symlink(secret, fixture_out / "secret-link")
    os.symlink(secret, fixture_out / "report.html.link")
    return fixture_out


ROUTES = [
    "/api/documents/{x}",
    "/api/events/{x}",
    "/api/entities/{x}",
    "/api/entities/{x}/timeline",
    "/api/reuse/{x}",
    "/api/jobs/{x}",
    "/assets/{x}",
    "/{x}",
    "/api/search?q={x}&outlet={x}&entity={x}&event_type={x}",
    "/api/documents?outlet={x}&since={x}",
    "/api/entities?q={x}&type={x}",
]


@pytest.mark.parametrize("route", ROUTES)
def test_path_tricks_serve_nothing_outside_the_store(planted, route):
    with TestClient(create_app(planted, allow_writes=True, token=TOKEN)) as client:
        shell = client.get("/").text
        for trick in TRICKS:
            response = client.get(route.format(x=trick))
            assert response.status_code in (200, 404, 422), (route, trick)
            assert SECRET not in response.text
            assert "root:" not in response.text
            if route.startswith(("/assets", "/api/documents/", "/api/events/", "/{x}")):
                # ".." is resolved by the client to "/": the page shell, nothing else
                assert response.status_code in (404, 422) or response.text == shell


def test_assets_are_served_from_a_fixed_list(fixture_client):
    assert fixture_client.get("/assets/core.js").status_code == 200
    assert fixture_client.get("/assets/uPlot.iife.min.js").status_code == 200
    for name in ("html.py", "..%2Fhtml.py", "js%2Fcore.js", "app.py"):
        assert fixture_client.get(f"/assets/{name}").status_code == 404


def test_read_only_server_refuses_writes(fixture_client):
    response = fixture_client.post(
        "/api/documents", data={"text": "Some text."}, headers={"X-Rashomon-Token": TOKEN}
    )
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_a_write_without_the_right_token_is_refused(fixture_out):
    with TestClient(create_app(fixture_out, allow_writes=True, token=TOKEN)) as client:
        for headers in ({}, {"X-Rashomon-Token": "wrong"}, {"X-Rashomon-Token": ""}):
            response = client.post("/api/documents", data={"text": "A text."}, headers=headers)
            assert response.status_code == 401
        assert not (fixture_out / "uploads").exists() or not any(
            (fixture_out / "uploads").iterdir()
        )


def test_writes_need_a_token_to_be_enabled(fixture_out):
    with pytest.raises(ValueError):
        create_app(fixture_out, allow_writes=True)


def test_upload_names_cannot_leave_the_uploads_folder(fixture_out):
    app = create_app(fixture_out, allow_writes=True, token=TOKEN)
    app.state.runner.submit = lambda files, refused: _record(app, files, refused)
    with TestClient(app) as client:
        files = [
            ("files", ("../../../escape.txt", b"Escaped text.", "text/plain")),
            ("files", ("/tmp/absolute.md", b"# Absolute", "text/markdown")),
            ("files", ("..\\..\\windows.html", b"<p>Windows</p>", "text/html")),
            ("files", ("program.exe", b"MZ", "application/octet-stream")),
        ]
        response = client.post("/api/documents", files=files, headers={"X-Rashomon-Token": TOKEN})
    assert response.status_code == 202
    saved = app.state.saved
    assert len(saved) == 3
    for path in saved:
        assert path.parent == fixture_out / "uploads" and not path.is_symlink()
    assert not (fixture_out.parent / "escape.txt").exists()
    assert any("program.exe" in r for r in app.state.refused)


def _record(app, files, refused):
    from rashomon.api.jobs import Job

    app.state.saved, app.state.refused = files, refused
    return Job("recorded")


def test_a_linked_uploads_folder_is_refused(fixture_out, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, fixture_out / "uploads")
    with TestClient(create_app(fixture_out, allow_writes=True, token=TOKEN)) as client:
        response = client.post(
            "/api/documents", data={"text": "Text."}, headers={"X-Rashomon-Token": TOKEN}
        )
    assert response.status_code == 403
    assert not any(elsewhere.iterdir())


def test_pages_carry_a_strict_content_security_policy(fixture_client):
    response = fixture_client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in response.text  # no inline script in the shell


def test_hostile_document_text_comes_back_as_data(fixture_client):
    page = fixture_client.get("/api/documents/dhost0000003")
    assert page.headers["content-type"].startswith("application/json")
    assert "<script>" in page.json()["document"]["text"]  # kept as text, drawn as text


def test_loopback_server_refuses_other_host_names(fixture_out):
    app = create_app(fixture_out, trusted_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/info").status_code == 200
        assert client.get("/api/info", headers={"host": "evil.example"}).status_code == 400


def test_upload_is_analysed_into_the_store_and_searchable(fixture_out):
    app = create_app(fixture_out, allow_writes=True, token=TOKEN)
    text = (
        "The Harbour Mill in Eastport reopened on Friday, four weeks after the fire, "
        "its owner Dana Reyes said. Workers returned to the rebuilt drying hall."
    )
    with TestClient(app) as client:
        response = client.post(
            "/api/documents",
            data={
                "text": text,
                "title": "Mill reopens",
                "outlet": "Test Gazette",
                "published": "2021-04-02",
            },
            headers={"X-Rashomon-Token": TOKEN},
        )
        assert response.status_code == 202
        job = response.json()
        deadline = time.monotonic() + 240
        while job["state"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.5)
            job = client.get(f"/api/jobs/{job['id']}").json()
        assert job["state"] == "done", job
        (added,) = job["added"]
        page = client.get(f"/api/documents/{added}").json()
        assert page["document"]["title"] == "Mill reopens"
        assert page["document"]["outlet"] == "Test Gazette"
        assert page["document"]["published"] == "2021-04-02"
        hits = client.get("/api/search", params={"q": "reopened"}).json()
        assert [d["id"] for d in hits["documents"]] == [added]
        assert client.get("/api/info").json()["documents"] == 4
