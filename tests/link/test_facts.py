"""Facts across sources on small piles of news reports: what is a dispute, what is not.

The reports are written the way local outlets report the same incidents; each test
runs the whole pipeline (extraction, entity and event linking, copied passages,
facts). The false disputes a fact-checker reported (the same place named two ways,
"late Sunday night" vs "early Monday", "not life-threatening", statements about
different incidents, a copied passage counted twice) are tests that must stay silent.
"""

from __future__ import annotations

import rashomon.link  # noqa: F401  (import order: link before extract.entities)
from rashomon.extract.pipeline import extract_document
from rashomon.link import link_corpus
from rashomon.model import Analysis, Document, Fact

SHOOTING_A = (
    "Four people were killed and nine others were wounded when a gunman opened fire on a "
    "crowd outside the Blue Note lounge in Dayton late Sunday night, police said.\n\n"
    "Police identified one of the dead as Marcus Bell, 24, of Dayton. The wounded were "
    "taken to Miami Valley Hospital, where two were listed in critical condition.\n\n"
    "Officers shot and killed the gunman, Connor Betts, outside the lounge, Police Chief "
    "Richard Biehl said."
)
SHOOTING_B = (
    "Five people were killed and seven others were wounded when a gunman opened fire "
    "outside the Blue Note lounge in Dayton early Monday, Dayton police said.\n\n"
    "Marcus Bell, 24, was among the dead, his family said. The wounded were taken to Miami "
    "Valley, where their injuries were not life-threatening, a hospital spokeswoman said.\n\n"
    "Police Chief Richard Biehl said officers shot and killed the gunman, Connor Betts."
)
OTHER_SHOOTING = (
    "Two people were killed when a man opened fire at a birthday party in Gary, Indiana, on "
    "Saturday afternoon, police said.\n\n"
    "Police identified the victims as Dana Reed, 31, and Tyrone Fields, 40. The shooter fled "
    "in a gray sedan and had not been found by Sunday, Gary police said."
)


def analyse(*texts: str, dates: tuple[str, ...] = ()) -> Analysis:
    analyses = [
        extract_document(
            Document(f"d{i}", f"d{i}.txt", text, published=(dates[i] if dates else "2019-08-05"))
        )
        for i, text in enumerate(texts)
    ]
    return link_corpus(analyses)


def disputed(analysis: Analysis, slot_prefix: str = "") -> list[Fact]:
    return [
        f
        for f in analysis.facts
        if f.slot.startswith(slot_prefix) and any(c.kind == "dispute" for c in f.conflicts)
    ]


def test_two_reports_of_one_shooting_dispute_the_tolls() -> None:
    analysis = analyse(SHOOTING_A, SHOOTING_B)
    killed = disputed(analysis, "count:killed")
    assert killed, [(f.slot, f.status, [v.label for v in f.values]) for f in analysis.facts]
    (conflict,) = [c for c in killed[0].conflicts if c.kind == "dispute"]
    labels = {killed[0].values[conflict.a].value, killed[0].values[conflict.b].value}
    assert labels == {"4", "5"} and conflict.reason == "number"
    # each side points at its words and says who gave the figure
    for value in killed[0].values:
        for s in value.statements:
            assert analysis.documents[int(s.doc[1])].text[s.start : s.end] == s.text


def test_what_is_not_a_dispute_stays_silent() -> None:
    analysis = analyse(SHOOTING_A, SHOOTING_B)
    reasons = {c.reason for f in disputed(analysis) for c in f.conflicts if c.kind == "dispute"}
    # "late Sunday night" and "early Monday"; "Miami Valley Hospital" and "Miami Valley";
    # "not life-threatening" is no denial of anything
    assert not reasons & {"date", "place", "negation"}


def test_different_incidents_are_never_compared() -> None:
    analysis = analyse(SHOOTING_A, OTHER_SHOOTING)
    assert not disputed(analysis)


