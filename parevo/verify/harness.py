"""Running the trusted harness process in the sandbox and reading back its records.

The harness (`cxx/harness_main.cpp`) is a separate, trusted program: it forks one candidate
process per thread count *before* it reads any seed, loads the candidate library only there,
generates every input itself, hands each one over at the start of its timed call, times the call
from its own side, and validates a copy of the output in its own memory. The seeds travel on the
harness's stdin (a pipe: never a command line, the environment or a readable file) and are fresh
for every evaluation; the records come back on its stdout, which the candidate process has
closed. So nothing the candidate does can write a record, and every requested case either has a
record or is reported as missing: a run that ends early is the candidate's failure, never a pass.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from .. import paths
from ..errors import InfraError
from ..toolchain import sandbox
from .inputcache import INSIDE, InputCache

HARNESS_USAGE_EXIT = {90: "could not read the candidate library", 91: "was given bad arguments",
                      92: "failed to generate an input", 93: "could not set up its processes"}
CANARY_MARK = {"before": "bump_before", "after": "bump_after"}  # frames of cxx/canary.cpp's races
STDERR_CUT = "[parevo: the candidate's stderr was cut here]"  # written by the harness at its cap
WALL_MARGIN_S = 2.0  # the harness stops itself this long before the sandbox would kill it
STDOUT_BYTES = 32 * sandbox.MiB
RACE_STDERR_BYTES = 4 * sandbox.MiB


@dataclass(frozen=True)
class CaseSpec:
    family: str
    size: int
    seed: int

    def line(self) -> str:
        return f"{self.family} {self.size} {self.seed}\n"

# Separate debug info of the system's libraries (libc6-dbg and the like): the race detector
# would read megabytes of it to put line numbers on libc and libtsan frames in every report
# (the harness's two canary reports per candidate process included: ~0.4 s a run). The
# candidate's frames carry its own -g info, which is all a race report is judged on.
_DEBUG_INFO = tuple(p for p in (Path("/usr/lib/debug"),) if p.is_dir())


@dataclass
class CaseRecord:
    family: str
    size: int
    seed: int
    threads: int
    shape: str
    gen_s: float
    valid: bool
    kind: str  # ok | wrong | crash | timeout | exception | output | load | starved | missing
    why: str
    rep: int | None
    times: list[float]
    witness: dict = field(default_factory=dict)  # CPU time per thread during the calls (verify/witness.py)
    cache: str = ""  # the input cache's answer for this input: hit | miss ('' without the cache)
    validations: int = -1  # validator runs (an output byte-identical to one validated on the same input skips it)


@dataclass
class HarnessRun:
    outcome: sandbox.RunOutcome
    threads: list[int]
    cases: list[CaseRecord]
    ended: bool  # the harness wrote its final record
    canaries: dict[int, bool] = field(default_factory=dict)  # threads -> the after-canary call completed
    files: dict[str, str] = field(default_factory=dict)  # small files left in the workdir (perf's CSV)

    @property
    def invalid(self) -> list[CaseRecord]:
        return [c for c in self.cases if not c.valid]

    def at(self, threads: int) -> list[CaseRecord]:
        return [c for c in self.cases if c.threads == threads]

    def failure(self) -> str:
        """A one-paragraph account of what went wrong, or '' when every requested case passed."""
        if self.invalid:
            c = self.invalid[0]
            if c.kind == "wrong":
                when = "" if not c.rep else f", repetition {c.rep + 1} (a fresh input; an answer cached from an earlier call is wrong)"
                return f"wrong answer on input family '{c.family}' ({c.shape}, {c.threads} threads{when}): {c.why}"
            where = f"on input family '{c.family}' (size {c.size}, {c.threads} threads)"
            if c.kind == "timeout":
                # An MPI job's record names the ranks still inside the call (cxx/mpi_launch.hpp).
                ranks = f": {c.why}" if c.why.startswith("the MPI job") else ""
                return f"the program did not finish within {self.outcome.limits.wall_s:g} s {where} (killed){ranks}"
            if c.kind in ("crash", "starved") and self.outcome.memory_limit_hit:
                return (f"the program exceeded the memory limit of {self.outcome.limits.memory_bytes / sandbox.MiB:.0f} "
                        f"MiB (killed) {where}")
            if c.kind == "crash" and self.outcome.pids_limit_hit:
                return f"{c.why} {where}, after reaching the process limit of {self.outcome.limits.max_pids}"
            tail = self.outcome.stderr.strip().splitlines()[-3:]
            err = ("; stderr: " + " | ".join(tail)[:300]) if tail and c.kind in ("crash", "load") else ""
            return f"{c.why} {where}{err}"
        return ""


def _parse(stdout: str) -> list[dict]:
    records = []
    for line in stdout.splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and "event" in rec:
            records.append(rec)
    return records


def run_harness(
    harness: Path,
    library: Path,
    cases: Sequence[CaseSpec],
    threads: Sequence[int],
    limits: sandbox.Limits,
    *,
    warmup: int = 0,
    reps: int = 1,
    target_ci: float | None = None,
    min_reps: int = 3,
    env: Mapping[str, str] | None = None,
    wrap_for: "Wrapper | None" = None,
    race: bool = False,
    debug_info: bool = False,
    keep_files: Sequence[str] = (),
    files: Mapping[str, str] | None = None,
    input_cache: InputCache | None = None,
    extra_args: Sequence[str] = (),
    inner: Sequence[str] = (),
    validate_every_output: bool = False,
    describe_every_input: bool = False,
) -> HarnessRun:
    """Runs every case at every thread count (each case generated once, then called at each count
    in turn). Raises InfraError only for what the harness itself reports as its own failure."""
    workdir = Path(tempfile.mkdtemp(prefix="run-", dir=paths.cache_dir()))
    try:
        work = workdir / "work"
        work.mkdir()
        # The candidate process runs as `nobody` when parevo is root: it may write here (sticky,
        # so it cannot remove the harness's files) and read its library, nothing else of ours.
        work.chmod(0o1777)
        workdir.chmod(0o755)
        lib = work / "candidate.so"
        shutil.copyfile(library, lib)
        lib.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        exe = work / "harness"
        shutil.copyfile(harness, exe)
        exe.chmod(0o555)
        for name, text in (files or {}).items():  # read by the harness at start-up (suppressions)
            (work / name).write_text(text)
        reserve = limits.memory_bytes
        deadline = max(1.0, limits.wall_s - WALL_MARGIN_S)
        seen_as = sandbox.inside(work)  # the sandbox shows the directory at a path of its own
        exe, lib = seen_as / exe.name, seen_as / lib.name
        # `inner`: a tool run inside the sandbox with the harness as its program (compute-sanitizer).
        cmd = [*(a.replace("{workdir}", str(seen_as)) for a in inner), str(exe), "--lib", str(lib), "--warmup", str(warmup), "--reps", str(reps),
               "--deadline", f"{deadline:.3f}", "--reserve", str(reserve), "--file-limit", str(limits.max_file_bytes)]
        for t in threads:
            cmd += ["--threads", str(t)]
        if race:
            cmd.append("--race")
        if target_ci:  # adaptive repetitions, `reps` the cap (cxx/harness_main.cpp)
            cmd += ["--target-ci", f"{target_ci:g}", "--min-reps", str(min_reps)]
        cmd += extra_args  # the harness's own options (an MPI race run's --rank-threads)
        # The behaviour before two economies (EvalConfig.validate_once, describe_failures_only).
        cmd += ["--validate-every-output"] * validate_every_output + ["--describe-every-input"] * describe_every_input
        binds = []
        if seen_as == work.resolve():  # no private view (no bubblewrap): `nobody` may not reach this directory
            cmd.append("--keep-user")
        elif input_cache and limits.confine_writes:  # only the harness (root) can enter it (verify/inputcache.py)
            binds.append((input_cache.directory, INSIDE))
            cmd += ["--input-cache", str(INSIDE)]
        run_env = {k: v.replace("{workdir}", str(seen_as)) for k, v in (env or {}).items()}
        wrap = wrap_for.prefix(work) if wrap_for else ()
        # The harness's memfds count as files: its own cap is the memory limit, and it puts the
        # candidate process back under `limits.max_file_bytes` itself.
        outcome = sandbox.run(
            cmd, dataclasses.replace(limits, max_file_bytes=max(limits.max_file_bytes, 2 * reserve)), work, env=run_env, wrap=wrap, stdin="".join(c.line() for c in cases).encode(),
            hide=[paths.cache_dir(), *(_DEBUG_INFO if race and not debug_info else ())], private_view=True, stdout_bytes=STDOUT_BYTES,
            stderr_bytes=RACE_STDERR_BYTES if race else sandbox.OUTPUT_TAIL_BYTES, binds=binds,
        )
        if binds:
            input_cache.evict()
        records = _parse(outcome.stdout)
        for r in records:
            if r["event"] == "harness_error":
                raise InfraError(f"the parevo harness failed: {r.get('why', '')}")
        if outcome.returncode in HARNESS_USAGE_EXIT and not any(r["event"] == "start" for r in records):
            raise InfraError(f"the harness {HARNESS_USAGE_EXIT[outcome.returncode]}: {outcome.stderr.strip()[:400]}")
        if not any(r["event"] == "start" for r in records) and outcome.status == "ok":
            raise InfraError(f"the harness wrote no records: {outcome.stderr.strip()[:400]}")
        out = _cases(records, cases, threads, outcome)
        files = {}
        for pattern in keep_files:
            for f in sorted(work.glob(pattern)):
                files[f.name] = f.read_text(errors="replace")[:2_000_000]
        return HarnessRun(outcome, list(threads), out, any(r["event"] == "end" for r in records),
                          {r["threads"]: bool(r.get("ok")) for r in records if r["event"] == "canary"}, files)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _cases(records: list[dict], cases: Sequence[CaseSpec], threads: Sequence[int],
           outcome: sandbox.RunOutcome) -> list[CaseRecord]:
    """One record per (case, thread count) the harness reached; the first one it did not reach
    becomes a `missing` failure that says why the run ended, so no requested case goes unseen."""
    out: list[CaseRecord] = []
    done = set()
    for r in records:
        if r["event"] != "case":
            continue
        i = r.get("case")
        if not isinstance(i, int) or not 0 <= i < len(cases):
            continue
        spec = cases[i]
        out.append(CaseRecord(spec.family, spec.size, spec.seed, int(r.get("threads", 0)), r.get("shape", ""),
                              float(r.get("gen_s", 0.0)), bool(r.get("valid")), r.get("kind", "wrong"),
                              r.get("why", ""), r.get("rep"), [float(t) for t in r.get("times", [])],
                              r.get("witness") if isinstance(r.get("witness"), dict) else {}, str(r.get("cache", "")),
                              int(r.get("validations", -1))))
        done.add((i, out[-1].threads))
    if any(not c.valid for c in out):
        return out
    for i, spec in enumerate(cases):
        for t in threads:
            if (i, t) not in done:
                if outcome.status == "timeout":
                    why, kind = f"the run did not finish within {outcome.limits.wall_s:g} s (killed)", "timeout"
                elif outcome.status in ("memory", "output"):
                    why, kind = f"the program {outcome.describe()}", "crash"
                else:
                    why, kind = (f"the harness stopped before this case ({outcome.describe()}): the candidate "
                                 f"process interfered with the harness"), "missing"
                out.append(CaseRecord(spec.family, spec.size, spec.seed, t, "", 0.0, False, kind, why, None, []))
                return out
    return out


class Wrapper:
    """A command that runs outside the sandbox around the program (perf stat)."""

    def __init__(self, argv_with_workdir: Sequence[str]):
        self.argv = list(argv_with_workdir)

    def prefix(self, work: Path) -> list[str]:
        return [a.replace("{workdir}", str(work)) for a in self.argv]
