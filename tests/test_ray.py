"""Evaluations on a real Ray cluster (`ray.cluster_utils.Cluster` on this machine): a head with no
evaluation slots and two worker nodes with two and one `parevo_eval` slots, each with its own
timing-slot directory (PAREVO_SLOT_DIR: as if each were its own machine), sharing the session's
build cache. Checked: bench's samples spread over both nodes and their timing never overlaps on a
node; verdicts over Ray equal a local run's; a node killed mid-evaluation loses nothing (the
evaluation comes back once, from the other node, with the loss recorded as a retry, not as the
candidate's failure); evolve's iterations are evaluated on the nodes; no Ray process outlives the
cluster; without the extra, `--ray` is one line.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import FIXTURES
from faults.faultkit import process_tree, survivors
from parevo.errors import ParevoError
from parevo.paths import SUITE_DIR
from parevo.verify.config import EvalConfig
from parevo.verify.executor import EvalJob, LocalExecutor, make_executor

pytestmark = pytest.mark.slow
REPLIES = FIXTURES / "evolve"
OBJECT_STORE = 80 * 2**20  # Ray's least
NODE_ARGS = dict(num_cpus=1, object_store_memory=OBJECT_STORE)
# correctness and races only: verdicts, not speed (the bench test below times)
CHECKS = EvalConfig(timing=False, profile=False, check_threads=[1, 2], race_threads=[4], race_runs=1,
                    race_timing_size=False, families=["uniform_small", "hot_bucket", "single"])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'parevo[ray]'")
    from ray.cluster_utils import Cluster

    slots = tmp_path_factory.mktemp("node-slots")
    c = Cluster(initialize_head=True, head_node_args=dict(NODE_ARGS, num_cpus=0, include_dashboard=False))

    def add(name: str, evaluations: int = 1):
        return c.add_node(**NODE_ARGS, resources={"parevo_eval": evaluations},
                          env_vars={"PAREVO_SLOT_DIR": str(slots / name)})

    nodes = [add("a", 2), add("b")]  # a takes two evaluations at once: their timing must still take turns
    ray.init(address=c.address, log_to_driver=False, logging_level="WARNING")
    info = SimpleNamespace(cluster=c, nodes=nodes, address=c.address, add=add)
    try:
        yield info
    finally:
        ours = process_tree(os.getpid())  # raylets, GCS, workers (and any worker's orphans below them)
        ray.shutdown()
        c.shutdown()
        left = survivors(ours, [], settle_s=30)
        assert left == [], f"Ray processes outlived the cluster: {left}"


@pytest.fixture(scope="module")
def small_suite(tmp_path_factory) -> Path:
    """A task directory of the user's own (shipped to the nodes): histogram with small timing inputs."""
    root = tmp_path_factory.mktemp("suite")
    shutil.copytree(SUITE_DIR / "histogram", root / "histogram")
    toml = root / "histogram" / "task.toml"
    toml.write_text(toml.read_text().replace("timing = 30000000", "timing = 1000000"))
    return root


def _reply(name: str) -> str:
    return (REPLIES / f"{name}.md").read_text()


def _code(name: str) -> str:
    text = _reply(name)
    return text.split("```cpp\n", 1)[1].split("```", 1)[0] if "```cpp\n" in text else text


def _verdict(result) -> tuple:
    return result.status, result.stage_reached, result.race_free


def test_ray_extra_missing_is_one_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    with pytest.raises(ParevoError, match=r"pip install 'parevo\[ray\]'"):
        make_executor("local")


def test_a_ray_address_nobody_listens_on_is_one_line():
    pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'parevo[ray]'")
    from parevo.verify.remote import _reachable  # before ray.init, which would retry it for minutes

    with pytest.raises(ParevoError, match=r"--ray 127.0.0.1:1: no Ray head answers there .*ray start --head"):
        _reachable("127.0.0.1:1")


def test_bench_over_ray_spreads_and_times_one_at_a_time_per_node(cluster, small_suite, tmp_path):
    script = tmp_path / "script.json"
    script.write_text(json.dumps([_reply(n) for n in ("atomic", "atomic", "racy", "atomic")]))
    r = subprocess.run([sys.executable, "-m", "parevo.cli", "bench", "--suite", str(small_suite), "--llm",
                        f"scripted:{script}", "--samples", "4", "--quick", "--name", "r", "--ray", cluster.address],
                       cwd=tmp_path, capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "80"})
    assert r.returncode == 0, r.stdout + r.stderr
    assert "evaluations on ray" in r.stdout and "3 at once" in r.stdout
    from parevo.bench.store import BenchStore

    store = BenchStore(tmp_path / "parevo-bench" / "r" / "bench.sqlite", readonly=True)
    rows = store.samples("r")
    assert sorted((x.status, x.stage_reached) for x in rows) == [
        ("fail", "race"), ("ok", "timing"), ("ok", "timing"), ("ok", "timing")]
    results = [store.sample_result(x.id) for x in rows]
    assert {r["machine"]["ray_node"] for r in results} == {n.node_id for n in cluster.nodes}  # both nodes evaluated
    timings: dict[str, list[tuple[float, float]]] = {}
    for res in results:
        for s in res["stages"]:
            if s["stage"] in ("timing", "profile") and s["status"] != "skipped":
                timings.setdefault(res["machine"]["ray_node"], []).append(
                    (s["started_at"], s["started_at"] + s["seconds"]))
    assert sum(len(v) for v in timings.values()) == 3 and max(len(v) for v in timings.values()) >= 2
    for spans in timings.values():  # never two timing runs at once on one node
        spans.sort()
        assert all(a_end <= b_start + 0.01 for (_, a_end), (b_start, _) in zip(spans, spans[1:])), spans


