"""The timing and profile stages: the sequential baseline, the candidate across a thread
sweep and the expert reference, timed on the same large inputs in the same run, one at a
time (the cascade holds the exclusive CPU slot of verify/slots.py around these stages), then hardware counters with `perf stat`.

Speedup = baseline median / candidate median on the same input; the task-level figure is the
geometric mean over the timing families; efficiency = speedup / threads.
"""

from __future__ import annotations

import hashlib
from typing import Callable, NamedTuple

from ..toolchain import models as pm
from . import baselines, contention, inputcache, witness
from .context import EvalContext
from .harness import CaseSpec, HarnessRun, Wrapper, run_harness
from .result import StageResult
from .timing import TimingStats, geomean

PERF_EVENTS = ("task-clock", "context-switches", "cpu-migrations", "page-faults",
               "cycles", "instructions", "cache-references", "cache-misses", "branch-misses")


def _build_or_error(ctx: EvalContext, role: str, source: str, model: pm.ParallelModel) -> None:
    if role in ctx.binaries:
        return
    binary, _ = ctx.build_program(source, model.flags(ctx.toolchain))
    if not binary.ok:
        from ..errors import InfraError

        raise InfraError(f"the task's {role} does not build:\n{binary.log[-1500:]}")
    ctx.binaries[role] = binary


def timing_builds(ctx: EvalContext) -> None:
    """The programs the candidate is timed against: the sequential baseline and the expert
    reference (task-wide, so cache hits after a task's first evaluation)."""
    _build_or_error(ctx, "baseline", ctx.task.baseline_source, pm.MODELS["serial"])
    if ref_model := _reference_model(ctx):
        _build_or_error(ctx, "reference", ctx.task.reference_source(ref_model) or "", pm.MODELS[ref_model])


class Timed(NamedTuple):
    run: HarnessRun
    contention: contention.Contention | None  # None: /proc/stat unreadable, other use unknown
    attempts: int


def _timing_env(ctx: EvalContext) -> dict[str, str]:
    """The environment of every timed run (and of the witness runs judged beside them)."""
    policy = ctx.config.timing_wait_policy
    return {**ctx.run_env(), **({"OMP_WAIT_POLICY": policy} if policy else {})}


def _input_cache(ctx: EvalContext) -> inputcache.InputCache | None:
    """The shared cache of this task build's timing inputs (None: off, or it cannot be kept from
    the candidate here)."""
    cfg = ctx.config
    return inputcache.for_harness(ctx.harness().path, cfg.input_cache_bytes) if cfg.input_cache else None


def _timed(ctx: EvalContext, role: str, threads: list[int], seed: int, wall_s: float | None = None) -> Timed:
    """One harness run: each timing input is generated once and timed at every thread count.

    A run that overlapped other CPU use on the machine is run again, up to `contention_retimes`
    times; the least contended run is kept and still says it was contended if all were."""
    families = ctx.timing_families()
    kept: Timed | None = None
    for attempt in range(1, ctx.config.contention_retimes + 2):
        before = contention.sample()
        run = run_harness(ctx.harness().path, ctx.binaries[role].path,
                          [CaseSpec(f, ctx.size("timing"), seed) for f in families], threads,
                          ctx.limits(wall_s or ctx.config.timing_wall_s), warmup=ctx.config.warmup, reps=ctx.config.reps,
                          target_ci=ctx.config.target_ci, min_reps=ctx.config.min_reps, env=_timing_env(ctx),
                          input_cache=_input_cache(ctx), **ctx.harness_options())
        after = contention.sample()
        seen = (contention.between(before, after, ctx.config.contention_max_cores, sandboxed_cpu_s=run.outcome.cpu_s)
                if before and after else None)
        if run.failure() or seen is None or not seen.contended:
            return Timed(run, seen, attempt)  # a failure on a re-run is the candidate's, as on the first
        if kept is None or kept.contention is None or seen.other_cores < kept.contention.other_cores:
            kept = Timed(run, seen, attempt)
        kept = kept._replace(attempts=attempt)
    assert kept is not None
    return kept


