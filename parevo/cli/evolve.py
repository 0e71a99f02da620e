"""CLI commands of the agent: `parevo evolve`, `parevo runs list|show`, and `parevo llm
pending|answer` for the exchange-directory provider (a person or another agent answers)."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.table import Table

from .params import RAY_HELP, check_llm_spec, executor_for, parent_exists, ray_address
from ..errors import ParevoError

console = Console()
runs_app = typer.Typer(no_args_is_help=True, help="Evolution runs: list them, show one.")
llm_app = typer.Typer(no_args_is_help=True, help="The exchange-directory LLM provider: pending requests, answers.")


def _progress_table(p) -> Table:
    t = Table.grid(padding=(0, 2))
    best = f"{p.best_speedup:.2f}x (#{p.best_id})" if p.best_speedup else "none yet"
    fails = ", ".join(f"{k} {v}" for k, v in sorted(p.failures.items())) or "none"
    t.add_row("[bold]iteration[/]", f"{p.iterations_done}/{p.iterations_total}", "[bold]in flight[/]", str(p.in_flight))
    t.add_row("[bold]best speedup[/]", best, "[bold]evaluations[/]", str(p.evaluations))
    t.add_row("[bold]cost[/]", f"{p.cost_text} ({p.tokens:,} tokens)", "[bold]failures[/]", escape(fails))
    t.add_row("[bold]last[/]", escape(p.last), "", "")
    return t


def evolve(
    task: Optional[str] = typer.Argument(None, help="Task id or task directory (not with --resume)."),
    model: str = typer.Option("openmp", "--model", "-m", help="Parallel model: openmp, threads, tbb, parlay, rayon (safe Rust)."),
    llm: Optional[str] = typer.Option(None, "--llm", help="openai:MODEL[@URL], exchange:DIR, scripted:FILE, replay:FILE."),
    config: Optional[Path] = typer.Option(None, "--config", exists=True, dir_okay=False, readable=True, help="TOML file with \\[evolve], \\[eval], \\[llm] sections."),
    iterations: Optional[int] = typer.Option(None, "--iterations", "-n", min=1),
    budget: Optional[float] = typer.Option(None, "--budget", min=0.0, help="Stop when the LLM cost reaches this many USD."),
    seed: Optional[int] = typer.Option(None, "--seed"),
    start: Optional[str] = typer.Option(None, "--start", help="'baseline' (default), 'empty', or your own C++ function file."),
    quick: bool = typer.Option(False, "--quick", help="Small inputs, few repetitions: a fast smoke run."),
    resume: Optional[str] = typer.Option(None, "--resume", help="Continue a run (id or directory) after a stop or crash."),
    runs_dir: Optional[Path] = typer.Option(None, "--runs-dir", file_okay=False, help="Where runs live (default ./parevo-runs or $PAREVO_RUNS_DIR)."),
    name: Optional[str] = typer.Option(None, "--name", help="Run id to use instead of a generated one."),
    out: Optional[Path] = typer.Option(None, "--out", dir_okay=False, callback=parent_exists,
                                       help="Also copy the best program here."),
    ray: Optional[str] = typer.Option(None, "--ray", metavar="ADDRESS|local", callback=ray_address, help=RAY_HELP),
) -> None:
    """Evolve a task's implementation into a verified, fast parallel program."""
    from ..evolve.config import load_config
    from ..evolve.run import create_run, execute, make_llm, open_run, sweep_stale

    if resume:
        if task is not None:
            raise ParevoError(f"--resume {resume} continues a run with its own task: drop '{task}'")
        run = open_run(resume, base=runs_dir)
        if llm:
            check_llm_spec(llm, run.config.llm)
        extra = [o for o, v in (("--iterations", iterations), ("--budget", budget)) if v is not None]
        if iterations is not None or budget is not None:
            cfg = run.config
            if iterations is not None:
                cfg.evolve.iterations = iterations
            if budget is not None:
                cfg.evolve.budget_usd = budget
            run.spec["config"] = cfg.model_dump(mode="json")
            run.store.db.execute("UPDATE runs SET spec=? WHERE id=?", (json.dumps(run.spec), run.run_id))
            console.print(f"resume with new {', '.join(extra)}")
        run.store.reopen_run(run.run_id)
        if swept := sweep_stale(run):
            console.print(f"cleaned up after the stopped session: {escape(', '.join(swept))}")
    else:
        if task is None or llm is None:
            raise ParevoError("parevo evolve needs TASK and --llm (or --resume RUN)")
        cfg = load_config(config)
        check_llm_spec(llm, cfg.llm)  # a malformed spec or a missing script: before a run directory exists
        for key, value in (("iterations", iterations), ("budget_usd", budget), ("seed", seed), ("start", start)):
            if value is not None:
                setattr(cfg.evolve, key, value)
        if quick:
            cfg.evolve.quick = True
        run = create_run(task, model, llm, cfg, base=runs_dir, name=name)
    client = make_llm(run, llm if resume else None)
    console.print(f"run [bold]{run.run_id}[/] in {run.run_dir}  (task {run.spec['task']}, model {run.spec['model']}, "
                  f"LLM {escape(llm or run.spec['llm'])})")
    with executor_for(ray, console) as executor:
        outcome = asyncio.run(_execute_live(run, client, execute, executor))
    style = {"finished": "green", "stopped": "yellow", "failed": "red"}.get(outcome.status, "white")
    console.print(f"[{style} bold]{outcome.status}[/]: {escape(outcome.reason)}")
    _print_stats(outcome.stats)
    if outcome.best_path:
        console.print(f"best program: {outcome.best_path}")
        if out:
            copy_best(outcome.best_path, out)
            console.print(f"copied to {out}")
    elif outcome.stats.get("viable"):
        console.print(f"[yellow]{outcome.stats['viable']} correct, race-free programs, but every timing was contended by "
                      f"other load on this machine: no best is chosen from those numbers (run on a quieter machine, or "
                      f"raise \\[eval] contention_max_cores)[/]")
    else:
        console.print("[yellow]no correct, race-free program yet[/]")
    raise typer.Exit(0 if outcome.status != "failed" else 1)


