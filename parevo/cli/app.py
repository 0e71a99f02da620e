"""The `parevo` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from ..version import __version__
from .params import check_model, parent_exists
from ..errors import ParevoError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Verified parallel C++ for irregular data.")
tasks_app = typer.Typer(no_args_is_help=True, help="The built-in task suite.")
app.add_typer(tasks_app, name="tasks")
console = Console()
# Commands that start sandboxes or workers; each starts by sweeping the leftovers of dead ones.
LAUNCHERS = {"eval", "racecheck", "evolve", "bench", "corpus", "tasks"}
STATUS_STYLE = {"ok": "green", "fail": "red", "error": "magenta", "skipped": "dim"}


@app.callback()
def _root(ctx: typer.Context, version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        console.print(f"parevo {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand in LAUNCHERS:
        from ..toolchain.lifeline import sweep_orphan_cgroups

        sweep_orphan_cgroups()  # what a killed parevo left behind must not run beside this one


@app.command()
def doctor() -> None:
    """Which toolchain pieces and sandbox guards this machine has, and what a missing one costs."""
    from .doctor import checks

    table = Table(title="parevo doctor", show_lines=False)
    for col in ("component", "status", "found / what missing costs", "install"):
        table.add_column(col, overflow="fold")
    required_missing = False
    for c in checks():
        status = "[green]ok[/]" if c.ok else ("[red]MISSING[/]" if c.required else "[yellow]missing[/]")
        required_missing |= c.required and not c.ok
        table.add_row(c.name, status, escape(c.found if c.ok else f"{c.found}: {c.cost_if_missing}"),
                      "" if c.ok else escape(c.install))
    console.print(table)
    if required_missing:
        raise typer.Exit(1)


@tasks_app.command("list")
def tasks_list() -> None:
    """List the built-in tasks."""
    from ..tasks import builtin_task_ids, get_task

    table = Table(title="built-in tasks")
    for col in ("id", "title", "models", "families", "references"):
        table.add_column(col, overflow="fold")
    for tid in builtin_task_ids():
        t = get_task(tid)
        table.add_row(t.id, t.title, ", ".join(t.spec.models), ", ".join(t.spec.families), ", ".join(t.spec.references))
    console.print(table)


@tasks_app.command("show")
def tasks_show(task: str = typer.Argument(..., help="Task id or task directory.")) -> None:
    """Show a task: statement, signature, families, sizes."""
    from ..tasks import get_task

    t = get_task(task)
    s = t.spec
    console.print(Panel(escape(t.statement.strip()), title=f"{t.id}: {escape(t.title)}"))
    console.print(f"[bold]signature[/]  {escape(s.signature)}")
    console.print(f"[bold]types[/]      {t.root / 'types.hpp'}")
    console.print(f"[bold]models[/]     {', '.join(s.models)}")
    console.print(f"[bold]families[/]   {', '.join(s.families)} (timing: {', '.join(s.timing_families)})")
    console.print(f"[bold]sizes[/]      check {s.sizes.check:,}, race {s.sizes.race:,}, timing {s.sizes.timing:,}")
    refs = ", ".join(f"{m} ({t.root / p})" for m, p in s.references.items()) or "none"
    console.print(f"[bold]baseline[/]   {t.root / 'baseline.cpp'}")
    console.print(f"[bold]references[/] {refs}")


@tasks_app.command("doc")
def tasks_doc(
    out: Path = typer.Option(Path("docs/suite.md"), "--out", dir_okay=False, callback=parent_exists,
                             help="Where to write the markdown table."),
    tasks: Optional[str] = typer.Option(None, "--tasks", help="Comma-separated task ids (default: all)."),
    reps: int = typer.Option(5, "--reps", min=1, help="Timed repetitions per input."),
    models: Optional[str] = typer.Option(None, "--models", help="Comma-separated reference models (default: all)."),
    quick: bool = typer.Option(False, "--quick", help="Small inputs: checks the pipeline, not a measurement."),
) -> None:
    """Regenerate docs/suite.md: every expert reference through the whole cascade, with its timings."""
    from ..report import suitedoc
    from ..verify.config import EvalConfig

    ids = [t.strip() for t in tasks.split(",")] if tasks else suitedoc.default_task_ids()
    config = (EvalConfig.quick(reps=reps) if quick else EvalConfig(reps=reps)).model_copy(
        update={"profile": False, "compare_reference": False})

    def show(row) -> None:
        r = row.result
        sp = r.metrics.get("speedup")
        extra = f"speedup {sp:.2f}x" if sp else r.feedback.splitlines()[0][:100] if r.feedback else ""
        console.print(f"  {row.task:<20} {row.model:<8} [{STATUS_STYLE[r.status]}]{r.status}[/] {escape(extra)}")

    wanted = [m.strip() for m in models.split(",")] if models else None
    rows = suitedoc.run_references(ids, config, show, wanted)
    command = ("parevo tasks doc" + (f" --tasks {tasks}" if tasks else "") + (f" --models {models}" if models else "")
               + f" --reps {reps}" + (" --quick" if quick else ""))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(suitedoc.render(rows, config, command) + suitedoc.kept_tail(out))
    console.print(f"wrote {out}")
    if any(r.result.status != "ok" for r in rows):
        raise typer.Exit(1)


def _parse_threads(text: str | None) -> list[int] | None:
    if not text:
        return None
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise ParevoError(f"--threads: expected a comma-separated list of integers, got '{text}'") from None
    if not values or min(values) < 1:
        raise ParevoError(f"--threads: thread counts must be >= 1, got '{text}'")
    return values


@app.command("eval")
def eval_cmd(
    task: str = typer.Argument(..., help="Task id (see `parevo tasks list`) or a task directory."),
    candidate: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                     help="The candidate .cpp file (defines the task's function, no main()), or a .rs file for --model rayon."),
    model: str = typer.Option(..., "--model", "-m", help="serial | openmp | threads | tbb | parlay | rayon (a Rust file) | mpi | mpi+omp | kokkos | cuda (a .cu file)"),
    json_out: Optional[Path] = typer.Option(None, "--json", dir_okay=False, callback=parent_exists,
                                            help="Write the full EvalResult as JSON here."),
    quick: bool = typer.Option(False, "--quick", help="Small timing inputs and few repetitions (seconds, not minutes)."),
    no_timing: bool = typer.Option(False, "--no-timing", help="Stop after the race stage."),
    threads: Optional[str] = typer.Option(None, "--threads", help="Timing thread sweep, e.g. 1,2 (default 1..cores)."),
    reps: Optional[int] = typer.Option(None, "--reps", min=1, help="Timed repetitions per input."),
    seed: Optional[int] = typer.Option(None, "--seed", min=0, help="Seed of the generated inputs (default: fresh and secret)."),
) -> None:
    """Run the verification cascade on one candidate and print a report."""
    from .text import print_eval
    from ..tasks import get_task
    from ..verify.cascade import evaluate
    from ..verify.config import EvalConfig

    t = get_task(task)
    check_model(t, model)
    config_overrides_threads = _parse_threads(threads)
    overrides: dict = {"seed": seed, "timing": not no_timing}
    if (sweep := config_overrides_threads) is not None:
        overrides["timing_threads"] = sweep
    if reps:
        overrides["reps"] = reps
    config = EvalConfig.quick(**overrides) if quick else EvalConfig(**overrides)
    source = candidate.read_text(errors="replace")
    with console.status("") as status:
        def progress(stage: str, result) -> None:
            if result is None:
                status.update(f"[bold]{stage}[/] ...")
            else:
                console.print(f"  {stage:<12} [{STATUS_STYLE[result.status]}]{result.status}[/] ({result.seconds:.1f} s)")

        console.print(f"[bold]parevo eval[/] {t.id} {escape(str(candidate))} --model {model}")
        result = evaluate(t, source, model, config, progress=progress)
    print_eval(console, result)
    if json_out:
        json_out.write_text(result.model_dump_json(indent=2))
        console.print(f"JSON result written to {json_out}")
    raise typer.Exit({"ok": 0, "fail": 1, "error": 2}[result.status])


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def racecheck(
    ctx: typer.Context,
    program: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="A whole C or C++ program with its own main()."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="openmp | threads | parlay (guessed when omitted)."),
    threads: str = typer.Option("2,3,4,7,8", "--threads", help="Thread counts to run at."),
    runs: int = typer.Option(2, "--runs", min=1, help="Runs per thread count."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.001, help="Seconds per run."),
    arg: list[str] = typer.Option([], "--arg", help="An argument for the program (repeatable)."),
) -> None:
    """Race-check a whole program. Exit 1 on a data race, 0 when none is seen, 2 when it could not check.
    Extra compiler flags and extra source files go after `--`."""
    from ..verify.racecheck import racecheck as check

    sweep = _parse_threads(threads) or [2, 3, 4, 7, 8]
    result = check(program, model, list(ctx.args), sweep, runs, arg, timeout)
    for line in result.runs:
        console.print(f"  run: {escape(line)}")
    if result.verdict == "race":
        console.print(f"[red bold]DATA RACE[/] in {program} (model {result.model}):")
        console.print(escape(result.summary))
        for r in result.reports[:3]:
            console.print(Panel(escape(r.text[:4000]), title="ThreadSanitizer report", border_style="red"))
    elif result.verdict == "clean":
        console.print(f"[green bold]no data race seen[/] in {program} (model {result.model}, "
                      f"{len(result.runs)} runs under ThreadSanitizer)")
    else:
        console.print(f"[magenta bold]could not check[/] {program}: {escape(result.reason)}")
    raise typer.Exit(result.exit_code)


from .bench import register as register_bench  # noqa: E402
from .evolve import register  # noqa: E402
from .corpus import register as register_corpus  # noqa: E402
from .report import register as register_report  # noqa: E402
from .train import register as register_train  # noqa: E402
from .owncode import register as register_owncode  # noqa: E402

register(app)
register_bench(app)
register_report(app)
register_corpus(app)
register_train(app)
register_owncode(tasks_app)


def main() -> None:
    try:
        app()
    except ParevoError as exc:
        Console(stderr=True, soft_wrap=True).print(f"[red]error:[/] {escape(str(exc))}")  # one line, however long
        sys.exit(2)


if __name__ == "__main__":
    main()
