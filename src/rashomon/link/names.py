"""Name normalisation: the keys under which two spellings of one name meet.

``fold`` ignores case, accents and punctuation ("Al-Qaïda" -> "al qaida").
``translit_key`` goes further, for names romanised from Arabic, Persian or
Russian, where one name has many spellings: Gaddafi, Qaddafi, Kadhafi,
Gadhafi and al-Gaddafi; Muammar, Moammar and Muamar; Mohammed, Muhammad and
Mohamed; Kiev and Kyiv; Al-Qaeda, al-Qaida and Al Qaeda; Zelensky, Zelenskyy
and Zelenskiy all get one key each.

Why not a library: phonetic codes (Soundex, Metaphone, NYSIIS in ``jellyfish``
or ``pyphonetics``) are built for English surnames; they drop vowels
altogether, so Iran/Iraq stay apart but Niger/Nigeria, Oman/Yemen ("MN") and
Hamid/Hamad meet, and they do not know the Arabic article or that q, k, g, gh
and kh are one letter in romanisations. Transliteration tables (``anyascii``,
``unidecode``) turn non-Latin script into Latin, which is a different problem:
the news gives Latin names, and a non-Latin rendering beside one is learned as
an alias from the text. So the key is a short table of rewrite rules, kept
specific enough that distinct names stay apart: vowels keep two classes (front
a/e/i/y, back o/u) and a run of vowels counts as one diphthong, so Iran/Oran,
Austria/Australia, Niger/Nigeria and Jong-il/Jong-un keep different keys.

This module imports nothing from the project, so the extract stage can use it
without a cycle.
"""

from __future__ import annotations

import re
import unicodedata

# Honorifics, ranks and offices that spaCy sometimes keeps inside a PERSON span
# ("Maj Gen Qassem Soleimani", "Hajj Imad Mughniyeh", "Supreme Leader Ayatollah
# Ali Khamenei"). Only stripped from people: "General Motors" keeps its name.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mx dr prof sir dame lord lady rev fr father sheikh shaikh sheik hajj haji
    hadji imam ayatollah grand mullah mufti cleric emir amir sultan caliph rabbi bishop
    archbishop cardinal pastor president vice chairman chairwoman chair chancellor minister
    premier prime king queen prince princess crown emperor pope senator sen rep representative
    congressman congresswoman governor gov mayor judge justice general gen lt lieutenant col
    colonel maj major capt captain sgt sergeant cpl corporal pvt private adm admiral brig
    brigadier cmdr commander marshal field secretary ambassador spokesman spokeswoman ceo
    supreme leader foreign defense defence interior deputy former late acting chief
    """.split()
)
# Arabic article and its assimilated forms before a name: "al-Assad", "ash-Sharif".
NAME_PARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul"})
# Standalone words dropped from a key: "Al Qaeda" = "Qaeda" = "al-Qaeda".
STANDALONE_PARTICLES = frozenset({"al", "el"})
# Legal-form words that end company names and may be left out: "General Motors
# Corporation" = "General Motors", "Chrysler Group" = "Chrysler".
LEGAL_FORMS = frozenset(
    """corporation corp inc incorporated co company ltd limited llc plc group holdings
    ag sa gmbh""".split()
)
_NON_WORD = re.compile(r"[\W_]+")
APOSTROPHES = re.compile(r"['’ʼʻʿʾ`]")

# Consonant rewrites, applied in order to a folded ASCII word. Each line is one
# romanisation habit: (pattern, replacement, example).
CONSONANT_RULES: tuple[tuple[str, str, str], ...] = (
    (r"tch", "ch", "Tchaikovsky / Chaikovsky"),
    (r"sch", "sh", "Schalit / Shalit"),
    (r"dj", "j", "Djamel / Jamel"),
    (r"zh", "j", "Zhukov / Joukov"),
    (r"kh|gh|q|g|ck|c(?=[^h]|$)", "k", "Khaddafi, Ghaddafi, Qaddafi, Gaddafi, Kaddafi"),
    (r"dh", "d", "Kadhafi / Kaddafi"),
    (r"th", "t", "Uthman / Utman"),
    (r"ph", "f", "Mustapha / Mustafa"),
    (r"x", "ks", "Alexander / Aleksandr"),
    (r"ou|oo", "u", "Mossoul / Mosul"),
    (r"ee", "i", "Jazeera / Jazira"),
    (r"(?<=[aeiou])h$", "", "Aishah / Aisha"),
    (r"(?:iy|yy|ii|yi)$", "y", "Zelenskiy, Zelenskyy, Zelenskii / Zelensky"),
    (r"(.)\1+", r"\1", "Gaddafi / Gadafi, Muammar / Muamar"),
)
_RULES = [(re.compile(p), r) for p, r, _ in CONSONANT_RULES]
# Vowel classes: front vowels (and y between letters) vs back vowels.
VOWEL_CLASS = str.maketrans({"a": "a", "e": "a", "i": "a", "y": "a", "o": "o", "u": "o"})
_VOWEL_RUN = re.compile(r"[ao]{2,}")
_INITIAL_Y = re.compile(r"^y(?=[aeiou])")


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", name.casefold()).strip()


def _is_title(word: str) -> bool:
    parts = [p for p in word.rstrip(".").casefold().replace(".", "-").split("-") if p]
    return bool(parts) and all(p in TITLE_WORDS for p in parts)


def strip_titles(name: str) -> str:
    """ "President Barack Obama" -> "Barack Obama"; keeps the name if only titles remain."""
    words = name.split()
    while len(words) > 1 and _is_title(words[0]):
        words = words[1:]
    return " ".join(words)


def base_name(surface: str, label: str) -> str:
    """The name a mention's words give before any resolution: titles go from people."""
    return strip_titles(surface) if label == "PERSON" else surface


def bare(word: str) -> str:
    """A name word folded, without an Arabic article: "al-Gaddafi" -> "gaddafi"."""
    parts = fold(APOSTROPHES.sub("", word)).split()
    while len(parts) > 1 and parts[0] in NAME_PARTICLES:
        parts = parts[1:]
    return " ".join(parts)


def name_words(name: str) -> list[str]:
    """The folded words of a name, without articles and apostrophes.

    "Muammar al-Gaddafi" -> ["muammar", "gaddafi"]; "Al Qaeda" -> ["qaeda"];
    "Mu'ammar" stays one word.
    """
    words: list[str] = []
    raw = APOSTROPHES.sub("", name).split()
    for i, token in enumerate(raw):
        if fold(token) in STANDALONE_PARTICLES and i + 1 < len(raw):
            continue
        words.extend(bare(token).split())
    return words


def word_key(word: str) -> str:
    """The transliteration key of one folded word: "qaddafi" -> "kadafa"."""
    if not word.isascii() or not word.isalpha():
        return word  # non-Latin script or digits: compared as written
    initial_y = bool(_INITIAL_Y.match(word))
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    if initial_y:  # "Yemen": a consonant, unlike the y of "Kyiv"
        return "Y" + _vowels(word[1:])
    return _vowels(word)


def _vowels(word: str) -> str:
    return _VOWEL_RUN.sub("V", word.translate(VOWEL_CLASS))


def translit_key(name: str) -> str:
    """The key of a whole name: its words' keys in order, space-separated."""
    return " ".join(word_key(w) for w in name_words(name))


def org_key(name: str) -> str:
    """The key of an organisation or place name, without a trailing legal form."""
    words = name_words(name)
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(word_key(w) for w in words)
