"""Link-time guard: a candidate object must not define names it does not own.

The candidate is linked with parevo's entry object into a shared library that only the
candidate process loads; the harness that times and validates is another program, so a
candidate's definition of `clock_gettime` or `task::validate` can no longer reach the verdict.
Such a definition is still refused: it can only be an attempt to replace runtime or harness code,
and the feedback says so plainly. Checked on the object file with `nm` before linking.
"""

from __future__ import annotations

import glob
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STRONG = set("TDBRGS")  # defined, global, not weak
RUNTIME_LIBRARIES = (
    "/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
    "/lib/x86_64-linux-gnu/libgcc_s.so.1", "/usr/lib/x86_64-linux-gnu/libgomp.so.1", "/usr/lib/x86_64-linux-gnu/libtbb.so.12",
)


@dataclass(frozen=True)
class Symbol:
    name: str
    kind: str  # nm's type letter


def _nm(args: list[str]) -> list[Symbol]:
    nm = shutil.which("nm")
    if not nm:
        return []
    out = subprocess.run([nm, *args], capture_output=True, text=True, timeout=60).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3:  # "ADDRESS TYPE NAME"; undefined symbols have no address and are skipped
            syms.append(Symbol(parts[2], parts[1]))
    return syms


def defined_globals(obj: Path) -> list[Symbol]:
    return _nm(["--defined-only", "-g", str(obj)])


@cache
def runtime_exports() -> frozenset[str]:
    names: set[str] = set()
    libs = [p for p in RUNTIME_LIBRARIES if Path(p).exists()] + glob.glob("/usr/lib/llvm-*/lib/libomp.so.5")
    for lib in libs:
        names.update(s.name.split("@")[0] for s in _nm(["-D", "--defined-only", lib]))
    return frozenset(names)


def demangle(name: str) -> str:
    filt = shutil.which("c++filt")
    if not filt:
        return name
    return subprocess.run([filt, name], capture_output=True, text=True, timeout=10).stdout.strip() or name


def hijacked_symbols(candidate_obj: Path, harness_obj: Path, overridable: tuple[str, ...] = ()) -> list[str]:
    """Names the candidate defines that belong to the harness or the runtime libraries.

    `overridable` names free functions the task's harness provides only as a weak default that
    a candidate may replace (a ParEval prompt that declares a helper, e.g. `fft`)."""
    harness = {s.name for s in defined_globals(harness_obj)}
    exports = runtime_exports()
    bad = []
    for s in defined_globals(candidate_obj):
        strong = s.kind in STRONG
        if strong and s.name in harness and overridable and demangle(s.name).split("(")[0] in overridable:
            continue
        if strong and s.name in harness:
            bad.append(s.name)
        elif s.name in exports and (strong or not s.name.startswith("_Z")):
            bad.append(s.name)
    return sorted(set(bad))
