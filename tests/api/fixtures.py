"""A small store built from the data model, with what the example corpus lacks
today: facts with a dispute, a revision and an omission, a copied passage,
framing words (one inside a quotation), and a document whose text, title and
outlet carry HTML and script that must never run."""

from __future__ import annotations

from pathlib import Path

from rashomon.model import (
    Analysis,
    Document,
    DocumentAnalysis,
    Entity,
    Event,
    EventTime,
    Fact,
    FactConflict,
    FactStatement,
    FactValue,
    FieldSource,
    Framing,
    FramingWord,
    MentionRef,
    Passage,
    Quantity,
    Quote,
    RemovedLine,
    Reuse,
    TimeMention,
)
from rashomon.store import Store

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

TEXTS = {
    "dwire0000001": (
        "Fire at Harbour Mill",
        "Coast Wire",
        "2021-03-02",
        "A fire at the Harbour Mill in Eastport killed five workers on Monday, police said.\n\n"
        "The blaze started in the drying hall shortly after midnight and spread to the roof "
        "before firefighters from three stations brought it under control at dawn.\n\n"
        'Mill owner Dana Reyes said "we are devastated" and promised to rebuild.',
    ),
    "dpost0000002": (
        "Seven dead in Eastport mill blaze",
        "Eastport Post",
        "2021-03-03",
        "Seven workers died when fire swept through the Harbour Mill in Eastport on Monday, "
        "according to the union.\n\n"
        "The blaze started in the drying hall shortly after midnight and spread to the roof "
        "before firefighters from four stations brought it under control at dawn.\n\n"
        'Dana Reyes, the owner, called it a "catastrophe". Critics call the mill a '
        '"death trap".',
    ),
    "dhost0000003": (
        f"Mill fire {HOSTILE}",
        f"Hostile {HOSTILE}",
        "2021-03-04",
        f"The Harbour Mill in Eastport burned on Monday. {HOSTILE} Dana Reyes was not "
        "available for comment.",
    ),
}


def _span(doc: str, needle: str, after: int = 0) -> tuple[int, int]:
    text = TEXTS[doc][3]
    start = text.index(needle, after)
    return start, start + len(needle)


def _sentence(doc: str, start: int) -> tuple[int, int]:
    text = TEXTS[doc][3]
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    right = text.find(".", start)
    return left, (right + 1 if right >= 0 else len(text))


def _statement(doc: str, needle: str, attribution: str | None = None) -> FactStatement:
    start, end = _span(doc, needle)
    s0, s1 = _sentence(doc, start)
    return FactStatement(doc, start, end, needle, s0, s1, attribution, TEXTS[doc][2])


def _mentions(needle: str, docs: list[str]) -> list[MentionRef]:
    refs = []
    for doc in docs:
        text = TEXTS[doc][3]
        at = text.find(needle)
        while at >= 0:
            refs.append(MentionRef(doc, at, at + len(needle), needle))
            at = text.find(needle, at + 1)
    return refs


