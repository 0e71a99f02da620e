"""The stages of the cascade. Each takes the shared EvalContext and returns a StageResult;
the cascade stops at the first `fail` or `error`.

static -> build -> correctness -> race -> timing -> profile
"""

from __future__ import annotations

import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from ..errors import InfraError, SandboxUnavailable
from . import diagnostics, guards, mpirace, racecheck, ranks, races, ruststages, source, witness
from . import cudarun, cudastages
from ..toolchain import symbols
from . import measure
from .context import OPT_FLAGS, EvalContext
from .harness import CANARY_MARK, STDERR_CUT, CaseSpec, HarnessRun, run_harness
from .result import StageResult

Stage = Callable[[EvalContext], StageResult]


def static_stage(ctx: EvalContext) -> StageResult:
    spec = ctx.task.spec
    params = {"model": ctx.model.name}
    if missing := ctx.model.missing(ctx.toolchain):
        return StageResult(stage="static", status="error", detail=missing, feedback=missing, params=params)
    if ctx.model.language == "rust":
        return ruststages.static_stage(ctx, params)
    if ctx.model.language == "cuda":
        return cudastages.static_stage(ctx, params)
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
    if found := guards.before_build(ctx):
        return StageResult(stage="static", status="fail", feedback=guards.feedback(found), params=params,
                           metrics={"integrity": sorted({p.kind for p in found})})
    return StageResult(stage="static", status="ok", params=params)


def build_stage(ctx: EvalContext) -> StageResult:
    if ctx.model.language == "rust":
        return ruststages.build_stage(ctx)
    if ctx.model.language == "cuda":
        return cudastages.build_stage(ctx)
    flags = ctx.model.flags(ctx.toolchain)
    start_builds_ahead(ctx)
    binary, unit = ctx.build_program(ctx.source, flags)
    params = {"flags": [*flags.compile, *flags.link], "compiler": ctx.toolchain.cxx_version}
    metrics = {"cached": binary.cached, "build_s": round((unit.seconds if unit else 0) + binary.seconds, 3)}
    if not binary.ok:
        return StageResult(stage="build", status="fail", feedback=diagnostics.summarize(binary.log, ctx.task.spec.signature),
                           metrics=metrics, params=params)
    entry = ctx.compile_entry(flags, OPT_FLAGS)
    if unit and unit.path and entry.path and (hijacked := symbols.hijacked_symbols(unit.path, entry.path,
                                                                                       tuple(ctx.task.spec.overridable))):
        names = ", ".join(f"`{symbols.demangle(n)}`" for n in hijacked[:5])
        return StageResult(stage="build", status="fail", metrics=metrics, params=params,
                           feedback=f"the candidate defines {names}, which belong to the parevo harness or the C/C++ "
                                    f"runtime; a candidate may define only its own functions (make helpers static or "
                                    f"put them in an anonymous namespace)")
    if unit and unit.path and (found := guards.after_build(ctx, unit.path)):
        return StageResult(stage="build", status="fail", metrics={**metrics, "integrity": sorted({p.kind for p in found})},
                           params=params, feedback=guards.feedback(found))
    ctx.from_ahead("harness", ctx.harness)  # built once per task; a failure here is the verifier's
    ctx.binaries["candidate"] = binary
    warnings = [d for d in diagnostics.parse(unit.log if unit else "") if d.kind == "warning"]
    return StageResult(stage="build", status="ok", metrics={**metrics, "warnings": len(warnings)}, params=params)


