"""The static and build stages of a Rust (`rayon`) candidate. The later stages are the C++ ones:
the library a Rust candidate becomes speaks the same protocol (verify/rustbuild.py), and the
race stage reports the model's proof instead of running a detector (toolchain/models.py)."""

from __future__ import annotations

import re

from . import rustbuild, rustcheck
from .context import EvalContext
from .result import StageResult

_FIRST_ERRORS = 12  # lines of rustc's short-format errors kept for the feedback


def static_stage(ctx: EvalContext, params: dict) -> StageResult:
    spec = ctx.task.spec
    if ctx.model.name not in spec.models:
        msg = f"task '{spec.id}' does not accept model '{ctx.model.name}' (allowed: {', '.join(spec.models)})"
        return StageResult(stage="static", status="fail", feedback=msg, params=params)
    if rustbuild.task_spec(ctx.task.root) is None:
        return StageResult(stage="static", status="error", params=params,
                           detail=f"task '{spec.id}' lists model rayon but has no rust/rust.toml")
    if problems := rustcheck.check(ctx.source, spec.function):
        return StageResult(stage="static", status="fail", feedback="\n".join(map(str, problems[:10])), params=params,
                           metrics={"integrity": ["rust-unsafe" if "unsafe" in p.message else "rust-token"
                                                  for p in problems[:10]]})
    return StageResult(stage="static", status="ok", params=params)


def _summarize(log: str) -> str:
    """rustc's errors (short format: `candidate.rs:LINE:COL: error...`), first ones first."""
    lines = [ln for ln in log.splitlines() if ": error" in ln or ln.startswith("error")]
    return "\n".join(lines[:_FIRST_ERRORS]) or log[-2000:]


def build_stage(ctx: EvalContext) -> StageResult:
    flags = ctx.model.flags(ctx.toolchain)
    binary, _ = ctx.build_program(ctx.source, flags)
    params = {"compiler": rustbuild.rust.detect().version, "edition": rustbuild.EDITION, "opt": "-C opt-level=3"}
    metrics = {"cached": binary.cached, "build_s": round(binary.seconds, 3)}
    if not binary.ok:
        # The candidate file is prefixed with the forbid attribute: rustc's line numbers are one
        # more than the candidate's own.
        feedback = _shift_lines(_summarize(binary.log))
        if "unsafe_code" in binary.log or "`unsafe`" in feedback:
            feedback = "the candidate uses unsafe code, which the rayon model forbids:\n" + feedback
        return StageResult(stage="build", status="fail", feedback=feedback, metrics=metrics, params=params)
    ctx.harness()  # built once per task; a failure here is the verifier's
    ctx.binaries["candidate"] = binary
    warnings = sum(1 for ln in binary.log.splitlines() if ": warning" in ln)
    return StageResult(stage="build", status="ok", metrics={**metrics, "warnings": warnings}, params=params)


def _shift_lines(text: str) -> str:
    return re.sub(r"candidate\.rs:(\d+)", lambda m: f"candidate.rs:{int(m.group(1)) - 1}", text)

