"""Dates from header lines: complete dates only, never guessed."""

import pytest

from rashomon.ingest.dates import find_date, normalise_date


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        (
            "Monday, March 4, 2019 10:12 AM, example.com with inputs from agencies",
            "2019-03-04T10:12",
        ),
        ("By Staff | June 2, 2018", "2018-06-02"),
        ("Published: 12 May 2015", "2015-05-12"),
        ("Updated 3:45 PM ET, Tue March 5, 2019", "2019-03-05T15:45"),
        ("2008-03-01", "2008-03-01"),
        ("Saturday, March 1, 2008", "2008-03-01"),
        ("Posted on the 4th of July, 1999 at 9:05 pm", "1999-07-04T21:05"),
        ("Last modified 30 Sept. 2020", "2020-09-30"),
        # a day above 12 fixes the order of an all-numeric date, either way round
        ("Carlos Nadalim 27/09/2018 Comente!", "2018-09-27"),
        ("11.14.2019 09:00 AM", "2019-11-14T09:00"),
        ("19.11.2019", "2019-11-19"),
        # ISO date-times as pages print them, seconds and zone letter included
        ("By Jane Doe - Staff Writer 2019-11-19T12:48:14Z Space", "2019-11-19T12:48"),
        # the renderer glued the next span on: a capital or a clock may follow the year
        ("Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.", "2019-11-20"),
        ("Published Wed, Nov 20 20194:29 AM EST", "2019-11-20T04:29"),
        ("21:17 18.11.2019Get short URL", "2019-11-18T21:17"),
        # the time printed after a separator is the date's (its zone says which day in UTC)
        ("By Jane Doe | November 18, 2019 -- 19:14 GMT | Topic: Hardware", "2019-11-18T19:14"),
        ("November 19, 2019 / 12:21 AM / Updated 14 hours ago", "2019-11-19T00:21"),
        ("Nov 19, 2019 | 8:15 PM EST", "2019-11-19T20:15"),
    ],
)
def test_complete_dates(line, iso):
    assert find_date(line)[0] == iso


@pytest.mark.parametrize(
    "line",
    [
        "May 2019", "Sunday", "03/04/2019", "Feb 30, 2019", "in 2010", "13/14/2019",
        "Nov 20, 20191", "the 2019s", "Nov 20, 2019a",
    ],
)  # fmt: skip
def test_incomplete_or_ambiguous_dates_are_unknown(line):
    assert find_date(line) is None


def test_normalise_metadata_dates():
    assert normalise_date("2019-03-04T10:12:00+00:00") == "2019-03-04T10:12"
    assert normalise_date("March 4, 2019") == "2019-03-04"
    assert normalise_date("yesterday") is None
    assert normalise_date(None) is None


def test_months_of_more_languages_in_day_month_year_dates():
    """Genitive months (Polish, Czech, Ukrainian) and Turkish, Swedish, Danish,
    Indonesian and Romanian month names, in lines written for this test."""
    from rashomon.ingest.dates import date_role, find_dates

    cases = {
        "Opublikowano: 19 listopada 2019": "2019-11-19",
        "Publikováno 3. března 2018": "2018-03-03",
        "Опубліковано 20 листопада 2019": "2019-11-20",
        "Yayınlanma: 20 Kasım 2019": "2019-11-20",
        "Publicerad 5 augusti 2019": "2019-08-05",
        "Udgivet 4. marts 2019": "2019-03-04",
        "Diterbitkan 17 Agustus 2019": "2019-08-17",
        "Publicat 19 noiembrie 2019": "2019-11-19",
    }
    for line, iso in cases.items():
        found = find_dates(line)
        assert [d.iso for d in found] == [iso], line
        assert date_role(line, found[0]) == "published", line  # the label, in each language
    assert find_dates("the mart 2019 sale") == []
