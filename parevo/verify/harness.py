"""Running a harness binary in the sandbox and reading back its result records.

The harness appends one JSON line per event to a result file in the run's private
directory, each carrying a nonce chosen here (passed through the environment, which the
harness wipes before the candidate runs); lines without it are ignored, so a candidate that
prints JSON cannot forge a verdict. (A candidate that deliberately reads the harness's memory
could still forge one: it runs in the same process. The sandbox bounds what it can do to the
machine, not to its own verdict.) A crash is attributed to the case whose `begin`
record has no matching `case` record.
"""

from __future__ import annotations

import json
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from .. import paths
from ..errors import InfraError
from ..toolchain import sandbox
from ..toolchain.models import ParallelModel

HARNESS_USAGE_EXIT = {90: "could not open its result file", 91: "was given bad arguments", 92: "failed to generate an input"}


@dataclass(frozen=True)
class CaseSpec:
    family: str
    size: int
    seed: int

    def arg(self) -> str:
        return f"{self.family}:{self.size}:{self.seed}"


@dataclass
class CaseRecord:
    family: str
    size: int
    seed: int
    shape: str
    gen_s: float
    valid: bool
    why: str
    rep: int | None
    times: list[float]


@dataclass
class HarnessRun:
    outcome: sandbox.RunOutcome
    threads: int
    cases: list[CaseRecord]
    crashed_in: CaseSpec | None  # the case in progress when the program died
    ended: bool  # the harness wrote its final record
    files: dict[str, str] = field(default_factory=dict)  # small files left in the workdir (TSan logs)

    @property
    def invalid(self) -> list[CaseRecord]:
        return [c for c in self.cases if not c.valid]

    def failure(self) -> str:
        """A one-paragraph account of what went wrong, or '' when every case was valid."""
        if self.invalid:
            c = self.invalid[0]
            others = [f"'{o.family}'" for o in self.invalid[1:]]
            also = f" (also wrong on {', '.join(others)})" if others else ""
            when = "" if not c.rep else f", repetition {c.rep + 1} (a fresh input; an answer cached from an earlier call is wrong)"
            return (
                f"wrong answer on input family '{c.family}' ({c.shape}, seed {c.seed}, {self.threads} threads{when}): "
                f"{c.why}{also}"
            )
        if not self.outcome.ok or not self.ended:
            where = (
                f" on input family '{self.crashed_in.family}' (size {self.crashed_in.size}, {self.threads} threads)"
                if self.crashed_in else f" ({self.threads} threads)"
            )
            if self.outcome.ok:
                return f"the program stopped before finishing{where}: a candidate must not call exit() or abort()"
            tail = self.outcome.stderr.strip().splitlines()[-3:]
            err = ("; stderr: " + " | ".join(tail)[:300]) if tail else ""
            return f"the program {self.outcome.describe()}{where}{err}"
        return ""


def _read_records(path: Path, nonce: str) -> list[dict]:
    records = []
    if not path.exists():
        return records
    for line in path.read_text(errors="replace").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and rec.get("nonce") == nonce:
            records.append(rec)
    return records


def run_harness(
    binary: Path,
    cases: Sequence[CaseSpec],
    threads: int,
    limits: sandbox.Limits,
    *,
    warmup: int = 0,
    reps: int = 1,
    env: Mapping[str, str] | None = None,
    wrap_for: "Wrapper | None" = None,
    keep_files: Sequence[str] = (),
) -> HarnessRun:
    nonce = secrets.token_hex(12)
    workdir = Path(tempfile.mkdtemp(prefix="run-", dir=paths.cache_dir()))
    try:
        work = workdir / "work"
        work.mkdir()
        result = work / ".parevo-result.jsonl"
        cmd = [str(binary), "--result", str(result), "--warmup", str(warmup), "--reps", str(reps)]
        for c in cases:
            cmd += ["--case", c.arg()]
        run_env = {**ParallelModel.thread_env(threads), **(env or {}), "PAREVO_NONCE": nonce}
        run_env = {k: v.replace("{workdir}", str(work)) for k, v in run_env.items()}
        wrap = wrap_for.prefix(work) if wrap_for else ()
        outcome = sandbox.run(cmd, limits, work, env=run_env, wrap=wrap)
        records = _read_records(result, nonce)
        if outcome.returncode in HARNESS_USAGE_EXIT and not any(r["event"] == "case" for r in records):
            raise InfraError(f"the harness {HARNESS_USAGE_EXIT[outcome.returncode]}: {outcome.stderr.strip()[:400]}")
        for r in records:
            if r["event"] == "harness_error":
                raise InfraError(f"the harness failed to generate input family '{r['family']}': {r['why']}")
        cases_out = [
            CaseRecord(r["family"], r["size"], r["seed"], r.get("shape", ""), r.get("gen_s", 0.0), r["valid"],
                       r.get("why", ""), r.get("rep"), r.get("times", []))
            for r in records if r["event"] == "case"
        ]
        begun = [r for r in records if r["event"] == "begin"]
        crashed_in = None
        if begun and len(begun) > len(cases_out):
            b = begun[-1]
            crashed_in = CaseSpec(b["family"], b["size"], b["seed"])
        files = {}
        for pattern in keep_files:
            for f in sorted(work.glob(pattern)):
                files[f.name] = f.read_text(errors="replace")[:2_000_000]
        ended = any(r["event"] == "end" for r in records)
        return HarnessRun(outcome, threads, cases_out, crashed_in, ended, files)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


class Wrapper:
    """A command that runs outside the sandbox around the program (perf stat)."""

    def __init__(self, argv_with_workdir: Sequence[str]):
        self.argv = list(argv_with_workdir)

    def prefix(self, work: Path) -> list[str]:
        return [a.replace("{workdir}", str(work)) for a in self.argv]
