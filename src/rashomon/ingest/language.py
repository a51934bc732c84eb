"""A cheap language guess: script first, then function-word counts.

A full language-identification model is a heavy dependency for one field.
For Latin script the share of each language's commonest function words is a
reliable signal on article-length text; for other scripts the script itself
narrows the language enough for downstream choices (which NLP model to use),
with a few letters that tell Persian from Arabic and Ukrainian from Russian.
Returns None when nothing is clear.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the of and to in a is that for on was with he it as by at from his have said".split(),
    "fr": "le la les de des et est un une du que dans pour qui sur au pas par il avec".split(),
    "es": "el la los las de del y en que un una por con para es se su al lo como".split(),
    "de": "der die das und ist nicht ein eine zu den mit von sich des auf für im dem".split(),
    "it": "il di che la le per un una non con del della sono gli al nel è da".split(),
    "pt": "o a os as de do da que em um uma para com não por mais dos das no na".split(),
    "nl": "de het een en van is dat in op te voor met zijn niet ook aan er".split(),
}
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_ASCII_LETTERS_RE = re.compile(r"[A-Za-z]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")

_SCRIPTS = (  # (first, last code point, label)
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFEFF, "arabic"),
    (0x0400, 0x04FF, "cyrillic"),
    (0x0590, 0x05FF, "he"),
    (0x0370, 0x03FF, "el"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x0530, 0x058F, "hy"),
    (0x10A0, 0x10FF, "ka"),
    (0x3040, 0x30FF, "ja"),
    (0xAC00, 0xD7AF, "ko"),
    (0x4E00, 0x9FFF, "zh"),
)


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    for first, last, label in _SCRIPTS:
        if first <= code <= last:
            return label
    return "other"


def detect_language(text: str, sample: int = 5000) -> str | None:
    """ISO 639-1 code for ``text`` or None when unsure."""
    text = text[:sample]
    ascii_letters = len(_ASCII_LETTERS_RE.findall(text))
    others = [ch for ch in _NON_ASCII_RE.findall(text) if ch.isalpha()]
    scripts = Counter(_script(ch) for ch in others)
    if ascii_letters:
        scripts["latin"] += ascii_letters
    if not scripts:
        return None
    script, count = scripts.most_common(1)[0]
    if count < 0.5 * sum(scripts.values()):
        return None
    if script == "arabic":
        persian = sum(text.count(ch) for ch in "پچژگکی")
        arabic = sum(text.count(ch) for ch in "يكة")
        return "fa" if persian > arabic else "ar"
    if script == "cyrillic":
        return "uk" if any(ch in text for ch in "іїєґІЇЄҐ") else "ru"
    if script == "zh" and scripts.get("ja"):
        return "ja"
    if script != "latin":
        return None if script == "other" else script
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < 3:
        return None
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stop) / len(words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.__getitem__)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] >= 0.12 and ranked[0] >= 1.5 * ranked[1]:
        return best
    return None
