"""A run's life: create (run directory, store, run record written first), resume, execute the
agent, and close (best program written out, stats, run record finished last)."""

from __future__ import annotations

import asyncio
import datetime as dt
import fcntl
import os
import secrets
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..version import __version__
from ..errors import ParevoError
from ..llm import LLM, Budget, Usage
from ..llm.spec import LLMConfig
from ..llm.types import CallRecord
from ..tasks import get_task
from ..toolchain import probe
from ..verify.executor import Executor, LocalExecutor
from .agent import Agent, Progress, StopRun, best_program
from .config import RunConfig
from .stats import run_stats
from ..runstore import RunStore

STORE_NAME = "run.sqlite"
LOCK_NAME = "driver.lock"


def runs_dir(explicit: Path | None = None) -> Path:
    return Path(explicit or os.environ.get("PAREVO_RUNS_DIR") or "parevo-runs")


def locate_run(ref: str, base: Path | None = None) -> Path:
    """A run directory from a path or a run id under the runs directory."""
    for cand in (Path(ref), runs_dir(base) / ref):
        if (cand / STORE_NAME).is_file():
            return cand
    raise ParevoError(f"no run '{ref}': neither a run directory nor a run id under {runs_dir(base)}/ "
                      f"(parevo runs list shows them)")


def _git_revision() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5,
                             cwd=Path(__file__).parent)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):  # not a git checkout (an installed wheel): no revision
        return None


@dataclass
class Run:
    run_dir: Path
    run_id: str
    store: RunStore
    spec: dict  # task, task_ref, model, llm, config (RunConfig dump): everything resume needs
    lock: object = None  # the open file of _claim's flock, held while this process drives the run

    @property
    def config(self) -> RunConfig:
        return RunConfig(**self.spec["config"])


def create_run(task_ref: str, model: str, llm_spec: str, config: RunConfig, *, base: Path | None = None,
               name: str | None = None) -> Run:
    task = get_task(task_ref)
    if model not in task.spec.models:
        raise ParevoError(f"task '{task.id}' does not accept model '{model}' (allowed: {', '.join(task.spec.models)})")
    if config.evolve.start not in ("baseline", "empty") and not Path(config.evolve.start).is_file():
        raise ParevoError(f"--start {config.evolve.start}: no such file (give 'baseline', 'empty' or a C++ file)")
    if config.evolve.start not in ("baseline", "empty"):
        config.evolve.start = str(Path(config.evolve.start).resolve())
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    run_id = name or f"{task.id}-{model}-{stamp}-{secrets.token_hex(2)}"
    run_dir = runs_dir(base) / run_id
    if run_dir.exists():
        raise ParevoError(f"{run_dir} exists already; pick another --name or resume it with --resume {run_id}")
    tc = probe.detect()
    task_ref_abs = task_ref if task.root.parent.name == "suite" and task_ref == task.id else str(task.root.resolve())
    spec = {"task": task.id, "task_ref": task_ref_abs, "task_version": task.spec.version, "model": model,
            "llm": llm_spec, "config": config.model_dump(mode="json"), "parevo_version": __version__,
            "git_revision": _git_revision(), "compiler": tc.cxx_version, "cpus": os.cpu_count()}
    store = RunStore(run_dir / STORE_NAME, create=True)
    run = Run(run_dir, run_id, store, spec, _claim(run_dir, run_id))
    store.start_run(run_id, task.id, model, spec)
    return run


def _claim(run_dir: Path, run_id: str) -> object:
    """An exclusive `flock` on the run for this process's life: two drivers on one run would
    interleave their iterations. The kernel drops it when the holder dies, however it dies."""
    f = open(run_dir / LOCK_NAME, "a+")
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        f.seek(0)
        holder = f.read().strip() or "unknown"
        f.close()
        raise ParevoError(f"run {run_id} is being executed by another parevo process (pid {holder}); "
                          f"wait for it or stop it first") from None
    f.seek(0)
    f.truncate()
    f.write(str(os.getpid()))
    f.flush()
    return f


def sweep_stale(run: Run) -> list[str]:
    """Before a resumed run times anything: the evaluation directories of the dead session and
    the cgroups of every dead parevo process go (their processes died with their driver:
    toolchain/lifeline.py). The evaluations that were in flight are redone by the agent, since
    their iterations never reached `iteration_done`."""
    from ..toolchain import lifeline

    swept = []
    evals = run.run_dir / "evals"
    if evals.is_dir():
        stale = sorted(d.name for d in evals.iterdir())
        shutil.rmtree(evals, ignore_errors=True)
        swept += [f"evals/{name}" for name in stale]
    n = lifeline.sweep_orphan_cgroups()
    if n:
        swept.append(f"{n} cgroup(s) of dead processes")
    if swept:
        run.store.event(run.run_id, "resume_swept", items=swept)
    return swept


