"""Prompts of the agent, rendered from Jinja2 templates shipped in `evolve/prompts/`.

The templates hold the words; this module only gathers what they need (task, model guidance,
parent with metrics, inspirations, failed children) so a user can change the wording — or
the whole system prompt, through the config — without touching code.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2

from ..llm import Message
from ..tasks import Task
from ..toolchain import models as pm
from .population import Choice

PROMPTS_DIR = Path(__file__).parent / "prompts"
MODEL_TITLES = {"openmp": "OpenMP", "parlay": "ParlayLib", "threads": "C++ std::thread", "tbb": "oneTBB",
                "serial": "sequential C++"}
RACE_TOOLS = {"openmp": "LLVM Archer/ThreadSanitizer", "threads": "ThreadSanitizer", "parlay": "ThreadSanitizer",
              "tbb": "none available for TBB", "serial": "ThreadSanitizer"}

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(PROMPTS_DIR)), undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)


def _render(name: str, **ctx) -> str:
    text = _env.get_template(name).render(**ctx)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def _common(task: Task, model: str) -> dict:
    return {"model": model, "model_title": MODEL_TITLES.get(model, model), "cpus": os.cpu_count() or 1,
            "signature": task.spec.signature, "race_tool": RACE_TOOLS.get(model, "ThreadSanitizer"),
            "thread_hint": "OMP_NUM_THREADS / PAREVO_NUM_THREADS / PARLAY_NUM_THREADS are set by the harness"}


def system_prompt(task: Task, model: str, override: str | None = None) -> str:
    if override:
        return jinja2.Template(override, undefined=jinja2.StrictUndefined).render(**_common(task, model)).strip() + "\n"
    return _render("system.j2", **_common(task, model))


def guidance(model: str) -> str:
    name = f"guidance/{model}.j2"
    return _render(name) if (PROMPTS_DIR / name).is_file() else ""


def mutate_messages(task: Task, model: str, choice: Choice, *, edit: str, system: str | None = None) -> list[Message]:
    user = _render("mutate.j2", **_common(task, model), task=_task_view(task), guidance=guidance(model),
                   parent=choice.parent, inspirations=choice.inspirations, failed_children=choice.failed_children,
                   mode=choice.mode, edit=edit)
    return [Message(role="system", content=system_prompt(task, model, system)), Message(role="user", content=user)]


def repair_messages(history: list[Message], reply: str, *, stage: str, feedback: str, code: str | None,
                    edit: str) -> list[Message]:
    """Continue the same conversation: the model sees what it wrote and what the verifier said."""
    user = _render("repair.j2", stage=stage, feedback=feedback, code=code, edit=edit)
    return [*history, Message(role="assistant", content=reply), Message(role="user", content=user)]


def _task_view(task: Task) -> dict:
    return {"title": task.title, "statement": task.statement.strip(), "signature": task.spec.signature,
            "types_header": task.types_header.strip()}
