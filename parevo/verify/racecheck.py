"""Whole-program race checking (`parevo racecheck`): a C or C++ program with its own main(),
built with the model's race recipe and run at several thread counts.

ThreadSanitizer only reports a conflict whose two accesses ran on different threads, so what it
finds depends on the schedule. The check varies what it can without touching the program: thread
counts that split static chunks differently (2, an odd 3 and 7, 4, 8), the schedule a
`schedule(runtime)` loop gets, and, for OpenMP, it hides Archer's own bookkeeping locks from
TSan (they order unrelated critical sections, a false "happens-before"). None of these adds a
synchronisation edge, so a race-free program stays clean. docs/verifier.md, "Race detection
beyond the bare recipe", has the measurements.

Verdicts: `race` (exit 1), `clean` (exit 0), `unchecked` (exit 2, with the reason: the build
failed, the model has no honest detector, or no run completed).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Sequence

from .. import paths
from ..errors import ParevoError
from ..toolchain import models as pm
from ..toolchain import probe, sandbox
from ..toolchain.build import Artifact, BuildCache
from . import diagnostics, races

Verdict = Literal["race", "clean", "unchecked"]
EXIT_CODES = {"clean": 0, "race": 1, "unchecked": 2}
SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".C")
# 2 and 4/8 halve the iteration space; 3 and 7 cut it at odd places, so a conflicting pair that
# one static split keeps inside a chunk lands across a boundary in another.
DEFAULT_THREADS = (2, 3, 4, 7, 8)
DEFAULT_RUNS = 2
# Tried in turn for programs with schedule(runtime): the default (static), a cyclic and a dynamic
# schedule put neighbouring iterations on different threads.
RUNTIME_SCHEDULES = ("", "static,1", "dynamic,1")
MAX_PIDS = 512  # module-level so tests can shrink it
# Archer takes a global std::mutex around its lock table on every critical/lock callback; TSan sees
# that mutex and orders any two critical sections, whatever their names. called_from_lib hides
# Archer's own interceptor calls; its explicit annotations (the OpenMP semantics) still count.
ARCHER_SUPPRESSIONS = "called_from_lib:libarcher.so\n"
# Linked into the race binary, compiled without TSan so that TSan sees none of it: it sleeps a
# random 0-2 ms (half the time, first JITTER_CALLS calls per thread) when a thread starts and
# before it asks for a section, a critical section or a single, so which thread runs what varies
# from run to run (two sections otherwise run on one thread and never race). It synchronises
# nothing, so it adds no happens-before edge and cannot make a race-free program look racy.
# PAREVO_PERTURB_SEED=0 turns it off.
PERTURB_C = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#define JITTER_CALLS 64
static __thread uint64_t rng;
static __thread int calls;
static void jitter(void) {
  if (!rng) {
    const char *s = getenv("PAREVO_PERTURB_SEED");
    uint64_t seed = s ? strtoull(s, 0, 10) : 0;
    if (!seed) { calls = JITTER_CALLS; rng = 1; return; }
    rng = (seed * 0x9E3779B97F4A7C15ull) ^ (uint64_t)pthread_self();
    if (!rng) rng = 1;
  }
  if (calls >= JITTER_CALLS) return;
  calls++;
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  if (rng & 1) return;
  struct timespec ts = {0, (long)((rng >> 8) % 2000000)};
  syscall(SYS_nanosleep, &ts, 0);  /* a raw syscall: TSan's sleep interceptor never sees it */
}
#define NEXT(name) static __typeof__(&name) real_; if (!real_) real_ = (__typeof__(&name))dlsym(RTLD_NEXT, #name)
typedef void (*fn_t)(void *);
struct start { fn_t fn; void *data; };
static void start_jittered(void *p) { struct start *s = p; jitter(); s->fn(s->data); }
void GOMP_parallel(fn_t fn, void *data, unsigned n, unsigned flags) {
  NEXT(GOMP_parallel);
  struct start s = {fn, data};
  real_(start_jittered, &s, n, flags);
}
void GOMP_parallel_sections(fn_t fn, void *data, unsigned n, unsigned count, unsigned flags) {
  NEXT(GOMP_parallel_sections);
  struct start s = {fn, data};
  real_(start_jittered, &s, n, count, flags);
}
unsigned GOMP_sections_start(unsigned count) { NEXT(GOMP_sections_start); jitter(); return real_(count); }
unsigned GOMP_sections_next(void) { NEXT(GOMP_sections_next); jitter(); return real_(); }
void GOMP_critical_start(void) { NEXT(GOMP_critical_start); jitter(); real_(); }
void GOMP_critical_name_start(void **p) { NEXT(GOMP_critical_name_start); jitter(); real_(p); }
int GOMP_single_start(void) { NEXT(GOMP_single_start); jitter(); return real_(); }
struct thread_start { void *(*fn)(void *); void *arg; };
static void *thread_jittered(void *p) {
  struct thread_start s = *(struct thread_start *)p;
  free(p);
  jitter();
  return s.fn(s.arg);
}
int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *), void *arg) {
  NEXT(pthread_create);
  struct thread_start *s = malloc(sizeof *s);
  if (!s) return real_(t, a, fn, arg);
  s->fn = fn; s->arg = arg;
  int rc = real_(t, a, thread_jittered, s);
  if (rc) free(s);
  return rc;
}
"""
_RUNTIME_SCHEDULE = re.compile(r"schedule\s*\(\s*runtime\s*\)|\bomp_set_schedule\b")
_OFFLOAD = re.compile(r"^[ \t]*#[ \t]*pragma[ \t]+omp[ \t]+(?:begin[ \t]+)?(?:declare[ \t]+)?(?:target|teams)\b", re.M)


