"""What this machine's toolchain offers: compilers, LLVM's OpenMP runtime with Archer, oneTBB,
ParlayLib, perf. Found once per process; `parevo doctor` prints the same facts with what
each missing piece costs and how to install it."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Toolchain:
    cxx: str | None
    cc: str | None
    cxx_version: str
    llvm_lib: Path | None  # holds libomp.so and libarcher.so (the OpenMP race recipe)
    tbb: bool
    parlay_include: Path | None
    perf: str | None
    perf_hardware: bool  # cycles/instructions counters (often absent on virtual machines)

    @property
    def archer(self) -> Path | None:
        return self.llvm_lib / "libarcher.so" if self.llvm_lib else None


def _first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.splitlines()[0].strip() if out else ""


def find_llvm_lib() -> Path | None:
    # The libomp-N-dev packages of different LLVM versions conflict, so at most one is normal;
    # prefer the newest that ships both pieces.
    for lib in sorted(glob.glob("/usr/lib/llvm-*/lib"), reverse=True):
        p = Path(lib)
        if (p / "libarcher.so").exists() and (p / "libomp.so").exists():
            return p
    return None


def find_parlay_include() -> Path | None:
    candidates = []
    if env := os.environ.get("PARLAYLIB_INCLUDE"):
        candidates.append(Path(env))
    candidates += [Path("/usr/local/include"), Path("/usr/include")]
    for c in candidates:
        if (c / "parlay" / "parallel.h").exists():
            return c
    return None


def _perf_works(perf: str, event: str) -> bool:
    try:
        proc = subprocess.run([perf, "stat", "-x", ",", "-e", event, "true"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0 and "<not supported>" not in proc.stderr and "<not counted>" not in proc.stderr


@cache
def detect() -> Toolchain:
    cxx, cc = shutil.which("g++"), shutil.which("gcc")
    perf = shutil.which("perf")
    if perf and not _perf_works(perf, "task-clock"):
        perf = None
    tbb = any(Path(d, "oneapi", "tbb.h").exists() for d in ("/usr/include", "/usr/local/include")) and bool(
        glob.glob("/usr/lib/*/libtbb.so*") + glob.glob("/usr/local/lib/libtbb.so*")
    )
    return Toolchain(
        cxx=cxx, cc=cc, cxx_version=_first_line([cxx, "--version"]) if cxx else "",
        llvm_lib=find_llvm_lib(), tbb=tbb, parlay_include=find_parlay_include(),
        perf=perf, perf_hardware=bool(perf) and _perf_works(perf, "instructions"),
    )
