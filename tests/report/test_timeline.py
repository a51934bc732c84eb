"""``rashomon timeline``: finding the entity, the table, the command's exit codes."""

from __future__ import annotations

from rich.console import Console

from rashomon.model import (
    Analysis,
    Document,
    DocumentAnalysis,
    Entity,
    Event,
    EventTime,
    MentionRef,
)
from rashomon.report.timeline import (
    close_names,
    find_entity,
    match_entity,
    render_timeline,
    timeline_command,
)
from rashomon.store import Store

# Wikinews and wire reports on the 2008 US Air Force tanker contest.
WIRE = (
    "Northrop Grumman and EADS defeated Boeing on Friday for a US$40 billion contract to "
    "supply the United States Air Force with 179 tankers. The tankers will be assembled in "
    "Mobile, Alabama. Boeing prepared a protest."
)
WIKI = (
    "Boeing filed a protest with the Government Accountability Office on March 11. "
    "The GAO will rule on the protest soon. Boeing said the USAF changed the rules."
)
DOCS = [
    Document("wire1", "wire/tanker.txt", WIRE, "Northrop Grumman and EADS defeat Boeing",
             outlet="Reuters", published="2008-03-01"),
    Document("wiki1", "wikinews/protest.txt", WIKI, "Boeing protests tanker award",
             outlet="Wikinews", published="2008-03-12"),
]  # fmt: skip


def ref(doc: str, text: str, word: str, nth: int = 0) -> MentionRef:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return MentionRef(doc, start, start + len(word), word)


def entities() -> list[Entity]:
    return [
        Entity("org:boeing", "Boeing", "ORG", [],
               [ref("wire1", WIRE, "Boeing"), ref("wire1", WIRE, "Boeing", 1),
                ref("wiki1", WIKI, "Boeing"), ref("wiki1", WIKI, "Boeing", 1)],
               ["wire1", "wiki1"]),
        Entity("org:usaf", "United States Air Force", "ORG", ["USAF"],
               [ref("wire1", WIRE, "United States Air Force"), ref("wiki1", WIKI, "USAF")],
               ["wire1", "wiki1"]),
        Entity("org:gao", "Government Accountability Office", "ORG", ["GAO"],
               [ref("wiki1", WIKI, "Government Accountability Office"), ref("wiki1", WIKI, "GAO")],
               ["wiki1"]),
        Entity("gpe:mobile", "Mobile", "GPE", [], [ref("wire1", WIRE, "Mobile")], ["wire1"]),
        Entity("org:northrop", "Northrop Grumman", "ORG", [],
               [ref("wire1", WIRE, "Northrop Grumman")], ["wire1"]),
        Entity("org:societe", "Société Générale", "ORG", ["SocGen"], [], []),
        Entity("per:gallois", "Louis Gallois", "PERSON", ["Gallois"], [], []),
        # Two "Ford"s: the carmaker (many mentions) and a president (few).
        Entity("org:ford", "Ford Motor Company", "ORG", ["Ford"],
               [MentionRef("x", i, i + 4, "Ford") for i in range(5)], ["x"]),
        Entity("per:ford", "Gerald Ford", "PERSON", ["Ford"],
               [MentionRef("y", 0, 4, "Ford")], ["y"]),
    ]  # fmt: skip


def events() -> list[Event]:
    defeated = ref("wire1", WIRE, "defeated")
    filed = ref("wiki1", WIKI, "filed")
    return [
        Event("award", "defeat", "Northrop Grumman and EADS defeated Boeing (2008-02-29)",
              EventTime("2008-02-29", "Friday"), None, ["org:northrop", "org:boeing"],
              [defeated], ["wire1"]),
        Event("protest", "file", "Boeing filed a protest with the GAO (2008-03-11)",
              EventTime("2008-03-11", "March 11"), None, ["org:boeing", "org:gao"],
              [filed, ref("wire1", WIRE, "protest")], ["wiki1", "wire1"]),
        Event("rule", "rule", "The GAO will rule on the protest (FUTURE_REF)",
              EventTime("FUTURE_REF", "soon"), None, ["org:gao"],
              [ref("wiki1", WIKI, "rule")], ["wiki1"]),
        Event("change", "change", "the USAF changed the rules", EventTime(None, None), None,
              ["org:usaf", "org:boeing"], [ref("wiki1", WIKI, "changed")], ["wiki1"]),
        Event("assemble", "assemble", "The tankers will be assembled (in Mobile)",
              EventTime(None, None), "gpe:mobile", [], [ref("wire1", WIRE, "assembled")],
              ["wire1"]),
    ]  # fmt: skip


def analysis() -> Analysis:
    return Analysis(documents=DOCS, entities=entities(), events=events())


