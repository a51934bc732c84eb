"""Word lists for the quantity extractor: number words, modifiers, units, currencies.

Everything here is lower-cased data; the logic lives in the other modules.
"""

from __future__ import annotations

# --- number words -----------------------------------------------------------

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}

TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Multipliers that may follow a number ("two million", "1.5 billion", "3m").
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "lakh": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
}

# Abbreviated magnitudes, as separate tokens ("£3 m") or glued to digits ("40bn").
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}

NUMBER_WORDS = set(SMALL_NUMBERS) | set(TENS) | set(SCALES) | {"dozen"}

# Plural counting words that make a vague amount: "hundreds of thousands".
VAGUE_PLURALS: dict[str, float] = {
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
    "lakhs": 1e5,
    "crores": 1e7,
}

# Vague multipliers before a singular scale word: "several hundred", "a few thousand".
# Values are the (low, high) multiples of the scale.
VAGUE_MULTIPLIERS: dict[tuple[str, ...], tuple[float, float]] = {
    ("a", "few"): (2, 5),
    ("few",): (2, 5),
    ("several",): (3, 9),
    ("many",): (2, 10),
    ("a", "couple", "of"): (2, 2),
    ("a", "couple"): (2, 2),
}

# --- modifiers --------------------------------------------------------------
# Each phrase maps to (bound, approximate); bound is "low", "high" or None.

PRE_MODIFIERS: dict[tuple[str, ...], tuple[str | None, bool]] = {
    ("about",): (None, True),
    ("around",): (None, True),
    ("roughly",): (None, True),
    ("approximately",): (None, True),
    ("approx",): (None, True),
    ("approx.",): (None, True),
    ("circa",): (None, True),
    ("c.",): (None, True),
    ("ca.",): (None, True),
    ("some",): (None, True),
    ("~",): (None, True),
    ("an", "estimated"): (None, True),
    ("estimated",): (None, True),
    ("an", "approximate"): (None, True),
    ("close", "to"): (None, True),
    ("more", "or", "less"): (None, True),
    ("the", "best", "part", "of"): (None, True),
    ("at", "least"): ("low", False),
    ("more", "than"): ("low", False),
    ("over",): ("low", False),
    ("above",): ("low", False),
    ("greater", "than"): ("low", False),
    ("upwards", "of"): ("low", False),
    ("upward", "of"): ("low", False),
    ("in", "excess", "of"): ("low", False),
    ("no", "fewer", "than"): ("low", False),
    ("no", "less", "than"): ("low", False),
    ("not", "less", "than"): ("low", False),
    ("a", "minimum", "of"): ("low", False),
    ("well", "over"): ("low", False),
    ("well", "above"): ("low", False),
    ("just", "over"): ("low", True),
    ("just", "above"): ("low", True),
    ("slightly", "more", "than"): ("low", True),
    ("exceeding",): ("low", False),
    ("up", "to"): ("high", False),
    ("as", "many", "as"): ("high", False),
    ("as", "much", "as"): ("high", False),
    ("fewer", "than"): ("high", False),
    ("less", "than"): ("high", False),
    ("under",): ("high", False),
    ("below",): ("high", False),
    ("at", "most"): ("high", False),
    ("no", "more", "than"): ("high", False),
    ("not", "more", "than"): ("high", False),
    ("a", "maximum", "of"): ("high", False),
    ("nearly",): ("high", True),
    ("almost",): ("high", True),
    ("just", "under"): ("high", True),
    ("just", "below"): ("high", True),
    ("just", "shy", "of"): ("high", True),
    ("slightly", "less", "than"): ("high", True),
    ("not", "quite"): ("high", True),
}
MAX_PRE_MODIFIER = max(len(p) for p in PRE_MODIFIERS)

POST_MODIFIERS: dict[tuple[str, ...], tuple[str | None, bool]] = {
    ("or", "more"): ("low", False),
    ("and", "more"): ("low", False),
    ("plus",): ("low", False),
    ("+",): ("low", False),
    ("or", "so"): (None, True),
    ("-", "odd"): (None, True),
    ("odd",): (None, True),
    ("or", "fewer"): ("high", False),
    ("or", "less"): ("high", False),
}
MAX_POST_MODIFIER = max(len(p) for p in POST_MODIFIERS)