@dataclass
class RaceCheckResult:
    verdict: Verdict
    model: str
    reason: str = ""
    reports: list[races.TsanReport] = field(default_factory=list)
    summary: str = ""
    runs: list[str] = field(default_factory=list)  # one line per run: threads and outcome

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]


def guess_model(source: str) -> str:
    if pm.OPENMP_USE.search(source):
        return "openmp"
    if re.search(r"\bparlay::", source):
        return "parlay"
    return "threads"


def split_extra(extra: Sequence[str]) -> tuple[list[Path], list[str]]:
    """Extra arguments after `--`: source files to build with the program, and compiler flags."""
    sources, flags = [], []
    for a in extra:
        p = Path(a)
        if not a.startswith("-") and p.suffix in SOURCE_SUFFIXES and p.is_file():
            sources.append(p)
        else:
            flags.append(a)
    return sources, flags


def _build(cache: BuildCache, files: Sequence[Path], compile_flags: Sequence[str], link_flags: Sequence[str],
           extra_objects: Sequence[Artifact] = ()) -> Artifact:
    objects = []
    for f in files:
        name = f.name if f.suffix == ".c" else f.stem + ".cpp"  # the cache picks gcc or g++ by the name
        obj = cache.compile_object(f.read_text(errors="replace"), compile_flags, [f.parent.resolve()], None, "", name=name)
        if not obj.ok:
            return obj
        objects.append(obj)
    return cache.link([*objects, *extra_objects], link_flags)


def _describe(outcome: sandbox.RunOutcome) -> str:
    text = outcome.describe()
    if outcome.pids_limit_hit and "process limit" not in text:
        text += f" (but it hit the process cap of {outcome.limits.max_pids}: threads or processes it asked for were refused)"
    return text


def _offload_reason(model: str, source: str, files: Sequence[Path], flags: Sequence[str], cache: BuildCache) -> str:
    """Why a program that failed the race build is unchecked rather than broken, or ''."""
    if model != "openmp" or not _OFFLOAD.search(source):
        return ""
    plain = pm.get_model(model).flags(cache.tc)
    if not _build(cache, files, (*plain.compile, *flags), (*plain.link, *flags)).ok:
        return ""
    return ("offload: the program uses `#pragma omp target`/`teams`; it builds with gcc's libgomp but does not "
            "link against LLVM's libomp with Archer, the only OpenMP race detector without false positives here, "
            "so it was not race-checked")


