"""The kokkos model end to end on the histogram task (a temporary copy with kokkos added): a good
program passes (its race check reported as unchecked, never as passed), a wrong one fails at
correctness, Kokkos in name only fails where it shows (the Serial space in the text: static; hidden
behind a macro and `#if 0`: in the compiled object; a one-iteration RangePolicy: the witness at the
timing run), and the reason the race check is unchecked is measured, not assumed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo import paths
from parevo.tasks.model import load_task
from parevo.toolchain import kokkos, probe
from parevo.toolchain.models import MODELS
from parevo.verify.cascade import evaluate
from parevo.verify.config import EvalConfig

pytestmark = pytest.mark.skipif(bool(kokkos.detect().missing()), reason=kokkos.detect().missing() or "")

KOKKOS_FIXTURES = sorted((FIXTURES / "kokkos").glob("*.cpp"))


@pytest.fixture(scope="module")
def histogram_task(tmp_path_factory):
    root = tmp_path_factory.mktemp("tasks") / "histogram"
    shutil.copytree(paths.SUITE_DIR / "histogram", root)
    toml = (root / "task.toml").read_text()
    line = next(l for l in toml.splitlines() if l.startswith("models ="))
    models = tomllib.loads(toml)["models"]
    (root / "task.toml").write_text(toml.replace(line, "models = [" + ", ".join(f'"{m}"' for m in [*models, "kokkos"]) + "]"))
    return load_task(root)


@pytest.mark.parametrize("path", KOKKOS_FIXTURES, ids=[p.stem for p in KOKKOS_FIXTURES])
def test_kokkos_fixture(path, histogram_task, build_cache):
    stage, status = fixture_expectation(path)
    # Only a serial-in-Kokkos program needs the timing run (where the witness decides absence).
    timing = "one_iteration" in path.stem
    cfg = EvalConfig.quick(timing=timing, timing_size=3_000_000, timing_families=["uniform_small"],
                           check_size=3_000_000, check_threads=[1, 2, 3], families=["uniform_small", "empty"],
                           check_wall_s=120.0)
    result = evaluate(histogram_task, path.read_text(), "kokkos", cfg, cache=build_cache)
    got = {s.stage: s for s in result.stages}
    detail = {s.stage: (s.status, s.feedback[:300], s.detail[:200]) for s in result.stages}
    assert got[stage].status == status, detail
    if stage == "race":  # the good program: correct at every thread count, its race check not claimed
        assert got["correctness"].status == "ok" and got["correctness"].metrics["parallel_share"] > 0.25, detail
        assert got["race"].metrics["checked"] is False and "unchecked" in got["race"].detail, detail
    if "one_iteration" in path.stem:
        assert "no parallel work was observed" in got["timing"].feedback, detail
    if "hidden" in path.stem:
        assert "no Kokkos parallel dispatch on the OpenMP execution space" in got["build"].feedback, detail


def test_race_recipe_cries_wolf_on_race_free_kokkos(tmp_path):
    """Why kokkos's race check is unchecked: the OpenMP recipe (gcc TSan + LLVM libomp + Archer)
    reports races in a race-free Kokkos program. Should a future Kokkos or detector stay silent,
    this test fails and the model's race recipe can be turned on."""
    tc = probe.detect()
    recipe = MODELS["openmp"].race(tc)
    if recipe.unavailable:
        pytest.skip(recipe.unavailable)
    kf = MODELS["kokkos"].flags(tc)
    exe = tmp_path / "scan"
    src = FIXTURES / "kokkos" / "race" / "scan_race_free.cpp"
    subprocess.run(["g++", "-std=c++20", *recipe.flags.compile, *kf.compile, str(src), "-o", str(exe),
                    *recipe.flags.link, *[f for f in kf.link if f != "-fopenmp"]], check=True, capture_output=True,
                   timeout=300)
    env = {**os.environ, **recipe.env, "TSAN_OPTIONS": "ignore_noninstrumented_modules=1 exitcode=0"}
    run = subprocess.run([str(exe)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0 and run.stdout.split() == ["313", "630000.000000", "630000"], run.stderr[-2000:]
    assert "WARNING: ThreadSanitizer: data race" in run.stderr
    assert MODELS["kokkos"].race(tc).unavailable.startswith("unchecked")


def test_debian_serial_only_kokkos_is_named_as_the_reason(monkeypatch, tmp_path):
    monkeypatch.setattr(kokkos, "DEFAULT_PREFIX", tmp_path / "none")
    monkeypatch.delenv("KOKKOS_ROOT", raising=False)
    kokkos.detect.cache_clear()
    try:
        kt = kokkos.detect()
        if (kokkos.DEBIAN_INCLUDE / kokkos.CONFIG).is_file():
            assert "only the SERIAL backend" in kt.missing() and "build-kokkos.sh" in kt.missing()
        else:
            assert "missing" in kt.missing()
    finally:
        kokkos.detect.cache_clear()
