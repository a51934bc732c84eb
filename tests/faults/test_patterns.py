"""Every regular expression applied to user text runs in time linear in its length.

Python's ``re`` backtracks, so a pattern such as ``(?:\\s+\\w+)+$`` can take
quadratic or exponential time on an unlucky input. Each pattern of the text
extractors (dates, quotes, quantities, entities, aliases) is run over
pathological inputs (long runs of one character, repeated tokens, nested
brackets, and its own literal words repeated) and must finish within a budget
per character. A pattern that the code applies only to a short slice is
checked at that slice's length instead, and the slicing itself is checked
below on a long input.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

PACKAGES = ("rashomon.extract.timex", "rashomon.extract.quotes", "rashomon.extract.quantities")
MODULES = ("rashomon.extract.entities", "rashomon.extract.aliases")
LENGTH = 6000
SECONDS_PER_CHAR = 15e-6  # a linear pattern needs about 1 µs per character here

# Patterns the code applies only to a bounded slice of the text: name -> its length.
WINDOWED = {
    "rashomon.extract.timex.context._AMOUNT_BEFORE_RE": 24,  # text[start - 24 : start]
    "rashomon.extract.aliases._TRAILING_FUNCTION": 120,  # an alias found in a 120-char window
    "rashomon.extract.aliases._PAREN_PLAIN": 120,  # .match on text[pos : pos + 120]
    "rashomon.extract.aliases._PAREN_CUED": 120,
    "rashomon.extract.aliases._COMMA_CUED": 120,
}
# Patterns only ever used with .match at one position (cost: the length of the match).
ANCHORED = {"rashomon.extract.timex.tagger._THAN_RE"}

RUNS = [
    "a", " ", "\n", "A.", "1", "1,", "1.1.", "1-1-", "1/1/", "(", "[", "'", '"', "\u201c",
    "-", "and ", "the ", "Mr. ", "of the ", "12 ", "A a ", "Aa", ". ", "1 1 ", "AB ", "A-",
]  # fmt: skip


def _walk(value, name, found):
    if isinstance(value, re.Pattern):
        found.append((name, value))
    elif isinstance(value, list | tuple):
        for item in value:
            _walk(item, name, found)
    elif isinstance(value, dict):
        for item in value.values():
            _walk(item, name, found)


def all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    names = list(MODULES)
    for package in PACKAGES:
        module = importlib.import_module(package)
        names += [f"{package}.{m.name}" for m in pkgutil.iter_modules(module.__path__)]
    found: list[tuple[str, re.Pattern[str]]] = []
    for name in names:
        for attribute, value in vars(importlib.import_module(name)).items():
            _walk(value, f"{name}.{attribute}", found)
    unique = {(p.pattern, p.flags): (n, p) for n, p in found}
    return sorted(unique.values(), key=lambda item: item[0])


def inputs(pattern: re.Pattern[str], length: int) -> list[str]:
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", pattern.pattern)))[:12]
    units = RUNS + [w + " " for w in words] + [w.capitalize() + " " for w in words]
    return [(unit * (length // len(unit) + 1))[:length] + "!" for unit in units]


PATTERNS = all_patterns()


@pytest.mark.parametrize(
    ("name", "pattern"), PATTERNS, ids=[f"{n}:{i}" for i, (n, _) in enumerate(PATTERNS)]
)
def test_pattern_is_linear_on_pathological_input(name, pattern):
    length = WINDOWED.get(name, LENGTH)
    budget = max(length * SECONDS_PER_CHAR, 0.01)
    for text in inputs(pattern, length):
        started = time.perf_counter()
        if name in ANCHORED:
            pattern.match(text)
        else:
            for _ in pattern.finditer(text):
                pass
        spent = time.perf_counter() - started
        assert spent < budget, f"{name} took {spent:.3f} s on {text[:20]!r}… ({length} chars)"


def test_the_patterns_were_found():
    assert len(PATTERNS) > 80
    names = {name for name, _ in PATTERNS}
    assert set(WINDOWED) | ANCHORED <= names


def test_windowed_patterns_see_only_their_window():
    """The functions that apply the windowed patterns stay fast on long pathological text."""
    from rashomon.extract.aliases import declarations_after
    from rashomon.extract.timex.context import rate_value

    for text in ("(" + " " * 200_000 + ")", " ," * 100_000, "\n" * 200_000):
        started = time.perf_counter()
        declarations_after(text, 0, 1, person=False)
        assert time.perf_counter() - started < 0.5
    digits = "1" * 200_000 + " a day"
    started = time.perf_counter()
    rate_value(digits, len(digits) - 5, len(digits))
    assert time.perf_counter() - started < 0.5
