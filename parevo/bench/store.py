"""The bench store: one SQLite file (WAL) per bench run, holding the run's spec, every sample
with its evaluation, and every LLM call (same `llm_calls` shape as an evolve run, so
`--llm replay:bench.sqlite` replays a bench). Samples are committed one by one: a rerun of the
same bench skips what is stored and goes on where it stopped."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field

from ..errors import ParevoError
from ..db import Store, now
from ..llm.calls import LLM_CALLS_SCHEMA, insert_call
from ..verify.result import EvalResult
from .metrics import Sample

SCHEMA_VERSION = 1
SCHEMA = LLM_CALLS_SCHEMA + """
CREATE TABLE IF NOT EXISTS bench (
  id TEXT PRIMARY KEY, spec TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT);
CREATE TABLE IF NOT EXISTS samples (
  id INTEGER PRIMARY KEY, bench_id TEXT NOT NULL, prompt_id TEXT NOT NULL, task TEXT NOT NULL, model TEXT NOT NULL,
  sample INTEGER NOT NULL, status TEXT NOT NULL, stage_reached TEXT NOT NULL, built INTEGER NOT NULL,
  correct INTEGER NOT NULL, race_free INTEGER, speedups TEXT NOT NULL, speedup_vs_reference REAL,
  feedback TEXT NOT NULL, code TEXT NOT NULL, reply TEXT, evolve_run TEXT, result TEXT, seconds REAL NOT NULL,
  created_at TEXT NOT NULL, UNIQUE (bench_id, prompt_id, sample));
"""


class SampleKey(BaseModel):
    """Which sample a row is: the bench, the item (prompt), its task and model, the sample index."""

    bench_id: str
    prompt_id: str
    task: str
    model: str
    sample: int


class Outcome(BaseModel):
    """What one sample came to: the columns an evaluation (or its failure to happen) decides."""

    status: str  # ok | fail | error | no_code
    stage_reached: str
    built: bool = False
    correct: bool = False
    race_free: bool | None = None
    speedups: dict[int, float] = Field(default_factory=dict)  # thread (rank) count -> speedup
    speedup_vs_reference: float | None = None
    feedback: str = ""
    code: str = ""
    reply: str | None = None
    evolve_run: str | None = None
    result: dict | None = None  # the EvalResult, stored but not read back into rows
    seconds: float = 0.0

    @classmethod
    def of(cls, result: EvalResult, code: str, **extra: Any) -> Outcome:
        """A verifier result as a sample: correct but too slow (stopped at its timing budget)
        counts as correct, with its speedup's bound."""
        def ok(name: str) -> bool:
            s = result.stage(name)
            return s is not None and s.status == "ok"

        timing = result.stage("timing")
        correct = ok("correctness") and not (timing is not None and timing.status == "fail"
                                             and not timing.metrics.get("too_slow"))
        speedups = {int(t): v for t, v in (timing.metrics.get("speedup_by_threads", {}) if timing else {}).items()}
        return cls(status=result.status, stage_reached=result.stage_reached, built=ok("build"), correct=correct,
                   race_free=result.race_free, speedups=speedups,
                   speedup_vs_reference=result.metrics.get("speedup_vs_reference"), feedback=result.feedback,
                   code=code, result=result.model_dump(mode="json"), seconds=result.seconds, **extra)

    @property
    def passed(self) -> bool:
        return self.correct and self.race_free is not False

    @property
    def too_slow(self) -> bool:
        """Stopped at the timing budget: the one timing failure that leaves a sample correct (a
        correct sample that failed earlier, at the race stage, is not "too slow")."""
        return self.correct and self.status == "fail" and self.stage_reached == "timing"


class SampleRow(SampleKey, Outcome):
    id: int
    created_at: str

    def as_metric_sample(self) -> Sample:
        return Sample(self.prompt_id, self.built, self.correct, self.race_free, self.speedups,
                      errored=self.status == "error")


class BenchStore(Store):
    kind, schema, version = "bench", SCHEMA, SCHEMA_VERSION
    missing = "no bench store here (expected a bench directory with bench.sqlite)"

    def start(self, bench_id: str, spec: dict[str, Any]) -> None:
        row = self.db.execute("SELECT spec FROM bench WHERE id=?", (bench_id,)).fetchone()
        if row is None:
            self.db.execute("INSERT INTO bench VALUES (?,?,?,?,NULL)", (bench_id, json.dumps(spec), "started", now()))
        else:
            self.db.execute("UPDATE bench SET status='started', finished_at=NULL, spec=? WHERE id=?",
                            (json.dumps(spec), bench_id))

    def spec(self, bench_id: str | None = None) -> tuple[str, dict[str, Any], str]:
        row = (self.db.execute("SELECT * FROM bench WHERE id=?", (bench_id,)) if bench_id
               else self.db.execute("SELECT * FROM bench ORDER BY started_at LIMIT 1")).fetchone()
        if row is None:
            raise ParevoError(f"{self.path}: no bench run recorded")
        return row["id"], json.loads(row["spec"]), row["status"]

    def finish(self, bench_id: str, status: str) -> None:
        self.db.execute("UPDATE bench SET status=?, finished_at=? WHERE id=?", (status, now(), bench_id))

    def done_keys(self, bench_id: str) -> set[tuple[str, int]]:
        return {(r[0], r[1]) for r in self.db.execute("SELECT prompt_id, sample FROM samples WHERE bench_id=?", (bench_id,))}

    def add_sample(self, key: SampleKey, outcome: Outcome) -> None:
        f = {**key.model_dump(), **outcome.model_dump()}
        f["speedups"] = json.dumps({str(k): v for k, v in outcome.speedups.items()})
        f["result"] = json.dumps(outcome.result) if outcome.result is not None else None
        f["race_free"] = None if outcome.race_free is None else int(outcome.race_free)
        f["built"], f["correct"] = int(outcome.built), int(outcome.correct)
        f["created_at"] = now()
        cols, marks = ", ".join(f), ", ".join("?" for _ in f)
        self.db.execute(f"INSERT OR REPLACE INTO samples ({cols}) VALUES ({marks})", tuple(f.values()))

    def samples(self, bench_id: str) -> list[SampleRow]:
        out = []
        for r in self.db.execute("SELECT * FROM samples WHERE bench_id=? ORDER BY id", (bench_id,)):
            d = dict(r)
            d.pop("result", None)
            d["speedups"] = {int(k): v for k, v in json.loads(d["speedups"]).items()}
            out.append(SampleRow(**d))
        return out

    def sample_result(self, sample_id: int) -> dict | None:
        row = self.db.execute("SELECT result FROM samples WHERE id=?", (sample_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def add_call(self, bench_id: str, record: Any) -> None:
        insert_call(self.db, bench_id, record, record.sample)

    def n_calls(self) -> int:
        return self.db.execute("SELECT count(*) FROM llm_calls").fetchone()[0]
