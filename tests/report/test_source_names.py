"""How sources are named in the comparison views: what a user recognises."""

from __future__ import annotations

from rashomon.model import Analysis, Document
from rashomon.report.compare import SourceNames
from rashomon.report.pages.format import source_label


def test_a_page_with_no_outlet_or_title_is_named_by_its_file() -> None:
    bare = Document("dfc66dc58d232", "/data/pile/23_23ecb_1.txt", "A climber died.")
    titled = Document("d2", "/data/pile/b.txt", "Text.", title="Climber dies in fall")
    outlet = Document("d3", "/data/pile/c.txt", "Text.", outlet="Reuters", published="2013-09-16")
    names = SourceNames(Analysis(documents=[bare, titled, outlet]))
    assert names("dfc66dc58d232") == "23_23ecb_1.txt"
    assert names("d2") == "Climber dies in fall"
    assert names("d3") == "Reuters (2013-09-16)"
    assert source_label({"id": "dfc66dc58d232", "source": "/data/pile/23_23ecb_1.txt"}) == (
        "23_23ecb_1.txt"
    )
    assert source_label({"id": "d9", "source": None}) == "d9"
