"""The report's figures, drawn with matplotlib's Agg canvas (no pyplot, no display) and returned as
inline PNG data URIs, each with a caption that says what it shows and how many samples it rests on."""

from __future__ import annotations

import base64
import inspect
import io
import math
from statistics import median
from typing import NamedTuple

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..runstore import best_of
from .data import STAGE_LABELS, STAGES, Series, Source, passing_speedups, stage_counts

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
           "#7f7f7f"]
STAGE_COLOURS = {"passed": "#2e9d4a", "static": "#9aa5b1", "build": "#f0a030", "correctness": "#d64541",
                 "race": "#8e44ad", "timing": "#c9a227", "error": "#e84393", "no code": "#d5d8dc", "other": "#5d6d7e"}
STATUS_COLOURS = {"viable": "#2e9d4a", "fail": "#d64541", "error": "#e84393", "no_code": "#9aa5b1",
                  "edit_failed": "#9aa5b1", "ok": "#f0a030"}
BEST = "#f5b800"
DPI = 100
# matplotlib 3.10 renamed boxplot's vert=False to orientation="horizontal" (vert warns from 3.11)
HORIZONTAL = ({"orientation": "horizontal"} if "orientation" in inspect.signature(Axes.boxplot).parameters
              else {"vert": False})


class Plot(NamedTuple):
    title: str
    caption: str
    uri: str  # data:image/png;base64,...


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _uri(fig: Figure) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, facecolor="white")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _short(task: str, width: int = 34) -> str:
    return task if len(task) <= width else task[: width - 1] + "…"


def _jitter(i: int, n: int, spread: float) -> float:
    """Deterministic spread of n dots around a centre (no random state, same picture every time)."""
    return 0.0 if n <= 1 else spread * (i / (n - 1) - 0.5)


def speedup_distribution(series: list[Series]) -> Plot | None:
    tasks = sorted({t for s in series for t in s.tasks})
    if not any(passing_speedups(s.attempts, s.top_threads) for s in series):
        return None
    present = {t: [j for j, s in enumerate(series) if t in s.tasks] for t in tasks}
    fig = _figure(10, max(2.6, 0.32 * len(tasks) * max(1.0, 0.55 * len(series)) + 1.4))
    ax = fig.add_subplot()
    counts = []
    for j, s in enumerate(series):
        p = s.top_threads
        for i, task in enumerate(tasks):
            if j not in present[task]:
                continue
            vals = passing_speedups([a for a in s.attempts if a.task == task], p)
            band = 0.8 / len(present[task])
            y = len(tasks) - 1 - i + (present[task].index(j) - (len(present[task]) - 1) / 2) * band
            if len(vals) >= 3:
                ax.boxplot(vals, positions=[y], **HORIZONTAL, widths=band * 0.8, manage_ticks=False, showfliers=False,
                           patch_artist=True, boxprops=dict(facecolor=colour(j) + "33", edgecolor=colour(j)),
                           medianprops=dict(color=colour(j)), whiskerprops=dict(color=colour(j)),
                           capprops=dict(color=colour(j)))
            ax.scatter(vals, [y + _jitter(k, len(vals), band * 0.6) for k in range(len(vals))], s=22,
                       color=colour(j), alpha=0.85, edgecolors="white", linewidths=0.5, zorder=3)
        n = len(passing_speedups(s.attempts, p))
        counts.append(f"{s.label}: {n} passing of {len(s.attempts)} {s.unit}s at P={p}")
    ax.axvline(1.0, color="#555", ls="--", lw=1)
    ax.set_xlim(left=0)
    ax.set_yticks(range(len(tasks)), [_short(t) for t in reversed(tasks)], fontsize=8)
    ax.set_ylim(-0.6, len(tasks) - 0.4)
    ax.set_xlabel("speedup over the sequential baseline at P threads (dashed: 1×, no gain)")
    ax.grid(axis="x", alpha=0.3)
    fig.legend(handles=[Line2D([], [], marker="o", ls="", color=colour(j), label=f"{s.label} (P={s.top_threads})")
                        for j, s in enumerate(series)], loc="outside upper center", ncols=min(3, len(series)),
               fontsize=8)
    caption = ("Speedup per task at each column's largest thread count P: one dot per passing sample (failed "
               "samples are left out), a box where a task has 3 or more. " + "; ".join(counts) + ".")
    return Plot("Speedup distribution per task", caption, _uri(fig))


