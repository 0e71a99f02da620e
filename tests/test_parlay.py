"""The parlay model against a real ParlayLib checkout (PARLAYLIB_INCLUDE); skipped without one."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo import EvalConfig, evaluate, get_task
from parevo.toolchain import probe

pytestmark = pytest.mark.skipif(
    probe.detect().parlay_include is None,
    reason="ParlayLib not found: set PARLAYLIB_INCLUDE to a parlaylib/include directory to run these",
)
PROGRAMS = sorted((FIXTURES / "parlay").glob("*.cpp"))


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_parlay_candidates(path, build_cache):
    stage, status = fixture_expectation(path)
    result = evaluate(get_task("bfs"), path.read_text(), "parlay",
                      EvalConfig.quick(race_wall_s=120.0), cache=build_cache)
    if status == "ok":
        assert result.status == "ok", result.feedback
        assert result.race_free is True
    else:
        assert result.stage_reached == stage and result.status == "fail", result.feedback
        assert "data race" in result.feedback
