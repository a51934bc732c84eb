"""Position-independent verdicts on single lines.

Each rule looks at the *shape* of a line (see :mod:`features`) and returns a
reason code, or None to leave the decision to the positional pass in
:mod:`clean`. The rules are deliberately conservative towards prose: apart
from wiki residue and reader prompts, nothing here fires on a line that
reads like a sentence of eight words or more.
"""

from __future__ import annotations

import re

from .features import CUE_WORDS, Line

# Reason codes recorded in Document.boilerplate.
NAVIGATION = "navigation"
SHARE = "share-prompt"
COMMENTS = "comments"
WIDGET = "widget"
CREDIT = "credit"
FOOTER = "footer"
RELATED = "related-links"
WIKI = "wiki-residue"
CITATION = "citation-marker"
TRAILING = "trailing-section"
CAPTION = "repeated-caption"
REPEATED = "repeated-line"
TEMPLATE = "cross-document-template"
METADATA = "metadata"

WIKI_LINE_RE = re.compile(
    r"^(?:from wiki\w+,|aus wikipedia,|un article de wikipédia|de wikipedia, la|da wikipedia,"
    r"|материал из википедии|jump to (?:navigation|search)|template:|category:|categories:"
    r"|hidden categories:|file:|retrieved from\b|this page was last edited|\(redirected from"
    r"|wikipedia®|text is available under|main article:|for other uses,? see"
    r"|coordinates:|this article is about\b|(?:\[\s*(?:edit|citation needed|change)\s*\]\s*)+$)",
    re.I,
)
# Inline residue: [12], [a], [note 3], [citation needed], [edit], [who?]
CITATION_RE = re.compile(
    r"\s?\[(?:\d{1,3}|note \d+|nb \d+|citation needed|clarification needed"
    r"|dubious|who\??|when\??|according to whom\??|by whom\??|edit|update|verification needed)\]",
    re.I,
)
TRAILING_RE = re.compile(
    r"^(?:references|external links|see also|notes|sources|further reading|bibliography"
    r"|footnotes|citations|notes and references)\s*(?:\[\s*edit\s*\])?:?$",
    re.I,
)
CREDIT_RE = re.compile(
    r"^(?:(?:file\s+)?(?:photo|photograph|image|picture|illustration|video|graphic)s?"
    r"(?:\s+credit)?|credits?|caption|source)\s*[:|/–—-]\s*\S"
    r"|^\([^()]{0,120}\b(?:photo|image|picture|credit|file)\b[^()]{0,120}\)\.?$"
    r"|(?:/|\|)\s*(?:getty images|afp|reuters|ap|epa|shutterstock|alamy)\)?\.?$"
    r"|^(?:additional\s+)?(?:reporting|editing|writing|compiled|translation)\s+by\b",
    re.I,
)
# A photo caption, however long: "In this photo issued by ...", "FILE - In this ...",
# an agency credit closing it ("(AP Photo/Jane Doe)", "© Reuters / Jane Doe"), or the
# gallery's expand toggle after its last sentence ("... the nation. less").
CAPTION_PROSE_RE = re.compile(
    r"^(?:file\s?[-–—:]\s?)?in this (?:\w+ )?(?:photo|image|picture|photograph|video grab)\b"
    r"|\((?:ap|afp|reuters|epa|getty images) photo\s?/[^()]{1,60}\)\s?$"
    r"|©\s{0,3}(?:reuters|ap|afp|epa|getty images)\b[^.]{0,60}$"
    r"|[.!?]\s(?:less|\.\.\.\s?more)$",
    re.I,
)
WIKI_WORD_RE = re.compile(r"\bwiki(?:pedia|news|media|source|quote|data)?\b", re.I)
LABEL_RE = re.compile(r"^([\w'’ ]{2,30}?)\s*[:›»]\s+\S")
BREADCRUMB_RE = re.compile(r"^(?:you are here|breadcrumbs?|skip to \w+)\b|\byou are here\s?:", re.I)
QUOTE_CHARS = "\"“”‘’«»„'"
_REPORTING = {"said", "says", "told", "asked", "added", "wrote", "according"}


def cue_reason(line: Line, default: str) -> str:
    """The reason code named by the line's furniture words, else ``default``."""
    return line.best_cue or default


def is_prompt(line: Line) -> bool:
    """A reader prompt that is not part of a quotation or a report of speech."""
    return line.reader_prompt and not _quoted_or_reported(line)


