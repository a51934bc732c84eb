"""Lines of a plain-text page back into the blocks a reader sees.

A page saved as text (``w3m -dump``, ``lynx -dump``, a browser's "Save as
text", a copy and paste) has lost its markup but kept its layout: paragraphs
hard-wrapped at a fixed width, list items behind a marker (``•``, ``*``,
``+``, ``□``), nesting as indentation, images and form fields as bracketed
placeholders (``[photo.jpg]``, ``[Sign Up]``, ``IFRAME: ...``). This module
undoes the wrapping and records the layout of each block, because layout is
the strongest language-independent evidence of what is article and what is
menu.

Unwrapping is decided by the width, not by the words: a line was broken by
the renderer when the next line's first word would not have fitted on it
(display width, so that CJK characters count two columns). Texts that were
never wrapped (one paragraph per line) have no common width and are left
alone. Nothing here uses a regular expression with nested quantifiers: every
pattern is anchored and runs in time linear in the line's length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .features import Line

# A list marker at the start of a line: bullets that w3m, lynx and browsers print.
BULLET_RE = re.compile(r"^(?:[•·◦▪▫■□●○◆◇►▶‣⁃*+\-–—]|\d{1,3}[.)])\s+(?=\S)")
BARE_BULLET_RE = re.compile(r"^[•·◦▪▫■□●○◆◇►▶‣⁃*+\-–—]$")
# Renderer placeholders: [image.jpg], [https://…], [ ], [Sign Up], IFRAME: …, (*), ( ).
PLACEHOLDER_RE = re.compile(
    r"\[[^\[\]]{0,200}\]|\((?:\*| |BUTTON|IMAGE|INLINE|IFRAME|EMBED|FORM|OBJECT|AUDIO|VIDEO)\)"
)
RENDERER_LINE_RE = re.compile(r"^(?:IFRAME|FRAME|IMAGE|Image|IMG|INLINE|EMBED):\s", re.I)
IMAGE_NAME_RE = re.compile(
    r"^\S{0,200}\.(?:jpe?g|png|gif|webp|svg|bmp|avif)(?:\?\S{0,200})?$", re.I
)


def display_width(text: str) -> int:
    """Columns a terminal gives ``text`` (East Asian wide characters count two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass
class Block:
    """One logical line: a paragraph, a list item, a heading or a menu entry."""

    text: str
    index: int  # position in the page, counted in blocks
    indent: int = 0
    bullet: bool = False
    gap_before: bool = False  # a blank line separates it from the block before
    placeholders: int = 0  # renderer placeholders removed from it
    wrapped: bool = False  # it was rejoined from several lines
    reason: str | None = None  # why it is not article text (None: kept so far)
    kind: str = ""  # what :mod:`body` took it for
    score: float = field(default=0.0, compare=False)

    @cached_property
    def line(self) -> Line:
        return Line(self.text)


def _wrap_width(widths: list[int]) -> int | None:
    """The column the renderer wrapped at, or None when the text is not wrapped.

    Wrapped text has many lines ending within a few columns of one width
    (the widest lines); unwrapped text has a ragged spread of lengths.
    """
    long = sorted(w for w in widths if w >= 30)
    if len(long) < 5:
        return None
    width = long[int(0.97 * (len(long) - 1))]
    near = sum(width - 12 <= w <= width for w in long)
    if width > 250 or near < max(3, 0.15 * len(long)):
        return None
    return width


def _strip_marker(line: str) -> tuple[str, bool]:
    m = BULLET_RE.match(line)
    if m:
        return line[m.end() :], True
    return line, False


def _continues(prev: str, prev_width: int, nxt: str, width: int | None) -> bool:
    """Whether ``nxt`` is the renderer's continuation of ``prev``."""
    if not nxt or BULLET_RE.match(nxt):
        return False
    if width is not None:
        first = nxt.split(" ", 1)[0]
        if prev_width + 1 + display_width(first) > width:
            return True
        # CJK text wraps between any two characters
        return prev_width >= width - 1 and not prev.isascii()
    # unwrapped text: only a line that plainly stops mid-sentence
    return bool(
        len(prev) >= 40
        and nxt[:1].islower()
        and not prev.rstrip().endswith((".", "!", "?", ":", "…", '"', "”"))
    )


def clean_placeholders(text: str) -> tuple[str, int]:
    """Remove renderer placeholders, returning the text and how many there were.

    A line made only of bracketed tokens is the renderer's (a form, an image
    strip); inside text, only tokens that cannot be an editor's insertion go:
    empty ones, image names, URLs and slugs ("[lazyload-p]"), so that
    "[W]e will" and "the [Senate] campaign" stay as printed.
    """
    if "[" not in text and "(" not in text:
        return text, 0
    found = PLACEHOLDER_RE.findall(text)
    if not found:
        return text, 0
    if not PLACEHOLDER_RE.sub("", text).strip():
        return "", len(found)
    drop = [p for p in found if not _is_prose_bracket(p)]
    if not drop:
        return text, 0
    out = PLACEHOLDER_RE.sub(lambda m: m.group(0) if _is_prose_bracket(m.group(0)) else " ", text)
    return re.sub(r"  +", " ", out).strip(), len(drop)


SLUG_RE = re.compile(r"^[\w.-]{1,200}$")


def _is_prose_bracket(token: str) -> bool:
    inner = token[1:-1].strip()
    if not inner or token.startswith("(") or inner.isupper() and token.startswith("("):
        return False
    if IMAGE_NAME_RE.match(inner) or inner.startswith(("http", "/", "www.")):
        return False
    slug = " " not in inner and SLUG_RE.match(inner) is not None
    return not (slug and any(c in inner for c in "_-0123456789"))


def split_blocks(text: str) -> list[Block]:
    """The page as blocks, wrapped lines rejoined, markers and placeholders noted."""
    raw = text.split("\n")
    stripped = [ln.strip() for ln in raw]
    widths = [display_width(ln.rstrip()) for ln in raw]
    width = _wrap_width(widths)
    blocks: list[Block] = []
    current: list[str] = []
    meta: dict[str, object] = {}
    prev_blank = True
    last_width = 0
    last_indent = 0

    def flush() -> None:
        if not current:
            return
        joined = " ".join(current)
        cleaned, count = clean_placeholders(joined)
        blocks.append(
            Block(
                cleaned,
                len(blocks),
                indent=int(meta["indent"]),
                bullet=bool(meta["bullet"]),
                gap_before=bool(meta["gap"]),
                placeholders=count,
                wrapped=len(current) > 1,
            )
        )
        current.clear()

    for ln, s, w in zip(raw, stripped, widths, strict=True):
        if not s:
            flush()
            prev_blank = True
            continue
        indent = len(ln) - len(ln.lstrip())
        body, bullet = _strip_marker(s)
        if (
            current
            and not bullet
            and abs(indent - last_indent) <= 6
            and _continues(current[-1], last_width, s, width)
        ):
            current.append(s)
            last_width = w
            continue
        flush()
        if BARE_BULLET_RE.match(s):  # a marker alone: the item's text (if any) follows
            prev_blank = False
            continue
        meta = {"indent": indent, "bullet": bullet, "gap": prev_blank}
        current.append(body.strip())
        last_width, last_indent = w, indent + (len(s) - len(body) if bullet else 0)
        prev_blank = False
    flush()
    return [b for b in blocks if b.text or b.placeholders]


def paragraph_blocks(text: str) -> list[Block]:
    """Blocks of text that is already an article (one per line, verbatim): no
    unwrapping, no marker or placeholder removal, since a numbered list item
    or a bracketed "[Wired]" there is the article's own text."""
    lines = (ln.strip() for ln in text.split("\n"))
    return [Block(ln, i) for i, ln in enumerate(ln for ln in lines if ln)]


def is_renderer_line(text: str) -> bool:
    """ "IFRAME: https://…", "photo.jpg": lines the renderer wrote, not the author."""
    return bool(RENDERER_LINE_RE.match(text) or IMAGE_NAME_RE.match(text.strip()))
