"""Page timings of ``rashomon serve`` on a 1,000- and a 10,000-document store.

The ~1,073 distinct real articles of the public corpora (Wikinews, BASIL, PTC,
ECB+; analysed once and cached by ``linking_scale.py``) make the 1k store. The
10k store is ten renamed copies of it (every document, entity, event and fact
id suffixed, so ten disjoint corpora in one store): pagination and index
costs see ten times the rows. Each page is requested through the real app
(FastAPI's TestClient, so routing, validation and JSON are included): the
first request after the store opens (the corpus index is built then) and the
median of five more. The baseline is what the command-line tools do per
command: ``Store.load_analysis()``, the whole analysis read into memory.

    python benchmarks/webapp_pages.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linking_scale import CACHE, base_analyses  # noqa: E402
from results import write_result  # noqa: E402

WORK = Path(tempfile.gettempdir()) / "rashomon-webapp-pages"
IDS = re.compile(r'"([devf][0-9a-f]{10,12})"')
ID_COLUMNS = {"doc", "entity", "other", "speaker_entity", "duplicate_of"}
BUDGET_MS = 1000


def base_store() -> Path:
    db = CACHE / "out" / "analysis.sqlite"
    if not db.exists():
        base_analyses()
    return db


def replicate(source: Path, target: Path, copies: int) -> None:
    """``copies`` renamed copies of the store's corpus in one store (see the module doc)."""
    shutil.copy(source, target)
    db = sqlite3.connect(target)
    tables = [
        t
        for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if t not in ("meta", "corpus_items", "timelines", "errors", "duplicates")
    ]
    with db:
        originals = {t: db.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
        items = db.execute("SELECT kind, data FROM corpus_items").fetchall()
        timelines = db.execute("SELECT entity, events FROM timelines").fetchall()
        for k in range(1, copies):
            suffix = f"x{k}"
            for table in tables:
                columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
                renamed = [i for i, c in enumerate(columns) if c in ID_COLUMNS or (c == "id")]
                rows = []
                for row in originals[table]:
                    row = list(row)
                    for i in renamed:
                        if row[i] is not None:
                            row[i] = f"{row[i]}{suffix}"
                    rows.append(row)
                marks = ",".join("?" * len(columns))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
            rename = lambda text, s=suffix: IDS.sub(lambda m: f'"{m.group(1)}{s}"', text)  # noqa: E731
            db.executemany(
                "INSERT INTO corpus_items VALUES (?, ?)",
                [(kind, rename(data)) for kind, data in items],
            )
            db.executemany(
                "INSERT INTO timelines VALUES (?, ?)",
                [(f"{entity}{suffix}", rename(events)) for entity, events in timelines],
            )
    db.execute("VACUUM")
    db.close()


def store_of(size: int) -> Path:
    folder = WORK / f"store-{size}"
    db = folder / "analysis.sqlite"
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        base = base_store()
        with sqlite3.connect(base) as conn:
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        replicate(base, db, max(1, math.ceil(size / documents)))
    return folder


def pages(client) -> dict[str, str]:
    """The URL of each page to time, chosen in the store as a user would reach them."""
    overview = client.get("/api/overview").json()
    documents = client.get("/api/documents", params={"limit": 1}).json()
    middle = client.get("/api/documents", params={"offset": documents["total"] // 2}).json()
    entities = client.get("/api/entities", params={"limit": 200}).json()["entities"]
    biggest = entities[0]["id"]
    median = entities[len(entities) // 2]["id"]
    event = overview["top_events"][0]["id"]
    doc = middle["documents"][0]["id"]
    return {
        "overview": "/api/overview",
        "documents, middle page": f"/api/documents?offset={documents['total'] // 2}",
        "document reader": f"/api/documents/{doc}",
        "event (most sources)": f"/api/events/{event}",
        "events list, page 2": "/api/events?offset=50",
        "entity (most documents)": f"/api/entities/{biggest}",
        "entity (a median one)": f"/api/entities/{median}",
        "entities list": "/api/entities",
        "search: word + source + dates": "/api/search?q=government&since=2005-01-01",
        "search: entity filter": f"/api/search?entity={biggest}",
        "copied passages": "/api/reuse",
        "copied passage": "/api/reuse/0",
        "disputed facts": "/api/facts/disputed",
    }


def resident_mb() -> float:
    """The process's resident memory now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(client, url: str, runs: int = 5) -> tuple[float, float]:
    """(first request ms, median of ``runs`` more)."""
    start = time.perf_counter()
    response = client.get(url)
    first = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code, response.text[:200])
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(times)


def measure(size: int) -> dict:
    from fastapi.testclient import TestClient

    from rashomon.api import create_app
    from rashomon.store import Store

    folder = store_of(size)
    db_path = folder / "analysis.sqlite"
    with sqlite3.connect(db_path) as conn:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM corpus_items WHERE kind = 'events'").fetchone()[
            0
        ]
    app = create_app(folder)
    with TestClient(app) as client:
        start = time.perf_counter()
        client.get("/api/info")
        index_ms = (time.perf_counter() - start) * 1000
        rows = {name: timed(client, url) for name, url in pages(client).items()}
        rss_mb = resident_mb()
    start = time.perf_counter()
    with Store(db_path) as store:
        store.load_analysis()
    baseline_ms = (time.perf_counter() - start) * 1000
    return {
        "size": size,
        "documents": documents,
        "events": events,
        "mb": db_path.stat().st_size / 1e6,
        "index_ms": index_ms,
        "pages": rows,
        "baseline_ms": baseline_ms,
        "rss_mb": rss_mb,
    }


def static_report(size: int) -> tuple[float, float]:
    """(seconds, MB) of writing report.html for the store."""
    from rashomon.report.html import render_html
    from rashomon.store import Store
    from rashomon.workflow import word_counts

    with Store(store_of(size) / "analysis.sqlite") as store:
        analysis = store.load_analysis()
        words = word_counts(store.load_documents())
    start = time.perf_counter()
    html = render_html(analysis, words)
    return time.perf_counter() - start, len(html.encode("utf-8")) / 1e6


def report(results: list[dict], static: tuple[float, float]) -> str:
    sizes = [r for r in results]
    head = (
        "| page | "
        + " | ".join(f"{r['documents']:,} docs: first / median ms" for r in sizes)
        + " |"
    )
    lines = [head, "|---|" + "---:|" * len(sizes)]
    for name in sizes[0]["pages"]:
        cells = [f"{r['pages'][name][0]:,.0f} / {r['pages'][name][1]:,.0f}" for r in sizes]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append(
        "| corpus index (first request after the store opens) | "
        + " | ".join(f"{r['index_ms']:,.0f}" for r in sizes)
        + " |"
    )
    lines.append(
        "| baseline: `Store.load_analysis()` (whole analysis, as the CLI reads it) | "
        + " | ".join(f"{r['baseline_ms']:,.0f}" for r in sizes)
        + " |"
    )
    worst = {r["documents"]: max(m for _, m in r["pages"].values()) for r in sizes}
    ratio = ", ".join(
        f"{r['baseline_ms'] / max(m for _, m in r['pages'].values()):,.0f}x at {r['documents']:,}"
        for r in sizes
    )
    stores = "; ".join(
        f"{r['documents']:,} documents, {r['events']:,} events, {r['mb']:,.0f} MB" for r in sizes
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdict = all(v < BUDGET_MS for v in worst.values())
    return (
        "Each page's JSON through the app (FastAPI TestClient, in process), on stores of "
        f"real articles ({stores}; the 10k store is ten renamed copies of the 1k one).\n\n"
        + "\n".join(lines)
        + "\n\nSlowest page (median): "
        + ", ".join(f"{v:,.0f} ms at {k:,} documents" for k, v in worst.items())
        + f" — {'every page under' if verdict else 'NOT every page under'} the 1 s budget. "
        f"The baseline takes {ratio} the slowest page's time. "
        "Resident memory of the process after serving the pages (store index included, "
        "before the baseline runs): "
        + ", ".join(f"{r['rss_mb']:,.0f} MB at {r['documents']:,}" for r in sizes)
        + f"; peak with the baseline: {peak:,.0f} MB.\n\n"
        f"Writing the static report.html for the {sizes[0]['documents']:,}-document store: "
        f"{static[0]:,.1f} s, {static[1]:,.1f} MB."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    results = [measure(size) for size in args.sizes]
    print(json.dumps(results, indent=1))
    static = static_report(args.sizes[0])
    write_result("webapp_pages", "Web app page timings", report(results, static))


if __name__ == "__main__":
    main()
