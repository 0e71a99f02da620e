"""The one SQLite opener (parevo/db.py): every store records its kind and schema version, and
a file of another kind, a newer schema or not a database at all is refused with the file named."""

from __future__ import annotations

import sqlite3

import pytest

from parevo.bench.store import BenchStore
from parevo.corpus.store import CorpusStore
from parevo.db import open_store
from parevo.errors import ParevoError
from parevo.runstore import RunStore


def test_each_store_refuses_another_kind(tmp_path):
    RunStore(tmp_path / "run.sqlite", create=True).close()
    with pytest.raises(ParevoError, match=r"run\.sqlite: this is a run store, not a bench store"):
        BenchStore(tmp_path / "run.sqlite")
    BenchStore(tmp_path / "bench.sqlite", create=True).close()
    with pytest.raises(ParevoError, match="this is a bench store, not a run store"):
        RunStore(tmp_path / "bench.sqlite", readonly=True)
    CorpusStore(tmp_path / "c").close()
    with pytest.raises(ParevoError, match="this is a corpus store, not a run store"):
        RunStore(tmp_path / "c" / "corpus.sqlite")


def test_newer_schema_and_garbage_are_refused(tmp_path):
    path = tmp_path / "s.sqlite"
    open_store(path, kind="run", schema="", version=1).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(ParevoError, match=r"s\.sqlite: run store schema 99, this parevo reads 1"):
        open_store(path, kind="run", schema="", version=1)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ParevoError, match=r"junk\.sqlite: cannot open the bench store"):
        open_store(junk, kind="bench", schema="", version=1)


def test_a_reader_sees_a_writer_s_committed_rows(tmp_path):
    """WAL: `runs show` opens the file read-only while the run writes to it."""
    writer = open_store(tmp_path / "w.sqlite", kind="run", schema="CREATE TABLE t (x);", version=1)
    writer.execute("INSERT INTO t VALUES (1)")
    reader = open_store(tmp_path / "w.sqlite", kind="run", schema="", version=1, readonly=True)
    assert reader.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    writer.execute("INSERT INTO t VALUES (2)")
    assert reader.execute("SELECT count(*) FROM t").fetchone()[0] == 2
