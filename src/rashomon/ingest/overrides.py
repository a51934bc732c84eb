"""Per-file metadata corrections (``analyze --meta FILE``).

When Rashomon reads a date or a title wrong, a user corrects it without
editing the article: a JSON object mapping a source (as Rashomon prints it)
or a bare file name to the fields to set, or JSONL with one such object per
line carrying its key in ``source`` or ``file``::

    {"reports/a.txt": {"published": "2016-04-18", "outlet": "FOX43"},
     "feed.jsonl#line 3": {"title": "The real headline"}}

Overrides win over everything else (method ``override``, the file and key as
evidence). Keys that match no input are reported, so a typo does not pass
unnoticed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..model import IngestError
from .dates import normalise_date
from .files import printable
from .metadata import FIELDS, Meta

KEY_FIELDS = ("source", "file", "path", "name")


@dataclass
class Overrides:
    entries: dict[str, dict[str, str]] = field(default_factory=dict)
    origin: str = "--meta"
    used: set[str] = field(default_factory=set)

    def lookup(self, source: str) -> tuple[str, dict[str, str]] | None:
        """The entry for ``source``: exact, then file name (with its #record part)."""
        path, sep, part = source.partition("#")
        name = os.path.basename(path)
        for key in (source, f"{name}{sep}{part}", path, name):
            if key in self.entries:
                return key, self.entries[key]
        return None

    def apply(self, source: str, meta: Meta) -> None:
        found = self.lookup(source)
        if found is None:
            return
        key, values = found
        self.used.add(key)
        for name, value in values.items():
            meta.set(name, value, "override", f"{self.origin}: {key}", 1.0, "override")

    def unused(self) -> list[IngestError]:
        return [
            IngestError(f"{self.origin}#{printable(k)}", "no input matches this key", "parse")
            for k in self.entries
            if k not in self.used
        ]


def _fields(record: Mapping[str, object]) -> dict[str, str]:
    out = {}
    for name in FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            if name == "published":
                iso = normalise_date(value)
                if iso is None:
                    raise ValueError(f"published {value[:40]!r} is not a complete date")
                value = iso
            out[name] = value.strip()
    return out


def parse_overrides(text: str, origin: str) -> tuple[Overrides, list[IngestError]]:
    """Entries of a ``--meta`` file's text, and an error line per bad entry."""
    from .readers import loads

    overrides, errors = Overrides(origin=origin), []
    items: Iterable[tuple[str, object]]
    try:
        value = loads(text)
        if not isinstance(value, dict | list):
            raise ValueError("not a JSON object or list")
        items = value.items() if isinstance(value, dict) else [("", v) for v in value]
    except ValueError:  # not one JSON value: JSON Lines
        lines = []
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                lines.append(("", loads(line)))
            except ValueError as exc:
                errors.append(IngestError(f"{origin}#line {number}", str(exc), "parse"))
        items = lines
    for key, record in items:
        if not isinstance(record, dict):
            errors.append(IngestError(f"{origin}#{printable(str(key))}", "not an object", "parse"))
            continue
        if not key:
            key = next((record[k] for k in KEY_FIELDS if isinstance(record.get(k), str)), "")
        if not key:
            errors.append(IngestError(origin, "an entry without 'source' or 'file'", "parse"))
            continue
        try:
            overrides.entries[key] = _fields(record)
        except ValueError as exc:
            errors.append(IngestError(f"{origin}#{printable(key)}", str(exc), "parse"))
    return overrides, errors


def load_overrides(meta: str | Path | Mapping[str, Mapping[str, str]] | None, max_bytes: int):
    """Overrides from a path or a mapping; errors are lines, never exceptions."""
    if meta is None:
        return Overrides(), []
    if isinstance(meta, Mapping):
        overrides = Overrides(origin="meta")
        for key, record in meta.items():
            overrides.entries[str(key)] = _fields(record)
        return overrides, []
    from .decode import DecodeError, decode
    from .files import ReadError, read_bytes

    origin = printable(str(meta))
    try:
        text = decode(read_bytes(Path(meta), max_bytes)).text
    except (ReadError, DecodeError) as exc:
        return Overrides(origin=origin), [IngestError(origin, str(exc), "read")]
    return parse_overrides(text, origin)
