"""What a report reads: bench stores and evolve run stores, opened read-only (a run that is still
`started` reports fine), turned into one `Series` per compared column (a bench's model, or an
evolve run). Every figure is derived here from stored rows, never read back from a stored summary."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any, NamedTuple

from ..bench.metrics import Sample
from ..bench.store import BenchStore
from ..errors import ParevoError
from ..runstore import ProgramRow, RunStore, best_of
from ..llm.types import CallRecord, Usage

BENCH_STORE, RUN_STORE = "bench.sqlite", "run.sqlite"
DEFAULT_BENCH_DIR = Path("parevo-bench")


class Attempt(NamedTuple):
    """One bench sample or one evolved program, in the shape the plots and tables need."""

    task: str
    prompt: str
    status: str  # ok | fail | error | no_code | edit_failed
    stage_reached: str
    passed: bool  # correct and not racy (an evolve program: viable)
    speedups: dict[int, float]
    speedup_vs_reference: float | None
    feedback: str
    iteration: int | None = None  # evolve only
    program: ProgramRow | None = None  # evolve only


@dataclass
class Source:
    """One RUN argument: a bench or an evolve run, with what the header says about it."""

    kind: str  # bench | evolve
    id: str
    path: Path
    status: str
    started_at: str
    finished_at: str | None
    facts: dict[str, str]  # label -> text, in display order
    usage: Usage
    calls: int
    machine: dict[str, Any] = field(default_factory=dict)
    programs: list[ProgramRow] = field(default_factory=list)  # evolve only
    best: ProgramRow | None = None  # evolve only

    @property
    def cost_text(self) -> str:
        return "no LLM calls" if self.calls == 0 else self.usage.cost_text()


@dataclass
class Series:
    """One compared column: (bench, model) or one evolve run."""

    label: str
    source: Source
    model: str
    attempts: list[Attempt]
    metric_samples: list[Sample]  # what pass@k and speedup@k count (an evolve run: its best program)
    unit: str  # "sample" or "program"

    @property
    def threads(self) -> list[int]:
        return sorted({t for a in self.attempts for t in a.speedups})

    @property
    def top_threads(self) -> int:
        return max(self.threads, default=1)

    @property
    def tasks(self) -> list[str]:
        return sorted({a.task for a in self.attempts})


def resolve(ref: str, bench_dir: Path | None = None, runs_dir: Path | None = None) -> tuple[str, Path]:
    """(kind, store path) of a RUN argument: a bench or run directory, a store file, or an id under
    the default directories."""
    bench_base = Path(bench_dir or DEFAULT_BENCH_DIR)
    runs_base = Path(runs_dir or os.environ.get("PAREVO_RUNS_DIR") or "parevo-runs")
    path = Path(ref)
    candidates = [path] if path.exists() else [path, bench_base / ref, runs_base / ref]
    for cand in candidates:
        if cand.is_file() and cand.name in (BENCH_STORE, RUN_STORE):
            return ("bench" if cand.name == BENCH_STORE else "evolve"), cand
        if (cand / BENCH_STORE).is_file():
            return "bench", cand / BENCH_STORE
        if (cand / RUN_STORE).is_file():
            return "evolve", cand / RUN_STORE
    where = "" if path.exists() else f", and no such id under {bench_base}/ or {runs_base}/"
    raise ParevoError(f"{ref}: neither a bench directory (bench.sqlite) nor an evolve run (run.sqlite){where}")


def load(refs: list[str], bench_dir: Path | None = None, runs_dir: Path | None = None) -> list[Series]:
    if not refs:
        raise ParevoError("parevo report needs at least one RUN (a bench directory, an evolve run, or an id)")
    series: list[Series] = []
    for ref in refs:
        kind, path = resolve(ref, bench_dir, runs_dir)
        series += _load_bench(path) if kind == "bench" else _load_evolve(path)
    return series


def sources(series: list[Series]) -> list[Source]:
    seen: dict[int, Source] = {}
    for s in series:
        seen.setdefault(id(s.source), s.source)
    return list(seen.values())


def _usage(records) -> Usage:
    total = Usage()
    for rec in records:
        r = CallRecord.model_validate_json(rec)
        if r.completion:
            total += r.completion.usage
    return total


def _load_bench(path: Path) -> list[Series]:
    store = BenchStore(path, readonly=True)
    try:
        ids = [r[0] for r in store.db.execute("SELECT id FROM bench ORDER BY started_at")]
        if not ids:
            raise ParevoError(f"{path}: no bench run recorded in this store")
        out = []
        for bench_id in ids:
            _, spec, status = store.spec(bench_id)
            row = store.db.execute("SELECT started_at, finished_at FROM bench WHERE id=?", (bench_id,)).fetchone()
            rows = store.samples(bench_id)
            records = [r[0] for r in store.db.execute("SELECT record FROM llm_calls WHERE run_id=?", (bench_id,))]
            machine = next((m for m in (store.sample_result(r.id) for r in rows[:5]) if m), {}).get("machine", {})
            what = (f"parevo's {spec['solutions']} solutions (no LLM)" if spec.get("solutions")
                    else str(spec.get("llm") or "?"))
            facts = {"suite": str(spec.get("suite")), "mode": str(spec.get("mode") or "?"), "LLM": what,
                     "samples per prompt": str(1 if spec.get("solutions") else spec.get("samples")),
                     "models": ", ".join(spec.get("models") or []),
                     "tasks": f"{len({r.task for r in rows})} ({len(spec.get('skipped') or [])} prompts skipped)"}
            if spec.get("quick"):
                facts["mode"] += " (quick: fewer repetitions and thread counts)"
            source = Source("bench", bench_id, path.parent, status, row["started_at"], row["finished_at"], facts,
                            _usage(records), len(records), machine)
            if not rows:  # a bench that has only just started still gets its column
                out.append(Series(f"{bench_id} · no samples yet", source, "", [], [], "sample"))
            for model in sorted({r.model for r in rows}):
                mine = [r for r in rows if r.model == model]
                attempts = [Attempt(r.task, r.prompt_id, r.status, r.stage_reached,
                                    r.correct and r.race_free is not False, r.speedups, r.speedup_vs_reference,
                                    r.feedback) for r in mine]
                out.append(Series(f"{bench_id} · {model}", source, model, attempts,
                                  [r.as_metric_sample() for r in mine], "sample"))
        return out
    finally:
        store.close()


def _load_evolve(path: Path) -> list[Series]:
    store = RunStore(path, readonly=True)
    try:
        run = store.run()
        programs = store.programs(run.id)
        best = best_of([p for p in programs if p.viable])
        spec, evolve = run.spec, run.spec.get("config", {}).get("evolve", {})
        machine = {"cpus": spec.get("cpus"), "compiler": spec.get("compiler")}
        if not machine["compiler"] and programs:
            machine = (store.program_result(programs[0].id) or {}).get("machine", machine)
        facts = {"task": run.task, "model": run.model, "LLM": str(spec.get("llm") or "?"),
                 "iterations": f"{max((p.iteration for p in programs), default=0)} of {evolve.get('iterations', '?')}"
                               f", {evolve.get('islands', '?')} islands, seed {evolve.get('seed', '?')}",
                 "programs": f"{len(programs)} ({sum(p.viable for p in programs)} viable)",
                 "best": f"program #{best.id}, {best.fitness:.2f}x" if best and best.fitness else "none viable yet"}
        if run.stop_reason:
            facts["stop reason"] = run.stop_reason
        if spec.get("git_revision"):
            facts["git revision"] = str(spec["git_revision"])[:12]
        source = Source("evolve", run.id, path.parent, run.status, run.started_at, run.finished_at, facts,
                        _usage(store.call_records(run.id)), len(store.calls(run.id)), machine, programs, best)
        attempts = [Attempt(run.task, run.task, p.status, p.stage_reached, p.viable,
                            {int(t): v for t, v in (p.metrics.get("speedup_by_threads") or {}).items()},
                            p.metrics.get("speedup_vs_reference"), p.feedback, p.iteration, p) for p in programs]
        # As `parevo bench --mode evolve` scores a run: one sample, its best program (or its last attempt).
        chosen = best or (programs[-1] if programs else None)
        metric = [] if chosen is None else [_program_sample(run.task, chosen)]
        return [Series(f"{run.id} · {run.model} (evolve)", source, run.model, attempts, metric, "program")]
    finally:
        store.close()


def _program_sample(task: str, p: ProgramRow) -> Sample:
    speedups = {int(t): v for t, v in (p.metrics.get("speedup_by_threads") or {}).items()}
    built = p.status == "ok" or p.stage_reached not in ("static", "build")
    race_free = True if p.viable else (False if (p.stage_reached, p.status) == ("race", "fail") else None)
    return Sample(task, built, p.viable, race_free, speedups if p.viable else {})


# -- derived tables ---------------------------------------------------------------------------------

def date_text(iso: str | None) -> str:
    if not iso:
        return "–"
    t = dt.datetime.fromisoformat(iso)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if t.tzinfo else t.strftime("%Y-%m-%d %H:%M")


def fmt(v: float | None, digits: int = 3) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


class Table(NamedTuple):
    columns: list[str]
    rows: list[list[str]]
    notes: list[str]


def model_table(series: list[Series]) -> Table:
    from ..bench.metrics import errors_excluded, summary

    per_prompt = [_prompt_counts(s.metric_samples) for s in series]
    n_max = max((max(c.values(), default=0) for c in per_prompt), default=0)
    ks = [k for k in (1, 5, 10) if k <= max(n_max, 1)]
    rows: list[list[str]] = [
        ["prompts"] + [str(len(c)) for c in per_prompt],
        ["samples per prompt"] + [_span(c.values()) for c in per_prompt],
        ["P (threads)"] + [str(s.top_threads) if s.threads else "–" for s in series],
        ["verifier errors (excluded)"] + [str(errors_excluded(s.metric_samples)) for s in series],
    ]
    values = [summary(s.metric_samples, ks, s.top_threads) for s in series]
    for k in ks:
        for name, key, digits in (("build", "build@{k}", 3), ("pass", "pass@{k}", 3),
                                  ("race_free", "race_free@{k}", 3), ("speedup_P", "speedup_{p}@{k}", 2),
                                  ("efficiency_P", "efficiency_{p}@{k}", 2), ("speedup_max", "speedup_max@{k}", 2)):
            rows.append([f"{name}@{k}"] + [fmt(v.get(key.format(k=k, p=s.top_threads)), digits)
                                          for s, v in zip(series, values)])
    rows.append(["LLM cost (whole run)"] + [s.source.cost_text for s in series])
    notes = ["Means over prompts of unbiased estimators; k is shown only where k ≤ the samples of a prompt "
             "(– otherwise). speedup_P is at each column's largest thread count P; failed samples count 0.",
             "race_free@k is over prompts where a race detector could judge a sample (– for serial or TBB)."]
    if any(s.unit == "program" for s in series):
        notes.append("An evolve run counts as one sample per task: its best viable program (or its last attempt), "
                     "as `parevo bench --mode evolve` scores it.")
    return Table(["metric"] + [s.label for s in series], rows, notes)


def _prompt_counts(samples: list[Sample]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in samples:
        counts[s.prompt] = counts.get(s.prompt, 0) + 1
    return counts


def _span(values) -> str:
    v = sorted(values)
    if not v:
        return "0"
    return str(v[0]) if v[0] == v[-1] else f"{v[0]}–{v[-1]}"


def passing_speedups(attempts: list[Attempt], threads: int) -> list[float]:
    return [a.speedups[threads] for a in attempts if a.passed and threads in a.speedups]


def task_table(series: list[Series]) -> Table:
    rows = []
    for s in series:
        p = s.top_threads
        for task in s.tasks:
            mine = [a for a in s.attempts if a.task == task]
            fast = [a for a in mine if a.passed and p in a.speedups]
            best = max(fast, key=lambda a: a.speedups[p], default=None)
            rows.append([task, s.label, str(len(mine)), str(sum(a.passed for a in mine)),
                         fmt(best.speedups[p], 2) if best else "–",
                         fmt(median(a.speedups[p] for a in fast), 2) if fast else "–",
                         fmt(best.speedup_vs_reference, 2) if best else "–"])
    rows.sort(key=lambda r: (r[0], r[1]))
    return Table(["task", "model", "samples", "passed", "best speedup", "median speedup", "vs reference"], rows,
                 ["Speedups are over the sequential baseline at each column's largest thread count, over passing "
                  "samples (an evolve run: its programs); 'vs reference' is the best sample's speedup over "
                  "parevo's reference solution (– where none was timed)."])


STAGES = ("passed", "static", "build", "correctness", "race", "timing", "error", "no code")
STAGE_LABELS = {"passed": "passed", "static": "failed at static", "build": "failed at build",
                "correctness": "failed at correctness", "race": "failed at race", "timing": "failed at timing",
                "error": "error", "no code": "no code", "other": "failed elsewhere"}


def outcome(a: Attempt) -> str:
    """The stage bucket of one attempt."""
    if a.passed:
        return "passed"
    if a.status in ("no_code", "edit_failed"):
        return "no code"
    if a.status == "error":
        return "error"
    if a.stage_reached in STAGES:
        return a.stage_reached
    return "other"


def stage_counts(s: Series) -> dict[str, int]:
    counts = {k: 0 for k in (*STAGES, "other")}
    for a in s.attempts:
        counts[outcome(a)] += 1
    return counts


class Failure(NamedTuple):
    stage: str
    line: str
    count: int
    where: str  # the series it happened in
    tasks: str  # the tasks whose samples failed so, most often first (a failure line alone hides which)


def first_line(feedback: str, width: int = 160) -> str:
    line = next((ln.strip() for ln in feedback.splitlines() if ln.strip()), "(no feedback)")
    return line if len(line) <= width else line[: width - 1] + "…"


def failures(series: list[Series], per_stage: int = 5) -> dict[str, list[Failure]]:
    """The most common first lines of feedback per failure bucket, most common first."""
    groups: dict[str, dict[str, tuple[int, list[str], dict[str, int]]]] = {}
    for s in series:
        for a in s.attempts:
            stage = outcome(a)
            if stage == "passed":
                continue
            line = first_line(a.feedback)
            n, where, tasks = groups.setdefault(stage, {}).get(line, (0, [], {}))
            tasks[a.task] = tasks.get(a.task, 0) + 1
            groups[stage][line] = (n + 1, where if s.label in where else where + [s.label], tasks)
    out: dict[str, list[Failure]] = {}
    for stage in (*STAGES, "other"):
        if stage in groups:
            ranked = sorted(groups[stage].items(), key=lambda kv: (-kv[1][0], kv[0]))[:per_stage]
            out[stage] = [Failure(stage, line, n, ", ".join(where), _task_list(tasks))
                          for line, (n, where, tasks) in ranked]
    return out


def _task_list(counts: dict[str, int], shown: int = 3) -> str:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    text = ", ".join(t if n == 1 else f"{t} ({n})" for t, n in ranked[:shown])
    return text + (f", +{len(ranked) - shown} more" if len(ranked) > shown else "")
