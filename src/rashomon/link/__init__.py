"""Cross-document linking: all document analyses in, one :class:`Analysis` out.

:func:`link_corpus` is imported on first use: the extract stage imports
:mod:`rashomon.link.names` (which needs nothing else of the project), and each
extraction worker would otherwise import every linking step with it (the
clustering and SciPy's sparse graphs among them) for nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rashomon.link.corpus import link_corpus

__all__ = ["link_corpus"]


def __getattr__(name: str) -> Any:
    if name == "link_corpus":
        from rashomon.link.corpus import link_corpus

        return link_corpus
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
