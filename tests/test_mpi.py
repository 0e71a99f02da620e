"""The mpi and mpi+omp models end to end: the harness launches the candidate as an MPI job
(verify/cxx/mpi_launch.hpp) at 1-4 ranks, rank 0's answer is validated, and the ranks must share
the work (verify/ranks.py: each rank's CPU, read by the harness from outside the rank). Fixtures
carry their expected stage in an `// expect:` line; attacks on the rank accounting and MPI's own
failures (abort, deadlock, crash) are red-team programs (tests/integrity/programs/c10_mpi).

mpi+omp candidates are race-checked in every rank (verify/mpirace.py): the race-free hybrid passes,
one racy in every rank and one racy only on rank 1 fail at the race stage (each answer is right).

One task (histogram) with the MPI models added (conftest's mpi_histogram). A check size of 3M
values makes one rank's call ~2-5 ms, enough for the rank-sharing judgement; two small families
keep each evaluation to a few seconds."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo.toolchain import mpi
from parevo.verify.cascade import evaluate
from parevo.verify.config import EvalConfig

pytestmark = pytest.mark.skipif(bool(mpi.detect().missing()), reason=mpi.detect().missing() or "")

MPI_FIXTURES = sorted((FIXTURES / "mpi").glob("*.cpp"))


def _config(model: str) -> EvalConfig:
    # mpi+omp's race stage runs one MPI job per rank count of the correctness stage (and 2 ranks at
    # each other race thread count): 1 and 2 ranks keep it to three jobs.
    ranks = [1, 2] if model == "mpi+omp" else [1, 2, 3, 4]
    return EvalConfig.quick(timing=False, check_size=3_000_000, check_threads=ranks, race_threads=[2, 3],
                            families=["uniform_small", "empty"], check_wall_s=120.0)


@pytest.mark.parametrize("path", MPI_FIXTURES, ids=[p.stem for p in MPI_FIXTURES])
def test_mpi_fixture(path, mpi_histogram, build_cache):
    model = "mpi+omp" if "hybrid" in path.stem else "mpi"
    stage, status = fixture_expectation(path)
    result = evaluate(mpi_histogram, path.read_text(), model, _config(model), cache=build_cache)
    got = {s.stage: s for s in result.stages}
    detail = {s.stage: (s.status, s.feedback[:300], s.detail[:200]) for s in result.stages}
    assert got[stage].status == status, detail
    if stage == "race":  # every rank count passed correctness; mpi claims no race verdict, mpi+omp is checked
        assert got["correctness"].status == "ok", detail
        assert got["correctness"].metrics["runs_passed"] == len(_config(model).check_threads), detail
        assert got["race"].metrics["checked"] is (model == "mpi+omp"), detail
        if model == "mpi":
            assert "not applicable" in got["race"].detail
        elif status == "ok":  # every rank count of the correctness stage, and 2 ranks at the other race counts
            assert got["race"].params["jobs"] == [[1, 2], [2, 2], [2, 3]], detail
        else:
            assert "ThreadSanitizer reported" in got["race"].feedback and "candidate.cpp:" in got["race"].feedback, detail
            if "rank1" in path.stem:  # one rank alone never races: found at 2 ranks, in rank 1
                assert "(2 ranks x 2 threads)" in got["race"].feedback, detail
    if "serial_in_mpi" in path.stem:
        assert "ranks do not share the work" in got["correctness"].feedback, detail
    if "wrong" in path.stem:
        assert "wrong answer" in got["correctness"].feedback and "1 threads" not in got["correctness"].feedback
