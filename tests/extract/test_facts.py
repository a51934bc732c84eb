"""Facts of one document: slot values read off the parse, on news sentences."""

from __future__ import annotations

import pytest

import rashomon.link  # noqa: F401  (import order: link before extract.entities)
from rashomon.extract.pipeline import extract_document
from rashomon.model import Document, FactMention


def facts_of(text: str, published: str | None = "2019-03-04") -> list[FactMention]:
    return extract_document(Document("d1", "d1.txt", text, published=published)).facts


def slots(facts: list[FactMention]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in facts:
        found.setdefault(f.slot, []).append(f.value)
    return found


@pytest.mark.parametrize(
    ("sentence", "slot", "value"),
    [
        (
            "Five people were killed when a gunman opened fire at the Oak Street bar.",
            "count:killed",
            "5",
        ),
        (
            "The gunman killed three people and wounded nine others before he fled.",
            "count:killed",
            "3",
        ),
        (
            "The gunman killed three people and wounded nine others before he fled.",
            "count:injured",
            "9",
        ),
        ("He shot three men, killing two and wounding a third, police said.", "count:injured", "1"),
        (
            "At least 12 people died after the ferry capsized in the Meghna river.",
            "count:killed",
            ">=12",
        ),
        (
            "Police arrested 17 suspected smugglers near the Kessa border post on Saturday.",
            "count:arrested",
            "17",
        ),
        (
            "The navy took 23 pirates into custody after a brief exchange of fire.",
            "count:arrested",
            "23",
        ),
        (
            "The death toll from the earthquake rose to 57 on Tuesday, officials said.",
            "count:killed",
            "57",
        ),
        ("The quake left 400 people homeless across the province.", "count:displaced", "400"),
        ("No one was injured in the blaze, fire officials said.", "count:injured", "0"),
        (
            "The company sold its chip unit for $1.3 billion in cash.",
            "count:money:USD",
            "1300000000",
        ),
        ("A 6.1-magnitude earthquake struck the island on Tuesday.", "count:magnitude", "6.1"),
        ("The quake measured 6.3 on the Richter scale.", "count:magnitude", "6.3"),
        ("He slipped and fell about 200ft from a ridge.", "count:distance", "60.96"),
    ],
)
def test_counts_by_role(sentence: str, slot: str, value: str) -> None:
    assert value in slots(facts_of(sentence)).get(slot, []), facts_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Two of the victims were children.",  # a part, and no role at all
        "Two of the wounded died later in hospital.",  # adds to a toll told elsewhere
        "Two more of the victims died on Monday.",  # an increment
        "Three more people were injured in a second blast.",  # an increment
        "A woman and two men were shot outside the club.",  # two men are a part of the shot
        "Three boats were captured by the warship.",  # boats are not arrests
        "He has hosted the awards three times.",  # a frequency
        "The injuries were not life-threatening, police said.",  # no count at all
    ],
)
def test_what_is_never_a_toll(sentence: str) -> None:
    counted = {f.slot for f in facts_of(sentence) if f.slot.startswith("count:")}
    assert not counted & {"count:killed", "count:injured", "count:arrested", "count:shot"}


@pytest.mark.parametrize(
    ("sentence", "slot", "bound"),
    [
        ("Two of the victims were killed at the scene.", "count:killed", ">=2"),
        ("Two of the three passengers died at the hospital, police said.", "count:killed", ">=2"),
        ("Three of them were arrested on Sunday night.", "count:arrested", ">=3"),
    ],
)
def test_a_part_that_undergoes_the_event_bounds_its_toll(
    sentence: str, slot: str, bound: str
) -> None:
    # at least that many: never an exact toll to set against another report's
    assert slots(facts_of(sentence)).get(slot) == [bound], facts_of(sentence)


def test_two_clauses_joined_by_and_each_give_their_toll() -> None:
    # "12 Somali and 11 Yemeni pirates" is one list; "Four died and 12 were hurt" two clauses
    found = slots(facts_of("Four died and 12 were hurt when the bus overturned."))
    assert found.get("count:killed") == ["4"] and found.get("count:injured") == ["12"]
    listed = slots(facts_of("The navy arrested 12 Somali and 11 Yemeni pirates on Friday."))
    assert not listed.get("count:arrested"), listed


def test_when_is_the_date_tied_to_the_trigger_not_a_dateline_or_a_modifier() -> None:
    found = slots(facts_of("Police arrested the suspect on Wednesday, a day after the attack."))
    assert found["when"] == ["2019-02-27"]
    assert "when" not in slots(facts_of("He opened fire at a Christmas party in the office."))
    dateline = "Suspect held after shooting\nMarch 3, 2011 9:14AM\nPolice arrested a man."
    assert all(f.text != "March 3, 2011" for f in facts_of(dateline))


