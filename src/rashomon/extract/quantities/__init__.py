"""Quantities: counted amounts with their bounds, hedges, units and counted noun.

``find_quantities(doc, doc_id, masked)`` reads a parsed document and returns
:class:`rashomon.model.Quantity` objects sorted by start offset, ``text ==
doc.text[start:end]``. Character spans in ``masked`` (the temporal expressions)
never become quantities.

Conventions
-----------
* ``text`` is the whole phrase: hedge or bound words, currency, number(s),
  unit and, when it follows, the counted noun ("around two thousand
  residents", "80% of the town", "between 40 and 60 fighters").
* ``value`` is the stated number; ``None`` for ranges and vague amounts.
* Ranges ("between 40 and 60", "1,500 to 2,000", "40-60", "two or three")
  set ``low`` and ``high``; "two or three" is also ``approximate``.
* Bounds keep ``value`` and set one side: "at least / more than / over /
  upwards of / N or more / N+" -> ``low = value``; "up to / fewer than /
  under / as many as / at most / nearly / almost" -> ``high = value``.
  Strictness is not recorded ("more than 50" -> low 50).
* ``approximate`` for hedges (about, around, some, roughly, approximately,
  an estimated, nearly, almost, close to, ~, "or so", "-odd") and for vague
  amounts.
* Vague amounts: a plural counting word is ``base`` and means 2 x base up to
  10 x base, ``value=None``, approximate: "dozens" 24-120, "hundreds"
  200-1,000, "thousands" 2,000-10,000, "tens of thousands" 20,000-100,000,
  "hundreds of thousands" 200,000-1,000,000. "a few hundred" is 2-5 x,
  "several thousand" 3-9 x, "a couple of hundred" 200 (approximate).
* Magnitudes multiply: "two million", "1.5 million", "3m", "£3m", "40bn",
  "half a million", "a dozen"; "m" means million only when glued to digits.
* ``unit``: currencies as ISO codes ("$", "US$" -> USD, "£", "GB£" -> GBP,
  "€" -> EUR, "dollars" -> USD), "%" for %/percent/per cent, and canonical
  measures ("km", "miles", "tonnes", "barrels", "kg", "ha", "MW", ...).
* ``counted``: the head noun of what is counted, as written (lower-cased
  unless a proper noun): "residents", "fighters", "town" (from "of the
  town"). Not set for money and measures except via "of" ("$2bn of aid").
* Ages ("aged 45", "a 45-year-old", "45 years old") are quantities with
  ``unit="years"`` and ``counted="age"`` unless masked as temporal.
* Not quantities: years, dates, clock times, durations ("three years", "a
  27-year contract"), ordinals, phone numbers, list markers, labels and model
  numbers ("Boeing 737", "A330", "KC-45", "Flight 93", "No. 10", "COVID-19"),
  a lone "one" that does not count a following noun, scores written with the
  larger number first ("52-47").
"""

from rashomon.extract.quantities.extractor import find_quantities
from rashomon.extract.quantities.numbers import parse_number_words, parse_numeral

__all__ = ["find_quantities", "parse_number_words", "parse_numeral"]
