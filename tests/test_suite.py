"""Every built-in task: the baseline passes its own validator on every family, the OpenMP
expert reference passes the whole cascade (quick sizes), and wrong programs fail."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo import EvalConfig, evaluate, get_task
from parevo.tasks import builtin_task_ids
from parevo.toolchain import probe
from parevo.toolchain.models import MODELS

# Every reference through the whole cascade: the thread counts here are narrowed to keep the sweep
# short; which counts the verifier covers is tested by tests/integrity and test_fixtures.
QUICK = EvalConfig.quick(check_threads=[1, 2, 3], race_threads=[2, 3], race_timing_size=False)
WRONG = sorted(p for tid in builtin_task_ids() if tid != "bfs" for p in (FIXTURES / tid).glob("*.cpp"))


@pytest.mark.parametrize("tid", builtin_task_ids())
def test_baseline_passes_every_family(tid, build_cache):
    task = get_task(tid)
    result = evaluate(task, task.baseline_source, "serial", QUICK.model_copy(update={"timing": False}), cache=build_cache)
    assert result.status == "ok", result.feedback
    assert result.stage("correctness").params["families"] == task.spec.families


@pytest.mark.parametrize("tid", builtin_task_ids())
def test_reference_passes_the_cascade(tid, build_cache):
    task = get_task(tid)
    tc = probe.detect()
    for model in task.spec.references:
        if MODELS[model].missing(tc):
            continue  # e.g. ParlayLib absent: tests/test_parlay.py says so with a skip reason
        result = evaluate(task, task.reference_source(model), model, QUICK, cache=build_cache)
        assert result.status == "ok", f"{tid}/{model}: {result.feedback}"
        # A model without an honest detector (tbb) is reported as unchecked, never as race-free.
        assert result.race_free is (None if MODELS[model].race(tc).unavailable else True)
        assert result.stage_reached == "timing"


@pytest.mark.parametrize("path", WRONG, ids=[f"{p.parent.name}/{p.stem}" for p in WRONG])
def test_wrong_programs_fail(path, build_cache):
    stage, status = fixture_expectation(path)
    result = evaluate(get_task(path.parent.name), path.read_text(), "openmp", QUICK, cache=build_cache)
    assert (result.stage_reached, result.status) == (stage, status), result.feedback
    assert "wrong answer on input family" in result.feedback