def text_of(renderable) -> str:
    console = Console(record=True, width=140, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_find_entity_ignores_case_and_accents():
    a = analysis()
    assert find_entity(a, "societe generale").id == "org:societe"
    assert find_entity(a, "  BOEING ").id == "org:boeing"
    assert find_entity(a, "usaf").id == "org:usaf"  # an alias
    assert find_entity(a, "gallois").id == "per:gallois"
    assert find_entity(a, "united_states air force").id == "org:usaf"


def test_find_entity_partial_names():
    a = analysis()
    assert find_entity(a, "Grumman").id == "org:northrop"  # a word of the name
    assert find_entity(a, "NorthropGrumman").id == "org:northrop"  # spaces do not count
    # No guessing beyond the words given: extra words, initials, other first names.
    assert find_entity(a, "The Northrop Grumman Corporation") is None
    assert find_entity(a, "L. Gallois") is None
    assert find_entity(a, "Harold Mobile") is None
    assert find_entity(a, "Gerry Ford") is None
    assert find_entity(a, "Northrop Grumman creditors") is None  # not the company
    assert find_entity(a, "Boeing Dreamliner") is None  # "Dreamliner" is no filler word
    assert find_entity(a, "Lockheed Martin") is None
    assert find_entity(a, "") is None


def test_ambiguous_name_takes_the_most_mentioned_with_a_note():
    match = match_entity(analysis(), "ford")
    assert match.entity.id == "org:ford"
    assert [e.id for e in match.others] == ["per:ford"]
    assert "Gerald Ford (1)" in match.note
    assert match_entity(analysis(), "Boeing").note is None


def test_close_names_for_a_typo():
    assert close_names(analysis(), "Boing")[0] == "Boeing"
    assert "Government Accountability Office" in close_names(analysis(), "Government Accounting")


def test_render_orders_dated_then_undated():
    a = analysis()
    text = text_of(render_timeline(a, find_entity(a, "Boeing")))
    lines = text.splitlines()
    at = {key: next(i for i, line in enumerate(lines) if key in line)
          for key in ("2008-02-29", "2008-03-11", "undated (placed by document order)",
                      "USAF changed the rules")}  # fmt: skip
    assert at["2008-02-29"] < at["2008-03-11"] < at["undated (placed by document order)"]
    assert at["undated (placed by document order)"] < at["USAF changed the rules"]
    assert "Reuters" in lines[at["2008-02-29"]]
    assert "Reuters, Wikinews" in lines[at["2008-03-11"]]  # both report the protest
    assert "“Friday”" in lines[at["2008-02-29"]]  # the words behind the date
    assert "2 dated event(s)" in text and "1 undated" in text


def test_render_future_reference_and_place():
    a = analysis()
    gao = text_of(render_timeline(a, find_entity(a, "GAO")))
    assert gao.index("2008-03-11") < gao.index("after 2008-03-12")
    mobile = text_of(render_timeline(a, find_entity(a, "Mobile")))
    assert "The tankers will be assembled" in mobile


def test_render_entity_without_events():
    a = analysis()
    text = text_of(render_timeline(a, find_entity(a, "Louis Gallois")))
    assert "No events involving Louis Gallois" in text
    bare = Analysis(documents=DOCS, entities=entities())
    assert "holds no events at all" in text_of(render_timeline(bare, bare.entities[0]))


def stored(tmp_path) -> str:
    path = tmp_path / "analysis.sqlite"
    with Store(path) as store:
        for doc in DOCS:
            store.save_document(DocumentAnalysis(document=doc))
        store.save_corpus(analysis())
    return str(path)


def test_command_prints_the_timeline(tmp_path):
    console = Console(record=True, width=140, color_system=None)
    assert timeline_command(stored(tmp_path), "Ford", console) == 0
    out = console.export_text()
    assert "Gerald Ford" in out  # the ambiguity note
    console = Console(record=True, width=140, color_system=None)
    assert timeline_command(stored(tmp_path), "boeing", console) == 0
    out = console.export_text()
    assert "Timeline of Boeing" in out and out.index("2008-02-29") < out.index("2008-03-11")


def test_command_unknown_entity_lists_close_names(tmp_path):
    console = Console(record=True, width=200, color_system=None)
    assert timeline_command(stored(tmp_path), "Boing", console) == 1
    out = console.export_text()
    assert out.count("\n") == 1
    assert "no entity named 'Boing'" in out and "Did you mean: Boeing" in out


def test_command_missing_database(tmp_path):
    console = Console(record=True, color_system=None)
    assert timeline_command(tmp_path / "nope.sqlite", "Boeing", console) == 2
    assert "no such database" in console.export_text()


def test_partial_matches_compete_on_mentions():
    mentions = [MentionRef("d", i, i + 4, "Tanker") for i in range(19)]
    tanker = Entity("prod:tanker", "KC-45 Tanker", "PRODUCT", [], mentions)
    lease = Entity("org:lease", "Tanker Lease Office", "ORG", [], [MentionRef("d", 0, 6, "x")])
    match = match_entity(Analysis(entities=[lease, tanker, *entities()]), "Tanker")
    assert match.entity.id == "prod:tanker"  # the most mentioned of the partial matches
    assert [e.id for e in match.others] == ["org:lease"]
