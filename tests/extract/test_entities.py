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


def test_declared_aliases_take_the_key_of_their_name(nlp):
    text = (
        "The Islamic State of Iraq and the Levant (ISIL), also known as Daesh, claimed the "
        "attack. The Islamic State (also called ISIS) had warned of it. The Islamic "
        "Revolutionary Guard Corps (IRGC) said it shot down a drone; the IRGC denied more."
    )
    mentions = find_entity_mentions(nlp(text), "d5")
    # spaCy splits the first name at "and the Levant"; the acronym repairs it
    assert keys_of(mentions, "Islamic State of Iraq and the Levant") == {
        "Islamic State of Iraq and the Levant"
    }
    assert keys_of(mentions, "ISIL") == {"Islamic State of Iraq and the Levant"}
    assert keys_of(mentions, "Daesh") == {"Islamic State of Iraq and the Levant"}
    assert keys_of(mentions, "ISIS") == {"Islamic State"}
    assert keys_of(mentions, "IRGC") == {"Islamic Revolutionary Guard Corps"}
    assert len([m for m in mentions if m.text == "IRGC"]) == 2


def test_formerly_known_as_and_comma_or_acronym(nlp):
    text = (
        "The Islamic State of Iraq and the Levant, or ISIL, lost ground in Syria. "
        "Hezbollah, formerly known as the Islamic Jihad Organization, denied any role."
    )
    mentions = find_entity_mentions(nlp(text), "d6")
    assert keys_of(mentions, "ISIL") == {"Islamic State of Iraq and the Levant"}
    assert keys_of(mentions, "Islamic Jihad Organization") == {"Hezbollah"}


def test_a_list_and_a_party_label_are_not_aliases(nlp):
    text = (
        "Diplomats from Russia, or China, were not invited. "
        "Nancy Pelosi (D-Calif.) said the House would vote on Friday."
    )
    mentions = find_entity_mentions(nlp(text), "d7")
    assert keys_of(mentions, "China") <= {"China"}
    assert "Nancy Pelosi" not in {m.key for m in mentions if m.text != "Nancy Pelosi"}


def test_non_latin_rendering_takes_the_latin_key(nlp):
    text = (
        "Ukrainian President Volodymyr Zelensky (Володимир Зеленський) visited Mosul "
        "(الموصل) on Tuesday."
    )
    mentions = find_entity_mentions(nlp(text), "d8")
    assert keys_of(mentions, "Володимир Зеленський") == {"Volodymyr Zelensky"}
    assert keys_of(mentions, "الموصل") == {"Mosul"}


def test_titles_ranks_and_the_arabic_article(nlp):
    text = (
        "Maj Gen Qassem Soleimani met Sheikh Hassan Nasrallah and President Bashar al-Assad "
        "in Damascus. Soleimani left on Friday, and Assad thanked him."
    )
    mentions = find_entity_mentions(nlp(text), "d9")
    assert keys_of(mentions, "Maj Gen Qassem Soleimani") == {"Qassem Soleimani"}
    assert keys_of(mentions, "Soleimani") == {"Qassem Soleimani"}
    assert keys_of(mentions, "Assad") == {"Bashar al-Assad"}
    assert {m.key for m in mentions if "Nasrallah" in m.text} == {"Hassan Nasrallah"}


def test_titles_are_not_stripped_from_organisations(nlp):
    mentions = find_entity_mentions(nlp("General Motors said Monday that GM would cut jobs."), "d")
    assert keys_of(mentions, "General Motors") == {"General Motors"}
    assert keys_of(mentions, "GM") == {"General Motors"}


def test_a_middle_initial_keeps_two_people_apart(nlp):
    text = (
        "George W. Bush met his father, George Bush, at the ranch. "
        "Muammar Abu Minyar Gaddafi, known simply as Muammar Gaddafi, ruled Libya."
    )
    mentions = find_entity_mentions(nlp(text), "d10")
    assert keys_of(mentions, "George Bush") == {"George Bush"}


def test_a_subsidiary_named_after_a_place_is_not_the_parent(nlp):
    text = (
        "Ford Australia will close its plant in Geelong, the company said. "
        "Ford said in Detroit that sales in Australia had fallen."
    )
    mentions = find_entity_mentions(nlp(text), "d11")
    assert "Ford Australia" not in keys_of(mentions, "Ford")


# Written for this test in the style of a news page: a headline's capitals glue the verb
# to the name ("Nominates Marisol Okafor"), which spaCy tags as one person.
NOMINATION = (
    "President Nominates Marisol Okafor\n\n"
    "The president on Monday named Marisol Okafor, a family doctor, to the post. "
    "Okafor runs a rural clinic in Alabama. Okafor said she was honoured."
)


def test_a_headline_verb_glued_to_a_name_does_not_split_the_person(nlp):
    mentions = find_entity_mentions(nlp(NOMINATION), "d1")
    assert keys_of(mentions, "Okafor") == {"Marisol Okafor"}
    assert {m.key for m in mentions if m.text.endswith("Marisol Okafor")} == {"Marisol Okafor"}
