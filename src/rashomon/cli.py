"""The ``rashomon`` command line: a thin shell over :mod:`rashomon.workflow`.

It starts fast: the models' stack (spaCy, onnxruntime, the linkers) is
imported inside the commands that use it, never at start-up. Everything it
prints that comes from a document or a file name goes through
:mod:`rashomon.textsafe`, so no stored string can style, move or rewrite the
terminal. Exit status: 0 when the run analysed something, 1 when nothing
could be analysed or an output could not be written, 2 for a usage error or a
store that is not ours, 130 when interrupted.
"""

from __future__ import annotations

import contextlib
import math
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text
from typer.exceptions import TyperException

from rashomon.helpformat import load_rich_utils
from rashomon.textsafe import SafeConsole, one_line

load_rich_utils()  # typer's help renderer, without rich.markdown / rich.traceback (0.1 s)
app = typer.Typer(
    help="Read many accounts of the same subject and show, with provenance, "
    "what the sources say, agree on and dispute.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out_console = SafeConsole()
err_console = SafeConsole(stderr=True)
DEFAULT_MAX_MB = 20.0  # = rashomon.workflow.MAX_BYTES / 1e6 (a test checks it)
EXIT_NOTHING, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130


class Settings:
    debug = False


@app.callback()
def main_options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of an unexpected error.")
    ] = False,
) -> None:
    """Read many accounts of the same subject and show, with provenance, what the
    sources say, agree on and dispute."""
    Settings.debug = debug


def error_line(where: str, reason: str) -> Text:
    """``error WHERE: REASON`` on one line, both parts shown exactly as they are."""
    return Text.assemble(("error", "red"), " ", one_line(where), ": ", one_line(reason))


def print_error(error: object) -> None:
    source, reason = getattr(error, "source", ""), getattr(error, "reason", str(error))
    err_console.print(error_line(source, reason), soft_wrap=True)


