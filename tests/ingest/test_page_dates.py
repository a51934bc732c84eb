"""Publication dates need evidence: biographies, infoboxes and mastheads never give one.

``pages/bios`` holds 22 wiki, biography, obituary and profile pages saved as
text (written for these tests in the layouts such pages have: infoboxes with
"Born" and "Assumed office", funeral-home notices, museum and university
profiles, German, French and Russian wikis). Every birth, death, office,
event or contract date in them is listed below; none may become the
publication date. Two pages do state when they were published, and that
date must be found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.ingest import ingest_paths
from rashomon.ingest.clean import clean_text
from rashomon.ingest.dates import date_role, find_dates

BIOS = Path(__file__).parent / "pages" / "bios"
PUBLISHED = {
    "obituary_newspaper.txt": "2021-03-12",
    "news_obit_wire.txt": "2019-11-14T15:12",
}


@pytest.fixture(scope="module")
def bios():
    result = ingest_paths([BIOS])
    assert not result.errors
    return {Path(d.source).name: d for d in result.documents}


def test_at_least_twenty_pages(bios):
    assert len(bios) >= 20


@pytest.mark.parametrize("name", sorted(p.name for p in BIOS.glob("*.txt")))
def test_no_life_or_office_date_is_a_publication_date(bios, name):
    doc = bios[name]
    assert doc.published == PUBLISHED.get(name)
    if doc.published:  # and it says where it came from
        source = next(f for f in doc.provenance if f.field == "published")
        assert source.method in ("label:published", "byline") and source.evidence


def test_every_dated_line_of_the_bios_is_read_as_what_it_is():
    """The dates are there (the parser reads them), they are just not publication dates."""
    text = (BIOS / "wiki_politician.txt").read_text("utf-8")
    lines = [ln for ln in text.split("\n") if find_dates(ln)]
    assert len(lines) >= 5
    roles = {}
    previous = None
    for line in text.split("\n"):
        for found in find_dates(line):
            roles[line.strip()] = date_role(line, found, previous)
        previous = line if line.strip() else previous
    assert roles["Born 11 March 1957 (age 66)"] == "other"
    assert roles["22 September 2002"] == "other"  # under "Assumed office"
    assert roles["3 May 2010 – 17 December 2013"] == "other"


LEDE = (
    "The regional council voted on Tuesday to close two rural schools, despite a petition "
    "signed by more than four thousand residents."
)
MORE = "Parents said they would appeal the decision and asked the education minister to intervene."


def test_masthead_today_is_not_the_article_date():
    text = (
        "Wednesday, November 20, 2019\nSign in  Subscribe\n\n"
        + "\n".join(f"  • Section {n}" for n in range(30))
        + "\n\nCouncil votes to close two rural schools\n\n"
        + "By Jane Marsh\nNov. 19, 2019 8:03 am ET\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.published == "2019-11-19T08:03"
    assert meta.author == "Jane Marsh"
    assert meta.title == "Council votes to close two rural schools"


def test_masthead_today_above_a_short_menu_is_not_the_article_date(tmp_path):
    """The site's menu (lines every page of the site prints) between a bare date
    and the headline: the date is the masthead's, however short the menu."""
    menu = "Home\nU.S.\nWorld\nBusiness\nCulture\nHealth\n"
    stories = [
        ("Council votes to close two rural schools", LEDE),
        ("Parents plan to appeal the school closures", MORE),
        ("Education minister asked to intervene", f"{MORE} {LEDE}"),
    ]
    for n, (headline, lede) in enumerate(stories):
        text = f"Wed, Nov 20, 2019\n\n{menu}\n{headline}\n\nBy Jane Marsh\n\n{lede}\n\n{MORE}\n"
        (tmp_path / f"{n}.txt").write_text(text, "utf-8")
    docs = ingest_paths([tmp_path]).documents
    assert len(docs) == 3
    assert all(d.published is None for d in docs)
    assert {d.title for d in docs} == {h for h, _ in stories}
    # the same date between the headline and the byline is the article's
    (tmp_path / "0.txt").write_text(
        f"{menu}\nCouncil votes to close two rural schools\n\nWed, Nov 20, 2019\n\n"
        f"By Jane Marsh\n\n{LEDE}\n\n{MORE}\n",
        "utf-8",
    )
    docs = {Path(d.source).name: d for d in ingest_paths([tmp_path]).documents}
    assert docs["0.txt"].published == "2019-11-20"


def test_a_teasers_byline_far_above_does_not_outrank_the_date_line():
    """ "By X | date" on a teaser in the rail above the article is not the article's byline."""
    rail = "\n\n".join(
        [
            "Storm damage closes the coastal road for a week",
            "Library opening hours extended over the summer",
            "Two candidates enter the race for mayor",
            "Farmers warn of a poor harvest after the dry spring",
            "Hospital car park charges to rise in April",
            "Rail operator apologises for the weekend delays",
            "Museum wins a grant to restore its old mill",
        ]
    )
    text = (
        "By Tom Reed | March 2, 2018\n\n"
        f"{rail}\n\nCouncil votes to close two rural schools\n\nNov. 19, 2019\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.published == "2019-11-19"
    assert meta.sources["published"].method == "date-line"
    assert meta.author is None  # nor is its author the article's


def test_two_bare_dates_of_different_days_beside_the_header_give_none():
    """A teaser's date above the headline and another below it: no label says which
    is the article's, and no date beats a wrong date."""
    text = (
        "Nov. 18, 2019\n\nCouncil votes to close two rural schools\n\nNov. 19, 2019\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    assert clean_text(text).meta.published is None
    one_day = text.replace("Nov. 18, 2019", "Nov. 19, 2019")
    assert clean_text(one_day).meta.published == "2019-11-19"


def test_updated_only_when_nothing_says_published():
    both = f"Schools to close\n\nPublished March 3, 2020\nUpdated March 5, 2020\n\n{LEDE}\n\n{MORE}"
    assert clean_text(both).meta.published == "2020-03-03"
    updated = f"Schools to close\n\nUpdated March 5, 2020\n\n{LEDE}\n\n{MORE}"
    meta = clean_text(updated).meta
    assert meta.published == "2020-03-05" and meta.sources["published"].method == "label:updated"


def test_narrative_and_teaser_dates_are_not_publication_dates():
    narrative = f"{LEDE}\n\nOn March 4, 2019, the court ruled against the council.\n\n{MORE}"
    assert clean_text(narrative).meta.published is None
    teasers = (
        "More stories like this one\n\n"
        + "\n\n".join(f"Older story number {n} about schools\n\nMay {n}, 2017" for n in range(1, 5))
        + f"\n\n{LEDE}\n\n{MORE}"
    )
    assert clean_text(teasers).meta.published is None


def test_year_only_is_never_a_date():
    from rashomon.ingest.dates import normalise_date

    assert normalise_date("2019") is None
    assert normalise_date("November 2019") is None
    assert (
        clean_text(f"Schools to close\n\n© 2019 Example News\n\n{LEDE}\n\n{MORE}").meta.published
        is None
    )
