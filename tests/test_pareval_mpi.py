"""ParEval in the mpi and mpi+omp models: ParEval's own MPI prompts become bench items (with how
the answer is timed), the references pass end to end, and a wrong, a serial-in-MPI and a racy
hybrid answer to ParEval's `average` fail at correctness.

One task (27, average: "return the average on all ranks") keeps the MPI runs few; a check size
of 3M doubles makes one rank's call long enough (~2 ms) for the rank-sharing judgement, two
families and two rank counts keep each evaluation to seconds after the shared harness build.
`parevo bench --suite pareval --solutions reference --models mpi,mpi+omp --quick` runs every
reference at the tasks' own sizes (docs/bench.md has its table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo import EvalConfig, evaluate
from parevo.bench import pareval as pe
from parevo.bench.items import pareval_items, with_references
from parevo.bench.store import Outcome
from parevo.prompting.task import SCRATCH, mutate_messages
from parevo.toolchain import mpi

SHARED = Path(__file__).resolve().parents[2] / "shared" / "pareval"
needs_prompts = pytest.mark.skipif(not (SHARED / "generation-prompts.json").is_file(),
                                   reason=f"ParEval prompts not found at {SHARED}")
needs_mpi = pytest.mark.skipif(bool(mpi.detect().missing()), reason=mpi.detect().missing() or "")
AVERAGE = "pareval_27_reduce_average"
FIXTURES_MPI = sorted((FIXTURES / "pareval_mpi").glob("*.cpp"))


def _config(**kw) -> EvalConfig:
    return EvalConfig.quick(**{"timing": False, "check_size": 3_000_000, "check_threads": [1, 2],
                               "families": ["paper", "uniform"], "check_wall_s": 120.0, **kw})


@needs_prompts
def test_mpi_prompts_are_items_with_the_timing_scale():
    items, skipped = pareval_items(["mpi", "mpi+omp"], ["27", "13"], SHARED, budget=10.0)
    assert {it.prompt_id for it in items} == {"pareval/27_reduce_average/mpi", "pareval/27_reduce_average/mpi+omp",
                                             "pareval/13_geometry_closest_pair_2d/mpi",
                                             "pareval/13_geometry_closest_pair_2d/mpi+omp"}
    assert not skipped
    closest = next(it for it in items if it.prompt_id == "pareval/13_geometry_closest_pair_2d/mpi")
    system, user = closest.messages
    assert user.content == closest.pareval_prompt and "Every rank has a complete copy of points" in user.content
    assert "timed at size 1,000,000 (n, the number of points)" in system.content  # ParEval's prompt does not say
    assert "slower than 10x the baseline" in system.content
    kept, skipped = with_references(items, [])
    assert {it.prompt_id for it in kept} == {"pareval/27_reduce_average/mpi", "pareval/27_reduce_average/mpi+omp"}
    assert [s.reason for s in skipped] == ["no mpi reference for this task", "no mpi+omp reference for this task"]
    paper = pareval_items(["mpi"], ["27"], SHARED, budget=None, paper=True)[0][0].messages[0].content
    assert "ParEval's own inputs" in paper and "too slow" not in paper


def test_every_category_has_mpi_references_and_guidance():
    categories: dict[str, set[str]] = {}
    for tid in pe.pareval_task_ids():
        task = pe.get_pareval_task(tid)
        assert {"mpi", "mpi+omp"} <= set(task.spec.models), tid
        categories.setdefault(task.spec.tags[1], set()).update(m for m in ("mpi", "mpi+omp") if m in task.spec.references)
    assert len(categories) == 12 and all(refs == {"mpi", "mpi+omp"} for refs in categories.values()), categories
    user = mutate_messages(pe.get_pareval_task(AVERAGE), "mpi+omp", SCRATCH, edit="rewrite")[-1].content
    assert "MPI guidance" in user and "MPI+OpenMP:" in user and "MPI_Allreduce" in user


@needs_mpi
@pytest.mark.parametrize("model", ["mpi", "mpi+omp"])
def test_reference_passes(model, build_cache):
    task = pe.get_pareval_task(AVERAGE)
    timing = model == "mpi"  # the timing path under mpirun once; the bench runs both at the tasks' sizes
    cfg = _config(timing=timing, timing_size=3_000_000, timing_families=["uniform"], reps=1)
    result = evaluate(task, task.reference_source(model) or "", model, cfg, cache=build_cache)
    detail = {s.stage: (s.status, s.feedback[:300], s.detail[:200]) for s in result.stages}
    assert result.stage("correctness").status == "ok", detail
    assert result.stage("correctness").metrics["runs_passed"] == 2, detail
    assert result.stage("race").metrics["checked"] is (model == "mpi+omp"), detail  # not applicable (mpi)
    if timing:
        assert result.status == "ok" and set(result.stage("timing").metrics["speedup_by_threads"]) == {"1", "2"}, detail
        assert Outcome.of(result, "").correct


@needs_mpi
@pytest.mark.parametrize("path", FIXTURES_MPI, ids=[p.stem for p in FIXTURES_MPI])
def test_failing_answer(path, build_cache):
    model = "mpi+omp" if "hybrid" in path.stem else "mpi"
    stage, status = fixture_expectation(path)
    result = evaluate(pe.get_pareval_task(AVERAGE), path.read_text(), model, _config(), cache=build_cache)
    got = result.stage(stage)
    detail = {s.stage: (s.status, s.feedback[:300]) for s in result.stages}
    assert got is not None and got.status == status, detail
    if "serial_in_mpi" in path.stem:
        assert "ranks do not share the work" in got.feedback, detail
    else:  # the wrong one is right at one rank; the racy one is wrong at every rank count
        assert "wrong answer" in got.feedback, detail
        assert "2 threads" in got.feedback or "hybrid" in path.stem, detail
