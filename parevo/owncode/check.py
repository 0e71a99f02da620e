"""`parevo tasks check DIR`: lints any task, built-in or generated, through the task probe.

1. the baseline passes the task's validator on every family;
2. every family is deterministic in (size, seed) (same shape, same baseline output);
3. a shape table (the describe() line, the answer's size, the baseline's time);
4. the tester-quality score: mutants of the baseline (mutate.py) that compile and are not
   trivially equivalent (same optimised assembly as the baseline), and the share of them the
   families plus the validator kill (a validator reason, a crash, or a timeout);
5. the baseline's line and branch coverage over the families (gcov).
"""

from __future__ import annotations

import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..tasks import Task
from . import mutate, probe

MUTATION_SIZE = 20000  # mutants run at min(check size, this): the families' shapes, not their volume


@dataclass
class MutantResult:
    mutant: mutate.Mutant
    outcome: str  # killed | survived | equivalent | no_compile
    detail: str = ""


@dataclass
class Coverage:
    lines: float | None = None  # percent
    branches: float | None = None  # percent taken at least once
    note: str = ""


@dataclass
class CheckReport:
    task: str
    size: int
    families: list[probe.FamilyRun]
    problems: list[str]
    mutants: list[MutantResult] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)
    seconds: float = 0.0

    def count(self, outcome: str) -> int:
        return sum(m.outcome == outcome for m in self.mutants)

    @property
    def score(self) -> float | None:
        judged = self.count("killed") + self.count("survived")
        return self.count("killed") / judged if judged else None

    @property
    def ok(self) -> bool:
        return not self.problems


def _mutation(task: Task, prober: probe.Prober, size: int, seed: int, wall_s: float, limit: int,
              jobs: int) -> list[MutantResult]:
    base = task.root / "baseline.cpp"
    ms = mutate.spread(mutate.mutants(base, task.root / "types.hpp", probe.include_dirs(task)), limit)
    return judge(task, prober, ms, size, seed, wall_s, jobs, task.spec.families)


def judge(task: Task, prober: probe.Prober, ms: list[mutate.Mutant], size: int, seed: int, wall_s: float, jobs: int,
          families: list[str]) -> list[MutantResult]:
    """Each mutant of the task's baseline against `families`: killed, survived, equivalent or
    not compiling."""
    source = (task.root / "baseline.cpp").read_bytes()
    reference_asm, _ = prober.assembly(task.baseline_source)

    def one(m: mutate.Mutant) -> MutantResult:
        text = m.apply(source)
        asm, asm_file = prober.assembly(text)
        if not asm:
            return MutantResult(m, "no_compile")
        if asm == reference_asm:
            return MutantResult(m, "equivalent", "same optimised code as the baseline")
        exe, err = prober.build(text, asm_file)
        if exe is None:
            return MutantResult(m, "no_compile", err)
        runs = probe.run(exe, size, seed, families, wall_s, exe.parent / f"run-{exe.name}")
        bad = next((r for r in runs if r.error), None)
        if bad is not None:
            return MutantResult(m, "killed", f"{bad.family}: {bad.error}")
        return MutantResult(m, "survived", "every family passed the validator")

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, ms))


def coverage_of(task: Task, size: int, seed: int, wall_s: float, families: list[str] | None = None) -> Coverage:
    """The baseline's gcov line and branch coverage over `families` (default: the task's)."""
    prober = probe.Prober(task, coverage=True)
    try:
        exe, err = prober.build(task.baseline_source)
        if exe is None:
            return Coverage(note=f"the coverage build failed: {err}")
        probe.run(exe, size, seed, families or task.spec.families, wall_s * 5, prober.dir)
        obj = exe.parent / "f1.o"
        proc = subprocess.run(["gcov", "-b", "-n", "-o", str(prober.dir), str(obj.with_suffix(".cpp"))],
                              capture_output=True, text=True, cwd=prober.dir)
        block = proc.stdout.split("File '")
        mine = next((b for b in block if b.startswith(str(obj.with_suffix(".cpp")))), "")
        lines = re.search(r"Lines executed:([\d.]+)% of", mine)
        taken = re.search(r"Taken at least once:([\d.]+)% of", mine)
        return Coverage(float(lines.group(1)) if lines else None, float(taken.group(1)) if taken else None,
                        "" if lines else f"gcov reported nothing for the baseline: {proc.stderr.strip()[:200]}")
    finally:
        prober.close()


def check_task(task: Task, *, size: int | None = None, seed: int = 1, max_mutants: int = 40, jobs: int = 2,
               coverage: bool = True) -> CheckReport:
    start = time.monotonic()
    size = size or task.spec.sizes.check
    prober = probe.Prober(task)
    try:
        exe, err = prober.build(task.baseline_source)
        if exe is None:
            raise probe.ProbeError(f"{task.root}/baseline.cpp does not build: {err}")
        runs = probe.run(exe, size, seed, task.spec.families, 600.0, prober.dir / "baseline")
        problems = [f"{r.family}: the baseline fails: {r.error}" for r in runs if r.error]
        problems += [f"{r.family}: not deterministic (a second generation from the same size and seed differs)"
                     for r in runs if not r.error and not r.again]
        report = CheckReport(task.id, size, runs, problems)
        if not problems:
            msize = min(size, MUTATION_SIZE)
            t0 = time.monotonic()
            probe.run(exe, msize, seed, task.spec.families, 600.0, prober.dir / "small")
            wall = max(3.0, 10 * (time.monotonic() - t0))
            report.mutants = _mutation(task, prober, msize, seed, wall, max_mutants, jobs)
            if coverage:
                report.coverage = coverage_of(task, msize, seed, wall)
        report.seconds = time.monotonic() - start
        return report
    finally:
        prober.close()
