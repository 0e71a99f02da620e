"""The corpus store: `DIR/corpus.sqlite` (WAL, synchronous=NORMAL) holding the run's spec,
every candidate with its decision, and every LLM call.

It is what makes `parevo corpus generate` resumable: a candidate with a decision (kept or
rejected) is never redone, and an LLM request already answered (same key: messages, sample,
model) is answered from `llm_calls` instead of the provider, so a rerun after a crash or a
budget stop spends nothing twice. A candidate that met an infrastructure error is stored as
`error` and retried.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import ParevoError
from ..db import Store, now
from ..llm.calls import LLM_CALLS_SCHEMA, insert_call
from ..llm import CallRecord, Completion, Usage

STORE_NAME = "corpus.sqlite"
SCHEMA_VERSION = 1
SCHEMA = LLM_CALLS_SCHEMA + """
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, spec TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL,
  finished_at TEXT, stop_reason TEXT);
CREATE TABLE IF NOT EXISTS candidates (
  id TEXT PRIMARY KEY, seed TEXT NOT NULL, seed_kind TEXT NOT NULL, primitive TEXT, model TEXT NOT NULL,
  sample INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT, detail TEXT NOT NULL, record TEXT NOT NULL,
  created_at TEXT NOT NULL, UNIQUE (seed, model, sample));
"""
CORPUS_RUN = "corpus"  # the run_id of every llm_calls row


class CandidateRow(BaseModel):
    id: str
    seed: str
    seed_kind: str
    primitive: str | None
    model: str
    sample: int
    status: str  # kept | rejected | error
    reason: str | None  # the rejection reason (None when kept)
    detail: str
    record: dict[str, Any]  # the full record (the exported schema), filters included
    created_at: str


class CorpusStore(Store):
    kind, schema, version = "corpus", SCHEMA, SCHEMA_VERSION
    missing = "no corpus store here"

    def __init__(self, directory: Path, *, readonly: bool = False):  # a writer creates it
        super().__init__(Path(directory) / STORE_NAME, create=not readonly, readonly=readonly)

    # -- runs (one row per invocation) ---------------------------------------------------------
    def start_run(self, spec: dict[str, Any]) -> int:
        cur = self.db.execute("INSERT INTO runs (spec, status, started_at) VALUES (?,?,?)",
                              (json.dumps(spec), "started", now()))
        return int(cur.lastrowid)

    def finish_run(self, run: int, status: str, reason: str) -> None:
        self.db.execute("UPDATE runs SET status=?, finished_at=?, stop_reason=? WHERE id=?", (status, now(), reason, run))

    # -- candidates ------------------------------------------------------------------------------
    def decided(self) -> set[tuple[str, str, int]]:
        """(seed, model, sample) of every candidate with a final decision (kept or rejected)."""
        sql = "SELECT seed, model, sample FROM candidates WHERE status IN ('kept', 'rejected')"
        return {(r[0], r[1], r[2]) for r in self.db.execute(sql)}

    def put(self, record: dict[str, Any], *, sample: int, status: str, reason: str | None, detail: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO candidates (id, seed, seed_kind, primitive, model, sample, status, reason, detail,"
            " record, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (record["id"], record["seed"], record["seed_kind"], record.get("primitive"), record["model"], sample,
             status, reason, detail, json.dumps(record), now()))

    def candidates(self, status: str | None = None) -> list[CandidateRow]:
        sql = "SELECT * FROM candidates" + (" WHERE status=?" if status else "") + " ORDER BY rowid"
        return [self._row(r) for r in self.db.execute(sql, (status,) if status else ())]

    @staticmethod
    def _row(row: sqlite3.Row) -> CandidateRow:
        d = dict(row)
        d["record"] = json.loads(d["record"])
        return CandidateRow(**d)

    def candidate(self, cid: str) -> CandidateRow:
        row = self.db.execute("SELECT * FROM candidates WHERE id=?", (cid,)).fetchone()
        if row is None:
            raise ParevoError(f"{self.path}: no candidate {cid}")
        return self._row(row)

    # -- llm calls: the record and the resume cache ---------------------------------------------
    def add_call(self, record: CallRecord) -> None:
        insert_call(self.db, CORPUS_RUN, record, record.sample)

    def cached(self, key: str) -> Completion | None:
        row = self.db.execute("SELECT record FROM llm_calls WHERE key=? AND error IS NULL ORDER BY id LIMIT 1",
                              (key,)).fetchone()
        return CallRecord.model_validate_json(row[0]).completion if row else None

    def n_calls(self) -> int:
        return self.db.execute("SELECT count(*) FROM llm_calls").fetchone()[0]

    def usage(self) -> Usage:
        """What every successful call so far cost: a budget covers the whole corpus, reruns included."""
        rows = self.db.execute("SELECT prompt_tokens, completion_tokens, cost FROM llm_calls WHERE error IS NULL")
        return sum((Usage(prompt_tokens=p, completion_tokens=c, cost=cost) for p, c, cost in rows), Usage())