def fixture_analysis() -> tuple[Analysis, list[DocumentAnalysis]]:
    docs = list(TEXTS)
    documents = [
        Document(
            doc_id,
            f"fixtures/{doc_id}.txt",
            text,
            title,
            outlet,
            "Staff",
            published,
            "en",
            boilerplate=[RemovedLine("Share this story", "share-prompt")],
            provenance=[
                FieldSource("published", "dateline", published, 0.9),
                FieldSource("outlet", "override", outlet, 1.0),
            ],
        )
        for doc_id, (title, outlet, published, text) in TEXTS.items()
    ]
    mill = Entity(
        "emill0000001", "Harbour Mill", "FAC", ["the mill"], _mentions("Harbour Mill", docs), docs
    )
    town = Entity("etown0000001", "Eastport", "GPE", [], _mentions("Eastport", docs), docs)
    reyes = Entity(
        "ereyes000001", "Dana Reyes", "PERSON", ["Reyes"], _mentions("Dana Reyes", docs), docs
    )
    fire = Event(
        "vfire0000001",
        "fire",
        "A fire at the Harbour Mill in Eastport killed workers (2021-03-01)",
        EventTime("2021-03-01", "on Monday"),
        town.id,
        [mill.id],
        _mentions("fire", docs[:2]) + _mentions("burned", docs[2:]),
        docs,
    )
    rebuild = Event(
        "vrebuild0001",
        "rebuild",
        "Dana Reyes promised to rebuild",
        EventTime(None, None),
        None,
        [reyes.id],
        _mentions("rebuild", docs[:1]),
        docs[:1],
    )
    killed = Fact(
        "ffire0killed",
        fire.id,
        "count:killed",
        "disputed",
        [
            FactValue(
                "5",
                "5 killed",
                [_statement("dwire0000001", "five workers", "police")],
                ["dwire0000001"],
            ),
            FactValue(
                "7",
                "7 killed",
                [_statement("dpost0000002", "Seven workers", "the union")],
                ["dpost0000002"],
            ),
        ],
        [FactConflict("dispute", 0, 1, "number", 0.9, "5 (police) vs 7 (the union)")],
        ["dhost0000003"],
    )
    stations = Fact(
        "ffire0crews0",
        fire.id,
        "count:stations",
        "revised",
        [
            FactValue(
                "3", "3 stations", [_statement("dwire0000001", "three stations")], ["dwire0000001"]
            ),
            FactValue(
                "4", "4 stations", [_statement("dpost0000002", "four stations")], ["dpost0000002"]
            ),
        ],
        [FactConflict("revision", 0, 1, "number", 0.7, "3 stations, later 4")],
        [],
    )
    where = Fact(
        "ffire0where0",
        fire.id,
        "where",
        "agreed",
        [FactValue(town.id, "Eastport", [_statement(d, "Eastport") for d in docs], docs)],
        [],
        [],
    )
    a0, a1 = _span("dwire0000001", "The blaze started")
    b0, b1 = _span("dpost0000002", "The blaze started")
    end_a = TEXTS["dwire0000001"][3].index("dawn.") + 5
    end_b = TEXTS["dpost0000002"][3].index("dawn.") + 5
    copied = Reuse(
        Passage("dwire0000001", a0, end_a),
        Passage("dpost0000002", b0, end_b),
        27,
        0.96,
        "dwire0000001",
    )
    q0, q1 = _span("dpost0000002", "death trap")
    framing = Framing(
        mill.id,
        {"dwire0000001": [], "dpost0000002": ["death trap"]},
        "entity",
        mill.name,
        {"dpost0000002": [FramingWord("dpost0000002", q0, q1, "death trap", "label", True, -0.8)]},
        {"dwire0000001": "neutral", "dpost0000002": "negative"},
        {
            "dpost0000002": [
                MentionRef("dpost0000002", q0 - 30, q1, TEXTS["dpost0000002"][3][q0 - 30 : q1])
            ]
        },
    )
    t0, t1 = _span("dwire0000001", "on Monday")
    times = [
        TimeMention("dwire0000001", t0, t1, "on Monday", "DATE", "2021-03-01", anchor="2021-03-02")
    ]
    k0, k1 = _span("dwire0000001", "five workers")
    quantities = [
        Quantity("dwire0000001", k0, k1, "five workers", 5.0, counted="workers"),
        Quantity(
            "dpost0000002",
            *_span("dpost0000002", "Seven workers"),
            "Seven workers",
            7.0,
            counted="workers",
        ),
    ]
    d0, d1 = _span("dwire0000001", "we are devastated")
    quotes = [
        Quote(
            "dwire0000001",
            d0,
            d1,
            "we are devastated",
            "Dana Reyes",
            "said",
            True,
            speaker_entity=reyes.id,
        )
    ]
    analysis = Analysis(
        documents=documents,
        entities=[mill, town, reyes],
        times=times,
        quantities=quantities,
        quotes=quotes,
        events=[fire, rebuild],
        timelines={mill.id: [fire.id], town.id: [fire.id], reyes.id: [rebuild.id]},
        facts=[killed, stations, where],
        reuse=[copied],
        framing=[framing],
    )
    per_doc = []
    for d in documents:
        per_doc.append(
            DocumentAnalysis(
                document=d,
                times=[t for t in times if t.doc == d.id],
                quantities=[q for q in quantities if q.doc == d.id],
                quotes=[q for q in quotes if q.doc == d.id],
                words=len(d.text.split()),
            )
        )
    return analysis, per_doc


def build_fixture_store(folder: Path) -> Path:
    """Write the fixture analysis as ``folder/analysis.sqlite``; the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    analysis, per_doc = fixture_analysis()
    with Store(folder / "analysis.sqlite") as store:
        for item in per_doc:
            store.save_document(item)
        store.save_corpus(analysis)
    return folder


EXAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
_EXAMPLE: dict[str, Path] = {}


def example_store(base: Path) -> Path:
    """The example corpus analysed once per test process (under ``base`` the first time)."""
    if "out" not in _EXAMPLE:
        from rashomon import workflow

        out = base / "example-out"
        workflow.analyze([EXAMPLE_CORPUS], out, workers=1)
        _EXAMPLE["out"] = out
    return _EXAMPLE["out"]
