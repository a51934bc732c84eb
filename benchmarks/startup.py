"""Start-up time of the ``rashomon`` command and the installed size of its dependencies.

Issue 11 asks for ``rashomon --help`` under 0.3 s and an install of at most 300 MB.
Start-up is measured in fresh subprocesses (a warm import inside this process
would say nothing): the best of five wall times of ``python -m rashomon --help``,
of the venv's ``rashomon`` console script, of ``python -c "import rashomon.cli"``
and, as the floor no change here can go under, of a bare ``python -c pass``.
Every child gets ``PYTHONPATH=src`` so it measures this checkout's code, not
whichever copy the venv installed. ``python -X importtime`` then names the
imports that cost the most, which is where to look when the time goes up.

The size figures read only what is installed (each distribution's RECORD,
through :mod:`importlib.metadata`): no network. They are installed bytes, not
download bytes: wheels are compressed, and what pip downloaded is only known
from its cache or a ``pip install --report``, which the script looks for and
says so when it is absent rather than guessing a ratio.

    python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Protocol

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import write_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUDGET_S = 0.3
BUDGET_MB = 300
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
IMPORT_LINE = re.compile(r"^import time:\s*(\d+)\s*\|\s*(\d+)\s*\|( *)(\S+)\s*$")


class RecordEntry(Protocol):
    """What :func:`record_bytes` needs of an ``importlib.metadata.PackagePath``."""

    size: int | None


# --- pure helpers (tested in tests/benchmarks/test_startup.py) --------------------


def requirement_name(requirement: str) -> str:
    """The normalised distribution name of a PEP 508 string (``a_b==1`` -> ``a-b``)."""
    match = REQUIREMENT_NAME.match(requirement)
    if not match:
        raise ValueError(f"not a requirement: {requirement!r}")
    return normalise(match.group(1))


def normalise(name: str) -> str:
    """PEP 503 normalisation, so ``vaderSentiment`` and ``vadersentiment`` are one name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def record_bytes(entries: Iterable[RecordEntry], stat_size=None) -> int:
    """Bytes a distribution's RECORD says it installed.

    RECORD leaves the size out for itself and for files written after install
    (``.pyc``); ``stat_size(entry)`` can measure those instead (None: count 0).
    """
    total = 0
    for entry in entries:
        if entry.size is not None:
            total += int(entry.size)
        elif stat_size is not None:
            total += stat_size(entry) or 0
    return total


