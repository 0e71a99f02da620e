"""The cuda model's GPU path (issue 17): the candidate library, its run through the one harness,
compute-sanitizer over the correctness cases, and its timing against the sequential baseline.

The candidate library is parevo's entry (g++), the task's CUDA launch view
(`tasks/pareval/<id>/cuda/view.cu`, nvcc; verify/cxx/cuda_view.hpp) and the candidate's kernel
(nvcc), linked with the static CUDA runtime: the harness loads it like any other candidate. It is
built and linked on every machine with nvcc (a kernel whose signature is not ParEval's does not
link: a `fail`). Running it needs a GPU: without one (or without compute-sanitizer) every GPU
verdict is decided before anything runs: correctness `error` "unchecked: no GPU" (unscored),
race and timing `skipped`. "Used" for CUDA: every call launched the candidate's kernel (the view
launches it and counts the launch; parevo's entry fails a call that launched none), and the
launch returned without a CUDA error. The timed call is the whole task function as the harness
sees it: the copies to the GPU, the kernel and the copies back.

None of the GPU half has run on a GPU yet (the machines it was written on have none):
scripts/gpu-check.sh is the first run.
"""

from __future__ import annotations

import re

from .. import paths
from ..errors import InfraError
from ..toolchain import cuda, symbols
from ..toolchain import models as pm
from ..toolchain.build import Artifact
from ..toolchain.models import Flags
from .context import OPT_FLAGS, EvalContext
from .harness import HarnessRun, run_harness
from .result import StageResult
from .timing import geomean

VIEW = ("cuda", "view.cu")
SANITIZER_TOOLS = ("memcheck", "racecheck", "synccheck")
SANITIZER_EXIT = 86  # compute-sanitizer's exit code when it found errors (not one of the harness's)
SANITIZER_LOG = "compute-sanitizer.log"
_SUMMARY = re.compile(r"ERROR SUMMARY:\s*(\d+)\s+error")
_REPORT_LINES = 40  # of a failing tool's report, for the feedback


def view_missing(ctx: EvalContext) -> str:
    """'' when the task has a CUDA launch view, else why the kernel cannot be run."""
    if ctx.task.root.joinpath(*VIEW).is_file():
        return ""
    return (f"unchecked: no CUDA view yet for task '{ctx.task.id}' (the host code that launches the kernel: "
            f"{'/'.join(VIEW)} in the task's folder), so the kernel is compiled and statically checked only")


def _nvcc(ctx: EvalContext, source: str, args: tuple[str, ...], name: str) -> Artifact:
    ct = cuda.detect()
    return ctx.cache.compile_with(ct.nvcc or "nvcc", ct.version, source, args, ctx.headers_digest, name)


def build_library(ctx: EvalContext, unit: Artifact, nvcc_args: tuple[str, ...]) -> tuple[Artifact, str]:
    """(the linked candidate library, '') or (the failing link, why it is the candidate's fault).
    Raises InfraError when parevo's own parts (the entry, the view) do not build."""
    public = ctx.public_dir
    view_path = ctx.task.root.joinpath(*VIEW)
    view = _nvcc(ctx, view_path.read_text(), (*nvcc_args, f"-I{public}", f"-I{paths.CXX_DIR}", "-include",
                                             str(public / "types.hpp")), "view.cu")
    if not view.ok or not view.path:
        raise InfraError(f"{view_path}: the task's CUDA view failed to compile:\n{view.log[-2000:]}")
    entry = ctx.compile_entry(Flags(harness_defines=("PAREVO_WITH_CUDA",)), OPT_FLAGS)
    if not entry.ok or not entry.path:
        raise InfraError(f"parevo's entry for task '{ctx.task.id}' failed to compile:\n{entry.log[-2000:]}")
    assert unit.path is not None
    # The candidate may define its kernel and its helpers, nothing of parevo's, the view's or the
    # CUDA runtime's (a cudaMemcpy of its own would run on the host in the view's place).
    theirs = {s.name for s in symbols.defined_globals(view.path)}
    taken = [s.name for s in symbols.defined_globals(unit.path) if s.kind in symbols.STRONG
             and (s.name in theirs or s.name.startswith(("cuda", "__cuda", "parevo_")))]
    taken += symbols.hijacked_symbols(unit.path, entry.path)
    if taken:
        names = ", ".join(f"`{symbols.demangle(n)}`" for n in sorted(set(taken))[:5])
        return unit, (f"the candidate defines {names}, which belong to parevo's launch code or the CUDA runtime; "
                      f"a CUDA candidate defines only its kernel and its own helpers")
    ct = cuda.detect()
    if not ct.lib_dir:
        raise InfraError("the CUDA runtime (libcudart_static.a) was not found beside nvcc")
    lib = ctx.cache.link([entry, view, unit], ("-shared", f"-L{ct.lib_dir}", "-lcudart_static", "-ldl", "-lrt",
                                               "-pthread", "-Wl,-z,defs"))
    if not lib.ok:
        sig = ctx.task.spec.signature
        return lib, (f"the kernel does not link with parevo's launch code: its name and parameters must be exactly "
                     f"the prompt's `__global__` declaration (the host side calls it as the prompt declares it; "
                     f"the C++ signature it serves is `{sig}`).\n" + lib.log[-1500:])
    return lib, ""


def _unrunnable(ctx: EvalContext) -> str:
    return cuda.detect().unrunnable() or ("" if "candidate" in ctx.binaries else view_missing(ctx))


