"""Typer's help renderer loaded with rich.markdown / rich.traceback deferred.

Each check runs in a fresh interpreter: the deferral only matters (and only
happens) before anything else imported those modules.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")


def run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": SRC, "COLUMNS": "80", "TERM": "dumb"}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_cli_import_leaves_markdown_and_traceback_unread():
    out = run(
        """
        import sys
        import rashomon.cli
        heavy = ("rich.markdown", "rich.traceback", "markdown_it", "pygments", "attr")
        print("typer.rich_utils" in sys.modules, [m for m in heavy if m in sys.modules])
        """
    )
    assert out.strip() == "True []"


def test_stand_ins_build_the_real_classes_and_leave_the_real_modules():
    out = run(
        """
        import sys
        from rashomon.helpformat import load_rich_utils
        load_rich_utils()
        from typer import rich_utils
        import rich.markdown, rich.traceback
        md = rich_utils.Markdown("# Title")
        print(isinstance(md, rich.markdown.Markdown) and isinstance(md, rich_utils.Markdown),
              type(md).__module__)
        try:
            1 / 0
        except ZeroDivisionError as exc:
            tb = rich_utils.Traceback.from_exception(type(exc), exc, exc.__traceback__)
        print(isinstance(tb, rich.traceback.Traceback))
        print(sys.modules["rich.markdown"] is rich.markdown, hasattr(rich.markdown, "Heading"))
        """
    )
    assert out.split("\n")[:3] == ["True rich.markdown", "True", "True True"]


def test_markdown_markup_mode_still_renders_markdown():
    out = run(
        """
        import typer
        from typer.testing import CliRunner
        from rashomon.helpformat import load_rich_utils
        load_rich_utils()
        app = typer.Typer(rich_markup_mode="markdown")

        @app.command()
        def hello() -> None:
            '''Say **loudly** hello.'''

        print(CliRunner().invoke(app, ["--help"]).output)
        """
    )
    assert "Say loudly hello." in out
    assert "**" not in out


def test_a_typer_needing_more_of_rich_markdown_gets_the_real_module():
    out = run(
        """
        import importlib
        import sys
        real_import = importlib.import_module
        calls = []

        def import_module(name, package=None):
            if name == "typer.rich_utils" and not calls:
                calls.append(name)
                from rich.markdown import Heading  # fails against the stand-in module
            return real_import(name, package)

        importlib.import_module = import_module
        from rashomon.helpformat import load_rich_utils
        load_rich_utils()
        import rich.markdown
        print(calls, "typer.rich_utils" in sys.modules, hasattr(rich.markdown, "Heading"))
        """
    )
    assert out.strip() == "['typer.rich_utils'] True True"