def open_run(ref: str, *, base: Path | None = None, readonly: bool = False) -> Run:
    run_dir = locate_run(ref, base)
    store = RunStore(run_dir / STORE_NAME, readonly=readonly)
    row = store.run()
    run = Run(run_dir, row.id, store, row.spec)
    if not readonly:
        run.lock = _claim(run_dir, row.id)
    return run


def _prior_usage(store: RunStore, run_id: str) -> Usage:
    total = Usage()
    for rec in store.call_records(run_id):
        r = CallRecord.model_validate_json(rec)
        if r.completion:
            total += r.completion.usage
    return total


def make_llm(run: Run, llm_spec: str | None = None) -> LLM:
    cfg = run.config
    llm_cfg = LLMConfig(**cfg.llm)
    budget = Budget(max_tokens=cfg.evolve.budget_tokens, max_usd=cfg.evolve.budget_usd)
    seq_start = len(run.store.calls(run.run_id))

    def on_record(rec: CallRecord) -> None:
        run.store.add_call(run.run_id, rec, iteration=rec.sample // 100)

    llm = LLM.from_config(llm_spec or run.spec["llm"], llm_cfg, budget=budget, on_record=on_record, seq_start=seq_start)
    llm.usage = _prior_usage(run.store, run.run_id)
    return llm


@dataclass
class Outcome:
    status: str
    reason: str
    stats: dict
    best_path: Path | None


async def execute(run: Run, llm: LLM, *, on_progress: Callable[[Progress], None] | None = None,
                  executor: Executor | None = None) -> Outcome:
    """`executor`: where evaluations run (verify/executor.py); by default `eval_workers` local workers."""
    task = get_task(run.spec["task_ref"])
    executor = executor or LocalExecutor(run.config.evolve.eval_workers)
    agent = Agent(run.store, run.run_id, run.run_dir, task, run.spec["task_ref"], run.spec["model"], run.config, llm,
                  on_progress=on_progress, executor=executor)
    try:
        run.store.event(run.run_id, "session_start", resumed=bool(agent.done), executor=executor.name)
        try:
            stop = await agent.run()
        except asyncio.CancelledError:
            stop = StopRun("interrupted (Ctrl-C or SIGTERM); continue with --resume", "stopped")
        finally:
            await llm.aclose()
        return close_run(run, stop)
    except (sqlite3.Error, OSError) as exc:
        # A full disk or a store locked by another process: every row committed before stays
        # (each evaluation commits on its own), so the person needs the cause and the way on.
        raise ParevoError(f"run {run.run_id}: cannot write to {run.run_dir}: {exc}; everything recorded before "
                          f"is kept: free the space (or the lock) and continue with --resume {run.run_id}") from None


def close_run(run: Run, stop: StopRun) -> Outcome:
    stats = run_stats(run.store, run.run_id)
    best = best_program(run.store, run.run_id)
    best_path = None
    if not (run.run_dir / STORE_NAME).is_file():  # removed under the run: nowhere to write to
        return Outcome("failed", stop.reason, stats, None)
    if best is not None:
        best_path = run.run_dir / "best.cpp"
        header = (f"// parevo evolve: best program #{best.id} of run {run.run_id}\n"
                  f"// task {run.spec['task']}, model {run.spec['model']}: {best.fitness:.2f}x over the sequential "
                  f"baseline at {best.metrics.get('threads_max')} threads, correct and race-free\n")
        best_path.write_text(header + best.code)
    run.store.finish_run(run.run_id, stop.status, stop.reason, stats)
    (run.run_dir / "summary.md").write_text(summary_markdown(run, stats))
    return Outcome(stop.status, stop.reason, stats, best_path)


def summary_markdown(run: Run, stats: dict) -> str:
    lines = [f"# parevo run {run.run_id}", "",
             f"task `{run.spec['task']}`, model `{run.spec['model']}`, LLM `{run.spec['llm']}`", ""]
    for k, v in stats.items():
        if not isinstance(v, dict):
            lines.append(f"- {k.replace('_', ' ')}: {v}")
    for k in ("failures", "time_share"):
        if stats.get(k):
            lines.append(f"- {k.replace('_', ' ')}: " + ", ".join(f"{a} {b}" for a, b in stats[k].items()))
    return "\n".join(lines) + "\n"
