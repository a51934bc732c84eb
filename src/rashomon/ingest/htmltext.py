"""HTML to article text and metadata with trafilatura.

trafilatura already finds the main content and drops most navigation, and
reads title, author, date and site name from ``<meta>`` tags and JSON-LD. Its
output still contains chrome that sits inside the article element (share
prompts, captions, teaser lists), so the result is passed through the same
plain-text cleaner as ``.txt`` files afterwards.
"""

from __future__ import annotations

import json
import re

from .dates import normalise_date
from .metadata import Meta


class NoTextError(ValueError):
    """The page holds no extractable article text."""


def html_to_text(html: str) -> tuple[str, Meta]:
    """Main text (paragraphs separated by blank lines) and metadata."""
    import trafilatura  # heavy import, only when there is HTML to read

    if not re.search(r"<\s*[a-zA-Z!]", html):
        raise NoTextError("not HTML: no tags found")
    try:
        raw = trafilatura.extract(
            html,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise NoTextError(f"unparseable HTML ({type(exc).__name__})") from None
    data = json.loads(raw) if raw else {}
    text = (data.get("text") or "").strip()
    if not text:
        raise NoTextError("no extractable text in HTML")
    meta = Meta(
        title=data.get("title") or None,
        outlet=data.get("sitename") or data.get("source-hostname") or data.get("hostname") or None,
        author=data.get("author") or None,
        published=normalise_date(data.get("date")),
    )
    return re.sub(r"\n+", "\n\n", text), meta
