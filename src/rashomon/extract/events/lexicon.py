"""Word tables that decide what counts as an event and which events are the same kind.

Why tables and not rules in code: the decisions are lexical ("said" is a quote
cue, "seem" is a state, "airstrike" is a happening) and change by adding words,
not logic. Everything here is data; :mod:`triggers` and :mod:`derivation` read it.

No WordNet package is installable offline as data, so the event nominals are a
curated list plus suffix rules (:mod:`derivation`) checked against the verb
index that ships with spaCy's English lemmatizer (itself WordNet-derived).
"""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Verbs that are never event triggers on their own: copulas, auxiliaries,
# modals, states, mental attitudes. "have" is kept out as possession; the
# aspectual/control verbs hand the event to their complement ("began shelling").
STATIVE_VERBS = words(
    """
    be have seem appear look sound feel know think believe understand realise realize
    want wish hope need like love hate prefer mean include contain consist comprise
    belong own possess remain stay exist lack matter depend involve concern resemble
    deserve cost weigh equal represent constitute become get do let
    can could may might must shall should will would ought
    expect suppose assume consider regard see hear seem remember forget recall
    """
)

# Reporting and communication verbs used as quote cues: the event is what is
# reported, not the reporting ("officials said the convoy was hit").
REPORTING_VERBS = words(
    """
    say tell add note explain state report quote comment write ask reply respond
    tweet insist argue suggest acknowledge confirm cite describe call mention
    """
)

# Verbs that pass the event to their complement.
ASPECTUAL_VERBS = words(
    """
    begin start continue keep stop cease finish try attempt manage seek plan intend
    threaten vow promise decide agree help allow
    """
)

# Light verbs: with an event noun as object the noun is the trigger
# ("carried out an attack", "held a meeting").
LIGHT_VERBS = words("make take give hold carry conduct stage launch have do mount")

# Heads whose complement did not happen ("denied attacking", "failed to win").
NEGATING_HEADS = words("deny refuse fail reject avoid prevent deny dismiss")
NEGATING_DETERMINERS = words("no neither never")

# Nouns that name happenings. Curated from news vocabulary: conflict, crime and
# justice, politics, disasters, business, sport, life events.
EVENT_NOMINALS = words(
    """
    attack airstrike strike bombing bombardment shelling raid ambush assault offensive
    invasion incursion siege battle war fighting clash skirmish combat firefight
    ceasefire truce massacre genocide shooting gunfight stabbing explosion blast
    detonation killing murder homicide assassination execution death suicide slaying
    kidnapping abduction hijacking hostage robbery theft burglary heist looting arson
    arrest detention capture raid seizure crackdown manhunt extradition deportation
    trial hearing verdict conviction acquittal sentencing sentence indictment charge
    appeal ruling lawsuit suit investigation probe inquiry inquest testimony
    protest demonstration rally march riot uprising revolt rebellion revolution coup
    strike walkout boycott unrest
    election vote referendum ballot poll primary caucus campaign inauguration swearing
    resignation appointment nomination dismissal impeachment ouster visit tour trip
    meeting summit talks negotiation conference session debate speech address
    interview announcement ceremony arrival funeral burial wedding marriage
    birth divorce retirement
    earthquake quake tremor aftershock temblor tsunami flood flooding storm hurricane
    typhoon cyclone tornado blizzard landslide mudslide avalanche eruption wildfire
    fire blaze drought famine outbreak epidemic pandemic collapse crash collision
    accident derailment sinking spill leak
    acquisition merger takeover buyout purchase sale deal bid offer launch release
    unveiling introduction layoff bankruptcy recall
    win victory defeat loss match game final tournament championship race concert
    premiere debut
    rescue evacuation escape surrender withdrawal pullout deployment landing
    injury overdose surgery operation transplant diagnosis
    """
)

