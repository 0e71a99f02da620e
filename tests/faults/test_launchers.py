"""`racecheck` and `bench` killed with `kill -9` while their programs run: the sandboxed program
(started in a session of its own, so a process-group kill does not reach it) and bench's
evaluation worker die with them. `corpus generate` launches through the same `sandbox.run` as
racecheck, from its own process, so the racecheck case covers its chain."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from faultkit import Driver, env, kill_at, process_tree, reap, survivors, wait_for

pytestmark = pytest.mark.slow

SPIN = r"""
// spins on every thread until killed: a program that would run for its whole time limit
#include <atomic>
#include <thread>
#include <vector>
std::atomic<long> n{0};
int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 2; ++i) ts.emplace_back([] { for (;;) n.fetch_add(1, std::memory_order_relaxed); });
  for (auto& t : ts) t.join();
}
"""


def _launch(tmp: Path, *args: str) -> Driver:
    log = tmp / "launcher.log"
    with open(log, "w") as f:
        proc = subprocess.Popen([sys.executable, "-m", "parevo.cli", *args], cwd=tmp, env=env(), stdout=f,
                                stderr=subprocess.STDOUT, start_new_session=True)
    return Driver(proc, log)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_racecheck_killed_takes_its_program_along(tmp_path):
    program = tmp_path / "spin.cpp"
    program.write_text(SPIN)
    driver = _launch(tmp_path, "racecheck", str(program), "--model", "threads", "--threads", "2", "--runs", "1",
                     "--timeout", "120")
    wait_for("the program running under the detector",
             lambda: any(_cmdline(p).split(b"\0")[0].endswith(b"/prog") for p in process_tree(driver.proc.pid)),
             driver)  # the build cache names a whole program's binary `prog`
    tree = kill_at(driver, signal.SIGKILL)
    reap(driver)
    assert survivors(tree, [tmp_path]) == []


def test_bench_killed_takes_its_worker_along(tmp_path):
    driver = _launch(tmp_path, "bench", "--solutions", "reference", "--tasks", "histogram", "--models", "openmp",
                     "--quick", "--name", "b", "--out-dir", str(tmp_path / "bench"))

    def stage_of_worker():  # the worker reports its stage beside its result file (worker.STAGE_FILE)
        return list((tmp_path / "bench").glob("*/evals/**/stage"))

    wait_for("bench's worker in a stage", stage_of_worker, driver)
    tree = kill_at(driver, signal.SIGKILL)
    reap(driver)
    assert survivors(tree, [tmp_path]) == []
