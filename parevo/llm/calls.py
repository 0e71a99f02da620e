"""The `llm_calls` table: one row per LLM call (tokens, cost, latency, the full record), the
same shape in an evolve run, a bench and a corpus store, so `--llm replay:FILE` replays any of
them and cost reports read them alike."""

from __future__ import annotations

import sqlite3

from .types import CallRecord

LLM_CALLS_SCHEMA = """
CREATE TABLE IF NOT EXISTS llm_calls (
  id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, seq INTEGER NOT NULL, role TEXT NOT NULL, key TEXT NOT NULL,
  model TEXT NOT NULL, prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, cost REAL,
  latency_s REAL NOT NULL, error TEXT, iteration INTEGER, record TEXT NOT NULL);
"""


def insert_call(db: sqlite3.Connection, run_id: str, record: CallRecord, iteration: int | None) -> None:
    usage = record.completion.usage if record.completion else None
    db.execute(
        "INSERT INTO llm_calls (run_id, seq, role, key, model, prompt_tokens, completion_tokens, cost, latency_s,"
        " error, iteration, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (run_id, record.seq, record.role, record.key, record.model, usage.prompt_tokens if usage else 0,
         usage.completion_tokens if usage else 0, usage.cost if usage else None,
         record.completion.latency_s if record.completion else 0.0, record.error, iteration, record.model_dump_json()))