# --- units ------------------------------------------------------------------

# Currency signs and codes written before the amount ("US$ 40", "GB£20.1", "€5").
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gb£": "GBP",
    "gbp": "GBP",
    "stg": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "¥": "JPY",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "nt$": "TWD",
    "chf": "CHF",
    "₽": "RUB",
    "₩": "KRW",
    "₪": "ILS",
}

# Currency names written after the amount ("40 billion dollars").
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "shekel": "ILS",
    "shekels": "ILS",
    "dinar": "DINAR",
    "dinars": "DINAR",
    "riyal": "SAR",
    "riyals": "SAR",
    "lira": "TRY",
    "francs": "CHF",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}

# Measurement units after the amount, mapped to one canonical spelling.
# Multi-word units are tuples of tokens.
UNIT_WORDS: dict[tuple[str, ...], str] = {
    ("%",): "%",
    ("percent",): "%",
    ("per", "cent"): "%",
    ("pc",): "%",
    ("percentage", "points"): "percentage points",
    ("percentage", "point"): "percentage points",
    ("points",): "points",
    ("basis", "points"): "basis points",
    ("km",): "km",
    ("kms",): "km",
    ("kilometres",): "km",
    ("kilometers",): "km",
    ("kilometre",): "km",
    ("kilometer",): "km",
    ("sq", "km"): "km2",
    ("km2",): "km2",
    ("km²",): "km2",
    ("square", "kilometres"): "km2",
    ("square", "kilometers"): "km2",
    ("square", "miles"): "sq miles",
    ("miles",): "miles",
    ("nautical", "miles"): "nmi",
    ("mile",): "miles",
    ("metres",): "m",
    ("meters",): "m",
    ("metre",): "m",
    ("meter",): "m",
    ("cm",): "cm",
    ("mm",): "mm",
    ("feet",): "ft",
    ("ft",): "ft",
    ("foot",): "ft",
    ("inches",): "in",
    ("yards",): "yd",
    ("hectares",): "ha",
    ("hectare",): "ha",
    ("ha",): "ha",
    ("acres",): "acres",
    ("acre",): "acres",
    ("tonnes",): "tonnes",
    ("tonne",): "tonnes",
    ("tons",): "tons",
    ("ton",): "tons",
    ("t",): "tonnes",
    ("kg",): "kg",
    ("kgs",): "kg",
    ("kilograms",): "kg",
    ("kilogrammes",): "kg",
    ("kilos",): "kg",
    ("grams",): "g",
    ("g",): "g",
    ("lb",): "lb",
    ("lbs",): "lb",
    ("ounces",): "oz",
    ("oz",): "oz",
    ("barrels",): "barrels",
    ("barrel",): "barrels",
    ("bpd",): "barrels per day",
    ("barrels", "a", "day"): "barrels per day",
    ("barrels", "per", "day"): "barrels per day",
    ("cents",): "cents",
    ("cent",): "cents",
    ("pence",): "pence",
    ("p",): "pence",
    ("litres",): "l",
    ("liters",): "l",
    ("gallons",): "gallons",
    ("cubic", "metres"): "m3",
    ("cubic", "meters"): "m3",
    ("mw",): "MW",
    ("megawatts",): "MW",
    ("gw",): "GW",
    ("gigawatts",): "GW",
    ("kwh",): "kWh",
    ("mwh",): "MWh",
    ("twh",): "TWh",
    ("mph",): "mph",
    ("km/h",): "km/h",
    ("kph",): "km/h",
    ("knots",): "knots",
    ("degrees",): "degrees",
    ("°c",): "°C",
    ("°f",): "°F",
    ("megatons",): "megatons",
    ("kilotons",): "kilotons",
}
MAX_UNIT = max(len(p) for p in UNIT_WORDS)