# A clock reading below the steady clock's resolution must not divide by zero.
MIN_TIME_S = 1e-9


def _stats(run: HarnessRun, threads: int) -> dict[str, TimingStats]:
    return {c.family: TimingStats.of([max(t, MIN_TIME_S) for t in c.times])
            for c in run.at(threads) if c.valid and c.times}


# A reference of another model stands in for the candidate's own only where it runs the way any
# shared-memory candidate does (one harness process, no launcher, no device, no runtime the
# harness must start): in this order of preference.
STAND_IN_REFERENCES = ("openmp", "parlay", "threads", "tbb", "rayon")


def _reference_model(ctx: EvalContext) -> str | None:
    refs = ctx.task.spec.references
    if not ctx.config.compare_reference or not refs:
        return None
    if ctx.model.name in refs and not ctx.model.missing(ctx.toolchain):
        return ctx.model.name
    return next((m for m in STAND_IN_REFERENCES if m in refs and not pm.MODELS[m].missing(ctx.toolchain)), None)


def _witness_at(ctx: EvalContext, role: str, model: str, size: int, p: int, min_call: int) -> witness.Witness | str:
    """The witness of one call per timing family at `size` and `p` threads (after a warm-up call, so
    that starting a thread team is not counted as work), or why the run failed."""
    families = ctx.timing_families()
    run = run_harness(ctx.harness().path, ctx.binaries[role].path,
                      [CaseSpec(f, size, ctx.seed + 2000) for f in families], [p],
                      ctx.limits(ctx.config.timing_wall_s), warmup=1, reps=1, env=_timing_env(ctx), **ctx.harness_options())
    return run.failure() or witness.assess(run.at(p), model, min_call)


# Sizes at which parallel work is judged again, as multiples of the last one; there a call counts
# only from 5 ms of CPU time, where starting and waking a team is lost in the work.
ESCALATION = 8
ESCALATED_MIN_CALL_NS = 5_000_000


def _parallelism(ctx: EvalContext, run: HarnessRun, reference_run: Callable[[], HarnessRun | None],
                 ref_model: str | None, p: int) -> str:
    """Whether the timed candidate really worked in parallel: '' or the failure.

    Absence of parallel work is claimed only where the task's expert reference is seen working in
    parallel: an honest program may go serial below a cut-off (ParlayLib's integer sort does below
    2^17 keys), so a size where the reference is serial too proves nothing. Where the timing size
    cannot decide (every call too short, or the reference serial as well), both are run once more
    at 8x the size, up to the task's own timing size: a small configured size is never a way
    around the check."""
    passive = ctx.config.timing_wait_policy == "passive"
    min_call = witness.MIN_CALL_NS if passive else witness.MIN_SPINNING_CALL_NS
    model = ctx.model.name
    seen = witness.assess(run.at(p), model, min_call)
    if seen.forged or seen.foreign or model not in witness.ALLOWED or (seen.decided and seen.parallel):
        return witness.verdict(seen, model, f"timing size, {p} threads")
    ref_run = reference_run() if ref_model in witness.ALLOWED else None
    judge_ref = bool(ref_run is not None and not ref_run.failure())
    if seen.decided:
        ref_seen = witness.assess(ref_run.at(p), ref_model, min_call) if judge_ref else None
        if ref_seen is None or (ref_seen.decided and ref_seen.parallel):
            return witness.verdict(seen, model, f"timing size, {p} threads")
    size, top = ctx.size("timing"), ctx.task.spec.sizes.timing
    min_call = max(min_call, ESCALATED_MIN_CALL_NS)
    while size < top:
        size = min(top, size * ESCALATION)
        cand = _witness_at(ctx, "candidate", model, size, p, min_call)
        if isinstance(cand, str):
            return f"at size {size}, where parallel work was judged again: {cand}"
        if cand.forged or cand.foreign or cand.parallel:
            return witness.verdict(cand, model, f"size {size}, {p} threads")
        if not cand.decided:
            continue
        if judge_ref:
            ref = _witness_at(ctx, "reference", ref_model, size, p, min_call)
            if isinstance(ref, str) or not ref.parallel:
                continue  # the reference is serial (or too quick to judge) here too
        return witness.verdict(cand, model, f"size {size}, {p} threads, where the reference works in parallel")
    if not seen.decided and size == ctx.size("timing"):
        ctx.notes.append("parallel work could not be witnessed: every timed call was too short to judge")
    else:
        ctx.notes.append(f"parallel work was not witnessed up to size {size}, where the task's reference "
                         f"does not show it either")
    return ""


