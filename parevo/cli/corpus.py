"""`parevo corpus generate` (Critic-Refine data filtered by execution) and `parevo corpus
from-runs` (training pairs from evolve and bench stores)."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from .params import RAY_HELP, check_llm_spec, executor_for, not_a_file, ray_address
from ..errors import ParevoError

console = Console()
corpus_app = typer.Typer(no_args_is_help=True, help="Training data: generated and verified, or from runs.")
STYLE = {"kept": "green", "rejected": "yellow", "error": "magenta"}


def _llm_config(path: Path | None):
    from ..llm import LLMConfig
    from ..tomlfile import read_toml, validate

    if path is None:
        return LLMConfig()
    return validate(LLMConfig, read_toml(path, "config file").get("llm", {}), str(path), prefix="llm.")


def _threads(text: str, option: str) -> list[int]:
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise ParevoError(f"{option}: expected comma-separated thread counts, got '{text}'") from None
    if not values or min(values) < 1:
        raise ParevoError(f"{option}: thread counts must be >= 1, got '{text}'")
    return values


@corpus_app.command("generate")
def generate(
    llm: str = typer.Option(..., "--llm", help="Generator: openai:MODEL[@URL], exchange:DIR, scripted:FILE, replay:FILE."),
    critic_llm: Optional[str] = typer.Option(None, "--critic-llm", help="Critic (default: the generator)."),
    seeds: str = typer.Option(..., "--seeds", help="primitives, tasks, task:ID, a file of topics (one a line), or a comma-separated mix."),
    model: str = typer.Option(..., "--model", "-m", help="parlay | openmp | threads | tbb"),
    out: Path = typer.Option(..., "--out", callback=not_a_file, help="Corpus directory; rerunning with the same one resumes."),
    samples: int = typer.Option(1, "--samples", "-n", min=1, help="Candidates per seed."),
    min_speedup: float = typer.Option(1.0, "--min-speedup", min=0.0, help="Least speedup over the sequential version."),
    budget: Optional[float] = typer.Option(None, "--budget", min=0.0, help="Stop when the LLM cost reaches this many USD."),
    budget_tokens: Optional[int] = typer.Option(None, "--budget-tokens", min=1, help="Stop after this many LLM tokens."),
    critic_rounds: int = typer.Option(1, "--critic-rounds", min=0, help="Critique-and-refine rounds per candidate."),
    dedup_threshold: float = typer.Option(0.85, "--dedup-threshold", min=0.0, max=1.0, help="MinHash similarity that counts as a duplicate."),
    drop_unchecked: bool = typer.Option(False, "--drop-unchecked", help="Drop candidates no race detector could check (TBB)."),
    test_threads: str = typer.Option("1,4", "--test-threads", help="Thread counts the test program runs at."),
    race_threads: str = typer.Option("4", "--race-threads", help="Thread counts of the race runs."),
    quick: bool = typer.Option(False, "--quick", help="Built-in task seeds: small timing inputs, few repetitions."),
    config: Optional[Path] = typer.Option(None, "--config", exists=True, dir_okay=False, readable=True, help="TOML file with an \\[llm] section (prices, timeouts)."),
    ray: Optional[str] = typer.Option(None, "--ray", metavar="ADDRESS|local", callback=ray_address, help=RAY_HELP + " Task seeds only."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Candidates in flight at once (default 1; with --ray, the cluster's evaluation slots)."),
) -> None:
    """Generate verified exercises: generator -> critic -> refine, then build, test, race and speed filters."""
    from ..corpus import CorpusSpec, FilterConfig, Generator

    filters = FilterConfig(min_speedup=min_speedup, keep_unchecked=not drop_unchecked, quick_tasks=quick,
                           test_threads=_threads(test_threads, "--test-threads"),
                           race_threads=_threads(race_threads, "--race-threads"))
    spec = CorpusSpec(llm=llm, critic_llm=critic_llm, seeds=seeds, model=model, samples=samples,
                      critic_rounds=critic_rounds, budget_usd=budget, budget_tokens=budget_tokens,
                      dedup_threshold=dedup_threshold, filters=filters)

    def show(row) -> None:
        why = f" {row.reason}: {row.detail.splitlines()[0][:100]}" if row.reason else ""
        sp = row.record.get("filters", {}).get("speedup")
        extra = f" {sp:.2f}x" if sp is not None and not row.reason else ""
        console.print(f"  {row.seed} #{row.sample} [{STYLE[row.status]}]{row.status}[/]{escape(why + extra)}")

    llm_config = _llm_config(config)
    for s in (llm, critic_llm):
        if s is not None:
            check_llm_spec(s, llm_config.model_dump())
    with executor_for(ray, console) as executor:
        spec.jobs = jobs or (max(1, executor.capacity) if ray else 1)
        gen = Generator(out, spec, llm_config, on_candidate=show, executor=executor)
        console.print(f"corpus in [bold]{out}[/]: {len(gen.seeds)} seeds x {samples} samples, model {model}")
        outcome = asyncio.run(_interruptible(gen.run()))
    c = outcome.counts
    style = "green" if outcome.status == "finished" else "yellow"
    console.print(f"[{style} bold]{outcome.status}[/]: {escape(outcome.reason)}")
    console.print(f"kept {c['kept']}, rejected {c['rejected']}, errors {c['error']}, already decided {c['skipped']}; "
                  f"{outcome.new_calls} new LLM calls")
    console.print(f"wrote {out / 'train.jsonl'}, {out / 'eval.jsonl'}, {out / 'test.jsonl'}, {out / 'card.md'}")


async def _interruptible(coro):
    main = asyncio.current_task()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGINT, main.cancel)  # Ctrl-C: the run is closed and exported
    try:
        return await coro
    finally:
        loop.remove_signal_handler(signal.SIGINT)


@corpus_app.command("from-runs")
def from_runs(
    runs: list[Path] = typer.Argument(..., exists=True, help="Evolve run or bench directories (or their .sqlite files)."),
    out: Path = typer.Option(..., "--out", callback=not_a_file, help="Where sft.jsonl, preference.jsonl and card.md go."),
    min_ratio: float = typer.Option(1.2, "--min-ratio", min=0.0, help="Least speedup ratio of chosen over rejected."),
    max_pairs: int = typer.Option(50, "--max-pairs", min=1, help="Most preference pairs per task and model."),
) -> None:
    """Supervised pairs (prompt -> best verified program) and preference pairs (faster vs slower) from runs."""
    from ..corpus import pairs_from_runs

    o = pairs_from_runs(runs, out, min_ratio=min_ratio, max_pairs=max_pairs)
    console.print(f"{o.verified} verified programs in {len(o.stores)} store(s): {o.sft} supervised pairs, "
                  f"{o.preference} preference pairs")
    console.print(f"wrote {out / 'sft.jsonl'}, {out / 'preference.jsonl'}, {out / 'card.md'}")


def register(app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")
