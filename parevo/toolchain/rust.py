"""The Rust toolchain of the `rayon` model: rustc and cargo, Rayon from Debian's packaged crates
(`librust-rayon-dev`, a local directory registry under /usr/share/cargo/registry), and parevo's own
runtime crate `parevo_rt` compiled against them once.

Rayon is compiled once per (rustc, cargo, registry, parevo_rt) and kept in the cache as rlibs;
every candidate is then one `rustc` invocation with `--extern rayon=... --extern parevo_rt=...`
(a second or two instead of the half minute cargo spends on Rayon). A file lock serialises the
one-time build across processes; a finished build is renamed into place, so a reader sees a
whole one or none.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import paths
from ..errors import InfraError
from . import sandbox

REGISTRY = Path("/usr/share/cargo/registry")
RUNTIME_CRATE = paths.PACKAGE_DIR / "verify" / "rust" / "parevo_rt"
DEPS_FORMAT = 1  # bump to rebuild every cached Rayon
DEPS_LIMITS = sandbox.Limits(wall_s=600.0, memory_bytes=6 * sandbox.GiB, max_pids=256, max_file_bytes=1 * sandbox.GiB)
_CARGO_CONFIG = f"""[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "{REGISTRY}"
[net]
offline = true
"""


@dataclass(frozen=True)
class RustToolchain:
    rustc: str | None
    cargo: str | None
    version: str  # `rustc --version`
    rayon: str  # the packaged Rayon's crate directory name ('rayon-1.6.1'), '' when absent

    def missing(self) -> str:
        """Why the rayon model cannot be built here ('' when it can)."""
        if not self.rustc or not self.cargo:
            return "the Rust toolchain is missing (apt-get install cargo rustc librust-rayon-dev)"
        if not self.rayon:
            return f"Rayon's packaged crate is missing from {REGISTRY} (apt-get install librust-rayon-dev)"
        return ""


def _version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.strip().splitlines()[0] if out.strip() else ""


@cache
def detect() -> RustToolchain:
    # The sandbox's PATH, not the caller's: Debian's rustc matches Debian's packaged crates (a
    # rustup toolchain in ~/.cargo/bin is a different compiler that the builds would not see).
    rustc = shutil.which("rustc", path=sandbox.BASE_PATH)
    cargo = shutil.which("cargo", path=sandbox.BASE_PATH)
    rayons = sorted(p.name for p in REGISTRY.glob("rayon-[0-9]*")) if REGISTRY.is_dir() else []
    return RustToolchain(rustc, cargo, _version([rustc, "--version"]) if rustc else "", rayons[-1] if rayons else "")


@dataclass(frozen=True)
class RustDeps:
    """Rayon and parevo_rt, compiled: what a candidate's rustc is pointed at."""

    key: str
    deps_dir: Path  # -L dependency=
    externs: dict[str, Path]  # crate name -> rlib
    native_libs: tuple[str, ...]  # what the staticlib needs from the system linker
    seconds: float  # what building them cost (0 when they were cached)


def _digest(tc: RustToolchain) -> str:
    from .build import sha256, tree_digest

    crate = sorted(p for p in RUNTIME_CRATE.rglob("*") if p.is_file() and "target" not in p.parts)
    registry = sorted(p.name for p in REGISTRY.iterdir()) if REGISTRY.is_dir() else []
    return sha256("rust-deps", str(DEPS_FORMAT), tc.version, _version([tc.cargo or "cargo", "--version"]),
                  json.dumps(registry), tree_digest(crate))[:24]


def _native_libs(tc: RustToolchain, work: Path) -> tuple[str, ...]:
    """The system libraries a staticlib needs, as rustc itself lists them."""
    (work / "probe.rs").write_text("")
    proc = subprocess.run([tc.rustc, "--crate-type", "staticlib", "--print", "native-static-libs", "probe.rs",
                           "-o", "probe.a"], cwd=work, capture_output=True, text=True, timeout=120)
    for line in proc.stderr.splitlines():
        if "native-static-libs:" in line:
            return tuple(line.split("native-static-libs:", 1)[1].split())
    return ("-lgcc_s", "-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc")


def deps(tc: RustToolchain | None = None) -> RustDeps:
    """The compiled Rayon + parevo_rt of this toolchain, built now if this is the first time."""
    tc = tc or detect()
    if why := tc.missing():
        raise InfraError(why)
    key = _digest(tc)
    root = paths.cache_dir() / "rust"
    root.mkdir(parents=True, exist_ok=True)
    final = root / f"deps-{key}"
    seconds = 0.0
    if not (final / "deps.json").exists():
        with open(root / f"deps-{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one build per key at a time; the others wait and reuse it
            if not (final / "deps.json").exists():
                seconds = _build(tc, root, final)
    info = json.loads((final / "deps.json").read_text())
    deps_dir = final / "target" / "release" / "deps"
    return RustDeps(key, deps_dir, {k: deps_dir / v for k, v in info["externs"].items()},
                    tuple(info["native_libs"]), seconds)


def _build(tc: RustToolchain, root: Path, final: Path) -> float:
    work = Path(tempfile.mkdtemp(prefix="deps-", dir=root))
    shutil.copytree(RUNTIME_CRATE, work / "parevo_rt", ignore=shutil.ignore_patterns("target", "Cargo.lock"))
    (work / "cargo-home").mkdir()
    (work / "cargo-home" / "config.toml").write_text(_CARGO_CONFIG)
    env = {"CARGO_HOME": str(work / "cargo-home"), "RUSTC": tc.rustc, "CARGO_TARGET_DIR": str(work / "target")}
    outcome = sandbox.run([tc.cargo, "build", "--release", "--offline", "--manifest-path", "parevo_rt/Cargo.toml"],
                          DEPS_LIMITS, work, env=env)
    if not outcome.ok:
        shutil.rmtree(work, ignore_errors=True)
        raise InfraError(f"building Rayon and parevo_rt with cargo failed ({outcome.describe()}):\n"
                         f"{(outcome.stdout + outcome.stderr)[-2000:]}")
    deps_dir = work / "target" / "release" / "deps"
    externs = {}
    for crate in ("rayon", "parevo_rt"):
        found = sorted(deps_dir.glob(f"lib{crate}-*.rlib"))
        if len(found) != 1:
            raise InfraError(f"cargo built {len(found)} rlibs of {crate} in {deps_dir}; expected one")
        externs[crate] = found[0].name
    info = {"externs": externs, "native_libs": list(_native_libs(tc, work)), "seconds": outcome.wall_s}
    (work / "deps.json").write_text(json.dumps(info))
    try:
        os.rename(work, final)
    except OSError:  # another process finished first (no lock on a shared file system); theirs is identical
        shutil.rmtree(work, ignore_errors=True)
    return outcome.wall_s
