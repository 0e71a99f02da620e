"""Machine-wide CPU slots: timing runs never share cores with builds, checks, race runs or
other timing runs, across every parevo process on the machine (an evolve run with several
evaluation workers, a bench next to it).

A readers-writer lock over two `flock` files: non-timing stages hold the CPU lock shared,
timing holds it exclusive. A turnstile gives the writer priority — without it, a steady stream
of builds would starve a waiting timing run forever, because flock itself is not fair. Locks
die with their process, so a `kill -9` never leaves a slot held.
"""

from __future__ import annotations

import contextlib
import fcntl
import time
from pathlib import Path
from typing import Iterator

from .. import paths


def _lock_path(name: str) -> Path:
    return paths.cache_dir() / f"{name}.lock"


@contextlib.contextmanager
def _flock(path: Path, mode: int) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as f:
        fcntl.flock(f, mode)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@contextlib.contextmanager
def cpu_shared() -> Iterator[float]:
    """Held by builds, correctness and race runs; yields the seconds spent queueing."""
    start = time.monotonic()
    with open(_lock_path("cpu"), "a") as cpu:
        with _flock(_lock_path("turnstile"), fcntl.LOCK_EX):
            fcntl.flock(cpu, fcntl.LOCK_SH)
        try:
            yield time.monotonic() - start
        finally:
            fcntl.flock(cpu, fcntl.LOCK_UN)


@contextlib.contextmanager
def cpu_exclusive() -> Iterator[float]:
    """Held by timing and profiling: nothing else of parevo's runs meanwhile. Yields queue time."""
    start = time.monotonic()
    with open(_lock_path("cpu"), "a") as cpu:
        with _flock(_lock_path("turnstile"), fcntl.LOCK_EX):
            fcntl.flock(cpu, fcntl.LOCK_EX)
        try:
            yield time.monotonic() - start
        finally:
            fcntl.flock(cpu, fcntl.LOCK_UN)
