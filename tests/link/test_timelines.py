"""Entity timelines: TIMEX3 values as intervals, order, undated placement, rows."""

from __future__ import annotations

from datetime import datetime

import pytest

from rashomon.link.timelines import build_timelines, time_span, timeline_rows
from rashomon.model import Analysis, Document, Event, EventTime, MentionRef

# The 2008 US Air Force tanker contest, as the Wikinews and wire articles tell it.
DOCS = [
    Document("wire1", "wire/northrop.txt", "", "Northrop Grumman and EADS defeat Boeing",
             outlet="Wire", published="2008-03-01"),
    Document("wiki1", "wikinews/protest.txt", "", "Boeing protests tanker decision",
             outlet="Wikinews", published="2008-03-12"),
    Document("blog1", "blogs/tanker.txt", "", "The tanker saga", outlet=None, published=None),
    Document("wiki0", "wikinews/emails.txt", "", "Internal emails expose Boeing-Air Force talks",
             outlet="Wikinews", published="2004-11-24"),
]  # fmt: skip
BOEING, NORTHROP, USAF, GAO = "org:boeing", "org:northrop", "org:usaf", "org:gao"


def event(eid, summary, value, participants, mentions, place=None, text=None):
    refs = [MentionRef(doc, start, start + 6, summary.split()[1]) for doc, start in mentions]
    return Event(
        id=eid,
        trigger=summary.split()[1],
        summary=summary,
        time=EventTime(value, text),
        place=place,
        participants=participants,
        mentions=refs,
        docs=sorted({doc for doc, _ in mentions}),
    )


def tanker_events():
    return [
        event("award", "USAF awards the tanker contract to Northrop Grumman and EADS",
              "2008-02-29", [USAF, NORTHROP], [("wire1", 40), ("wiki1", 300)], text="Friday"),
        event("protest", "Boeing files a protest with the GAO", "2008-03-11",
              [BOEING, GAO], [("wiki1", 20)], text="Tuesday"),
        event("lease", "USAF plans to lease 100 tankers from Boeing", "2003",
              [USAF, BOEING], [("wiki0", 500)], text="2003"),
        event("cancel", "the lease deal is cancelled", "2004-W47",
              [BOEING], [("wiki0", 120)], text="last week"),
        event("loss", "Boeing lost the contest", "2008-03", [BOEING], [("wire1", 900)],
              text="this month"),
        event("decision", "GAO will rule on the protest", "FUTURE_REF", [GAO, BOEING],
              [("wiki1", 700)], text="soon"),
        event("talks", "Boeing held talks with Air Force officials", "PAST_REF", [BOEING, USAF],
              [("wiki0", 60)], text="previously"),
        event("bid", "Boeing prepared its bid", None, [BOEING], [("wire1", 1200)]),
        event("lobby", "Boeing lobbied Congress", None, [BOEING], [("blog1", 10)]),
        event("review", "Boeing reviewed the debriefing", "P3D", [BOEING], [("wiki1", 50)]),
        event("base", "the tankers will be assembled in Mobile", "2008-03-01", [NORTHROP],
              [("wire1", 1500)], place="gpe:mobile"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2008", datetime(2008, 1, 1), datetime(2009, 1, 1)),
        ("2008-XX-XX", datetime(2008, 1, 1), datetime(2009, 1, 1)),
        ("2008-03-XX", datetime(2008, 3, 1), datetime(2008, 4, 1)),
        ("2008-W09", datetime(2008, 2, 25), datetime(2008, 3, 3)),
        ("2008-W09-WE", datetime(2008, 3, 1), datetime(2008, 3, 3)),
        ("2008-Q1", datetime(2008, 1, 1), datetime(2008, 4, 1)),
        ("2008-H2", datetime(2008, 7, 1), datetime(2009, 1, 1)),
        ("2009-WI", datetime(2009, 12, 1), datetime(2010, 3, 1)),
        ("200", datetime(2000, 1, 1), datetime(2010, 1, 1)),
        ("2008-03-01TMO", datetime(2008, 3, 1, 6), datetime(2008, 3, 1, 12)),
        ("2008-03-01T14:30", datetime(2008, 3, 1, 14, 30), datetime(2008, 3, 1, 14, 31)),
    ],
)
def test_values_are_intervals(value, start, end):
    span = time_span(value)
    assert span is not None
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    "value", ["XXXX-03-01", "P3Y", "PXDE", "XXXX-WXX-1", "", None, "2008-13-01"]
)
def test_values_that_cannot_be_placed(value):
    assert time_span(value) is None


