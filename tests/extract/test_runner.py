"""Running extraction in a process pool and on Dask gives the same, ordered results."""

from __future__ import annotations

import pytest

from rashomon.extract.runner import run_extraction
from rashomon.model import Document, IngestError

# Wikinews, "Boeing allowed to bid for U.S. space launch contracts again" (CC BY 2.5).
TEXTS = [
    "Boeing had been suspended since July 24, 2003 after violating federal law.",
    "The USAF and Boeing have signed an interim agreement to protect the Air Force's interests.",
    "Lockheed Martin's Atlas V and Boeing's Delta IV are two types of expendable rocket.",
]


def documents() -> list[Document]:
    return [
        Document(f"d{i}", f"doc{i}.txt", text, published="2005-03-06")
        for i, text in enumerate(TEXTS)
    ]


def test_pool_keeps_input_order_and_reports_progress():
    seen: list[int] = []
    outcomes = run_extraction(documents(), workers=2, chunk_size=1, progress=seen.append)
    assert [o.document.id for o in outcomes] == ["d0", "d1", "d2"]
    assert sum(seen) == 3
    assert any(t.value == "2003-07-24" for t in outcomes[0].times)


def test_a_document_that_breaks_extraction_is_an_error_and_the_rest_goes_on():
    docs = documents()
    docs.insert(1, Document("bad", "bad.txt", None))  # type: ignore[arg-type]
    outcomes = run_extraction(docs, workers=1, chunk_size=4)
    assert isinstance(outcomes[1], IngestError) and outcomes[1].source == "bad.txt"
    assert [o.document.id for o in outcomes if not isinstance(o, IngestError)] == ["d0", "d1", "d2"]


def test_dask_local_cluster_gives_the_same_analyses():
    pytest.importorskip("distributed")
    local = run_extraction(documents(), workers=1)
    on_dask = run_extraction(documents(), workers=1, chunk_size=2, scheduler="local")
    assert on_dask == local
