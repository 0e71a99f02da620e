"""The shared, content-addressed cache of generated timing inputs (the harness side is
`cxx/input_cache.hpp`).

What is cached: the master input of a timing case (what the task's generator returns for
repetition 0; later repetitions are varied from it in memory, as without the cache). Key: the
directory is `<cache>/inputs/<sha256 of the harness executable>[:16]`, and a file in it is named
after (family, size, seed). The harness executable embeds the task's generators, its headers and
the compiler's code for them, so a changed task version, generator or toolchain gets a directory of
its own; the timing set's seed is stable across evaluations (verify/measure.py `_reuse_plan`), so
the baseline, candidate, reference and profile runs of every evaluation of one timing set read the
inputs generated once.

Why the candidate cannot use it: the files are the timing inputs themselves (a candidate that read
them would know future inputs; one that wrote them would choose them). The directory is 0700 and
owned by root; it exists inside a run's sandbox only when the harness (root) needs it, bound at
INSIDE over the run's private /tmp; the candidate process runs as `nobody`, was forked before any
cache file was opened, and cannot read the non-dumpable harness's /proc entries. Where that does
not hold (not root, no bubblewrap private view: the harness's `--keep-user` path) the cache is not
used at all, by this module and by the harness alike. The correctness and race stages never use
it: their seeds are fresh and secret in every evaluation.

Beside each input, `<name>.ok` records the keyed digests of outputs the harness validated on it
(`digest.key` is the directory's secret key): a later run's output with the same bytes is not
validated again, so a timing set's validator runs once per input and distinct output, not once
per candidate. The records are as private as the inputs, and a record can only let through
bytes that were validated (cxx/input_cache.hpp, cxx/output_digest.hpp).
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..toolchain import sandbox

INSIDE = Path("/tmp/parevo-inputs")  # where the sandboxed harness sees its directory
STALE_TMP_S = 3600.0  # a temporary file this old was left by a killed harness
DIGEST_KEY = "digest.key"  # the directory's secret key of validated outputs' digests (cxx/input_cache.hpp)


@dataclass(frozen=True)
class InputCache:
    directory: Path  # this harness executable's directory
    max_bytes: int  # the whole cache (every harness's directory) is kept under this

    def evict(self) -> None:
        """Removes the least recently used inputs until the cache is within `max_bytes` (the
        harness touches a file it reads), and temporary files a killed harness left behind."""
        files = []
        now = time.time()
        for f in self.directory.parent.glob("*/*"):
            try:
                st = f.lstat()
            except FileNotFoundError:
                continue  # evicted by a concurrent run
            if ".tmp" in f.name:
                if now - st.st_mtime > STALE_TMP_S:
                    f.unlink(missing_ok=True)
                continue
            if f.name == DIGEST_KEY and f.parent == self.directory:
                continue  # this build's secret: replacing it would only forget every record
            files.append((st.st_mtime, st.st_size, f))
        total = sum(size for _, size, _ in files)
        for _, size, f in sorted(files):
            if total <= self.max_bytes:
                break
            f.unlink(missing_ok=True)
            if f.suffix == ".in":  # its validated outputs' records go with it
                f.with_suffix(".ok").unlink(missing_ok=True)
            total -= size
        for d in self.directory.parent.iterdir():  # left by earlier harness builds, now emptied
            if d != self.directory and d.is_dir() and not any(d.iterdir()):
                try:
                    d.rmdir()
                except OSError:
                    pass  # a harness of that build started writing to it again


def root() -> Path:
    return paths.cache_dir() / "inputs"


_digests: dict[tuple[str, int, int], str] = {}


def _digest(harness: Path) -> str:
    st = harness.stat()
    key = (str(harness.resolve()), st.st_mtime_ns, st.st_size)
    if key not in _digests:
        _digests[key] = hashlib.sha256(harness.read_bytes()).hexdigest()[:16]
    return _digests[key]


def _private_dir(d: Path) -> bool:
    """Makes `d` a 0700 directory of this user; False where it is something else (a link, or
    another user's), which no run then trusts."""
    try:
        d.mkdir(mode=0o700, exist_ok=True)
        st = d.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid():
        return False
    if stat.S_IMODE(st.st_mode) != 0o700:
        d.chmod(0o700)
    return True


def usable() -> bool:
    """Whether runs here can keep the cache from the candidate: parevo is root (the candidate
    process then runs as `nobody`) and bubblewrap gives the run a private view."""
    return os.geteuid() == 0 and bool(sandbox.detect_guards().bwrap)


def for_harness(harness: Path, max_bytes: int) -> InputCache | None:
    """The cache of this harness executable's inputs, or None where it must not be used."""
    if not usable():
        return None
    d = root() / _digest(harness)
    if not (_private_dir(root()) and _private_dir(d)):
        return None
    return InputCache(d, max_bytes)
