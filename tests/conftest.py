"""Shared fixtures: the packaged English pipeline and the paths of real corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLE_CORPUS = PROJECT / "examples" / "corpus"
BENCHMARKS = PROJECT.parent / "shared" / "benchmarks"


@pytest.fixture(scope="session")
def nlp():
    from rashomon.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def benchmarks() -> Path:
    if not BENCHMARKS.is_dir():
        pytest.skip("../shared/benchmarks is not present")
    return BENCHMARKS
