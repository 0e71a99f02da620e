"""`parevo bench`: one-shot or agentic samples over the built-in suite, ParEval or a task
directory, or the built-in solutions without any LLM; progress bars; resumable."""

from __future__ import annotations

import asyncio
import datetime as dt
import signal
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from .params import RAY_HELP, check_llm_spec, executor_for, not_a_file, ray_address
from ..errors import ParevoError

console = Console()


def _csv(text: str | None) -> list[str] | None:
    return [t.strip() for t in text.split(",") if t.strip()] if text else None


def bench(
    suite: str = typer.Option("builtin", "--suite", help="builtin, pareval, or a directory of task directories."),
    llm: Optional[str] = typer.Option(None, "--llm", help="openai:MODEL[@URL], exchange:DIR, scripted:FILE, replay:FILE."),
    samples: int = typer.Option(1, "--samples", "-n", min=1, help="Samples per prompt (pass@k needs k <= n)."),
    mode: str = typer.Option("oneshot", "--mode", help="oneshot, or evolve (an evolution run per sample)."),
    models: str = typer.Option("openmp", "--models", help="Comma-separated parallel models (ParEval: serial,openmp)."),
    tasks: Optional[str] = typer.Option(None, "--tasks", help="Comma-separated task ids (ParEval: names or numbers)."),
    solutions: Optional[str] = typer.Option(None, "--solutions", help="reference or baseline: evaluate parevo's own, no LLM."),
    pareval: Optional[Path] = typer.Option(None, "--pareval", exists=True, file_okay=False, help="ParEval checkout or prompt directory (or $PAREVAL_DIR)."),
    translation: bool = typer.Option(False, "--translation", help="ParEval's serial->omp translation prompts."),
    paper: bool = typer.Option(False, "--paper", help="ParEval's original inputs only (paper-compatible numbers)."),
    timing_budget: float = typer.Option(10.0, "--timing-budget", min=1.01, metavar="K",
                                       help="Stop a candidate's timed run at K x the baseline's time "
                                            "(correct but too slow: speedup below 1/K)."),
    quick: bool = typer.Option(False, "--quick", help="Fewer repetitions and thread counts."),
    iterations: int = typer.Option(4, "--iterations", min=1, help="Iterations per evolution run (--mode evolve)."),
    budget: Optional[float] = typer.Option(None, "--budget", min=0.0, help="Stop when the LLM cost reaches this many USD."),
    jobs: Optional[int] = typer.Option(None, "--jobs", min=1, help="Samples in flight (LLM calls overlap evaluations; timing stays exclusive). Default 2, with --ray the cluster's evaluation slots."),
    ray: Optional[str] = typer.Option(None, "--ray", metavar="ADDRESS|local", callback=ray_address, help=RAY_HELP),
    name: Optional[str] = typer.Option(None, "--name", help="Bench id; rerunning with the same name resumes."),
    out_dir: Path = typer.Option(Path("parevo-bench"), "--out-dir", callback=not_a_file, help="Where bench directories live."),
) -> None:
    """Benchmark models (or parevo's own solutions) on the built-in suite, ParEval or your tasks."""
    from ..bench.metrics import summary
    from ..bench.runner import Bench, BenchSpec

    if mode not in ("oneshot", "evolve"):
        raise ParevoError(f"--mode {mode}: use oneshot or evolve")
    if solutions not in (None, "reference", "baseline"):
        raise ParevoError(f"--solutions {solutions}: use reference or baseline")
    if solutions is None and llm is None:
        raise ParevoError("parevo bench needs --llm SPEC, or --solutions reference|baseline")
    if llm is not None:
        check_llm_spec(llm, {})
    spec = BenchSpec(suite=suite, mode=mode, llm=llm, solutions=solutions, samples=samples, models=_csv(models) or [],
                     tasks=_csv(tasks), pareval_dir=str(pareval) if pareval else None, translation=translation,
                     paper=paper, quick=quick, evolve_iterations=iterations, budget_usd=budget,
                     timing_budget=timing_budget)
    if paper:
        console.print("[yellow]--paper times ParEval's own inputs, which are small (ParEval's test sizes: often "
                      "microseconds a call): its speedups are mostly noise; leave --paper out for speedups[/]",
                      soft_wrap=True)
    bench_id = name or f"{Path(suite).name}-{solutions or mode}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    with executor_for(ray, console) as executor:
        runner = Bench(out_dir / bench_id, bench_id, spec, jobs=jobs or max(2, executor.capacity if executor else 0),
                       executor=executor)
        _print_skipped(runner.skipped)
        console.print(f"bench [bold]{bench_id}[/] in {out_dir / bench_id}: {len(runner.items)} prompts x "
                      f"{1 if solutions else samples} samples")
        reason = asyncio.run(_run_with_progress(runner))
    rows = runner.store.samples(bench_id)
    console.print(f"[bold]{'stopped' if runner.stop_reason else 'finished'}[/]: {escape(reason)}")
    _print_summary(rows, samples if not solutions else 1)


