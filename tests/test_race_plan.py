"""What the race stage runs: the extra call at the timing size is made only where no checked size
covers it (each race-build harness run is a large share of an evaluation's wall time)."""

from __future__ import annotations

from parevo import EvalConfig, get_task
from parevo.toolchain import models as pm
from parevo.toolchain import probe
from parevo.verify.context import EvalContext
from parevo.verify.stages import build_stage, race_stage


def _race(build_cache, config: EvalConfig):
    task = get_task("histogram")
    ctx = EvalContext(task, pm.get_model("openmp"), task.reference_source("openmp"), probe.detect(), build_cache, config)
    assert build_stage(ctx).status == "ok"
    return race_stage(ctx)


def test_the_timing_size_race_call_is_made_only_where_no_checked_size_covers_it(build_cache):
    small = dict(race_threads=[2], check_threads=[1, 2], race_size=20000)  # what is run, not what it finds
    covered = _race(build_cache, EvalConfig.quick(**small, timing_size=20000))
    assert covered.status == "ok", covered.feedback
    assert 20000 in covered.params["sizes"] and "timing_size" not in covered.params and covered.metrics["runs"] == 1
    larger = _race(build_cache, EvalConfig.quick(**small, timing_size=40000))
    assert larger.status == "ok", larger.feedback
    assert larger.params["timing_size"] == 40000 and larger.metrics["runs"] == 2
    # Same size, but the timed family is not among the race-checked ones: the call is still made.
    other_family = _race(build_cache, EvalConfig.quick(**small, timing_size=20000, families=["zipf", "single"]))
    assert other_family.params["timing_size"] == 20000 and other_family.metrics["runs"] == 2
