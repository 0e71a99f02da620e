"""`parevo report`: one HTML page and a markdown summary comparing benches and evolve runs."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .params import not_a_file

console = Console()


def report(
    runs: list[str] = typer.Argument(..., metavar="RUN...",
                                     help="Bench directories, evolve run directories, or ids under the default dirs."),
    out: Path = typer.Option(Path("parevo-report"), "--out", callback=not_a_file, help="Directory for report.html and summary.md."),
    runs_dir: Optional[Path] = typer.Option(None, "--runs-dir", file_okay=False,
                                            help="Where evolve runs live (default ./parevo-runs or $PAREVO_RUNS_DIR)."),
    bench_dir: Optional[Path] = typer.Option(None, "--bench-dir", file_okay=False, help="Where benches live (default ./parevo-bench)."),
) -> None:
    """Compare benches and evolve runs: report.html (tables, plots) and summary.md. Works on running ones."""
    from ..report import write_report

    paths = write_report(runs, out, bench_dir=bench_dir, runs_dir=runs_dir)
    console.print(f"report   {paths.html}")
    console.print(f"summary  {paths.markdown}")


def register(app: typer.Typer) -> None:
    app.command()(report)
