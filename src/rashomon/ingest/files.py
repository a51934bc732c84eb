"""Finding input files and reading their bytes safely.

Every way a file can fail (missing, a broken link, a folder where a file was
expected, no permission, too big, empty, binary, undecodable) becomes one
:class:`ReadError` with a one-line reason, so a batch of thousands of pages
never stops for one bad file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..model import IngestError
from .decode import DecodeError, decode_bytes


class ReadError(ValueError):
    """A file that cannot be read, with a one-line reason."""


def discover(paths: Sequence[str | Path]) -> Iterator[tuple[Path, str] | IngestError]:
    """Files under ``paths`` as ``(path, source)``, folders walked in sorted
    order without hidden entries; missing paths come out as errors. A folder
    named like a supported file ("x.txt") is yielded as a file, so that it is
    reported as unreadable rather than silently walked."""
    for given in paths:
        path = Path(given)
        if path.is_dir() and not _named_like_file(path):
            yield from _walk(path, str(given))
        elif path.exists() or path.is_symlink():
            yield path, str(given)
        else:
            yield IngestError(str(given), "unreadable: no such file or folder")


def _named_like_file(path: Path) -> bool:
    from .readers import READERS

    return path.suffix.lower() in READERS


def _walk(folder: Path, source: str) -> Iterator[tuple[Path, str]]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        if name.startswith("."):
            continue
        path, child = folder / name, os.path.join(source, name)
        if path.is_dir() and not _named_like_file(path):
            yield from _walk(path, child)
        else:
            yield path, child


def read_text(path: Path, max_bytes: int) -> str:
    """Decoded, normalised text of ``path`` or :class:`ReadError`."""
    if path.is_symlink() and not path.exists():
        raise ReadError("unreadable: broken symlink")
    if path.is_dir():
        raise ReadError("unreadable: is a directory")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"too large: {size / 1e6:.1f} MB > {max_bytes / 1e6:g} MB limit")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise ReadError("unreadable: permission denied") from None
    except OSError as exc:
        raise ReadError(f"unreadable: {exc.strerror or type(exc).__name__}") from None
    if len(data) > max_bytes:  # grew while we looked
        raise ReadError(f"too large: more than {max_bytes / 1e6:g} MB limit")
    if not data:
        raise ReadError("empty file")
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        raise ReadError(str(exc)) from None
    if not text.strip():
        raise ReadError("empty file (whitespace only)")
    return text
