"""Red-team suite: cheat programs written as an attacker rewarded by the verifier.

Every program under tests/integrity/programs/** is evaluated with a quick configuration and must
*fail* (never pass, never turn into a verifier `error`) at the stage its header names, with
feedback that names what it attacked. Headers (first lines of the program):

    // expect: STAGE[|STAGE...] fail     the stage(s) where a rejection is right
    // reason: TEXT                      a substring of the feedback (several lines: any one)
    // model: openmp|threads|parlay|mpi  default openmp (mpi, mpi+omp: task histogram with the MPI
                                         models added, conftest's mpi_histogram)
    // task: bfs|histogram|...           default bfs
    // config: key=value                 an EvalConfig override (int, float or JSON value)
    // hole: WHAT                        the verifier currently gets this wrong: xfail(strict)
    // noisy: WHY                        with hole: the verdict rests on noisy measurements, so
                                         noise may reject the program: xfail(strict=False)
    // attack: ...                       what the program tries (for people)

A `// hole:` program is a known verifier bug: the test is marked xfail(strict=True), so closing
the hole makes it XPASS and fail until the marker is removed.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

PROGRAMS = Path(__file__).parent / "programs"
HEADER = re.compile(r"^//\s*(expect|reason|model|task|config|hole|noisy|requires):\s*(.*?)\s*$")


def _header(path: Path) -> dict:
    out: dict = {"reason": [], "config": {}, "model": "openmp", "task": "bfs", "hole": "", "noisy": "", "requires": []}
    for line in path.read_text().splitlines()[:20]:
        m = HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "expect":
            stages, status = value.split()
            out["stages"], out["status"] = stages.split("|"), status
        elif key == "reason":
            out["reason"].append(value)
        elif key == "config":
            k, v = value.split("=", 1)
            try:
                out["config"][k.strip()] = json.loads(v)
            except json.JSONDecodeError:
                out["config"][k.strip()] = v.strip()
        elif key == "requires":
            out["requires"].append(value)
        else:
            out[key] = value
    if "stages" not in out or not out["reason"]:
        raise ValueError(f"{path}: needs '// expect: STAGE fail' and '// reason: TEXT' lines")
    return out


def _params():
    for path in sorted(PROGRAMS.rglob("*.cpp")):
        head = _header(path)
        marks = []
        if head["hole"]:
            marks.append(pytest.mark.xfail(strict=not head.get("noisy"), reason=f"HOLE: {head['hole']}"))
        yield pytest.param(path, head, id=str(path.relative_to(PROGRAMS)), marks=marks)


def _available(requires: list[str]) -> str:
    """'' when every requirement holds, else why the program is skipped."""
    for req in requires:
        if req == "mpi":
            from parevo.toolchain import mpi

            if why := mpi.detect().missing():
                return why
        if req == "parlay":
            from parevo.toolchain import probe

            tc = probe.detect()
            if not getattr(tc, "parlay_include", None) and not os.environ.get("PARLAYLIB_INCLUDE"):
                return "ParlayLib is not available"
    return ""


# Wall limits small enough that a hanging cheat ends fast; the race build needs more.
BASE_CONFIG = dict(check_wall_s=15.0, race_wall_s=60.0, timing_wall_s=30.0)


@pytest.mark.parametrize("path,head", list(_params()))
def test_cheat_is_rejected(path: Path, head: dict, build_cache, request):
    from parevo import evaluate
    from parevo.tasks import get_task
    from parevo.verify.config import EvalConfig

    if why := _available(head["requires"]):
        pytest.skip(why)
    config = EvalConfig.quick(**{**BASE_CONFIG, **head["config"]})
    task = request.getfixturevalue("mpi_histogram") if head["model"].startswith("mpi") else get_task(head["task"])
    start = time.monotonic()
    result = evaluate(task, path.read_text(), head["model"], config, cache=build_cache)
    took = time.monotonic() - start
    summary = " | ".join(f"{s.stage}:{s.status}" for s in result.stages)
    where = f"{path.name} ({took:.1f} s) stages [{summary}] feedback: {result.feedback[:600]!r}"
    if log := os.environ.get("REDTEAM_LOG"):  # one line per program, for the report
        with open(log, "a") as f:
            f.write(json.dumps({"program": str(path.relative_to(PROGRAMS)), "status": result.status,
                                "stage": result.stage_reached, "seconds": round(took, 1), "stages": summary,
                                "feedback": result.feedback[:400]}) + "\n")
    assert result.status != "error", f"verifier error instead of a verdict: {where}; detail: " + \
        next((s.detail for s in result.stages if s.status == "error"), "")[-800:]
    assert result.status == head["status"], f"expected {head['status']}: {where}"
    assert result.stage_reached in head["stages"], f"expected stage {head['stages']}: {where}"
    assert any(r.lower() in result.feedback.lower() for r in head["reason"]), \
        f"feedback names none of {head['reason']}: {where}"
