"""Rashomon: many accounts of one contested subject, compared with provenance."""

__version__ = "0.1.0"