def thread_scaling(series: list[Series]) -> Plot | None:
    tasks = sorted({t for s in series for t in s.tasks
                    if any(a.passed and a.speedups for a in s.attempts if a.task == t)})
    if not tasks:
        return None
    cols = min(4, len(tasks))
    rows = math.ceil(len(tasks) / cols)
    fig = _figure(10, 0.6 + 2.3 * rows)
    top = max(s.top_threads for s in series)
    counts = {s.label: 0 for s in series}
    for i, task in enumerate(tasks):
        ax = fig.add_subplot(rows, cols, i + 1)
        ideal = sorted({1, top} | {t for s in series for t in s.threads})
        ax.plot(ideal, ideal, color="#999", ls="--", lw=1)
        for j, s in enumerate(series):
            mine = [a for a in s.attempts if a.task == task and a.passed]
            points = [(t, median(v)) for t in s.threads if (v := [a.speedups[t] for a in mine if t in a.speedups])]
            if points:
                counts[s.label] += len(mine)
                ax.plot([t for t, _ in points], [m for _, m in points], marker="o", ms=4, color=colour(j), lw=1.6)
        ax.set_title(_short(task, 30), fontsize=8)
        ax.set_ylim(bottom=0)
        ax.set_xticks(ideal)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.3)
    fig.supxlabel("threads", fontsize=9)
    fig.supylabel("median speedup", fontsize=9)
    fig.legend(handles=[Line2D([], [], color=colour(j), marker="o", label=s.label) for j, s in enumerate(series)]
               + [Line2D([], [], color="#999", ls="--", label="ideal (speedup = threads)")],
               loc="outside upper center", ncols=min(3, len(series) + 1), fontsize=8)
    caption = ("Median speedup over the sequential baseline against the thread count, per task, over passing "
               "samples; dashed: ideal linear scaling. Passing samples drawn: "
               + "; ".join(f"{k}: {v}" for k, v in counts.items()) + ".")
    return Plot("Thread scaling", caption, _uri(fig))


def stage_outcomes(series: list[Series]) -> Plot:
    fig = _figure(10, 1.3 + 0.5 * len(series))
    ax = fig.add_subplot()
    buckets = [b for b in (*STAGES, "other") if any(stage_counts(s)[b] for s in series)]
    for j, s in enumerate(reversed(series)):
        counts, total, left = stage_counts(s), max(1, len(s.attempts)), 0.0
        for b in buckets:
            share = counts[b] / total
            if share:
                ax.barh(j, share, left=left, color=STAGE_COLOURS[b], edgecolor="white", height=0.6)
                if share >= 0.05:
                    ax.text(left + share / 2, j, str(counts[b]), ha="center", va="center", fontsize=8,
                            color="white" if b in ("passed", "correctness", "race", "error") else "#222")
            left += share
        ax.text(1.01, j, f"n={len(s.attempts)}", va="center", fontsize=8)
    ax.set_yticks(range(len(series)), [_short(s.label, 44) for s in reversed(series)], fontsize=8)
    ax.set_xlim(0, 1.08)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    fig.legend(handles=[Patch(color=STAGE_COLOURS[b], label=STAGE_LABELS[b]) for b in buckets],
              loc="outside lower center", ncols=max(1, min(4, len(buckets))), fontsize=8)
    caption = ("Where each column's samples ended, as shares of its samples (counts in the bars): passed, or the "
               "first stage that failed. Samples: " + "; ".join(f"{s.label}: {len(s.attempts)} {s.unit}s"
                                                                for s in series) + ".")
    return Plot("Outcome per stage", caption, _uri(fig))


def _status_key(p) -> str:
    return "viable" if p.viable else p.status


def evolution(source: Source) -> Plot:
    programs = source.programs
    fig = _figure(10, 3.6)
    ax = fig.add_subplot()
    last = max((p.iteration for p in programs), default=0)
    steps = []
    for i in range(last + 1):
        b = best_of([p for p in programs if p.viable and p.iteration <= i])
        steps.append(b.fitness if b and b.fitness else None)
    xs = [i for i, v in enumerate(steps) if v is not None]
    if xs:
        ax.step(xs + [last], [steps[i] for i in xs] + [steps[xs[-1]]], where="post", color="#333", lw=1.8,
                label="best so far")
    by_iter: dict[int, list] = {}
    for p in programs:
        by_iter.setdefault(p.iteration, []).append(p)
    for it, group in by_iter.items():
        for k, p in enumerate(group):
            x = it + _jitter(k, len(group), 0.3)
            key = _status_key(p)
            y = p.fitness if p.viable and p.fitness is not None else 0.0
            ax.scatter([x], [y], s=40 if p.viable else 36, marker="o" if p.viable else "X",
                       color=STATUS_COLOURS.get(key, "#5d6d7e"), edgecolors="white", linewidths=0.6, zorder=3)
    if source.best and source.best.fitness:
        ax.scatter([source.best.iteration], [source.best.fitness], s=260, marker="*", color=BEST,
                   edgecolors="#333", linewidths=0.8, zorder=4, label=f"best: program #{source.best.id}")
    present = sorted({_status_key(p) for p in programs})
    handles = [Line2D([], [], marker="o" if k == "viable" else "X", ls="", color=STATUS_COLOURS.get(k, "#5d6d7e"),
                      label=k if k == "viable" else f"{k} (drawn at 0)") for k in present]
    ax.legend(handles=ax.get_legend_handles_labels()[0] + handles, loc="upper left", fontsize=8, framealpha=0.9)
    ax.set_xlabel("iteration")
    ax.set_ylabel("fitness (speedup at P threads)")
    ax.set_xticks(range(last + 1))
    ax.grid(alpha=0.3)
    n_viable = sum(p.viable for p in programs)
    caption = (f"Run {source.id}: the best fitness so far (noise-band aware, as the run picks its best) against "
               f"the iteration, and every evaluated program as a dot: {len(programs)} programs, {n_viable} viable; "
               "failed programs are drawn at 0, coloured by their status.")
    return Plot(f"Evolution: {source.id}", caption, _uri(fig))


