"""The MPI toolchain (Open MPI from Debian: openmpi-bin, libopenmpi-dev): where mpirun is and
which flags mpicxx would add. Found once per process; `parevo doctor` prints it."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class MpiToolchain:
    mpirun: str | None
    compile: tuple[str, ...]
    link: tuple[str, ...]
    version: str

    def missing(self) -> str:
        if not self.mpirun or not self.link:
            return "Open MPI is missing (apt-get install openmpi-bin libopenmpi-dev)"
        return ""


def _show(wrapper: str, what: str) -> tuple[str, ...]:
    try:
        out = subprocess.run([wrapper, f"--showme:{what}"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(out.split())


@cache
def detect() -> MpiToolchain:
    mpirun, mpicxx = shutil.which("mpirun"), shutil.which("mpicxx")
    if not mpirun or not mpicxx:
        return MpiToolchain(mpirun, (), (), "")
    # Only Open MPI's wrapper knows --showme; MPICH's mpicxx does not (then: missing).
    link = tuple(f for f in _show(mpicxx, "link") if f != "-lmpi_cxx")
    try:
        version = subprocess.run([mpirun, "--version"], capture_output=True, text=True, timeout=20).stdout.splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        version = ""
    return MpiToolchain(mpirun, _show(mpicxx, "compile"), link, version)
