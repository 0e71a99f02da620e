"""`parevo doctor`: what this machine can verify, what each missing piece costs, and the
command that installs it."""

from __future__ import annotations

from dataclasses import dataclass

from ..toolchain import cuda, kokkos, mpi, probe, rust, sandbox


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    found: str
    cost_if_missing: str
    install: str
    required: bool = False


def checks() -> list[Check]:
    tc = probe.detect()
    g = sandbox.detect_guards()
    cg = g.cgroups
    rs = rust.detect()
    mt = mpi.detect()
    kt = kokkos.detect()
    ct = cuda.detect()
    return [
        Check("g++ (C++20)", bool(tc.cxx), tc.cxx_version or "not found", "nothing can be built", "apt-get install g++", True),
        Check("gcc", bool(tc.cc), tc.cc or "not found", "C programs cannot be race-checked", "apt-get install gcc"),
        Check("prlimit (util-linux)", bool(g.prlimit), g.prlimit or "not found", "no program can be sandboxed",
              "apt-get install util-linux", True),
        Check("LLVM libomp + Archer", bool(tc.llvm_lib), str(tc.archer) if tc.archer else "not found",
              "OpenMP race checks cannot run (gcc+libgomp+TSan gives false positives, so parevo will not use it)",
              "apt-get install libomp-dev"),
        Check("oneTBB", tc.tbb, "headers and library found" if tc.tbb else "not found",
              "the tbb model cannot be built", "apt-get install libtbb-dev"),
        Check("ParlayLib", bool(tc.parlay_include), str(tc.parlay_include or "not found"),
              "the parlay model cannot be built",
              "git clone https://github.com/cmuparlay/parlaylib and export PARLAYLIB_INCLUDE=$PWD/parlaylib/include"),
        Check("Rust + Rayon", not rs.missing(),
              f"{rs.version}, cargo {rs.cargo}, {rs.rayon} from {rust.REGISTRY}" if not rs.missing() else rs.missing(),
              "the rayon model cannot be built", "apt-get install cargo rustc librust-rayon-dev"),
        Check("Open MPI (mpi, mpi+omp)", not mt.missing(),
              f"{mt.version}, {mt.mpirun}" if not mt.missing() else mt.missing(),
              "the mpi and mpi+omp models cannot be built", "apt-get install openmpi-bin libopenmpi-dev"),
        Check("Kokkos, OpenMP backend", not kt.missing(),
              f"Kokkos {kt.version} ({', '.join(kt.backends).lower()}) in {kt.include}" if not kt.missing() else kt.missing(),
              "the kokkos model cannot be built", "scripts/build-kokkos.sh (Debian's Trilinos Kokkos is Serial-only)"),
        Check("CUDA nvcc", not ct.missing(), f"{ct.version}, {ct.nvcc}" if ct.nvcc else ct.missing(),
              "the cuda model cannot be built", "NVIDIA's CUDA toolkit (nvcc)"),
        Check("NVIDIA GPU + compute-sanitizer", not ct.unrunnable(),
              f"{ct.gpu}; {ct.sanitizer}" if not ct.unrunnable() else ct.unrunnable().removeprefix("unchecked: "),
              "cuda candidates are compiled and statically checked only: unscored, never run or timed",
              "a machine with an NVIDIA GPU, its driver and the CUDA toolkit"),
        Check("perf", bool(tc.perf),
              (f"{tc.perf}; hardware counters {'available' if tc.perf_hardware else 'NOT supported here (software counters only)'}"
               if tc.perf else "not found"),
              "no profile stage (hardware/software counters)", "apt-get install linux-perf"),
        Check("bubblewrap", bool(g.bwrap), g.bwrap or (g.bwrap_error or "not found"),
              "candidates can write outside their directory; network isolation falls back to unshare",
              "apt-get install bubblewrap"),
        Check("memory cgroup", cg.memory, f"cgroup v{cg.version}" if cg.memory else (cg.why_not or "not writable"),
              "memory is capped with RLIMIT_AS, which sanitizer builds cannot use: race runs get no memory cap",
              "run as root on a machine with cgroups (v1 or v2) mounted at /sys/fs/cgroup"),
        Check("pids cgroup", cg.pids, f"cgroup v{cg.version}" if cg.pids else (cg.why_not or "not writable"),
              "no process-count cap when running as root (a fork bomb is stopped only by the timeout)",
              "run as root on a machine with cgroups (v1 or v2) mounted at /sys/fs/cgroup"),
        Check("network namespace", bool(g.bwrap or g.unshare), "bubblewrap --unshare-net" if g.bwrap else (g.unshare or "none"),
              "candidates could reach the network", "apt-get install bubblewrap (or run as root for unshare --net)"),
    ]