def run_stage(ctx: EvalContext) -> StageResult:
    """Correctness: the harness's cases at the check size, one candidate process on the GPU."""
    if why := _unrunnable(ctx):  # decided before anything runs: unscored, never a pass
        return StageResult(stage="correctness", status="error", detail=why, feedback=why,
                           metrics={"checked": False, "unscored": True})
    families = ctx.families()
    params = {"size": ctx.size("check"), "families": families, "reps": ctx.config.check_reps, "seed": ctx.seed,
              "gpu": cuda.detect().gpu}
    run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, ctx.cases(families, "check"), [1],
                      ctx.limits(ctx.config.check_wall_s), reps=ctx.config.check_reps, env=ctx.run_env())
    if problem := run.failure():
        return StageResult(stage="correctness", status="fail", feedback=_on_gpu(problem), params=params,
                           metrics={"failed_families": [c.family for c in run.invalid]})
    ctx.witnessed = True  # every call launched the kernel (the entry fails a call that did not)
    return StageResult(stage="correctness", status="ok", params=params, metrics={"runs_passed": 1, "checked": True})


def _on_gpu(problem: str) -> str:
    """A failure's text without the thread count, which means nothing for one GPU."""
    return problem.replace(", 1 threads", "").replace(" 1 threads", "")


def sanitizer_verdict(tool: str, log: str) -> tuple[str, str]:
    """(status, text) of one compute-sanitizer run's log: `fail` with the report's first lines when it
    counted errors, `error` when it wrote no summary (no readable report is never a pass), else `ok`."""
    counts = [int(n) for n in _SUMMARY.findall(log)]
    if not counts:
        return "error", f"compute-sanitizer {tool} wrote no error summary (no readable report)"
    if sum(counts) == 0:
        return "ok", ""
    lines = [l for l in log.splitlines() if l.startswith("=========") and l.strip("= ")]
    return "fail", (f"compute-sanitizer --tool {tool} reported {sum(counts)} error(s):\n" +
                    "\n".join(l.removeprefix("=========").strip() for l in lines[:_REPORT_LINES]))


def race_stage(ctx: EvalContext) -> StageResult:
    """racecheck, memcheck and synccheck, each over the correctness cases (check size)."""
    if why := _unrunnable(ctx):
        return StageResult(stage="race", status="skipped", detail=why, metrics={"checked": False})
    ct = cuda.detect()
    families = ctx.families()
    params = {"tools": list(SANITIZER_TOOLS), "size": ctx.size("check"), "families": families}
    for tool in SANITIZER_TOOLS:
        inner = [ct.sanitizer or "compute-sanitizer", "--tool", tool, "--target-processes", "all",
                 "--error-exitcode", str(SANITIZER_EXIT), "--log-file", f"{{workdir}}/{SANITIZER_LOG}"]
        run: HarnessRun = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, ctx.cases(families, "check"),
                                      [1], ctx.limits(ctx.config.race_wall_s), env={**ctx.run_env(), "TMPDIR": "{workdir}"},
                                      inner=inner, keep_files=[SANITIZER_LOG])
        status, text = sanitizer_verdict(tool, run.files.get(SANITIZER_LOG, ""))
        if status == "fail":
            return StageResult(stage="race", status="fail", feedback=text, params=params, metrics={"tool": tool})
        if problem := run.failure():
            return StageResult(stage="race", status="fail", params=params, metrics={"tool": tool},
                               feedback=f"under compute-sanitizer --tool {tool}: {_on_gpu(problem)}")
        if status == "error":
            return StageResult(stage="race", status="error", detail=text, feedback=text, params=params)
    return StageResult(stage="race", status="ok", params=params, metrics={"checked": True, "runs": len(SANITIZER_TOOLS)})


def timing_stage(ctx: EvalContext) -> StageResult:
    """The baseline (one CPU thread) and the candidate (the GPU) on the same timing inputs; speedup =
    baseline median / candidate median per family, their geometric mean overall (ParEval's CUDA
    speedup is over the sequential baseline too). Reported under `speedup_by_threads` key 1: one GPU."""
    if why := _unrunnable(ctx):
        return StageResult(stage="timing", status="skipped", detail=why)
    from . import measure  # measure dispatches here: imported late

    params = {"size": ctx.size("timing"), "families": ctx.timing_families(), "warmup": ctx.config.warmup,
              "reps": ctx.config.reps, "timed": "the task function: copies to the GPU, the kernel, copies back"}
    measure._build_or_error(ctx, "baseline", ctx.task.baseline_source, pm.MODELS["serial"])
    base = measure._timed(ctx, "baseline", [1], ctx.seed)
    if problem := base.run.failure():
        raise InfraError(f"the task's baseline failed at timing size: {problem}")
    cand = measure._timed(ctx, "candidate", [1], ctx.seed)
    if problem := cand.run.failure():
        return StageResult(stage="timing", status="fail", params=params, feedback=f"at timing size: {_on_gpu(problem)}")
    b, c = measure._stats(base.run, 1), measure._stats(cand.run, 1)
    families = {f: {"baseline_s": b[f].median, "candidate_s": {"1": c[f].median}, "spread": {"1": c[f].spread},
                    "speedup": {"1": b[f].median / max(c[f].median, measure.MIN_TIME_S)}} for f in b if f in c}
    speedup = geomean([row["speedup"]["1"] for row in families.values()])
    metrics = {"threads_max": 1, "speedup": speedup, "efficiency": speedup, "speedup_by_threads": {"1": speedup},
               "max_spread": max([r["spread"]["1"] for r in families.values()] + [0.0]), "families": families,
               "gpu": cuda.detect().gpu}
    return StageResult(stage="timing", status="ok", params=params, metrics=metrics)

