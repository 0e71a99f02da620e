"""`parevo report`: bench stores and evolve runs compared on one self-contained HTML page (tables,
plots as inline PNG) and the same tables in summary.md. Figures are derived from stored rows."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .data import Series, load, resolve
from .html import render_html
from .markdown import render_markdown


class ReportPaths(NamedTuple):
    html: Path
    markdown: Path


def write_report(refs: list[str], out_dir: Path, *, bench_dir: Path | None = None,
                 runs_dir: Path | None = None) -> ReportPaths:
    """Read every RUN (read-only), write out_dir/report.html and out_dir/summary.md."""
    series = load(refs, bench_dir, runs_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = ReportPaths(out_dir / "report.html", out_dir / "summary.md")
    paths.html.write_text(render_html(series), encoding="utf-8")
    paths.markdown.write_text(render_markdown(series), encoding="utf-8")
    return paths


__all__ = ["ReportPaths", "Series", "load", "render_html", "render_markdown", "resolve", "write_report"]