# Derived nominals that name things, places or people rather than happenings.
NOT_EVENT_NOMINALS = (
    words(
        """
    government department apartment statement organization organisation administration
    nation station position population information equipment management environment
    agreement establishment settlement parliament movement treatment amendment
    development document argument instrument tournament payment compartment
    building housing clothing meaning feeling being thing nothing something anything
    everything morning evening ceiling wedding opinion region religion union
    version mission commission commissioner session question direction section
    condition tradition addition edition position relation location foundation
    institution constitution regulation legislation operation nation ration
    """
    )
    - EVENT_NOMINALS
)

# Nominal -> the verb of the same happening, where suffix rules cannot find it.
NOMINAL_VERBS: dict[str, str] = {
    "death": "die",
    "dead": "die",
    "birth": "bear",
    "born": "bear",
    "sale": "sell",
    "loss": "lose",
    "win": "win",
    "victory": "win",
    "defeat": "defeat",
    "trial": "try",
    "theft": "steal",
    "flight": "fly",
    "speech": "speak",
    "marriage": "marry",
    "wedding": "marry",
    "bid": "bid",
    "quake": "earthquake",
    "temblor": "earthquake",
    "tremor": "earthquake",
    "airstrike": "strike",
    "blast": "explode",
    "explosion": "explode",
    "arson": "burn",
    "suicide": "die",
    "homicide": "kill",
    "murder": "murder",
    "seizure": "seize",
    "capture": "capture",
    "detention": "detain",
    "arrest": "arrest",
}

# Kinds of action that news outlets report with different words. A lemma may
# belong to several classes; two mentions are of the same kind when their
# lemmas (or the verbs their nominals derive from) share a class.
SYNONYM_CLASSES: dict[str, frozenset[str]] = {
    "attack": words(
        "attack strike airstrike assault raid bomb bombing bombard bombardment shell "
        "shelling hit target ambush storm invade invasion incursion offensive"
    ),
    "fight": words("fight fighting battle clash skirmish combat war firefight"),
    "explode": words("explode explosion blast detonate detonation blow bomb bombing"),
    "arrest": words("arrest detain detention apprehend capture nab seize custody hold round jail"),
    "kill": words(
        "kill killing die death dead murder slay slaying assassinate assassination "
        "execute execution shoot shooting homicide massacre perish"
    ),
    "injure": words("injure injury wound hurt maim"),
    "quake": words("earthquake quake tremor temblor aftershock shake jolt rock strike hit"),
    "charge": words("charge indict indictment accuse prosecute"),
    "convict": words("convict conviction sentence sentencing jail imprison guilty"),
    "acquire": words("acquire acquisition buy purchase takeover take merge merger"),
    "sell": words("sell sale"),
    "announce": words("announce announcement unveil unveiling introduce launch reveal"),
    "elect": words("elect election vote win"),
    "win": words("win victory defeat beat triumph"),
    "meet": words("meet meeting summit talk talks negotiation"),
    "protest": words("protest demonstration demonstrate rally march riot"),
    "resign": words("resign resignation quit step leave depart departure"),
    "appoint": words("appoint appointment name nominate nomination choose select cast hire"),
    "rescue": words("rescue save evacuate evacuation"),
    "release": words("release free"),
    "kidnap": words("kidnap kidnapping abduct abduction hijack hijacking"),
    "crash": words("crash collide collision derail derailment"),
    "burn": words("fire blaze burn arson wildfire"),
    "flee": words("flee escape evacuate"),
    "sign": words("sign signing ink"),
    "withdraw": words("withdraw withdrawal pull pullout retreat"),
    "deploy": words("deploy deployment send dispatch"),
}

# Prepositions that attach a place ("in Gaza", "near the border").
PLACE_PREPOSITIONS = words(
    "in at near inside outside across around throughout off along outside within over"
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Dependency labels of a verb's arguments, and of an event noun's.
VERB_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "oprd", "csubj", "npadvmod"}
)
NOUN_ARGUMENT_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos"})
ARGUMENT_PREPOSITIONS = words(
    "by of against on with to from between among for into upon over about"
)
