"""The outlet of a saved page from its footer's copyright line (lines written for these tests)."""

from __future__ import annotations

from rashomon.ingest.clean import clean_text
from rashomon.ingest.metadata import copyright_owner

LEDE = (
    "The regional council voted on Tuesday to close two rural schools, despite a petition "
    "signed by more than four thousand residents."
)
MORE = "Parents said they would appeal the decision and asked the education minister to intervene."


def test_years_and_notes_after_the_owner_are_not_its_name():
    assert copyright_owner("©The Valley Kitchen Diary 2011-2019") == "Valley Kitchen Diary"
    line = "© 2019 The Courier unless otherwise noted. All rights reserved. Privacy Policy"
    assert copyright_owner(line) == "Courier"
    assert copyright_owner("© Copyright Valley Media 2018") == "Valley"
    line = "Copyright 2019. Valley Courier. All Rights Reserved."
    assert copyright_owner(line) == "Valley Courier"  # a full stop after the year


def test_a_web_designers_credit_is_not_the_outlet():
    footer = "© 2019 The Valley Courier\n\nCopyright © 2002-2019 - Designed by Pixel Forge Media"
    text = f"Council votes to close two rural schools\n\n{LEDE}\n\n{MORE}\n\n{footer}\n"
    assert copyright_owner("Copyright © 2002-2019 - Designed by Pixel Forge Media") is None
    assert clean_text(text).meta.outlet == "Valley Courier"
