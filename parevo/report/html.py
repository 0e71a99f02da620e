"""report.html: one self-contained page (inline CSS, plots as inline PNG), rendered from the Jinja2
template next to this module with autoescaping on (task names and feedback are untrusted text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import data
from .plots import all_plots

TEMPLATES = Path(__file__).parent / "templates"


def machine_text(machine: dict) -> str:
    bits = []
    if machine.get("cpus"):
        bits.append(f"{machine['cpus']} CPUs")
    if machine.get("compiler"):
        bits.append(str(machine["compiler"]))
    if machine.get("platform"):
        bits.append(str(machine["platform"]))
    return ", ".join(bits) or "not recorded"


def context(series: list[data.Series]) -> dict:
    sources = data.sources(series)
    return {
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "sources": sources,
        "series": series,
        "model_table": data.model_table(series),
        "task_table": data.task_table(series),
        "failures": data.failures(series),
        "stage_labels": data.STAGE_LABELS,
        "date": data.date_text,
        "machine": machine_text,
    }


def render_html(series: list[data.Series]) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    ctx = context(series)
    ctx["plots"] = all_plots(series, ctx["sources"])
    return env.get_template("report.html.j2").render(**ctx)