def correctness_stage(ctx: EvalContext) -> StageResult:
    if ctx.model.language == "cuda":  # run only on a GPU: here, unscored
        return cudastages.run_stage(ctx)
    binary = ctx.binaries["candidate"].path
    families = ctx.families()
    threads = ctx.config.check_thread_counts()
    params = {"threads": threads, "size": ctx.size("check"), "families": families, "reps": ctx.config.check_reps,
              "seed": ctx.seed}

    def check_run(library=None) -> HarnessRun:
        # Passive waiting: an idle OpenMP thread then costs nothing, so the CPU a thread spends is work.
        return run_harness(ctx.harness().path, library or binary, ctx.cases(families, "check"), threads,
                           ctx.limits(ctx.config.check_wall_s), reps=ctx.config.check_reps,
                           env=ctx.run_env(passive=True), **ctx.harness_options())

    run = check_run()
    ctx.notes.extend(n for n in run.outcome.notes if n not in ctx.notes)
    if problem := run.failure():
        return StageResult(stage="correctness", status="fail", feedback=problem, params=params,
                           metrics={"runs_passed": len({c.threads for c in run.cases if c.valid} -
                                                       {c.threads for c in run.invalid}),
                                    "failed_families": [c.family for c in run.invalid]})
    seen = witness.assess(run.cases, ctx.model.name, share=witness.CHECK_SHARE)
    metrics = {"runs_passed": len(threads), "parallel_share": round(seen.best_share, 3)}
    if ctx.model.name in ranks.MODELS and ranks.sharing(run.cases):
        # Absence of sharing is claimed only when a second run of the same cases agrees: one loaded
        # moment (a rank polling in a collective while the others wait for a core) must not decide.
        again = check_run()
        problem = again.failure() or ranks.sharing(again.cases)
        if problem and not again.failure():
            # Judged as the task's expert reference is, where the check size cannot tell a serial
            # step at rank 0 from a serial program (the reference too is above the limit).
            problem = ranks.sharing(again.cases, reference_share=_reference_rank_share(ctx, check_run))
        if problem:
            return StageResult(stage="correctness", status="fail", feedback=problem, params=params, metrics=metrics)
    if seen.foreign or seen.forged:
        problem = witness.verdict(seen, ctx.model.name, f"check size, threads {threads}")
        return StageResult(stage="correctness", status="fail", feedback=problem, params=params, metrics=metrics)
    ctx.witnessed = seen.parallel or ctx.model.name not in witness.ALLOWED
    if not ctx.witnessed and not ctx.config.timing:
        ctx.notes.append("parallel work was not witnessed at the check size and the timing stage is off")
    return StageResult(stage="correctness", status="ok", params=params, metrics=metrics)



def _reference_rank_share(ctx: EvalContext, check_run) -> float | None:
    """The task's expert reference for this MPI model, run on the same cases: its busiest rank's
    share when it exceeds the absolute limit itself (the size cannot tell a serial step at rank 0
    from a serial program), else None (the absolute limit holds)."""
    source = ctx.task.reference_source(ctx.model.name)
    if not source or source == ctx.source:
        # the reference judged as the candidate: the first two runs were its own measurement
        return None if not source else ranks.busiest_share(check_run().cases)
    binary, _ = ctx.build_program(source, ctx.model.flags(ctx.toolchain))
    if not binary.ok:
        raise InfraError(f"the task's {ctx.model.name} reference does not build:\n{binary.log[-1500:]}")
    run = check_run(binary.path)
    share = None if run.failure() else ranks.busiest_share(run.cases)
    return share if share is not None and share > ranks.RANK_SHARE else None


def _canaries(stderr: str) -> dict[str, int]:
    """How many of the harness's own canary races the detector reported, by kind."""
    counts = {k: 0 for k in CANARY_MARK}
    for line in stderr.splitlines():
        if line.startswith("SUMMARY: ThreadSanitizer: data race"):
            for k, mark in CANARY_MARK.items():
                if line.rstrip().endswith(f"in {mark}"):
                    counts[k] += 1
    return counts


