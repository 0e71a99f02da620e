"""The agent end to end on a real task, with real builds and runs: the scripted provider
stands in for the model, a local process plays the person answering the exchange directory."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import FIXTURES

REPLIES = FIXTURES / "evolve"
pytestmark = pytest.mark.slow
# Small, fast evaluations: histogram at 2M values keeps the slow and fast programs far apart.
CONFIG = """
[evolve]
iterations = {iterations}
parallel = 1
islands = 2
repair_turns = 2
quick = true
{extra}
[eval]
timing_size = 2000000
check_threads = [1, 2]
race_threads = [4]
# Contended timings never make a best (tests/test_contention.py, test_evolve_units.py); these runs
# test the loop, and must not depend on other load on a shared test machine.
contention_max_cores = 1000.0
"""


def _script(tmp_path: Path, names: list[str]) -> Path:
    path = tmp_path / "script.json"
    path.write_text(json.dumps([(REPLIES / f"{n}.md").read_text() for n in names]))
    return path


def _config(tmp_path: Path, iterations: int, extra: str = "") -> Path:
    path = tmp_path / "evolve.toml"
    path.write_text(CONFIG.format(iterations=iterations, extra=extra))
    return path


def _parevo(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "parevo.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, **kw)


def _count(store: Path, sql: str) -> int:
    try:
        return sqlite3.connect(store).execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # the file exists but its schema is not written yet
        return 0


def _rows(run_dir: Path) -> list[dict]:
    db = sqlite3.connect(run_dir / "run.sqlite")
    db.row_factory = sqlite3.Row
    return [dict(r) for r in db.execute("SELECT * FROM programs ORDER BY id")]


def test_evolution_repairs_rejects_races_and_keeps_the_fastest(tmp_path):
    script = _script(tmp_path, ["compile_error", "racy", "wrong", "slow_serial", "atomic", "no_code", "atomic"])
    r = _parevo("evolve", "histogram", "--model", "openmp", "--llm", f"scripted:{script}",
                "--config", str(_config(tmp_path, 4)), "--name", "e2e", "--seed", "3", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    run_dir = tmp_path / "parevo-runs" / "e2e"
    rows = _rows(run_dir)
    by_origin = [(p["iteration"], p["origin"], p["status"], p["stage_reached"]) for p in rows]
    # seed (the serial baseline fails the OpenMP usage check), then iteration 1 repairs twice at once
    assert by_origin[:4] == [(0, "seed", "fail", "static"), (1, "mutate", "fail", "build"),
                             (1, "repair", "fail", "race"), (1, "repair", "fail", "correctness")]
    racy = rows[2]
    assert "data race" in racy["feedback"] and "candidate.cpp:" in racy["feedback"]
    slow, fast = rows[4], rows[5]
    assert (slow["viable"], fast["viable"]) == (1, 1) and fast["fitness"] > slow["fitness"] * 1.2
    # the racy program never parents; the improvement came from the viable slow program
    assert all(p["parent_id"] != racy["id"] for p in rows)
    assert fast["parent_id"] == slow["id"]
    # a reply without code is a scored failure, and the repair turn that follows fixes it
    assert (rows[6]["status"], rows[7]["origin"], rows[7]["viable"]) == ("no_code", "repair", 1)
    best = (run_dir / "best.cpp").read_text()
    assert f"best program #{fast['id']}" in best or f"best program #{rows[7]['id']}" in best
    assert "#pragma omp atomic" in best
    calls = sqlite3.connect(run_dir / "run.sqlite").execute("SELECT role FROM llm_calls ORDER BY id").fetchall()
    assert [c[0] for c in calls] == ["mutate", "repair", "repair", "mutate", "mutate", "mutate", "repair"]
    shown = _parevo("runs", "show", "e2e", cwd=tmp_path)
    assert shown.returncode == 0 and "viable" in shown.stdout and "finished" in shown.stdout
    listed = _parevo("runs", "list", cwd=tmp_path)
    assert "e2e" in listed.stdout and "histogram" in listed.stdout

    # Replay the recorded run offline from its call log: the same verdicts come back.
    r = _parevo("evolve", "histogram", "--model", "openmp", "--llm", f"replay:{run_dir / 'run.sqlite'}",
                "--config", str(_config(tmp_path, 4)), "--name", "replayed", "--seed", "3", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    replayed = _rows(tmp_path / "parevo-runs" / "replayed")
    assert [(p["origin"], p["status"], p["stage_reached"]) for p in replayed] == \
        [(p["origin"], p["status"], p["stage_reached"]) for p in rows]


def test_budget_stops_the_run_cleanly(tmp_path):
    script = _script(tmp_path, ["atomic"] * 6)
    mine = tmp_path / "my_histogram.cpp"  # the user's own sequential function as the start
    mine.write_text("// my own histogram\n" + (REPLIES / "../../../parevo/tasks/suite/histogram/baseline.cpp").resolve().read_text())
    r = _parevo("evolve", "histogram", "--llm", f"scripted:{script}", "--name", "budget", "--start", str(mine),
                "--config", str(_config(tmp_path, 5, "budget_tokens = 2500")), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "budget reached" in r.stdout
    db = sqlite3.connect(tmp_path / "parevo-runs" / "budget" / "run.sqlite")
    status, reason = db.execute("SELECT status, stop_reason FROM runs").fetchone()
    assert status == "stopped" and "token budget" in reason
    n_calls = db.execute("SELECT count(*) FROM llm_calls").fetchone()[0]
    assert 1 <= n_calls < 5
    assert "// my own histogram" in db.execute("SELECT code FROM programs WHERE origin='seed'").fetchone()[0]
    # nothing computed is lost: every answered call produced a program row
    assert db.execute("SELECT count(*) FROM programs WHERE origin='mutate'").fetchone()[0] == n_calls


def _start_evolve(tmp_path: Path, *args: str) -> subprocess.Popen:
    log = open(tmp_path / "evolve.log", "a")  # read back when an assertion fails
    return subprocess.Popen([sys.executable, "-m", "parevo.cli", "evolve", *args], cwd=tmp_path,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _wait_for_mutations(store: Path, n: int) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and _count(store, "SELECT count(*) FROM programs WHERE origin='mutate'") < n:
        time.sleep(0.2)


def test_ctrl_c_then_kill_9_then_resume_finishes_the_run(tmp_path):
    script = _script(tmp_path, ["atomic"] * 12)
    cfg = _config(tmp_path, 4, "parallel = 2")
    cfg.write_text(cfg.read_text().replace("parallel = 1\n", ""))
    store = tmp_path / "parevo-runs" / "crash" / "run.sqlite"

    proc = _start_evolve(tmp_path, "histogram", "--llm", f"scripted:{script}", "--config", str(cfg), "--name", "crash")
    _wait_for_mutations(store, 1)
    os.kill(proc.pid, signal.SIGINT)  # Ctrl-C: a clean stop
    assert proc.wait(timeout=60) == 0, (tmp_path / "evolve.log").read_text()[-3000:]
    status, reason = sqlite3.connect(store).execute("SELECT status, stop_reason FROM runs").fetchone()
    assert status == "stopped" and "interrupted" in reason
    workers = subprocess.run(["pgrep", "-f", f"parevo.verify.worker {tmp_path}"], capture_output=True, text=True)
    assert workers.stdout == "", "an evaluation worker outlived the interrupted run"

    proc = _start_evolve(tmp_path, "--resume", "crash")
    _wait_for_mutations(store, 2)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its evaluation workers, mid-run
    proc.wait()
    assert sqlite3.connect(store).execute("SELECT status FROM runs").fetchone()[0] == "started"

    r = _parevo("evolve", "--resume", "crash", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    db = sqlite3.connect(store)
    assert db.execute("SELECT status FROM runs").fetchone()[0] == "finished"
    done = {row[0] for row in db.execute("SELECT json_extract(data, '$.iteration') FROM events WHERE kind='iteration_done'")}
    assert done == {0, 1, 2, 3, 4}
    rows = _rows(tmp_path / "parevo-runs" / "crash")
    assert len([p for p in rows if p["origin"] == "seed"]) == 1  # the seed was not evaluated twice
    # at most the iterations in flight at each stop (2 each) were redone
    assert len([p for p in rows if p["origin"] == "mutate"]) <= 4 + 2 + 2
    assert db.execute("SELECT count(*) FROM events WHERE kind='session_start'").fetchone()[0] == 3


def test_exchange_round_trip_with_a_person_answering(tmp_path):
    from parevo.llm.providers.exchange import answer, pending

    exchange = tmp_path / "exchange"
    answered: list[str] = []
    stop = threading.Event()

    def person() -> None:
        while not stop.is_set():
            for req in pending(exchange) if exchange.is_dir() else []:
                if req.id not in answered:
                    assert "histogram" in req.messages[-1].content
                    answer(exchange, req.id, (REPLIES / "atomic.md").read_text())
                    answered.append(req.id)
            time.sleep(0.1)

    t = threading.Thread(target=person, daemon=True)
    t.start()
    try:
        r = _parevo("evolve", "histogram", "--llm", f"exchange:{exchange}", "--name", "ex",
                    "--config", str(_config(tmp_path, 1)), cwd=tmp_path)
    finally:
        stop.set()
        t.join(5)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(answered) == 1
    rows = _rows(tmp_path / "parevo-runs" / "ex")
    assert rows[-1]["viable"] == 1
