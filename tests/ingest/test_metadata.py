"""Header lines of plain-text pages: title, outlet, author, date."""

from rashomon.ingest.clean import clean_text
from rashomon.ingest.metadata import (
    dateline_outlet,
    parse_byline,
    parse_role_line,
    split_title,
)

LEDE = (
    "Government forces retook the northern town on Sunday after three days of fighting, "
    "officials said."
)
MORE = "The United Nations called for an immediate ceasefire and access for aid convoys."


def test_bylines_and_roles():
    assert parse_byline("By Staff | June 2, 2018") == ("Staff", "2018-06-02")
    assert parse_byline("By Jane Doe and John Roe") == ("Jane Doe and John Roe", None)
    assert parse_byline("By the time they arrived, it was over.") is None
    assert parse_role_line("Jane Doe, Political Correspondent") == "Jane Doe"
    assert parse_role_line("Paris, France") is None


def test_dateline_outlet():
    assert dateline_outlet("WASHINGTON (Reuters) - The Senate voted.") == "Reuters"
    assert dateline_outlet("LONDON (AP) — Talks resumed.") == "AP"
    assert dateline_outlet("(AFP) - Talks resumed.") == "AFP"
    assert dateline_outlet("The talks (which began in 2019) - resumed.") is None


def test_split_title():
    assert split_title("Town retaken | Daily Star") == ("Town retaken", "Daily Star")
    assert split_title("Town retaken after siege") == ("Town retaken after siege", None)


def test_header_of_a_text_dump():
    text = (
        "The Daily Star\n"
        "Army retakes northern town after siege\n"
        "Monday, March 4, 2019 10:12 AM, example.com with inputs from agencies\n\n"
        f"KABUL (Reuters) - {LEDE}\n\n{MORE}"
    )
    cleaned = clean_text(text)
    assert cleaned.meta.title == "Army retakes northern town after siege"
    assert cleaned.meta.published == "2019-03-04T10:12"
    assert cleaned.meta.outlet == "example.com"  # named on the dateline
    assert "Daily Star" not in cleaned.text
    assert cleaned.text.startswith("KABUL (Reuters) - Government forces")
    assert {r.reason for r in cleaned.removed} == {"metadata"}


def test_outlet_from_domain_reports_line_or_dateline():
    assert clean_text(f"example.com\n\n{LEDE}\n\n{MORE}").meta.outlet == "example.com"
    assert clean_text(f"Al Example reports:\n\n{LEDE}\n\n{MORE}").meta.outlet == "Al Example"
    cleaned = clean_text(f"LONDON (AP) — {LEDE}\n\n{MORE}")
    assert cleaned.meta.outlet == "AP" and cleaned.text.startswith("LONDON (AP) — ")


def test_author_role_line_and_wikinews_date():
    text = f"Town retaken\nJane Doe, Political Correspondent\nSaturday, March 1, 2008\n\n{LEDE}"
    meta = clean_text(text).meta
    assert (meta.title, meta.author, meta.published) == ("Town retaken", "Jane Doe", "2008-03-01")


def test_dates_inside_the_body_are_not_metadata():
    text = f"{LEDE}\n\nOn March 4, 2019, the court ruled against the government.\n\n{MORE}"
    cleaned = clean_text(text)
    assert cleaned.meta.published is None
    assert "On March 4, 2019, the court ruled" in cleaned.text