def test_verdicts_over_ray_equal_a_local_run(cluster, small_suite, tmp_path):
    from parevo.verify.remote import RayExecutor

    names = ["atomic", "racy", "wrong", "compile_error"]
    task = str(small_suite / "histogram")
    jobs = [EvalJob(task, "openmp", _code(n), CHECKS, 600) for n in names]

    async def both():
        remote = RayExecutor.connect(cluster.address)
        over_ray = await asyncio.gather(*(remote.evaluate(j, tmp_path / f"r{i}") for i, j in enumerate(jobs)))
        local = LocalExecutor(1)
        here = [await local.evaluate(j, tmp_path / f"l{i}") for i, j in enumerate(jobs)]
        return over_ray, here

    over_ray, here = asyncio.run(both())
    assert [_verdict(e.result) for e in over_ray] == [_verdict(e.result) for e in here]
    assert [_verdict(e.result)[:2] for e in here] == [
        ("ok", "race"), ("fail", "race"), ("fail", "correctness"), ("fail", "build")]
    assert all(e.retried == [] for e in over_ray)


def test_a_node_killed_mid_evaluation_loses_nothing(cluster, small_suite, tmp_path):
    """Last in the module: it kills node a (a fresh node replaces it)."""
    from ray._private import ray_constants

    from parevo.verify.remote import RayExecutor

    victim = cluster.nodes[0]
    raylet = victim.all_processes[ray_constants.PROCESS_TYPE_RAYLET][0].process.pid
    jobs = [EvalJob(str(small_suite / "histogram"), "openmp", _code(n), CHECKS, 600) for n in ("atomic", "racy")]

    def cmdline(pid: int) -> bytes:
        try:
            return Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:  # gone meanwhile
            return b""

    def on_victim() -> bool:
        return any(b"parevo.verify.worker" in cmdline(pid) for pid in process_tree(raylet))

    def sandbox_on_victim() -> bool:  # a stage is running: the evaluation is not over
        return any(cmdline(pid).startswith((b"/usr/bin/bwrap", b"/usr/bin/setpriv", b"sh\0-c\0"))
                   for pid in process_tree(raylet))

    async def run():
        remote = RayExecutor.connect(cluster.address)
        tasks = [asyncio.create_task(remote.evaluate(j, tmp_path / f"k{i}")) for i, j in enumerate(jobs)]
        deadline = time.monotonic() + 120
        while not on_victim():
            assert time.monotonic() < deadline, "no evaluation reached the node to kill"
            await asyncio.sleep(0.2)
        # Well inside the evaluation: one of its sandboxes is running (the worker returns only after
        # its last stage). Evaluations take a few seconds now: a fixed sleep could outlast them.
        deadline = time.monotonic() + 30
        while not sandbox_on_victim() and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        doomed.update(process_tree(raylet))
        cluster.cluster.remove_node(victim, allow_graceful=False)
        return await asyncio.gather(*tasks)

    doomed: dict[int, str] = {}
    done = asyncio.run(run())
    assert survivors(doomed, [], settle_s=30) == []  # the node's workers, evaluation worker and sandboxes died with it
    cluster.nodes[0] = cluster.add("c", 2)
    assert [_verdict(e.result)[:2] for e in done] == [("ok", "race"), ("fail", "race")]  # nothing became an error
    lost = [e for e in done if e.retried]  # the evaluations that were on node a: each retried once, recorded once
    assert lost and all([r.kind for r in e.retried] == ["node_lost"] for e in lost)
    assert {e.result.machine["ray_node"] for e in done} == {cluster.nodes[1].node_id}  # the survivor did both


def test_evolve_over_ray_evaluates_its_iterations_on_the_nodes(cluster, small_suite, tmp_path):
    """`parevo evolve --ray`: the iterations in flight are evaluated on the cluster's nodes and
    come back to the driver, the single writer of run.sqlite."""
    import sqlite3

    script = tmp_path / "script.json"
    script.write_text(json.dumps([_reply(n) for n in ("atomic", "racy", "atomic", "atomic")]))
    config = tmp_path / "evolve.toml"
    config.write_text("[evolve]\niterations = 2\nparallel = 2\nislands = 2\nrepair_turns = 0\nquick = true\n"
                      "[eval]\ncheck_threads = [1, 2]\nrace_threads = [4]\ncontention_max_cores = 1000.0\n")
    r = subprocess.run([sys.executable, "-m", "parevo.cli", "evolve", str(small_suite / "histogram"), "--model",
                        "openmp", "--llm", f"scripted:{script}", "--config", str(config), "--runs-dir",
                        str(tmp_path / "runs"), "--name", "rv", "--ray", cluster.address],
                       cwd=tmp_path, capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "80"})
    assert r.returncode == 0, r.stdout + r.stderr
    db = sqlite3.connect(tmp_path / "runs" / "rv" / "run.sqlite")
    results = [json.loads(res) for (res,) in db.execute("SELECT result FROM programs WHERE result IS NOT NULL")]
    assert len(results) >= 2
    assert {res["machine"].get("ray_node") for res in results} <= {n.node_id for n in cluster.nodes}
    assert all(res["machine"].get("ray_node") for res in results)  # every one evaluated on a node
    (start,) = [json.loads(d) for (d,) in db.execute("SELECT data FROM events WHERE kind = 'session_start'")]
    assert start["executor"].startswith("ray")
