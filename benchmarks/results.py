"""Benchmark results: one markdown file per benchmark, gathered into BENCHMARKS.md.

Each benchmark script calls :func:`write_result`; ``python benchmarks/results.py``
rebuilds BENCHMARKS.md from the stored files without re-running anything.
"""

from __future__ import annotations

import datetime
import platform
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
REPORT = HERE.parent / "BENCHMARKS.md"
ORDER = [
    "tempeval3",
    "timex_ecbplus",
    "throughput",
    "startup",
    "quotes_basil",
    "entity_linking",
    "ecbplus",
    "semeval2015_timeline",
    "facts",
    "reuse",
    "framing",
]

INTRO = """# Benchmarks

Measured by the scripts in `benchmarks/` on the public corpora in `../shared/benchmarks`
(never copied into the project). Each section says when and on what machine it was run;
re-run a script to refresh its section (`python benchmarks/<name>.py`), or
`python benchmarks/results.py` to rebuild this page from `benchmarks/results/`.
"""


def machine() -> str:
    import os

    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"


def write_result(name: str, heading: str, body: str) -> Path:
    """Store one benchmark's section, print it and rebuild BENCHMARKS.md."""
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.date.today().isoformat()
    text = f"## {heading}\n\n_Run {stamp} on {machine()}._\n\n{body.strip()}\n"
    path = RESULTS / f"{name}.md"
    path.write_text(text, "utf-8")
    print(text)
    build_report()
    return path


def build_report() -> None:
    files = sorted(
        RESULTS.glob("*.md"), key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else 99, p.stem)
    )
    sections = [p.read_text("utf-8").strip() for p in files]
    REPORT.write_text(INTRO + "\n" + "\n\n".join(sections) + "\n", "utf-8")


if __name__ == "__main__":
    build_report()
