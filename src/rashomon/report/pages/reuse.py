"""Copied passages: the list, and one pair side by side with the differences marked.

Differences are found word by word with :mod:`difflib` (the standard
library's longest-matching-blocks diff), so a light edit ("said" for
"stated", a dropped clause) shows as marked words on each side.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from rashomon.report.pages import PageContext, page_window
from rashomon.report.pages.format import snippet, source_label
from rashomon.store import queries

TOKEN = re.compile(r"\S+\s*|\s+")
CONTEXT = 160


def word_diff(a: str, b: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each text as segments ``{text, same}``: ``same`` false where the other text differs."""
    ta, tb = TOKEN.findall(a), TOKEN.findall(b)  # words with their trailing space
    key_a = [t.strip() for t in ta]
    key_b = [t.strip() for t in tb]
    matcher = difflib.SequenceMatcher(None, key_a, key_b, autojunk=False)
    side_a: list[dict[str, Any]] = []
    side_b: list[dict[str, Any]] = []

    def add(side: list[dict[str, Any]], tokens: list[str], same: bool) -> None:
        text = "".join(tokens)
        words = text.rstrip()
        pieces = (
            [(text, True)] if same or not words else [(words, False), (text[len(words) :], True)]
        )
        for piece, alike in pieces:
            if not piece:
                continue
            if side and side[-1]["same"] == alike:
                side[-1]["text"] += piece
            else:
                side.append({"text": piece, "same": alike})

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        same = op == "equal"
        add(side_a, ta[i1:i2], same or not "".join(ta[i1:i2]).strip())
        add(side_b, tb[j1:j2], same or not "".join(tb[j1:j2]).strip())
    return side_a, side_b


def _card(n: int, item: dict[str, Any], meta: dict[str, dict[str, Any]], text: str) -> dict:
    a, b = item["a"], item["b"]
    return {
        "index": n,
        "a": {"doc": a["doc"], "label": source_label(meta.get(a["doc"]), a["doc"])},
        "b": {"doc": b["doc"], "label": source_label(meta.get(b["doc"]), b["doc"])},
        "words": item.get("words"),
        "similarity": item.get("similarity"),
        "earlier": item.get("earlier"),
        "snippet": snippet(text, 180),
    }


def reuse_list(ctx: PageContext, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """One page of copied passages, longest first."""
    window = list(enumerate(ctx.index.reuse))[offset : offset + limit]
    found = queries.items(ctx.db, [r[0] for _, r in window])
    docs = [d for item in found for d in (item["a"]["doc"], item["b"]["doc"])]
    meta = queries.documents_meta(ctx.db, docs)
    texts = queries.texts(ctx.db, [item["a"]["doc"] for item in found]) if found else {}
    cards = []
    for (n, _), item in zip(window, found, strict=False):
        a = item["a"]
        cards.append(_card(n, item, meta, texts.get(a["doc"], "")[a["start"] : a["end"]]))
    return {"items": cards, **page_window(len(ctx.index.reuse), offset, limit)}


def reuse_page(ctx: PageContext, n: int) -> dict[str, Any] | None:
    """One copied passage: both sides with context, differences marked, the direction."""
    if not 0 <= n < len(ctx.index.reuse):
        return None
    found = queries.items(ctx.db, [ctx.index.reuse[n][0]])
    if not found:
        return None
    item = found[0]
    a, b = item["a"], item["b"]
    texts = queries.texts(ctx.db, [a["doc"], b["doc"]])
    meta = queries.documents_meta(ctx.db, [a["doc"], b["doc"]])
    text_a, text_b = texts.get(a["doc"], ""), texts.get(b["doc"], "")
    diff_a, diff_b = word_diff(text_a[a["start"] : a["end"]], text_b[b["start"] : b["end"]])
    card = _card(n, item, meta, text_a[a["start"] : a["end"]])
    for side, passage, text, diff in (("a", a, text_a, diff_a), ("b", b, text_b, diff_b)):
        card[side].update(
            {
                "start": passage["start"],
                "end": passage["end"],
                "before": text[max(0, passage["start"] - CONTEXT) : passage["start"]],
                "after": text[passage["end"] : passage["end"] + CONTEXT],
                "segments": diff,
                "published": (meta.get(passage["doc"]) or {}).get("published"),
                "title": (meta.get(passage["doc"]) or {}).get("title"),
            }
        )
    earlier = item.get("earlier")
    if earlier is None:
        card["direction"] = "order unknown (no dates, or the same day)"
    else:
        first = card["a"] if earlier == a["doc"] else card["b"]
        later = card["b"] if first is card["a"] else card["a"]
        card["direction"] = f"{first['label']} published first; {later['label']} copied it"
    return card
