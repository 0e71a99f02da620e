"""The driver of an evolution run dies in each stage of an evaluation — `kill -9` of its process
group (what a shell's `kill -9 %1` or a crashed terminal does), SIGTERM, Ctrl-C — and every
time: a clear message (or none possible, for kill -9), no process of the run left, nothing
that was finished lost, and a `--resume` that carries on. The kills wait for the worker to
report the stage (its stage file), not for a guessed number of seconds."""

from __future__ import annotations

import os
import signal

import pytest

from faultkit import (Driver, atomic_reply, kill_at, programs, query, reap, stage_in_flight, start, survivors, wait_for,
                      write_config, write_script)

pytestmark = pytest.mark.slow


def _fault(tmp_path, driver: Driver, stage: str, sig: int, *, iteration: int) -> None:
    run_dir = tmp_path / "parevo-runs" / "faults"
    store = run_dir / "run.sqlite"
    evals = wait_for(f"iteration {iteration} in stage {stage}",
                     lambda: (d := stage_in_flight(run_dir, stage)) and d.name.startswith(f"{iteration:04d}-") and d,
                     driver)
    before = programs(store)
    tree = kill_at(driver, sig, group=sig == signal.SIGKILL)
    reap(driver)
    left = survivors(tree, [tmp_path, os.environ["PAREVO_CACHE_DIR"]])
    assert left == [], f"processes outlived the driver ({signal.Signals(sig).name} in {stage}): {left}"
    after = programs(store)
    assert after[:len(before)] == before, "a finished evaluation was lost"
    status, reason = query(store, "SELECT status, stop_reason FROM runs")[0]
    if sig == signal.SIGKILL:
        assert status == "started"  # nobody could close it: --resume will
    else:
        assert driver.proc.returncode == 0, driver.output()[-3000:]
        assert status == "stopped" and "interrupted" in reason and "--resume" in reason
        assert "continue with --resume" in driver.text()
    assert evals.exists() or sig != signal.SIGKILL  # kill -9 leaves the directory for resume to sweep


def test_driver_killed_in_every_stage_then_resumed(tmp_path):
    """kill -9 in build, correctness and race of iteration 1, SIGTERM and Ctrl-C in iteration 2,
    kill -9 in its timing, SIGTERM in the build and Ctrl-C in the timing of iteration 3 (so each
    stage meets both kill -9 and a signal that closes the run); then one --resume finishes the
    run with every evaluation kept."""
    nonce = tmp_path.name
    # A different program per reply: every build is a real one (a cached build is over before a kill).
    script = write_script(tmp_path, [atomic_reply(f"{nonce}-{i}") for i in range(16)])
    cfg = write_config(tmp_path, iterations=3)
    store = tmp_path / "parevo-runs" / "faults" / "run.sqlite"
    plan = [(1, "build", signal.SIGKILL), (1, "correctness", signal.SIGKILL), (1, "race", signal.SIGKILL),
            (2, "correctness", signal.SIGTERM), (2, "race", signal.SIGINT), (2, "timing", signal.SIGKILL),
            (3, "build", signal.SIGTERM), (3, "timing", signal.SIGINT)]
    driver = start(tmp_path, "histogram", "--llm", f"scripted:{script}", "--config", str(cfg), "--name", "faults")
    for i, (iteration, stage, sig) in enumerate(plan):
        _fault(tmp_path, driver, stage, sig, iteration=iteration)
        if i == 2:
            # iteration 1 finishes in this session, before the faults of iteration 2
            driver = start(tmp_path, "--resume", "faults", log_name=f"resume{i}.log")
            wait_for("iteration 1 recorded", lambda: len(programs(store)) >= 1, driver)
            swept = driver.text()
            assert "cleaned up after the stopped session: evals/0001-0" in swept, swept[-2000:]
            continue
        driver = start(tmp_path, "--resume", "faults", log_name=f"resume{i}.log")
    assert driver.wait(timeout=240) == 0, driver.output()[-3000:]
    assert query(store, "SELECT status FROM runs")[0][0] == "finished"
    rows = programs(store)
    # each iteration evaluated to the end exactly once; the evaluations cut short left no row
    assert [(r[1], r[2], r[3]) for r in rows] == [(1, "mutate", "ok"), (2, "mutate", "ok"), (3, "mutate", "ok")]
    done = {r[0] for r in query(store, "SELECT json_extract(data, '$.iteration') FROM events WHERE kind='iteration_done'")}
    assert done == {0, 1, 2, 3}
    assert not (tmp_path / "parevo-runs" / "faults" / "evals").exists() or not any(
        (tmp_path / "parevo-runs" / "faults" / "evals").iterdir())


def test_driver_killed_while_waiting_for_the_llm_then_resumed(tmp_path):
    """The exchange provider waits for a person's answer; kill -9 meanwhile; the resumed run
    finds the same request pending, and the answer given then is used."""
    exchange = tmp_path / "exchange"
    cfg = write_config(tmp_path, iterations=1)
    store = tmp_path / "parevo-runs" / "llmwait" / "run.sqlite"
    driver = start(tmp_path, "histogram", "--llm", f"exchange:{exchange}", "--config", str(cfg), "--name", "llmwait")
    first = wait_for("a pending request", lambda: sorted((exchange / "requests").glob("*.json")), driver)
    tree = kill_at(driver, signal.SIGKILL)
    reap(driver)
    assert survivors(tree, [tmp_path]) == []
    assert query(store, "SELECT status FROM runs")[0][0] == "started"
    driver = start(tmp_path, "--resume", "llmwait", log_name="resume.log")
    again = wait_for("the request pending again", lambda: sorted((exchange / "requests").glob("*.json")), driver)
    assert [p.name for p in again] == [p.name for p in first]  # the same request, not a second one
    reply = tmp_path / "reply.md"
    reply.write_text("I cannot parallelise this.")
    from faultkit import parevo

    r = parevo(tmp_path, "llm", "answer", str(exchange), first[0].stem, str(reply))
    assert r.returncode == 0, r.stdout + r.stderr
    assert driver.wait(timeout=120) == 0, driver.output()[-3000:]
    assert [(r[1], r[3]) for r in programs(store)] == [(1, "no_code")]
    assert query(store, "SELECT status FROM runs")[0][0] == "finished"
