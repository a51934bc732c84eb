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
    ],
)
def test_complete_dates(line, iso):
    assert find_date(line)[0] == iso


@pytest.mark.parametrize("line", ["May 2019", "Sunday", "03/04/2019", "Feb 30, 2019", "in 2010"])
def test_incomplete_or_ambiguous_dates_are_unknown(line):
    assert find_date(line) is None


def test_normalise_metadata_dates():
    assert normalise_date("2019-03-04T10:12:00+00:00") == "2019-03-04T10:12"
    assert normalise_date("March 4, 2019") == "2019-03-04"
    assert normalise_date("yesterday") is None
    assert normalise_date(None) is None