def _race_build(ctx: EvalContext) -> tuple:
    """The candidate built for the race detector, and the race harness: (library, object)."""
    recipe = ctx.model.race(ctx.toolchain)
    jitter = ()
    if ctx.model.name in ("openmp", "threads", "mpi+omp"):
        # Random sleeps at thread start and before sections/critical/single (no synchronisation, no
        # happens-before edge): which thread runs what varies between runs (verify/racecheck.py).
        obj = ctx.cache.compile_object(racecheck.PERTURB_C, ("-O1", "-fPIC"), [], None, "", name="parevo_perturb.c")
        if not obj.ok:
            raise InfraError("the scheduling jitter does not compile:\n" + obj.log[-1000:])
        jitter = (obj,)
    built = ctx.build_program(ctx.source, recipe.flags, opt=(), extra=jitter)
    if built[0].ok:
        ctx.harness(race=True)
    return built


def start_builds_ahead(ctx: EvalContext) -> None:
    """Starts the builds of the later stages beside the candidate's optimised build (compilers
    are single-threaded; `EvalConfig.overlap_builds`): the task's harness, the race build of a
    C++ model whose race stage will build one, and the baseline and reference of the timing
    stage. After a task's first evaluation only the race build is not a cache hit."""
    if not ctx.config.overlap_builds or ctx.model.language != "cxx":
        return
    ctx.start_ahead("harness", ctx.harness)
    recipe = ctx.model.race(ctx.toolchain)
    if not (recipe.proven or recipe.unavailable):
        ctx.start_ahead("race_build", lambda: _race_build(ctx))
    if ctx.config.timing:
        ctx.start_ahead("timing_builds", lambda: measure.timing_builds(ctx))


