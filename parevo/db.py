"""The one SQLite opener of parevo's three stores (an evolve run, a bench, a corpus).

Every store is a single file in WAL mode with `synchronous=NORMAL`: a reader (`runs show`, a
report, the replay provider) may open it while its writer goes on, and every committed row
survives a crash of the writer (kill -9), which is what `--resume` relies on. Each file records
its kind and schema version in a `meta` table, so a bench file handed to `runs show`, or a file
written by a newer parevo, is refused with a message naming the file instead of failing on a
missing column later.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import ClassVar

from .errors import ParevoError

META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
# How long a writer waits for another process's lock before it says so.
BUSY_TIMEOUT_S = 30.0


def now() -> str:
    """A UTC timestamp with milliseconds: the `*_at` columns of every store."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def open_store(path: Path, *, kind: str, schema: str, version: int, readonly: bool = False) -> sqlite3.Connection:
    """Opens (creating when writable) the store of `kind` at `path`, checks its kind and version
    and returns an autocommit connection with rows as `sqlite3.Row`. The caller checks first
    whether a missing file is an error (a store to read) or a new store (one to write)."""
    path = Path(path)
    if not readonly:
        path.parent.mkdir(parents=True, exist_ok=True)
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    try:
        db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        db.row_factory = sqlite3.Row
        if not readonly:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(META + schema)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('kind', ?)", (kind,))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(version),))
        has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        stored = dict(db.execute("SELECT key, value FROM meta").fetchall()) if has_meta else {}
    except sqlite3.DatabaseError as exc:  # not a database, locked past the timeout, unreadable
        raise ParevoError(f"{path}: cannot open the {kind} store: {exc}") from exc
    if stored.get("kind", kind) != kind:
        db.close()
        raise ParevoError(f"{path}: this is a {stored['kind']} store, not a {kind} store")
    if "schema_version" in stored and int(stored["schema_version"]) != version:
        db.close()
        raise ParevoError(f"{path}: {kind} store schema {stored['schema_version']}, this parevo reads {version}")
    return db


class Store:
    """Base of the three stores: one file, opened through `open_store`. A subclass names its
    kind, schema, version and what a missing file means to a reader (`missing`)."""

    kind: ClassVar[str]
    schema: ClassVar[str]
    version: ClassVar[int]
    missing: ClassVar[str]

    def __init__(self, path: Path, *, create: bool = False, readonly: bool = False):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise ParevoError(f"{self.path}: {self.missing}")
        self.db = open_store(self.path, kind=self.kind, schema=self.schema, version=self.version, readonly=readonly)

    def close(self) -> None:
        self.db.close()