# Beyond the calls themselves a timed run starts processes (mpirun once per rank count), generates
# each input and validates every call's output: none of it is the candidate's, so the budget adds it.
BUDGET_SLACK_S = 10.0


class Budget(NamedTuple):
    k: float
    wall_s: float  # the candidate's timed run is stopped here


def _budget(ctx: EvalContext, base: dict[str, TimingStats], base_wall_s: float | None, threads: int) -> Budget | None:
    """The candidate's timed run may take k x what the baseline's calls took, at every thread count,
    plus what is not the candidate's: input generation and validation, estimated from the
    baseline's own run (or, when its timing was reused, as one more baseline call per call), and
    process start-up. None when there is no budget or it would not come before timing_wall_s."""
    k = ctx.config.timing_budget
    if not k or not base:
        return None
    per_run = (ctx.config.warmup + ctx.config.reps) * sum(b.median for b in base.values())
    overhead = (base_wall_s - per_run) if base_wall_s and base_wall_s > per_run else per_run
    wall = k * per_run * threads + overhead * (threads + 1) + BUDGET_SLACK_S
    return Budget(k, wall) if wall < ctx.config.timing_wall_s else None


def _too_slow(params: dict, budget: Budget, sweep: list[int]) -> StageResult:
    """Correct (it passed every check) but stopped at its time budget: its own outcome, with the
    speedup it cannot have exceeded."""
    bound = 1.0 / budget.k
    return StageResult(stage="timing", status="fail", params=params,
                       feedback=(f"correct but too slow: the timed run was stopped after {budget.wall_s:.0f} s, its "
                                 f"budget of {budget.k:g} x the sequential baseline's time (speedup below {bound:.2g})"),
                       metrics={"too_slow": True, "timing_budget": budget.k, "budget_s": budget.wall_s,
                                "speedup": bound, "speedup_bound": "upper",
                                "speedup_by_threads": {str(t): bound for t in sweep}})


