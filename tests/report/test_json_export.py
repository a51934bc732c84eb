"""The JSON export's validation: the inlined schema accepts and refuses what the schema does."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

import jsonschema
import pytest

from rashomon import workflow
from rashomon.report.json_export import (
    analysis_to_json,
    export_validator,
    load_schema,
    quick_checks,
    validate_export,
)
from rashomon.report.jsontext import indented
from rashomon.report.schema_check import compile_check

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


ODD_VALUES = [None, True, False, 0, -1, 1.5, 2.0, "", "x", [], {}, [1], {"a": 1}, float("nan")]


def mutations(item: object, rng: random.Random, count: int) -> list[object]:
    """Copies of an export item, each with one value replaced, removed or added."""
    paths: list[tuple] = []

    def walk(node: object, path: tuple) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node[:3]):
                walk(value, (*path, i))

    walk(item, ())
    out = []
    for _ in range(count):
        copied, path = copy.deepcopy(item), rng.choice(paths)
        if not path:
            out.append(rng.choice(ODD_VALUES))
            continue
        parent = copied
        for key in path[:-1]:
            parent = parent[key]
        roll = rng.random()
        if roll < 0.7:
            parent[path[-1]] = rng.choice(ODD_VALUES)
        elif isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent.append(rng.choice(ODD_VALUES))
        if isinstance(copied, dict) and rng.random() < 0.1:
            copied["not_in_the_schema"] = 1
        out.append(copied)
    return out


def test_the_quick_check_never_passes_what_jsonschema_refuses(export):
    whole, per_item = quick_checks()
    assert whole is not None and whole(export)
    validator = export_validator()
    rng = random.Random(11)
    for key, check in per_item.items():
        assert check is not None
        judge = validator.evolve(schema=validator.schema["properties"][key]["items"])
        for item in export.get(key, [])[:20]:
            assert check(item)
            for changed in mutations(item, rng, 25):
                assert not check(changed) or judge.is_valid(changed), (key, changed)
    for bad in breakages(export):
        assert not whole(bad)


def test_a_schema_keyword_the_quick_check_does_not_know_leaves_it_to_jsonschema():
    assert compile_check({"type": "array", "uniqueItems": True}) is None
    assert compile_check({"properties": {"a": {"format": "date"}}}) is None
    assert compile_check({"type": "object", "required": ["a"]})({"a": 1})


def test_the_export_text_is_what_json_dumps_writes(export):
    odd = {
        "a": [1.5, float("nan"), float("inf"), -float("inf"), True, None, {}, [], (1, 2), ()],
        "keys": {7: 2, 2.5: 3, True: 1, False: 0, None: 3},
        "s": 'é\u2028"\\\n\x01\ud800',
        "n": [-0.0, 10**30, 1e-300],
    }
    for data in (export, odd):
        for ascii_only in (False, True):
            assert indented(data, ascii_only) == json.dumps(data, ensure_ascii=ascii_only, indent=1)
    with pytest.raises(TypeError):
        indented({"a": object()})
