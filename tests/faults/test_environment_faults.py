"""Faults around a run rather than in its driver: a worker killed as by the OOM killer, the disk
filling up under the store, the store locked by another process, the run directory or the
exchange directory removed mid-run. The exchange provider holds the run at a known point (a
pending request) while the test sets up the fault, so nothing depends on timing."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess

import pytest

from faultkit import (EVOLVE_FIXTURES, kill_at, parevo, process_tree, programs, query, reap, stage_in_flight, start,
                      survivors, wait_for, write_config, write_script)

NO_CODE = "I cannot parallelise this."


def _pending(exchange, driver, n: int = 1):
    return wait_for(f"{n} pending request(s)", lambda: (r := sorted((exchange / "requests").glob("*.json")))
                    and len(r) >= n and r, driver)


def _answer(tmp, exchange, request, text: str = NO_CODE) -> None:
    reply = tmp / "reply.md"
    reply.write_text(text)
    r = parevo(tmp, "llm", "answer", str(exchange), request.stem, str(reply))
    assert r.returncode == 0, r.stdout + r.stderr


def _exchange_run(tmp, name: str, iterations: int = 1, *extra: str):
    exchange = tmp / "exchange"
    cfg = write_config(tmp, iterations=iterations)
    driver = start(tmp, "histogram", "--llm", f"exchange:{exchange}", "--config", str(cfg), "--name", name, *extra)
    return exchange, driver


@pytest.mark.slow
def test_worker_killed_as_by_the_oom_killer_is_retried_once(tmp_path):
    script = write_script(tmp_path, [(EVOLVE_FIXTURES / "wrong.md").read_text()])
    cfg = write_config(tmp_path, iterations=1)
    driver = start(tmp_path, "histogram", "--llm", f"scripted:{script}", "--config", str(cfg), "--name", "oom")
    run_dir = tmp_path / "parevo-runs" / "oom"
    wait_for("the worker in correctness", lambda: stage_in_flight(run_dir, "correctness"), driver)
    workers = [pid for pid in process_tree(driver.proc.pid)  # its direct child (a forking worker shows twice)
               if b"parevo.verify.worker" in open(f"/proc/{pid}/cmdline", "rb").read()
               and open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1] == str(driver.proc.pid)]
    assert len(workers) == 1
    tree = process_tree(workers[0])
    tree[workers[0]] = ""
    os.kill(workers[0], signal.SIGKILL)  # what the OOM killer sends, to the worker alone
    assert driver.wait(timeout=180) == 0, driver.output()[-3000:]
    left = [p for p in survivors(tree, []) if not p.startswith(f"{workers[0]}:")]
    assert left == [], left
    store = run_dir / "run.sqlite"
    killed = query(store, "SELECT json_extract(data, '$.detail') FROM events WHERE kind='worker_killed'")
    assert len(killed) == 1 and "killed by SIGKILL (the kernel's OOM killer" in killed[0][0]
    # the retry evaluated the candidate to its real verdict: wrong answers, the candidate's fault
    assert [(p[1], p[3], p[4]) for p in programs(store)] == [(1, "fail", "correctness")]


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "small"
    disk.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {r.stderr.strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk) -> None:
    with open(disk / "filler", "wb") as f:
        try:
            while True:
                f.write(b"\0" * (1 << 16))
                f.flush()
        except OSError:  # ENOSPC: the point
            pass


def test_disk_full_while_the_store_is_written_then_resume(tmp_path, small_disk):
    exchange, driver = _exchange_run(tmp_path, "full", 1, "--runs-dir", str(small_disk))
    request = _pending(exchange, driver)[0]
    before = query(small_disk / "full" / "run.sqlite", "SELECT id, status FROM runs")
    tree = process_tree(driver.proc.pid)
    _fill(small_disk)
    _answer(tmp_path, exchange, request)
    code = driver.wait(timeout=120)
    out = driver.text()
    assert code == 2, out[-3000:]
    assert "cannot write to" in out and "full" in out and "--resume full" in out
    assert survivors(tree, [small_disk]) == []
    (small_disk / "filler").unlink()
    assert query(small_disk / "full" / "run.sqlite", "SELECT id, status FROM runs") == before  # nothing lost
    r = parevo(tmp_path, "evolve", "--resume", "full", "--runs-dir", str(small_disk))
    assert r.returncode == 0, r.stdout + r.stderr
    assert [(p[1], p[3]) for p in programs(small_disk / "full" / "run.sqlite")] == [(1, "no_code")]


def test_store_locked_by_another_process(tmp_path):
    exchange, driver = _exchange_run(tmp_path, "locked")
    request = _pending(exchange, driver)[0]
    store = tmp_path / "parevo-runs" / "locked" / "run.sqlite"
    # a second driver on the same run is refused at once, naming the holder
    r = parevo(tmp_path, "evolve", "--resume", "locked")
    assert r.returncode == 2 and f"being executed by another parevo process (pid {driver.proc.pid})" in r.stderr
    # another program holding the SQLite write lock: the run waits (busy timeout), then says so
    holder = sqlite3.connect(store, timeout=1)
    holder.execute("BEGIN EXCLUSIVE")
    tree = process_tree(driver.proc.pid)
    _answer(tmp_path, exchange, request)
    code = driver.wait(timeout=120)
    holder.rollback()
    holder.close()
    out = driver.text()
    assert code == 2 and "database is locked" in out and "--resume locked" in out, out[-3000:]
    assert survivors(tree, [tmp_path]) == []
    r = parevo(tmp_path, "evolve", "--resume", "locked")
    assert r.returncode == 0, r.stdout + r.stderr
    assert [(p[1], p[3]) for p in programs(store)] == [(1, "no_code")]


def test_run_directory_removed_mid_run(tmp_path):
    exchange, driver = _exchange_run(tmp_path, "gone", 2)
    request = _pending(exchange, driver)[0]
    run_dir = tmp_path / "parevo-runs" / "gone"
    tree = process_tree(driver.proc.pid)
    shutil.rmtree(run_dir)
    _answer(tmp_path, exchange, request)
    code = driver.wait(timeout=60)
    out = driver.text()
    assert code == 1 and f"the run directory {run_dir.relative_to(tmp_path)} was removed" in out, out[-3000:]
    assert survivors(tree, [tmp_path]) == []
    r = parevo(tmp_path, "evolve", "--resume", "gone")
    assert r.returncode == 2 and "no run 'gone'" in r.stderr and "Traceback" not in r.stderr


def test_exchange_directory_removed_mid_run_then_resume(tmp_path):
    exchange, driver = _exchange_run(tmp_path, "xgone", 3)
    _pending(exchange, driver)
    tree = process_tree(driver.proc.pid)
    shutil.rmtree(exchange)
    code = driver.wait(timeout=60)
    out = driver.text()
    assert code == 1 and "exchange directory" in out and "was removed" in out, out[-3000:]
    assert survivors(tree, [tmp_path]) == []
    assert not exchange.exists()  # not silently re-created under the person's feet
    driver = start(tmp_path, "--resume", "xgone", log_name="resume.log")
    for i in range(3):
        request = wait_for(f"request {i + 1}", lambda: (r := sorted((exchange / "requests").glob("*.json"))) and r[0],
                           driver)
        _answer(tmp_path, exchange, request)
        wait_for("the answer taken", lambda: not request.exists(), driver)
    assert driver.wait(timeout=60) == 0, driver.output()[-3000:]
    store = tmp_path / "parevo-runs" / "xgone" / "run.sqlite"
    assert [(p[1], p[3]) for p in programs(store)] == [(i, "no_code") for i in (1, 2, 3)]


def test_sigkill_leaves_the_run_claimable(tmp_path):
    """The driver's claim on a run is a flock: a kill -9 releases it, --resume is not refused."""
    exchange, driver = _exchange_run(tmp_path, "claim")
    request = _pending(exchange, driver)[0]
    kill_at(driver, signal.SIGKILL)
    reap(driver)
    driver = start(tmp_path, "--resume", "claim", log_name="resume.log")
    _answer(tmp_path, exchange, request)
    assert driver.wait(timeout=60) == 0, driver.output()[-3000:]


def test_disk_full_where_the_best_program_is_copied(tmp_path, small_disk):
    """`evolve --out FILE` on a full disk: one line naming --out and where the stored best
    program is (the run itself is complete), not a traceback."""
    from parevo.cli.evolve import copy_best
    from parevo.errors import ParevoError

    best = tmp_path / "best.cpp"
    best.write_text("// the best program\n" * 2000)
    _fill(small_disk)
    with pytest.raises(ParevoError, match=r"--out .*best-copy\.cpp: cannot write the best program there "
                                          r"\(No space left on device\); the run is stored and its best program is at"):
        copy_best(best, small_disk / "best-copy.cpp")
    assert best.read_text().count("\n") == 2000  # the stored one is untouched
