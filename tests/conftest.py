"""Shared test set-up: one build cache for the whole session, so tests share compiled
artefacts (the harness object of a task is built once), and fast sandbox constants."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# ParlayLib is not packaged: CI and developers keep its headers in ../shared beside the checkout.
_SHARED_PARLAY = Path(__file__).resolve().parents[2] / "shared" / "parlaylib" / "include"
if "PARLAYLIB_INCLUDE" not in os.environ and (_SHARED_PARLAY / "parlay" / "parallel.h").exists():
    os.environ["PARLAYLIB_INCLUDE"] = str(_SHARED_PARLAY)


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory):
    # An explicit PAREVO_CACHE_DIR (CI may keep one between runs) wins; otherwise a fresh one.
    if "PAREVO_CACHE_DIR" not in os.environ:
        os.environ["PAREVO_CACHE_DIR"] = str(tmp_path_factory.mktemp("parevo-cache"))
    yield


@pytest.fixture(scope="session", autouse=True)
def _private_cgroup_parent():
    """This session's runs get their own cgroup parent, so 'nothing left behind' checks are not
    confused by other parevo processes on the machine."""
    from parevo.toolchain import cgroups

    cgroups.PARENT_NAME = f"parevo-test-{os.getpid()}"
    yield
    for controller in ("memory", "pids", ""):
        parent = cgroups.CGROUP_ROOT / controller / cgroups.PARENT_NAME
        if parent.is_dir():
            try:
                parent.rmdir()
            except OSError:
                pass  # a leftover child: the tests that check for leaks report it


@pytest.fixture(scope="session")
def build_cache(_session_cache):
    from parevo.toolchain import probe
    from parevo.toolchain.build import BuildCache

    return BuildCache(probe.detect())


@pytest.fixture(scope="session")
def mpi_histogram(tmp_path_factory):
    """The suite's histogram task with the mpi models added, in a temporary copy (no built-in task
    lists them, and the suite's task files belong to the suite)."""
    import shutil
    import tomllib

    from parevo import paths
    from parevo.tasks.model import load_task

    root = tmp_path_factory.mktemp("tasks") / "histogram"
    shutil.copytree(paths.SUITE_DIR / "histogram", root)
    toml = (root / "task.toml").read_text()
    models = tomllib.loads(toml)["models"]
    line = next(l for l in toml.splitlines() if l.startswith("models ="))
    toml = toml.replace(line, "models = [" + ", ".join(f'"{m}"' for m in [*models, "mpi", "mpi+omp"]) + "]")
    (root / "task.toml").write_text(toml)
    return load_task(root)


def fixture_expectation(path: Path) -> tuple[str, str]:
    """The `// expect: STAGE STATUS` line at the top of a fixture."""
    for line in path.read_text().splitlines()[:5]:
        if line.startswith("// expect:"):
            stage, status = line.split(":", 1)[1].split()
            return stage, status
    raise ValueError(f"{path} has no '// expect:' line")
