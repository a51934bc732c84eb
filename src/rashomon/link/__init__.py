"""Cross-document linking: all document analyses in, one :class:`Analysis` out."""

from rashomon.link.corpus import link_corpus

__all__ = ["link_corpus"]
