"""`parevo tasks new` and `parevo tasks check`: a task from the user's own function, and the lint
every task (built-in or generated) can go through (docs/own-code.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()


def print_check(report) -> None:
    table = Table(title=f"{report.task}: families at size {report.size}")
    for col in ("family", "shape", "answer", "baseline s", "valid", "deterministic"):
        table.add_column(col, overflow="fold")
    for r in report.families:
        table.add_row(r.family, escape(r.shape), str(r.answer), f"{r.seconds:.4f}",
                      "[green]yes[/]" if not r.error else f"[red]{escape(r.error)}[/]",
                      "[green]yes[/]" if r.again else "[red]no[/]")
    console.print(table)
    for p in report.problems:
        console.print(f"[red]problem:[/] {escape(p)}")
    if report.mutants:
        score = report.score
        console.print(f"mutation score: [bold]{'n/a' if score is None else f'{score:.2f}'}[/] "
                      f"({report.count('killed')} killed, {report.count('survived')} survived, "
                      f"{report.count('equivalent')} equivalent, {report.count('no_compile')} not compiling)")
        for m in report.mutants:
            if m.outcome == "survived":
                console.print(f"  survivor: {escape(m.mutant.label)}")
    cov = report.coverage
    if cov.lines is not None:
        console.print(f"baseline coverage: lines {cov.lines:.1f}%, branches taken {cov.branches or 0:.1f}%")
    elif cov.note:
        console.print(f"coverage: {escape(cov.note)}")
    console.print(f"({report.seconds:.1f} s)")


def register(tasks_app: typer.Typer) -> None:
    @tasks_app.command("new")
    def tasks_new(
        out: Path = typer.Argument(..., help="The task directory to create (its name is the task id)."),
        source: Path = typer.Option(..., "--from", help="Your C++ file holding the function and its types."),
        function: str = typer.Option(..., "--function", help="The sequential function to parallelise."),
        include: list[Path] = typer.Option([], "-I", help="An include directory your file needs (repeatable)."),
        describe: Optional[str] = typer.Option(None, "--describe", help="What the function computes, for the statement."),
        validator: Optional[str] = typer.Option(None, "--validator",
                                                help="exact | tolerance:REL | unordered[:REL] | FILE.cpp (default: "
                                                     "exact for integral outputs, a tolerance for floating ones)."),
        csr: Optional[str] = typer.Option(None, "--csr", help="OFFSETS,TARGETS: the two parameters forming a CSR graph."),
        ranges: list[str] = typer.Option([], "--range", help="NAME=LO:HI for a scalar or a field (Struct.field)."),
        sizes: Optional[str] = typer.Option(None, "--sizes", help="CHECK,RACE,TIMING (default: chosen by timing the function)."),
        force: bool = typer.Option(False, "--force", help="Overwrite a non-empty directory."),
        inputs: Optional[Path] = typer.Option(None, "--inputs", exists=True, file_okay=False,
                                              help="A directory of your own input files (*.txt, docs/own-code.md): "
                                                   "the 'user' family."),
        llm: Optional[str] = typer.Option(None, "--llm", help="An LLM that writes extra generators, kept only when "
                                          "useful: openai:MODEL\\[@URL], exchange:DIR, scripted:FILE, replay:FILE."),
    ) -> None:
        """Make a task directory from your own sequential function (an LLM only with --llm)."""
        from ..owncode.new import new_task, parse_sizes
        from .params import check_llm_spec

        if llm:
            check_llm_spec(llm, {})  # a malformed spec or a missing script: before anything is written
        made = new_task(out, source, function, include_dirs=include, describe=describe, validator=validator, csr=csr,
                        ranges=ranges, sizes=parse_sizes(sizes) if sizes else None, force=force, inputs=inputs,
                        llm=llm, say=lambda text: console.print(f"  {escape(text)}"))
        if llm:
            kept = [v.name for v in made.verdicts if v.kept]
            console.print(f"generated families: {len(kept)} kept ({', '.join(kept) or 'none'}) of "
                          f"{len(made.verdicts)}; every verdict in {made.root / 'generated.json'}")
        console.print(f"[green]task written[/] to {made.root} (sizes: check {made.sizes['check']}, race "
                      f"{made.sizes['race']}, timing {made.sizes['timing']}; {made.seconds:.1f} s)")
        console.print(f"next: parevo tasks check {out}")

    @tasks_app.command("check")
    def tasks_check(
        task: str = typer.Argument(..., help="Task id or task directory."),
        size: Optional[int] = typer.Option(None, "--size", min=1, help="Family size (default: the task's check size)."),
        seed: int = typer.Option(1, "--seed", min=0),
        max_mutants: int = typer.Option(40, "--max-mutants", min=0, help="Mutants to judge (0: no mutation score)."),
        no_coverage: bool = typer.Option(False, "--no-coverage", help="Skip the gcov build."),
    ) -> None:
        """Lint a task: the baseline passes every family, families are deterministic, their shapes,
        the tester's mutation score and the baseline's coverage. Exit 1 on a problem."""
        from ..owncode.check import check_task
        from ..tasks import get_task

        report = check_task(get_task(task), size=size, seed=seed, max_mutants=max_mutants, coverage=not no_coverage)
        print_check(report)
        raise typer.Exit(0 if report.ok else 1)
