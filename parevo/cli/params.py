"""Checks of command-line values that Click's own types (`exists=`, `dir_okay=`, `min=`) cannot
express, run while the arguments are parsed: a bad value ends in one line and exit 2 before
any work starts, not in a traceback after an hour of evolution."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Iterator

import typer

from ..errors import ParevoError


def parent_exists(value: Path | None) -> Path | None:
    """An output file's directory must exist now: the file is written only when the work is done."""
    if value is not None and not value.parent.is_dir():
        raise typer.BadParameter(f"{value}: directory {value.parent} does not exist")
    return value


def not_a_file(value: Path | None) -> Path | None:
    """An output directory (created when missing) must not be an existing file."""
    if value is not None and value.exists() and not value.is_dir():
        raise typer.BadParameter(f"{value} is a file, not a directory")
    return value


def check_model(task, model: str) -> None:
    """The parallel model is one the task accepts (and one parevo knows)."""
    from ..toolchain.models import get_model

    get_model(model)
    if model not in task.spec.models:
        raise ParevoError(f"task '{task.id}' does not accept model '{model}' (allowed: {', '.join(task.spec.models)})")


def check_llm_spec(spec: str, llm_section: dict) -> None:
    """Builds the provider once and drops it: an unknown scheme, a script file that is not
    there, an `openai:` spec without a model fail here, before any run state is written."""
    from ..llm.spec import LLMConfig, parse_llm_spec

    parse_llm_spec(spec, LLMConfig(**llm_section))


RAY_HELP = "Evaluate on a Ray cluster: its ADDRESS (host:port, 'auto'), or 'local' to start one here (docs/scale.md)."
_RAY_ADDRESS = re.compile(r"(ray://)?[A-Za-z0-9._-]+:[0-9]{1,5}")


def ray_address(value: str | None) -> str | None:
    """--ray: a head's HOST:PORT, `auto` or `local`; anything else would reach Ray's own parser
    (a traceback) or, worse, its connection retries (minutes)."""
    if value is None or value in ("local", "auto") or _RAY_ADDRESS.fullmatch(value):
        return value
    raise typer.BadParameter(f"'{value}': give a Ray head's HOST:PORT, 'auto' (on a node of a running cluster) "
                             f"or 'local' (a cluster on this machine)")


@contextlib.contextmanager
def executor_for(ray: str | None, console) -> Iterator:
    """The Ray cluster `--ray` names, connected before any work starts (a missing extra or
    cluster is one line) and closed after; None without --ray: the command's own local workers."""
    if ray is None:
        yield None
        return
    from ..verify.executor import make_executor

    executor = make_executor(ray)
    console.print(f"evaluations on {executor.name}: {executor.capacity} at once")
    try:
        yield executor
    finally:
        executor.close()
