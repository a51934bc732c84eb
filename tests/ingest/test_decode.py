"""Decoding: every encoding we promise, and refusal of non-text."""

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.ingest.decode import DecodeError, decode_bytes

TEXT = "He said “no” — it’s over. Café naïve, 5 €."


def test_utf8_and_bom():
    assert decode_bytes(TEXT.encode("utf-8"))[0] == TEXT
    text, enc = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert text == TEXT and not text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding):
    data = TEXT.encode(encoding)
    if encoding != "utf-16":
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        assert decode_bytes(bom + data)[0] == TEXT
    assert decode_bytes(data)[0] == TEXT


def test_cp1252_and_latin1():
    assert decode_bytes(TEXT.encode("cp1252")) == (TEXT, "cp1252")
    assert decode_bytes("Résumé of the café owner.".encode("latin-1"))[0] == (
        "Résumé of the café owner."
    )


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Москва заявила, что переговоры продолжатся на следующей неделе в Женеве.", "cp1251"),
        ("قالت الحكومة إن المحادثات ستستمر الأسبوع المقبل في جنيف.", "utf-8"),
        ("دولت اعلام کرد که گفتگوها هفته آینده در ژنو ادامه می‌یابد.", "utf-8"),
    ],
)
def test_non_latin_scripts_intact(text, encoding):
    assert decode_bytes(text.encode(encoding))[0] == text


def test_newlines_nfc_and_zero_width():
    raw = "Line one\r\nLine two\rCafe\u0301\u200b end  \n"
    assert decode_bytes(raw.encode())[0] == "Line one\nLine two\nCafé end"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04\x00\x00binary\x00zip", "binary file (NUL bytes)"),
        (bytes(range(1, 32)) * 20, "binary file (control characters)"),
        (b"caf\xe9 \x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d", "undecodable"),
    ],
)
def test_refuses_non_text(data, reason):
    with pytest.raises(DecodeError, match=reason.split(" (")[0]):
        decode_bytes(data)


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf")),
    min_size=1,
)


@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_round_trip(text, encoding):
    """Any printable Unicode text survives encoding and decoding, up to the
    documented normalisation (NFC, trimmed line ends)."""
    from rashomon.ingest.decode import normalise

    assert decode_bytes(text.encode(encoding))[0] == normalise(text)
