"""The evaluation cascade: static -> build -> correctness -> race -> timing -> profile,
stopping at the first stage that fails. This is the one entry point every consumer (CLI,
agent, bench, corpus filters) calls."""

from __future__ import annotations

import datetime as dt
import os
import platform
import time
from typing import Callable

from ..version import __version__
from ..tasks import Task
from ..toolchain import models as pm
from ..toolchain import probe
from ..toolchain.build import BuildCache
from .config import EvalConfig
from .context import EvalContext
from .measure import profile_stage, timing_stage
from . import slots
from .result import STAGE_ORDER, EvalResult, StageResult
from .stages import STAGES, run_stage

ALL_STAGES = {**STAGES, "timing": timing_stage, "profile": profile_stage}
# Timing and profiling own the machine; every other stage shares it (verify/slots.py), except an
# MPI model's correctness stage, which measures how the ranks share the work (verify/ranks.py).
SLOT_OF = {"timing": slots.cpu_exclusive, "profile": slots.cpu_exclusive}
MEASURED_CORRECTNESS = {"mpi", "mpi+omp"}
Progress = Callable[[str, StageResult | None], None]  # (stage, None) on start, (stage, result) on end


def evaluate(
    task: Task,
    source: str,
    model: str,
    config: EvalConfig | None = None,
    *,
    cache: BuildCache | None = None,
    progress: Progress | None = None,
) -> EvalResult:
    config = config or EvalConfig()
    tc = probe.detect()
    ctx = EvalContext(task, pm.get_model(model), source, tc, cache or BuildCache(tc), config)
    result = EvalResult(
        task=task.id, task_version=task.spec.version, model=model, candidate_sha256=ctx.source_sha256,
        parevo_version=__version__, created_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        machine={"cpus": os.cpu_count(), "platform": platform.platform(), "compiler": tc.cxx_version},
    )
    start = time.monotonic()
    enabled = {"timing": config.timing, "profile": config.profile and config.timing}
    stopped = False
    for name in STAGE_ORDER:
        if stopped or not enabled.get(name, True):
            why = "an earlier stage did not pass" if stopped else "disabled by the configuration"
            result.stages.append(StageResult(stage=name, status="skipped", detail=why))
            continue
        if progress:
            progress(name, None)
        exclusive = name == "correctness" and model in MEASURED_CORRECTNESS
        with (slots.cpu_exclusive if exclusive else SLOT_OF.get(name, slots.cpu_shared))() as queued:
            began = time.time()
            stage_result = run_stage(name, ALL_STAGES[name], ctx)
            ctx.wait_ahead()  # builds started ahead run under this stage's slot, never past it
        stage_result.queued_s, stage_result.started_at = round(queued, 3), round(began, 3)
        result.stages.append(stage_result)
        if progress:
            progress(name, stage_result)
        stopped = stage_result.status in ("fail", "error")
    ctx.settle()
    result.notes = ctx.notes
    result.seconds = round(time.monotonic() - start, 3)
    return result