def fail(message: str, code: int) -> typer.Exit:
    err_console.print(Text.assemble(("error", "red"), " ", one_line(message)), soft_wrap=True)
    return typer.Exit(code)


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Turn every failure into one line and an exit status (the traceback with --debug)."""
    import sqlite3

    from rashomon.workflow import Interrupted, OutputError, StoreError

    try:
        yield
    except (typer.Exit, typer.Abort, TyperException):
        raise  # usage errors and exits: typer prints them
    except Interrupted as stop:
        raise interrupted(stop) from None
    except StoreError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    except OutputError as exc:
        raise fail(str(exc), EXIT_NOTHING) from None
    except sqlite3.Error as exc:
        raise fail(f"the store failed: {exc}", EXIT_NOTHING) from None
    except KeyboardInterrupt:
        raise fail("interrupted", EXIT_INTERRUPTED) from None
    except Exception as exc:
        if Settings.debug:
            raise
        detail = f"{type(exc).__name__}: {exc}"
        raise fail(f"unexpected failure ({detail}); run with --debug for details", 1) from None


def interrupted(stop: object) -> typer.Exit:
    stored, todo, total = stop.stored, stop.todo, stop.total  # type: ignore[attr-defined]
    if stop.stage == "reading":  # type: ignore[attr-defined]
        message = "Interrupted while reading the inputs; nothing new was stored."
    else:
        message = (
            f"Interrupted during {stop.stage}: "  # type: ignore[attr-defined]
            f"{stored} of {todo} new article(s) analysed and kept "
            f"({total} in {stop.db_path}). "  # type: ignore[attr-defined]
            "The exports were not updated; run the same command again to continue."
        )
    err_console.print(Text(one_line(message), style="yellow"), soft_wrap=True)
    return typer.Exit(EXIT_INTERRUPTED)


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a run the way Ctrl-C does: cleanly, keeping what was stored."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --- validation of command-line values ---------------------------------------------


def positive_megabytes(value: float) -> float:
    if not math.isfinite(value) or value <= 0:
        raise typer.BadParameter(f"{value} is not a positive number of megabytes")
    return value


def output_folder(value: Path) -> Path:
    if value.exists() and not value.is_dir():
        raise typer.BadParameter(f"{one_line(str(value))} exists and is not a folder")
    return value


def existing_store(value: Path) -> Path:
    """An output folder or its analysis.sqlite (``timeline``, ``compare``, ``export``)."""
    from rashomon.workflow import store_path

    path = store_path(value)
    if not path.is_file():
        where = "no analysis.sqlite in that folder" if value.is_dir() else "no such database"
        raise typer.BadParameter(f"{one_line(str(value))}: {where}")
    return path


# --- commands --------------------------------------------------------------------


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder.", callback=output_folder)
    ] = Path("out"),
    workers: Annotated[
        int,
        typer.Option("--workers", "-w", min=0, help="Processes for extraction (0: one per core)."),
    ] = 0,
    max_mb: Annotated[
        float,
        typer.Option(
            "--max-mb",
            help="Skip files larger than this many megabytes.",
            callback=positive_megabytes,
        ),
    ] = DEFAULT_MAX_MB,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run extraction and the blocked linking steps on Dask: a scheduler "
            "address (tcp://host:8786) or 'local'.",
        ),
    ] = None,
    meta: Annotated[
        Path | None,
        typer.Option(
            "--meta", help="JSON/JSONL of per-file corrections: {file: {title, published, ...}}."
        ),
    ] = None,
    follow_links: Annotated[
        bool,
        typer.Option("--follow-links", help="Follow links to folders and to files outside PATHS."),
    ] = False,
    exports: Annotated[
        bool,
        typer.Option(
            "--exports/--no-exports",
            help="Write analysis.json and report.html (--no-exports: the store only; "
            "`rashomon export OUT --all` writes them later, `rashomon serve OUT` reads the store).",
        ),
    ] = True,
) -> None:
    """Clean the articles under PATHS and extract what each one says.

    Writes OUT/analysis.json, OUT/analysis.sqlite and OUT/report.html. Running it
    again with the same OUT adds new documents and keeps the ones already stored;
    after an interrupt it continues where it stopped.
    """
    from rashomon import workflow
    from rashomon.extract.runner import default_workers
    from rashomon.progress import StageProgress

    progress = StageProgress(err_console, print_error)
    with guarded(), sigterm_as_interrupt(), progress:
        result = workflow.analyze(
            paths,
            out,
            workers=workers or default_workers(),
            max_bytes=int(max_mb * 1_000_000),
            hooks=progress.hooks(),
            scheduler=scheduler,
            meta=meta,
            follow_links=follow_links,
            exports=exports,
        )
    print_summary(result)
    if not result.analysed:
        err_console.print(Text("No document could be analysed.", style="red"))
        raise typer.Exit(EXIT_NOTHING)


def print_summary(result: object) -> None:
    from rich.table import Table

    analysis = result.analysis  # type: ignore[attr-defined]
    table = Table(title="Rashomon analysis", show_header=True)
    columns = ("documents", "words", "entities", "dates", "quotes", "quantities", "failures")
    for column in columns:
        table.add_column(column, justify="right")
    counts = (
        len(analysis.documents),
        result.words,  # type: ignore[attr-defined]
        len(analysis.entities),
        len(analysis.times),
        len(analysis.quotes),
        len(analysis.quantities),
        len(result.errors),  # type: ignore[attr-defined]
    )
    table.add_row(*map(str, counts))
    out_console.print(table)
    if analysis.duplicates:
        out_console.print(f"{len(analysis.duplicates)} exact duplicate(s) stored once.")
    if result.reused:  # type: ignore[attr-defined]
        out_console.print(
            f"{result.reused} document(s) already analysed, read from the store."  # type: ignore[attr-defined]
        )
    if result.exports_current:  # type: ignore[attr-defined]
        paths = (result.json_path, result.db_path, result.html_path)  # type: ignore[attr-defined]
    else:
        paths = (result.db_path,)  # type: ignore[attr-defined]
    out_console.print(Text("Wrote " + ", ".join(one_line(str(p)) for p in paths)), soft_wrap=True)
    if not result.exports_current:  # type: ignore[attr-defined]
        stale = [p for p in (result.json_path, result.html_path) if p.exists()]  # type: ignore[attr-defined]
        note = (
            f"{' and '.join(p.name for p in stale)} not written: out of date. "
            if stale
            else "analysis.json and report.html not written. "
        )
        out_console.print(
            Text(note + f"`rashomon export {one_line(str(result.out_dir))} --all` writes them."),  # type: ignore[attr-defined]
            soft_wrap=True,
        )


@app.command()
def remove(
    out: Annotated[
        Path,
        typer.Argument(
            help="The output folder of `analyze`, or its analysis.sqlite.", callback=existing_store
        ),
    ],
    sources: Annotated[
        list[str], typer.Argument(help="Source paths (files, folders) or document ids.")
    ],
) -> None:
    """Remove documents from a stored analysis, then relink and rewrite the exports."""
    from rashomon import workflow
    from rashomon.progress import StageProgress

    progress = StageProgress(err_console, print_error)
    with guarded(), sigterm_as_interrupt(), progress:
        result = workflow.remove(out, sources, hooks=progress.hooks())
    for key in result.unmatched:
        err_console.print(error_line(key, "no stored document has this source or id"))
    for doc_id, source in result.removed:
        out_console.print(Text.assemble("removed ", one_line(source), f" ({doc_id})"))
    if not result.removed:
        raise typer.Exit(EXIT_NOTHING)
    remaining = len(result.analysis.documents) if result.analysis else 0
    out_console.print(f"{remaining} document(s) remain; exports rewritten.")


@app.command()
def export(
    db: Annotated[
        Path,
        typer.Argument(
            help="The output folder of `analyze`, or its analysis.sqlite.", callback=existing_store
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="JSON file to write (default: stdout).")
    ] = None,
    all_exports: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Write the folder's analysis.json and report.html, as `analyze` does "
            "(after `analyze --no-exports`).",
        ),
    ] = False,
) -> None:
    """Write the JSON export of a stored analysis."""
    with guarded():
        from rashomon import workflow

        if all_exports:
            if out is not None:
                raise typer.BadParameter("--all writes into the store's folder", param_hint="--out")
            from rashomon.progress import StageProgress

            progress = StageProgress(err_console, print_error)
            with sigterm_as_interrupt(), progress:
                workflow.write_stored_exports(db, hooks=progress.hooks())
            folder = workflow.store_path(db).parent
            written = (folder / workflow.JSON_NAME, folder / workflow.HTML_NAME)
            err_console.print(Text("Wrote " + ", ".join(one_line(str(p)) for p in written)))
            return
        if out is None:
            from rashomon.report.json_export import analysis_to_json, export_text
            from rashomon.store import Store

            with Store(db, create=False) as store:
                data = analysis_to_json(store.load_analysis())
            sys.stdout.write(export_text(data) + "\n")
            return
        if out.is_dir():
            raise typer.BadParameter(f"{one_line(str(out))} is a folder", param_hint="--out")
        workflow.export(db, out)
    err_console.print(Text("Wrote " + one_line(str(out))))


@app.command()
def timeline(
    db: Annotated[
        Path,
        typer.Argument(
            help="The output folder of `analyze`, or its analysis.sqlite.", callback=existing_store
        ),
    ],
    entity: Annotated[str, typer.Argument(help='A name or alias, e.g. "Boeing".')],
) -> None:
    """Show ENTITY's events in time order, with the sources that report each one."""
    with guarded():
        from rashomon.report.timeline import timeline_command
        from rashomon.store import Store

        Store(db, create=False).close()  # a store that is not ours: one line, untouched
        code = timeline_command(db, entity, out_console)
    raise typer.Exit(code)


@app.command()
def compare(
    db: Annotated[
        Path,
        typer.Argument(
            help="The output folder of `analyze`, or its analysis.sqlite.", callback=existing_store
        ),
    ],
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Rows per table.")] = 10,
) -> None:
    """Agreed and disputed facts, copied passages and each source's framing."""
    with guarded():
        from rashomon.report.compare import compare_command
        from rashomon.store import Store

        Store(db, create=False).close()
        code = compare_command(db, out_console, top)
    raise typer.Exit(code)


@app.command()
def serve(
    folder: Annotated[
        Path, typer.Argument(help="An output folder of `analyze` (or its analysis.sqlite).")
    ],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Allow adding documents (with a token).")
    ] = False,
) -> None:
    """Open a web app over a stored analysis: overview, events, entities, search."""
    from rashomon.api.server import run_server

    console = SafeConsole(markup=True)  # the server's own messages carry markup
    raise typer.Exit(run_server(folder, host, port, allow_writes, console))


if __name__ == "__main__":
    app()
