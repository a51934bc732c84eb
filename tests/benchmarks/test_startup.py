"""The pure helpers of benchmarks/startup.py (the timings themselves are not tested)."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from startup import (  # noqa: E402
    installed_bytes,
    parse_importtime,
    record_bytes,
    requirement_name,
    unpinned_versions,
)


class Entry:
    def __init__(self, size: int | None, on_disk: int = 0) -> None:
        self.size, self.on_disk = size, on_disk


def test_record_sizes_are_summed_and_missing_ones_measured_when_asked():
    entries = [Entry(100), Entry(None, on_disk=7), Entry(23)]
    assert record_bytes(entries) == 123
    assert record_bytes(entries, lambda e: e.on_disk) == 130
    assert record_bytes([]) == 0


def test_installed_bytes_of_a_real_distribution_matches_its_files():
    dist = metadata.distribution("typer")
    expected = 0
    for entry in dist.files:
        path = Path(str(dist.locate_file(entry)))
        expected += entry.size if entry.size is not None else path.stat().st_size
    assert installed_bytes(dist) == expected > 100_000


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("spacy==3.8.3", "spacy"),
        ("lxml_html_clean==0.4.6", "lxml-html-clean"),
        ("vaderSentiment==3.3.2", "vadersentiment"),
        ("dask[distributed]==2026.8.0", "dask"),
        ("numpy>=2; python_version >= '3.11'", "numpy"),
    ],
)
def test_requirement_names_are_normalised(text, name):
    assert requirement_name(text) == name


def test_importtime_lines_give_module_times_and_depth():
    stderr = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       474 |      53846 |   typer\n"
        "import time:      5577 |     107730 | rashomon.cli\n"
        "Usage: rashomon [OPTIONS]\n"
    )
    assert parse_importtime(stderr) == [("typer", 474, 53846, 1), ("rashomon.cli", 5577, 107730, 0)]


def test_versions_outside_their_pin_are_named():
    typer = metadata.distribution("typer")
    installed = {"typer": typer}
    assert unpinned_versions([f"typer=={typer.version}", "absent==1.0"], installed) == []
    assert unpinned_versions(["typer==0.0.1"], installed) == [
        f"typer {typer.version} (wants ==0.0.1)"
    ]
