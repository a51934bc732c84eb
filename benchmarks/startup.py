"""Start-up time of the ``rashomon`` command and the installed size of its dependencies.

Issue 11 asks for ``rashomon --help`` under 0.3 s and an install of at most 300 MB.
Start-up is measured in fresh subprocesses (a warm import inside this process
would say nothing): the best of five wall times of ``python -m rashomon --help``,
of the venv's ``rashomon`` console script, of ``python -c "import rashomon.cli"``
and, as the floor no change here can go under, of a bare ``python -c pass``.
Every child gets ``PYTHONPATH=src`` so it measures this checkout's code, not
whichever copy the venv installed. ``python -X importtime`` then names the
imports that cost the most, which is where to look when the time goes up.

The installed-size figures read only what is installed (each distribution's
RECORD, through :mod:`importlib.metadata`): no network. They are installed
bytes, and wheels are compressed, so the download the 300 MB goal is about is
measured apart: ``pip download`` of this checkout with the venv's pip, into a
temporary folder, resolves what ``pip install .`` (runtime dependencies, no
extras) would fetch and saves those files, whose bytes are summed; the
build-system requirements pip fetches to build this project are downloaded and
counted on their own. pip's output tells whether the resolver backtracked. With
no index reachable the section says "not measured" and why, rather than failing.

    python benchmarks/startup.py [--runs 5] [--no-download]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
PIP_TIMEOUT_S = 1200
# What pip's resolver reporter prints when it rejects candidates (pip 20.3 and later).
MULTIPLE_VERSIONS = re.compile(r"pip is (?:still )?looking at multiple versions of (\S+)")
TAKING_LONGER = "This is taking longer than usual"
# The lines in which pip names a distribution file it fetched (network, local or cache),
# or only its PEP 658 metadata (``X.whl.metadata``), which is how pip tries a candidate.
FETCHED_FILE = re.compile(
    r"^\s*(?:Downloading|Using cached|Processing)\s+(?:\S*/)?"
    r"([^/\s]+\.(?:whl|tar\.gz|zip|tar\.bz2))(?:\.metadata)?(?:\s|$)"
)


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


def distribution_of(filename: str) -> tuple[str, str]:
    """``(normalised name, version)`` of a wheel or sdist file name.

    A file whose name neither format fits gives ``(normalised file name, "")``
    so that an odd file is still counted rather than dropped.
    """
    from packaging.utils import (
        InvalidSdistFilename,
        InvalidWheelFilename,
        parse_sdist_filename,
        parse_wheel_filename,
    )

    try:
        if filename.endswith(".whl"):
            name, version, _, _ = parse_wheel_filename(filename)
        else:
            name, version = parse_sdist_filename(filename)
    except (InvalidWheelFilename, InvalidSdistFilename):
        return normalise(filename), ""
    return normalise(name), str(version)


@dataclass(frozen=True)
class DownloadSummary:
    """What a ``pip download`` folder holds, less the project's own build."""

    total_bytes: int
    files: int
    distributions: int
    largest: list[tuple[str, int]]


def summarise_downloads(
    files: Iterable[tuple[str, int]], exclude: str, largest: int = 5
) -> DownloadSummary:
    """Sum ``(file name, bytes)`` pairs, leaving out distribution ``exclude``.

    pip saves a wheel or sdist of a local project only in some versions and
    cases; it is built on the user's machine, not downloaded, so it never counts.
    """
    kept = [(name, size) for name, size in files if distribution_of(name)[0] != normalise(exclude)]
    kept.sort(key=lambda item: (-item[1], item[0]))
    return DownloadSummary(
        total_bytes=sum(size for _, size in kept),
        files=len(kept),
        distributions=len({distribution_of(name)[0] for name, _ in kept}),
        largest=kept[:largest],
    )


def backtracking_signs(output: str) -> list[str]:
    """Evidence in pip's output that its resolver backtracked; empty when none.

    pip says so itself ("looking at multiple versions of X", "taking longer
    than usual"); a distribution fetched at two versions is the same thing
    seen from the files, kept in case a pip version words its messages otherwise.
    """
    signs: list[str] = []
    for name in dict.fromkeys(MULTIPLE_VERSIONS.findall(output)):
        signs.append(f"pip looked at multiple versions of {name}")
    if TAKING_LONGER in output:
        signs.append("pip said resolution was taking longer than usual")
    versions: dict[str, set[str]] = {}
    for line in output.splitlines():
        match = FETCHED_FILE.match(line)
        if match:
            name, version = distribution_of(match.group(1))
            versions.setdefault(name, set()).add(version)
    for name in sorted(n for n, seen in versions.items() if len(seen) > 1):
        signs.append(f"{name} fetched at {len(versions[name])} versions")
    return signs


