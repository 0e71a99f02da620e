"""parevo bench end to end: scripted samples through the real cascade, metrics from the store,
resume after an interruption, and parevo's own solutions without an LLM."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES
from parevo.bench.metrics import build_at_k, pass_at_k, race_free_at_k
from parevo.bench.store import BenchStore
from parevo.paths import SUITE_DIR

pytestmark = pytest.mark.slow
REPLIES = FIXTURES / "evolve"


@pytest.fixture
def small_suite(tmp_path) -> Path:
    """A task directory of the user's own: the built-in histogram with small timing inputs."""
    root = tmp_path / "suite"
    shutil.copytree(SUITE_DIR / "histogram", root / "histogram")
    toml = root / "histogram" / "task.toml"
    toml.write_text(toml.read_text().replace("timing = 30000000", "timing = 1000000"))
    return root


def _bench(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parevo.cli", "bench", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env={**os.environ, "COLUMNS": "200"})


def _script(tmp_path: Path, names: list[str]) -> Path:
    path = tmp_path / "script.json"
    path.write_text(json.dumps([(REPLIES / f"{n}.md").read_text() for n in names]))
    return path


def test_oneshot_bench_with_scripted_samples(tmp_path, small_suite):
    script = _script(tmp_path, ["atomic", "racy", "no_code"])
    r = _bench("--suite", str(small_suite), "--llm", f"scripted:{script}", "--samples", "3", "--quick",
               "--jobs", "1", "--name", "s", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    store = BenchStore(tmp_path / "parevo-bench" / "s" / "bench.sqlite", readonly=True)
    rows = store.samples("s")
    assert [(x.sample, x.status, x.stage_reached) for x in rows] == [
        (0, "ok", "timing"), (1, "fail", "race"), (2, "no_code", "static")]
    samples = [x.as_metric_sample() for x in rows]
    assert pass_at_k(samples, 1) == pytest.approx(1 / 3) and pass_at_k(samples, 2) == pytest.approx(2 / 3)
    assert build_at_k(samples, 1) == pytest.approx(2 / 3) and race_free_at_k(samples, 1) == pytest.approx(1 / 3)
    assert rows[0].speedups and set(rows[0].speedups) == {1, 2}
    assert "pass@1" in r.stdout and "0.333" in r.stdout
    calls = sqlite3.connect(tmp_path / "parevo-bench" / "s" / "bench.sqlite").execute(
        "SELECT count(*) FROM llm_calls").fetchone()[0]
    assert calls == 3


def test_bench_resumes_after_an_interruption(tmp_path, small_suite):
    script = _script(tmp_path, ["atomic"] * 4)
    args = ("--suite", str(small_suite), "--llm", f"scripted:{script}", "--samples", "3", "--quick",
            "--jobs", "1", "--name", "r")
    proc = subprocess.Popen([sys.executable, "-m", "parevo.cli", "bench", *args], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = tmp_path / "parevo-bench" / "r" / "bench.sqlite"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if sqlite3.connect(db).execute("SELECT count(*) FROM samples").fetchone()[0] >= 1:
                break
        except sqlite3.OperationalError:  # not created yet
            pass
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=120) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT status FROM bench").fetchone()[0] == "stopped"
    before = con.execute("SELECT count(*) FROM samples").fetchone()[0]
    assert 1 <= before < 3
    r = _bench(*args, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    rows = con.execute("SELECT sample FROM samples ORDER BY sample").fetchall()
    assert [x[0] for x in rows] == [0, 1, 2]
    assert con.execute("SELECT status FROM bench").fetchone()[0] == "finished"


def test_solutions_need_no_llm(tmp_path, small_suite):
    r = _bench("--suite", str(small_suite), "--solutions", "reference", "--models", "openmp,tbb", "--quick",
               "--name", "ref", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    rows = BenchStore(tmp_path / "parevo-bench" / "ref" / "bench.sqlite", readonly=True).samples("ref")
    assert {x.model for x in rows} == {"openmp", "tbb"} and all(x.status == "ok" for x in rows)
    assert {x.model: x.race_free for x in rows} == {"openmp": True, "tbb": None}


def test_agentic_bench_runs_an_evolution_per_sample(tmp_path, small_suite):
    script = _script(tmp_path, ["atomic"] * 4)
    r = _bench("--suite", str(small_suite), "--llm", f"scripted:{script}", "--mode", "evolve", "--iterations", "1",
               "--samples", "1", "--quick", "--name", "evo", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    rows = BenchStore(tmp_path / "parevo-bench" / "evo" / "bench.sqlite", readonly=True).samples("evo")
    assert len(rows) == 1 and rows[0].status == "ok" and rows[0].evolve_run
    run_store = tmp_path / "parevo-bench" / "evo" / "evolve" / rows[0].evolve_run / "run.sqlite"
    programs = sqlite3.connect(run_store).execute("SELECT origin, viable FROM programs ORDER BY id").fetchall()
    assert programs == [("seed", 0), ("mutate", 1)]  # the sample is the run's best (viable) program


def test_only_a_sample_stopped_at_its_timing_budget_is_correct_but_too_slow():
    """A correct sample that failed the race stage (a reference whose race run ran out of memory
    was shown as "correct, too slow") is not too slow; one stopped at timing is."""
    from parevo.bench.store import Outcome

    race = Outcome(status="fail", stage_reached="race", built=True, correct=True, race_free=False)
    slow = Outcome(status="fail", stage_reached="timing", built=True, correct=True, race_free=True)
    wrong = Outcome(status="fail", stage_reached="timing", built=True, correct=False, race_free=True)
    assert [o.too_slow for o in (race, slow, wrong)] == [False, True, False]
    assert [o.passed for o in (race, slow, wrong)] == [False, True, False]