def test_agent_patient_and_place_are_named_arguments() -> None:
    found = slots(facts_of("Israeli troops killed Ahmed Yassin in Gaza City on Monday."))
    assert "Ahmed Yassin" in found["patient"]
    assert "Gaza City" in found["where"]
    # "the Greek coast guard": the actor is the coast guard, not Greece
    assert "agent" not in slots(facts_of("The Greek coast guard seized the trawler on Saturday."))
    # the one who died was acted on, not an actor
    assert "John Smith" in slots(facts_of("John Smith died in the crash on Monday."))["patient"]


def test_a_headline_passive_makes_its_subject_the_one_acted_on() -> None:
    for headline in (
        "Lakers' Brennan arrested on suspicion of DUI",
        "Brennan arrested on DUI charge",
    ):
        found = slots(facts_of(headline))
        assert found.get("patient") == ["Brennan"] and "agent" not in found, (headline, found)
    # an active verb with its object keeps its actor
    assert "Smith" in slots(facts_of("Smith killed his wife on Monday."))["agent"]


def test_attribution_quote_hedge_and_update() -> None:
    (fact,) = [f for f in facts_of("Police said 4 people were killed.") if f.slot == "count:killed"]
    assert fact.attribution == "Police"
    hedged = [f for f in facts_of("Reportedly, 30 people were killed.") if f.slot == "count:killed"]
    assert hedged and hedged[0].hedged
    update = facts_of("The death toll rose to 57 on Tuesday.")
    assert any(f.slot == "count:killed" and f.revised for f in update)


def test_a_figure_joined_to_a_word_counts_that_word_not_the_noun() -> None:
    facts = facts_of(
        "The new phone packs a 3.2-megapixel camera, the company said on Monday. "
        "Police seized seven rifles in the raid."
    )
    found = slots(facts)
    assert "count:camera" not in found, found
    assert found.get("count:megapixel") == ["3.2"], found
    assert found.get("count:rifle") == ["7"], found


def test_an_age_joined_by_hyphens_stays_an_age() -> None:
    found = slots(
        facts_of("On Friday, 36-year-old Duncan Rait died after falling about 200ft from a ridge.")
    )
    assert found.get("count:age") == ["36"], found
    assert "count:year" not in found, found


def test_more_than_is_a_bound_not_an_increment() -> None:
    found = slots(facts_of("More than 200 people were arrested during the protests."))
    assert found.get("count:arrested") == [">=200"], found
    assert "count:arrested" not in slots(facts_of("Police arrested three more people on Monday."))


def test_a_written_one_counts_a_toll_of_one_person() -> None:
    assert slots(facts_of("One victim died at the hospital, police said."))["count:killed"] == ["1"]
    assert slots(facts_of("The blast kills one person in Chicago."))["count:killed"] == ["1"]
    # a pronoun, "the one", or a thing counted: not a toll
    for text in (
        "The one person who was arrested was released on Monday.",
        "One of the victims died at the hospital.",
        "One thing was clear after the attack on Monday.",
    ):
        assert not [s for s in slots(facts_of(text)) if s.startswith("count:")], text


def test_a_clock_time_is_not_a_count() -> None:
    found = slots(
        facts_of(
            "The gunman walked in around 10 a. m., stopped at the desk and opened fire, "
            "killing three people, police said. A second man was seen at 7 p.m. nearby. "
            "The first call came at 3: 05 a. m., and a third at 11 : 45 p. m."
        )
    )
    assert not [s for s in found if s in ("count:m.", "count:p.m.", "count:a.m.")], found
    assert found.get("count:killed") == ["3"], found


def test_a_number_hyphenated_to_a_noun_measures_it_and_is_not_a_model_name() -> None:
    found = slots(
        facts_of(
            "The state auditor released a 60-page report on Tuesday. "
            "The mayor recited the 12-word motto at the opening of the new bridge."
        )
    )
    assert found.get("count:page") == ["60"], found
    assert found.get("count:word") == ["12"], found
    # a number that names one thing stays silent
    for sentence in ("He flew a 737 airliner to Seattle on Monday.", "The 787-8 was delayed."):
        assert not [s for s in slots(facts_of(sentence)) if s.startswith("count")], sentence


def test_the_means_of_an_act_is_not_the_one_acted_on() -> None:
    found = slots(facts_of("Deputies used a Taser to restrain Marcus Hill, the sheriff said."))
    assert found.get("patient") == ["Marcus Hill"], found
    guards = slots(facts_of("Guards used a Taser on the intruder, a spokesman said."))
    assert "patient" not in guards, guards


@pytest.mark.parametrize(
    ("sentence", "charges"),
    [
        (
            "Moore was charged with first-degree murder and armed robbery on Tuesday.",
            ["murder", "robbery"],
        ),
        ("The driver was arrested on suspicion of drunken driving near the bridge.", ["driving"]),
        ("Stone was indicted on charges of obstruction in Washington.", ["obstruction"]),
        ("He pleaded guilty to one count of wire fraud in federal court.", ["fraud"]),
        ("A jury found him guilty of manslaughter after a week of testimony.", ["manslaughter"]),
        ("She was booked into jail on a charge of vehicular manslaughter.", ["manslaughter"]),
    ],
)
def test_the_offence_charged_is_an_outcome(sentence: str, charges: list[str]) -> None:
    assert slots(facts_of(sentence)).get("outcome:charge") == charges, facts_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "She was arrested on Tuesday in Dayton after a short chase.",  # a day, not a charge
        "He was arrested for years of abuse, his lawyer said.",  # a duration
        "Moore was not charged with murder, prosecutors said.",  # a denial states no charge
        "The charge of the light brigade was a famous disaster.",  # no charging verb
    ],
)
def test_what_is_not_a_charge(sentence: str) -> None:
    assert "outcome:charge" not in slots(facts_of(sentence)), facts_of(sentence)


