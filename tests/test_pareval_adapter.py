"""What a researcher hit with the ParEval adapter: a correct but quadratic answer meets a timing
budget relative to the baseline (its own outcome, correct for pass@k, its speedup bounded by the
budget); ParEval's DFT example has the other sign and both conventions pass; the bench's text
output is plain lines in a log and its table fits 80 columns."""

from __future__ import annotations

import io
import subprocess

import pytest
from rich.console import Console

from parevo import EvalConfig, evaluate, paths
from parevo.bench import pareval as pe
from parevo.bench.runner import BenchProgress
from parevo.bench.store import Outcome, SampleRow
from parevo.cli import bench as cli_bench
from parevo.verify import measure

QUADRATIC = """#include <cmath>
#include <limits>
#include <vector>
// Correct, and O(n^2): every pair.
double closestPair(std::vector<double> const& x) {
  double best = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = i + 1; j < x.size(); ++j) best = std::min(best, std::abs(x[i] - x[j]));
  return best;
}
"""


def test_correct_but_too_slow_is_its_own_outcome(monkeypatch, build_cache):
    # The budget's fixed allowance for process start-up shrinks so that a quadratic answer at 60000
    # values (~2 s a call) is past it while the O(n log n) baseline takes milliseconds.
    monkeypatch.setattr(measure, "BUDGET_SLACK_S", 0.5)
    task = pe.get_pareval_task("pareval_14_geometry_closest_pair_1d")
    cfg = EvalConfig.quick(check_size=2000, families=["uniform", "two"], timing_size=60000, timing_families=["uniform"],
                           reps=1, timing_budget=4.0, reuse_timings=False)
    result = evaluate(task, QUADRATIC, "serial", cfg, cache=build_cache)
    timing = result.stage("timing")
    detail = {s.stage: (s.status, s.feedback[:200]) for s in result.stages}
    assert result.stage("correctness").status == "ok", detail
    assert timing.status == "fail" and timing.metrics["too_slow"] is True, detail
    assert timing.feedback.startswith("correct but too slow") and "4 x the sequential baseline" in timing.feedback
    assert timing.metrics["budget_s"] < 10  # the machine-wide timing slot is not held for timing_wall_s
    outcome = Outcome.of(result, "")
    assert outcome.correct is True and outcome.speedups == {1: 0.25, 2: 0.25}  # bounded by 1/k


def test_budget_is_never_longer_than_the_wall_limit():
    class Ctx:
        config = EvalConfig(timing_budget=10.0, warmup=1, reps=3, timing_wall_s=60.0)

    base = {"uniform": measure.TimingStats.of([1.0])}  # a 1 s baseline call: 10x of 4 calls x 2 counts > 60 s
    assert measure._budget(Ctx(), base, None, 2) is None
    Ctx.config = EvalConfig(timing_budget=10.0, warmup=1, reps=3, timing_wall_s=900.0)
    budget = measure._budget(Ctx(), base, 5.0, 2)  # generation and validation: 1 s of the baseline's 5 s run
    assert budget.k == 10.0 and budget.wall_s == pytest.approx(10 * 4 * 2 + 1 * 3 + measure.BUDGET_SLACK_S)
    Ctx.config = EvalConfig(warmup=1, reps=3)
    assert measure._budget(Ctx(), base, 5.0, 2) is None  # no budget configured: timing_wall_s only


DFT_CHECK = r"""#include <cstdio>
#include "task.hpp"
// The validator alone, on ParEval's example: X, its conjugate, and half of each.
int main() {
  task::Input in;
  in.x = {1, 4, 9, 16};
  const task::Output X = {{30, 0}, {-8, 12}, {-10, 0}, {-8, -12}};
  task::Output conj = X, mixed = X;
  for (auto& v : conj) v = std::conj(v);
  mixed[1] = conj[1];
  std::printf("%s|%s|%s\n", task::validate(in, X).c_str(), task::validate(in, conj).c_str(),
              task::validate(in, mixed).c_str());
}
"""


