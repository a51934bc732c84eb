"""Named-entity mentions and their document-local resolution, on real news text."""

from __future__ import annotations

from rashomon.extract.entities import find_entity_mentions, fold, initials, strip_titles

# Wikinews, "Northrop Grumman and Airbus parent EADS defeat Boeing ..." (CC BY 2.5).
TANKER = (
    "Northrop Grumman and Airbus parent company European Aeronautic Defence and Space "
    "Company EADS N.V. (EADS) have unexpectedly defeated Boeing for a US$40 billion contract "
    "to supply the United States Air Force (USAF) with 179 new aerial refueling tankers. "
    "Northrop Grumman CEO Ron Sugar said in an interview that everyone told them they were crazy. "
    "USAF officials said that the contract had been awarded based on competence. "
    "The Northrop Grumman KC-45 tankers are based on the Airbus A330 MRTT. "
    "A statement by Boeing spokesman William Barksdale said they were disappointed. "
    "Barksdale added that Boeing would review the details behind the award."
)


def keys_of(mentions, surface):
    return {m.key for m in mentions if m.text == surface}


def test_declared_acronym_resolves_to_full_name(nlp):
    mentions = find_entity_mentions(nlp(TANKER), "d1")
    assert keys_of(mentions, "USAF") == {"United States Air Force"}


def test_surname_resolves_to_full_person_name(nlp):
    mentions = find_entity_mentions(nlp(TANKER), "d1")
    assert keys_of(mentions, "Barksdale") == {"William Barksdale"}
    assert keys_of(mentions, "William Barksdale") == {"William Barksdale"}


def test_offsets_point_at_the_mention_text(nlp):
    doc = nlp(TANKER)
    for m in find_entity_mentions(doc, "d1"):
        assert doc.text[m.start : m.end] == m.text
        assert not m.text.startswith("the ")


def test_leading_article_and_possessive_are_not_part_of_the_name(nlp):
    text = (
        "The Pentagon said on Friday that the deal was final. "
        "Critics of the Pentagon's decision said Boeing's offer had been cheaper."
    )
    doc = nlp(text)
    mentions = find_entity_mentions(doc, "d2")
    pentagon = [m for m in mentions if "Pentagon" in m.text]
    assert pentagon, "spaCy should find the Pentagon"
    assert {m.text for m in pentagon} == {"Pentagon"}
    assert {m.key for m in pentagon} == {"Pentagon"}


def test_one_word_organisation_short_form(nlp):
    mentions = find_entity_mentions(nlp(TANKER), "d1")
    assert keys_of(mentions, "Northrop") == {"Northrop Grumman"}


def test_a_place_is_never_folded_into_a_longer_organisation(nlp):
    text = (
        "The United States Air Force awarded the deal. Officials in the United States "
        "welcomed the decision, while the Air Force said tests would start in 2010."
    )
    mentions = find_entity_mentions(nlp(text), "d4")
    assert "United States Air Force" not in keys_of(mentions, "United States")


def test_helpers():
    assert fold("Al-Qaïda") == "al qaida"
    assert initials("United States Air Force") == "USAF"
    assert initials("Islamic Revolutionary Guard Corps") == "IRGC"
    assert strip_titles("President Barack Obama") == "Barack Obama"
    assert strip_titles("General") == "General"
