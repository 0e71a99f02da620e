"""The cuda model: compiled and statically checked with nvcc on every machine; run, checked with
compute-sanitizer and timed only on a GPU. Here (no GPU) a good kernel's correctness is `error`
("unchecked: no GPU"), which bench excludes as unscored: never a pass, never a wrong answer. A
kernel that does not compile, or a host function posing as the kernel, fails at build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo.bench import pareval as pe
from parevo.toolchain import cuda
from parevo.verify.cascade import evaluate
from parevo.verify.config import EvalConfig

pytestmark = pytest.mark.skipif(bool(cuda.detect().missing()), reason=cuda.detect().missing() or "")

RELU = "55_transform_relu"
PAREVAL = Path(__file__).resolve().parents[2] / "shared" / "pareval"
FAILING = sorted(p for p in (FIXTURES / "cuda").glob("relu_*.cu") if "launch" not in p.stem)


def test_reference_kernel_compiles_and_is_unscored_without_a_gpu_run(build_cache):
    task = pe.get_pareval_task(RELU)
    result = evaluate(task, task.reference_source("cuda"), "cuda", EvalConfig.quick(timing=False), cache=build_cache)
    got = {s.stage: s for s in result.stages}
    assert got["static"].status == "ok" and got["build"].status == "ok", got["build"].feedback
    assert got["correctness"].status == "error" and "unchecked" in got["correctness"].detail
    assert got["correctness"].metrics["unscored"] is True
    assert result.status == "error" and got["race"].status == "skipped" and got["timing"].status == "skipped"


@pytest.mark.parametrize("path", FAILING, ids=[p.stem for p in FAILING])
def test_bad_kernel_fails_at_build(path, build_cache):
    stage, status = fixture_expectation(path)
    result = evaluate(pe.get_pareval_task(RELU), path.read_text(), "cuda", EvalConfig.quick(timing=False),
                      cache=build_cache)
    got = {s.stage: s for s in result.stages}
    assert got[stage].status == status, {s.stage: (s.status, s.feedback[:300]) for s in result.stages}
    if "host_function" in path.stem:
        assert "no `__global__` kernel named `relu`" in got["build"].feedback


@pytest.mark.skipif(not (PAREVAL / "generation-prompts.json").is_file(), reason=f"no ParEval prompts in {PAREVAL}")
def test_pareval_cuda_and_kokkos_items_name_why_a_problem_is_left_out():
    prompts = pe.load_prompts(PAREVAL)
    for model in ("cuda", "kokkos"):
        ours = [p for p in prompts if p.parallelism_model == model]
        reasons = {p.name: pe.supported(p) for p in ours}
        assert len(ours) == 60 and sum(r is None for r in reasons.values()) >= 12, reasons
        assert all(model in r or "Kokkos" in r for r in reasons.values() if r), reasons
    hip = next(p for p in prompts if p.parallelism_model == "hip")
    assert "HIP is out of scope" in (pe.supported(hip) or "")


@pytest.mark.skipif(not cuda.detect().gpu, reason="no GPU on this machine (nvidia-smi finds none): the kernel run "
                                                  "and compute-sanitizer checks need one (scripts/gpu-check.sh)")
@pytest.mark.parametrize("tool", ["memcheck", "racecheck", "synccheck"])
def test_reference_kernel_runs_clean_under_compute_sanitizer(tool, tmp_path):
    ct = cuda.detect()
    if not ct.sanitizer:
        pytest.skip(ct.unrunnable())
    ref = pe.get_pareval_task(RELU).root / "reference" / "cuda.cu"
    exe = tmp_path / "relu"
    subprocess.run([ct.nvcc, "-std=c++17", "-O2", "-include", str(ref), str(FIXTURES / "cuda" / "relu_launch.cu"),
                    "-o", str(exe)], check=True, capture_output=True, timeout=300)
    run = subprocess.run([ct.sanitizer, "--tool", tool, "--error-exitcode", "9", str(exe)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0 and "relu ok" in run.stdout, run.stdout[-2000:] + run.stderr[-2000:]