def test_a_later_report_that_updates_the_toll_is_a_revision() -> None:
    later = (
        "The number of people killed when a gunman opened fire on a crowd outside the Blue "
        "Note lounge in Dayton late Sunday night rose to five on Tuesday, police said.\n\n"
        "Police identified one of the dead as Marcus Bell, 24, of Dayton. Officers shot and "
        "killed the gunman, Connor Betts, Police Chief Richard Biehl said."
    )
    analysis = analyse(SHOOTING_A, later, dates=("2019-08-05", "2019-08-06"))
    kinds = [c.kind for f in analysis.facts if f.slot == "count:killed" for c in f.conflicts]
    assert kinds == ["revision"], [(f.slot, [v.label for v in f.values]) for f in analysis.facts]
    (fact,) = [f for f in analysis.facts if f.slot == "count:killed" and f.conflicts]
    earlier, later_value = fact.values[fact.conflicts[0].a], fact.values[fact.conflicts[0].b]
    assert (earlier.value, later_value.value) == ("4", "5")


def test_a_copied_passage_is_one_voice() -> None:
    copy = (
        "From the wires.\n\n" + SHOOTING_A.split("\n\n")[0] + "\n\nMore details were not "
        "immediately available."
    )
    analysis = analyse(SHOOTING_A, copy, dates=("2019-08-05", "2019-08-06"))
    assert analysis.reuse
    for fact in analysis.facts:
        for value in fact.values:
            copied = {s.doc for s in value.statements if s.copied_from}
            assert not copied & set(value.sources)


QUAKE_A = (
    "A 6.1-magnitude earthquake struck the west coast of Sumatra early on Tuesday, killing "
    "at least 12 people in the town of Padang, officials said.\n\n"
    "The quake was centred 45 kilometres off the coast, the geological agency said."
)
QUAKE_B = (
    "A powerful earthquake of magnitude 6.4 shook the west coast of Sumatra on Tuesday, "
    "killing at least 12 people in Padang, the disaster agency said.\n\n"
    "Thousands of residents fled to higher ground fearing a tsunami."
)


def test_two_reports_of_one_quake_dispute_its_magnitude_and_agree_on_the_toll() -> None:
    analysis = analyse(QUAKE_A, QUAKE_B)
    magnitude = disputed(analysis, "count:magnitude")
    assert magnitude, [(f.slot, f.status, [v.label for v in f.values]) for f in analysis.facts]
    killed = [f for f in analysis.facts if f.slot == "count:killed"]
    assert killed and killed[0].status == "agreed"


CONTRACT_A = (
    "The Air Force on Friday awarded a contract to build 179 aerial refueling tankers to "
    "Northrop Grumman and its European partner, the Pentagon said.\n\n"
    "Boeing, which had built the Air Force's tankers for decades, said it would study the "
    "decision before deciding whether to protest."
)
CONTRACT_B = (
    "Northrop Grumman and its partner will supply the Air Force with 179 new aerial "
    "refueling tankers under the contract announced on Friday.\n\n"
    "Boeing said it was disappointed and would ask the Pentagon to explain its decision."
)
FAMILY_A = (
    "Two children were at home when the fire broke out on Elm Street on Monday, fire "
    "officials said. Neighbours helped them out of a window."
)
FAMILY_B = (
    "The owner of the Elm Street house, a father of two children, said on Monday that he "
    "would rebuild, fire officials said."
)


def test_a_distinct_figure_of_the_same_thing_is_agreed_whatever_verb_carries_it() -> None:
    analysis = analyse(CONTRACT_A, CONTRACT_B)
    tankers = [f for f in analysis.facts if f.slot == "count:tanker"]
    assert tankers and tankers[0].status == "agreed", [
        (f.slot, f.status, [v.label for v in f.values]) for f in analysis.facts
    ]


def test_a_small_figure_with_the_same_noun_is_not_enough_to_agree() -> None:
    analysis = analyse(FAMILY_A, FAMILY_B)
    assert not [f for f in analysis.facts if f.slot == "count:child" and f.status == "agreed"]


