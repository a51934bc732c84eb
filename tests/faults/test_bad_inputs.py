"""One bad input beside a good real article: one line naming it, the rest analysed.

Run end to end through ``rashomon analyze`` (in this process, one worker). The
ingest-level reasons are tested in ``tests/ingest``; here each case checks the
whole batch: the line, the exit status, the store and the export.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CORPUS, GOOD, analyze, check_batch, folder_with_good

ARTICLE = GOOD.read_bytes()


def write(name: str | bytes, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        path = os.path.join(os.fsencode(folder), os.fsencode(name))
        os.makedirs(os.path.dirname(path), exist_ok=True)  # "x[/red].txt": a folder "x["
        with open(path, "wb") as handle:
            handle.write(data)

    return make


def jsonl(line: str) -> bytes:
    """A feed of one real record (from the example corpus) and ``line``."""
    good = (CORPUS / "feeds" / "feed.jsonl").read_text("utf-8").splitlines()[0]
    return (good + "\n" + line + "\n").encode("utf-8")


# name shown in the error line, how to make the input, a fragment of the reason
CASES: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "empty file": ("empty.txt", write("empty.txt", b""), "empty"),
    "whitespace only": ("blank.txt", write("blank.txt", b" \n\t\n  "), "empty"),
    "binary with NUL bytes": ("blob.html", write("blob.html", b"\x00\x01binary\x00" * 64), ""),
    "unsupported type": ("paper.pdf", write("paper.pdf", b"%PDF-1.4 ..."), "unsupported"),
    "no suffix": ("README", write("README", b"plain words"), "unsupported"),
    "folder named like a file": ("x.txt", lambda f: (f / "x.txt").mkdir(), "directory"),
    "broken symlink": ("gone.txt", lambda f: (f / "gone.txt").symlink_to(f / "nowhere"), ""),
    "markup in the name": ("x[/red].txt", write("x[/red].txt", b""), "empty"),
    "style markup in the name": ("[bold]x.txt", write("[bold]x.txt", b""), "empty"),
    "escape sequence in the name": ("[2Jb.txt", write("a\x1b[2Jb.txt", b""), "empty"),
    "bidi override in the name": ("\\u202etxt.exe.txt", write("\u202etxt.exe.txt", b""), ""),
    "newline in the name": ("two\\nlines.txt", write("two\nlines.txt", b""), "empty"),
    "name not valid UTF-8": ("caf\\xe9.txt", write(b"caf\xe9.txt", b""), "empty"),
    "malformed JSONL line": ("feed.jsonl", write("feed.jsonl", jsonl("{not json")), ""),
    "JSONL line with a lone surrogate": (
        "feed.jsonl",
        write("feed.jsonl", jsonl('{"title": "x", "text": "Boeing \\ud800 bid again today."}')),
        "",
    ),
    "JSONL line nested 100,000 deep": (
        "feed.jsonl",
        write("feed.jsonl", jsonl("[" * 100_000 + "]" * 100_000)),
        "",
    ),
    "JSONL line with a 5,000-digit number": (
        "feed.jsonl",
        write("feed.jsonl", jsonl('{"text": "Boeing bid.", "n": ' + "9" * 5000 + "}")),
        "",
    ),
    "JSONL url that is not a URL": (
        "feed.jsonl",
        write("feed.jsonl", jsonl('{"url": "http://[::1", "text": "Boeing bid again today."}')),
        "",
    ),
    "a socket": ("sock.txt", lambda f: _socket(f / "sock.txt"), ""),
}


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


@pytest.mark.parametrize("case", CASES)
def test_one_bad_input_is_one_line_and_the_batch_goes_on(case, tmp_path):
    shown, make, fragment = CASES[case]
    folder = folder_with_good(tmp_path)
    make(folder)
    run = analyze(folder, out=tmp_path / "out")
    if case.startswith("JSONL") and not run.error_lines:
        # The reader may keep the record (the bad field dropped): then it is analysed.
        check_batch(run, None)
        return
    check_batch(run, shown, fragment)


def test_a_file_over_the_size_limit_is_one_line(tmp_path):
    folder = folder_with_good(tmp_path)
    (folder / "big.txt").write_bytes(ARTICLE * 20)
    run = analyze(folder, "--max-mb", str(len(ARTICLE) * 5 / 1e6), out=tmp_path / "out")
    check_batch(run, "big.txt", "too large")


def test_a_good_article_whose_name_is_not_utf8_is_stored(tmp_path):
    folder = folder_with_good(tmp_path)
    write(b"r\xe9sum\xe9.txt", ARTICLE.replace(b"Boeing", b"Lockheed"))(folder)
    run = analyze(folder, out=tmp_path / "out")
    check_batch(run, None)
    assert len(run.data["documents"]) == 2


def test_missing_input_is_one_line_and_the_rest_goes_on(tmp_path):
    folder = folder_with_good(tmp_path)
    run = analyze(folder, tmp_path / "nowhere.txt", out=tmp_path / "out")
    check_batch(run, "nowhere.txt", "no such file")


def test_markup_in_a_name_is_printed_as_written(tmp_path):
    folder = folder_with_good(tmp_path)
    write("[bold]x.txt", b"")(folder)
    run = analyze(folder, out=tmp_path / "out")
    line = check_batch(run, "[bold]x.txt")
    assert line.startswith("error ") and "[bold]x.txt" in line


def test_nothing_readable_is_a_failing_exit_status(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write("empty.txt", b"")(folder)
    write("blob.html", b"\x00" * 100)(folder)
    run = analyze(folder, out=tmp_path / "out")
    assert run.code == 1 and run.exception is None
    assert len(run.error_lines) == 2
    assert "No document could be analysed" in run.stderr


def test_a_rerun_with_only_stored_articles_still_succeeds(tmp_path):
    folder = folder_with_good(tmp_path)
    out = tmp_path / "out"
    assert analyze(folder, out=out).code == 0
    again = analyze(folder, out=out)
    check_batch(again, None)
    assert "already analysed" in again.stdout
