"""A saved page's date needs evidence that it is the article's own; weak evidence gives none.

Each page below is written for these tests in the layout of a news page saved
as text (a masthead, a menu, a rail of teasers, the headline, the byline, the
article). A wrong publication date shifts every relative date of a source,
so where the page does not show which date is the article's the reader must
find none.
"""

from __future__ import annotations

from rashomon.ingest import ingest_paths
from rashomon.ingest.clean import clean_text
from rashomon.ingest.dates import date_role, find_dates

LEDE = (
    "The regional council voted on Tuesday to close two rural schools, despite a petition "
    "signed by more than four thousand residents."
)
MORE = "Parents said they would appeal the decision and asked the education minister to intervene."
DE_LEDE = (
    "Der Gemeinderat hat am Dienstag beschlossen, zwei Schulen auf dem Land zu schließen, "
    "obwohl mehr als viertausend Einwohner eine Petition unterschrieben hatten."
)
DE_MORE = (
    "Die Eltern wollen gegen die Entscheidung vorgehen und haben die Ministerin um Hilfe gebeten."
)
RAIL = "\n\n".join(
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


def test_a_dotted_date_that_reads_both_ways_is_not_read_on_an_english_page():
    """ "05.11.2019" is 5 November in Europe and May 11 on an American site."""
    page = "Council votes to close two rural schools\n\n{date}\n\n{lede}\n\n{more}\n"
    english = clean_text(page.format(date="05.11.2019 09:00 AM", lede=LEDE, more=MORE)).meta
    assert english.title == "Council votes to close two rural schools"
    assert english.published is None
    german = page.format(date="05.11.2019 09:00", lede=DE_LEDE, more=DE_MORE)
    assert clean_text(german).meta.published == "2019-11-05T09:00"
    # a day above 12 says the order, in any language
    plain = clean_text(page.format(date="11.14.2019 09:00 AM", lede=LEDE, more=MORE)).meta
    assert plain.published == "2019-11-14T09:00"


def test_a_teasers_byline_parted_from_the_article_by_a_menu_gives_no_date():
    """Menu entries are not counted as blocks between a byline and the headline (a
    page may print a short menu anywhere), but a long run of them parts a teaser's
    byline from the article as surely as text would."""
    menu = "\n".join(f"  • Section {n}" for n in range(16))
    text = (
        "Library opening hours extended over the summer\n\nBy Tom Reed | March 2, 2018\n\n"
        f"{menu}\n\nCouncil votes to close two rural schools\n\n{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == "Council votes to close two rural schools"
    assert meta.published is None
    assert meta.author is None


def test_a_date_line_beside_a_teasers_byline_is_the_teasers():
    """A bare date line is the article's when it sits beside the article's headline,
    byline or first paragraph; beside a teaser's byline it is the teaser's."""
    text = (
        f"By Tom Reed\n\nMarch 2, 2018\n\n{RAIL}\n\n"
        f"Council votes to close two rural schools\n\n{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == "Council votes to close two rural schools"
    assert meta.published is None


def test_a_weekday_date_above_the_headline_with_lines_between_is_the_mastheads():
    """ "Wednesday, November 20, 2019" with no time, above the site's tagline and the
    weather: the masthead's today. The same line beside the headline is the article's."""
    masthead = (
        "Wednesday, November 20, 2019\n\nThe Valley Courier\n\n"
        "News and weather for the three valleys since 1881\n\nLight rain, 12 degrees\n\n"
    )
    headline = "Council votes to close two rural schools"
    meta = clean_text(f"{masthead}{headline}\n\n{LEDE}\n\n{MORE}\n").meta
    assert meta.title == "Council votes to close two rural schools"
    assert meta.published is None
    beside = clean_text(
        "Wednesday, November 20, 2019\n\nCouncil votes to close two rural schools\n\n"
        f"{LEDE}\n\n{MORE}\n"
    ).meta
    assert beside.published == "2019-11-20"


def test_furniture_words_beside_a_date_are_not_a_byline():
    """ "Latest News - March 2, 2018" is capitalised like a name, but it is a rail's
    heading: it may not outrank the date line beside the headline as a byline would."""
    text = (
        "Latest News - March 2, 2018\n\nCouncil votes to close two rural schools\n\n"
        f"Nov. 19, 2019 8:03 am ET\n\n{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == "Council votes to close two rural schools"
    assert meta.author is None
    assert meta.published != "2018-03-02"


def test_the_next_or_a_related_articles_date_is_not_the_articles():
    for label in ("Next article", "Previous post", "Related", "Most read"):
        text = (
            f"Council votes to close two rural schools\n\n{LEDE}\n\n{MORE}\n\n"
            f"{label} | March 2, 2018\n\n"
        )
        head = clean_text(f"{label} | March 2, 2018\n\n{text}").meta
        assert head.title == "Council votes to close two rural schools"
        assert head.published is None, label


def test_a_time_stamp_with_a_two_digit_year_is_read_in_the_order_it_allows():
    """ "11/19/19 06:56 AM EST": an American byline's stamp; a clock must follow,
    and a day above 12 must say the order ("3/14/15" alone is not a date)."""
    page = "Council votes to close two rural schools\n\n{line}\n\n" + f"{LEDE}\n\n{MORE}\n"
    meta = clean_text(page.format(line="By Jane Marsh - 11/19/19 06:56 AM EST")).meta
    assert meta.published == "2019-11-19T06:56"
    assert meta.author == "Jane Marsh"
    assert clean_text(page.format(line="11/20/19 6:38 AM")).meta.published == "2019-11-20T06:38"
    on = clean_text(page.format(line="By Jane Marsh On 11/13/19 at 4:00 PM EST")).meta
    assert on.published == "2019-11-13T16:00"
    assert clean_text(page.format(line="11/05/19 6:38 AM")).meta.published is None
    assert clean_text(page.format(line="Scores 3/14/15")).meta.published is None
    assert find_dates("20.11.19, 06:38 Uhr")[0].iso == "2019-11-20T06:38"


def test_teasers_stamped_with_a_weekday_and_a_time_make_a_list_of_teasers():
    """A rail of teasers, each with its author and "Monday 10:00PM" or a full date
    stamp, above the article: none of the stamps is the article's date, and the
    teasers' date lines do not pull the headline towards them."""
    rail = "".join(
        f"{headline}\n\n{author}\n\n{stamp}\n\n"
        for headline, author, stamp in [
            ("Storm damage closes the coastal road for a week", "Tom Reed", "Monday 10:00PM"),
            ("Library opening hours extended over the summer", "Ann Lowe", "Monday 3:00PM"),
            ("Two candidates enter the race for mayor", "Tom Reed", "11/13/19 11:00AM"),
            ("Farmers warn of a poor harvest after the dry spring", "Ann Lowe", "11/13/19 9:00AM"),
        ]
    )
    text = (
        f"{rail}Council votes to close two rural schools\n\nJane Marsh\n\nMonday 5:30PM\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == "Council votes to close two rural schools"
    assert meta.published is None


def test_a_long_share_panel_between_the_date_and_the_article_hides_nothing():
    """Forty share buttons between the header and the first paragraph: the head zone
    is counted in lines a reader reads, so the headline and its date are still found."""
    panel = "\n\n".join(f"Share this with {site}" for site in ["Email", "Facebook", "Twitter"] * 14)
    text = (
        f"Council votes to close two rural schools\n\n19 November 2019\n\n{panel}\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == "Council votes to close two rural schools"
    assert meta.published == "2019-11-19"


def test_a_headline_copy_in_a_bar_far_above_does_not_anchor_the_masthead_date():
    """The headline printed again in a sticky bar at the top, beside the masthead's
    "today": the header is the copy beside the byline, and its date is the article's."""
    teasers = "\n\n".join(RAIL.split("\n\n") * 3)
    text = (
        "Council votes to close two rural schools\n\nThe Corner\n\nNov. 20, 2019\n\n"
        f"{teasers}\n\nCouncil votes to close two rural schools\n\nBy Jane Marsh\n\n"
        f"November 19, 2019 6:30 AM\n\n{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == "Council votes to close two rural schools"
    assert meta.published == "2019-11-19T06:30"
    assert meta.author == "Jane Marsh"


def test_the_date_below_a_standfirst_photo_and_byline_is_in_the_header(tmp_path):
    """Standfirst, photo, caption, byline, site name, then the date, on pages of one
    site published the same day (so the date line is one the site's other pages print
    too, and the article seems to start at the standfirst): the body's first blocks
    may be header, counted as a reader counts them (not the image or the site name)."""
    stories = [
        ("Council votes to close two rural schools", LEDE, MORE),
        ("Parents plan to appeal the school closures", MORE, LEDE),
        ("Education minister asked to intervene", f"{MORE} {LEDE}", MORE),
    ]
    for n, (headline, lede, more) in enumerate(stories):
        standfirst = (
            f"Officials say the risk of closure {n} was low, but many parents are worried that "
            "the decision was taken without them."
        )
        caption = (
            f"Pupils leave school number {n} at the end of the day, as they have for more "
            "than a century."
        )
        text = (
            f"{headline}\n\n{standfirst}\n\n[school-gate.jpg]\n\n{caption}\n\n"
            "By Jane Marsh\n\nvalleycourier.example\n\n[share.png]\n\n"
            f"November 18, 2019\n\n{lede}\n\n{more}\n"
        )
        (tmp_path / f"{n}.txt").write_text(text, "utf-8")
    docs = ingest_paths([tmp_path]).documents
    assert {d.title for d in docs} == {h for h, _, _ in stories}
    assert [d.published for d in docs] == ["2019-11-18"] * 3


def test_a_dated_byline_several_teasers_away_from_the_article_gives_no_date():
    """Six teasers between a dated byline and the headline: the byline is a teaser's
    (the article's is printed beside its headline), and nothing else dates the page."""
    rail = "\n\n".join(RAIL.split("\n\n")[:6])
    text = (
        f"By Tom Reed | March 2, 2018\n\n{rail}\n\nCouncil votes to close two rural schools\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.title == "Council votes to close two rural schools"
    assert meta.published is None


def test_a_date_line_three_lines_from_the_headline_and_the_body_is_not_the_articles():
    """A bare date line says nothing by itself: next to the headline, the byline or
    the first paragraph it is the article's; with three lines of teasers on each side
    it is the sidebar's."""
    above, below = RAIL.split("\n\n")[:3], RAIL.split("\n\n")[3:6]
    text = (
        "Council votes to close two rural schools\n\n"
        + "\n\n".join(above)
        + "\n\nNov. 19, 2019\n\n"
        + "\n\n".join(below)
        + f"\n\n{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.published is None
    beside = clean_text(f"Council votes to close two rural schools\n\nNov. 19, 2019\n\n{LEDE}\n")
    assert beside.meta.published == "2019-11-19"


def test_chinese_japanese_korean_and_russian_dates_and_labels():
    """ "发布时间：2019年11月20日 08:30", "公開日：2019年3月4日", "기사입력 2019.11.20 15:24",
    "Опубликовано: 20.11.2019": complete dates with a publication label."""
    cases = {
        "发布时间：2019年11月20日 08:30": "2019-11-20T08:30",
        "公開日：2019年3月4日": "2019-03-04",
        "기사입력 2019.11.20 15:24": "2019-11-20T15:24",
        "Опубликовано: 20.11.2019 10:15": "2019-11-20T10:15",
    }
    for line, iso in cases.items():
        text = f"Council votes to close two rural schools\n\n{line}\n\n{LEDE}\n\n{MORE}\n"
        meta = clean_text(text).meta
        assert meta.published == iso, line
        assert meta.sources["published"].method == "label:published", line
    assert find_dates("2019년 11월 20일 오후")[0].iso == "2019-11-20"
    assert date_role("수정 2019-11-20 10:00", find_dates("수정 2019-11-20 10:00")[0]) == "updated"


def test_a_posted_label_on_a_teaser_away_from_the_article_gives_no_date():
    """ "Posted: March 2, 2018" under a teaser, six teasers above the headline: a
    label says the date is a publication date, not whose."""
    rail = "\n\n".join(RAIL.split("\n\n")[:6])
    for label in ("Posted:", "Updated:"):
        text = (
            f"Storm damage closes the coastal road for a week\n\n{label} March 2, 2018\n\n"
            f"{rail}\n\nCouncil votes to close two rural schools\n\n{LEDE}\n\n{MORE}\n"
        )
        meta = clean_text(text).meta
        assert meta.title == "Council votes to close two rural schools"
        assert meta.published is None, label


def test_two_posted_labels_of_different_days_beside_the_header_give_none():
    """The article's "Posted" line and, just above the headline, a teaser's: both
    labelled, both beside the header, and nothing says which is the article's."""
    text = (
        "Storm damage closes the coastal road for a week\n\nPosted: Nov. 18, 2019\n\n"
        "Council votes to close two rural schools\n\nPosted: Nov. 19, 2019\n\n"
        f"{LEDE}\n\n{MORE}\n"
    )
    meta = clean_text(text).meta
    assert meta.published is None
    one = text.replace("Posted: Nov. 18, 2019", "Posted: Nov. 19, 2019")
    assert clean_text(one).meta.published == "2019-11-19"  # the same day: no doubt


def test_an_updated_date_does_not_stand_in_for_a_published_label_too_far_to_trust():
    """ "Updated" is used only when nothing says when the page was first published; a
    "Published" line further from the head than a label may be still says so."""
    rail = "\n\n".join(RAIL.split("\n\n")[:5])
    text = (
        f"Published: March 2, 2018\n\n{rail}\n\nCouncil votes to close two rural schools\n\n"
        f"Updated: Nov. 19, 2019\n\n{LEDE}\n\n{MORE}\n"
    )
    assert clean_text(text).meta.published is None
    alone = text.replace("Published: March 2, 2018\n\n", "")
    assert clean_text(alone).meta.published == "2019-11-19"
