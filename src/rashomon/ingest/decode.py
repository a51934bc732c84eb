"""Bytes to clean Unicode text.

Files saved from the web arrive in every encoding a browser or a word
processor could produce: UTF-8 with or without a BOM, UTF-16 from Windows
tools, cp1252 from old CMSs, cp1251 or cp1256 from Russian or Arabic sites.
We decode in order of certainty (BOM, strict UTF-8, UTF-8 with a few stray
bytes replaced and reported, a Latin-plausibility check for cp1252, then
``charset_normalizer``, which also knows GB18030, Shift-JIS and EUC-KR) and refuse bytes
that do not look like text at all, so that later stages only ever see text.
Everything is normalised the same way (``\\n`` newlines, NFC, no stray
controls) because every offset downstream points into this text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

try:  # a dependency of trafilatura/requests; optional for us
    import charset_normalizer
except ImportError:  # pragma: no cover - exercised only without the package
    charset_normalizer = None


class DecodeError(ValueError):
    """Raised with a one-line reason when bytes are not usable text."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# cp1252 punctuation that real Latin text uses in the 0x80-0x9F range
_CP1252_PUNCT = set("‘’“”–—…€•™‚„†‡ˆ‰‹›˜šžŠŽœŒŸƒ")
_DROP_CHARS = dict.fromkeys(map(ord, "\u200b\ufeff\u00ad\u2060"), None)
_SPACE_CHARS = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\t\v\f"), " ")
_BINARY_BYTES_RE = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM shows NULs in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    if odd.count(0) > 0.4 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_cp1252(data: bytes) -> bool:
    """True when cp1252 yields Latin text: few non-ASCII bytes, all letters or
    typographic punctuation. Cyrillic or Arabic single-byte text fails this
    because nearly every letter is non-ASCII."""
    high = sum(1 for b in data if b >= 0x80)
    if high == 0:
        return True
    letters = sum(1 for b in data if 0x41 <= (b | 0x20) <= 0x7A)
    if high > 0.5 * max(letters, 1):
        return False
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return all(
        ch.isalpha() or ch in _CP1252_PUNCT or ch in "«»°±²³´µ·¹º¼½¾¿×÷¡¢£¤¥¦§¨©ª¬®¯¶¸"
        for ch in text
        if ord(ch) >= 0x80
    )


def _guess_encoding(data: bytes) -> str:
    if _looks_cp1252(data):
        return "cp1252"
    if charset_normalizer is None:
        return "cp1252"  # the garbage check in decode_bytes still applies
    best = charset_normalizer.from_bytes(data).best()
    if best is None or not best.encoding or best.chaos > 0.1:
        raise DecodeError("undecodable bytes (not UTF-8, UTF-16 or a known single-byte encoding)")
    return best.encoding


def normalise(text: str) -> str:
    """Newlines to ``\\n``, NFC, no zero-width junk, spaces trimmed per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    for ch in _DROP_CHARS:  # str.replace is far faster than str.translate on long text
        if chr(ch) in text:
            text = text.replace(chr(ch), "")
    for ch in _SPACE_CHARS:
        if chr(ch) in text:
            text = text.replace(chr(ch), " ")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = _CONTROL_RE.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# A well-formed multibyte UTF-8 sequence (RFC 3629), for telling UTF-8 with a
# stray byte from a single-byte encoding.
UTF8_SEQUENCE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
STRAY_SHARE = 0.02  # at most this share of the non-ASCII bytes may be broken


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None  # e.g. "replaced 1 invalid UTF-8 byte"


def _mostly_utf8(data: bytes) -> int | None:
    """Number of invalid bytes when ``data`` is UTF-8 with a few stray bytes, else None."""
    sequences = UTF8_SEQUENCE_RE.findall(data)
    if not sequences:
        return None
    high = sum(1 for b in data if b >= 0x80)
    valid = sum(len(s) for s in sequences)
    invalid = high - valid
    return invalid if invalid <= max(3, STRAY_SHARE * high) else None


def decode(data: bytes, normalised: bool = True) -> Decoded:
    """Decode ``data`` or raise :class:`DecodeError`.

    A few bytes that break otherwise valid UTF-8 are replaced (U+FFFD) and
    reported in ``warning``; they are never a reason to guess another
    encoding, which would garble every other non-ASCII character.
    The text is normalised (see :func:`normalise`) unless ``normalised`` is
    False (markup, whose parser normalises what it keeps); emptiness is the
    caller's business because "empty" is reported differently from "undecodable".
    """
    encoding = None
    warning = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    if encoding is None:
        encoding = _utf16_without_bom(data)
    if encoding is None:
        if b"\x00" in data:
            raise DecodeError("binary file (NUL bytes)")
        if len(_BINARY_BYTES_RE.findall(data)) > 0.05 * len(data):
            raise DecodeError("binary file (control characters)")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            stray = _mostly_utf8(data)
            if stray is not None:
                text = data.decode("utf-8", errors="replace")
                encoding = "utf-8"
                plural = "s" if stray != 1 else ""
                warning = f"replaced {stray} invalid UTF-8 byte{plural} with U+FFFD (document kept)"
            else:
                encoding = _guess_encoding(data)
                text = data.decode(encoding, errors="replace")
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"undecodable bytes ({encoding}: {exc.reason})") from None
    if "\x00" in text:
        raise DecodeError("binary file (NUL bytes)")
    controls = len(_CONTROL_RE.findall(text)) + text.count("\ufffd")
    if text and controls > 0.05 * len(text):
        if encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            raise DecodeError("binary file (control characters)")
        raise DecodeError(f"undecodable bytes (not UTF-8; best guess {encoding} gives garbage)")
    return Decoded(normalise(text) if normalised else text, encoding, warning)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of ``data`` (see :func:`decode`)."""
    decoded = decode(data)
    return decoded.text, decoded.encoding
