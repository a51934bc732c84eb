"""The ``rashomon`` command line: a thin shell over :mod:`rashomon.workflow`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rashomon import workflow
from rashomon.ingest import MAX_BYTES
from rashomon.model import IngestError

app = typer.Typer(
    help="Read many accounts of the same subject and show, with provenance, "
    "what the sources say, agree on and dispute.",
    no_args_is_help=True,
    add_completion=False,
)
out_console = Console()
err_console = Console(stderr=True)


def _print_error(error: IngestError) -> None:
    err_console.print(
        f"[red]error[/red] {error.source}: {error.reason}", highlight=False, soft_wrap=True
    )


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Processes for extraction (0: one per core).")
    ] = 0,
    max_mb: Annotated[
        float, typer.Option("--max-mb", help="Skip files larger than this many megabytes.")
    ] = MAX_BYTES / 1_000_000,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run extraction on Dask: a scheduler address (tcp://host:8786) or 'local'.",
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
) -> None:
    """Clean the articles under PATHS and extract what each one says.

    Writes OUT/analysis.json, OUT/analysis.sqlite and OUT/report.html. Running it
    again with the same OUT adds new documents and keeps the ones already stored.
    """
    from rashomon.extract.runner import default_workers

    show_progress = err_console.is_terminal
    progress = Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=not show_progress,
    )
    task = progress.add_task("extract", total=0)
    hooks = workflow.Hooks(
        on_error=_print_error,
        on_start_extraction=lambda total: progress.update(task, total=total),
        on_progress=lambda n: progress.advance(task, n),
    )
    with progress:
        result = workflow.analyze(
            paths,
            out,
            workers=workers or default_workers(),
            max_bytes=int(max_mb * 1_000_000),
            hooks=hooks,
            scheduler=scheduler,
            meta=meta,
            follow_links=follow_links,
        )
    analysis = result.analysis
    table = Table(title="Rashomon analysis", show_header=True)
    for column in ("documents", "words", "entities", "dates", "quotes", "quantities", "failures"):
        table.add_column(column, justify="right")
    table.add_row(
        *map(
            str,
            (
                len(analysis.documents),
                result.words,
                len(analysis.entities),
                len(analysis.times),
                len(analysis.quotes),
                len(analysis.quantities),
                len(result.errors),
            ),
        )
    )
    out_console.print(table)
    if analysis.duplicates:
        out_console.print(f"{len(analysis.duplicates)} exact duplicate(s) stored once.")
    if result.reused:
        out_console.print(f"{result.reused} document(s) already analysed, read from the store.")
    out_console.print(f"Wrote {result.json_path}, {result.db_path} and {result.html_path}")
    if not analysis.documents:
        err_console.print("[red]No document could be read.[/red]")
        raise typer.Exit(1)


@app.command()
def export(
    db: Annotated[Path, typer.Argument(help="An analysis.sqlite written by `analyze`.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="JSON file to write (default: stdout).")
    ] = None,
) -> None:
    """Write the JSON export of a stored analysis."""
    if not db.is_file():
        err_console.print(f"[red]error[/red] {db}: no such database")
        raise typer.Exit(2)
    if out is None:
        import json

        from rashomon.report.json_export import analysis_to_json
        from rashomon.store import Store

        with Store(db) as store:
            data = analysis_to_json(store.load_analysis())
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    workflow.export(db, out)
    err_console.print(f"Wrote {out}")


@app.command()
def timeline(
    db: Annotated[Path, typer.Argument(help="An analysis.sqlite written by `analyze`.")],
    entity: Annotated[str, typer.Argument(help='A name or alias, e.g. "Boeing".')],
) -> None:
    """Show ENTITY's events in time order, with the sources that report each one."""
    from rashomon.report.timeline import timeline_command

    raise typer.Exit(timeline_command(db, entity, out_console))


@app.command()
def compare(
    db: Annotated[Path, typer.Argument(help="An analysis.sqlite written by `analyze`.")],
    top: Annotated[int, typer.Option("--top", "-n", help="Rows per table.")] = 10,
) -> None:
    """Agreed and disputed claims, copied passages and each source's framing."""
    from rashomon.report.compare import compare_command

    raise typer.Exit(compare_command(db, out_console, top))


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

    raise typer.Exit(run_server(folder, host, port, allow_writes, out_console))


if __name__ == "__main__":
    app()
