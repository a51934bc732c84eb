"""Typer's help and error renderer, loaded without two rich modules it never uses here.

``typer.rich_utils`` formats every ``--help`` page and usage error. It imports
``rich.markdown`` (markdown-it and pygments) and ``rich.traceback`` (attrs and
rich.pretty) at its top: about 0.1 s of a 0.3 s ``rashomon --help`` on a
2-core machine. It only calls ``Markdown`` in typer's "markdown" markup mode
and ``Traceback`` for pretty exceptions; rashomon's app uses "rich" markup and
turns pretty exceptions off. :func:`load_rich_utils` imports it against
stand-in classes that import the real class the first time they are used, so
the output is the same and the two modules are only read when needed.

Why not ``rich_markup_mode=None``: that switches to click's plain formatter,
which changes what ``--help`` and every usage error look like.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

DEFERRED = (("rich.markdown", "Markdown"), ("rich.traceback", "Traceback"))


class Forwarding(type):
    """Class attributes (``Traceback.from_exception``) and ``isinstance`` go to the real class."""

    def __getattr__(cls, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(cls.real(), attr)

    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, cls.real())


def deferred_class(module: str, name: str) -> type:
    """A stand-in for ``module.name``: calling it imports the module and builds the real one."""

    def real() -> type:
        return getattr(importlib.import_module(module), name)

    def build(cls: type, *args: Any, **kwargs: Any) -> Any:
        return real()(*args, **kwargs)

    namespace = {"__new__": build, "real": staticmethod(real), "__module__": module}
    return Forwarding(name, (), namespace)


def load_rich_utils() -> None:
    """Import ``typer.rich_utils`` with the rich modules in :data:`DEFERRED` put off.

    A module someone already imported is used as it is; the stand-ins leave
    ``sys.modules`` as soon as typer has bound them, so any later import of
    ``rich.markdown`` or ``rich.traceback`` gets the real module.
    """
    if "typer.rich_utils" in sys.modules:
        return
    placed: dict[str, types.ModuleType] = {}
    for module, name in DEFERRED:
        if module not in sys.modules:
            stub = types.ModuleType(module)
            setattr(stub, name, deferred_class(module, name))
            placed[module] = sys.modules[module] = stub
    try:
        importlib.import_module("typer.rich_utils")
    except Exception:  # a typer that needs more of these modules: import it plainly
        sys.modules.pop("typer.rich_utils", None)
        placed = drop(placed)
        importlib.import_module("typer.rich_utils")
    finally:
        drop(placed)


def drop(placed: dict[str, types.ModuleType]) -> dict[str, types.ModuleType]:
    """Take the stand-in modules out of ``sys.modules`` (nothing is left to drop)."""
    for module, stub in placed.items():
        if sys.modules.get(module) is stub:
            del sys.modules[module]
    return {}
