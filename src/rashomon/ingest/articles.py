"""JSON article objects: the fields that news tools write, mapped to one record.

news-please writes ``maintext``, ``date_publish``, ``source_domain`` and
``authors``; trafilatura's JSON has ``text``, ``date``, ``sitename``,
``hostname`` and ``source`` (the URL); BASIL articles have
``body-paragraphs`` (paragraphs of sentences), ``date`` and ``source`` (an
outlet code); hand-written JSONL often uses ``text``, ``published`` and
``outlet``. :func:`article_from_json` takes any of them. Each field found is
recorded with method ``json:<key>`` and rank "input": the input's own
fields win over anything read from the text, and lose only to ``--meta``
overrides.

Values are checked before use: strings with lone surrogates (``"\\ud800"``,
which cannot be stored as UTF-8), bodies that are not text, and URLs that do
not parse become one clear reason instead of an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .dates import normalise_date
from .metadata import Meta

TEXT_KEYS = (
    "text", "maintext", "body", "articleBody", "article_body", "content", "body-paragraphs",
    "paragraphs", "raw_text", "article", "full_text", "fulltext",
)  # fmt: skip
TITLE_KEYS = ("title", "headline", "title_page", "title_rss", "name")
DATE_KEYS = (
    "published", "date_publish", "datePublished", "date_published", "published_at",
    "publish_date", "pubdate", "publication_date", "date", "dateCreated",
)  # fmt: skip
OUTLET_KEYS = (
    "outlet", "sitename", "site_name", "publisher", "source_domain", "source", "site",
    "hostname", "source-hostname", "domain",
)  # fmt: skip
URL_KEYS = ("url", "link", "canonical_url", "source_url", "uri")
AUTHOR_KEYS = ("authors", "author", "byline", "creator")
MAX_FIELD = 500  # characters of a metadata value kept


class ArticleError(ValueError):
    """A JSON value that is not an article, with a one-line reason."""


@dataclass
class Article:
    text: str
    meta: Meta
    warnings: list[str] = field(default_factory=list)  # kept, but worth a line


def check_text(value: str, key: str) -> str:
    """``value`` unless it holds lone surrogates (not representable in UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = value[exc.start]
        raise ArticleError(f"field {key!r} holds a lone surrogate (\\u{ord(bad):04x})") from None
    return value


def _paragraphs(value: object) -> str | None:
    """A body given as a list of paragraphs (each a string or a list of sentences)."""
    if not isinstance(value, list):
        return None
    out = []
    for item in value[:100_000]:
        if isinstance(item, str):
            out.append(item.strip())
        elif isinstance(item, list):
            out.append(" ".join(s.strip() for s in item if isinstance(s, str)))
        else:
            return None
    return "\n\n".join(p for p in out if p)


def _body(record: dict) -> tuple[str, str] | None:
    for key in TEXT_KEYS:
        value = record.get(key)
        text = value if isinstance(value, str) else _paragraphs(value)
        if text and text.strip():
            return check_text(text, key), key
    return None


def _string(record: dict, key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, list):
        names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
        value = ", ".join(names) if names else None
    elif isinstance(value, dict):  # JSON-LD: {"@type": "Person", "name": "..."}
        value = value.get("name") if isinstance(value.get("name"), str) else None
    if not isinstance(value, str) or not value.strip():
        return None
    return check_text(value.strip(), key)[:MAX_FIELD]


def outlet_from_url(url: str) -> str | None:
    """ "https://www.example.co.uk/a/b" -> "example.co.uk"; None for what does not parse."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # "http://[::1" and other malformed netlocs
        return None
    host = host.removeprefix("www.")
    return host or None


def _looks_like_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def article_from_json(record: object, source: str) -> Article:
    """The article in a decoded JSON value, or :class:`ArticleError`."""
    if not isinstance(record, dict):
        raise ArticleError("not a JSON object")
    found = _body(record)
    if found is None:
        raise ArticleError("no article text (none of: " + ", ".join(TEXT_KEYS[:5]) + ", …)")
    text, _ = found
    meta = Meta()

    def put(name: str, key: str, value: str | None) -> None:
        meta.set(name, value, f"json:{key}", f"{key}: {value}", 1.0, "input")

    for key in TITLE_KEYS:
        if meta.title is None and (value := _string(record, key)):
            put("title", key, value)
    for key in AUTHOR_KEYS:
        if meta.author is None and (value := _string(record, key)):
            put("author", key, value)
    for key in DATE_KEYS:
        value = _string(record, key)
        if meta.published is None and value and (iso := normalise_date(value)):
            meta.set("published", iso, f"json:{key}", f"{key}: {value}", 1.0, "input")
    url = next((v for k in URL_KEYS if (v := _string(record, k))), None)
    for key in OUTLET_KEYS:
        value = _string(record, key)
        if meta.outlet is not None or not value:
            continue
        if _looks_like_url(value):  # trafilatura's "source" is the page's URL
            url = url or value
            continue
        put("outlet", key, value.removeprefix("www."))
    warnings = []
    if url and (host := outlet_from_url(url)) is None:
        warnings.append(f"url {url[:60]!r} does not parse (document kept, no outlet from it)")
    if meta.outlet is None and url and host:
        meta.set("outlet", host, "json:url", f"url: {url}", 0.9, "input")
    return Article(text, meta, warnings)