def test_a_charge_span_keeps_its_modifiers() -> None:
    text = "Moore was charged with first-degree murder on Tuesday."
    (fact,) = [f for f in facts_of(text) if f.slot == "outcome:charge"]
    assert text[fact.start : fact.end] == fact.text == "first-degree murder"


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Nine people were killed in Dunmore district when the quake struck.", "dunmore district"),
        ("In the village of Marrow Creek, one man was killed.", "village marrow creek"),
        ("Two people died in hospital on Wednesday.", "hospital"),
        ("The quake killed 12 people in Halden district and hurt 40.", "halden district"),
        ("Five people were killed in Dayton, Ohio, early Sunday.", "dayton ohio"),
        ("At least 20 people were killed in the quake, officials said.", None),
        ("One man died in the Tuesday evening shooting, police said.", None),
        ("Four people were killed when a gunman opened fire outside a lounge in Dayton.", None),
    ],
)
def test_a_toll_keeps_the_place_it_is_told_for(sentence: str, scope: str | None) -> None:
    (toll,) = [f for f in facts_of(sentence) if f.slot == "count:killed"][:1]
    assert toll.scope == scope, (sentence, toll)


@pytest.mark.parametrize(
    ("sentence", "slot", "trigger"),
    [
        (
            "Maria Lopez, 61, was crossing Elm Street at a bus stop when she was struck "
            "by a pickup truck on Thursday evening.",
            "patient",
            "struck",
        ),
        ("Tom Reed was driving home when he hit a cyclist on Elm Street.", "agent", "hit"),
        (
            "Anna Grey had locked her bicycle and was heading into the library when she "
            "was struck by a van.",
            "patient",
            "struck",
        ),
    ],
)
def test_the_subject_of_a_scene_setting_clause_takes_part_in_the_when_clause(
    sentence: str, slot: str, trigger: str
) -> None:
    # "X was walking when she was struck": X is the one struck, not an actor of walking
    named = [f for f in facts_of(sentence) if f.slot in ("agent", "patient")]
    assert [(f.slot, sentence[f.event_start : f.event_end]) for f in named] == [
        (slot, trigger)
    ], named


@pytest.mark.parametrize(
    "sentence",
    [
        '"I will step down after today," Mayor Ellen Hart said.',
        "The plant will stay open until Friday, the council said.",
        "The two men have been held at the county jail since Monday.",
    ],
)
def test_a_bound_is_not_the_day_of_the_happening(sentence: str) -> None:
    assert "when" not in slots(facts_of(sentence)), facts_of(sentence)


def test_the_day_of_the_happening_is_still_read() -> None:
    facts = facts_of("Mayor Ellen Hart stepped down on Friday, the council said.")
    assert slots(facts).get("when") == ["2019-03-01"], facts


def test_by_after_an_active_verb_names_no_actor() -> None:
    # "stood by the cooperative": an active verb; the cooperative is stood by, not acting
    sentence = (
        "Farmers who have stood by the Lakeside Cooperative for years feel let down, "
        "council member Mark Dale said."
    )
    assert "agent" not in slots(facts_of(sentence)), facts_of(sentence)
    passive = facts_of("The officer was struck by Tom Reed on Elm Street on Friday.")
    assert [f.text for f in passive if f.slot == "agent"] == ["Tom Reed"], passive


@pytest.mark.parametrize(
    ("sentence", "superseded"),
    [
        ("Early reports said four of the six passengers were killed.", True),
        ("Earlier reports said five people were killed in the fire.", True),
        ("Police said five people were killed in the fire.", False),
    ],
)
def test_a_toll_told_as_an_earlier_figure_is_marked(sentence: str, superseded: bool) -> None:
    (toll,) = [f for f in facts_of(sentence) if f.slot == "count:killed"]
    assert toll.superseded is superseded, toll


@pytest.mark.parametrize(
    "sentence",
    [
        "A magnitude 6.1 earthquake struck Crete on Tuesday, officials said.",
        "A powerful storm battered Florida on Sunday.",
    ],
)
def test_what_a_force_of_nature_strikes_is_a_place(sentence: str) -> None:
    found = slots(facts_of(sentence))
    assert "patient" not in found and found.get("where"), found


def test_what_an_attacker_strikes_is_still_its_target() -> None:
    found = slots(facts_of("Israeli jets bombed Gaza City on Monday."))
    assert found.get("patient") == ["Gaza City"], found
