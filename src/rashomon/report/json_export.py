"""The JSON export (``analysis.json``) and its validation against the shipped schema.

The file is replaced atomically (:mod:`rashomon.atomicfile`): a kill or a full
disk while writing leaves the previous export whole.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from rashomon.atomicfile import write_atomic
from rashomon.model import Analysis, to_dict


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    text = resources.files("rashomon.schema").joinpath("analysis.schema.json").read_text("utf-8")
    return json.loads(text)


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """The export as plain data, keys in the documented order."""
    data = to_dict(analysis)
    ordered = {"schema": data.pop("schema")}
    ordered.update(data)
    return ordered


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each ``{"$ref": "#/$defs/x", ...}`` replaced by ``x`` itself.

    The shipped schema is not recursive and its references carry nothing beside
    a description, so this validates exactly the same documents; it spares the
    validator a reference lookup per item, about half its time on a large export."""
    defs = schema.get("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                target = inline(defs[node["$ref"].removeprefix("#/$defs/")])
                return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            return {k: inline(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return inline(schema)


@lru_cache(maxsize=1)
def export_validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    return jsonschema.validators.validator_for(schema)(inline_refs(schema))


def validate_export(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` does not fit the schema."""
    validator = export_validator()
    if not validator.is_valid(data):  # one pass when valid; the best error only when not
        raise jsonschema.exceptions.best_match(validator.iter_errors(data))


def export_text(data: dict[str, Any]) -> str:
    """The export as JSON text, UTF-8 encodable: a lone surrogate in a string is
    written as its ``\\udXXX`` escape rather than failing the whole export."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True, indent=1)
    return text


def write_json(analysis: Analysis, path: str | Path) -> dict[str, Any]:
    """Validate the export and replace ``path`` with it atomically."""
    data = analysis_to_json(analysis)
    validate_export(data)
    write_atomic(Path(path), export_text(data))
    return data