def lineage(source: Source) -> Plot:
    programs = source.programs
    by_id = {p.id: p for p in programs}
    ancestry: set[int] = set()
    node = source.best
    while node is not None and node.id not in ancestry:
        ancestry.add(node.id)
        node = by_id.get(node.parent_id) if node.parent_id is not None else None
    # One band of rows per island (an island evolves on its own); within a band, one row per program
    # of the same iteration. An edge that skips iterations bends, so it never runs through a node.
    islands = sorted({p.island for p in programs})
    cell: dict[tuple[int, int], list] = {}
    for p in programs:
        cell.setdefault((p.island, p.iteration), []).append(p)
    height = {i: max(len(g) for (isl, _), g in cell.items() if isl == i) for i in islands}
    start, top = {}, 0.0
    for i in islands:
        start[i] = top
        top += height[i] + 0.6
    pos: dict[int, tuple[float, float]] = {}
    for (isl, it), group in cell.items():
        for k, p in enumerate(sorted(group, key=lambda p: p.id)):
            pos[p.id] = (it, -(start[isl] + k + (height[isl] - len(group)) / 2))
    fig = _figure(10, max(2.6, 0.55 * top + 1.6))
    ax = fig.add_subplot()
    for p in programs:
        if p.parent_id in pos:
            on_path = p.id in ancestry and p.parent_id in ancestry
            (x0, y0), (x1, y1) = pos[p.parent_id], pos[p.id]
            bend = 0.0 if abs(x1 - x0) <= 1 and x1 != x0 else (0.35 if y1 <= y0 else -0.35)
            ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                        arrowprops=dict(arrowstyle="-|>", color=BEST if on_path else "#9aa3ad",
                                        lw=2.6 if on_path else 1.1, shrinkA=9, shrinkB=9,
                                        connectionstyle=f"arc3,rad={bend}"), zorder=1)
    for p in programs:
        x, y = pos[p.id]
        ax.scatter([x], [y], s=300, color=STATUS_COLOURS["viable"] if p.viable else STATUS_COLOURS["fail"],
                   edgecolors=BEST if p.id in ancestry else "white", linewidths=3 if p.id in ancestry else 1, zorder=2)
        if len(programs) <= 80 or p.id in ancestry:
            ax.text(x, y, str(p.id), ha="center", va="center", fontsize=7, color="white", zorder=3)
    ax.set_yticks([-(start[i] + (height[i] - 1) / 2) for i in islands], [f"island {i}" for i in islands], fontsize=8)
    ax.set_xlim(min(p.iteration for p in programs) - 0.5, max(p.iteration for p in programs) + 0.5)
    lowest = min(y for _, y in pos.values())
    ax.set_ylim(lowest - 0.8, 0.8)
    ax.set_xticks(sorted({p.iteration for p in programs}))
    ax.set_xlabel("iteration")
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    fig.legend(handles=[Line2D([], [], marker="o", ls="", ms=10, color=STATUS_COLOURS["viable"], label="viable"),
                       Line2D([], [], marker="o", ls="", ms=10, color=STATUS_COLOURS["fail"], label="not viable"),
                       Line2D([], [], color=BEST, lw=2.6, label="best program's ancestry")],
              loc="outside lower center", ncols=3, fontsize=8)
    best = (f"the best program #{source.best.id} and its {len(ancestry) - 1} ancestors" if source.best
            else "no viable program yet")
    caption = (f"Run {source.id}: parent → child edges between its {len(programs)} programs (numbered by id), laid "
               f"out by iteration, one band per island (an edge between bands: a parent from another island); "
               f"highlighted: {best}.")
    return Plot(f"Lineage: {source.id}", caption, _uri(fig))


def all_plots(series: list[Series], sources: list[Source]) -> list[Plot]:
    plots = [speedup_distribution(series), thread_scaling(series), stage_outcomes(series)]
    for src in sources:
        if src.kind == "evolve" and src.programs:
            plots += [evolution(src), lineage(src)]
    return [p for p in plots if p is not None]


__all__ = ["Plot", "all_plots", "evolution", "lineage", "speedup_distribution", "stage_outcomes", "thread_scaling"]
