"""Baseline and expert-reference timings reused across evaluations, re-measured on a schedule.

Every evaluation used to time the task's sequential baseline and its expert reference again,
though neither changes between candidates: on the bundled replay that is a third of the timing
stage. Here each is measured once per *timing set* — task and version, the two programs'
sources, the timed families and size, warm-up and repetitions, the OpenMP wait policy, the
thread count, compiler, parevo version and machine — and kept in the evaluation cache.

The candidate is still timed in the same conditions as what it is compared with: a timing set
owns a secret seed, and every candidate compared with the set's baseline is timed on the inputs
of that seed (so it sees exactly the inputs the baseline was timed on), under the same exclusive
CPU slot. The seed lives in the cache directory, which the sandbox hides from candidates, and
is not written into results.

Drift: the set is measured again once it has served `timing_recheck_every` evaluations or is
`timing_recheck_s` old. A re-measurement is used by the evaluation that made it; its medians
replace the stored ones, and the relative change is recorded as `drift` (docs/verifier.md gives
the error bound). A contended measurement (verify/contention.py) is used but never stored.

Writes are read-modify-write without a lock of their own: the timing stage runs under the
machine-wide exclusive CPU slot (verify/slots.py), so no two timing stages overlap.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import secrets
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .. import paths
from ..version import __version__
from .timing import TimingStats

SCHEMA = 1


class TimingSet(BaseModel):
    seed: int
    measured_at: float  # time.time() of the last stored measurement
    served: int = 0  # evaluations that reused it since then
    roles: dict[str, dict[str, dict[str, float]]] = {}  # role -> family -> TimingStats fields
    drift: dict[str, float] = {}  # role -> largest relative change of a median at the last re-measurement

    def stats(self, role: str) -> dict[str, TimingStats] | None:
        fams = self.roles.get(role)
        return {f: TimingStats(**{k: (int(v) if k == "reps" else v) for k, v in s.items()}) for f, s in fams.items()} if fams else None


def _machine() -> dict:
    """What makes a timing from another machine (or another CPU allotment) incomparable."""
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass  # not Linux: the node name and core count still separate machines
    return {"node": platform.node(), "cpus": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)), "cpu": model}


def set_key(**identity) -> str:
    """The digest of everything a reused timing depends on (the caller names the task's part)."""
    identity = {**identity, "machine": _machine(), "parevo": __version__, "schema": SCHEMA}
    return hashlib.sha256(json.dumps(identity, sort_keys=True, default=str).encode()).hexdigest()


def _path(key: str) -> Path:
    return paths.cache_dir() / "timings" / f"{key}.json"


def load(key: str) -> TimingSet | None:
    try:
        return TimingSet.model_validate_json(_path(key).read_text())
    except (OSError, ValidationError):  # absent, or left half-written by an older version: measure again
        return None


def store(key: str, entry: TimingSet) -> None:
    path = _path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w") as f:
        f.write(entry.model_dump_json())
    os.chmod(tmp, 0o600)  # the seed is a secret: only this user reads it
    os.replace(tmp, path)


def due(entry: TimingSet | None, every: int, after_s: float) -> bool:
    return entry is None or entry.served >= every or time.time() - entry.measured_at >= after_s


def fresh_seed(configured: int | None) -> int:
    return configured + 1000 if configured is not None else secrets.randbits(40)


def remeasured(entry: TimingSet | None, seed: int, measured: dict[str, dict[str, TimingStats]]) -> TimingSet:
    """The set after a re-measurement: the new medians, and how far they moved from the old."""
    drift = {}
    for role, fams in measured.items():
        old = entry.stats(role) if entry else None
        if old:
            drift[role] = max((abs(s.median / old[f].median - 1.0) for f, s in fams.items() if f in old), default=0.0)
    roles = {**(entry.roles if entry else {}), **{r: {f: s.as_dict() for f, s in fams.items()} for r, fams in measured.items()}}
    return TimingSet(seed=seed, measured_at=time.time(), served=0, roles=roles, drift=drift)
