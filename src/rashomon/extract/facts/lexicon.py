"""Word tables for facts: which words name a counted role, a revision, a hedge.

Why tables: whether "17 smugglers" are *arrested* or *killed* depends on the verb
or noun that governs them ("nabbed", "took into custody", "the death toll"),
and news uses a small, stable vocabulary for each role. The tables are data,
read by :mod:`counts`; a new wording is a new word here, not new logic.
"""

from __future__ import annotations

import re


def words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Count roles: verb lemmas whose patient is counted in that role.
ROLE_VERBS: dict[str, frozenset[str]] = {
    "killed": words(
        "kill die murder slay perish execute massacre assassinate behead drown "
        "electrocute suffocate claim"
    ),
    "injured": words("injure wound hurt maim hospitalize hospitalise burn"),
    "arrested": words("arrest detain apprehend capture nab round jail imprison"),
    "charged": words("charge indict"),
    "convicted": words("convict"),
    "missing": words("disappear vanish"),
    "displaced": words("displace evacuate flee uproot"),
    "rescued": words("rescue save free release"),
    "shot": words("shoot"),
    "kidnapped": words("kidnap abduct seize"),
    "affected": words("affect"),
}
# "claim" counts the killed only with "lives" as its object ("claimed 30 lives").
OBJECT_RESTRICTED = {"claim": words("life lives"), "seize": words("hostage people person")}