def pip_failure(returncode: int, output: str) -> str:
    """One line on why a pip run failed: its last ERROR line, else its last line."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR:")]
    detail = (errors or lines or ["no output"])[-1]
    return f"pip exited {returncode}: {detail}"


def pip_indexes(output: str) -> str:
    """The indexes pip says it looked in, so a reader knows where the bytes came from."""
    for line in output.splitlines():
        if line.startswith("Looking in indexes:"):
            return line.split(":", 1)[1].strip()
    return "pip's default index"


def download_verdict(total_bytes: int, signs: Sequence[str], budget_mb: int = BUDGET_MB) -> str:
    """Issue 11's download goal: at most ``budget_mb`` MB and no resolver backtracking."""
    if signs:
        backtracking = "yes: " + "; ".join(signs)
    else:
        backtracking = "none (no backtracking message; no distribution fetched at two versions)"
    failures = []
    if total_bytes > budget_mb * 1e6:
        failures.append(f"{total_bytes / 1e6:,.1f} MB is over {budget_mb} MB")
    if signs:
        failures.append("pip backtracked")
    verdict = "NOT met: " + " and ".join(failures) if failures else "met"
    return (
        f"Resolver backtracking: {backtracking}. Goal, at most {budget_mb} MB downloaded "
        f"with no backtracking: {verdict}."
    )


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


def build_requirements() -> list[str]:
    """What ``[build-system] requires`` lists: pip fetches it to build this project."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return list(pyproject.get("build-system", {}).get("requires", []))


def pip_download(targets: Sequence[str], dest: Path) -> tuple[int, str]:
    """Run the venv's ``pip download`` of ``targets`` into ``dest``: ``(rc, output)``.

    Output is kept whole (not ``-q``): the resolver's backtracking messages are
    what :func:`backtracking_signs` reads. A timeout or a missing pip is
    returned as a failure, not raised, so the other figures still get written.
    """
    command = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check"]
    command += ["--progress-bar", "off", "-d", str(dest), *targets]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PIP_TIMEOUT_S, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return 124, f"ERROR: pip download ran past {PIP_TIMEOUT_S} s"
    except OSError as error:
        return 127, f"ERROR: {error}"
    return done.returncode, done.stdout + done.stderr


def folder_files(folder: Path) -> list[tuple[str, int]]:
    return [(p.name, p.stat().st_size) for p in folder.iterdir() if p.is_file()]


def mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def download_record() -> list[str]:
    """The download section: measured with pip, or "not measured" and why."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["name"]
    with tempfile.TemporaryDirectory(prefix="startup-download-") as tmp:
        runtime_dir, build_dir = Path(tmp, "runtime"), Path(tmp, "build")
        started = time.perf_counter()
        rc, output = pip_download([str(ROOT)], runtime_dir)
        seconds = time.perf_counter() - started
        if rc != 0:
            return [f"Download size: not measured: {pip_failure(rc, output)}."]
        runtime = summarise_downloads(folder_files(runtime_dir), exclude=project)
        build_rc, build_output = pip_download(build_requirements(), build_dir)
        build = summarise_downloads(folder_files(build_dir), exclude=project)
    lines = [
        f"Download size of `pip install .` (runtime dependencies, no extras): "
        f"**{mb(runtime.total_bytes)}** in {runtime.files} files ({runtime.distributions} "
        f"distributions), measured with `pip download` of this checkout in {seconds:.0f} s "
        f"from {pip_indexes(output)}, for {sys.implementation.name} "
        f"{sys.version_info.major}.{sys.version_info.minor} on {platform.system()} "
        f"{platform.machine()} (other platforms get other wheels). Files taken from a local "
        "mirror or pip's cache count at their full size, since they are the bytes a fresh "
        "machine fetches; the project's own wheel is built, not downloaded, and is not counted.",
        "",
        "| largest downloads | MB |",
        "|---|---:|",
    ]
    lines += [f"| `{name}` | {size / 1e6:,.1f} |" for name, size in runtime.largest]
    total = runtime.total_bytes
    if build_rc == 0:
        total += build.total_bytes
        build_text = (
            f"The build requirements (`{'`, `'.join(build_requirements())}`), which pip "
            "fetches into its isolated build environment to build the project's wheel, "
            f"add {mb(build.total_bytes)} in {build.files} files: {mb(total)} in all."
        )
    else:
        build_text = f"Build requirements: not measured: {pip_failure(build_rc, build_output)}."
    lines += ["", build_text, download_verdict(total, backtracking_signs(output))]
    return lines


# --- report ----------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Runs per command (best is kept).")
    parser.add_argument(
        "--no-download",
        action="store_true",
        help="Skip the pip download measurement (it reaches the package index).",
    )
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
    lines.append("")
    if args.no_download:
        lines.append("Download size: not measured: skipped (`--no-download`).")
    else:
        lines += download_record()
    write_result("startup", "Start-up time and install size", "\n".join(lines))


if __name__ == "__main__":
    main()
