"""The JSON export's validation: the inlined schema accepts and refuses what the schema does."""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
import pytest

from rashomon import workflow
from rashomon.report.json_export import analysis_to_json, load_schema, validate_export

EXAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("out")
    return analysis_to_json(workflow.analyze([EXAMPLE_CORPUS / "wire"], out).analysis)


def breakages(data: dict) -> list[dict]:
    """Copies of a real export, each broken in one place a reference leads to."""
    broken = []
    for path, value in (
        (("documents", 0, "title"), 7),  # nullableString
        (("entities", 0, "mentions", 0, "start"), -1),  # span: minimum 0
        (("entities", 0, "mentions", 0, "end"), "12"),
        (("quotes", 0, "speaker"), ["someone"]),
        (("events", 0, "docs"), "d1"),
        (("entities", 0), {}),  # required properties
    ):
        bad = copy.deepcopy(data)
        node = bad
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        broken.append(bad)
    return broken


def test_the_inlined_schema_judges_as_the_schema_does(export):
    validate_export(export)
    jsonschema.validate(export, load_schema())
    for bad in breakages(export):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, load_schema())
        with pytest.raises(jsonschema.ValidationError):
            validate_export(bad)


def test_items_found_valid_before_are_trusted_and_only_new_items_are_judged(export):
    known = validate_export(export)
    assert len(known) == sum(len(v) for v in export.values() if isinstance(v, list))
    assert validate_export(export, known) == known
    for bad in breakages(export):  # a broken item is a new item: judged, refused
        with pytest.raises(jsonschema.ValidationError):
            validate_export(bad, known)
    no_documents = {k: v for k, v in export.items() if k != "documents"}  # top level judged
    with pytest.raises(jsonschema.ValidationError):
        validate_export(no_documents, known)
    wrong_type = {**export, "stories": []}  # an object, not an array, at the top level
    with pytest.raises(jsonschema.ValidationError):
        validate_export(wrong_type, known)
    other_array = {**export, "events": [export["entities"][0]]}  # valid elsewhere only
    with pytest.raises(jsonschema.ValidationError):
        validate_export(other_array, known)
