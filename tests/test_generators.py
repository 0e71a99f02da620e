"""The harness's graph generators, checked in C++ against naive constructions: the bucketed
`from_edges` builds exactly the set-based graph, every family is a simple undirected graph, and
the cheap block relabelling is an isomorphism that moves (almost) every vertex."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from parevo import paths

CHECK = Path(__file__).parent / "cxx" / "graph_generators_check.cpp"


@pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")
def test_graph_generators(tmp_path):
    exe = tmp_path / "check"
    subprocess.run(["g++", "-std=c++20", "-O1", *[f"-I{d}" for d in paths.HARNESS_INCLUDE_DIRS], str(CHECK), "-o", str(exe)],
                   check=True, capture_output=True, text=True)
    run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "all generator checks passed" in run.stdout


@pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")
def test_output_digest(tmp_path):
    """The keyed digest behind "validate an output once" (cxx/output_digest.hpp) tells apart
    outputs that differ in any bit, in length or in the order of their words."""
    exe = tmp_path / "digest_check"
    subprocess.run(["g++", "-std=c++20", "-O1", f"-I{paths.CXX_DIR}", str(Path(__file__).parent / "cxx" /
                    "output_digest_check.cpp"), "-o", str(exe)], check=True, capture_output=True, timeout=120)
    r = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "digest check ok" in r.stdout, r.stdout