def _print_skipped(skipped) -> None:
    """Each skipped item on one line (never wrapped: a log is grepped), or a count per reason when
    there are many (`--solutions reference` skips every task without a reference)."""
    if len(skipped) <= 12:
        for s in skipped:
            console.print(f"[dim]skip {s.prompt_id}: {escape(s.reason)}[/]", soft_wrap=True)
        return
    reasons: dict[str, int] = {}
    for s in skipped:
        reasons[s.reason] = reasons.get(s.reason, 0) + 1
    for why, n in sorted(reasons.items(), key=lambda kv: -kv[1]):
        console.print(f"[dim]skip {n} item(s): {escape(why)}[/]", soft_wrap=True)


async def _run_with_progress(runner) -> str:
    main = asyncio.current_task()
    asyncio.get_running_loop().add_signal_handler(signal.SIGINT, main.cancel)
    if not console.is_terminal:  # a log or a pipe: one plain line per sample, no redrawn bar
        def line(p) -> None:
            console.print(f"[{p.done}/{p.total}] {escape(p.last)}", soft_wrap=True, highlight=False)

        return await _run(runner, line)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("pass {task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
               TextColumn("[dim]{task.fields[last]}"))
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("samples", total=None, rate="-", last="")

        def update(p) -> None:
            rate = f"{100 * p.passed / p.done:.0f}%" if p.done else "-"
            bar.update(task, total=p.total, completed=p.done, rate=rate, last=escape(p.last[-60:]))

        return await runner.run_with(update) if hasattr(runner, "run_with") else await _run(runner, update)


async def _run(runner, update) -> str:
    runner.on_progress = update
    return await runner.run()


def _print_summary(rows, n: int) -> None:
    from ..bench.metrics import summary

    if not rows:
        return
    threads = max((t for r in rows for t in r.speedups), default=1)
    by_model: dict[str, list] = {}
    for r in rows:
        by_model.setdefault(r.model, []).append(r.as_metric_sample())
    ks = [k for k in (1, 5, 10) if k <= n]
    # One row per metric, one column per model: fits 80 columns however many k are shown.
    table = Table(title="metrics (mean over prompts)")
    table.add_column("metric")
    models = sorted(by_model)
    for model in models:
        table.add_column(model, justify="right")
    vals = {m: summary(by_model[m], ks, threads) for m in models}
    for key in vals[models[0]]:
        table.add_row(key, *("-" if vals[m][key] is None else f"{vals[m][key]:.3f}" for m in models))
    console.print(table)
    if n_slow := sum(r.too_slow for r in rows):
        console.print(f"{n_slow} sample(s) correct but too slow: stopped at the timing budget, counted as "
                      f"correct with a speedup below 1/K")
    from ..bench.metrics import errors_excluded

    if n_err := errors_excluded(r.as_metric_sample() for r in rows):
        console.print(f"[magenta]{n_err} sample(s) excluded: the verifier failed on them (status error), not the candidate[/]")


def register(app: typer.Typer) -> None:
    app.command()(bench)
