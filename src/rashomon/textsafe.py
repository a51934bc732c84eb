"""Strings from documents and file names, made safe to show in a terminal or a page.

A file name or a stored string is data, never instructions: it must not set a
terminal's title, clear its screen, reorder the line around it or be read as
rich markup. :func:`visible` turns every control, bidi and line-separator
character into a visible escape (``\\x1b``, ``\\u202e``; a byte that was not
valid UTF-8 in a file name comes back as the ``\\xe9`` it was), so what a user
reads is what the string holds. :func:`one_line` does the same for newlines,
for error lines that must stay one line. :func:`markup_safe` and
:func:`html_safe` add rich's and HTML's escaping on top.

:class:`SafeConsole` is the last line of defence for a whole command: markup is
off (a string is printed as it is: ``[bold]x.txt`` stays those characters) and
any control or bidi character left in what it renders is dropped before it
reaches the terminal, whichever code built the table.

Why by hand: rich escapes markup but passes ESC and bidi overrides through, and
the standard library has no terminal escaping; the character set is small.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.markup import escape as escape_markup
from rich.segment import Segment
from rich.text import Text

# C0 controls except tab and newline, DEL and C1, bidi embeddings, overrides,
# isolates and marks, the line and paragraph separators, BOM, and lone surrogates.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
LINE_BREAKS = re.compile("[\t\n\r]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, bidi and separator character as a visible escape."""
    return UNSAFE.sub(_escape_char, text)


def one_line(text: str) -> str:
    """:func:`visible`, and tabs and line breaks escaped too: for a one-line message."""
    return LINE_BREAKS.sub(_escape_char, visible(text))


def markup_safe(text: str) -> str:
    """A string to put inside rich markup: shown as written, never styling."""
    return escape_markup(visible(text))


def plain(text: str, style: str = "") -> Text:
    """A rich :class:`Text` of ``text`` (no markup), controls made visible."""
    return Text(visible(text), style=style)


def html_safe(text: str) -> str:
    """``text`` for an HTML page: HTML-escaped, controls and bidi overrides made visible."""
    return html.escape(visible(text))


def storable(text: str) -> str:
    """``text`` encodable as UTF-8, same length: each lone surrogate becomes U+FFFD.

    Offsets into the text stay valid, since one character replaces one.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return re.sub("[\ud800-\udfff]", "\ufffd", text)
    return text


class SafeConsole(Console):
    """A rich console that prints data as data (see the module docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)
        kwargs.setdefault("highlight", False)
        super().__init__(**kwargs)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and UNSAFE.search(segment.text):
                # Zero-width characters: dropping them keeps every column in place.
                yield Segment(UNSAFE.sub("", segment.text), segment.style)
            else:
                yield segment
