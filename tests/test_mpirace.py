"""verify/mpirace.py without MPI: what the race stage runs for an mpi+omp candidate, and how it
reads mpirun's tagged output rank by rank (pieces of one line split by other ranks' pieces, a
rank whose detector reported nothing after the candidate's last call)."""

from __future__ import annotations

from types import SimpleNamespace

from parevo import EvalConfig, get_task
from parevo.toolchain import models as pm
from parevo.toolchain import probe
from parevo.verify import mpirace
from parevo.verify.context import EvalContext
from parevo.verify.harness import HarnessRun


def _ctx(**config):
    task = get_task("histogram")
    return SimpleNamespace(task=task, config=EvalConfig.quick(**config), source_lines=[], notes=[],
                           families=lambda: ["uniform_small"], timing_families=lambda: ["uniform_small"],
                           size=lambda stage: {"race": 100, "check": 1000, "timing": 5000}[stage],
                           cases=lambda families, stage, seed_offset=0: [
                               mpirace.CaseSpec(f, {"race": 100, "check": 1000, "timing": 5000}[stage], 7 + seed_offset)
                               for f in families])


def test_plan_covers_every_checked_rank_count_and_the_race_thread_counts_at_2_ranks():
    jobs = mpirace.plan(_ctx(check_threads=[1, 2, 3], race_threads=[2, 3, 8], race_runs=2), [100, 1000])
    shapes = [(j.ranks, j.threads) for j in jobs if not j.timing_size]
    assert shapes == [(1, 2), (2, 2), (3, 2), (2, 3), (2, 8)] * 2
    assert {c.size for j in jobs[:5] for c in j.cases} == {100, 1000}
    assert {c.seed for c in jobs[0].cases} != {c.seed for c in jobs[5].cases}  # each run its own inputs
    timing = [j for j in jobs if j.timing_size]
    assert [(j.ranks, j.threads, j.cases[0].size) for j in timing] == [(2, 2, 5000)]


def _tsan(what: str) -> list[str]:
    return ["==================", "WARNING: ThreadSanitizer: data race (pid=9)",
            f"SUMMARY: ThreadSanitizer: data race canary.cpp:12 in {what}", "=================="]


def _run(lines_by_rank: dict[int, list[str]]) -> tuple[str, HarnessRun]:
    text = "".join(f"[1,{r}]<stderr>:{line}\n" for r, lines in lines_by_rank.items() for line in lines)
    outcome = SimpleNamespace(stderr=text, status="ok")
    return text, HarnessRun(outcome, [2], [], True, {2: True})


def test_tagged_pieces_are_rejoined_per_rank_and_untagged_lines_dropped():
    text = "[1,0]<stderr>:  Read of size 8 by thread T3[1,1]<stderr>:other\n[1,0]<stderr>::\nmpirun: a note\n"
    assert mpirace.by_rank(text) == {0: "  Read of size 8 by thread T3:\n", 1: "other\n"}


def test_a_rank_whose_detector_went_silent_fails_and_one_without_its_first_canary_is_an_error():
    job = mpirace.Job(2, 2, ())
    both = {r: _tsan("bump_before") + _tsan("bump_after") for r in (0, 1)}
    text, run = _run(both)
    ranks = mpirace.by_rank(text)
    assert mpirace._judge(_ctx(), job, run, ranks, [], {}, {}) is None
    text, run = _run({0: both[0], 1: _tsan("bump_before")})
    verdict = mpirace._judge(_ctx(), job, run, mpirace.by_rank(text), [], {}, {})
    assert verdict.status == "fail" and "MPI rank(s) [1]" in verdict.feedback
    text, run = _run({0: both[0]})  # rank 1 said nothing at all: its detector never ran
    verdict = mpirace._judge(_ctx(), job, run, mpirace.by_rank(text), [], {}, {})
    assert verdict.status == "error" and "[1]" in verdict.detail


def test_mpi_omp_has_a_race_recipe_and_its_detector_variables_are_in_every_build():
    tc = probe.detect()
    recipe = pm.get_model("mpi+omp").race(tc)
    if recipe.unavailable:  # no LLVM libomp/Archer here: the same reason as openmp's
        assert recipe.unavailable == pm.get_model("openmp").race(tc).unavailable
        return
    assert "-fsanitize=thread" in recipe.flags.compile and "-lomp" in recipe.flags.link
    assert "-fopenmp" not in recipe.flags.link  # libomp with Archer, not libgomp
    assert any(d.startswith("PAREVO_MPIRUN") for d in recipe.flags.harness_defines)
    # run_env is the environment of every harness run (correctness, race, timing): a candidate
    # cannot tell the race build by these variables.
    env = EvalContext(get_task("histogram"), pm.get_model("mpi+omp"), "", tc, None, EvalConfig.quick()).run_env()
    assert env["OMP_TOOL_LIBRARIES"] == recipe.env["OMP_TOOL_LIBRARIES"] and "TSAN_OPTIONS" in env
