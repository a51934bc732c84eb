"""The fault suite's harness: run ``rashomon`` on a bad input beside a good real article.

Every case expects the same things of a run (see :func:`check_batch`): at most
one clear line naming the bad input, the good article analysed, no traceback,
the store whole, and the exports valid. In-process runs (:func:`analyze`) share
the session's one spaCy load; subprocess runs (:func:`spawn`) are for kills,
signals and concurrency.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.report.json_export import validate_export

PROJECT = Path(__file__).resolve().parents[2]
CORPUS = PROJECT / "examples" / "corpus"
# A short real article (Wikinews, CC BY 2.5), 273 words.
GOOD = CORPUS / "blogs" / "contract-watch" / "boeing_space_launch_bids.txt"
runner = CliRunner()


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    out: Path
    exception: BaseException | None = None

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("error ")]

    @property
    def data(self) -> dict:
        return json.loads((self.out / "analysis.json").read_text("utf-8"))


def analyze(*args: str | Path, out: Path) -> Run:
    """``rashomon analyze ARGS --out OUT --workers 1`` in this process."""
    argv = ["analyze", *map(str, args), "--out", str(out)]
    if "--workers" not in argv and "-w" not in argv:
        argv += ["--workers", "1"]
    return invoke(argv, out)


def invoke(argv: list[str], out: Path | None = None) -> Run:
    result = runner.invoke(app, argv)
    exception = result.exception if not isinstance(result.exception, SystemExit) else None
    return Run(result.exit_code, result.stdout, result.stderr, out or Path("."), exception)


def folder_with_good(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    shutil.copy(GOOD, folder / "good.txt")
    return folder


def store_documents(out: Path) -> list[str]:
    with sqlite3.connect(out / "analysis.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [row[0] for row in db.execute("SELECT source FROM documents ORDER BY source")]


def check_batch(run: Run, bad: str | None, fragment: str = "") -> str | None:
    """The run went on past the bad input: one line naming it (when ``bad`` is given),
    the good article analysed, exit 0, no traceback, store and export whole."""
    assert run.exception is None, run.exception
    assert "Traceback" not in run.stdout + run.stderr
    assert run.code == 0, run.stdout + run.stderr
    sources = store_documents(run.out)
    assert any(source.endswith("good.txt") for source in sources), sources
    data = run.data
    validate_export(data)
    assert any(d["source"].endswith("good.txt") for d in data["documents"])
    if bad is None:
        assert run.error_lines == [], run.stderr
        return None
    assert len(run.error_lines) == 1, run.stderr
    (line,) = run.error_lines
    assert bad in line and fragment in line, line
    assert "\x1b" not in run.stderr and "\u202e" not in run.stderr
    return line


# --- subprocesses ------------------------------------------------------------------


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT / "src"), env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


def default_sigint() -> None:
    """In the child: Ctrl-C as in a terminal, even when the tests run in the background
    (a non-interactive shell starts background jobs with SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(*args: str | Path, driver: list[str] | None = None, **popen) -> subprocess.Popen:
    """``rashomon ARGS`` in a child process (through ``driver.py`` to inject a fault)."""
    command = [sys.executable]
    command += [str(Path(__file__).with_name("driver.py")), *(driver or []), "--"]
    command += [str(a) for a in args]
    return subprocess.Popen(
        command,
        env=popen.pop("env", cli_env()),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=popen.pop("preexec_fn", default_sigint),
        **popen,
    )


def finish(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    stdout, stderr = process.communicate(timeout=timeout)
    return process.returncode, stdout, stderr


def count_documents(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def wait_for_documents(db: Path, at_least: int, process: subprocess.Popen, limit: float = 90):
    """Block until the store holds ``at_least`` documents (fails if the run ends first)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if count_documents(db) >= at_least:
            return
        if process.poll() is not None:
            pytest.fail(f"the run ended first: {process.communicate()}")
        time.sleep(0.05)
    pytest.fail("the store never filled")


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in found.split()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- a corpus of many distinct real articles ---------------------------------------


@pytest.fixture(scope="session")
def many_articles(tmp_path_factory) -> Path:
    """36 distinct documents made of the example corpus's real articles: each is one
    article with a different paragraph order, in a folder of its own (so no line
    counts as a site's template)."""
    from rashomon.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("many")
    documents = ingest_paths([CORPUS]).documents
    for k in range(4):
        for i, document in enumerate(documents):
            paragraphs = [p for p in document.text.split("\n") if p.strip()]
            shift = k % max(1, len(paragraphs))
            order = paragraphs[shift:] + paragraphs[:shift]
            place = folder / f"a{i}_{k}"
            place.mkdir()
            text = "\n\n".join([document.title or "Report", *order])
            (place / "article.txt").write_text(text + "\n", "utf-8")
    return folder


@pytest.fixture(scope="session")
def analysed_out(tmp_path_factory) -> Path:
    """An output folder of two real articles, analysed once per session (copy it to change it)."""
    base = tmp_path_factory.mktemp("analysed")
    folder = folder_with_good(base)
    shutil.copy(CORPUS / "web" / "defense-desk" / "gao-tanker-rerun.html", folder / "gao.html")
    run = analyze(folder, out=base / "out")
    assert run.code == 0, run.stderr
    return base / "out"


@pytest.fixture
def out_copy(analysed_out, tmp_path) -> Path:
    target = tmp_path / "out"
    shutil.copytree(analysed_out, target)
    return target
