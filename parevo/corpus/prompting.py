"""The corpus prompts, rendered from the Jinja2 templates in `corpus/prompts/`: the words live
in the templates, this module only gathers what they need."""

from __future__ import annotations

import os
from pathlib import Path

from ..prompting import render
from ..llm import Message
from ..toolchain import models as pm
from ..toolchain import probe
from .replies import Draft
from .seeds import Seed

PROMPTS_DIR = Path(__file__).parent / "prompts"


def _render(name: str, **ctx) -> str:
    return render(PROMPTS_DIR, name, **ctx)


def _common(seed: Seed) -> dict:
    model = pm.get_model(seed.model)
    flags = model.flags(probe.detect())
    task = None
    if seed.task:
        from ..tasks import get_task

        t = get_task(seed.task)
        task = {"title": t.title, "statement": t.statement.strip(), "signature": t.spec.signature,
                "types_header": t.types_header.strip()}
    return {"model_title": pm.title(seed.model), "race_tool": pm.race_tool(seed.model),
            "flags": " ".join(("-O3", *flags.compile)) or "-O3", "cpus": os.cpu_count() or 1,
            "usage": model.summary, "thread_hint": "OMP_NUM_THREADS / PARLAY_NUM_THREADS are set for each run",
            "topic": seed.topic, "primitive": seed.primitive, "task": task}


def generate_messages(seed: Seed) -> list[Message]:
    ctx = _common(seed)
    return [Message(role="system", content=_render("system.j2", **ctx)),
            Message(role="user", content=_render("generate.j2", **ctx))]


def critique_messages(seed: Seed, draft: Draft) -> list[Message]:
    ctx = _common(seed)
    return [Message(role="system", content=_render("system.j2", **ctx)),
            Message(role="user", content=_render("critique.j2", **ctx, draft=draft))]


def refine_messages(seed: Seed, history: list[Message], reply: str, score: float | None, critique: str) -> list[Message]:
    """The generator's own conversation, continued: it sees what it wrote and what the critic said."""
    user = _render("refine.j2", **_common(seed), score=None if score is None else f"{score:g}", critique=critique)
    return [*history, Message(role="assistant", content=reply), Message(role="user", content=user)]
