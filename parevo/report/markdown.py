"""summary.md: the report's tables in markdown (for a pull request or a terminal), no plots."""

from __future__ import annotations

from . import data
from .html import machine_text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_md(table: data.Table) -> str:
    lines = ["| " + " | ".join(_cell(c) for c in table.columns) + " |",
             "|" + "|".join([":---"] + ["---:"] * (len(table.columns) - 1)) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines + [""] + [f"- {n}" for n in table.notes])


def render_markdown(series: list[data.Series]) -> str:
    out = ["# parevo report", ""]
    for s in data.sources(series):
        out.append(f"## {s.kind} {s.id} ({s.status})")
        out.append("")
        out += [f"- {label}: {text}" for label, text in s.facts.items()]
        out.append(f"- started: {data.date_text(s.started_at)}; finished: "
                   f"{data.date_text(s.finished_at) if s.finished_at else 'not yet'}")
        out.append(f"- LLM calls: {s.calls}; cost: {s.cost_text}")
        out.append(f"- machine: {machine_text(s.machine)}")
        out.append("")
    out += ["## Model against model", "", table_md(data.model_table(series)), ""]
    out += ["## Per task", "", table_md(data.task_table(series)), ""]
    out += ["## Why samples fail", ""]
    fails = data.failures(series)
    if not fails:
        out += ["No failed samples.", ""]
    for stage, rows in fails.items():
        out += [f"### {data.STAGE_LABELS[stage]}", "", "| count | first line of the feedback | task | where |",
                "|---:|:---|:---|:---|"]
        out += [f"| {f.count} | {_cell(f.line)} | {_cell(f.tasks)} | {_cell(f.where)} |" for f in rows]
        out.append("")
    out.append("Plots: see report.html next to this file.")
    return "\n".join(out).rstrip() + "\n"
