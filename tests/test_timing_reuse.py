"""Baseline and reference timings are measured once per timing set and reused, on the same secret
inputs, until a scheduled re-measurement (verify/baselines.py)."""

from __future__ import annotations

import stat
import time

import pytest

from parevo import EvalConfig, get_task
from parevo.toolchain import models as pm
from parevo.toolchain import probe
from parevo.verify import baselines, measure
from parevo.verify.context import EvalContext
from parevo.verify.stages import build_stage
from parevo.verify.timing import TimingStats


def _stats(median: float) -> dict[str, TimingStats]:
    return {"rmat": TimingStats(median, median * 0.9, median * 1.1, 0.2, 3)}


def test_a_timing_set_is_due_by_count_or_age_and_records_drift(tmp_path, monkeypatch):
    monkeypatch.setattr(baselines, "_path", lambda key: tmp_path / f"{key}.json")
    assert baselines.due(None, 10, 60.0)
    first = baselines.remeasured(None, 42, {"baseline": _stats(2.0), "reference": _stats(1.0)})
    assert first.drift == {} and first.served == 0 and not baselines.due(first, 10, 60.0)
    assert baselines.due(first.model_copy(update={"served": 10}), 10, 60.0)
    assert baselines.due(first.model_copy(update={"measured_at": time.time() - 61}), 10, 60.0)
    again = baselines.remeasured(first, 42, {"baseline": _stats(2.2)})
    assert again.drift == {"baseline": pytest.approx(0.1)} and again.seed == 42
    assert again.stats("reference")["rmat"].median == 1.0  # a role not re-measured keeps its numbers
    baselines.store("k", again)
    assert baselines.load("k") == again
    assert stat.S_IMODE((tmp_path / "k.json").stat().st_mode) == 0o600  # it holds the secret seed
    (tmp_path / "k.json").write_text("{not json")
    assert baselines.load("k") is None


def test_the_candidate_is_timed_on_the_inputs_of_the_reused_baseline(build_cache, tmp_path, monkeypatch):
    monkeypatch.setattr(baselines, "_path", lambda key: tmp_path / f"{key}.json")
    task = get_task("histogram")
    # Contention is another test's concern: here every timing counts as quiet, so it is stored.
    config = EvalConfig.quick(timing_threads=[1], contention_max_cores=64.0, timing_recheck_every=1)

    def timing(config: EvalConfig):
        ctx = EvalContext(task, pm.get_model("openmp"), task.reference_source("openmp"), probe.detect(),
                          build_cache, config)
        assert build_stage(ctx).status == "ok"
        ctx.witnessed = True  # as after the correctness stage (not run here), which saw it work in parallel
        result = measure.timing_stage(ctx)
        assert result.status == "ok", result.feedback
        return result

    first, second, third = timing(config), timing(config), timing(config)
    assert first.metrics["timings_reused"] == [] and "timing_drift" not in first.metrics
    assert second.metrics["timings_reused"] == ["baseline", "reference"]
    assert set(second.metrics["timing_attempts"]) == {"candidate"}
    assert first.params["timing_inputs"] == second.params["timing_inputs"] != "this evaluation's seed"
    fam = next(iter(first.metrics["families"]))
    assert second.metrics["families"][fam]["baseline_s"] == first.metrics["families"][fam]["baseline_s"]
    # The second evaluation used the set once: with re-checks every evaluation, the third measures again.
    assert third.metrics["timings_reused"] == [] and set(third.metrics["timing_drift"]) == {"baseline", "reference"}
    assert third.params["timing_inputs"] == first.params["timing_inputs"]  # same set, same inputs
    off = timing(config.model_copy(update={"reuse_timings": False}))
    assert off.params["timing_inputs"] == "this evaluation's seed" and off.metrics["timings_reused"] == []


