"""The JSON export (``analysis.json``) and its validation against the shipped schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

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


def validate_export(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` does not fit the schema."""
    jsonschema.validate(data, load_schema())


def write_json(analysis: Analysis, path: str | Path) -> dict[str, Any]:
    data = analysis_to_json(analysis)
    validate_export(data)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return data
