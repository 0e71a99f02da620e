"""The sandboxed runner against real hostile programs (shell and Python one-liners)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from parevo.toolchain import cgroups, sandbox
from parevo.toolchain.sandbox import Limits, run

guards = sandbox.detect_guards()
needs_cgroups = pytest.mark.skipif(not guards.cgroups.available, reason="no writable memory+pids cgroups here")
needs_bwrap = pytest.mark.skipif(not guards.bwrap, reason="bubblewrap is not installed (apt-get install bubblewrap)")


@pytest.fixture(autouse=True)
def short_grace(monkeypatch):
    monkeypatch.setattr(sandbox, "GRACE_S", 0.2)


def test_runs_in_private_dir_with_clean_env(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    out = run(["sh", "-c", "pwd; echo key=${OPENAI_API_KEY:-none}; echo made > mine.txt"], Limits(wall_s=10), tmp_path / "w")
    assert out.ok
    assert str(tmp_path / "w") in out.stdout
    assert "key=none" in out.stdout
    assert (tmp_path / "w" / "mine.txt").read_text() == "made\n"


def test_timeout_kills_the_whole_group_even_if_term_is_ignored(tmp_path):
    start = time.monotonic()
    out = run(["sh", "-c", "trap '' TERM; (trap '' TERM; sleep 60) & sleep 60"], Limits(wall_s=1), tmp_path / "w")
    assert out.status == "timeout"
    assert time.monotonic() - start < 6
    assert "did not finish within 1 s" in out.describe()
    leftover = subprocess.run(["pgrep", "-f", "sleep 60"], capture_output=True, text=True).stdout.split()
    assert not leftover


def test_crash_is_reported_as_signal(tmp_path):
    out = run(["sh", "-c", "kill -SEGV $$"], Limits(wall_s=10), tmp_path / "w")
    assert out.status == "signal" and "SIGSEGV" in out.describe()


def test_exit_code_is_reported(tmp_path):
    out = run(["sh", "-c", "exit 3"], Limits(wall_s=10), tmp_path / "w")
    assert out.status == "exit" and out.returncode == 3


@needs_cgroups
def test_memory_cap_without_address_space_limit(tmp_path):
    # A sanitizer-style run: no RLIMIT_AS, so only the cgroup can stop this.
    code = "x=[bytearray(1 << 26) for _ in range(100)]"
    out = run([sys.executable, "-c", code], Limits(wall_s=30, memory_bytes=256 << 20, sanitizer=True), tmp_path / "w")
    assert out.status == "memory", out
    assert "memory limit of 256 MiB" in out.describe()


def test_output_flood_is_capped(tmp_path):
    out = run(["sh", "-c", "head -c 100000000 /dev/zero"], Limits(wall_s=30, max_file_bytes=1 << 20), tmp_path / "w")
    assert out.status == "output"
    assert len(out.stdout) <= sandbox.OUTPUT_TAIL_BYTES + 100


@needs_cgroups
def test_fork_bomb_is_contained_and_cleaned_up(tmp_path):
    bomb = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
    start = time.monotonic()
    out = run([sys.executable, "-c", bomb], Limits(wall_s=2, max_pids=32), tmp_path / "w")
    assert out.status == "timeout"
    assert out.pids_limit_hit
    assert time.monotonic() - start < 15
    parent = cgroups.CGROUP_ROOT / "pids" / cgroups.PARENT_NAME
    if parent.exists():
        assert not [d for d in parent.iterdir() if d.is_dir()], "a run's cgroup was left behind"


@needs_bwrap
def test_writes_outside_the_directory_are_blocked(tmp_path):
    outside = tmp_path / "outside.txt"
    out = run(["sh", "-c", f"echo x > {outside}; echo x > ../escape.txt; echo ok"], Limits(wall_s=10), tmp_path / "w")
    assert not outside.exists()
    assert not (tmp_path / "escape.txt").exists()
    assert "Read-only file system" in out.stderr


def test_network_is_unreachable(tmp_path):
    if not (guards.bwrap or guards.unshare):
        pytest.skip("no network namespace available here")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    accepted = []

    def accept():
        end = time.monotonic() + 8
        while time.monotonic() < end:
            try:
                conn, _ = server.accept()
                accepted.append(conn)
                return
            except TimeoutError:
                continue

    t = threading.Thread(target=accept)
    t.start()
    code = f"import socket; s=socket.create_connection(('127.0.0.1', {port}), timeout=2); print('connected')"
    out = run([sys.executable, "-c", code], Limits(wall_s=10), tmp_path / "w")
    t.join()
    server.close()
    assert not accepted
    assert "connected" not in out.stdout
    assert out.status == "exit"


def test_missing_guard_notes_are_explicit():
    g = sandbox.Guards(cgroups.CgroupSupport(None, False, False, "none"), None, None, "/usr/bin/prlimit")
    notes = g.missing_notes(Limits(sanitizer=True))
    assert any("no memory cap" in n for n in notes)
    assert any("process-count cap" in n for n in notes)
    assert any("network" in n for n in notes)
    assert any("outside the working directory" in n for n in notes)


def test_cgroup_probes_of_threads_at_once_do_not_fail_each_other():
    """Stages build ahead in threads, so the first cgroup probe of a process may come from several
    threads at once; a probe directory shared between them made one of them see no cgroups (and run
    under RLIMIT_AS, where the harness could not reserve its input arena)."""
    import threading

    from parevo.toolchain import cgroups

    support = cgroups.detect()
    if not support.available:
        pytest.skip(f"no writable cgroups here: {support.why_not}")
    root = cgroups.CGROUP_ROOT / "memory" if support.version == 1 else cgroups.CGROUP_ROOT
    seen: list[bool] = []
    threads = [threading.Thread(target=lambda: seen.extend(cgroups._writable_dir(root) for _ in range(20)))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [True] * 160


def test_a_chain_whose_launcher_died_before_the_death_signal_was_armed_runs_nothing(tmp_path):
    """`setpriv --pdeathsig` arms the signal after the fork; a launcher killed in between (the
    driver's `kill -9` landing on a worker mid-launch) would leave a sandbox no signal ever
    reaches. The chain checks that its parent is still the launcher it names, after arming."""
    guards = sandbox.detect_guards()
    mark = tmp_path / "ran"
    cmd = sandbox.build_command(["sh", "-c", f"touch {mark}"], Limits(wall_s=10), tmp_path, guards, [])
    # the same chain started by another parent (a shell in between): as if the launcher were gone
    r = subprocess.run(["sh", "-c", '"$@"; echo "rc=$?"', "sh", *cmd], capture_output=True, text=True, timeout=30)
    assert "rc=97" in r.stdout and "the launcher is gone" in r.stderr
    assert not mark.exists()
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=30, cwd=tmp_path)  # its real launcher
    assert r.returncode == 0, r.stderr
    assert mark.exists()