def parse_importtime(stderr: str) -> list[tuple[str, int, int, int]]:
    """``(module, self_us, cumulative_us, depth)`` for each line of ``-X importtime``."""
    rows = []
    for line in stderr.splitlines():
        match = IMPORT_LINE.match(line)
        if match:
            self_us, cumulative_us, indent, name = match.groups()
            rows.append((name, int(self_us), int(cumulative_us), len(indent) // 2))
    return rows


# --- start-up timings --------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src")
    env.pop("PYTHONSTARTUP", None)
    return env


def best_wall(command: list[str], runs: int) -> float:
    """Best of ``runs`` wall times, in seconds; the command must succeed."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=child_env(), check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


def console_script() -> Path | None:
    script = Path(sys.executable).parent / "rashomon"
    return script if script.is_file() else None


def imported_from_checkout() -> bool:
    """Whether a child with our PYTHONPATH imports this checkout's rashomon."""
    code = "import rashomon, sys; sys.stdout.write(rashomon.__file__)"
    found = subprocess.run(
        [sys.executable, "-c", code], env=child_env(), capture_output=True, text=True, check=True
    ).stdout
    return Path(found).resolve().is_relative_to(ROOT / "src")


def heaviest_imports(count: int = 10) -> list[tuple[str, int, int, int]]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "rashomon", "--help"],
        env=child_env(),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    rows = parse_importtime(result.stderr)
    return sorted(rows, key=lambda row: -row[2])[:count]


# --- installed sizes -----------------------------------------------------------


def runtime_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return list(project["dependencies"])


def stat_entry(dist: metadata.Distribution):
    def size(entry: metadata.PackagePath) -> int:
        path = Path(str(dist.locate_file(entry)))
        return path.stat().st_size if path.is_file() else 0

    return size


def installed_bytes(dist: metadata.Distribution) -> int:
    return record_bytes(dist.files or [], stat_entry(dist))


def dependency_closure(names: Iterable[str]) -> dict[str, metadata.Distribution]:
    """The installed distributions ``names`` pull in, markers evaluated, extras not taken."""
    from packaging.requirements import Requirement

    found: dict[str, metadata.Distribution] = {}
    todo = list(names)
    while todo:
        name = normalise(todo.pop())
        if name in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[name] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return found


def unpinned_versions(
    requirements: Iterable[str], installed: dict[str, metadata.Distribution]
) -> list[str]:
    """``name version (wants spec)`` for each installed distribution its pin does not allow."""
    from packaging.requirements import Requirement

    wrong = []
    for text in requirements:
        requirement = Requirement(text)
        dist = installed.get(normalise(requirement.name))
        if dist is not None and not requirement.specifier.contains(dist.version, True):
            wrong.append(f"{requirement.name} {dist.version} (wants {requirement.specifier})")
    return wrong


def download_record() -> str:
    """What is known offline about download sizes (said plainly when nothing is)."""
    notes = []
    reports = sorted(ROOT.glob("**/pip-report*.json"))
    if reports:
        notes.append(f"a pip report is at {reports[0].relative_to(ROOT)}")
    caches = [Path.home() / ".cache" / "pip", Path(os.environ.get("PIP_CACHE_DIR", "/nonexistent"))]
    cache = next((c for c in caches if c.is_dir()), None)
    if cache is not None:
        cached = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
        notes.append(f"pip's cache at {cache} holds {cached / 1e6:,.0f} MB (all projects)")
    if not notes:
        return (
            "Download size: not measured. No pip cache and no `pip install --report` "
            "file is available offline here, so the bytes pip downloads are not known; "
            "the installed sizes above are an upper bound (wheels are compressed)."
        )
    return "Download size: " + "; ".join(notes) + "."


# --- report ----------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Runs per command (best is kept).")
    args = parser.parse_args()

    py = sys.executable
    commands = [
        ("`python -m rashomon --help`", [py, "-m", "rashomon", "--help"]),
        ("`python -m rashomon analyze --help`", [py, "-m", "rashomon", "analyze", "--help"]),
        ('`python -c "import rashomon.cli"`', [py, "-c", "import rashomon.cli"]),
        ("`python -c pass` (interpreter floor)", [py, "-c", "pass"]),
    ]
    script = console_script()
    if script is not None:
        commands.insert(1, ("`rashomon --help` (venv console script)", [str(script), "--help"]))
    timings = [(label, best_wall(command, args.runs)) for label, command in commands]
    help_s = timings[0][1]

    lines = [
        f"Best of {args.runs} wall times, each in a fresh process, with `PYTHONPATH=src` "
        f"(this checkout's code{'' if imported_from_checkout() else ' NOT found: venv copy'}). "
        "The machine is shared, so a loaded moment adds time; the best run is the least disturbed.",
        "",
        "| command | best wall s |",
        "|---|---:|",
    ]
    lines += [f"| {label} | {seconds:.3f} |" for label, seconds in timings]
    verdict = "under" if help_s < BUDGET_S else "OVER"
    lines += [
        "",
        f"`--help`: {help_s:.3f} s, {verdict} the {BUDGET_S} s budget. A command's own "
        "`--help` (and every real command) also builds typer's pydantic adapters for its "
        "parameters (`typer._adapters`, imported only then).",
        "",
    ]

    lines += [
        "Ten largest cumulative imports of `--help` (`python -X importtime`, one run; "
        "depth 0 is imported by the command itself):",
        "",
        "| module | depth | cumulative ms | self ms |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| `{name}` | {depth} | {cum / 1000:.1f} | {own / 1000:.1f} |"
        for name, own, cum, depth in heaviest_imports()
    ]

    direct = [requirement_name(r) for r in runtime_requirements()]
    closure = dependency_closure(direct)
    lines += [
        "",
        "Installed size of each runtime dependency in `pyproject.toml` (the files its "
        "RECORD lists, sized from RECORD or, where it gives none, from disk; `.pyc` "
        "files compiled later and not listed are not counted):",
        "",
        "| distribution | version | installed MB |",
        "|---|---|---:|",
    ]
    sizes = {name: installed_bytes(dist) for name, dist in closure.items()}
    missing = [name for name in direct if name not in closure]
    for name in sorted((n for n in direct if n in closure), key=lambda n: -sizes[n]):
        lines.append(f"| {name} | {closure[name].version} | {sizes[name] / 1e6:,.1f} |")
    direct_mb = sum(sizes[n] for n in direct if n in closure) / 1e6
    total_mb = sum(sizes.values()) / 1e6
    pulled = sorted(((n, b) for n, b in sizes.items() if n not in direct), key=lambda i: -i[1])
    within = "within" if total_mb <= BUDGET_MB else "OVER"
    lines += [
        "",
        f"Direct dependencies: {direct_mb:,.1f} MB. With everything they pull in "
        f"({len(closure)} distributions, markers evaluated, extras not taken): "
        f"{total_mb:,.1f} MB installed, {within} {BUDGET_MB} MB. Largest pulled-in ones: "
        + ", ".join(f"{n} {b / 1e6:,.1f} MB" for n, b in pulled[:5])
        + ".",
    ]
    if missing:
        lines.append(f"Not installed in this venv: {', '.join(missing)}.")
    off_pin = unpinned_versions(runtime_requirements(), closure)
    lines.append(
        "Installed versions differ from the pins: " + ", ".join(off_pin) + "."
        if off_pin
        else "Every installed version is the one `pyproject.toml` pins."
    )
    lines += ["", download_record()]
    write_result("startup", "Start-up time and install size", "\n".join(lines))


if __name__ == "__main__":
    main()
