"""Other CPU use on the machine during a timing run: the machine's busy time from /proc/stat
minus what this process and its waited-for children used in the same window.

The exclusive CPU slot (verify/slots.py) keeps other parevo stages off the cores, but not a
compiler, a browser or another user's job; on a 2-core machine such load alone moved a one-line
change between 0.93x and 1.75x. A timing run that overlapped more than `max_cores` of other
work is *contended*: the stage re-times it (bounded) and the evolve population never picks a
parent or a best by a contended number (evolve/population.py).

Why this arithmetic is sound: every timed process (the harness, its candidate processes) is a
descendant of this process that has been waited for when the run returns, so its CPU time is in
`os.times()`'s children fields; what remains of the machine's busy time is somebody else's. A
process of ours that escaped the wait (none should) would count as other use: a false
"contended", never a missed one. /proc/stat counts in clock ticks sampled per CPU, so up to a
tick per CPU (and one for our own reading) is forgiven.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

PROC_STAT = "/proc/stat"
_TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")
# Fields of the "cpu" line counted as busy: user nice system (idle iowait) irq softirq steal.
# Steal is time the hypervisor gave to another guest: as harmful to a timing as a local process.
_BUSY_FIELDS = (0, 1, 2, 5, 6, 7)


@dataclass(frozen=True)
class CpuSample:
    busy_s: float  # the whole machine's busy CPU time since boot
    own_s: float  # this process's and its waited-for children's CPU time
    at: float  # time.monotonic()


@dataclass(frozen=True)
class Contention:
    other_cores: float  # average other CPU use over the window, in cores (after the tick slack)
    wall_s: float
    contended: bool


def sample() -> CpuSample | None:
    """None where /proc/stat cannot be read (not Linux): contention is then unknown, not zero."""
    try:
        with open(PROC_STAT) as f:
            fields = f.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu":
        return None
    ticks = [int(v) for v in fields[1:]]
    t = os.times()
    return CpuSample(sum(ticks[i] for i in _BUSY_FIELDS if i < len(ticks)) * _TICK_S,
                     t.user + t.system + t.children_user + t.children_system, time.monotonic())


def between(before: CpuSample, after: CpuSample, max_cores: float, cpus: int | None = None,
            sandboxed_cpu_s: float | None = None) -> Contention:
    """`sandboxed_cpu_s`: the timed run's CPU time from its cgroup. A sandbox with its own pid
    namespace (bwrap) does not hand its processes' CPU time back to our rusage, which alone
    would count the run itself as other use; the larger of the two is ours."""
    wall = max(after.at - before.at, 1e-6)
    own = max(after.own_s - before.own_s, sandboxed_cpu_s or 0.0)
    other = (after.busy_s - before.busy_s) - own
    slack = ((cpus or os.cpu_count() or 1) + 1) * _TICK_S
    cores = max(0.0, other - slack) / wall
    return Contention(round(cores, 3), round(wall, 3), cores > max_cores)
