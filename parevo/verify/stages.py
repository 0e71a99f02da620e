"""The stages of the cascade. Each takes the shared EvalContext and returns a StageResult;
the cascade stops at the first `fail` or `error`.

static -> build -> correctness -> race -> timing -> profile
"""

from __future__ import annotations

import time
import traceback
from typing import Callable

from ..errors import InfraError, SandboxUnavailable
from . import diagnostics, races, source
from ..toolchain import symbols
from .context import HARNESS_RACE_FLAGS, OPT_FLAGS, EvalContext
from .harness import run_harness
from .result import StageResult

Stage = Callable[[EvalContext], StageResult]


def static_stage(ctx: EvalContext) -> StageResult:
    spec = ctx.task.spec
    params = {"model": ctx.model.name}
    if missing := ctx.model.missing(ctx.toolchain):
        return StageResult(stage="static", status="error", detail=missing, feedback=missing, params=params)
    if ctx.model.name not in spec.models:
        msg = f"task '{spec.id}' does not accept model '{ctx.model.name}' (allowed: {', '.join(spec.models)})"
        return StageResult(stage="static", status="fail", feedback=msg, params=params)
    stripped = source.strip_comments_and_strings(ctx.source)
    problems = []
    if m := source.MAIN_DEFINITION.search(stripped):
        problems.append(f"candidate.cpp:{stripped.count(chr(10), 0, m.start()) + 1} defines main(); the harness owns main(), "
                        f"write only the function")
    if not source.defines_function(stripped, spec.function):
        problems.append(f"the candidate must define `{spec.signature}`; no definition of `{spec.function}` was found")
    if usage := ctx.model.check_usage(stripped):
        problems.append(usage)
    if problems:
        return StageResult(stage="static", status="fail", feedback="\n".join(problems), params=params)
    return StageResult(stage="static", status="ok", params=params)


def build_stage(ctx: EvalContext) -> StageResult:
    flags = ctx.model.flags(ctx.toolchain)
    binary, unit = ctx.build_program(ctx.source, flags)
    params = {"flags": [*flags.compile, *flags.link], "compiler": ctx.toolchain.cxx_version}
    metrics = {"cached": binary.cached, "build_s": round((unit.seconds if unit else 0) + binary.seconds, 3)}
    if not binary.ok:
        return StageResult(stage="build", status="fail", feedback=diagnostics.summarize(binary.log, ctx.task.spec.signature),
                           metrics=metrics, params=params)
    harness = ctx.compile_harness(flags, OPT_FLAGS)
    if unit and unit.path and harness.path and (hijacked := symbols.hijacked_symbols(unit.path, harness.path,
                                                                                         tuple(ctx.task.spec.overridable))):
        names = ", ".join(f"`{symbols.demangle(n)}`" for n in hijacked[:5])
        return StageResult(stage="build", status="fail", metrics=metrics, params=params,
                           feedback=f"the candidate defines {names}, which belong to the parevo harness or the C/C++ "
                                    f"runtime; a candidate may define only its own functions (make helpers static or "
                                    f"put them in an anonymous namespace)")
    ctx.binaries["candidate"] = binary
    warnings = [d for d in diagnostics.parse(unit.log if unit else "") if d.kind == "warning"]
    return StageResult(stage="build", status="ok", metrics={**metrics, "warnings": len(warnings)}, params=params)


def correctness_stage(ctx: EvalContext) -> StageResult:
    binary = ctx.binaries["candidate"].path
    families = ctx.families()
    params = {"threads": ctx.config.check_threads, "size": ctx.size("check"), "families": families,
              "reps": ctx.config.check_reps, "seed": ctx.config.seed}
    checked = 0
    for threads in ctx.config.check_threads:
        run = run_harness(binary, ctx.cases(families, "check"), threads, ctx.limits(ctx.config.check_wall_s),
                          reps=ctx.config.check_reps)
        ctx.notes.extend(n for n in run.outcome.notes if n not in ctx.notes)
        if problem := run.failure():
            return StageResult(stage="correctness", status="fail", feedback=problem, params=params,
                               metrics={"runs_passed": checked, "failed_families": [c.family for c in run.invalid]})
        checked += 1
    return StageResult(stage="correctness", status="ok", params=params, metrics={"runs_passed": checked})


def race_stage(ctx: EvalContext) -> StageResult:
    recipe = ctx.model.race(ctx.toolchain)
    params = {"threads": ctx.config.race_threads, "runs": ctx.config.race_runs, "size": ctx.size("race")}
    if recipe.unavailable:
        detail = f"race check unavailable for model '{ctx.model.name}': {recipe.unavailable}"
        return StageResult(stage="race", status="skipped", detail=detail, params=params, metrics={"checked": False})
    binary, unit = ctx.build_program(ctx.source, recipe.flags, opt=(), harness_opt=HARNESS_RACE_FLAGS)
    if not binary.ok:
        # The optimised build passed, so a failure here is the sanitizer toolchain's, not the candidate's.
        return StageResult(stage="race", status="error", detail="the sanitizer build failed",
                           feedback=diagnostics.summarize(binary.log, ctx.task.spec.signature), params=params)
    env = {**recipe.env, "TSAN_OPTIONS": "halt_on_error=0 exitcode=0 report_thread_leaks=0 "
           "ignore_noninstrumented_modules=1 history_size=3 log_path={workdir}/tsan"}
    families = ctx.families()
    all_reports: list[races.TsanReport] = []
    runs = 0
    for threads in ctx.config.race_threads:
        for r in range(ctx.config.race_runs):
            run = run_harness(binary.path, ctx.cases(families, "race", seed_offset=r), threads,
                              ctx.limits(ctx.config.race_wall_s, sanitizer=True), env=env, keep_files=("tsan*",))
            runs += 1
            reports = [rep for text in run.files.values() for rep in races.parse(text)]
            all_reports.extend(reports)
            failing = [rep for rep in reports if rep.fails]
            if failing:
                return StageResult(
                    stage="race", status="fail", params=params,
                    feedback=f"ThreadSanitizer ({threads} threads) reported:\n" + races.summarize(failing, ctx.source_lines),
                    metrics={"checked": True, "runs": runs, "reports": len(failing)},
                )
            if problem := run.failure():
                return StageResult(stage="race", status="fail", params=params,
                                   feedback=f"under the race detector: {problem}", metrics={"checked": True, "runs": runs})
    other = sorted({rep.kind for rep in all_reports})
    detail = f"non-failing sanitizer reports: {', '.join(other)}" if other else ""
    return StageResult(stage="race", status="ok", params=params, detail=detail, metrics={"checked": True, "runs": runs})


STAGES: dict[str, Stage] = {
    "static": static_stage,
    "build": build_stage,
    "correctness": correctness_stage,
    "race": race_stage,
}


def run_stage(name: str, stage: Stage, ctx: EvalContext) -> StageResult:
    """Times the stage and turns infrastructure failures into `error`, never `fail`."""
    start = time.monotonic()
    try:
        result = stage(ctx)
    except (InfraError, SandboxUnavailable) as exc:
        result = StageResult(stage=name, status="error", detail=str(exc), feedback=f"verifier error: {exc}")
    except Exception as exc:  # noqa: BLE001 - a verifier bug must cost one stage, not the caller's whole run
        detail = "".join(traceback.format_exception(exc))[-3000:]
        result = StageResult(stage=name, status="error", detail=detail, feedback=f"verifier error (a parevo bug): {exc!r}")
    result.seconds = round(time.monotonic() - start, 3)
    return result

