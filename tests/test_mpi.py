"""The mpi and mpi+omp models end to end: the harness launches the candidate as an MPI job
(verify/cxx/mpi_launch.hpp) at 1-4 ranks, rank 0's answer is validated, and the ranks must share
the work (verify/ranks.py: each rank's CPU, read by the harness from outside the rank). Fixtures
carry their expected stage in an `// expect:` line; attacks on the rank accounting and MPI's own
failures (abort, deadlock, crash) are red-team programs (tests/integrity/programs/c10_mpi).

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


def _config(**kw) -> EvalConfig:
    return EvalConfig.quick(timing=False, check_size=3_000_000, check_threads=[1, 2, 3, 4],
                            families=["uniform_small", "empty"], check_wall_s=120.0, **kw)


@pytest.mark.parametrize("path", MPI_FIXTURES, ids=[p.stem for p in MPI_FIXTURES])
def test_mpi_fixture(path, mpi_histogram, build_cache):
    model = "mpi+omp" if "hybrid" in path.stem else "mpi"
    stage, status = fixture_expectation(path)
    result = evaluate(mpi_histogram, path.read_text(), model, _config(), cache=build_cache)
    got = {s.stage: s for s in result.stages}
    detail = {s.stage: (s.status, s.feedback[:300], s.detail[:200]) for s in result.stages}
    assert got[stage].status == status, detail
    if stage == "race":  # a good program: every rank count passed, and no race verdict is claimed
        assert got["correctness"].status == "ok" and got["correctness"].metrics["runs_passed"] == 4, detail
        assert got["race"].metrics["checked"] is False
        if model == "mpi":
            assert "not applicable" in got["race"].detail
    if "serial_in_mpi" in path.stem:
        assert "ranks do not share the work" in got["correctness"].feedback, detail
    if "wrong" in path.stem:
        assert "wrong answer" in got["correctness"].feedback and "1 threads" not in got["correctness"].feedback
