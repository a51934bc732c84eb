"""Dates that contradict each other in a saved page's header give no publication date.

Each page is written for these tests in the layout of a news page saved as text.
A byline's date and a date line are both unlabelled: when they name different days
nothing says which is the article's, and a page is never updated before it is
published. Precision first: a wrong date shifts every relative date of a source,
a missing one does not.
"""

from __future__ import annotations

from rashomon.ingest.clean import clean_text

HEADLINE = "Harbour ferry fares to double from the spring"
LEDE = (
    "The island's only ferry operator said on Monday that return fares would rise from "
    "eight to sixteen pounds in March, blaming the cost of fuel and a new insurance levy."
)
MORE = (
    "Residents who commute to the mainland every day said the rise would force some of "
    "them to move, and the island council has asked the operator to keep a season ticket."
)


def test_a_bylines_date_and_a_date_line_of_another_day_give_no_date():
    """ "By Ruth Okafor | March 3, 2021" above the headline and "March 5, 2021" below
    it: one is the article's, the other a teaser's or an event's, and no label says
    which. Of the same day, the date stands."""
    page = "By Ruth Okafor | March 3, 2021\n\n{headline}\n\n{line}\n\n{lede}\n\n{more}\n"
    other = clean_text(page.format(headline=HEADLINE, line="March 5, 2021", lede=LEDE, more=MORE))
    assert other.meta.title == HEADLINE
    assert other.meta.published is None
    same = clean_text(page.format(headline=HEADLINE, line="March 3, 2021", lede=LEDE, more=MORE))
    assert same.meta.published == "2021-03-03"


def test_two_date_lines_between_the_headline_and_the_article_give_no_date():
    """The date line under the headline, then a video panel with its own date line
    further down, still above the first paragraph: both are in the article's header,
    and they disagree."""
    panel = "\n\n".join(
        [
            "Watch",
            "Islanders queue for the last ferry of the night",
            "The crossing is full every morning, the captain says",
            "Video",
            "2:14",
            "Feb 26, 2021",
            "Island transport",
            "Ferry contract",
            "Cost of living",
        ]
    )
    text = f"{HEADLINE}\n\nMarch 3, 2021 7:40 AM\n\n{panel}\n\n{LEDE}\n\n{MORE}\n"
    meta = clean_text(text).meta
    assert meta.title == HEADLINE
    assert meta.published is None
    alone = clean_text(
        f"{HEADLINE}\n\nMarch 3, 2021 7:40 AM\n\n{panel.replace('Feb 26, 2021', 'Play')}"
        f"\n\n{LEDE}\n\n{MORE}\n"
    ).meta
    assert alone.published == "2021-03-03T07:40"


def test_a_date_later_than_the_articles_update_is_not_its_publication():
    """ "March 9, 2021" beside the headline, "Updated March 4, 2021" on the byline:
    a page is not updated before it is published, so the date line is something
    else's (the masthead's today, a later teaser's) and the page gives no date."""
    text = (
        f"{HEADLINE}\n\nMarch 9, 2021\n\nBy Ruth Okafor | Updated March 4, 2021\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == HEADLINE
    assert meta.published is None
    earlier = clean_text(text.replace("March 9, 2021", "March 2, 2021")).meta
    assert earlier.published == "2021-03-02"


def test_a_byline_three_lines_from_the_headline_and_the_article_gives_no_date():
    """A byline with its date, parted from the headline by a row of topic headings and
    from the first paragraph by an author box: an author box's "latest" entry, not the
    article's byline. Next to the headline the same byline dates the article."""
    above = "\n\n".join(["Island transport", "Ferry contract", "Cost of living"])
    below = "\n\n".join(
        [
            "More from this author",
            "Ruth Okafor covers transport and the islands",
            "Follow her reporting on the ferry contract",
        ]
    )
    byline = "By Ruth Okafor | March 3, 2021"
    far = clean_text(f"{HEADLINE}\n\n{above}\n\n{byline}\n\n{below}\n\n{LEDE}\n\n{MORE}\n").meta
    assert far.title == HEADLINE
    assert far.published is None
    near = clean_text(f"{HEADLINE}\n\n{byline}\n\n{below}\n\n{LEDE}\n\n{MORE}\n").meta
    assert near.published == "2021-03-03"


def test_a_line_with_the_update_and_the_first_publication_gives_the_first():
    """A line that prints both when the page was first published and when it was last
    changed: the update is not the publication, the other date is, whether it comes
    first unlabelled or after the update as "Original"."""
    page = f"{HEADLINE}\n\n{{line}}\n\n{LEDE}\n\n{MORE}\n"
    modified = "Wed 3 Mar 2021 09.15 GMT Last modified on Fri 5 Mar 2021 16.02 GMT"
    assert clean_text(page.format(line=modified)).meta.published == "2021-03-03T09:15"
    original = "Updated March 5, 2021 4:02 PM ET / Original March 3, 2021 9:15 AM ET"
    assert clean_text(page.format(line=original)).meta.published == "2021-03-03T09:15"
    # the update alone still stands in when nothing says when the page first appeared
    alone = clean_text(page.format(line="Updated March 5, 2021 4:02 PM ET")).meta
    assert alone.published == "2021-03-05T16:02"
