"""Parallel programming models: how to build a candidate for speed, how to prove it uses the
model at all, and how to build and run it under a race detector that does not cry wolf.

The race recipes are the ones established in DESIGN.md: OpenMP is compiled by gcc but linked
against LLVM's libomp with the Archer tool (gcc + libgomp + TSan gives false positives);
std::thread and ParlayLib use gcc's ThreadSanitizer; oneTBB from Debian is not instrumented, so
its race check is *unavailable*, never passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from . import cuda, kokkos, mpi
from .probe import Toolchain

TSAN = ("-fsanitize=thread", "-g", "-O1")


@dataclass(frozen=True)
class Flags:
    compile: tuple[str, ...] = ()
    link: tuple[str, ...] = ()
    harness_defines: tuple[str, ...] = ()
    language: str = "cxx"  # "rust": the candidate is built by verify/rustbuild.py


@dataclass(frozen=True)
class RaceRecipe:
    """How to build and run a race-detection binary; `unavailable` says why there is none."""

    flags: Flags = Flags()
    env: dict[str, str] = field(default_factory=dict)
    unavailable: str = ""
    proven: str = ""  # why no detector is needed: races are impossible by construction


@dataclass(frozen=True)
class ParallelModel:
    name: str
    summary: str
    usage_pattern: re.Pattern[str] | None  # must match the stripped source
    usage_error: str
    forbidden_pattern: re.Pattern[str] | None = None
    flags: Callable[[Toolchain], Flags] = lambda tc: Flags()
    race: Callable[[Toolchain], RaceRecipe] = lambda tc: RaceRecipe(unavailable="no threads to race")
    missing: Callable[[Toolchain], str] = lambda tc: ""  # why the model cannot be built here
    language: str = "cxx"  # the candidate's language: "cxx" or "rust"
    forbidden_error: str = ""  # why forbidden_pattern is refused (default: usage_error)

    def check_usage(self, stripped_source: str) -> str:
        """'' when the candidate really uses this model, else a message for the LLM."""
        if self.usage_pattern is not None and not self.usage_pattern.search(stripped_source):
            return self.usage_error
        if self.forbidden_pattern is not None and (m := self.forbidden_pattern.search(stripped_source)):
            line = stripped_source.count("\n", 0, m.start()) + 1
            return f"{self.forbidden_error or self.usage_error} (found `{m.group(0).strip()}` at candidate.cpp:{line})"
        return ""

    @staticmethod
    def thread_env(threads: int) -> dict[str, str]:
        n = str(threads)
        return {"PAREVO_NUM_THREADS": n, "OMP_NUM_THREADS": n, "PARLAY_NUM_THREADS": n, "RAYON_NUM_THREADS": n}


OPENMP_USE = re.compile(r"^[ \t]*#[ \t]*pragma[ \t]+omp\b", re.M)
THREADS_USE = re.compile(r"\bstd::j?thread\b(?!\s*::\s*hardware_concurrency)|\bstd::async\b|\bpthread_create\b")
TBB_USE = re.compile(r"\b(?:oneapi::)?tbb::\w+")
PARLAY_USE = re.compile(r"\bparlay::\w+\s*(?:<[^;{}()]*>)?\s*\(")
ANY_PARALLEL = re.compile(
    r"^[ \t]*#[ \t]*pragma[ \t]+omp\b.*$|\bstd::j?thread\b(?!\s*::\s*hardware_concurrency)|\bstd::async\b"
    r"|\bpthread_create\b|\btbb::\w+|\bparlay::\w+|\bstd::execution::par",
    re.M,
)


def _openmp_race(tc: Toolchain) -> RaceRecipe:
    if not tc.llvm_lib:
        return RaceRecipe(unavailable="LLVM's libomp with Archer is missing (apt-get install libomp-dev)")
    lib = str(tc.llvm_lib)
    return RaceRecipe(
        flags=Flags(
            compile=("-fopenmp", *TSAN),
            link=("-fsanitize=thread", f"-L{lib}", f"-Wl,-rpath,{lib}", "-lomp"),
        ),
        env={"OMP_TOOL_LIBRARIES": str(tc.archer), "ARCHER_OPTIONS": "verbose=0"},
    )


def _parlay_flags(tc: Toolchain) -> Flags:
    inc = (f"-I{tc.parlay_include}",) if tc.parlay_include else ()
    return Flags(compile=("-pthread", *inc), link=("-pthread",))


def _parlay_race(tc: Toolchain) -> RaceRecipe:
    inc = (f"-I{tc.parlay_include}",) if tc.parlay_include else ()
    # Without PARLAY_ELASTIC_PARALLELISM=false TSan misses races about half the time.
    return RaceRecipe(
        flags=Flags(
            compile=(*TSAN, "-pthread", "-DPARLAY_ELASTIC_PARALLELISM=false", "-Wno-tsan", *inc),
            link=("-fsanitize=thread", "-pthread"),
        )
    )


def _rust_missing(tc: Toolchain) -> str:
    from . import rust

    return rust.detect().missing() or ("" if tc.cxx else "g++ is missing (it links the Rust candidate into the harness)")


RAYON = ParallelModel(
    "rayon", "safe Rust with Rayon (race-free by construction)", None,
    "a rayon candidate must use Rayon", language="rust",
    flags=lambda tc: Flags(compile=("-pthread",), link=("-pthread",), harness_defines=("PAREVO_WITH_RAYON",),
                           language="rust"),
    race=lambda tc: RaceRecipe(proven="race-free by construction (safe Rust: the candidate is compiled under "
                                      "#![forbid(unsafe_code)])"),
    missing=_rust_missing,
)

def _mpi_flags(threads_per_rank: int, extra_compile: tuple[str, ...] = ()) -> Callable[[Toolchain], Flags]:
    """An MPI candidate links libmpi; its harness launches mpirun (verify/cxx/mpi_launch.hpp)."""
    def flags(tc: Toolchain) -> Flags:
        mt = mpi.detect()
        return Flags(compile=(*mt.compile, "-DOMPI_SKIP_MPICXX", *extra_compile), link=(*mt.link, *extra_compile),
                     harness_defines=("PAREVO_WITH_MPI", f'PAREVO_MPIRUN="{mt.mpirun}"',
                                      f"PAREVO_MPI_RANK_THREADS={threads_per_rank}"))
    return flags


MPI_USE = re.compile(r"\bMPI_\w+\s*\(")
MPI_RACE_NA = RaceRecipe(unavailable="not applicable: MPI ranks are separate processes that share no memory, so "
                                     "there is nothing for a data-race detector to check (this is not a claim that "
                                     "the program is race-free)")
# The harness owns MPI's lifetime and the job's processes (and PMPI_, the profiling layer, is
# no candidate's business). A courtesy to honest code: the runtime guards (mpi_launch.hpp) do not rely on it.
MPI_FORBIDDEN = ("an MPI candidate must not initialise, finalise or abort MPI, spawn processes or call the PMPI_ "
                 "layer: the harness starts the job and owns its lifetime (report a failure by returning)")


def _mpi_omp_race(tc: Toolchain) -> RaceRecipe:
    """The OpenMP recipe inside every rank of the MPI job (verify/mpirace.py): the candidate is
    instrumented, Open MPI is not (its accesses are invisible to the detector, not reported)."""
    omp = _openmp_race(tc)
    if omp.unavailable:
        return omp
    mt = _mpi_flags(2)(tc)
    return RaceRecipe(flags=Flags(compile=(*mt.compile, *omp.flags.compile), link=(*mt.link, *omp.flags.link),
                                  harness_defines=mt.harness_defines), env=omp.env)


MPI_MODELS = [
    ParallelModel(
        "mpi", "MPI (Open MPI, shared-memory transport; rank 0's result is the answer)", MPI_USE,
        "an MPI candidate must call MPI (MPI_Comm_rank, MPI_Reduce, ...); this one never does",
        re.compile(r"\bPMPI_\w+|\bMPI_(?:Init|Init_thread|Finalize|Abort|Comm_spawn|Comm_spawn_multiple)\b"),
        flags=_mpi_flags(1), race=lambda tc: MPI_RACE_NA, forbidden_error=MPI_FORBIDDEN,
        missing=lambda tc: mpi.detect().missing(),
    ),
    ParallelModel(
        "mpi+omp", "MPI ranks with OpenMP threads inside each (2 threads per rank)", MPI_USE,
        "an MPI+OpenMP candidate must call MPI (MPI_Comm_rank, MPI_Reduce, ...); this one never does",
        re.compile(r"\bPMPI_\w+|\bMPI_(?:Init|Init_thread|Finalize|Abort|Comm_spawn|Comm_spawn_multiple)\b"),
        flags=_mpi_flags(2, ("-fopenmp",)), forbidden_error=MPI_FORBIDDEN,
        race=lambda tc: _mpi_omp_race(tc),
        missing=lambda tc: mpi.detect().missing(),
    ),
]

def _kokkos_flags(tc: Toolchain) -> Flags:
    """The candidate, parevo's entry (which initializes Kokkos) and a task's Kokkos view are compiled
    against a Kokkos whose host backend is OpenMP; its static libraries go into the candidate library."""
    kt = kokkos.detect()
    inc = (f"-I{kt.include}",) if kt.include else ()
    return Flags(compile=("-fopenmp", *inc), link=(*map(str, kt.libs), "-fopenmp", "-ldl"),
                 harness_defines=("PAREVO_WITH_KOKKOS",))


KOKKOS_USE = re.compile(r"\bKokkos\s*::\s*parallel_(?:for|reduce|scan)\b")
KOKKOS = ParallelModel(
    "kokkos", "Kokkos with its OpenMP backend (initialized by the harness)", KOKKOS_USE,
    "a Kokkos candidate must do its work through Kokkos::parallel_for / parallel_reduce / parallel_scan "
    "on the default execution space",
    # The harness initializes and finalizes Kokkos; the Serial space runs on one thread.
    re.compile(r"\bKokkos\s*::\s*(?:initialize|finalize|ScopeGuard|Serial)\b"),
    flags=_kokkos_flags,
    race=lambda tc: RaceRecipe(unavailable=KOKKOS_RACE_UNCHECKED),
    missing=lambda tc: kokkos.detect().missing() or ("" if tc.cxx else "g++ is missing"),
)
# Measured (tests/test_kokkos.py): the OpenMP recipe (gcc -fsanitize=thread, LLVM's libomp with
# Archer) reports data races in a race-free Kokkos::parallel_scan on every run: Kokkos's OpenMP
# backend hands partial results between threads through its own spin-wait barriers, which neither
# TSan nor Archer can see. A detector that cries wolf is no detector, so the check is unchecked.
KOKKOS_RACE_UNCHECKED = ("unchecked: the OpenMP race recipe (ThreadSanitizer + Archer) reports races in race-free "
                         "Kokkos programs (Kokkos's OpenMP backend synchronises its threads with its own spin "
                         "barriers), so a Kokkos candidate cannot be race-checked honestly")


CUDA = ParallelModel(
    "cuda", "a CUDA kernel (nvcc); run and checked only on a machine with an NVIDIA GPU",
    re.compile(r"\b__global__\b"), "a CUDA candidate must define the task's function as a `__global__` kernel",
    flags=lambda tc: Flags(compile=("-O3",), language="cuda"),
    # No ThreadSanitizer build: the race stage runs compute-sanitizer on a GPU (verify/cudarun.py).
    race=lambda tc: RaceRecipe(unavailable=cuda.detect().unrunnable() or "no race build: compute-sanitizer checks the "
                                                                         "kernel on the GPU (verify/cudarun.py)"),
    missing=lambda tc: cuda.detect().missing(),
    language="cuda",
)

MODELS: dict[str, ParallelModel] = {
    m.name: m
    for m in [
        ParallelModel(
            "serial", "plain sequential C++ (the baseline model)", None,
            "a serial candidate must not use threads, OpenMP, TBB or ParlayLib", ANY_PARALLEL,
        ),
        ParallelModel(
            "openmp", "OpenMP pragmas (gcc + libgomp)", OPENMP_USE,
            "an OpenMP candidate must use at least one `#pragma omp` construct; this one has none, so it is serial",
            flags=lambda tc: Flags(compile=("-fopenmp",), link=("-fopenmp",)),
            race=_openmp_race,
            missing=lambda tc: "" if tc.cxx else "g++ is missing",
        ),
        ParallelModel(
            "threads", "std::thread / std::async / atomics", THREADS_USE,
            "a threads candidate must start threads (std::thread, std::jthread, std::async or pthread_create); this one never does",
            flags=lambda tc: Flags(compile=("-pthread",), link=("-pthread",)),
            race=lambda tc: RaceRecipe(flags=Flags(compile=(*TSAN, "-pthread"), link=("-fsanitize=thread", "-pthread"))),
        ),
        ParallelModel(
            "tbb", "oneTBB (Debian's libtbb-dev)", TBB_USE,
            "a TBB candidate must call oneTBB (tbb::parallel_for, tbb::parallel_reduce, ...); this one never does",
            flags=lambda tc: Flags(compile=("-pthread",), link=("-ltbb", "-pthread"), harness_defines=("PAREVO_WITH_TBB",)),
            race=lambda tc: RaceRecipe(
                unavailable="oneTBB from Debian is not instrumented for ThreadSanitizer (dozens of false positives "
                "on clean code), so a TBB candidate cannot be race-checked honestly"
            ),
            missing=lambda tc: "" if tc.tbb else "oneTBB headers/library missing (apt-get install libtbb-dev)",
        ),
        ParallelModel(
            "parlay", "ParlayLib (header-only, via PARLAYLIB_INCLUDE)", PARLAY_USE,
            "a ParlayLib candidate must call a parlay:: primitive (parlay::parallel_for, parlay::tabulate, ...); this one never does",
            flags=_parlay_flags, race=_parlay_race,
            missing=lambda tc: "" if tc.parlay_include else "ParlayLib not found: set PARLAYLIB_INCLUDE to its include/ directory",
        ),
        RAYON,
        *MPI_MODELS,
        KOKKOS,
        CUDA,
    ]
}


# How prompts name each model and its race detector.
TITLES = {"openmp": "OpenMP", "parlay": "ParlayLib", "threads": "C++ std::thread", "tbb": "oneTBB",
          "serial": "sequential C++", "rayon": "safe Rust with Rayon", "mpi": "MPI", "mpi+omp": "MPI + OpenMP",
          "kokkos": "Kokkos (OpenMP backend)", "cuda": "CUDA"}
RACE_TOOLS = {"openmp": "LLVM Archer/ThreadSanitizer", "threads": "ThreadSanitizer", "parlay": "ThreadSanitizer",
              "tbb": "none available for TBB", "serial": "ThreadSanitizer",
              "rayon": "none needed: safe Rust cannot race (#![forbid(unsafe_code)])",
              "mpi": "not applicable (ranks share no memory)", "mpi+omp": "LLVM Archer/ThreadSanitizer in every rank (the OpenMP part)",
              "kokkos": "none: unchecked (no detector without false positives on Kokkos)",
              "cuda": "compute-sanitizer (racecheck, memcheck, synccheck) on a GPU machine only"}


def title(model: str) -> str:
    return TITLES.get(model, model)


def race_tool(model: str) -> str:
    return RACE_TOOLS.get(model, "ThreadSanitizer")


def get_model(name: str) -> ParallelModel:
    from ..errors import ParevoError

    try:
        return MODELS[name]
    except KeyError:
        raise ParevoError(f"unknown parallel model '{name}' (known: {', '.join(MODELS)})") from None