def timing_stage(ctx: EvalContext) -> StageResult:
    if ctx.model.language == "cuda":  # one GPU, no thread sweep
        from . import cudarun

        return cudarun.timing_stage(ctx)
    sweep = ctx.config.sweep()
    p = max(sweep)
    params = {"threads": sweep, "size": ctx.size("timing"), "families": ctx.timing_families(),
              "warmup": ctx.config.warmup, "reps": ctx.config.reps, "target_ci": ctx.config.target_ci}
    ctx.from_ahead("timing_builds", lambda: timing_builds(ctx))
    ref_model = _reference_model(ctx)
    reuse = _reuse_plan(ctx, ref_model, p)
    ctx.timing_seed = reuse.seed
    params["timing_inputs"] = f"shared set {reuse.key[:12]}" if reuse.key else "this evaluation's seed"
    timed: dict[str, Timed] = {}
    base = None if reuse.measure else reuse.entry.stats("baseline")
    if base is None:
        timed["baseline"] = _timed(ctx, "baseline", [1], reuse.seed)
        if problem := timed["baseline"].run.failure():
            from ..errors import InfraError

            raise InfraError(f"the task's baseline failed at timing size: {problem}")
        base = _stats(timed["baseline"].run, 1)
    budget = _budget(ctx, base, timed["baseline"].run.outcome.wall_s if "baseline" in timed else None, len(sweep))
    if budget:
        params["timing_budget"] = budget.k
    timed["candidate"] = _timed(ctx, "candidate", sweep, reuse.seed, budget.wall_s if budget else None)
    run = timed["candidate"].run
    if budget and run.outcome.status == "timeout":
        return _too_slow(params, budget, sweep)
    if problem := run.failure():
        return StageResult(stage="timing", status="fail", params=params, feedback=f"at timing size: {problem}")
    cand = {t: _stats(run, t) for t in sweep}

    def reference_run() -> HarnessRun | None:
        """Timed when its timing is not reused, else only if the parallel-work check needs it."""
        if ref_model and "reference" not in timed:
            timed["reference"] = _timed(ctx, "reference", [p], reuse.seed)
        return timed["reference"].run if ref_model else None

    ref = None if reuse.measure or not ref_model else reuse.entry.stats("reference")
    if ref_model and ref is None and not (ref_run := reference_run()).failure():
        ref = _stats(ref_run, p)
    if not ctx.witnessed and (problem := _parallelism(ctx, run, reference_run, ref_model, p)):
        return StageResult(stage="timing", status="fail", params=params, feedback=problem)
    drift = _remember(reuse, timed, p)
    families: dict[str, dict] = {}
    for fam, b in base.items():
        row: dict = {"baseline_s": b.median, "baseline_spread": b.spread,
                     "candidate_s": {str(t): cand[t][fam].median for t in sweep},
                     "spread": {str(t): cand[t][fam].spread for t in sweep},
                     "speedup": {str(t): b.median / cand[t][fam].median for t in sweep}}
        if ref and fam in ref:
            row["reference_s"] = ref[fam].median
            row["speedup_vs_reference"] = ref[fam].median / cand[p][fam].median
        families[fam] = row
    by_threads = {str(t): geomean([families[f]["speedup"][str(t)] for f in families]) for t in sweep}
    metrics: dict = {
        "threads_max": p,
        "speedup": by_threads[str(p)],
        "efficiency": by_threads[str(p)] / p,
        "speedup_by_threads": by_threads,
        "efficiency_by_threads": {t: s / int(t) for t, s in by_threads.items()},
        "max_spread": max([max(r["spread"].values()) for r in families.values()] + [0.0]),
        "families": families,
        **_contention_metrics(timed),
        "timings_reused": [r for r in ("baseline", "reference") if r not in timed and (r == "baseline" or ref_model)],
    }
    if drift:
        metrics["timing_drift"] = drift  # how far a scheduled re-measurement moved the stored medians
    if ref:
        metrics["reference_model"] = ref_model
        metrics["speedup_vs_reference"] = geomean([r["speedup_vs_reference"] for r in families.values()
                                                   if "speedup_vs_reference" in r])
    return StageResult(stage="timing", status="ok", params=params, metrics=metrics)


class Reuse(NamedTuple):
    key: str  # '' when timings are not reused
    entry: baselines.TimingSet | None
    seed: int  # the seed of every compared timing input
    measure: bool  # measure the baseline and reference now (first time, or a scheduled drift check)


def _reuse_plan(ctx: EvalContext, ref_model: str | None, p: int) -> Reuse:
    cfg = ctx.config
    if not cfg.reuse_timings:
        return Reuse("", None, ctx.seed + 1000, True)
    ref_source = ctx.task.reference_source(ref_model) if ref_model else None
    key = baselines.set_key(
        task=ctx.task.id, version=ctx.task.spec.version, headers=ctx.headers_digest,
        baseline=hashlib.sha256(ctx.task.baseline_source.encode()).hexdigest(), reference_model=ref_model,
        reference=hashlib.sha256(ref_source.encode()).hexdigest() if ref_source else None,
        families=ctx.timing_families(), size=ctx.size("timing"), warmup=cfg.warmup, reps=cfg.reps,
        target_ci=cfg.target_ci, min_reps=cfg.min_reps, wait_policy=cfg.timing_wait_policy, threads=p, seed=cfg.seed, compiler=ctx.toolchain.cxx_version)
    entry = baselines.load(key)
    seed = entry.seed if entry else baselines.fresh_seed(cfg.seed)
    return Reuse(key, entry, seed, baselines.due(entry, cfg.timing_recheck_every, cfg.timing_recheck_s))


