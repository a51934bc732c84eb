"""The JSON export (``analysis.json``) and its validation against the shipped schema.

The file is replaced atomically (:mod:`rashomon.atomicfile`): a kill or a full
disk while writing leaves the previous export whole.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from rashomon.atomicfile import write_atomic
from rashomon.model import Analysis, to_dict
from rashomon.report.jsontext import indented
from rashomon.report.schema_check import Check, compile_check


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


@lru_cache(maxsize=1)
def quick_checks() -> tuple[Check | None, dict[str, Check | None]]:
    """The schema's quick check (:mod:`rashomon.report.schema_check`): for the whole
    export, and for an item of each top-level array."""
    schema = export_validator().schema
    arrays = {
        key: compile_check(node["items"])
        for key, node in schema["properties"].items()
        if node.get("type") == "array" and "items" in node
    }
    return compile_check(schema), arrays


def _is_valid(validator: jsonschema.protocols.Validator, quick: Check | None, data: Any) -> bool:
    """The validator's verdict; the quick check answers first when it says valid
    (it is at least as strict), so jsonschema runs only on data it doubts."""
    return (quick is not None and quick(data)) or validator.is_valid(data)


def validate_export(data: dict[str, Any], known: set[str] | None = None) -> set[str]:
    """Raise ``jsonschema.ValidationError`` when ``data`` does not fit the schema;
    return the digests of its items (see :func:`item_digests`).

    ``known`` holds the digests of items found valid before (by an earlier
    export of the same store): those are not validated again. The schema puts
    no constraint across the items of an array (no ``uniqueItems``, no
    ``contains``), so an item valid once is valid in any export, and adding one
    document to a large store validates only the items that changed: the
    export's top level, then each new item against its array's item schema."""
    validator = export_validator()
    whole, per_item = quick_checks()
    digests = item_digests(data)
    if known is None or not digests.keys() <= set(validator.schema["properties"]):
        if not _is_valid(validator, whole, data):  # the best error only when not valid
            raise jsonschema.exceptions.best_match(validator.iter_errors(data))
        return {d for per_key in digests.values() for d in per_key}
    shell = {k: ([] if k in digests else v) for k, v in data.items()}
    if not _is_valid(validator, whole, shell):
        raise jsonschema.exceptions.best_match(validator.iter_errors(shell))
    for key, per_key in digests.items():
        items_schema = validator.schema["properties"][key]["items"]
        item_validator = validator.evolve(schema=items_schema)
        quick = per_item.get(key)
        for item, digest in zip(data[key], per_key, strict=True):
            if digest not in known and not _is_valid(item_validator, quick, item):
                raise jsonschema.exceptions.best_match(item_validator.iter_errors(item))
    return {d for per_key in digests.values() for d in per_key}


def item_digests(data: dict[str, Any]) -> dict[str, list[str]]:
    """Per top-level array of ``data``: one digest per item, of the item's content
    and of the schema it is judged by (an item of another array, or of another
    schema, never shares a digest)."""
    schema_key = schema_digest()
    digests: dict[str, list[str]] = {}
    for key, value in data.items():
        if isinstance(value, list):
            digests[key] = [
                hashlib.blake2b(
                    f"{schema_key} {key} ".encode()
                    + json.dumps(item, sort_keys=True, ensure_ascii=True).encode(),
                    digest_size=12,
                ).hexdigest()
                for item in value
            ]
    return digests


@lru_cache(maxsize=1)
def schema_digest() -> str:
    text = json.dumps(load_schema(), sort_keys=True)
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def export_text(data: dict[str, Any]) -> str:
    """The export as JSON text, UTF-8 encodable: a lone surrogate in a string is
    written as its ``\\udXXX`` escape rather than failing the whole export.
    The text of ``json.dumps(data, indent=1)``, built by :mod:`rashomon.report.jsontext`."""
    text = indented(data, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return indented(data, ensure_ascii=True)
    return text


def write_json(analysis: Analysis, path: str | Path, known: set[str] | None = None) -> set[str]:
    """Validate the export (items in ``known`` were found valid before, see
    :func:`validate_export`) and replace ``path`` with it atomically; return the
    digests of its items, all valid."""
    data = analysis_to_json(analysis)
    digests = validate_export(data, known)
    write_atomic(Path(path), export_text(data))
    return digests