async def _execute_live(run, client, execute, executor=None):
    main = asyncio.current_task()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C, kill: cancel in-flight work, close the run cleanly
        loop.add_signal_handler(sig, main.cancel)
    try:
        with Live(console=console, refresh_per_second=4, transient=False) as live:
            outcome = await execute(run, client, on_progress=lambda p: live.update(_progress_table(p)), executor=executor)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    console.print()
    return outcome


def copy_best(best: Path, out: Path) -> None:
    """`--out`: the best program copied where the user asked. A full disk or a vanished
    directory there costs nothing computed (the run and its best.cpp are stored), so it is
    one line naming both places, not a traceback."""
    try:
        out.write_text(best.read_text())
    except OSError as exc:
        raise ParevoError(f"--out {out}: cannot write the best program there ({exc.strerror or exc}); "
                          f"the run is stored and its best program is at {best}") from None


def _print_stats(stats: dict) -> None:
    t = Table(show_header=False, box=None)
    for k, v in stats.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a} {b}" for a, b in v.items()) or "none"
        t.add_row(k.replace("_", " "), escape(str(v)))
    console.print(t)


@runs_app.command("list")
def runs_list(runs_dir: Optional[Path] = typer.Option(None, "--runs-dir", file_okay=False)) -> None:
    """The runs under the runs directory, newest first."""
    from ..evolve.run import STORE_NAME, open_run, runs_dir as base_dir
    from ..evolve.stats import run_stats

    base = base_dir(runs_dir)
    table = Table(title=f"runs in {base}")
    for col in ("run", "task", "model", "status", "iterations", "evaluations", "best", "cost", "started"):
        table.add_column(col, overflow="fold")
    dirs = sorted((p.parent for p in base.glob(f"*/{STORE_NAME}")), key=lambda p: p.stat().st_mtime, reverse=True)
    for d in dirs:
        run = open_run(str(d), readonly=True)
        row, s = run.store.run(), run_stats(run.store, run.run_id)
        best = f"{s['best_speedup']:.2f}x" if s["best_speedup"] else "-"
        table.add_row(run.run_id, row.task, row.model, row.status, str(s["iterations_done"]), str(s["evaluations"]),
                      best, s["cost"], row.started_at[:19])
        run.store.close()
    console.print(table if dirs else f"no runs in {base}")


