from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rashomon.api import create_app

from .fixtures import build_fixture_store, example_store


@pytest.fixture(scope="session")
def example_out(tmp_path_factory):
    return example_store(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="session")
def example_client(example_out):
    with TestClient(create_app(example_out)) as client:
        yield client


@pytest.fixture()
def fixture_out(tmp_path):
    return build_fixture_store(tmp_path / "out")


@pytest.fixture()
def fixture_client(fixture_out):
    with TestClient(create_app(fixture_out)) as client:
        yield client