# Units glued to the digits inside one token ("10km", "5%", "40bn").
GLUED_UNITS: dict[str, str] = {
    "%": "%",
    "km": "km",
    "kms": "km",
    "km2": "km2",
    "mi": "miles",
    "kg": "kg",
    "kgs": "kg",
    "cm": "cm",
    "mm": "mm",
    "ft": "ft",
    "ha": "ha",
    "t": "tonnes",
    "lb": "lb",
    "lbs": "lb",
    "mw": "MW",
    "gw": "GW",
    "kwh": "kWh",
    "mph": "mph",
    "bpd": "barrels per day",
    "pc": "%",
}

# --- context words ------------------------------------------------------------

# A number followed by one of these is a duration, age or clock time, which
# belongs to the temporal tagger ("three years", "a 27-year contract", "5 pm").
TIME_WORDS = {
    "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
    "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds",
    "sec", "secs", "decade", "decades", "century", "centuries", "millennium", "millennia",
    "night", "nights", "weekend", "weekends", "fortnight", "fortnights", "quarter", "quarters",
    "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "gmt", "utc", "bst", "est", "edt",
    "pst", "cet", "hrs.", "morning", "evening", "afternoon", "semester", "term", "terms",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "ago", "bc", "ad", "bce", "ce", "season", "seasons",
}  # fmt: skip

# Words before a number that make it a label, not an amount ("Flight 93", "No. 10").
LABEL_WORDS = {
    "no", "no.", "nos", "nos.", "number", "#", "flight", "route", "highway", "interstate",
    "room", "article", "articles", "section", "sections", "chapter", "page", "pages", "p.",
    "pp.", "resolution", "amendment", "bill", "proposition", "prop", "prop.", "grade",
    "level", "category", "version", "model", "type", "row", "seat", "gate", "platform",
    "channel", "district", "ward", "precinct", "paragraph", "clause", "item", "figure",
    "fig.", "table", "appendix", "exhibit", "title", "vol", "vol.", "volume", "episode",
    "season", "phase", "stage", "part", "step", "apartment", "apt", "apt.", "suite", "unit",
    "building", "block", "lot", "box", "pier", "terminal", "runway", "squad", "bus", "train",
    "track", "lane", "road", "street", "avenue", "exit", "junction", "zone", "sector",
    "camp", "batch", "code", "rule", "act", "protocol", "op", "opus", "psalm", "verse",
    "game", "round", "match", "hole", "heat", "lap", "ranked", "rank",
    "top", "nr", "tel", "tel.", "telephone", "phone", "fax", "ext", "ext.", "pin",
    "postcode", "zip", "id", "vs", "vs.", "v", "v.", "versus", "class", "mark", "mk", "series",
}  # fmt: skip

# Nouns whose singular form counts many: "100 aircraft", "2,000 police".
INVARIANT_NOUNS = {
    "aircraft", "spacecraft", "craft", "people", "personnel", "staff", "police", "crew",
    "sheep", "fish", "deer", "cattle", "livestock", "offspring", "series", "species",
    "headquarters", "infantry", "artillery", "clergy", "militia", "youth", "manpower",
    "cavalry", "rabbi", "swine", "poultry", "salmon", "moose", "bison", "head", "strong",
    "percent", "troop", "refugee", "family", "household",
}  # fmt: skip

# Words that introduce an age: "aged 45", "at age 45".
AGE_WORDS = {"aged", "age", "ages"}

# Verbs of change: "rose from 40 to 60" is two values, not a range.
CHANGE_VERBS = {
    "rise", "fall", "increase", "decrease", "grow", "drop", "decline", "climb", "jump",
    "surge", "soar", "slip", "slide", "plunge", "tumble", "sink", "go", "change", "revise",
    "raise", "lower", "cut", "reduce", "boost", "expand", "shrink", "double", "triple",
    "halve", "swell", "move", "shift", "upgrade", "downgrade", "lift", "hike", "slash",
    "balloon", "spike", "dip", "ease", "edge", "widen", "narrow", "up", "down", "bring",
    "push", "trim", "inflate", "escalate", "improve", "worsen", "leap", "plummet", "rocket",
}  # fmt: skip

# Entity labels under which a number is part of a name ("Boeing 737", "Flight 93").
NAME_LABELS = {
    "PRODUCT", "ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON", "GPE", "LOC", "NORP",
    "LANGUAGE",
}  # fmt: skip
TEMPORAL_LABELS = {"DATE", "TIME"}
