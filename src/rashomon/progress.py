"""Progress a person can follow on a long run: one bar per stage, with counts and ETA.

:class:`StageProgress` turns the workflow's hooks (:class:`rashomon.workflow.Hooks`)
into rich progress bars on a terminal: reading the inputs, extracting (one
step per article, with the time remaining), linking (one step per linking
step, named as it runs) and export (the store, then each file). Error lines
print above the bars as they happen. On anything but a terminal the bars stay
off and only the error lines appear.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

STAGE_NAMES = {
    "read": "reading",
    "extract": "extracting",
    "link": "linking",
    "export": "writing",
}


class StageProgress:
    """Bars for the stages of a run; use as a context manager and pass :meth:`hooks`."""

    def __init__(self, console: Console, on_error: Callable[[Any], None]) -> None:
        self.console = console
        self.on_error = on_error
        self.progress = Progress(
            TextColumn("{task.description:<28}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=not console.is_terminal,
            transient=False,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> StageProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)  # type: ignore[arg-type]

    def hooks(self) -> Any:
        from rashomon.workflow import Hooks

        return Hooks(
            on_error=self.on_error,
            on_stage=self.stage,
            on_advance=self.advance,
            on_step=self.step,
            on_wait=lambda message: self.console.print(message, style="yellow"),
        )

    def stage(self, stage: str, total: int | None) -> None:
        for task in self.progress.tasks:  # a stage of unknown size is over when the next starts
            if task.total is None:
                self.progress.update(task.id, total=1, completed=1)
        name = STAGE_NAMES.get(stage, stage)
        if stage in self.tasks:
            self.progress.reset(self.tasks[stage], total=total, description=name)
        else:
            self.tasks[stage] = self.progress.add_task(name, total=total)

    def advance(self, stage: str, count: int) -> None:
        if stage in self.tasks:
            self.progress.advance(self.tasks[stage], count)

    def step(self, stage: str, name: str) -> None:
        if stage in self.tasks:
            label = f"{STAGE_NAMES.get(stage, stage)} · {name}"
            self.progress.update(self.tasks[stage], description=label)
