"""The task prompts (system, model guidance, write/improve, repair) of the agent, the one-shot
benchmark and the corpus's run-derived pairs, rendered from the Jinja2 templates in
`prompting/templates/`.

The templates hold the words; this module only gathers what they need (task, model guidance,
parent with metrics, inspirations, failed children) so a user can change the wording — or
the whole system prompt, through the config — without touching code.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from . import render, render_text
from ..llm import Message
from ..runstore import ProgramRow
from ..tasks import Task
from ..toolchain import models as pm

PROMPTS_DIR = Path(__file__).parent / "templates"


class Choice(NamedTuple):
    """What an improve/repair prompt is about: the parent, inspirations and failed children
    (chosen by the agent's population; a one-shot prompt is Choice(None, "scratch", [], []))."""

    parent: ProgramRow | None
    mode: str  # "improve": a viable parent to speed up; "repair": nothing viable yet, parent = the start; "scratch": no start
    inspirations: list[ProgramRow]
    failed_children: list[ProgramRow]


SCRATCH = Choice(None, "scratch", [], [])


def _render(name: str, **ctx) -> str:
    return render(PROMPTS_DIR, name, **ctx)


def _common(task: Task, model: str) -> dict:
    common = {"model": model, "model_title": pm.title(model), "cpus": os.cpu_count() or 1,
              "signature": task.spec.signature, "race_tool": pm.race_tool(model), "language": "cxx", "fence": "cpp",
              "thread_hint": "OMP_NUM_THREADS / PAREVO_NUM_THREADS / PARLAY_NUM_THREADS are set by the harness"}
    if model in pm.MODELS and pm.MODELS[model].language == "rust":
        view = _rust_view(task)
        common.update(language="rust", fence="rust", signature=view.signature if view else task.spec.signature,
                      thread_hint="parevo sizes Rayon's global pool to the thread count under test")
    return common


def _rust_view(task: Task):
    from ..verify.rustbuild import task_spec

    return task_spec(task.root)


def system_prompt(task: Task, model: str, override: str | None = None) -> str:
    if override:
        return render_text(override, **_common(task, model))
    return _render("system.j2", **_common(task, model))


def guidance(model: str) -> str:
    name = f"guidance/{model}.j2"
    return _render(name) if (PROMPTS_DIR / name).is_file() else ""


def mutate_messages(task: Task, model: str, choice: Choice, *, edit: str, system: str | None = None) -> list[Message]:
    user = _render("mutate.j2", **_common(task, model), task=_task_view(task, model), guidance=guidance(model),
                   parent=choice.parent, inspirations=choice.inspirations, failed_children=choice.failed_children,
                   mode=choice.mode, edit=edit)
    return [Message(role="system", content=system_prompt(task, model, system)), Message(role="user", content=user)]


def repair_messages(history: list[Message], reply: str, *, stage: str, feedback: str, code: str | None,
                    edit: str, fence: str = "cpp") -> list[Message]:
    """Continue the same conversation: the model sees what it wrote and what the verifier said."""
    user = _render("repair.j2", stage=stage, feedback=feedback, code=code, edit=edit, fence=fence)
    return [*history, Message(role="assistant", content=reply), Message(role="user", content=user)]


def _task_view(task: Task, model: str = "") -> dict:
    view = {"title": task.title, "statement": task.statement.strip(), "signature": task.spec.signature,
            "types_header": task.types_header.strip(), "rust_types": ""}
    if model in pm.MODELS and pm.MODELS[model].language == "rust" and (rust := _rust_view(task)):
        view.update(signature=rust.signature, rust_types=rust.types)
    return view
