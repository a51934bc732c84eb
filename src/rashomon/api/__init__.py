"""The web app and its JSON API (``rashomon serve``)."""

from rashomon.api.app import create_app

__all__ = ["create_app"]
