"""Memory accesses the race detector cannot see: calls into C library functions that
ThreadSanitizer does not intercept.

ThreadSanitizer instruments the candidate's own code and intercepts a list of libc functions
(memcpy, memset, strlen, qsort...); any other libc function that reads or writes the candidate's
memory does so invisibly. A racy program that moves its stores into `bcopy` or `wmemset` passes
the race stage with its race intact. So a race-checked candidate may call, by C name, only
functions the detector intercepts, the math library (values in, values out), its model's
runtime, the C++ runtime's support routines, and a short list of functions that touch no shared
candidate memory. C++ names (libstdc++'s templates compile into the candidate and are
instrumented) are not concerned.
"""

from __future__ import annotations

import glob
import subprocess
from functools import cache
from pathlib import Path

from .integrity import Problem, object_symbols

RUNTIME_PREFIXES = ("GOMP_", "omp_", "__kmpc_", "pthread_", "__cxa_", "_Unwind_", "__gxx_personality", "_ITM_")
# An MPI+OpenMP candidate's model runtime is MPI too (its calls and Open MPI's predefined handles,
# ompi_mpi_comm_world...). Open MPI is not instrumented: what a call writes into a buffer is
# invisible to the detector, so a race with one side inside an MPI call (two threads receiving into
# one buffer, which the harness's MPI_THREAD_FUNNELED makes erroneous anyway) is not seen
# (docs/models.md, MPI).
MODEL_PREFIXES = {"mpi+omp": ("MPI_", "ompi_mpi_")}
HARMLESS = frozenset("""
_GLOBAL_OFFSET_TABLE_ __dso_handle __assert_fail __errno_location __libc_single_threaded __stack_chk_fail
__gmon_start__ __tls_get_addr getenv secure_getenv strtol strtoul strtoll strtoull strtod strtof atoi atol atoll atof
sched_yield sched_getcpu sched_getaffinity sched_setaffinity sysconf get_nprocs syscall abs labs llabs div ldiv lldiv
rand srand rand_r time clock clock_gettime gettimeofday nanosleep usleep sleep exit abort _exit _Exit
getpid getppid gettid getuid geteuid getgid getpgid getpgrp setsid setpgid getrlimit setrlimit prlimit prlimit64
setenv unsetenv putenv isatty fcntl fcntl64 dprintf stdout stderr stdin
""".split())
# Process, descriptor and environment calls touch no candidate memory that another thread could race on;
# the sandbox and the harness's seccomp filter are their defence, not the detector.


@cache
def intercepted() -> frozenset[str]:
    """Names the ThreadSanitizer runtime and libm export (the detector sees into the former; the
    latter computes on values)."""
    names: set[str] = set()
    for lib in [*glob.glob("/usr/lib/x86_64-linux-gnu/libtsan.so*"), *glob.glob("/usr/lib/*/libtsan.so*"),
                "/lib/x86_64-linux-gnu/libm.so.6"]:
        if not Path(lib).exists():
            continue
        out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True, timeout=60).stdout
        names.update(line.split()[-1].split("@")[0] for line in out.splitlines() if line.split())
    return frozenset(names)


def unseen_calls(obj: Path, model: str = "") -> list[Problem]:
    known = intercepted()
    if not known:
        return []  # no TSan runtime to compare with: the race stage reports it unavailable anyway
    runtime = (*RUNTIME_PREFIXES, *MODEL_PREFIXES.get(model, ()))
    bad = sorted({s.name for s in object_symbols(obj)
                  if not s.defined and not s.name.startswith("_Z") and s.name not in known
                  and s.name not in HARMLESS and not s.name.startswith(runtime)})
    if not bad:
        return []
    names = ", ".join(f"`{n}`" for n in bad[:5])
    return [Problem("unseen_call", f"the candidate calls {names}: C library function(s) the race detector does not "
                    f"intercept, so what they do to memory is invisible to it; a race-checked candidate computes with "
                    f"its own code, the C++ library, the math library and its model's runtime (use a loop, "
                    f"std::copy/std::fill or memcpy/memset instead)")]
