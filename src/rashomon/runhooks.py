"""What every stage of a run shares: the user interface's callbacks, the stage clock,
and the one error an unusable output folder raises.

Apart from :mod:`rashomon.workflow` so that the stage modules (:mod:`rashomon.inputs`,
:mod:`rashomon.relink`, :mod:`rashomon.exports`) can use them without importing the
workflow that imports them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from rashomon.model import IngestError


class OutputError(Exception):
    """The output folder cannot be used or written; a one-line reason."""


def ignore(*args: object) -> None:
    """A hook that does nothing (the default of each :class:`Hooks` callback)."""
    return None


@dataclass
class Hooks:
    """Callbacks for a user interface.

    ``on_stage(stage, total)`` when a stage starts (``total`` items, ``None``
    when unknown): ``read``, ``extract``, ``link`` (its steps), ``export``;
    ``on_advance(stage, n)`` as items finish; ``on_step(stage, name)`` names
    the step a stage is in (each linking step, each file written);
    ``on_wait(message)`` while another run holds the output folder.
    """

    on_error: Callable[[IngestError], None] = ignore
    on_stage: Callable[[str, int | None], None] = ignore
    on_advance: Callable[[str, int], None] = ignore
    on_step: Callable[[str, str], None] = ignore
    on_wait: Callable[[str], None] = ignore
    # The first hooks, kept for their callers: extraction's total, then each document done.
    on_start_extraction: Callable[[int], None] = ignore
    on_progress: Callable[[int], None] = ignore


class StageClock:
    """Wall-clock seconds per stage, summed over the laps of each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now