def test_dft_accepts_the_sign_of_parevals_example(tmp_path):
    task = pe.get_pareval_task("pareval_06_fft_dft")
    assert "ParEval's prompt for this\nproblem states no sign" in task.statement
    (tmp_path / "check.cpp").write_text(DFT_CHECK)
    exe = tmp_path / "check"
    subprocess.run(["g++", "-std=c++20", "-O1", f"-I{task.root}", f"-I{paths.CXX_DIR}", f"-I{paths.PUBLIC_INCLUDE}",
                    str(tmp_path / "check.cpp"), "-o", str(exe)], check=True, capture_output=True, timeout=300)
    plain, conjugate, mixed = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout.strip().split("|")
    assert plain == "" and conjugate == ""  # the prompt's example (conj X) and the statement's formula (X)
    assert mixed.startswith("1 of 4 outputs wrong") and "conj(X), is not matched either" in mixed


def _row(model: str, correct: bool, status: str = "ok") -> SampleRow:
    return SampleRow(id=0, bench_id="b", prompt_id=f"pareval/27_reduce_average/{model}", task="pareval_27_reduce_average",
                     model=model, sample=0, status=status, stage_reached="timing", built=True, correct=correct,
                     race_free=None, speedups={1: 0.9, 2: 1.7}, speedup_vs_reference=None, feedback="", code="",
                     reply=None, evolve_run=None, seconds=1.0, created_at="")


def test_bench_text_fits_80_columns_and_logs_plain_lines(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(cli_bench, "console", Console(file=out, width=80, force_terminal=False))
    cli_bench._print_summary([_row("mpi", True), _row("mpi+omp", True), _row("mpi+omp", True, "fail")], 1)
    text = out.getvalue()
    assert max(len(line) for line in text.splitlines()) <= 80, text
    assert "speedup_2@1" in text and "mpi+omp" in text and "1 sample(s) correct but too slow" in text

    out.truncate(0), out.seek(0)

    class Runner:
        on_progress = None

        async def run(self):
            for i in (1, 2):
                self.on_progress(BenchProgress(total=2, done=i, last=f"pareval/{'x' * 90}/mpi #0: passed {i}"))
            return "all samples done"

    import asyncio

    assert asyncio.run(cli_bench._run_with_progress(Runner())) == "all samples done"
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and lines[0].startswith("[1/2] pareval/") and lines[1].endswith("passed 2"), lines


ACCUMULATE = """#include <vector>
// Relies on ParEval's zero-initialised z (ParEval's driver: `ctx->z.resize(n)`).
void axpy(double alpha, std::vector<double> const& x, std::vector<double> const& y, std::vector<double> &z) {
  for (size_t i = 0; i < x.size(); ++i) z[i] += alpha * x[i] + y[i];
}
"""


def test_paper_mode_hands_value_initialised_outputs_as_pareval_does(build_cache):
    task = pe.get_pareval_task("pareval_03_dense_la_axpy")
    quick = EvalConfig.quick(timing=False, check_threads=[1])
    paper = evaluate(task, ACCUMULATE, "serial", pe.paper_config(task, quick), cache=build_cache)
    assert paper.status == "ok", paper.feedback  # ParEval's own inputs: z arrives as zeros
    ours = evaluate(task, ACCUMULATE, "serial", quick.model_copy(update={"families": ["uniform"]}), cache=build_cache)
    assert ours.stage("correctness").status == "fail"  # elsewhere z arrives poisoned (NaN)


def test_a_reference_of_another_model_stands_in_only_where_it_runs_like_the_candidate():
    """A ParEval task with CUDA, Kokkos and MPI references (and no OpenMP one): a serial or an
    OpenMP candidate is compared with a shared-memory reference (rayon here), never with a kernel
    that needs a GPU, a launcher or a runtime the harness does not start; an MPI candidate with
    its own model's."""
    from parevo.toolchain import models as pm
    from parevo.toolchain import probe

    task = pe.get_pareval_task("pareval_14_geometry_closest_pair_1d")
    assert {"cuda", "kokkos", "mpi", "rayon"} <= set(task.spec.references) and "openmp" not in task.spec.references

    class Ctx:
        config = EvalConfig()
        toolchain = probe.detect()

    Ctx.task = task
    for model, want in (("serial", "rayon"), ("openmp", "rayon"), ("mpi", "mpi")):
        Ctx.model = pm.MODELS[model]
        if want == "rayon" and pm.MODELS["rayon"].missing(Ctx.toolchain):
            want = None
        assert measure._reference_model(Ctx) == want, model