@pytest.mark.parametrize("cores,sweep", [(1, [1]), (2, [1, 2]), (6, [1, 2, 4, 6]), (64, [1, 2, 4, 8, 16, 32, 64])])
def test_the_default_sweep_doubles_up_to_the_core_count(cores, sweep, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert EvalConfig().sweep() == sweep
    assert EvalConfig(timing_threads=[3, 1, 3]).sweep() == [1, 3]


def test_quick_never_times_above_the_tasks_own_size():
    """ParEval's N x N problems count N: quick's timing size (20000) would be a 3 GB matrix."""
    from parevo.bench import pareval as pe

    task = pe.get_pareval_task("pareval_02_dense_la_gemm")
    assert task.spec.sizes.timing < 20000
    ctx = EvalContext(task, pm.MODELS["serial"], "", probe.detect(), None, EvalConfig.quick())
    assert ctx.size("timing") == task.spec.sizes.timing
    ctx.config = EvalConfig.quick(timing_size_at_most_task=False)
    assert ctx.size("timing") == 20000


def test_adaptive_repetitions_stop_once_the_median_is_tight_and_never_past_the_cap(build_cache, monkeypatch):
    """`target_ci`: the harness stops repeating a timed call once the median's confidence
    half-width is within the target (after `min_reps`); without it, every input gets `reps` calls."""
    from parevo.verify.harness import CaseSpec, run_harness

    task = get_task("histogram")
    config = EvalConfig.quick(reps=6, timing_threads=[1, 2])
    ctx = EvalContext(task, pm.get_model("openmp"), task.reference_source("openmp"), probe.detect(), build_cache, config)
    assert build_stage(ctx).status == "ok"

    def times(**adaptive) -> list[int]:
        run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path,
                          [CaseSpec(f, 20000, 7) for f in task.spec.timing_families], [1, 2], ctx.limits(60.0),
                          reps=6, **adaptive)
        assert not run.failure(), run.failure()
        return [len(c.times) for c in run.cases]

    assert set(times()) == {6}
    # The same inputs at the second thread count gave the same bytes back: validated once.
    run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, [CaseSpec("hot_bucket", 20000, 7)], [1, 2],
                      ctx.limits(60.0), reps=3)
    assert [(c.threads, c.validations) for c in run.cases] == [(1, 3), (2, 0)] and not run.failure()
    assert set(times(target_ci=50.0, min_reps=2)) == {2}  # any spread is within 5000 %: stop at the minimum
    assert set(times(target_ci=1e-12, min_reps=2)) == {6}  # never tight enough: the cap


WRONG_ONCE_AT_TWO = """
#include <omp.h>
#include <cstdint>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  static int calls = 0;
  std::vector<std::int64_t> count(buckets, 0);
  #pragma omp parallel
  {
    std::vector<std::int64_t> mine(buckets, 0);
    #pragma omp for nowait
    for (long i = 0; i < (long)values.size(); ++i) ++mine[values[i]];
    #pragma omp critical
    for (std::uint32_t b = 0; b < buckets; ++b) count[b] += mine[b];
  }
  // Right at one thread; at two, right except its third call (an answer it could only get
  // past a validator that trusted bytes it had seen before).
  if (++calls == 3 && omp_get_max_threads() == 2 && buckets) count[0] += 1;
  return count;
}
"""


def test_an_output_that_differs_at_another_thread_count_is_validated_again(build_cache):
    """The validator is skipped only for bytes identical to an output already validated on the
    same input; different bytes at a later thread count are validated (and this one is wrong)."""
    from parevo.verify.harness import CaseSpec, run_harness

    task = get_task("histogram")
    ctx = EvalContext(task, pm.get_model("openmp"), WRONG_ONCE_AT_TWO, probe.detect(), build_cache,
                      EvalConfig.quick())
    assert build_stage(ctx).status == "ok"
    run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, [CaseSpec("hot_bucket", 20000, 7)], [1, 2],
                      ctx.limits(60.0), reps=3)
    (one, two) = run.cases
    assert one.valid and one.validations == 3
    assert not two.valid and two.kind == "wrong" and two.rep == 2 and two.validations == 1
    # Only the failing case's input is described (its message names it); a passing one's is not.
    assert one.shape == "" and two.shape.startswith("n=20000 ") and two.shape in run.failure()
    # The behaviour before (the throughput benchmark's "before" mode): every output validated,
    # every input described; the same verdict.
    old = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, [CaseSpec("hot_bucket", 20000, 7)], [1, 2],
                      ctx.limits(60.0), reps=3, validate_every_output=True, describe_every_input=True)
    (one, two) = old.cases
    assert one.valid and one.validations == 3 and one.shape == two.shape != ""
    assert not two.valid and two.rep == 2 and two.validations == 3 and old.failure() == run.failure()