def _remember(reuse: Reuse, timed: dict[str, Timed], p: int) -> dict[str, float]:
    """Stores what was measured (uncontended and passing only), or counts one more reuse; returns
    the drift a re-measurement found."""
    if not reuse.key:
        return {}
    if not reuse.measure:
        assert reuse.entry is not None
        baselines.store(reuse.key, reuse.entry.model_copy(update={"served": reuse.entry.served + 1}))
        return {}
    measured = {role: _stats(timed[role].run, 1 if role == "baseline" else p)
                for role in ("baseline", "reference") if role in timed and not timed[role].run.failure()}
    if any(timed[r].contention is not None and timed[r].contention.contended for r in measured):
        return {}  # used by this evaluation, but not a number to compare later candidates with
    entry = baselines.remeasured(reuse.entry, reuse.seed, measured)
    baselines.store(reuse.key, entry)
    return entry.drift


def _contention_metrics(timed: dict[str, Timed]) -> dict:
    """Whether any compared timing overlapped other CPU use (then no parent or best is chosen by
    it), how much (cores, per role) and how many runs it took."""
    seen = {role: t.contention for role, t in timed.items()}
    return {"contended": any(c is not None and c.contended for c in seen.values()),
            "contention_cores": {role: c.other_cores if c else None for role, c in seen.items()},
            "timing_attempts": {role: t.attempts for role, t in timed.items()}}


def _parse_perf(text: str) -> tuple[dict[str, float], list[str]]:
    counters, unsupported = {}, []
    for line in text.splitlines():
        parts = line.split(",")
        if len(parts) < 3 or line.startswith("#"):
            continue
        value, event = parts[0], parts[2]
        if value.startswith("<"):
            unsupported.append(event)
            continue
        try:
            counters[event] = float(value)
        except ValueError:
            continue
    return counters, unsupported


def profile_stage(ctx: EvalContext) -> StageResult:
    tc = ctx.toolchain
    if ctx.model.language == "cuda":
        return StageResult(stage="profile", status="skipped",
                           detail="perf's CPU counters say nothing about a kernel's work on the GPU")
    if not tc.perf:
        return StageResult(stage="profile", status="skipped",
                           detail="perf is not available here (apt-get install linux-perf; perf_event_paranoid may block it)")
    p = max(ctx.config.sweep())
    wrap = Wrapper([tc.perf, "stat", "-x", ",", "-o", "{workdir}/perf.csv", "-e", ",".join(PERF_EVENTS), "--"])
    # The timing stage's inputs (read from the input cache, not generated again), else the same
    # seed the timing stage uses when nothing is reused.
    seed = ctx.timing_seed if ctx.timing_seed is not None else ctx.seed + 1000
    run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path,
                      [CaseSpec(f, ctx.size("timing"), seed) for f in ctx.timing_families()],
                      [p], ctx.limits(ctx.config.timing_wall_s), reps=1, wrap_for=wrap, keep_files=("perf.csv",),
                      input_cache=_input_cache(ctx), **ctx.harness_options())
    counters, unsupported = _parse_perf(run.files.get("perf.csv", ""))
    if not counters:
        return StageResult(stage="profile", status="skipped", detail="perf stat produced no counters")
    metrics: dict = {"counters": counters, "threads": p}
    if "instructions" in counters and "cycles" in counters and counters["cycles"]:
        metrics["ipc"] = counters["instructions"] / counters["cycles"]
    # Cores kept busy during the candidate's calls (the harness's own CPU clock of the candidate
    # process over each call's wall time): perf's task-clock over the whole run would also count
    # input generation and validation, serial work of the harness, and read ~1.0 for any program.
    calls = [c.witness for c in run.at(p) if c.valid and c.witness]
    call_wall = sum(int(w.get("wall", 0)) for w in calls)
    if call_wall:
        metrics["cpu_utilisation"] = sum(int(w.get("process", 0)) for w in calls) / call_wall
    detail = ("hardware counters not supported on this machine (" + ", ".join(unsupported) +
              "); software counters only") if unsupported else ""
    return StageResult(stage="profile", status="ok", metrics=metrics, detail=detail,
                       params={"threads": p, "events": list(PERF_EVENTS)})
