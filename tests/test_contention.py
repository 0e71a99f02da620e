"""Other CPU use during a timing run is measured and marks the timing contended (verify/contention.py):
the machine's busy time minus our own process tree's, re-timed a bounded number of times."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from parevo import EvalConfig, evaluate, get_task
from parevo.verify import contention
from parevo.verify.contention import CpuSample

BUSY = [sys.executable, "-c", "while True: pass"]


def test_other_use_is_busy_time_minus_our_own():
    tick = contention._TICK_S
    before = CpuSample(busy_s=100.0, own_s=5.0, at=10.0)
    # 2 s of wall: 3 s of machine busy time, 2 s of it ours -> 1 s of others' = 0.5 cores (less the slack).
    seen = contention.between(before, CpuSample(103.0, 7.0, 12.0), max_cores=0.25, cpus=2)
    assert seen.contended and abs(seen.other_cores - (1.0 - 3 * tick) / 2) < 1e-3
    quiet = contention.between(before, CpuSample(102.0 + tick, 7.0, 12.0), max_cores=0.25, cpus=2)
    assert not quiet.contended and quiet.other_cores == 0.0  # within a tick per CPU: forgiven
    assert contention.between(before, CpuSample(102.5, 7.0, 12.0), max_cores=0.25, cpus=2).contended is False


def test_a_sandboxed_run_is_ours_though_its_pid_namespace_hides_it_from_rusage(tmp_path):
    """bwrap's pid namespace keeps the run's CPU time out of our children's rusage: the run's own
    cgroup accounts it (`RunOutcome.cpu_s`), and the larger of the two is ours. Before, every
    timing on a quiet machine counted itself as about a core of other use."""
    from parevo.toolchain import sandbox

    before = CpuSample(busy_s=100.0, own_s=5.0, at=10.0)
    after = CpuSample(busy_s=102.0, own_s=5.0, at=12.0)  # 2 s busy, none of it in our rusage
    assert contention.between(before, after, 0.25, cpus=2).contended  # the sandbox's own time
    assert not contention.between(before, after, 0.25, cpus=2, sandboxed_cpu_s=2.0).contended
    if not sandbox.detect_guards().cgroups.available:
        pytest.skip("no cgroups here: the run's CPU time is not accounted")
    src = tmp_path / "busy.c"
    src.write_text("int main(void){volatile double x=0; for(long i=0;i<300000000L;++i) x+=i*0.5; return 0;}")
    subprocess.run(["gcc", "-O1", str(src), "-o", str(tmp_path / "busy")], check=True)
    t0 = time.process_time()
    out = sandbox.run([str(tmp_path / "busy")], sandbox.Limits(wall_s=60), tmp_path / "work")
    # The loop needs ~0.3-0.6 s of CPU; a loaded machine stretches its wall time, not its CPU time.
    assert out.ok and out.cpu_s is not None and out.cpu_s > 0.2, out
    assert time.process_time() - t0 < 0.5 * out.cpu_s  # it is not this process's own time


def test_a_foreign_process_counts_as_other_use_and_a_waited_child_as_ours():
    before = contention.sample()
    hog = subprocess.Popen(BUSY)
    try:
        time.sleep(1.0)
        during = contention.sample()
    finally:
        hog.kill()
        hog.wait()
    assert before and during
    assert contention.between(before, during, max_cores=0.25).other_cores >= 0.5
    start = contention.sample()
    subprocess.run([sys.executable, "-c", "import time\nt=time.process_time()\nwhile time.process_time()-t<0.6: pass"],
                   check=True)
    end = contention.sample()
    assert end.own_s - start.own_s >= 0.55  # the waited-for child's CPU time is ours, not other use


def test_a_timing_run_under_load_is_retimed_once_and_marked_contended(build_cache):
    task = get_task("histogram")
    source = task.reference_source("openmp")
    config = EvalConfig.quick(timing_threads=[1], contention_retimes=1, contention_max_cores=0.25)
    hogs: list[subprocess.Popen] = []

    def load_during_timing(stage, done):  # only the timing stage runs under load: the test stays quick
        if stage == "timing" and done is None:
            hogs.extend(subprocess.Popen(BUSY) for _ in range(2))

    try:
        result = evaluate(task, source, "openmp", config, cache=build_cache, progress=load_during_timing)
    finally:
        for h in hogs:
            h.kill()
            h.wait()
    assert len(hogs) == 2
    timing = result.stage("timing")
    assert result.status == "ok", result.feedback
    assert timing.metrics["contended"] is True and result.metrics["contended"] is True
    assert timing.metrics["timing_attempts"] == {"baseline": 2, "candidate": 2, "reference": 2}
    assert all(c >= 0.25 for c in timing.metrics["contention_cores"].values())
