"""The pieces of toolchain/lifeline.py on their own: the parent-death signal, the check for a
launcher that died before it was armed, and the sweep of a dead process's cgroups."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from parevo.toolchain import cgroups, lifeline

CHILD = """
import sys, time
from parevo.toolchain import lifeline
lifeline.die_with_parent()
print("armed", flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    return lifeline.pid_alive(pid)


def test_a_worker_dies_with_its_launcher():
    # launcher -> child(die_with_parent); the launcher is SIGKILLed, the child must follow
    launcher = subprocess.Popen(
        [sys.executable, "-c", f"""
import os, subprocess, sys
from parevo.toolchain import lifeline
child = subprocess.Popen([sys.executable, "-c", {CHILD!r}], env=lifeline.child_env(), stdout=subprocess.PIPE, text=True)
assert child.stdout.readline().strip() == "armed"
print(child.pid, flush=True)
import time; time.sleep(60)
"""], stdout=subprocess.PIPE, text=True)
    child = int(launcher.stdout.readline())
    assert _alive(child)
    launcher.kill()
    launcher.wait()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the worker outlived its launcher"


def test_a_launcher_gone_before_the_signal_was_armed_is_noticed():
    env = {**os.environ, lifeline.PARENT_ENV: "1"}  # pretend the launcher was another process
    r = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=30)
    assert r.returncode == 3 and "armed" not in r.stdout


def test_sweep_removes_only_the_groups_of_dead_creators():
    if not cgroups.detect().available:
        pytest.skip("no writable cgroups here")
    dead = subprocess.Popen(["true"])
    dead.wait()
    mine = cgroups.RunCgroup.create(64 << 20, 16)  # created by this (live) process
    orphan = cgroups.RunCgroup(cgroups.detect())
    for d in mine.dirs:
        od = d.parent / f"{dead.pid}-0123456789ab"
        od.mkdir()
        orphan.dirs.append(od)
    sleeper = subprocess.Popen(["sleep", "60"])
    for f in orphan.procs_files:
        with open(f, "w") as fh:
            fh.write(str(sleeper.pid))
    try:
        assert lifeline.sweep_orphan_cgroups() == 1
        assert sleeper.wait(timeout=10) == -9  # what was left running in the dead creator's group
        assert not any(d.exists() for d in orphan.dirs) and all(d.exists() for d in mine.dirs)
    finally:
        sleeper.kill()
        mine.remove()
        orphan.remove()