# What can be killed, injured or arrested: people. A counted noun must name people
# ("17 smugglers", "five civilians", "12 Somalis") for a role verb to count it: "three
# boats were captured" counts boats, not arrests. Agent nouns ("-er", "-ist", "-ian",
# "-ant", "-ent") and demonyms (proper nouns) name people too.
PERSON_NOUNS = words(
    """
    people person persons man men woman women child children kid kids boy boys girl girls
    baby babies infant infants teen teens teenager teenagers adult adults youth youths
    student students pupil pupils soldier soldiers troop troops civilian civilians
    officer officers police policeman policemen guard guards militant militants
    insurgent insurgents fighter fighters rebel rebels gunman gunmen suspect suspects
    protester protesters demonstrator demonstrators worker workers employee employees
    passenger passengers crew miner miners resident residents villager villagers
    victim victims tourist tourists journalist journalists reporter reporters member
    members pirate pirates militiaman militiamen migrant migrants refugee refugees
    prisoner prisoners inmate inmates hostage hostages patient patients doctor doctors
    nurse nurses firefighter firefighters climber climbers driver drivers pedestrian
    pedestrians fan fans spectator spectators shopper shoppers worshipper worshippers
    family families relative relatives citizen citizens national nationals foreigner
    foreigners staff staffer staffers agent agents sailor sailors marine marines
    trooper troopers policewoman policewomen cop cops sibling siblings brother brothers
    sister sisters son sons daughter daughters parent parents husband wife
    """
)
PERSON_SUFFIXES = ("er", "ers", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents")
NON_PERSON_NOUNS = words(
    """
    container containers computer computers trailer trailers tanker tankers carrier
    carriers freighter freighters fighter-jet bomber bombers helicopter helicopters
    counter counters center centers centre centres percent cent cents element elements
    document documents equipment department departments apartment apartments event
    events incident incidents segment segments
    """
)

# Nouns that carry the role themselves ("five deaths", "the death toll", "23 arrests").
ROLE_NOUNS: dict[str, frozenset[str]] = {
    "killed": words("death fatality dead body corpse life toll"),
    "injured": words("injury injured wounded"),
    "arrested": words("arrest detainee"),
    "missing": words("missing"),
    "displaced": words("evacuee refugee homeless"),
    "casualties": words("casualty"),
}
# Adjectives after the number ("five dead", "nine injured", "two missing").
ROLE_ADJECTIVES: dict[str, frozenset[str]] = {
    "killed": words("dead"),
    "injured": words("injured wounded hurt"),
    "missing": words("missing"),
    "displaced": words("homeless displaced"),
}
# Modifiers of "toll" or "number" that say which role it counts.
TOLL_MODIFIERS: dict[str, frozenset[str]] = {
    "killed": words("death dead fatality kill die"),
    "injured": words("injury injured wounded injure wound hurt"),
    "casualties": words("casualty"),
}
TOLL_NOUNS = words("toll number tally count figure total")
# "shot dead", "shot and killed", "fatally shot": the shot were killed.
FATAL_MODIFIERS = words("dead fatally")

# Units that make the role: money and percentages are counted in their own slots.
MONEY_UNITS = frozenset(
    {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CAD", "AUD", "CHF", "RUB", "KRW", "ILS", "TWD"}
)
PERCENT_UNITS = frozenset({"%", "percent", "per cent"})
# Units of measure: a figure in any of them is compared in one slot, converted to
# the first unit of its kind ("200 feet" and "60 metres" are one distance).
MEASURES: dict[str, tuple[str, float]] = {
    "m": ("distance", 1.0),
    "metre": ("distance", 1.0),
    "metres": ("distance", 1.0),
    "meter": ("distance", 1.0),
    "meters": ("distance", 1.0),
    "km": ("distance", 1000.0),
    "kilometres": ("distance", 1000.0),
    "kilometers": ("distance", 1000.0),
    "cm": ("distance", 0.01),
    "mm": ("distance", 0.001),
    "ft": ("distance", 0.3048),
    "feet": ("distance", 0.3048),
    "foot": ("distance", 0.3048),
    "in": ("distance", 0.0254),
    "yd": ("distance", 0.9144),
    "miles": ("distance", 1609.344),
    "mile": ("distance", 1609.344),
    "nmi": ("distance", 1852.0),
    "kg": ("weight", 1.0),
    "g": ("weight", 0.001),
    "tonnes": ("weight", 1000.0),
    "tons": ("weight", 907.18),
    "lb": ("weight", 0.4536),
    "oz": ("weight", 0.02835),
    "ha": ("area", 1.0),
    "hectares": ("area", 1.0),
    "acres": ("area", 0.4047),
    "km2": ("area", 100.0),
    "sq miles": ("area", 259.0),
}

# Units of duration: "for three hours" is not a count of anything that happened.
# Frequencies ("three times") count repetitions, not what one event did.
TIME_UNITS = words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "time times"
) | {"a.m.", "p.m.", "am", "pm", "m.", "a.m", "p.m"}  # "10 a.m.": a clock time, not a count

# Words that make a number part of a larger whole ("two of the victims") or an
# increment ("another five", "three more"): not the event's total.
PARTITIVE_AFTER = words("of among")
INCREMENT_WORDS = words("another more additional other further extra")

# Heads that mark the value as an update of an earlier one ("the toll rose to 5").
REVISION_VERBS = words("rise climb increase jump grow reach swell mount revise update raise")
REVISION_ADVERBS = words("now later since subsequently")
REVISION_FROM = words("from")  # "rose from 3 to 5": the "from" value is the earlier one
# A figure told as an earlier one, since replaced: "early reports said four dead",
# "a radio station initially reported six", "police had earlier put the toll at three".
SUPERSEDED = re.compile(
    r"\b(?:originally|initially|earlier|previously|first)\s+(?:reported|said|put|gave|"
    r"estimated|counted|stated|told)\b|\b(?:earlier|initial|first|previous|early)\s+"
    r"(?:reports?|estimates?|figures?|counts?|tallies)\b",
    re.IGNORECASE,
)

# Hedges: the source marks the value as uncertain.
HEDGE_WORDS = words(
    "reportedly allegedly apparently possibly probably perhaps presumably purportedly "
    "unconfirmed may might could suspected feared believed estimated rumoured rumored"
)
HEDGE_PHRASES = ("as many as", "up to", "it is believed", "is thought", "are thought")

# Negating words on a counted role: "no one was killed", "no injuries".
NONE_SUBJECTS = words("nobody none no-one")
NONE_DETERMINERS = words("no")

# Entity types that can act or be acted on in an event.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
