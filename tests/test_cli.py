"""The CLI as a user runs it: real subprocesses of `parevo`, exit codes, readable output,
errors without tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from parevo.paths import SUITE_DIR

RACECHECK = sorted((FIXTURES / "racecheck").iterdir())


def parevo(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parevo.cli", *args], capture_output=True, text=True, timeout=timeout,
                          env={**__import__("os").environ, "COLUMNS": "160"})


def test_doctor_lists_guards():
    out = parevo("doctor")
    assert out.returncode == 0, out.stderr
    for name in ("g++", "LLVM libomp + Archer", "memory cgroup", "pids cgroup", "bubblewrap", "perf", "ParlayLib"):
        assert name in out.stdout


def test_tasks_list_and_show():
    out = parevo("tasks", "list")
    assert out.returncode == 0 and "bfs" in out.stdout
    show = parevo("tasks", "show", "bfs")
    assert show.returncode == 0
    assert "bfs_levels(const CSRGraph& g" in show.stdout and "rmat" in show.stdout


def test_unknown_task_is_a_clear_error():
    out = parevo("tasks", "show", "nope")
    assert out.returncode == 2
    assert "no task 'nope'" in out.stderr and "Traceback" not in out.stderr


def test_malformed_task_dir_names_file_and_field(tmp_path):
    task = tmp_path / "bfs"
    shutil.copytree(SUITE_DIR / "bfs", task)
    toml = task / "task.toml"
    toml.write_text(toml.read_text().replace('timing_families = ["rmat", "uniform"]', 'timing_families = ["rmatt"]'))
    out = parevo("eval", str(task), str(SUITE_DIR / "bfs" / "baseline.cpp"), "--model", "serial")
    assert out.returncode == 2
    assert "task.toml" in out.stderr and "timing_families" in out.stderr and "Traceback" not in out.stderr


def test_eval_writes_json_and_exit_codes(tmp_path):
    js = tmp_path / "r.json"
    good = parevo("eval", "bfs", str(FIXTURES / "bfs" / "good_threads.cpp"), "--model", "threads", "--quick",
                  "--threads", "1,2", "--json", str(js))
    assert good.returncode == 0, good.stdout + good.stderr
    assert "PASSED" in good.stdout and "speedup" in good.stdout
    data = json.loads(js.read_text())
    assert data["status"] == "ok" and data["race_free"] is True
    assert [s["stage"] for s in data["stages"]] == ["static", "build", "correctness", "race", "timing", "profile"]
    bad = parevo("eval", "bfs", str(FIXTURES / "bfs" / "wrong_on_chain.cpp"), "--model", "openmp", "--quick")
    assert bad.returncode == 1
    assert "FAILED" in bad.stdout and "chain" in bad.stdout


def test_eval_bad_model_and_missing_file(tmp_path):
    out = parevo("eval", "bfs", str(tmp_path / "none.cpp"), "--model", "openmp")
    assert out.returncode == 2 and "no such file" in out.stderr
    out = parevo("eval", "bfs", str(FIXTURES / "bfs" / "good_threads.cpp"), "--model", "cuda")
    assert out.returncode == 2 and "unknown parallel model 'cuda'" in out.stderr


@pytest.mark.parametrize("program", RACECHECK, ids=[p.name for p in RACECHECK])
def test_racecheck_exit_codes(program: Path):
    expect = "race" if "expect: race" in program.read_text().splitlines()[0] else "clean"
    out = parevo("racecheck", str(program))
    if expect == "race":
        assert out.returncode == 1, out.stdout + out.stderr
        assert "DATA RACE" in out.stdout and f"{program.name}:" in out.stdout
    else:
        assert out.returncode == 0, out.stdout + out.stderr
        assert "no data race seen" in out.stdout


def test_racecheck_cannot_check(tmp_path):
    broken = tmp_path / "broken.cpp"
    broken.write_text("int main() { return undefined_thing; }\n")
    out = parevo("racecheck", str(broken), "--model", "threads")
    assert out.returncode == 2 and "does not build" in out.stdout
    tbb = parevo("racecheck", str(broken), "--model", "tbb")
    assert tbb.returncode == 2 and "no race detector" in tbb.stdout


def test_racecheck_passes_extra_flags(tmp_path):
    prog = tmp_path / "flagged.cpp"
    prog.write_text("#include <thread>\n#include <cstdio>\nint main(){ int x = 0; std::thread t([&]{ x += VALUE; });"
                    " x += 1; t.join(); std::printf(\"%d\\n\", x); }\n")
    out = parevo("racecheck", str(prog), "--model", "threads", "--", "-DVALUE=2")
    assert out.returncode == 1, out.stdout + out.stderr
