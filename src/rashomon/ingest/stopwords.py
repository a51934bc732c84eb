"""Function words of the page's own language, so prose is seen in any language.

Prose is dense in function words ("the", "de", "и", "ve") and menus are not,
in every language with spaces between words. jusText ships stop-lists for a
hundred languages (it is installed with trafilatura); we take the list of the
language the page is written in: the language guess of :mod:`language` when
it has one, else the list that covers most of the page's words among the
languages of the page's script. Scripts without spaces (Chinese, Japanese,
Thai) have no word lists; :mod:`features` measures them by characters.
"""

from __future__ import annotations

from functools import cache

from .features import FUNCTION_WORDS, WORD_RE

# ISO 639-1 codes of :func:`language.detect_language` -> jusText list names.
ISO_NAMES = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic",
    "fa": "Persian", "el": "Greek", "he": "Hebrew", "hi": "Hindi", "ko": "Korean",
    "hy": "Armenian", "ka": "Georgian",
}  # fmt: skip
# Languages tried when the guess is unsure, by script (commonly published on the web).
LATIN = (
    "English French Spanish German Italian Portuguese Dutch Polish Czech Slovak Swedish "
    "Danish Norwegian_Bokmal Finnish Turkish Indonesian Malay Romanian Hungarian Croatian "
    "Serbian Slovenian Lithuanian Latvian Estonian Catalan Vietnamese Tagalog Swahili"
).split()
CYRILLIC = "Russian Ukrainian Bulgarian Serbian Macedonian Belarusian Kazakh".split()


@cache
def stoplist(name: str) -> frozenset[str]:
    """jusText's list for ``name`` (empty when jusText is absent or has none)."""
    try:
        import justext
    except ImportError:  # pragma: no cover - trafilatura depends on it
        return frozenset()
    try:
        return justext.get_stoplist(name)
    except ValueError:
        return frozenset()


def page_stopwords(text: str, sample: int = 4000) -> frozenset[str]:
    """Function words for the page in ``text`` (English ones included: menus and
    credits on non-English pages are often English)."""
    from .language import detect_language

    code = detect_language(text)
    name = ISO_NAMES.get(code or "")
    if name is None and code is None:
        words = [w.lower() for w in WORD_RE.findall(text[: sample * 8])][:sample]
        if len(words) >= 20:
            cyrillic = sum("\u0400" <= w[0] <= "\u04ff" for w in words) > len(words) / 2
            candidates = CYRILLIC if cyrillic else LATIN
            name = max(candidates, key=lambda n: _coverage(words, stoplist(n)))
            if _coverage(words, stoplist(name)) < 0.15:
                name = None
    if name is None or name == "English":
        return FUNCTION_WORDS
    return FUNCTION_WORDS | stoplist(name)


def _coverage(words: list[str], stop: frozenset[str]) -> float:
    return sum(w in stop for w in words) / len(words) if words else 0.0
