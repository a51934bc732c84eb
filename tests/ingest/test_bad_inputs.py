"""The bad-input corpus: every case gives one line naming the file, or keeps the document.

Each case puts one bad (or odd) input beside a good article in a folder and
ingests the folder. The good article must always come through, the case
must give exactly one error line that names it (a printable, single line
with a stage), or its document must be kept (with a warning line where
something was repaired), and no case may take more than a few seconds.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from rashomon.ingest import ingest_paths

P1 = "Government forces retook the northern town on Sunday after three days of fighting."
P2 = "The United Nations called for an immediate ceasefire and access for aid convoys."
P3 = "Opposition leaders accused the army of shelling residential areas, which it denied."
ARTICLE = f"{P1}\n\n{P2}\n\n{P3}\n"


def body(tag: str) -> str:
    """An article of its own for each case (the same text twice is a duplicate)."""
    return ARTICLE.replace("northern town", f"northern town of {tag}")


STAGES = {"read", "decode", "parse", "clean"}
SECONDS = 5.0


@dataclass
class Case:
    name: str  # the name the error line or the document's source must show
    make: Callable[[Path], None]
    expect: str  # "error" | "kept" | "warning" (kept, with one line) | "skipped" (no output)
    reason: str = ""  # a piece of the error line's reason
    max_bytes: int = 20_000_000
    follow_links: bool = False


def write(name: str, data: str | bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        path = folder / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, "utf-8")

    return make


def jsonl(*records: str) -> str:
    good = json.dumps({"text": body("Village"), "outlet": "Example"})
    return "\n".join([good, *records, good.replace("Village", "City")]) + "\n"


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _socket(folder: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    sock.close()


def _dir_named_txt(folder: Path) -> None:
    (folder / "notes.txt").mkdir()


def _broken_link(folder: Path) -> None:
    (folder / "gone.txt").symlink_to(folder / "missing.txt")


def _outside_link(folder: Path) -> None:
    outside = folder.parent / f"{folder.name}-outside.txt"
    outside.write_text(ARTICLE.replace("town", "harbour"))
    (folder / "outside.txt").symlink_to(outside)


def _dir_link(folder: Path) -> None:
    target = folder.parent / f"{folder.name}-other"
    target.mkdir()
    (target / "x.txt").write_text(ARTICLE.replace("town", "port"))
    (folder / "linked").symlink_to(target, target_is_directory=True)


def _link_loop(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)


def _device_link(folder: Path) -> None:
    (folder / "null.txt").symlink_to("/dev/null")


def _hidden_dir(folder: Path) -> None:
    (folder / ".cache").mkdir()
    (folder / ".cache" / "x.txt").write_text(ARTICLE)


def _bad_name(folder: Path) -> None:
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(body("Café").encode())


def _markup_path(folder: Path) -> None:
    """A folder "x[" holding "red].txt": the source reads "x[/red].txt", rich markup."""
    (folder / "x[").mkdir()
    (folder / "x[" / "red].txt").write_text(body("Red"))


def _out_inside(folder: Path) -> None:
    out = folder / "out"
    out.mkdir()
    (out / "report.html").write_text(f"<html><body><p>{P1} Report.</p></body></html>")


def _nested_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{P1}</p>" + "</div>" * depth + "</body></html>"


_GB = (
    "北京时间周二，中国国家统计局发布数据显示，十月份全国居民消费价格同比上涨百分之三点八。" * 3
    + "\n\n"
) * 2
_RU = "Москва заявила, что переговоры продолжатся на следующей неделе в Женеве, сообщили источники."
_AR = "قالت الحكومة إن المحادثات ستستمر الأسبوع المقبل في جنيف بمشاركة جميع الأطراف المعنية."
_JA = (
    "政府は火曜日、来週ジュネーブで協議を続けると発表した。"
    "関係者によると、各国の代表が参加する予定だ。"
)

CASES = [
    Case("empty.txt", write("empty.txt", b""), "error", "empty file"),
    Case("blank.txt", write("blank.txt", " \n\t\n"), "error", "whitespace"),
    Case("nul.txt", write("nul.txt", b"PK\x03\x04\x00\x00zip\x00"), "error", "binary"),
    Case("ctrl.txt", write("ctrl.txt", bytes(range(1, 32)) * 20), "error", "binary"),
    Case("big.txt", write("big.txt", ARTICLE * 40), "error", "too large", max_bytes=2000),
    Case("report.pdf", write("report.pdf", b"%PDF-1.4"), "error", "unsupported file type .pdf"),
    Case("README", write("README", ARTICLE), "error", "no suffix"),
    Case("notes.txt", _dir_named_txt, "error", "is a directory"),
    Case("gone.txt", _broken_link, "error", "broken symlink"),
    Case("outside.txt", _outside_link, "error", "outside the input"),
    Case("linked", _dir_link, "error", "link to a folder"),
    Case("loop", _link_loop, "error", "already read", follow_links=True),
    Case("null.txt", _device_link, "error", "character device", follow_links=True),
    Case("pipe.txt", _fifo, "error", "FIFO"),
    Case("sock.txt", _socket, "error", "socket"),
    Case(".hidden.txt", write(".hidden.txt", ARTICLE), "error", "hidden file"),
    Case(".cache", _hidden_dir, "error", "hidden folder"),
    Case("caf\\xe9.txt", _bad_name, "kept"),
    Case("new\\nline.txt", write("new\nline.txt", body("Newline")), "kept"),
    Case("bidi\\u202etxt.exe.txt", write("bidi\u202etxt.exe.txt", body("Bidi")), "kept"),
    Case("[bold]x.txt", write("[bold]x.txt", body("Bold")), "kept"),
    Case("x[/red].txt", _markup_path, "kept"),
    Case(
        "stray.txt",
        write(
            "stray.txt",
            f"He’ll say “no” — a stray {P1}".encode().replace(b"stray", b"st\xffray")
            + f"\n\n{P2}".encode(),
        ),
        "warning",
        "invalid UTF-8 byte",
    ),
    Case(
        "latin.txt",
        write("latin.txt", f"Café owners said it’s over. {P1}\n\n{P2}".encode("cp1252")),
        "kept",
    ),
    Case("gb.txt", write("gb.txt", _GB.encode("gb18030")), "kept"),
    Case("ru.txt", write("ru.txt", f"{_RU}\n\n{_RU[::-1]}".encode("cp1251")), "kept"),
    Case("ar.txt", write("ar.txt", f"{_AR}\n\n{_AR}"), "kept"),
    Case("ja.txt", write("ja.txt", f"{_JA}\n\n{_JA}"), "kept"),
    Case("utf16.txt", write("utf16.txt", body("Valley").encode("utf-16")), "kept"),
    Case(
        "garbage.txt",
        write("garbage.txt", b"caf\xe9 \x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d"),
        "error",
        "undecodable",
    ),
    Case(
        "empty.html",
        write("empty.html", "<html><body><script>x()</script></body></html>"),
        "error",
        "no extractable text",
    ),
    Case("plain.html", write("plain.html", "just words, no markup at all"), "error", "not HTML"),
    Case(
        "image.html",
        write(
            "image.html",
            f"<html><body><article><h1>Town retaken</h1><p>{P1} Image.</p>"
            '<img src="data:image/png;base64,'
            + "iVBORw0KGgo" * 1_400_000
            + f'"><p>{P2}</p><p>{P3}</p></article></body></html>',
        ),
        "kept",
    ),
    Case("deep.html", write("deep.html", _nested_html(5000)), "error", "no extractable text"),
    Case("stars.md", write("stars.md", f"# Title\n\n{'*a ' * 50_000}\n\n{P1}\n\n{P2}"), "kept"),
    Case(
        "brackets.md", write("brackets.md", f"# Title\n\n{'[' * 100_000}\n\n{P1}\n\n{P2}"), "kept"
    ),
    Case("byline.txt", write("byline.txt", "By " + "Aand" * 30 + "!\n\n" + body("Byline")), "kept"),
    Case("initials.txt", write("initials.txt", "A." * 100_000 + "x\n\n" + body("Dots")), "kept"),
    Case(
        "run.txt",
        write("run.txt", "a" * 200_000 + "\n\n" + "-" * 100_000 + "\n\n" + body("Run")),
        "kept",
    ),
    Case(
        "chrome.txt",
        write("chrome.txt", "Home\nNews\nSport\nShare\nSubscribe\n"),
        "error",
        "no article text",
    ),
    Case(
        "feed.jsonl#line 2",
        write("feed.jsonl", jsonl('{"text": "\\ud800 broken"}')),
        "error",
        "lone surrogate",
    ),
    Case(
        "deep.jsonl#line 2",
        write("deep.jsonl", jsonl("[" * 100_000 + "]" * 100_000)),
        "error",
        "nested too deeply",
    ),
    Case(
        "int.jsonl#line 2",
        write("int.jsonl", jsonl('{"text": "x", "n": ' + "9" * 5000 + "}")),
        "error",
        "digits",
    ),
    Case(
        "url.jsonl#line 2",
        write("url.jsonl", jsonl(json.dumps({"text": body("Url"), "url": "http://[::1"}))),
        "warning",
        "does not parse",
    ),
    Case("bad.jsonl#line 2", write("bad.jsonl", jsonl('{"text": oops}')), "error", "invalid JSON"),
    Case("list.jsonl#line 2", write("list.jsonl", jsonl("[1, 2]")), "error", "not a JSON object"),
    Case(
        "notext.jsonl#line 2",
        write("notext.jsonl", jsonl('{"title": "only a title"}')),
        "error",
        "no article text",
    ),
    Case(
        "number.jsonl#line 2",
        write("number.jsonl", jsonl('{"text": 42}')),
        "error",
        "no article text",
    ),
    Case(
        "odd.jsonl#line 2",
        write(
            "odd.jsonl",
            jsonl(json.dumps({"text": body("Odd"), "title": {"a": 1}, "authors": [1, None]})),
        ),
        "kept",
    ),
    Case("empty.json", write("empty.json", "[]"), "error", "empty JSON list"),
    Case("string.json", write("string.json", '"just a string"'), "error", "not a JSON object"),
    Case("broken.json", write("broken.json", '{"text": '), "error", "invalid JSON"),
    Case(
        "items.json#item 2",
        write("items.json", json.dumps([{"text": body("Oasis")}, {"body": 3}])),
        "error",
        "no article text",
    ),
    Case("report.html", _out_inside, "skipped"),
]


def _run(case: Case, folder: Path):
    (folder / "good.txt").write_text(ARTICLE, "utf-8")
    try:
        case.make(folder)
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"cannot make this case here: {exc}")
    started = time.perf_counter()
    result = ingest_paths(
        [folder], max_bytes=case.max_bytes, follow_links=case.follow_links, exclude=[folder / "out"]
    )
    return result, time.perf_counter() - started


def test_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file kinds")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    result, seconds = _run(case, folder)
    assert seconds < SECONDS, f"{case.name} took {seconds:.1f} s"
    sources = [d.source for d in result.documents]
    assert any(s.endswith("good.txt") for s in sources), "the rest of the batch is read"
    for error in result.errors:  # every line is one printable line with a stage
        assert error.stage in STAGES
        assert "\n" not in error.reason and str(error).isprintable(), repr(error)
    mine = [e for e in result.errors if case.name in e.source]
    if case.expect == "error":
        assert len(mine) == 1, result.errors
        assert case.reason in mine[0].reason
        assert not any(s.endswith(case.name) for s in sources)
    elif case.expect in ("kept", "warning"):
        assert any(case.name in s for s in sources), (sources, result.errors)
        assert all(s.isprintable() for s in sources)
        assert len(mine) == (1 if case.expect == "warning" else 0), mine
        if case.reason:
            assert case.reason in mine[0].reason
    else:  # skipped on purpose: Rashomon's own output folder
        assert not mine and not any(case.name in s for s in sources)


def test_stray_byte_is_replaced_not_a_reason_to_guess(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    result, _ = _run(next(c for c in CASES if c.name == "stray.txt"), folder)
    doc = next(d for d in result.documents if d.source.endswith("stray.txt"))
    assert "He’ll say “no” —" in doc.text and "\ufffd" in doc.text  # no mojibake


def test_a_fifo_is_never_opened(tmp_path):
    """ingest returns although nobody writes to the FIFO (opening it would block)."""
    folder = tmp_path / "in"
    folder.mkdir()
    result, seconds = _run(next(c for c in CASES if c.name == "pipe.txt"), folder)
    assert seconds < SECONDS


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
def test_unreadable_subfolder_is_reported(tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "x.txt").write_text(ARTICLE)
    (folder / "good.txt").write_text(ARTICLE.replace("town", "hill"))
    (folder / "locked").chmod(0)
    try:
        result = ingest_paths([folder])
    finally:
        (folder / "locked").chmod(0o755)
    assert [e.reason for e in result.errors] == ["unreadable folder: permission denied"]
    assert len(result.documents) == 1


def test_out_folder_equal_to_input_skips_only_rashomons_outputs(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "report.html").write_text(f"<html><body><p>{P2} Report.</p></body></html>")
    (tmp_path / "analysis.json").write_text('{"schema": "rashomon"}')
    result = ingest_paths([tmp_path], exclude=[tmp_path])
    assert [Path(d.source).name for d in result.documents] == ["good.txt"]
    assert result.errors == []
