"""`parevo finetune`: LoRA SFT on a `parevo corpus` directory (the `train` extra), and the commands
to benchmark the result. parevo starts no model server itself."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple, Optional

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from .params import not_a_file
from ..errors import ParevoError

console = Console()
SERVED_NAME = "parevo-ft"
DEFAULT_SERVE_URL = "http://127.0.0.1:8000/v1"


class BenchCommands(NamedTuple):
    serve: list[str]  # run by the user: parevo starts no server
    bench: list[str]


def bench_commands(merged: Path, tasks: str, serve_url: str | None,
                   served_name: str = SERVED_NAME) -> BenchCommands:
    url = serve_url or DEFAULT_SERVE_URL
    serve = ["vllm", "serve", str(merged), "--served-model-name", served_name, "--port", "8000"]
    bench = ["parevo", "bench", "--suite", "builtin", "--tasks", tasks,
             "--llm", f"openai:{served_name}@{url}",
             "--name", f"finetune-{merged.parent.name}"]
    return BenchCommands(serve, bench)


def finetune(
    data: Path = typer.Option(..., "--data", exists=True, file_okay=False, help="A parevo corpus directory: train.jsonl (and eval.jsonl)."),
    base_model: str = typer.Option(..., "--base-model", help="Local model directory or reachable hub name."),
    out: Path = typer.Option(..., "--out", callback=not_a_file, help="Writes adapter/, merged/ and train_summary.json here."),
    lora_r: int = typer.Option(16, "--lora-r", min=1, help="LoRA rank."),
    lora_alpha: int = typer.Option(32, "--lora-alpha", min=1, help="LoRA alpha (scale alpha/r)."),
    lora_dropout: float = typer.Option(0.05, "--lora-dropout", min=0.0, max=1.0, help="Dropout on the LoRA path."),
    target_modules: str = typer.Option("auto", "--target-modules",
                                       help="auto (per architecture), all-linear, or names: q_proj,v_proj."),
    epochs: float = typer.Option(1.0, "--epochs", min=0.001, help="Passes over train.jsonl (ignored with --max-steps)."),
    max_steps: Optional[int] = typer.Option(None, "--max-steps", min=1, help="Steps; overrides --epochs."),
    lr: float = typer.Option(2e-4, "--lr", min=0.0, help="Peak learning rate (linear decay)."),
    batch_size: int = typer.Option(4, "--batch-size", min=1, help="Examples per device per step."),
    grad_accum: int = typer.Option(1, "--grad-accum", min=1, help="Gradient accumulation steps."),
    max_length: int = typer.Option(2048, "--max-length", min=1, help="Tokens per example (longer: truncated)."),
    seed: int = typer.Option(0, "--seed", help="Seeds LoRA init, data order and dropout."),
    logging_steps: int = typer.Option(10, "--logging-steps", min=1, help="Log the loss every N steps."),
    gradient_checkpointing: bool = typer.Option(False, "--gradient-checkpointing",
                                                help="Less memory, slower."),
    bench_after: Optional[str] = typer.Option(
        None, "--bench-after", help="Comma-separated built-in task ids to bench the merged model on."),
    serve_url: Optional[str] = typer.Option(
        None, "--serve-url", help="OpenAI-compatible URL serving OUT/merged: --bench-after runs the bench "
                                  "(without it, the commands are printed)."),
    served_name: str = typer.Option(SERVED_NAME, "--served-name", help="The model name the server serves."),
) -> None:
    """LoRA supervised fine-tuning on a parevo corpus; saves the adapter, a merged model and a summary."""
    from ..train import FinetuneConfig, require_train_extra
    from ..train import finetune as run_finetune

    if serve_url and not bench_after:
        raise ParevoError("--serve-url is used only with --bench-after TASKS")
    require_train_extra()
    try:
        cfg = FinetuneConfig(data_dir=data, base_model=base_model, out=out, lora_r=lora_r,
                             lora_alpha=lora_alpha, lora_dropout=lora_dropout, target_modules=target_modules,
                             epochs=epochs, max_steps=max_steps, lr=lr, batch_size=batch_size,
                             grad_accum=grad_accum, max_length=max_length, seed=seed,
                             logging_steps=logging_steps, gradient_checkpointing=gradient_checkpointing)
    except ValidationError as exc:
        e = exc.errors()[0]
        raise ParevoError(f"--{str(e['loc'][0]).replace('_', '-')} {e['input']}: {e['msg']}") from None
    result = run_finetune(cfg, log=lambda line: console.print(escape(line)))
    s = result.summary
    console.print(f"[bold]finetuned[/] {s['steps']} steps, loss {s['loss_first']:.4f} -> {s['loss_last']:.4f}"
                  + (f", eval loss {s['eval_loss_before']:.4f} -> {s['eval_loss_after']:.4f}"
                     if s["eval_loss_after"] is not None else ""))
    console.print(f"adapter  {result.adapter}\nmerged   {result.merged}\nsummary  {result.summary_path}")
    if bench_after:
        bench_after_training(result.merged, bench_after, serve_url, served_name)


def bench_after_training(merged: Path, tasks: str, serve_url: str | None,
                         served_name: str = SERVED_NAME) -> None:
    """With a URL serving the merged model, run the bench; without one, print how to."""
    cmds = bench_commands(merged, tasks, serve_url, served_name)
    if not serve_url:
        console.print("to benchmark it, serve the merged model, then run the bench:")
        console.print(f"  {escape(shlex.join(cmds.serve))}", soft_wrap=True)  # unbroken, for copy-paste
        console.print(f"  {escape(shlex.join(cmds.bench))}", soft_wrap=True)
        return
    console.print(f"bench: {escape(shlex.join(cmds.bench))}", soft_wrap=True)
    # The same interpreter, so the bench runs with this parevo even when `parevo` is not on PATH.
    code = subprocess.call([sys.executable, "-m", "parevo.cli", *cmds.bench[1:]])
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(finetune)