def related_heading(line: Line) -> bool:
    """ "Related stories", "More from X", "Read next": opens a list of teasers."""
    if line.sentence or not 1 <= line.n_words <= 6:
        return False
    label, colon, rest = line.text.partition(":")
    if colon and rest.strip():  # "Read more: <a teaser>" is an inline link, not a heading
        return False
    return line.cues(RELATED) >= 1 and line.cue_ratio >= 0.3


def strong_reason(line: Line) -> str | None:
    """The removal reason for a line whatever its position, or None."""
    text = line.text.strip()
    if WIKI_LINE_RE.match(text):
        return WIKI
    long_prose = line.sentence and line.n_words >= 8
    byline = text[:3].casefold() == "by "  # "By Wikinews staff" is a byline, kept for metadata
    if not long_prose and not byline and WIKI_WORD_RE.search(text) and line.n_words <= 15:
        return WIKI
    if not any(ch.isalnum() for ch in text):
        return WIDGET
    if line.non_latin:
        return None
    if BREADCRUMB_RE.match(text) or (line.separators >= 2 and not long_prose):
        return NAVIGATION
    if line.separators == 1 and not line.terminal and line.n_words <= 6:
        parts = re.split(r"\s(?:›|»|\||>|/|·|•|→)\s", text)
        if all(len(p.split()) <= 2 for p in parts):
            return NAVIGATION
    if (
        CREDIT_RE.search(text)
        and line.n_words <= 30
        and not _REPORTING.intersection(line.lower_words)
    ):
        return CREDIT
    if long_prose and CAPTION_PROSE_RE.search(text):
        return CAPTION  # short lines ("© AFP 2019") are left to the credit and footer rules
    label = LABEL_RE.match(text)
    if label and line.n_words <= 25:
        head = Line(label.group(1))
        if head.n_words and head.cues(RELATED) == head.n_words:
            return RELATED
    if line.has_count and line.n_words <= 4 and not line.sentence:
        return cue_reason(line, WIDGET)
    if line.n_words <= 4 and not line.sentence and line.cue_ratio == 1.0:
        return cue_reason(line, WIDGET)
    if is_prompt(line):
        return cue_reason(line, SHARE)
    if (
        not long_prose
        and line.cues(FOOTER)
        and line.n_words <= 12
        and ("©" in text or "rights reserved" in text.lower() or line.cue_ratio >= 0.5)
    ):
        return FOOTER
    return None


def furniture_sentence(line: Line) -> bool:
    """A sentence made of page-furniture words (a comment policy, a cookie
    note): removable outside the article body, never inside it."""
    if _quoted_or_reported(line):
        return False
    cues = sum(line.cues(cat) for cat in (SHARE, COMMENTS, FOOTER, WIDGET))
    return cues >= 2 and (cues / max(line.n_words, 1) >= 0.2 or line.addresses_reader)


def _quoted_or_reported(line: Line) -> bool:
    """Quotations and reported speech are article content, whatever their words."""
    return any(ch in line.text for ch in QUOTE_CHARS[:-1]) or bool(
        _REPORTING.intersection(line.lower_words)
    )


def strip_citations(text: str) -> tuple[str, list[str]]:
    """Remove inline wiki markers, keeping the sentence around them."""
    found = [m.group(0).strip() for m in CITATION_RE.finditer(text)]
    if not found:
        return text, []
    text = CITATION_RE.sub("", text)
    text = re.sub(r" +([.,;:!?])", r"\1", text)
    return re.sub(r"  +", " ", text).strip(), found


__all__ = ["CUE_WORDS", "strong_reason", "strip_citations", "furniture_sentence"]


COMMENT_HEADING_WORDS = frozenset(
    """comment comments commenting reply replies responses discussion conversation disqus
    comentários comentarios kommentare commentaires commenti reacties komentarze
    комментарии""".split()
)
COMMENT_COUNT_RE = re.compile(r"^\(?\d+\)?\s+(?:comments?|responses?|replies|reactions?)\b", re.I)
COMMENT_AUTHOR_RE = re.compile(r"^\S.{0,60}?\s(?:says|said|wrote|commented|replied)\s?:$", re.I)


def comments_heading(line: Line) -> bool:
    """ "14 Comments", "34 responses to ...", "Leave a Reply", "Jane says:": reader comments."""
    text = line.text.strip()
    if COMMENT_COUNT_RE.match(text) or (line.n_words <= 8 and COMMENT_AUTHOR_RE.match(text)):
        return True
    if line.sentence or not 1 <= line.n_words <= 6:
        return False
    return bool(COMMENT_HEADING_WORDS.intersection(line.lower_words)) and line.cue_ratio >= 0.3
