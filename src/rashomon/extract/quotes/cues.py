"""The attribution lexicon, as data: cue verbs, report nouns, pronouns.

Each cue verb maps its lemma to the form reported in :attr:`Quote.cue` (the
simple past, which is how news prose attributes: "said", "told", "denied").
The lists follow the reporting verbs of the PARC 3.0 / Pareti attribution
guidelines and the verbs that carry quotes in BASIL, trimmed to those that
introduce speech rather than belief or perception ("think", "see" are out).
"""

from __future__ import annotations

# lemma -> reported cue form. Verbs of saying, telling, asserting and disclosing.
CUE_VERBS: dict[str, str] = {
    "say": "said",
    "tell": "told",
    "reveal": "revealed",
    "claim": "claimed",
    "deny": "denied",
    "allege": "alleged",
    "warn": "warned",
    "announce": "announced",
    "confirm": "confirmed",
    "insist": "insisted",
    "state": "stated",
    "add": "added",
    "note": "noted",
    "explain": "explained",
    "argue": "argued",
    "write": "wrote",
    "report": "reported",
    "acknowledge": "acknowledged",
    "admit": "admitted",
    "declare": "declared",
    "assert": "asserted",
    "contend": "contended",
    "maintain": "maintained",
    "predict": "predicted",
    "conclude": "concluded",
    "ask": "asked",
    "reply": "replied",
    "respond": "responded",
    "tweet": "tweeted",
    "post": "posted",
    "recall": "recalled",
    "testify": "testified",
    "complain": "complained",
    "urge": "urged",
    "charge": "charged",
    "accuse": "accused",
    "promise": "promised",
    "vow": "vowed",
    "pledge": "pledged",
    "threaten": "threatened",
    "stress": "stressed",
    "emphasize": "emphasized",
    "emphasise": "emphasised",
    "observe": "observed",
    "remark": "remarked",
    "comment": "commented",
    "mention": "mentioned",
    "disclose": "disclosed",
    "concede": "conceded",
    "boast": "boasted",
    "brag": "bragged",
    "shout": "shouted",
    "yell": "yelled",
    "scream": "screamed",
    "chant": "chanted",
    "whisper": "whispered",
    "caution": "cautioned",
    "indicate": "indicated",
    "suggest": "suggested",
    "assure": "assured",
    "inform": "informed",
    "hint": "hinted",
    "speculate": "speculated",
    "proclaim": "proclaimed",
    "clarify": "clarified",
    "retort": "retorted",
    "counter": "countered",
    "quip": "quipped",
    "joke": "joked",
    "lament": "lamented",
    "demand": "demanded",
    "estimate": "estimated",
    "concur": "concurred",
    "reiterate": "reiterated",
    "repeat": "repeated",
    "agree": "agreed",
    "protest": "protested",
    "object": "objected",
    "plead": "pleaded",
    "swear": "swore",
    "tout": "touted",
    "rule": "ruled",
    "recount": "recounted",
    "describe": "described",
    "call": "called",
    "dub": "dubbed",
    "label": "labelled",
    "brand": "branded",
    "term": "termed",
}

# Cues that name or characterise rather than report a proposition: they make a
# direct quote attributed ("called it a 'witch hunt'") but no indirect one.
DIRECT_ONLY: frozenset[str] = frozenset(
    {"describe", "call", "dub", "label", "brand", "term", "post", "chant"}
)

# Cues whose direct object is the reported content when there is no clause:
# "X denied the allegations", "X confirmed the deal".
OBJECT_CONTENT: frozenset[str] = frozenset(
    {
        "deny",
        "confirm",
        "announce",
        "reveal",
        "claim",
        "allege",
        "acknowledge",
        "admit",
        "disclose",
        "predict",
        "concede",
        "demand",
        "promise",
        "pledge",
        "vow",
        "estimate",
    }
)

# Phrasal cues: lemma + particle -> cue form.
PHRASAL_CUES: dict[tuple[str, str], str] = {
    ("point", "out"): "pointed out",
    ("spell", "out"): "spelled out",
    ("lay", "out"): "laid out",
}

# Nouns whose "in/from/by/of X" names the real source: "a report in Der Spiegel
# said", "according to a statement from the ministry".
REPORT_NOUNS: frozenset[str] = frozenset(
    """
    report statement article story communique communiqué release editorial memo
    memorandum letter document documents filing complaint study survey analysis
    investigation interview post tweet blog op-ed column broadcast bulletin
    announcement briefing transcript cable email e-mail message video footage
    """.split()
)
SOURCE_PREPS: frozenset[str] = frozenset({"in", "from", "by", "of", "on", "at"})

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS: frozenset[str] = frozenset({"it"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})

# Words that end a direct quote's attribution search: a quote this short with
# no cue is a scare quote ("so-called 'rebels'").
SCARE_MAX_WORDS = 3
SCARE_PREFIXES: tuple[str, ...] = ("so-called", "so called", "self-styled", "self-proclaimed")

# Gender cues for "he"/"she": titles, and common first names (news-frequent,
# US/UK-centred; a name not listed simply gives no constraint).
MALE_TITLES: frozenset[str] = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father"})
FEMALE_TITLES: frozenset[str] = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "dame", "queen", "princess"}
)
MALE_NAMES: frozenset[str] = frozenset(
    """
    john james robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
    jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
    vincent ralph eugene russell bobby mason philip louis barack bill mitt ted mike chuck
    bernie rand newt rick marco jeb boris vladimir emmanuel recep xi kim muammar bashar
    hassan ali mohammed muhammad ahmed omar abdullah benjamin ehud ariel shimon tony gordon
    nigel jeremy rishi keir tom jim bob dick ben ron rudy rex mitch kevin lindsey
    """.split()
)
FEMALE_NAMES: frozenset[str] = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda
    pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth
    maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan
    evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber
    marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte
    rose alexis kayla hillary michelle sonia elena condoleezza sarah theresa nikki kamala
    alexandria ilhan rashida ayanna elizabeth kirsten tammy dianne susan lisa marsha liz
    nancy maxine stacey kellyanne ivanka melania betsy kirstjen gina jeanine megyn
    """.split()
)
