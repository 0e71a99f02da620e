"""Whole-program race checking (`parevo racecheck`): a C or C++ program with its own main(),
built with the model's race recipe and run a few times at several thread counts.

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
from ..toolchain.build import BuildCache
from . import diagnostics, races

Verdict = Literal["race", "clean", "unchecked"]
EXIT_CODES = {"clean": 0, "race": 1, "unchecked": 2}


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


def racecheck(
    program: Path,
    model: str | None = None,
    extra_flags: Sequence[str] = (),
    threads: Sequence[int] = (4, 8),
    runs: int = 2,
    args: Sequence[str] = (),
    wall_s: float = 60.0,
    cache: BuildCache | None = None,
) -> RaceCheckResult:
    program = Path(program)
    if not program.is_file():
        raise ParevoError(f"{program}: no such file")
    if program.suffix not in (".c", ".cc", ".cpp", ".cxx", ".C"):
        raise ParevoError(f"{program}: expected a .c or .cpp file")
    source = program.read_text(errors="replace")
    model = model or guess_model(source)
    recipe = pm.get_model(model).race(probe.detect())
    if recipe.unavailable:
        return RaceCheckResult("unchecked", model, f"no race detector for model '{model}': {recipe.unavailable}")
    tc = probe.detect()
    cache = cache or BuildCache(tc)
    name = "prog.c" if program.suffix == ".c" else "prog.cpp"
    obj = cache.compile_object(source, (*recipe.flags.compile, *extra_flags), [program.parent.resolve()], None, "", name=name)
    binary = cache.link([obj], (*recipe.flags.link, *extra_flags)) if obj.ok else obj
    if not binary.ok:
        return RaceCheckResult("unchecked", model, "the program does not build:\n" + diagnostics.summarize(binary.log))
    limits = sandbox.Limits(wall_s=wall_s, sanitizer=True)
    found: list[races.TsanReport] = []
    result = RaceCheckResult("clean", model)
    completed = 0
    for t in threads:
        for _ in range(runs):
            work = Path(tempfile.mkdtemp(prefix="racecheck-", dir=paths.cache_dir())) / "work"
            try:
                env = {**pm.ParallelModel.thread_env(t), **recipe.env,
                       "TSAN_OPTIONS": f"halt_on_error=0 exitcode=0 report_thread_leaks=0 "
                                       f"ignore_noninstrumented_modules=1 log_path={work}/tsan"}
                work.mkdir(parents=True)
                outcome = sandbox.run([str(binary.path), *args], limits, work, env=env)
                text = "".join(f.read_text(errors="replace") for f in sorted(work.glob("tsan*")))
            finally:
                shutil.rmtree(work.parent, ignore_errors=True)
            reports = races.parse(text)
            found.extend(reports)
            failing = [r for r in reports if r.fails]
            result.runs.append(f"{t} threads: {outcome.describe()}, {len(failing)} race report(s)")
            completed += outcome.ok
    failing = races.distinct(found, name)
    lines = source.splitlines()
    if failing:
        result.verdict = "race"
        for r in failing:  # the build compiled a copy named prog.c(pp): show the user's file name
            r.text = r.text.replace(name, program.name)
        result.reports = failing
        result.summary = races.summarize(failing, lines, limit=10, source_name=name).replace(name, program.name)
    elif completed == 0:
        result.verdict = "unchecked"
        result.reason = "no run completed under the race detector: " + "; ".join(result.runs)
    return result
