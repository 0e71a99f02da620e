"""The Kokkos toolchain: a Kokkos whose host backend is OpenMP, found once per process.

Debian's `libtrilinos-kokkos-dev` (Trilinos 13.2, Kokkos 3.4.1) is built with the Serial backend
only (its KokkosCore_config.h leaves KOKKOS_ENABLE_OPENMP undefined), so a candidate built against
it can never run on more than one thread. parevo therefore builds the same Kokkos 3.4.1 with the
OpenMP backend into a prefix of its own (`scripts/build-kokkos.sh`, default /usr/local/kokkos) and
uses Debian's only to say why it is not enough. `KOKKOS_ROOT` points at another install.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DEFAULT_PREFIX = Path("/usr/local/kokkos")
DEBIAN_INCLUDE = Path("/usr/include/trilinos")
CONFIG = "KokkosCore_config.h"


@dataclass(frozen=True)
class KokkosToolchain:
    include: Path | None
    libs: tuple[Path, ...]  # static archives, containers before core
    version: str
    backends: tuple[str, ...]  # host backends the install was built with
    why_not: str = ""  # set when an install was found but cannot serve the kokkos model

    def missing(self) -> str:
        if self.why_not:
            return self.why_not
        if not self.include or not self.libs:
            return "Kokkos with the OpenMP backend is missing (scripts/build-kokkos.sh builds it into /usr/local/kokkos)"
        return ""


def _backends(config: Path) -> tuple[tuple[str, ...], str]:
    text = config.read_text(errors="replace")
    backends = tuple(b for b in ("SERIAL", "OPENMP", "THREADS", "CUDA") if re.search(rf"^#define KOKKOS_ENABLE_{b}\b", text, re.M))
    m = re.search(r"^#define KOKKOS_VERSION (\d+)", text, re.M)
    v = int(m.group(1)) if m else 0
    return backends, f"{v // 10000}.{v // 100 % 100}.{v % 100}" if v else "unknown"


def _install(prefix: Path) -> KokkosToolchain | None:
    inc = prefix / "include"
    if not (inc / CONFIG).is_file():
        return None
    backends, version = _backends(inc / CONFIG)
    libdir = next((prefix / d for d in ("lib", "lib64") if (prefix / d / "libkokkoscore.a").is_file()), None)
    libs = (libdir / "libkokkoscontainers.a", libdir / "libkokkoscore.a") if libdir else ()
    why = ""
    if "OPENMP" not in backends:
        why = f"the Kokkos in {prefix} has no OpenMP backend (built with {', '.join(backends) or 'none'})"
    elif not libs:
        why = f"the Kokkos in {prefix} has headers but no static libkokkoscore.a"
    return KokkosToolchain(inc, tuple(p for p in libs if p.is_file()), version, backends, why)


@cache
def detect() -> KokkosToolchain:
    prefixes = [Path(p) for p in [os.environ.get("KOKKOS_ROOT")] if p] + [DEFAULT_PREFIX]
    found = [k for k in map(_install, prefixes) if k]
    if found:  # the first good one, else why the first one found is not good
        return next((k for k in found if not k.why_not), found[0])
    if (DEBIAN_INCLUDE / CONFIG).is_file():
        backends, version = _backends(DEBIAN_INCLUDE / CONFIG)
        if "OPENMP" not in backends:
            return KokkosToolchain(None, (), version, backends,
                                   f"Debian's Trilinos Kokkos {version} has only the {', '.join(backends) or 'no'} "
                                   f"backend(s), so nothing would run in parallel; scripts/build-kokkos.sh builds "
                                   f"Kokkos {version} with OpenMP into {DEFAULT_PREFIX}")
    return KokkosToolchain(None, (), "", ())