def race_stage(ctx: EvalContext) -> StageResult:
    if ctx.model.language == "cuda":  # compute-sanitizer on a GPU
        return cudarun.race_stage(ctx)
    recipe = ctx.model.race(ctx.toolchain)
    sizes = sorted({ctx.size("race"), ctx.size("check")})
    # Every thread count the correctness stage ran (above 1) as well as the configured ones: a
    # program may branch on the thread count, so no count it was judged at goes unchecked here.
    threads = sorted({*ctx.config.race_threads, *(t for t in ctx.config.check_thread_counts() if t > 1)})
    params = {"threads": threads, "runs": ctx.config.race_runs, "sizes": sizes}
    if recipe.proven:
        return StageResult(stage="race", status="ok", detail=recipe.proven, params={},
                           metrics={"checked": True, "by_construction": True})
    if recipe.unavailable:
        detail = f"race check unavailable for model '{ctx.model.name}': {recipe.unavailable}"
        return StageResult(stage="race", status="skipped", detail=detail, params=params, metrics={"checked": False})
    binary, unit = ctx.from_ahead("race_build", lambda: _race_build(ctx))
    if not binary.ok:
        # The optimised build passed. An unresolved name is the candidate's: code that exists only
        # at one optimisation level (a call -O3 folds away). Anything else is the sanitizer
        # toolchain's failure, not the candidate's.
        summary = diagnostics.summarize(binary.log, ctx.task.spec.signature)
        if "undefined reference" in binary.log:
            return StageResult(stage="race", status="fail", params=params,
                               feedback="the race build (-O1 -fsanitize=thread) does not link although the optimised "
                                        "build does: a candidate must build to the same program at every optimisation "
                                        "level.\n" + summary)
        return StageResult(stage="race", status="error", detail="the sanitizer build failed", feedback=summary,
                           params=params)
    harness = ctx.harness(race=True).path
    if ctx.model.name in ranks.MODELS:  # one MPI job per run, each rank judged on its own
        return mpirace.race_stage(ctx, binary.path, harness, sizes, params)
    families = ctx.families()
    all_reports: list[races.TsanReport] = []
    plan = [(r, [CaseSpec(c.family, size, c.seed) for size in sizes for c in ctx.cases(families, "race", seed_offset=r)],
             threads) for r in range(ctx.config.race_runs)]
    covered = ctx.size("timing") in sizes and set(ctx.timing_families()[:1]) <= set(families)
    if ctx.config.race_timing_size and ctx.timing_families() and not covered:
        # One call at the timing size: code may branch on any size, and only this one is larger
        # (where it equals a size checked above, with its family, the runs above covered it).
        plan.append((ctx.config.race_runs, ctx.cases(ctx.timing_families()[:1], "timing", seed_offset=2000), [2]))
        params["timing_size"] = ctx.size("timing")

    def race_run(cases: list[CaseSpec], counts: list[int]) -> HarnessRun:
        # race_wall_s is per pair of thread counts: a run covers every count in one process tree.
        limits = ctx.limits(ctx.config.race_wall_s * max(1, (len(counts) + 1) // 2), sanitizer=True)
        return run_harness(harness, binary.path, cases, counts, limits, env=ctx.run_env(passive=True), race=True,
                           debug_info=ctx.config.race_debug_info, files={"archer.supp": racecheck.ARCHER_SUPPRESSIONS},
                           **ctx.harness_options())

    # The runs are independent process trees (each waits mostly on thread start-up and the
    # detector's reports): several in flight at once, judged in plan order, so the verdict is
    # the one running them in turn would give (a later run's result is unused once one fails).
    with ThreadPoolExecutor(max_workers=max(1, min(ctx.config.race_parallel_runs, len(plan)))) as pool:
        # The call at the timing size (the longest, last in the plan) is started first.
        runs = [pool.submit(race_run, cases, counts) for _, cases, counts in reversed(plan)][::-1]
        for (r, cases, counts), future in zip(plan, runs):
            at_timing_size = r == ctx.config.race_runs
            run = future.result()
            reports = [rep for rep in races.parse(run.outcome.stderr)
                       if not any(mark in rep.text for mark in CANARY_MARK.values())]
            all_reports.extend(reports)
            metrics = {"checked": True, "runs": r + 1}
            if at_timing_size and not reports and run.outcome.status in ("timeout", "memory"):
                ctx.notes.append(f"the race build could not run at the timing size within the limits "
                                 f"({run.outcome.describe()}); it was checked at sizes {sizes}")
                break
            if verdict := _judge_race_run(ctx, run, reports, counts, params, metrics):
                for rest in runs:  # those not started yet are not needed
                    rest.cancel()
                return verdict
    other = sorted({rep.kind for rep in all_reports})
    detail = f"non-failing sanitizer reports: {', '.join(other)}" if other else ""
    return StageResult(stage="race", status="ok", params=params, detail=detail,
                       metrics={"checked": True, "runs": len(plan)})


def _judge_race_run(ctx: EvalContext, run, reports: list[races.TsanReport], threads: list[int], params: dict,
                    metrics: dict) -> StageResult | None:
    """The race stage's verdict on one run of the race build, or None when it found nothing."""
    if failing := [rep for rep in reports if rep.fails]:
        return StageResult(stage="race", status="fail", params=params, metrics={**metrics, "reports": len(failing)},
                           feedback="ThreadSanitizer reported:\n" + races.summarize(failing, ctx.source_lines))
    if problem := run.failure():
        return StageResult(stage="race", status="fail", params=params, metrics=metrics,
                           feedback=f"under the race detector: {problem}")
    seen = _canaries(run.outcome.stderr)
    truncated = "earlier bytes dropped]" in run.outcome.stderr[:200] or STDERR_CUT in run.outcome.stderr
    if seen["before"] < len(threads) and not truncated:
        return StageResult(stage="race", status="error", params=params, metrics=metrics,
                           detail="the race detector did not report the harness's own canary race before the "
                                  "candidate was loaded: the detector is not working here")
    if seen["after"] < len(run.canaries) or not all(run.canaries.values()) or truncated:
        why = ("the program wrote so much to stderr that the race detector's output was lost" if truncated else
               "the race detector stopped reporting while the candidate ran (the harness's own canary race, run "
               "after the candidate's last call, was not reported): a candidate must not switch off, redirect or "
               "silence the detector")
        return StageResult(stage="race", status="fail", params=params, metrics=metrics, feedback=why)
    return None


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