def test_two_statements_dated_apart_tell_two_happenings() -> None:
    """One person chairs the summit twice: "in 2009" and "in 2015" are two summits, so
    the two statements of her name never confirm each other; an undated one may."""
    from rashomon.link.facts.timing import StoryTime

    texts = (
        "Anna Berg will chair the climate summit in 2015, the council said on Friday.",
        "Anna Berg chaired the climate summit in 2009, a meeting attended by 40 leaders.",
        "Anna Berg will chair the climate summit, the council said on Friday.",
    )
    analyses = [
        extract_document(Document(f"d{i}", f"d{i}.txt", t, published="2014-06-06"))
        for i, t in enumerate(texts)
    ]
    time = StoryTime(analyses, {})
    chairs = [next(f for f in a.facts if f.slot == "agent") for a in analyses]
    assert time.dated_apart(chairs[0], chairs[1])
    assert not time.dated_apart(chairs[0], chairs[2])
    assert not time.dated_apart(chairs[0], chairs[0])


AUDIT_A = (
    "The state auditor released a 60-page report on Tuesday that lays out years of "
    "overbilling by the city's water department, officials said."
)
AUDIT_B = (
    "The auditor on Tuesday made public the 62-page report on the city's water "
    "department, which describes years of overbilling."
)


def test_two_lengths_of_one_document_are_disputed() -> None:
    analysis = analyse(AUDIT_A, AUDIT_B, dates=("2017-10-31", "2017-10-31"))
    pages = disputed(analysis, "count:page")
    assert pages, [(f.slot, f.status, [v.label for v in f.values]) for f in analysis.facts]


SMUGGLERS_A = (
    "Border police arrested 14 smugglers near the Kalva crossing on Monday after they "
    "crossed the river, officials said."
)
SMUGGLERS_B = (
    "Border guards arrested 14 smugglers at the Kalva crossing on Monday as they tried to "
    "cross the river, police said."
)
SMUGGLERS_C = (
    "Border guards on Monday turned back two vans carrying 14 smugglers after they crossed "
    "the river near the Kalva crossing, police said."
)


def test_a_source_that_gives_the_figure_in_other_words_does_not_omit_it() -> None:
    """ "turned back two vans carrying 14 smugglers" may be that report's count of the 14
    arrested: it is not listed as leaving the figure out."""
    analysis = analyse(SMUGGLERS_A, SMUGGLERS_B, SMUGGLERS_C, dates=("2019-03-05",) * 3)
    (arrested,) = [f for f in analysis.facts if f.slot == "count:arrested"]
    assert arrested.status == "agreed"
    assert "d2" not in arrested.omitted


def test_two_spellings_of_one_name_left_apart_are_not_different_actors() -> None:
    """ "Carl B. Hayes Jr." and "Carl Hayes", if the entity linker left them apart, do not
    make two sentences tell different happenings; "Carl Hayes" and "Nora Quint" do."""
    from rashomon.link.facts.incidents import Profile, evidence

    def profile(doc: str, agent: str) -> Profile:
        p = Profile(doc)
        p.slots["agent"].append((agent, None))  # type: ignore[arg-type]  # names need no fact
        return p

    types = {"e1": "PERSON", "e2": "PERSON", "e3": "PERSON"}
    names = {"e1": "Carl B. Hayes Jr", "e2": "Carl Hayes", "e3": "Nora Quint"}
    same = evidence(profile("a", "e1"), profile("b", "e2"), types, {}, None, names)
    other = evidence(profile("a", "e3"), profile("b", "e2"), types, {}, None, names)
    assert same.against() == 0
    assert other.against() > 0
    # without the names, the linker's two entities read as two actors
    assert evidence(profile("a", "e1"), profile("b", "e2"), types, {}).against() > 0


def test_an_undated_report_that_says_yesterday_does_not_omit_the_day() -> None:
    """ "Were arrested yesterday" in a report with no date cannot be placed on the
    calendar, but the report says when: it is not listed as silent on the day."""
    dated = SMUGGLERS_A
    undated = SMUGGLERS_B.replace("on Monday", "yesterday")
    analysis = analyse(
        dated,
        SMUGGLERS_A.replace("Border police", "Police"),
        undated,
        dates=("2019-03-05", "2019-03-05", None),
    )  # type: ignore[arg-type]
    when = [f for f in analysis.facts if f.slot == "when"]
    assert when and all("d2" not in f.omitted for f in when), [(f.status, f.omitted) for f in when]
