"""Features of one line of text, for telling article prose from page chrome.

The boilerplate cleaner does not match a list of phrases: every site words
its share buttons differently. It looks at what a line *is*: its length,
whether it ends like a sentence, how many function words it has (prose has
many, menus and widgets almost none), how capitalised it is, whether it is
cut up by menu separators (``›``, ``|``, ``»``, ``>``, ``/``), whether it
carries a count like ``(3)``, whether it addresses the reader or starts with
an imperative. A small vocabulary of page-furniture words is one more
feature, and it also names the reason a line was removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

# Han, kana and Thai are written without spaces: each character counts as a word.
_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD_RE = re.compile(rf"[{_UNSPACED}]|[^\W_{_UNSPACED}]+(?:['’.-][^\W_{_UNSPACED}]+)*", re.UNICODE)
UNSPACED_RE = re.compile(rf"[{_UNSPACED}]")
LETTER_RE = re.compile(r"[^\W\d_]")
NON_LATIN_LETTER_RE = re.compile(r"[^\W\d_\u0000-\u024f]")
CJK_TERMINAL = "。！？"
TERMINAL_RE = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*$")
SEPARATOR_RE = re.compile(r"(?:^|\s)(?:›|»|\||>|/|·|•|→|::|-{1,2})(?=\s|$)")
COUNT_RE = re.compile(
    r"\(\s*\d+\s*\)|^\d+\s+\w+$|\b\d+\s+(?:comments?|responses?|replies|shares?|likes?)\b", re.I
)
DOMAIN_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:/\S*)?$", re.I
)

INITIALISM_END_RE = re.compile(r"\b(?:[A-Z]\.){2,}$")

FUNCTION_WORDS = frozenset(
    """a an the and or but if of to in on at by for from with as into about over after before
    under between against during without within through than then so because while although
    is are was were be been being am has have had having do does did will would shall should
    can could may might must not no nor it its it's he she they them his her their him we i
    you your our us my me this that these those there here who whom whose which what when where
    why how also said says just only very more most all any some each other such one two
    up out off again further once both few same own too says told according""".split()
)

# Page-furniture vocabulary by category. A word here is evidence, not a verdict.
CUE_WORDS: dict[str, frozenset[str]] = {
    "share-prompt": frozenset(
        """share sharing print printer email e-mail mail tweet twitter facebook whatsapp
        telegram linkedin reddit pinterest instagram youtube tiktok social follow spread word
        link copy bookmark send app apps download install newsletter newsletters subscribe
        subscription subscriber subscribers sign signup inbox notifications alerts rss feed
        podcast story article page friends like""".split()
    ),
    "comments": frozenset(
        """comment comments commenting conversation discussion reply replies moderated
        moderation moderators guidelines civil respectful community post posting posts
        login log register disqus opinion thoughts join""".split()
    ),
    "widget": frozenset(
        """advertisement advertisements advert ad ads sponsored sponsor loading scroll continue
        skip close menu search cookie cookies accept toggle expand collapse video play""".split()
    ),
    "navigation": frozenset(
        """home news world breadcrumb navigation menu section sections index back top main
        here""".split()
    ),
    "footer": frozenset(
        """copyright rights reserved privacy policy terms contact advertise careers imprint
        ©""".split()
    ),
    "related-links": frozenset(
        """related more read recommended popular trending latest also next stories
        headlines""".split()
    ),
    "credit": frozenset(
        """photo photos photograph image images picture credit courtesy getty reuters ap afp
        file illustration epa""".split()
    ),
}
# The same furniture in the other languages most often met on news pages: a
# page's menus may be in any language, and its prose cues must not need English.
CUE_WORDS_OTHER: dict[str, str] = {
    "share-prompt": """compartilhe compartilhar compartir comparte teilen partager partagez
        condividi delen deel udostępnij поделиться inscreva assine suscríbete abonnieren
        abonnez iscriviti""",
    "comments": """comentários comentário comentarios comentario kommentare kommentar
        commentaires commentaire commenti commento reacties komentarze komentarzy
        комментарии комментариев комментарий""",
    "related-links": """relacionados relacionadas relacionado relacionada relacionadas
        correlati correlate verwandte ähnliche weitere connexes similaires también também
        anche auch aussi leia veja lesen lire leggi mehr mais plus más""",
    "footer": "direitos derechos reservados droits réservés diritti riservati rechte vorbehalten",
}
CUE_WORDS = {
    cat: words | frozenset(CUE_WORDS_OTHER.get(cat, "").split()) for cat, words in CUE_WORDS.items()
}
ALL_CUES = frozenset().union(*CUE_WORDS.values())

# Imperatives that start reader prompts ("Spread the word", "Get the app").
PROMPT_VERBS = frozenset(
    """share print email follow join get download sign subscribe read click tap spread add
    leave view see watch listen like comment register log install discover explore send save
    copy tell post reply support donate search skip""".split()
)
READER_WORDS = frozenset({"you", "your", "yours", "our", "us", "we"})


@dataclass(frozen=True)
class Line:
    """One logical line and its features (computed lazily, cached)."""

    text: str
    # the function words of the page's language (see :mod:`stopwords`)
    stopwords: frozenset[str] = field(default=FUNCTION_WORDS, compare=False, repr=False)

    @cached_property
    def words(self) -> list[str]:
        return WORD_RE.findall(self.text)

    @cached_property
    def lower_words(self) -> list[str]:
        return (
            WORD_RE.findall(self.text.lower())
            if self.text.isascii()
            else [w.lower() for w in self.words]
        )

    @property
    def n_words(self) -> int:
        return len(self.words)

    @cached_property
    def terminal(self) -> bool:
        """Ends like a sentence (``.``, ``!``, ``?``, maybe inside quotes)."""
        return bool(TERMINAL_RE.search(self.text)) and not self.text.rstrip().endswith("...")

    @cached_property
    def function_ratio(self) -> float:
        if not self.words:
            return 0.0
        return sum(w in self.stopwords for w in self.lower_words) / len(self.words)

    @cached_property
    def cap_ratio(self) -> float:
        """Share of alphabetic words that start with a capital (Title Case ~ 1)."""
        alpha = [w for w in self.words if w[0].isalpha()]
        if not alpha:
            return 0.0
        return sum(w[0].isupper() for w in alpha) / len(alpha)

    @cached_property
    def separators(self) -> int:
        return len(SEPARATOR_RE.findall(self.text))

    @cached_property
    def has_count(self) -> bool:
        return bool(COUNT_RE.search(self.text))

    @cached_property
    def is_domain(self) -> bool:
        return bool(DOMAIN_RE.match(self.text.strip()))

    @cached_property
    def non_latin(self) -> bool:
        """Mostly letters outside Latin script: our English cues do not apply."""
        if self.text.isascii():
            return False
        letters = len(LETTER_RE.findall(self.text))
        return bool(letters) and len(NON_LATIN_LETTER_RE.findall(self.text)) > letters / 2

    def cues(self, category: str) -> int:
        vocab = CUE_WORDS[category]
        return sum(w in vocab for w in self.lower_words) + (
            "©" in self.text and category == "footer"
        )

    @cached_property
    def cue_ratio(self) -> float:
        if not self.words:
            return 0.0
        return sum(w in ALL_CUES for w in self.lower_words) / len(self.words)

    @cached_property
    def best_cue(self) -> str | None:
        """The furniture category with most cue words (ties: dict order)."""
        scores = {cat: self.cues(cat) for cat in CUE_WORDS}
        cat = max(scores, key=lambda c: scores[c])
        return cat if scores[cat] else None

    @cached_property
    def imperative(self) -> bool:
        return bool(self.lower_words) and self.lower_words[0] in PROMPT_VERBS

    @cached_property
    def addresses_reader(self) -> bool:
        return any(w in READER_WORDS for w in self.lower_words)

    @cached_property
    def unspaced(self) -> bool:
        """Mostly Han, kana or Thai: written without spaces, words are characters."""
        return len(UNSPACED_RE.findall(self.text)) > 0.5 * max(self.n_words, 1)

    @cached_property
    def sentence(self) -> bool:
        """Reads like article prose: a sentence with function words, or a long
        line of running text that merely lost its final stop."""
        if self.unspaced:
            return self.n_words >= 20 or (self.terminal and self.n_words >= 8)
        if self.non_latin:
            return self.n_words >= 4 or self.terminal
        if self.terminal and self.n_words >= 2:
            lower = any(w[0].islower() for w in self.words)
            if self.function_ratio > 0 or (lower and self.n_words >= 3):
                return True
        return self.n_words >= 14 and self.function_ratio >= 0.25

    @cached_property
    def body_anchor(self) -> bool:
        """Safe evidence that the article body is here (for header/footer zones)."""
        if not self.sentence or self.reader_prompt:
            return False
        if self.n_words >= 25:
            return True
        return (
            self.terminal and self.n_words >= 8 and self.cap_ratio < 0.75 and not self.headline_like
        )

    @cached_property
    def reader_prompt(self) -> bool:
        """A call to action aimed at the reader, even when written as a sentence:
        "Sign up for our newsletter.", "Join the conversation below!"."""
        if self.non_latin or self.n_words == 0 or self.n_words > 30:
            return False
        cues = sum(w in ALL_CUES for w in self.lower_words)
        if self.imperative and (cues >= 2 or self.n_words <= 6):
            return True
        return self.addresses_reader and cues >= 2 and self.cue_ratio >= 0.2

    @cached_property
    def headline_like(self) -> bool:
        """Short, no final full stop: a title, a menu item or a teaser link.
        A final initialism ("... New Jersey G.O.P.") does not count as a stop."""
        if not 1 <= self.n_words <= 20:
            return False
        text = self.text.rstrip()[-60:].rstrip("\"'”’»)]")
        if INITIALISM_END_RE.search(text):
            return self.cap_ratio >= 0.7
        return not text.endswith((".", "…"))
