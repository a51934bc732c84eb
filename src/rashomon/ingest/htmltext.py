"""HTML to article text and metadata with trafilatura.

trafilatura finds the main content of a page better than anything we could
write, and reads title, author, site name and (through htmldate) the
publication date from ``<meta>`` tags, JSON-LD and the page itself. We call
it once per page in its ``fast`` mode (its own extraction without the
readability/jusText fallbacks, which measured better and faster on the
development half of the Article Extraction Benchmark) without comments, and
keep its text; the ``"extracted"`` cleaner then removes only what has
positive evidence of being page furniture (see :mod:`clean`). Every field is
recorded with ``trafilatura`` or ``htmldate`` as its method.

Inline ``data:`` URIs (base64 images of many megabytes) are cut out before
parsing: they carry no text, and lxml refuses text nodes over 10 MB, which
lost the whole page.
"""

from __future__ import annotations

import re

from .dates import normalise_date
from .decode import normalise
from .metadata import Meta

TAG_RE = re.compile(r"<\s{0,10}[a-zA-Z!]")
DATA_URI_RE = re.compile(r"data:[\w/+.-]{0,100};base64,[A-Za-z0-9+/=\s]{256,}")
EVIDENCE = "the page's <meta> tags, JSON-LD and markup"


class NoTextError(ValueError):
    """The page holds no extractable article text."""


def strip_data_uris(html: str) -> str:
    """Replace long inline base64 payloads with an empty ``data:`` URI."""
    if "base64," not in html:
        return html
    return DATA_URI_RE.sub("data:,", html)


def states_new_year(html: str, year: str) -> bool:
    """Whether the page really says January 1 of ``year``: htmldate falls back to
    YYYY-01-01 when it found only a year (a copyright line), which is no date."""
    pattern = (
        rf"{year}-01-01|{year}/01/01|01\.01\.{year}|Jan(?:uary)?\.? 1(?:st)?,? {year}"
        rf"|\b1(?:st)? Jan(?:uary)?,? {year}"
    )
    return re.search(pattern, html) is not None


def html_to_text(html: str) -> tuple[str, Meta]:
    """Main text (paragraphs separated by blank lines) and metadata."""
    import trafilatura  # heavy import, only when there is HTML to read

    if not TAG_RE.search(html[:100_000]):
        raise NoTextError("not HTML: no tags found")
    html = strip_data_uris(html)
    try:
        doc = trafilatura.bare_extraction(
            html, fast=True, include_comments=False, with_metadata=True
        )
    except (RecursionError, MemoryError):
        raise NoTextError("unparseable HTML (nested too deeply or too large)") from None
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise NoTextError(f"unparseable HTML ({type(exc).__name__})") from None
    text = ((doc.text if doc is not None else None) or "").strip()
    if not text:
        raise NoTextError("no extractable text in HTML")
    meta = Meta()
    meta.set("title", doc.title, "trafilatura", EVIDENCE, 0.9)
    meta.set("author", doc.author, "trafilatura", EVIDENCE, 0.8)
    outlet = doc.sitename or doc.hostname
    meta.set("outlet", outlet, "trafilatura", EVIDENCE, 0.8)
    date = normalise_date(doc.date)
    if date and (date[4:10] != "-01-01" or states_new_year(html, date[:4])):
        meta.set("published", date, "htmldate", EVIDENCE, 0.85)
    return re.sub(r"\n+", "\n\n", normalise(text)), meta
