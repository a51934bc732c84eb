"""Finding input files and reading their bytes safely.

Every way a file can fail (missing, a broken link, a folder where a file was
expected, a FIFO or a device, no permission, too big, empty, binary) becomes
one :class:`~rashomon.model.IngestError` with a one-line reason, so a batch
of thousands of pages never stops, hangs or silently skips for one bad file.

The walk is deliberately careful:

* special files (FIFOs, sockets, devices) are reported and never opened
  (opening a FIFO blocks until someone writes to it);
* symbolic links are followed only inside the input: a link to a file
  outside the folders given is reported, a link to a folder is walked only
  with ``follow_links`` (like ``grep -r``), and no folder is walked twice, so
  link loops end;
* hidden files and folders are reported (one line each), not silently
  skipped, and unreadable subfolders are reported;
* ``exclude`` folders (Rashomon's own output folder) are passed over;
* names that are not valid UTF-8 or hold control or bidirectional-override
  characters are shown escaped (``caf\\xe9.txt``, ``\\u202e``), so an error line
  is one printable line that names the file.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import IngestError

SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
# What ``analyze`` writes into its output folder (never read back as input).
OUTPUT_NAMES = frozenset(
    {
        "analysis.json",
        "analysis.sqlite",
        "analysis.sqlite-wal",
        "analysis.sqlite-shm",
        "report.html",
    }
)
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


class ReadError(ValueError):
    """A file that cannot be read, with a one-line reason."""


def printable(name: str) -> str:
    """``name`` with undecodable bytes, control and bidi characters escaped."""
    if name.isprintable() and name.isascii():
        return name
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Walk:
    """The state of one discovery: roots, what was seen, what to skip."""

    roots: list[Path]
    follow_links: bool = False
    exclude: list[Path] = field(default_factory=list)
    seen_dirs: set[tuple[int, int]] = field(default_factory=set)

    def inside_input(self, path: Path) -> bool:
        real = _resolve(path)
        return real is not None and any(real.is_relative_to(root) for root in self.roots)

    def excluded(self, path: Path) -> bool:
        """Under an excluded folder; when that folder holds the input itself (``--out``
        is the input folder), only Rashomon's own output files in it are passed over."""
        real = _resolve(path)
        if real is None:
            return False
        for ex in self.exclude:
            if not real.is_relative_to(ex):
                continue
            if not any(root.is_relative_to(ex) for root in self.roots):
                return True
            if real.parent == ex and real.name in OUTPUT_NAMES:
                return True
        return False


def _resolve(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop
        return None


def _named_like_file(path: Path) -> bool:
    from .readers import READERS

    return path.suffix.lower() in READERS


def discover(
    paths: Sequence[str | Path],
    follow_links: bool = False,
    exclude: Sequence[str | Path] = (),
) -> Iterator[tuple[Path, str] | IngestError]:
    """Files under ``paths`` as ``(path, source)``, folders walked in sorted order;
    whatever is not read comes out as an error line. A folder named like a
    supported file ("x.txt") is yielded as a file, so that it is reported as
    unreadable rather than silently walked. Paths given on the command line
    are followed even when they are links (the user named them)."""
    roots = [r for p in paths if (r := _resolve(Path(p))) is not None]
    walk = Walk(roots, follow_links, [r for e in exclude if (r := _resolve(Path(e))) is not None])
    for given in paths:
        path = Path(given)
        source = printable(str(given))
        if walk.excluded(path):
            continue
        if path.is_dir() and not _named_like_file(path):
            yield from _walk_dir(path, source, walk)
        elif path.exists() or path.is_symlink():
            yield path, source
        else:
            yield IngestError(source, "unreadable: no such file or folder", "read")


def _walk_dir(folder: Path, source: str, walk: Walk) -> Iterator[tuple[Path, str] | IngestError]:
    try:
        info = folder.stat()
    except OSError as exc:
        yield IngestError(source, f"unreadable folder: {exc.strerror or 'error'}", "read")
        return
    key = (info.st_dev, info.st_ino)
    if key in walk.seen_dirs:
        yield IngestError(source, "skipped: folder already read (a link loop)", "read")
        return
    walk.seen_dirs.add(key)
    try:
        names = sorted(os.listdir(folder))
    except PermissionError:
        yield IngestError(source, "unreadable folder: permission denied", "read")
        return
    except OSError as exc:
        yield IngestError(source, f"unreadable folder: {exc.strerror or 'error'}", "read")
        return
    for name in names:
        path, child = folder / name, os.path.join(source, printable(name))
        if walk.excluded(path):
            continue
        if name.startswith("."):
            kind = "folder" if path.is_dir() else "file"
            yield IngestError(child, f"skipped: hidden {kind}", "read")
            continue
        if path.is_symlink():
            yield from _walk_link(path, child, walk)
        elif path.is_dir() and not _named_like_file(path):
            yield from _walk_dir(path, child, walk)
        else:
            yield path, child


def _walk_link(path: Path, source: str, walk: Walk) -> Iterator[tuple[Path, str] | IngestError]:
    if not path.exists():
        yield path, source  # reported as a broken link when read
        return
    if path.is_dir() and not _named_like_file(path):
        if not walk.follow_links:
            yield IngestError(source, "skipped: link to a folder (use --follow-links)", "read")
        else:
            yield from _walk_dir(path, source, walk)
        return
    if not walk.follow_links and not walk.inside_input(path):
        yield IngestError(
            source, "skipped: link to a file outside the input (use --follow-links)", "read"
        )
        return
    yield path, source


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, or :class:`ReadError`. Never blocks: the
    file is checked to be a regular file before and after it is opened."""
    if path.is_symlink() and not path.exists():
        raise ReadError("unreadable: broken symlink")
    try:
        info = path.stat()
    except PermissionError:
        raise ReadError("unreadable: permission denied") from None
    except OSError as exc:
        raise ReadError(f"unreadable: {exc.strerror or type(exc).__name__}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("unreadable: is a directory")
    for test, what in SPECIAL_KINDS:
        if test(info.st_mode):
            raise ReadError(f"skipped: {what}, not a regular file")
    if info.st_size > max_bytes:
        raise ReadError(f"too large: {info.st_size / 1e6:.1f} MB > {max_bytes / 1e6:g} MB limit")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise ReadError("unreadable: permission denied") from None
    except OSError as exc:
        raise ReadError(f"unreadable: {exc.strerror or type(exc).__name__}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ReadError("skipped: not a regular file")
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise ReadError(f"unreadable: {exc.strerror or type(exc).__name__}") from None
    if len(data) > max_bytes:  # grew while we looked
        raise ReadError(f"too large: more than {max_bytes / 1e6:g} MB limit")
    if not data:
        raise ReadError("empty file")
    return data
