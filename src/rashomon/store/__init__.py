"""Persistence: the embedded SQLite store."""

from rashomon.store.schema import StoreError
from rashomon.store.sqlite import Store

__all__ = ["Store", "StoreError"]
