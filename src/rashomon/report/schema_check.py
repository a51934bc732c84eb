"""A quick yes/no check of data against the export's JSON schema, before jsonschema.

Why: validating a first export of a few hundred articles with ``jsonschema``
costs seconds (it walks every keyword of every item through its generic
machinery), more than writing the file. The shipped schema uses a handful of
keywords, so :func:`compile_check` turns it into plain nested functions that
answer only "valid or not", in a tenth of the time.

The quick check never decides alone that data is invalid: it is written to be
at least as strict as ``jsonschema`` (draft 2020-12), so its "valid" can be
trusted, and a "not valid" is handed to ``jsonschema``, which decides and
gives the error. A schema with a keyword this module does not know compiles
to ``None``: then ``jsonschema`` checks everything, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

#: ``jsonschema``'s draft 2020-12 type checker, for the JSON types data can hold.
TYPES: dict[str, Check] = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}
KNOWN = {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "minimum",
    "maximum",
    "allOf",
    "pattern",
}
ANNOTATIONS = {"description", "title", "$schema", "$id", "$comment"}


class Unknown(Exception):
    """The schema uses something the quick check does not implement."""


def compile_check(schema: Any) -> Check | None:
    """A function telling whether data fits ``schema`` (with no ``$ref`` left: see
    :func:`rashomon.report.json_export.inline_refs`), or None when the schema
    uses a keyword it does not know."""
    try:
        return _compile(schema)
    except Unknown:
        return None


def _compile(schema: Any) -> Check:
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, dict) or set(schema) - KNOWN - ANNOTATIONS:
        raise Unknown
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if any(n not in TYPES for n in names):
            raise Unknown
        tests = [TYPES[n] for n in names]
        type_test: Check | None = (
            tests[0] if len(tests) == 1 else lambda v: any(test(v) for test in tests)
        )
    else:
        type_test = None
    properties = {k: _compile(v) for k, v in schema.get("properties", {}).items()}
    required = frozenset(schema.get("required", ()))
    extra = schema.get("additionalProperties")
    additional = None if extra is None else _compile(extra)
    items = _compile(schema["items"]) if "items" in schema else None
    if isinstance(schema.get("items"), list):
        raise Unknown  # the old tuple form
    every = tuple(_compile(s) for s in schema.get("allOf", ()))
    enum = schema.get("enum")
    pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
    low, high = schema.get("minimum"), schema.get("maximum")
    on_objects = bool(properties or required or additional is not None)

    def check(value: Any) -> bool:
        if type_test is not None and not type_test(value):
            return False
        if isinstance(value, dict):
            if on_objects:
                if not required <= value.keys():
                    return False
                for key, item in value.items():
                    test = properties.get(key, additional)
                    if test is not None and not test(item):
                        return False
        elif isinstance(value, list):
            if items is not None:
                for item in value:
                    if not items(item):
                        return False
        elif isinstance(value, str):
            if pattern is not None and pattern.search(value) is None:
                return False
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if low is not None and value < low:
                return False
            if high is not None and value > high:
                return False
        if enum is not None and not any(type(e) is type(value) and e == value for e in enum):
            return False
        return not every or all(test(value) for test in every)

    return check
