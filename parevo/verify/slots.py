"""Machine-wide CPU slots: timing runs never share cores with builds, checks, race runs or
other timing runs, across every parevo process on the machine (an evolve run with several
evaluation workers, a bench next to it, another user's run with its own `PAREVO_CACHE_DIR`).

A readers-writer lock over two `flock` files: non-timing stages hold the CPU lock shared,
timing holds it exclusive. A turnstile gives the writer priority — without it, a steady stream
of builds would starve a waiting timing run forever, because flock itself is not fair. Locks
die with their process, so a `kill -9` never leaves a slot held.

The lock files live at one fixed place per machine, never under the cache directory: two runs
with different cache directories used to time on top of each other. The place is the first of
`SHARED_ROOTS` that is a world-writable directory — a property of the machine, not of the user
asking, so every user's processes pick the same one. /dev/shm comes first because the sandbox
mounts a fresh tmpfs over it for candidates, which therefore cannot reach (and hold) the locks.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import sys
import time
from pathlib import Path
from typing import Iterator

from .. import paths

SHARED_ROOTS = (Path("/dev/shm"), Path("/run/lock"), Path("/tmp"))
SLOT_DIR_NAME = "parevo-cpu-slots"
# An explicit override (tests, or a machine whose administrator wants the locks elsewhere);
# it is never derived from PAREVO_CACHE_DIR.
ENV = "PAREVO_SLOT_DIR"
_warned = False


def slot_dir() -> Path:
    """Where every parevo process on this machine keeps the slot locks."""
    if env := os.environ.get(ENV):
        d = Path(env)
        d.mkdir(parents=True, exist_ok=True)
        return d
    for root in SHARED_ROOTS:
        try:
            st = root.stat()
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode) and st.st_mode & stat.S_IWOTH:
            d = root / SLOT_DIR_NAME
            try:
                d.mkdir(exist_ok=True)
                d.chmod(0o1777)  # other users create their lock files here too (sticky: none removes another's)
            except PermissionError:
                pass  # another user created it (and made it 1777); chmod is theirs to do
            return d
    global _warned
    if not _warned:  # nowhere shared: exclusion then covers only runs that share this cache directory
        print(f"parevo: no world-writable /dev/shm, /run/lock or /tmp: CPU slots only exclude runs using "
              f"{paths.cache_dir()} (set {ENV} to a directory every parevo run can write)", file=sys.stderr)
        _warned = True
    return paths.cache_dir()


def _open(name: str) -> int:
    """A descriptor on the lock file, read-only: flock needs no write access, so a lock file that
    another user created (mode 0644) serves every user, even where protected_regular forbids
    opening it for writing."""
    path = slot_dir() / f"{name}.lock"
    try:
        return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        with contextlib.suppress(FileExistsError):  # a race with another creator: theirs is as good
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644))
        return os.open(path, os.O_RDONLY | os.O_CLOEXEC)


@contextlib.contextmanager
def _held(name: str, mode: int) -> Iterator[float]:
    """The named lock in `mode`, taken behind the turnstile; yields the seconds spent queueing."""
    start = time.monotonic()
    fd, gate = _open(name), _open("turnstile")
    try:
        try:
            fcntl.flock(gate, fcntl.LOCK_EX)
            fcntl.flock(fd, mode)
        finally:
            os.close(gate)  # closing releases the turnstile
        yield time.monotonic() - start
    finally:
        os.close(fd)  # closing releases the CPU lock


def cpu_shared() -> contextlib.AbstractContextManager[float]:
    """Held by builds, correctness and race runs; yields the seconds spent queueing."""
    return _held("cpu", fcntl.LOCK_SH)


def cpu_exclusive() -> contextlib.AbstractContextManager[float]:
    """Held by timing and profiling: nothing else of parevo's runs meanwhile. Yields queue time."""
    return _held("cpu", fcntl.LOCK_EX)