def test_deictic_references_need_the_document_date():
    assert time_span("PAST_REF") is None
    past = time_span("PAST_REF", "2008-03-12")
    now = time_span("PRESENT_REF", "2008-03-12")
    future = time_span("FUTURE_REF", "2008-03-12")
    day = time_span("2008-03-12")
    assert past.label == "before 2008-03-12" and future.label == "after 2008-03-12"
    assert now.label == "2008-03-12"
    assert past.sort_key < day.sort_key < future.sort_key
    assert time_span("2008-03-11").sort_key < past.sort_key


def test_coarser_values_come_first_within_their_start():
    values = ["2008-03-01", "2008", "2008-03", "2007-02-28", "2007-XX-XX", "2008-Q1", "2008-W09"]
    ordered = sorted(values, key=lambda v: time_span(v).sort_key)
    assert ordered == [
        "2007-XX-XX", "2007-02-28", "2008", "2008-Q1", "2008-W09", "2008-03", "2008-03-01",
    ]  # fmt: skip


def test_boeing_timeline_order():
    assert build_timelines(tanker_events(), DOCS)[BOEING] == [
        "lease",  # 2003
        "cancel",  # 2004-W47: 15-21 November 2004
        "talks",  # PAST_REF in the report of 2004-11-24: just before that day
        "loss",  # 2008-03: the month comes before the days in it
        "protest",  # 2008-03-11
        "decision",  # FUTURE_REF in the report of 2008-03-12: just after that day
        "bid",  # undated, in the wire of 2008-03-01
        "review",  # a duration is no date: undated, Wikinews of 2008-03-12
        "lobby",  # undated, in a document without a date: last
    ]


def test_undated_events_follow_in_document_order():
    order = build_timelines(tanker_events(), DOCS)[BOEING]
    assert order[-3:] == ["bid", "review", "lobby"]


def test_every_participant_and_place_gets_a_timeline():
    timelines = build_timelines(tanker_events(), DOCS)
    assert timelines[NORTHROP] == ["award", "base"]
    assert timelines["gpe:mobile"] == ["base"]
    assert timelines[GAO] == ["protest", "decision"]
    assert "org:lockheed" not in timelines


def test_rows_mark_simultaneous_and_undated_events():
    events = tanker_events()
    events.append(
        event("sign", "Northrop Grumman signs with EADS", "2008-03-01", [NORTHROP],
              [("wiki1", 900)])
    )  # fmt: skip
    analysis = Analysis(documents=DOCS, events=events)
    rows = timeline_rows(analysis, NORTHROP)
    assert [r.event for r in rows] == ["award", "base", "sign"]
    assert [r.position for r in rows] == [1, 2, 2]  # same day: simultaneous
    boeing = timeline_rows(analysis, BOEING)
    undated = [r for r in boeing if r.undated]
    assert [r.event for r in undated] == ["bid", "review", "lobby"]
    assert all(r.position == 0 and r.date is None for r in undated)
    assert next(r for r in boeing if r.event == "talks").date_label == "before 2004-11-24"
    award = next(r for r in timeline_rows(analysis, USAF) if r.event == "award")
    assert [s.label for s in award.sources] == ["Wire", "Wikinews"]  # by publication date
    assert award.date_text == "Friday" and len(award.mentions) == 2


def test_rows_follow_the_stored_timeline_when_there_is_one():
    events = tanker_events()
    analysis = Analysis(documents=DOCS, events=events, timelines={GAO: ["decision", "protest"]})
    assert [r.event for r in timeline_rows(analysis, GAO)] == ["decision", "protest"]
    assert timeline_rows(analysis, "org:nobody") == []
