"""Which line of a saved page's head zone is the headline (pages written for these tests)."""

from __future__ import annotations

from rashomon.ingest import ingest_paths
from rashomon.ingest.clean import clean_text

HEADLINE = "Council votes to close two rural schools"
LEDE = (
    "The regional council voted on Tuesday to close two rural schools, despite a petition "
    "signed by more than four thousand residents."
)
MORE = "Parents said they would appeal the decision and asked the education minister to intervene."


def test_a_byline_inside_a_menu_is_a_menu_entry():
    """ "By Any Means Necessary" is the name of a show in a radio station's menu: read
    as a byline it would pull the headline up into the menu."""
    shows = ["Morning Drive", "By Any Means Necessary", "Double Take", "Loud and Clear"]
    menu = "\n".join(f"  • {show}" for show in shows)
    text = (
        f"{menu}\n  • Valley Voices\n\nPhotos\n\n{HEADLINE}\n\nColumnists\n\n"
        f"by Jane Marsh\n\n{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.author == "Jane Marsh"
    assert meta.title == HEADLINE


def test_the_line_beside_the_byline_beats_a_site_line_further_up():
    """A site's name and motto a few lines above, an image caption between: the line
    printed beside the byline is the headline, even when the site line shares as
    many words with the first paragraph."""
    headline = "Why the valley is losing its schools"
    text = (
        "The Valley Courier in association with the Regional Council\n\n"
        "Photo strip: the council chamber on a voting day\n\n"
        f"{headline}\n\nby Jane Marsh\n\nMonday, November 18, 2019\n\n{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == headline
    assert meta.published == "2019-11-18"


def test_a_breadcrumb_glued_onto_a_copy_of_the_headline_is_not_the_headline():
    headline = "Why the valley is losing its schools"
    text = (
        f"Home News Local {headline}\n\n{headline}\n\nBy Jane Marsh\n\n"
        f"November 18, 2019\n\n{LEDE}\n\n{MORE}\n"
    )
    assert clean_text(text).meta.title == headline


def test_a_standfirst_printed_below_the_headline_is_still_not_the_headline():
    """Headline, a comment count, then the standfirst beside the byline: the two are
    printed together, so the first of them is the headline."""
    text = (
        f"{HEADLINE}\n\nNew, 15 comments\n\nThe second closure in the valley in three years\n\n"
        f"By Jane Marsh Nov 19, 2019, 7:53pm EST\n\n{LEDE}\n\n{MORE}\n"
    )
    assert clean_text(text).meta.title == HEADLINE


def test_a_headline_other_pages_print_is_the_title_with_a_standfirst_before_the_byline(
    tmp_path,
):
    """The site's other pages print this headline in their rails, so it is a line the
    site repeats; with only its standfirst and a photo credit between it and the
    byline it is still this page's headline."""
    teaser = "Parents plan to appeal the school closures"
    standfirst = (
        "The families of more than two hundred pupils say the council ignored their "
        "petition and want the minister to step in."
    )
    pages = {
        "a.txt": f"{teaser}\n\n{standfirst}\n\n(Ann Lowe / Valley Courier)\n\n"
        f"By Jane Marsh\n\nNov. 19, 2019\n\n{MORE} {LEDE}\n\n{LEDE}\n",
        "b.txt": f"{HEADLINE}\n\nBy Tom Reed\n\nNov. 18, 2019\n\n{LEDE}\n\n{MORE}\n\n"
        f"More stories\n\n{teaser}\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, "utf-8")
    docs = {d.source.rsplit("/", 1)[-1]: d for d in ingest_paths([tmp_path]).documents}
    assert docs["a.txt"].title == teaser
    assert docs["b.txt"].title == HEADLINE


def test_a_subhead_below_the_byline_and_the_intro_is_not_the_headline():
    """Headline, byline, date, two short intro lines, then the first subhead of the
    article, which shares more words with the first paragraph than the headline
    does: with read lines between it and the byline it is a subhead."""
    text = (
        "Daily deals: the best offers this week\n\nBy Jane Marsh, Staff\n\n"
        "Posted: 18 Nov 2019 8:11 pm\n\nWelcome to our daily deals\n\n"
        "We list the offers we found today\n\n"
        "Council votes to close two rural schools\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.published == "2019-11-18T20:11"
    assert meta.title == "Daily deals: the best offers this week"
