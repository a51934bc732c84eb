"""Strings from documents and file names never style, move or rewrite the terminal."""

from __future__ import annotations

import sqlite3

import pytest
from rich.table import Table

from rashomon.textsafe import SafeConsole, html_safe, markup_safe, one_line, storable, visible

from .conftest import invoke

HOSTILE = "[/b][bold red]X\x1b]0;pwned\x07\x1b[2J\u202eevil\u2066\x9b31m"


def test_visible_escapes_controls_bidi_and_bad_bytes():
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("\u202eabc") == "\\u202eabc"
    assert visible("caf\udce9.txt") == "caf\\xe9.txt"  # a byte that was not UTF-8
    assert visible("x\x9by") == "x\\x9by"
    assert visible("line\nnext\ttab") == "line\nnext\ttab"
    assert one_line("line\nnext\r\ttab") == "line\\nnext\\r\\ttab"
    assert visible("Qaddafi said “no” — 5 km") == "Qaddafi said “no” — 5 km"


def test_markup_html_and_storable_forms():
    assert markup_safe("[/red]x") == "\\[/red]x"
    assert html_safe("<b>\u202e</b>") == "&lt;b&gt;\\u202e&lt;/b&gt;"
    assert storable("a\ud800b") == "a\ufffdb" and len(storable("a\ud800b")) == 3
    assert storable("plain") == "plain"


def test_safe_console_prints_markup_as_text_and_drops_controls(tmp_path):
    path = tmp_path / "shown.txt"
    with path.open("w", encoding="utf-8") as handle:
        console = SafeConsole(file=handle, width=100)
        table = Table("name")
        table.add_row(HOSTILE)
        console.print(table)
        console.print(HOSTILE)
    shown = path.read_text("utf-8")
    assert "[/b][bold red]X" in shown
    assert not any(ch in shown for ch in "\x1b\x07\u202e\u2066\x9b")


@pytest.fixture
def hostile_out(out_copy):
    """A stored analysis whose outlets, titles and entity names carry markup and escapes."""
    with sqlite3.connect(out_copy / "analysis.sqlite") as db:
        db.execute("UPDATE documents SET outlet = ?, title = ?", (HOSTILE, HOSTILE))
        db.execute("UPDATE entities SET name = name || ?", (HOSTILE,))
        db.execute("UPDATE entity_aliases SET alias = alias || ?", (HOSTILE,))
    db.close()
    return out_copy


def test_compare_shows_hostile_strings_as_text(hostile_out):
    run = invoke(["compare", str(hostile_out), "--top", "20"])
    assert run.code == 0 and run.exception is None, run.stdout
    assert "[/b]" in run.stdout
    assert not any(ch in run.stdout for ch in "\x1b\x07\u202e\u2066\x9b")


def test_timeline_shows_hostile_strings_as_text(hostile_out):
    run = invoke(["timeline", str(hostile_out), "Boeing"])
    assert run.code == 0 and run.exception is None, run.stdout
    assert "Timeline of Boeing[/b]" in run.stdout
    assert not any(ch in run.stdout for ch in "\x1b\x07\u202e\u2066\x9b")


@pytest.mark.parametrize("query", [HOSTILE, "Nobody" + HOSTILE[:12]])
def test_a_hostile_query_is_shown_as_text(query, hostile_out):
    run = invoke(["timeline", str(hostile_out), query])
    assert run.code in (0, 1) and run.exception is None
    assert not any(ch in run.stdout + run.stderr for ch in "\x1b\x07\u202e\u2066\x9b")
