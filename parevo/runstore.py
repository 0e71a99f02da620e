"""The run store: one SQLite file per run (WAL) holding the run record, every program with
its evaluation, every LLM call and an event log. It is the primary record of a run — resume,
`parevo runs show`, bench and the corpus all read it — so it is written as the run goes:
a run row first (`start_run`), each evaluation committed on its own, the run closed last.

WAL lets a reader (a report, `runs show`) open the file while the run writes to it;
`synchronous=NORMAL` keeps every committed row across a process crash (kill -9), which is the
failure resume must survive.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from .db import Store, now
from .errors import ParevoError
from .llm.calls import LLM_CALLS_SCHEMA, insert_call

# Speedups inside this relative band are ties, whatever the measured spread says: a 2-core VM
# does not resolve finer differences (docs/verifier.md).
MIN_NOISE_BAND = 0.03
# ...and a measurement noisier than this is not trusted as a band at all: under heavy load the
# spread reaches 100 %+, and every program would tie with the first one forever.
MAX_NOISE_BAND = 0.25
SCHEMA_VERSION = 1
SCHEMA = LLM_CALLS_SCHEMA + """
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, task TEXT NOT NULL, model TEXT NOT NULL, status TEXT NOT NULL,
  spec TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, stop_reason TEXT, stats TEXT);
CREATE TABLE IF NOT EXISTS programs (
  id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, iteration INTEGER NOT NULL, island INTEGER NOT NULL,
  generation INTEGER NOT NULL, parent_id INTEGER, origin TEXT NOT NULL, repair_turn INTEGER NOT NULL,
  code TEXT NOT NULL, code_sha256 TEXT NOT NULL, status TEXT NOT NULL, stage_reached TEXT NOT NULL,
  viable INTEGER NOT NULL, fitness REAL, spread REAL, feedback TEXT NOT NULL, metrics TEXT NOT NULL,
  features TEXT NOT NULL, result TEXT, edit TEXT, created_at TEXT NOT NULL, eval_seconds REAL NOT NULL);
