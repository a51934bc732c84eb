"""The pages' shell and ``report.html``, the static report.

Both draw the same views with the same scripts (``assets/js``) from the same
page data (:mod:`rashomon.report.pages`): the server's shell loads the
scripts from ``/assets`` and the data from ``/api``; ``report.html`` inlines
the scripts, the styles and the data (see :mod:`rashomon.report.static_site`),
so it opens offline from a file and can be mailed. For a reader whose mail
program runs no script, a ``<noscript>`` part keeps each document's text with
its names, dates and numbers marked.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rashomon.model import Analysis
from rashomon.report.pages.format import quantity_label, time_label
from rashomon.textsafe import html_safe as escape

ASSET_DIR = Path(__file__).resolve().parent / "assets"
STYLES = ["vendor/uplot/uPlot.min.css", "app.css"]
SCRIPTS = [
    "vendor/uplot/uPlot.iife.min.js",
    *(
        f"js/{name}.js"
        for name in (
            "core",
            "charts",
            "overview",
            "event",
            "entity",
            "document",
            "reuse",
            "search",
            "add",
            "main",
        )
    ),
]
MEDIA = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
# Served name -> (file, media type): the only files the server ever reads for a request.
ASSETS: dict[str, tuple[Path, str]] = {
    Path(name).name: (ASSET_DIR / name, MEDIA[Path(name).suffix]) for name in STYLES + SCRIPTS
}
HEAD = (
    "<!doctype html><html lang=en><head><meta charset=utf-8>"
    "<meta name=viewport content='width=device-width,initial-scale=1'>"
    "<link rel=icon href='data:,'><title>{title}</title>"
)
BODY = (
    "<body><header class=site><a class=brand href='#/'>Rashomon</a><nav id=nav></nav>"
    "<span id=mode class=mode></span></header><main id=main aria-live=polite></main>"
)


def app_shell() -> str:
    """The server's page: the styles and scripts by URL; the data comes from /api."""
    styles = "".join(f"<link rel=stylesheet href='assets/{Path(s).name}'>" for s in STYLES)
    scripts = "".join(f"<script src='assets/{Path(s).name}'></script>" for s in SCRIPTS)
    return HEAD.format(title="Rashomon") + styles + "</head>" + BODY + scripts + "</body></html>"


def inline_asset(name: str) -> str:
    text = (ASSET_DIR / name).read_text("utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{name}: cannot be inlined (contains a closing tag)")
    return text


def embedded_json(data: str) -> str:
    """JSON made safe inside <script>: no "</script>", "<!--" or line separators survive."""
    return (
        data.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def highlighted_text(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` with non-overlapping ``(start, end, css class, title)`` spans marked."""
    out: list[str] = []
    cursor = 0
    for start, end, css, title in sorted(spans):
        if start < cursor or end > len(text):
            continue  # overlaps an earlier, higher-priority mark
        out.append(escape(text[cursor:start]))
        out.append(f'<mark class="{css}" title="{escape(title)}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


NOSCRIPT_TEXTS = 200


def noscript_documents(analysis: Analysis) -> str:
    """The page without script: the first documents' texts with names, dates and numbers
    marked, the others by title (a mail preview shows this part)."""
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for t in analysis.times:
        spans[t.doc].append(
            (t.start, t.end, "time", time_label({"type": t.type, "value": t.value}))
        )
    for q in analysis.quantities:
        spans[q.doc].append(
            (
                q.start,
                q.end,
                "quantity",
                quantity_label(
                    {
                        "value": q.value,
                        "low": q.low,
                        "high": q.high,
                        "approximate": q.approximate,
                        "unit": q.unit,
                        "counted": q.counted,
                    }
                ),
            )
        )
    for entity in analysis.entities:
        for m in entity.mentions:
            spans[m.doc].append((m.start, m.end, entity.type, f"{entity.type}: {entity.name}"))
    sections = ["<p>Open this file in a web browser with JavaScript for the full report.</p>"]
    for n, d in enumerate(analysis.documents):
        meta = " · ".join(escape(p) for p in (d.outlet, d.author, d.published, d.source) if p)
        body = (
            f"<div class=doc-text>{highlighted_text(d.text, spans[d.id])}</div>"
            if n < NOSCRIPT_TEXTS
            else ""
        )
        sections.append(
            f"<section class=doc><h2>{escape(d.title or d.id)}</h2><p>{meta}</p>{body}</section>"
        )
    return "<noscript>" + "".join(sections) + "</noscript>"


def render_html(analysis: Analysis, words: dict[str, int] | None = None) -> str:
    """The whole static report as one string."""
    from rashomon.report.static_site import static_data

    data = static_data(analysis, words or {})
    styles = "".join(f"<style>{inline_asset(s)}</style>" for s in STYLES)
    scripts = "".join(f"<script>{inline_asset(s)}</script>" for s in SCRIPTS)
    return (
        HEAD.format(title="Rashomon report")
        + styles
        + "</head>"
        + BODY
        + noscript_documents(analysis)
        + f"<script type=application/json id=rashomon-data>{embedded_json(data)}</script>"
        + scripts
        + "</body></html>"
    )


def write_html(analysis: Analysis, path: str | Path, words: dict[str, int] | None = None) -> None:
    Path(path).write_text(render_html(analysis, words), encoding="utf-8")
