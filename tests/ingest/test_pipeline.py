"""ingest_paths end to end: folders, bad inputs, duplicates, ids."""

import os
import sys

import pytest

from rashomon.ingest import MAX_BYTES, IngestResult, document_id, ingest_paths

P1 = "Government forces retook the northern town on Sunday after three days of fighting."
P2 = "The United Nations called for an immediate ceasefire and access for aid convoys."
P3 = "Opposition leaders accused the army of shelling residential areas, which it denied."


def _errors(result: IngestResult) -> dict[str, str]:
    return {os.path.basename(e.source): e.reason for e in result.errors}


def test_folder_walk_sorted_recursive_hidden_reported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(f"{P2}\n\n{P3}")
    (tmp_path / "a.txt").write_text(f"{P1}\n\n{P3}")
    (tmp_path / ".hidden.txt").write_text(f"{P1} hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(P2)
    result = ingest_paths([tmp_path])
    assert [d.source for d in result.documents] == [
        str(tmp_path / "a.txt"),
        os.path.join(str(tmp_path), "b", "two.txt"),
    ]
    assert {(os.path.basename(e.source), e.reason) for e in result.errors} == {
        (".hidden.txt", "skipped: hidden file"),
        (".git", "skipped: hidden folder"),
    }
    assert result.duplicates == []
    doc = result.documents[0]
    assert doc.id == document_id(doc.text) and doc.id.startswith("d") and len(doc.id) == 13
    assert doc.language == "en"


def test_duplicates_stored_once(tmp_path):
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(f"Share this\n\n{P1}\n\n{P2}\n")
    (tmp_path / "three.md").write_text(f"# Title\n\n{P1}\n\n{P2}\n")
    result = ingest_paths([tmp_path])
    assert len(result.documents) == 1
    first = result.documents[0]
    assert result.duplicates == [
        {"source": str(tmp_path / "three.md"), "duplicate_of": first.id},
        {"source": str(tmp_path / "two.txt"), "duplicate_of": first.id},
    ]


def test_ids_are_stable_across_runs(tmp_path):
    (tmp_path / "a.txt").write_text(f"{P1}\n\n{P2}")
    assert ingest_paths([tmp_path]).documents[0].id == ingest_paths([tmp_path]).documents[0].id


def test_every_bad_input_gives_one_error_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(f"{P1}\n\n{P2}")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "big.txt").write_text(P1 * 40)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>")
    (tmp_path / "garbage.txt").write_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d")
    (tmp_path / "feed.jsonl").write_text(f'{{"text": "{P3}"}}\n{{"text": oops}}\n{{"url": "x"}}\n')
    result = ingest_paths([tmp_path, tmp_path / "nope.txt"], max_bytes=3000)
    errors = _errors(result)
    assert errors == {
        "binary.txt": "binary file (NUL bytes)",
        "big.txt": "too large: 0.0 MB > 0.003 MB limit",
        "blank.txt": "empty file (whitespace only)",
        "broken.txt": "unreadable: broken symlink",
        "dir.txt": "unreadable: is a directory",
        "empty.html": "no extractable text in HTML",
        "empty.txt": "empty file",
        "feed.jsonl#line 2": "line 2: invalid JSON: Expecting value at character 9",
        "feed.jsonl#line 3": errors["feed.jsonl#line 3"],
        "garbage.txt": errors["garbage.txt"],
        "nope.txt": "unreadable: no such file or folder",
        "report.pdf": "unsupported file type .pdf",
    }
    assert errors["garbage.txt"].startswith("undecodable bytes")
    assert errors["feed.jsonl#line 3"].startswith("line 3: no article text")
    assert all("\n" not in reason for reason in errors.values())
    assert sorted(d.source.rsplit(os.sep, 1)[-1] for d in result.documents) == [
        "feed.jsonl#line 1",
        "good.txt",
    ]


def test_size_message_in_megabytes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2_600_000)
    assert _errors(ingest_paths([big], max_bytes=2_000_000)) == {
        "big.txt": "too large: 2.6 MB > 2 MB limit"
    }
    assert MAX_BYTES == 20_000_000


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(P1)
    locked.chmod(0)
    try:
        assert _errors(ingest_paths([locked])) == {"locked.txt": "unreadable: permission denied"}
    finally:
        locked.chmod(0o644)


def test_encodings_end_to_end(tmp_path):
    ru = "Москва заявила, что переговоры продолжатся на следующей неделе в Женеве."
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + f"{P1}\r\n\r\n{P2}".encode())
    (tmp_path / "utf16.txt").write_bytes(f"“{P2}”\n\n{P3}".encode("utf-16"))
    (tmp_path / "cp1252.txt").write_bytes(f"Café owners said it’s over.\n\n{P3}".encode("cp1252"))
    (tmp_path / "ru.txt").write_bytes(ru.encode("cp1251"))
    docs = {os.path.basename(d.source): d for d in ingest_paths([tmp_path]).documents}
    assert docs["bom.txt"].text == f"{P1}\n\n{P2}"
    assert docs["utf16.txt"].text.startswith(f"“{P2}”")
    assert docs["cp1252.txt"].text.startswith("Café owners said it’s over.")
    assert docs["ru.txt"].text == ru and docs["ru.txt"].language == "ru"


def test_html_and_jsonl_metadata_end_to_end(tmp_path):
    (tmp_path / "page.htm").write_text(
        "<html><head><title>Town retaken</title>"
        '<meta property="og:site_name" content="Daily Example"></head><body><article>'
        f"<h1>Town retaken</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>Share this story</p>"
        "</article></body></html>"
    )
    (tmp_path / "feed.jsonl").write_text(
        f'{{"text": "{P2}\\n\\n{P3}", "url": "https://www.example.org/x", "title": "T"}}\n'
    )
    docs = {d.source.rsplit(os.sep, 1)[-1]: d for d in ingest_paths([tmp_path]).documents}
    page = docs["page.htm"]
    assert page.title == "Town retaken" and page.outlet == "Daily Example"
    assert page.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert [(r.text, r.reason) for r in page.boilerplate] == [
        ("Town retaken", "metadata"),
        ("Share this story", "share-prompt"),
    ]
    feed = docs["feed.jsonl#line 1"]
    assert (feed.outlet, feed.title, feed.published) == ("example.org", "T", None)


def test_template_lines_across_a_folder(tmp_path):
    chrome = "Morning Ledger\nSubscribe | Newsletters | Podcasts\n"
    footer = "\nFollow the Ledger on Mastodon\nLedger Media Group 2019\n"
    for i, body in enumerate([P1, P2, P3]):
        (tmp_path / f"{i}.txt").write_text(f"{chrome}\n{body}\n\nHe denied it.\n{footer}")
    docs = ingest_paths([tmp_path]).documents
    assert [d.text for d in docs] == [f"{b}\n\nHe denied it." for b in (P1, P2, P3)]
    assert all(d.outlet == "Morning Ledger" for d in docs)
    reasons = {r.reason for d in docs for r in d.boilerplate}
    assert "cross-document-template" in reasons