@runs_app.command("show")
def runs_show(run_ref: str = typer.Argument(..., metavar="RUN"), runs_dir: Optional[Path] = typer.Option(None, "--runs-dir", file_okay=False),
              program: Optional[int] = typer.Option(None, "--program", min=1, help="Print one program's code and feedback.")) -> None:
    """One run: its settings, figures, and every program with its lineage."""
    from ..evolve.run import open_run
    from ..evolve.stats import run_stats

    run = open_run(run_ref, base=runs_dir, readonly=True)
    row = run.store.run()
    if program is not None:
        p = run.store.program(program)
        console.print(f"[bold]#{p.id}[/] iteration {p.iteration} {p.origin} parent {p.parent_id}: {p.status} at {p.stage_reached}")
        if p.feedback:
            console.print(escape(p.feedback))
        console.print(p.code, markup=False, highlight=False)
        return
    console.print(f"[bold]{row.id}[/]: task {row.task}, model {row.model}, LLM {escape(row.spec['llm'])}, "
                  f"status [bold]{row.status}[/]" + (f" ({escape(row.stop_reason)})" if row.stop_reason else ""))
    _print_stats(run_stats(run.store, run.run_id))
    console.print(_programs_table(run.store.programs(run.run_id)))
    failed = [p for p in run.store.programs(run.run_id) if not p.viable and p.feedback]
    if failed:
        console.print("[bold]why programs failed[/] (runs show RUN --program ID for the whole feedback)")
    for p in failed:
        first = p.feedback.strip().splitlines()[0]
        console.print(f"  #{p.id} {escape(first)}", overflow="ellipsis", no_wrap=True)


def _programs_table(programs: list) -> Table:
    """One line per program at 80 columns: lineage, verdict, speed and shape; the feedback of
    failed programs is listed below the table, one line each."""
    table = Table(title="programs", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for col in ("id", "it", "isl", "origin", "par", "result", "speed", "loc"):
        table.add_column(col, no_wrap=True, justify="left" if col in ("origin", "result") else "right")
    table.add_column("primitives", overflow="fold")
    for p in programs:
        result = "[green]viable[/]" if p.viable else f"{p.status}:{p.stage_reached}"
        table.add_row(str(p.id), str(p.iteration), str(p.island), p.origin + (f" {p.repair_turn}" if p.repair_turn else ""),
                      str(p.parent_id or ""), result, f"{p.fitness:.2f}x" if p.fitness else "",
                      str(p.features.get("loc", "")), escape(" ".join(p.features.get("primitives", []))))
    return table


@runs_app.command("calls")
def runs_calls(run_ref: str = typer.Argument(..., metavar="RUN"), runs_dir: Optional[Path] = typer.Option(None, "--runs-dir", file_okay=False),
               out: Optional[Path] = typer.Option(None, "--out", dir_okay=False, callback=parent_exists,
                                                  help="Write JSONL here (default: stdout).")) -> None:
    """Every LLM call of a run as JSON lines (one CallRecord each): what `--llm replay:FILE` reads."""
    from ..evolve.run import open_run

    run = open_run(run_ref, base=runs_dir, readonly=True)
    lines = [rec + "\n" for rec in run.store.call_records(run.run_id)]
    if out:
        out.write_text("".join(lines))
        console.print(f"{len(lines)} calls written to {out}")
    else:
        sys.stdout.write("".join(lines))


@llm_app.command("pending")
def llm_pending(directory: Path = typer.Argument(..., exists=True, file_okay=False, help="The exchange directory.")) -> None:
    """Requests waiting for an answer in an exchange directory."""
    from ..llm.providers.exchange import pending

    reqs = pending(directory)
    if not reqs:
        console.print("no pending requests")
    for r in reqs:
        about = f"  task={r.subject.task}  item={r.subject.item}  sample={r.sample}" if r.subject else ""
        console.print(f"{r.id}  role={r.role}{about}  messages={len(r.messages)}  since {r.created_at}  "
                      f"-> {directory / 'requests' / (r.id + '.json')}")


@llm_app.command("answer")
def llm_answer(directory: Path = typer.Argument(..., exists=True, file_okay=False),
               request_id: str = typer.Argument(..., metavar="ID"),
               reply_file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, allow_dash=True,
                                                 help="A file with the reply text (- for stdin).")) -> None:
    """Answer one pending request (written atomically, so the waiting run never reads half a reply)."""
    from ..llm.providers.exchange import answer

    from ..paths import read_user_text

    text = sys.stdin.read() if str(reply_file) == "-" else read_user_text(reply_file, "reply file")
    path = answer(directory, request_id, text)
    console.print(f"answered {request_id}: {path}")


def register(app: typer.Typer) -> None:
    app.command()(evolve)
    app.add_typer(runs_app, name="runs")
    app.add_typer(llm_app, name="llm")