def racecheck(
    program: Path,
    model: str | None = None,
    extra_flags: Sequence[str] = (),
    threads: Sequence[int] = DEFAULT_THREADS,
    runs: int = DEFAULT_RUNS,
    args: Sequence[str] = (),
    wall_s: float = 60.0,
    cache: BuildCache | None = None,
    *,
    schedules: Sequence[str] | None = None,
    hide_archer_locks: bool = True,
    perturb: bool = True,
) -> RaceCheckResult:
    """`schedules`: OMP_SCHEDULE values to rotate through (None: RUNTIME_SCHEDULES when the program
    has a runtime schedule); `perturb`: link the scheduling jitter (PERTURB_C) and seed it in every
    run but the first. `schedules=(), hide_archer_locks=False, perturb=False` is the bare recipe."""
    program = Path(program)
    if not program.is_file():
        raise ParevoError(f"{program}: no such file")
    if program.suffix not in SOURCE_SUFFIXES:
        raise ParevoError(f"{program}: expected a .c or .cpp file")
    source = program.read_text(errors="replace")
    extra_sources, extra_flags = split_extra(extra_flags)
    files = [program, *extra_sources]
    sources = source + "".join(f.read_text(errors="replace") for f in extra_sources)
    model = model or guess_model(sources)
    recipe = pm.get_model(model).race(probe.detect())
    if recipe.unavailable:
        return RaceCheckResult("unchecked", model, f"no race detector for model '{model}': {recipe.unavailable}")
    cache = cache or BuildCache(probe.detect())
    name = program.name if program.suffix == ".c" else program.stem + ".cpp"
    link, jitter = (*recipe.flags.link, *extra_flags), []
    if perturb:
        jitter = [cache.compile_object(PERTURB_C, ("-O1", "-fPIC"), [], None, "", name="parevo_perturb.c")]
        if not jitter[0].ok:
            raise ParevoError("the scheduling jitter does not compile:\n" + jitter[0].log)
        link = (*link, "-ldl")
    binary = _build(cache, files, (*recipe.flags.compile, *extra_flags), link, jitter)
    if not binary.ok:
        if offload := _offload_reason(model, sources, files, extra_flags, cache):
            return RaceCheckResult("unchecked", model, offload)
        return RaceCheckResult("unchecked", model, "the program does not build:\n" + diagnostics.summarize(binary.log))
    if schedules is None:
        schedules = RUNTIME_SCHEDULES if _RUNTIME_SCHEDULE.search(sources) else ("",)
    schedules = tuple(schedules) or ("",)
    limits = sandbox.Limits(wall_s=wall_s, sanitizer=True, max_pids=MAX_PIDS)
    found: list[races.TsanReport] = []
    result = RaceCheckResult("clean", model)
    completed = 0
    timed_out = False
    for t in threads:
        for i in range(runs):
            schedule = schedules[(i + len(result.runs)) % len(schedules)]
            seed = len(result.runs) if perturb else 0  # the first run keeps the undisturbed schedule
            outcome, reports = _run_once(binary.path, args, limits, t, recipe, model, schedule, hide_archer_locks, seed)
            found.extend(reports)
            failing = [r for r in reports if r.fails]
            label = f"{t} threads" + (f", OMP_SCHEDULE={schedule}" if schedule else "")
            result.runs.append(f"{label}: {_describe(outcome)}, {len(failing)} race report(s)")
            completed += outcome.ok and not outcome.pids_limit_hit
            if outcome.status == "timeout":
                timed_out = True
                break
        if timed_out:
            result.runs.append(f"stopped after the first timeout: the remaining runs would time out too "
                               f"(give the program a smaller input or a longer --timeout than {wall_s:g} s)")
            break
    failing = races.distinct(found, name)
    lines = source.splitlines()
    if failing:
        result.verdict = "race"
        result.reports = failing
        result.summary = races.summarize(failing, lines, limit=10, source_name=name).replace(name, program.name)
        for r in failing:  # the build compiled a copy that may be named .cpp: show the user's file name
            r.text = r.text.replace(name, program.name)
    elif completed == 0:
        result.verdict = "unchecked"
        result.reason = "no run completed under the race detector: " + "; ".join(result.runs)
    return result


def _run_once(binary: Path | None, args: Sequence[str], limits: sandbox.Limits, threads: int, recipe: pm.RaceRecipe,
              model: str, schedule: str, hide_archer_locks: bool, seed: int) -> tuple[sandbox.RunOutcome, list[races.TsanReport]]:
    work = Path(tempfile.mkdtemp(prefix="racecheck-", dir=paths.cache_dir())) / "work"
    try:
        work.mkdir(parents=True)
        tsan = (f"halt_on_error=0 exitcode=0 report_thread_leaks=0 ignore_noninstrumented_modules=1 "
                f"log_path={work}/tsan")
        if model == "openmp" and hide_archer_locks:
            (work / "archer.supp").write_text(ARCHER_SUPPRESSIONS)
            tsan += f" suppressions={work}/archer.supp"
        env = {**pm.ParallelModel.thread_env(threads), **recipe.env, "TSAN_OPTIONS": tsan}
        if schedule:
            env["OMP_SCHEDULE"] = schedule
        if seed:
            env["PAREVO_PERTURB_SEED"] = str(seed)
        outcome = sandbox.run([str(binary), *args], limits, work, env=env)
        text = "".join(f.read_text(errors="replace") for f in sorted(work.glob("tsan*")))
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)
    return outcome, races.parse(text)
