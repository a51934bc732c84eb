"""Markdown to plain text: keep the words, drop the markup.

Articles saved as Markdown (by read-later apps, static-site exports, or
clippers) carry links, emphasis and images that would pollute offsets and
word counts. We strip markup with a few line-level regexes rather than a
Markdown parser: the goal is readable text, not faithful rendering. The first
heading (or a ``title:`` in YAML front matter) is the title.

Every inline pattern has bounded repetitions (an emphasis or a link spans at
most a few hundred characters), so a line of 150 KB of ``*a `` or of ``[`` is
processed in linear time instead of the quadratic scan an unbounded ``.+?``
makes when no closing mark comes.
"""

from __future__ import annotations

import re

from .dates import normalise_date
from .metadata import Meta

FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
RULE_RE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
LINK_DEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_INLINE = (
    (re.compile(r"!\[[^\]]{0,300}\]\([^)]{0,500}\)|!\[[^\]]{0,300}\]\[[^\]]{0,100}\]"), ""),
    (re.compile(r"\[([^\[\]]{1,300})\]\([^)]{0,500}\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\[\]]{1,300})\]\[[^\]]{0,100}\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>]{1,500})>"), r"\1"),  # autolinks
    (re.compile(r"</?[a-zA-Z][^>]{0,500}>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<![\w_])_(?=\S)([^_]{1,300}?)(?<=\S)_(?![\w_])"), r"\1"),  # _em_
    (re.compile(r"~~(.{1,300}?)~~"), r"\1"),
    (re.compile(r"`([^`]{1,300})`"), r"\1"),
)
_PREFIX_RE = re.compile(r"^\s{0,3}(?:>\s?)+|^\s*(?:[-*+]|\d{1,3}[.)])\s+")


def strip_inline(text: str) -> str:
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return text


FRONT_MATTER_FIELDS = {
    "title": "title",
    "author": "author",
    "by": "author",
    "date": "published",
    "published": "published",
    "outlet": "outlet",
    "site": "outlet",
    "source": "outlet",
    "publisher": "outlet",
}


def _front_matter(text: str) -> tuple[str, Meta]:
    meta = Meta()
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return text, meta
    for line in m.group(1).split("\n"):
        key, _, value = line.partition(":")
        value = value.strip().strip("\"'")
        name = FRONT_MATTER_FIELDS.get(key.strip().lower())
        if not value or name is None:
            continue
        if name == "published":
            value = normalise_date(value)
        meta.set(name, value, f"markdown:front-matter:{key.strip().lower()}", line, 1.0, "input")
    return text[m.end() :], meta


def markdown_to_text(text: str) -> tuple[str, Meta]:
    """Plain text of a Markdown document and the metadata it declares."""
    text, meta = _front_matter(text)
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if SETEXT_RE.match(line) and out and out[-1].strip():
            heading = out.pop()
            if meta.title is None:
                meta.set("title", heading, "markdown:heading", heading, 0.9)
            else:
                out.append(heading)
            out.append("")
            continue
        if RULE_RE.match(line) or LINK_DEF_RE.match(line):
            out.append("")
            continue
        heading = HEADING_RE.match(line)
        if heading:
            words = strip_inline(heading.group(1))
            if meta.title is None:
                meta.set("title", words, "markdown:heading", line, 0.9)
            else:
                out.extend(["", words, ""])
            continue
        out.append(strip_inline(_PREFIX_RE.sub("", line)))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip(), meta