CREATE INDEX IF NOT EXISTS programs_by_island ON programs (run_id, island, viable);
CREATE TABLE IF NOT EXISTS migrants (
  program_id INTEGER NOT NULL, island INTEGER NOT NULL, iteration INTEGER NOT NULL,
  PRIMARY KEY (program_id, island));
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL);
"""


class ProgramRow(BaseModel):
    """One evaluated program, as stored. `viable` = correct and race-free: only these parent."""

    id: int
    run_id: str
    iteration: int
    island: int
    generation: int
    parent_id: int | None
    origin: str  # seed | mutate | repair
    repair_turn: int
    code: str
    code_sha256: str
    status: str  # ok | fail | error | no_code | edit_failed
    stage_reached: str
    viable: bool
    fitness: float | None
    spread: float | None
    feedback: str
    metrics: dict[str, Any]
    features: dict[str, Any]
    edit: dict[str, Any] | None
    created_at: str
    eval_seconds: float

    @property
    def contended(self) -> bool:
        """Its timing overlapped other CPU use on the machine (verify/contention.py): its fitness is
        kept and shown, but no parent or best is chosen by it."""
        return bool(self.metrics.get("contended"))


class RunRow(BaseModel):
    id: str
    task: str
    model: str
    status: str  # started | finished | stopped | failed
    spec: dict[str, Any]
    started_at: str
    finished_at: str | None
    stop_reason: str | None
    stats: dict[str, Any] | None


class RunStore(Store):
    """All access to one run file. One connection per process; short transactions."""

    kind, schema, version = "run", SCHEMA, SCHEMA_VERSION
    missing = "no run store here (expected a run directory with run.sqlite)"

    # -- runs -----------------------------------------------------------------------------
    def start_run(self, run_id: str, task: str, model: str, spec: dict[str, Any]) -> None:
        self.db.execute("INSERT INTO runs (id, task, model, status, spec, started_at) VALUES (?,?,?,?,?,?)",
                        (run_id, task, model, "started", json.dumps(spec), now()))

    def reopen_run(self, run_id: str) -> None:
        self.db.execute("UPDATE runs SET status='started', finished_at=NULL, stop_reason=NULL WHERE id=?", (run_id,))

    def finish_run(self, run_id: str, status: str, stop_reason: str, stats: dict[str, Any]) -> None:
        self.db.execute("UPDATE runs SET status=?, finished_at=?, stop_reason=?, stats=? WHERE id=?",
                        (status, now(), stop_reason, json.dumps(stats), run_id))

    def run(self, run_id: str | None = None) -> RunRow:
        row = (self.db.execute("SELECT * FROM runs WHERE id=?", (run_id,)) if run_id
               else self.db.execute("SELECT * FROM runs ORDER BY started_at LIMIT 1")).fetchone()
        if row is None:
            raise ParevoError(f"{self.path}: no run {run_id or ''} in this store".replace("  ", " "))
        d = dict(row)
        d["spec"] = json.loads(d["spec"])
        d["stats"] = json.loads(d["stats"]) if d["stats"] else None
        return RunRow(**d)

    # -- programs ---------------------------------------------------------------------------
    def add_program(self, **fields: Any) -> int:
        fields = dict(fields)
        for k in ("metrics", "features"):
            fields[k] = json.dumps(fields.get(k) or {})
        for k in ("result", "edit"):
            fields[k] = json.dumps(fields[k]) if fields.get(k) is not None else None
        fields["viable"] = int(bool(fields["viable"]))
        fields.setdefault("created_at", now())
        cols = ", ".join(fields)
        marks = ", ".join("?" for _ in fields)
        cur = self.db.execute(f"INSERT INTO programs ({cols}) VALUES ({marks})", tuple(fields.values()))
        return int(cur.lastrowid)

    def programs(self, run_id: str, *, viable_only: bool = False) -> list[ProgramRow]:
        sql = "SELECT * FROM programs WHERE run_id=?" + (" AND viable=1" if viable_only else "") + " ORDER BY id"
        return [self._program(r) for r in self.db.execute(sql, (run_id,))]

    def program(self, program_id: int) -> ProgramRow:
        row = self.db.execute("SELECT * FROM programs WHERE id=?", (program_id,)).fetchone()
        if row is None:
            raise ParevoError(f"{self.path}: no program {program_id}")
        return self._program(row)

    def program_result(self, program_id: int) -> dict[str, Any] | None:
        row = self.db.execute("SELECT result FROM programs WHERE id=?", (program_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    @staticmethod
    def _program(row: sqlite3.Row) -> ProgramRow:
        d = dict(row)
        d.pop("result", None)
        d["metrics"] = json.loads(d["metrics"])
        d["features"] = json.loads(d["features"])
        d["edit"] = json.loads(d["edit"]) if d["edit"] else None
        return ProgramRow(**d)

    def add_migrant(self, program_id: int, island: int, iteration: int) -> None:
        self.db.execute("INSERT OR IGNORE INTO migrants VALUES (?,?,?)", (program_id, island, iteration))

    def migrants(self, run_id: str) -> list[tuple[int, int, int]]:
        sql = ("SELECT m.program_id, m.island, m.iteration FROM migrants m JOIN programs p ON p.id=m.program_id "
               "WHERE p.run_id=? ORDER BY m.iteration, m.program_id")
        return [tuple(r) for r in self.db.execute(sql, (run_id,))]

    # -- llm calls and events ------------------------------------------------------------------
    def add_call(self, run_id: str, record: BaseModel, iteration: int | None = None) -> None:
        insert_call(self.db, run_id, record, iteration)

    def calls(self, run_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(
            "SELECT id, seq, role, key, model, prompt_tokens, completion_tokens, cost, latency_s, error, iteration "
            "FROM llm_calls WHERE run_id=? ORDER BY id", (run_id,))]

    def call_records(self, run_id: str) -> Iterator[str]:
        for (rec,) in self.db.execute("SELECT record FROM llm_calls WHERE run_id=? ORDER BY id", (run_id,)):
            yield rec

    def event(self, run_id: str, kind: str, **data: Any) -> None:
        self.db.execute("INSERT INTO events (run_id, at, kind, data) VALUES (?,?,?,?)",
                        (run_id, now(), kind, json.dumps(data, default=str)))

    def events(self, run_id: str, kind: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT at, kind, data FROM events WHERE run_id=?" + (" AND kind=?" if kind else "") + " ORDER BY id"
        args = (run_id, kind) if kind else (run_id,)
        return [{"at": a, "kind": k, **json.loads(d)} for a, k, d in self.db.execute(sql, args)]


def beats(a: ProgramRow, b: ProgramRow) -> bool:
    """a is faster than b by more than the noise band of either measurement."""
    fa, fb = a.fitness or 0.0, b.fitness or 0.0
    band = min(MAX_NOISE_BAND, max(MIN_NOISE_BAND, a.spread or 0.0, b.spread or 0.0))
    return fa > fb * (1.0 + band)


def best_of(programs: list[ProgramRow]) -> ProgramRow | None:
    """The fastest program measured without contention; a challenger inside the noise band does
    not dethrone an earlier one. None when every measurement was contended."""
    best = None
    for p in sorted(programs, key=lambda p: p.id):
        if p.contended:
            continue
        if best is None or beats(p, best):
            best = p
    return best
