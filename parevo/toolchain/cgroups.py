"""Per-run control groups: the memory and process-count caps that hold where rlimits do not.

RLIMIT_AS breaks every ThreadSanitizer binary (it reserves terabytes of address space) and the
kernel does not apply RLIMIT_NPROC to root, so parevo caps memory and pids with a cgroup made
for each run. cgroup v1 (separate `memory` and `pids` hierarchies) and v2 (one unified
hierarchy) are both supported; where neither is writable the caller learns it from
`CgroupSupport.available` and degrades with a note.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
PARENT_NAME = "parevo"


@dataclass(frozen=True)
class CgroupSupport:
    version: int | None  # 1, 2 or None
    memory: bool
    pids: bool
    why_not: str = ""

    @property
    def available(self) -> bool:
        return self.memory and self.pids


def _writable_dir(path: Path) -> bool:
    # Unique per call: threads of one process probe at once (stages run builds ahead in threads),
    # and a shared name let one thread's rmdir fail another's probe.
    probe = path / f"{PARENT_NAME}-probe-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        probe.mkdir(exist_ok=True)
        probe.rmdir()
        return True
    except OSError:
        return False


_detecting = threading.Lock()


def detect() -> CgroupSupport:
    """What this machine's cgroups allow (probed once per process; the first callers may be
    several threads at once, and a probe that lost a race must not be remembered as the answer)."""
    with _detecting:
        return _detect()


@cache
def _detect() -> CgroupSupport:
    v1_mem, v1_pids = CGROUP_ROOT / "memory", CGROUP_ROOT / "pids"
    if (v1_mem / "memory.limit_in_bytes").exists():
        mem, pids = _writable_dir(v1_mem), _writable_dir(v1_pids)
        why = "" if mem and pids else "cgroup v1 memory/pids hierarchies are not writable (run as root?)"
        return CgroupSupport(1, mem, pids, why)
    if (CGROUP_ROOT / "cgroup.controllers").exists():
        controllers = (CGROUP_ROOT / "cgroup.controllers").read_text().split()
        if "memory" in controllers and "pids" in controllers and _writable_dir(CGROUP_ROOT):
            return CgroupSupport(2, True, True)
        return CgroupSupport(2, False, False, "cgroup v2 is mounted but parevo cannot create child groups with memory and pids")
    return CgroupSupport(None, False, False, "no cgroup hierarchy is mounted at /sys/fs/cgroup")


@dataclass
class RunCgroup:
    """The cgroup(s) of one sandboxed run; `procs_files` are what the launcher joins."""

    support: CgroupSupport
    dirs: list[Path] = field(default_factory=list)

    @classmethod
    def create(cls, memory_bytes: int, max_pids: int) -> "RunCgroup":
        support = detect()
        # The creator's pid leads the name: lifeline.sweep_orphan_cgroups removes the groups of
        # a process that died without cleaning up (kill -9) by that pid alone.
        name = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
        group = cls(support)
        if support.version == 1:
            mem = CGROUP_ROOT / "memory" / PARENT_NAME / name
            pids = CGROUP_ROOT / "pids" / PARENT_NAME / name
            for d in (mem, pids):
                d.mkdir(parents=True)
                group.dirs.append(d)
            (mem / "memory.limit_in_bytes").write_text(str(memory_bytes))
            swap = mem / "memory.memsw.limit_in_bytes"
            if swap.exists():
                with contextlib.suppress(OSError):  # absent swap accounting: the RAM cap still holds
                    swap.write_text(str(memory_bytes))
            (pids / "pids.max").write_text(str(max_pids))
            # CPU accounting where the cpuacct hierarchy is writable: the CPU time of the run's
            # processes, which a pid-namespace sandbox (bwrap) keeps out of our rusage.
            acct = CGROUP_ROOT / "cpuacct" / PARENT_NAME / name
            with contextlib.suppress(OSError):
                if (CGROUP_ROOT / "cpuacct" / "cpuacct.usage").exists():
                    acct.mkdir(parents=True)
                    group.dirs.append(acct)
        else:
            parent = CGROUP_ROOT / PARENT_NAME
            parent.mkdir(exist_ok=True)
            with contextlib.suppress(OSError):  # already enabled, or enabled by our own parent
                (parent / "cgroup.subtree_control").write_text("+memory +pids")
            d = parent / name
            d.mkdir()
            group.dirs.append(d)
            (d / "memory.max").write_text(str(memory_bytes))
            with contextlib.suppress(OSError):
                (d / "memory.swap.max").write_text("0")
            (d / "pids.max").write_text(str(max_pids))
        return group

    @property
    def procs_files(self) -> list[str]:
        return [str(d / "cgroup.procs") for d in self.dirs]

    def pids(self) -> set[int]:
        found: set[int] = set()
        for d in self.dirs:
            with contextlib.suppress(OSError):
                found.update(int(p) for p in (d / "cgroup.procs").read_text().split())
        return found

    def kill_all(self, deadline_s: float = 5.0) -> None:
        """SIGKILL every member until none is left: a fork bomb keeps forking while we sweep."""
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            members = self.pids()
            if not members:
                return
            for pid in members:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.01)

    def memory_exceeded(self) -> bool:
        for d in self.dirs:
            oom = d / "memory.oom_control"  # v1
            events = d / "memory.events"  # v2
            with contextlib.suppress(OSError):
                if oom.exists():
                    for line in oom.read_text().splitlines():
                        if line.startswith("oom_kill ") and int(line.split()[1]) > 0:
                            return True
                if events.exists():
                    for line in events.read_text().splitlines():
                        key, _, value = line.partition(" ")
                        if key == "oom_kill" and int(value) > 0:
                            return True
        return False

    def pids_exceeded(self) -> bool:
        for d in self.dirs:
            with contextlib.suppress(OSError):
                events = d / "pids.events"
                if events.exists():
                    for line in events.read_text().splitlines():
                        key, _, value = line.partition(" ")
                        if key == "max" and int(value) > 0:
                            return True
        return False

    def cpu_seconds(self) -> float | None:
        """The CPU time the run's processes used (None: no CPU accounting for this group)."""
        for d in self.dirs:
            with contextlib.suppress(OSError, ValueError):
                if (d / "cpuacct.usage").exists():  # v1, nanoseconds
                    return int((d / "cpuacct.usage").read_text()) / 1e9
                if (d / "cpu.stat").exists():  # v2: usage_usec is kept without the cpu controller
                    for line in (d / "cpu.stat").read_text().splitlines():
                        key, _, value = line.partition(" ")
                        if key == "usage_usec":
                            return int(value) / 1e6
        return None

    def peak_memory(self) -> int | None:
        for d in self.dirs:
            for name in ("memory.max_usage_in_bytes", "memory.peak"):
                with contextlib.suppress(OSError, ValueError):
                    return int((d / name).read_text())
        return None

    def remove(self) -> None:
        self.kill_all(deadline_s=2.0)
        for d in self.dirs:
            for _ in range(50):
                try:
                    d.rmdir()
                    break
                except OSError:
                    time.sleep(0.02)  # the kernel frees a group only once its last task is reaped


def _creator(name: str) -> int | None:
    head, sep, _ = name.partition("-")
    return int(head) if sep and head.isdigit() else None


def existing_groups() -> list[tuple[RunCgroup, int | None]]:
    """Every parevo run cgroup on the machine with the pid that created it (None: unknown)."""
    support = detect()
    if not support.available:
        return []
    parents = ([CGROUP_ROOT / h / PARENT_NAME for h in ("memory", "pids", "cpuacct")] if support.version == 1
               else [CGROUP_ROOT / PARENT_NAME])
    by_name: dict[str, RunCgroup] = {}
    for parent in parents:
        with contextlib.suppress(OSError):
            for d in parent.iterdir():
                if d.is_dir():
                    by_name.setdefault(d.name, RunCgroup(support)).dirs.append(d)
    return [(g, _creator(name)) for name, g in sorted(by_name.items())]
