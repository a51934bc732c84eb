"""A real browser (Debian's chromium, driven by Playwright) over live servers.

Skips cleanly when Playwright or /usr/bin/chromium is missing; never downloads
a browser. Screenshots go to build/test-artefacts/screenshots/ (and, with
RASHOMON_UPDATE_SCREENSHOTS=1, to docs/screenshots/ as well).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from api.fixtures import build_fixture_store, example_store  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PROJECT = Path(__file__).resolve().parents[2]
ARTEFACTS = PROJECT / "build" / "test-artefacts" / "screenshots"
TOKEN = "browser-test-token"

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_server(tmp_path_factory):
    """The example corpus, writable with the token (the upload test adds to it)."""
    from rashomon.api import create_app

    base = tmp_path_factory.mktemp("browser-example")
    out = base / "out"
    shutil.copytree(example_store(base), out)
    app = create_app(out, allow_writes=True, token=TOKEN, trusted_hosts=["127.0.0.1"])
    with LiveServer(app) as server:
        server.out = out
        yield server


@pytest.fixture(scope="session")
def fixture_server(tmp_path_factory):
    """The facts fixture (disputes, a copied passage, a hostile document), read-only."""
    from rashomon.api import create_app

    out = build_fixture_store(tmp_path_factory.mktemp("browser-fixture") / "out")
    with LiveServer(create_app(out)) as server:
        yield server


class Page:
    """A browser tab that records console errors and uncaught exceptions."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, url: str, ready: str = "#main > *") -> None:
        self.page.goto(url)
        self.page.wait_for_selector(ready)
        self.page.wait_for_function("!document.querySelector('#main[aria-busy]')")

    def shot(self, name: str) -> None:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTEFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        import os

        if os.environ.get("RASHOMON_UPDATE_SCREENSHOTS") == "1":
            docs = PROJECT / "docs" / "screenshots"
            docs.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, docs / path.name)


@pytest.fixture()
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = Page(context.new_page())
    yield page
    context.close()
    assert not page.errors, page.errors
