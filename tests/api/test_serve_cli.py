"""``rashomon serve``: loopback by default, a token only with --allow-writes, a clear
error for a folder without a store."""

from __future__ import annotations

import re

import uvicorn
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()


def test_serve_binds_loopback_and_prints_a_token_only_for_writes(fixture_out, monkeypatch):
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append((app, kw)))
    result = runner.invoke(app, ["serve", str(fixture_out)])
    assert result.exit_code == 0, result.output
    served, options = started[-1]
    assert options["host"] == "127.0.0.1" and options["port"] == 8765
    assert served.state.runner is None and "Read-only" in result.output
    result = runner.invoke(app, ["serve", str(fixture_out), "--allow-writes", "--port", "9001"])
    assert result.exit_code == 0, result.output
    token = re.search(r"token ([A-Za-z0-9_-]{20,})", result.output).group(1)
    assert f"http://127.0.0.1:9001/#token={token}" in result.output.replace("\n", "")
    assert started[-1][0].state.runner is not None


def test_serve_without_a_store_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: (_ for _ in ()).throw(AssertionError))
    result = runner.invoke(app, ["serve", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "no such store" in result.output and "rashomon analyze" in result.output
