"""Nothing parevo starts outlives the process that started it, however that process dies.

A `kill -9` of a driver runs no cleanup code, so the children must notice on their own:
- an evaluation worker asks the kernel for SIGKILL when its parent dies (`PR_SET_PDEATHSIG`,
  `die_with_parent`). The kernel ties that signal to the parent *thread*, and the parent may
  die between fork and the `prctl` call, so the worker compares `getppid()` with the pid its
  launcher wrote into `PAREVO_PARENT_PID` afterwards and exits when they differ;
- every sandbox chain starts under `setpriv --pdeathsig KILL` (inherited by the exec'd `sh`,
  `prlimit`, `bwrap`), and bubblewrap's `--die-with-parent` kills the sandbox's pid namespace;
- what neither reaches (a compiler's `cc1plus`, forked by a `g++` that died: the death signal
  is not inherited across fork) is in a cgroup named after the process that created it, and
  `sweep_orphan_cgroups` kills and removes the groups whose creator is gone — at the start of
  every command that launches sandboxes, and when a worker dies under its launcher.

CPU slots need no sweep: they are `flock`s, which die with their holder (verify/slots.py).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import sys
from functools import cache

PARENT_ENV = "PAREVO_PARENT_PID"
_PR_SET_PDEATHSIG = 1


@cache
def pdeathsig_prefix() -> tuple[str, ...]:
    """`setpriv --pdeathsig KILL --` where util-linux has it (Debian 10 on), else nothing: the
    cgroup sweep is then the only guard for a chain outside bubblewrap."""
    setpriv = shutil.which("setpriv")
    return (setpriv, "--pdeathsig", "KILL", "--") if setpriv else ()


def child_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a child that will call `die_with_parent`: it names this process."""
    env = dict(os.environ if base is None else base)
    env[PARENT_ENV] = str(os.getpid())
    return env


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Arm the parent-death signal for this process; exit at once if the parent is gone already.

    Without `PAREVO_PARENT_PID` (a worker started by hand) the check is skipped, the signal is
    still armed."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"prctl(PR_SET_PDEATHSIG): {os.strerror(err)}")
    expected = os.environ.get(PARENT_ENV)
    if expected and os.getppid() != int(expected):
        # the launcher died before the signal was armed: nobody will read our result
        sys.exit(3)


def pid_alive(pid: int) -> bool:
    """True while `pid` is a live (not zombie) process."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def sweep_orphan_cgroups(owner: int | None = None) -> int:
    """Kill and remove parevo's cgroups whose creating process is dead (or, with `owner`, those
    of that process only, dead or not). Returns how many were removed."""
    from . import cgroups

    removed = 0
    for group, creator in cgroups.existing_groups():
        if owner is not None:
            stale = creator == owner
        else:  # a group of an older parevo (no creator in its name) is not ours to judge
            stale = creator is not None and not pid_alive(creator)
        if stale:
            group.remove()
            removed += 1
    return removed
