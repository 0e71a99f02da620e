"""The cuda model's stages. A CUDA candidate is compiled with nvcc and statically checked on
every machine: it must compile, and the task's function must be a real `__global__` kernel in
the compiled object (its host launch stub), not text; with the task's CUDA view it must link into
the candidate library (verify/cudarun.py). Running it, checking it with compute-sanitizer
(racecheck, memcheck, synccheck) and timing it need a GPU: without one the correctness stage
reports `error` ("unchecked: no GPU"), which bench counts as an excluded, unscored sample, never
as a pass or a wrong answer."""

from __future__ import annotations

import re

from ..toolchain import cuda
from . import cudarun, diagnostics, source
from .context import EvalContext
from .integrity import object_symbols
from .result import StageResult

# ParEval's CUDA driver includes <cuComplex.h> before the prompt (its complex prompts use
# cuDoubleComplex without including it).
NVCC_ARGS = ("-std=c++17", "-O3", "-Xcompiler", "-fPIC", "-include", "cuComplex.h")


def static_stage(ctx: EvalContext, params: dict) -> StageResult:
    spec = ctx.task.spec
    if ctx.model.name not in spec.models:
        msg = f"task '{spec.id}' does not accept model '{ctx.model.name}' (allowed: {', '.join(spec.models)})"
        return StageResult(stage="static", status="fail", feedback=msg, params=params)
    stripped = source.strip_comments_and_strings(ctx.source)
    problems = []
    if source.MAIN_DEFINITION.search(stripped):
        problems.append("the candidate defines main(); the harness owns main(), write only the kernel")
    if not source.defines_function(stripped, spec.function):
        problems.append(f"the candidate must define the `__global__` kernel `{spec.function}`; no definition was found")
    if usage := ctx.model.check_usage(stripped):
        problems.append(usage)
    status = "fail" if problems else "ok"
    return StageResult(stage="static", status=status, feedback="\n".join(problems), params=params)


def _kernel_stub(name: str) -> re.Pattern[str]:
    """nvcc's host stub of a __global__ function `name` (a plain host function has none)."""
    return re.compile(rf"^__device_stub__Z{len(name)}{re.escape(name)}\w*\(")


def build_stage(ctx: EvalContext) -> StageResult:
    ct = cuda.detect()
    public = ctx.public_dir
    args = (*NVCC_ARGS, f"-I{public}", "-include", str(public / "types.hpp"))
    unit = ctx.cache.compile_with(ct.nvcc or "nvcc", ct.version, ctx.source, args, ctx.headers_digest, "candidate.cu")
    params = {"flags": list(NVCC_ARGS), "compiler": ct.version}
    metrics = {"cached": unit.cached, "build_s": round(unit.seconds, 3)}
    if not unit.ok or not unit.path:
        return StageResult(stage="build", status="fail", params=params, metrics=metrics,
                           feedback=diagnostics.summarize(unit.log, ctx.task.spec.signature))
    stub = _kernel_stub(ctx.task.spec.function)
    if not any(stub.match(s.demangled) and s.kind in "Tt" for s in object_symbols(unit.path)):
        return StageResult(stage="build", status="fail", params=params, metrics=metrics,
                           feedback=f"nvcc compiled no `__global__` kernel named `{ctx.task.spec.function}` (a host "
                                    f"function, `#if 0` or a macro hid it); the task's function must be a CUDA kernel")
    ctx.binaries["cuda_object"] = unit
    if cudarun.view_missing(ctx):  # compiled and checked; nothing to run it with
        return StageResult(stage="build", status="ok", params=params, metrics=metrics, detail=cudarun.view_missing(ctx))
    lib, why = cudarun.build_library(ctx, unit, NVCC_ARGS)
    metrics["build_s"] = round(unit.seconds + lib.seconds, 3)
    if why:
        return StageResult(stage="build", status="fail", params=params, metrics=metrics, feedback=why)
    ctx.harness()  # built once per task; a failure here is the verifier's
    ctx.binaries["candidate"] = lib
    return StageResult(stage="build", status="ok", params=params, metrics=metrics)


def run_stage(ctx: EvalContext) -> StageResult:
    """Correctness: on a GPU through the task's CUDA view (verify/cudarun.py); without one `error`, i.e.
    unscored, decided before anything runs."""
    return cudarun.run_stage(ctx)
