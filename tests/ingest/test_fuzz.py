"""Fuzzing the ingest entry points: any input gives documents or error lines, never an exception.

A bounded number of examples per property keeps the suite fast; the
strategies lean towards what broke before (surrogates, deep nesting, huge
integers, malformed URLs, control characters, odd bytes).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.ingest import ingest_paths
from rashomon.ingest.articles import ArticleError, article_from_json
from rashomon.ingest.clean import clean_text
from rashomon.ingest.decode import DecodeError, decode
from rashomon.ingest.readers import READERS, RawDoc, read_json, read_jsonl
from rashomon.model import IngestError

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TRICKY = st.sampled_from(
    ["\ud800", "http://[::1", "\x00", "\u202e", "[/red]", "By AandAand!", "Born 11 March 1957",
     "© 2019", "\n\n", "*a ", "[", "A.A.A.", "2019-02-30", "Published: May 4, 2021", "日本語"]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=40), TRICKY), max_size=12).map("".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["text", "title", "date", "url", "authors", "source", "maintext", "x"]),
            children,
            max_size=5,
        )
    ),
    max_leaves=12,
)
WORD_RE = re.compile(r"\w+")


def _is_result(out: object) -> bool:
    return isinstance(out, RawDoc | IngestError)


@FAST
@given(st.binary(max_size=400))
def test_decode_gives_text_or_a_reason(data):
    try:
        decoded = decode(data)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        decoded.text.encode("utf-8")  # always storable


@FAST
@given(st.lists(st.one_of(JSON.map(json.dumps), TEXT), max_size=6))
def test_jsonl_reader_never_raises(lines):
    out = read_jsonl("\n".join(lines), "f.jsonl", Path("f.jsonl"))
    assert all(_is_result(o) for o in out)
    for doc in (o for o in out if isinstance(o, RawDoc)):
        doc.text.encode("utf-8")


@FAST
@given(JSON)
def test_json_reader_and_article_mapping_never_raise(value):
    out = read_json(json.dumps(value), "f.json", Path("f.json"))
    assert out and all(_is_result(o) for o in out)
    try:
        article = article_from_json(value, "f.json")
    except ArticleError as exc:
        assert "\n" not in str(exc)
    else:
        assert article.text.strip()
        for source in article.meta.sources.values():
            assert source.method.startswith("json:")


@FAST
@given(TEXT, st.sampled_from(["page", "extracted"]))
def test_cleaners_remove_and_never_invent(text, kind):
    text = text.encode("utf-8", "replace").decode("utf-8")
    cleaned = clean_text(text, kind=kind)
    source_words = set(WORD_RE.findall(text))
    assert set(WORD_RE.findall(cleaned.text)) <= source_words


@FAST
@given(st.binary(max_size=300), st.sampled_from(sorted(READERS)))
def test_ingest_paths_on_any_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"input{suffix}").write_bytes(data)
        result = ingest_paths([folder])
    for error in result.errors:
        assert error.stage in {"read", "decode", "parse", "clean"}
        assert error.reason and "\n" not in error.reason
    for doc in result.documents:
        assert doc.text.strip()
        assert {f.field for f in doc.provenance} == {
            name for name in ("title", "outlet", "author", "published") if getattr(doc, name)
        }
