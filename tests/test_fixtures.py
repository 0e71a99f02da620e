"""Every fixture program ends in the right stage with the right status, within a bounded time,
with the machine unharmed: hostile programs (fork bomb, memory bomb, stdout flood, network,
writes outside) are contained; cheats (constant answer, cached answer, serial as OpenMP) are
caught; racy programs are caught by the race stage and clean ones are not flagged."""

from __future__ import annotations

import re
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo import EvalConfig, evaluate, get_task
from parevo.toolchain import cgroups

BFS_FIXTURES = sorted((FIXTURES / "bfs").glob("*.cpp"))
THREADS_MODEL = {"racy_thread_counter", "good_threads"}
# What the feedback must say, so that an LLM can act on it.
FEEDBACK = {
    "compile_error": "candidate.cpp:",
    "serial_as_openmp": "#pragma omp",
    "wrong_on_chain": "input family 'chain'",
    "constant_answer": "wrong answer",
    "caches_answer": "repetition 2",
    "segfault": "SIGSEGV",
    "infinite_loop": "did not finish within",
    "memory_bomb": "memory limit",
    "stdout_flood": "MiB to one output",
    "racy_omp": "data race",
    "racy_thread_counter": "data race",
    "overrides_validator": "clock_gettime",
    "rewrites_input": "wrong answer",
    "forges_result": "must not call exit()",
}
CONFIG = EvalConfig.quick(check_wall_s=8.0, race_wall_s=60.0, memory_bytes=1 << 30, max_pids=128)


@pytest.fixture(scope="module")
def bfs():
    return get_task("bfs")


@pytest.fixture
def listener():
    """A TCP listener on the host on the port network_attempt.cpp dials."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        server.bind(("127.0.0.1", 47291))
    except OSError:
        pytest.skip("port 47291 is busy here")
    server.listen(4)
    server.settimeout(0.2)
    accepted: list = []
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            try:
                accepted.append(server.accept())
            except (TimeoutError, OSError):
                continue

    t = threading.Thread(target=loop, daemon=True)
    t.start()
    yield accepted
    stop.set()
    t.join()
    server.close()


def _stray_processes() -> list[str]:
    out = subprocess.run(["pgrep", "-af", "--result .*parevo-result"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "pgrep" not in line]


@pytest.mark.parametrize("path", BFS_FIXTURES, ids=[p.stem for p in BFS_FIXTURES])
def test_fixture_ends_in_expected_stage(path: Path, bfs, build_cache, request):
    stage, status = fixture_expectation(path)
    if path.stem == "network_attempt":
        request.getfixturevalue("listener")
    model = "threads" if path.stem in THREADS_MODEL else "openmp"
    start = time.monotonic()
    result = evaluate(bfs, path.read_text(), model, CONFIG, cache=build_cache)
    elapsed = time.monotonic() - start

    if status == "ok":
        assert result.status == "ok", result.feedback
        assert result.stage_reached == "timing"
        assert result.race_free is True
    else:
        assert result.status == "fail", (result.status, result.feedback)
        assert result.stage_reached == stage, result.feedback
    if path.stem in FEEDBACK:
        assert FEEDBACK[path.stem] in result.feedback, result.feedback
    assert elapsed < 120, f"{path.stem} took {elapsed:.0f} s"
    # The harness and the machine are unharmed.
    assert not _stray_processes()
    pids_parent = cgroups.CGROUP_ROOT / "pids" / cgroups.PARENT_NAME
    if pids_parent.exists():
        assert not [d for d in pids_parent.iterdir() if d.is_dir()]
    assert not Path("/tmp/parevo_escape_probe.txt").exists()


def test_compile_error_maps_to_candidate_line(bfs, build_cache):
    path = FIXTURES / "bfs" / "compile_error.cpp"
    line = next(int(ln.split(":")[1]) for ln in path.read_text().splitlines()[:3] if ln.startswith("// error-line:"))
    result = evaluate(bfs, path.read_text(), "openmp", CONFIG, cache=build_cache)
    assert f"candidate.cpp:{line}: error" in result.feedback


def test_race_report_points_at_the_racy_line(bfs, build_cache):
    path = FIXTURES / "bfs" / "racy_omp.cpp"
    result = evaluate(bfs, path.read_text(), "openmp", CONFIG, cache=build_cache)
    race = result.stage("race")
    assert race.status == "fail"
    lines = path.read_text().splitlines()
    cited = [int(n) for n in re.findall(r"candidate\.cpp:(\d+)", race.feedback)]
    assert cited, race.feedback
    assert any("level" in lines[n - 1] for n in cited), race.feedback


def test_cached_reevaluation_does_not_compile(bfs, build_cache):
    src = (FIXTURES / "bfs" / "good_threads.cpp").read_text()
    cfg = CONFIG.model_copy(update={"timing": False})
    evaluate(bfs, src, "threads", cfg, cache=build_cache)
    misses = build_cache.stats["misses"]
    again = evaluate(bfs, src, "threads", cfg, cache=build_cache)
    assert build_cache.stats["misses"] == misses
    assert again.stage("build").metrics["cached"] is True
    assert again.status == "ok"


def test_tbb_race_check_is_unavailable_not_passed(bfs, build_cache):
    src = """#include <oneapi/tbb/parallel_for.h>
#include <atomic>
std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {
  std::vector<std::int32_t> level(g.n, -1);
  if (g.n == 0) return level;
  level[source] = 0;
  std::vector<std::int32_t> frontier{source};
  for (std::int32_t d = 0; !frontier.empty(); ++d) {
    std::vector<std::int32_t> next;
    for (auto u : frontier)
      for (auto k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
        if (level[g.targets[k]] < 0) { level[g.targets[k]] = d + 1; next.push_back(g.targets[k]); }
    frontier.swap(next);
  }
  std::atomic<long> touched{0};
  tbb::parallel_for(0, g.n, [&](int v) { if (level[v] >= 0) touched++; });
  return level;
}
"""
    from parevo.toolchain import probe

    if not probe.detect().tbb:
        pytest.skip("oneTBB is not installed (apt-get install libtbb-dev)")
    result = evaluate(bfs, src, "tbb", CONFIG.model_copy(update={"timing": False}), cache=build_cache)
    race = result.stage("race")
    assert race.status == "skipped" and "unavailable" in race.detail
    assert result.race_free is None
    assert result.status == "ok"
