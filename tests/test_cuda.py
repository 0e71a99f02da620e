"""The cuda model: compiled, statically checked and linked with its task's CUDA view on every
machine with nvcc; run, checked with compute-sanitizer and timed only on a GPU. Without a GPU a
good kernel's correctness is `error` ("unchecked: no GPU"), which bench excludes as unscored:
never a pass, never a wrong answer. A kernel that does not compile, a host function posing as the
kernel, a kernel whose signature is not ParEval's and a candidate that defines the runtime's or
parevo's names fail at build. The GPU tests (scripts/gpu-check.sh) skip here with a reason."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo.bench import pareval as pe
from parevo import paths
from parevo.tasks import get_task
from parevo.toolchain import cuda, probe
from parevo.toolchain import models as pm
from parevo.toolchain.build import BuildCache
from parevo.verify import cudarun, cudastages
from parevo.verify.cascade import evaluate
from parevo.verify.config import EvalConfig
from parevo.verify.context import EvalContext
from parevo.verify.harness import run_harness

pytestmark = pytest.mark.skipif(bool(cuda.detect().missing()), reason=cuda.detect().missing() or "")

RELU = "55_transform_relu"
PAREVAL = Path(__file__).resolve().parents[2] / "shared" / "pareval"
FAILING = sorted(p for p in (FIXTURES / "cuda").glob("relu_*.cu") if "launch" not in p.stem)
ON_GPU = sorted((FIXTURES / "cuda").glob("gpu_relu_*.cu"))
TASKS = Path(paths.__file__).parent / "tasks" / "pareval"
VIEWS = sorted(p.parents[1] for p in TASKS.glob("pareval_*/cuda/view.cu"))
NO_GPU = "no GPU on this machine (nvidia-smi finds none): the kernel run and compute-sanitizer checks need one " \
         "(scripts/gpu-check.sh)"
needs_gpu = pytest.mark.skipif(bool(cuda.detect().unrunnable()), reason=cuda.detect().unrunnable() or NO_GPU)
without_gpu = pytest.mark.skipif(not cuda.detect().unrunnable(), reason="this machine has a GPU: the GPU tests apply")


@without_gpu
def test_reference_kernel_compiles_and_is_unscored_without_a_gpu_run(build_cache):
    task = pe.get_pareval_task(RELU)
    result = evaluate(task, task.reference_source("cuda"), "cuda", EvalConfig.quick(timing=False), cache=build_cache)
    got = {s.stage: s for s in result.stages}
    assert got["static"].status == "ok" and got["build"].status == "ok", got["build"].feedback
    assert not got["build"].detail  # the task has a CUDA view: the candidate library was linked
    assert got["correctness"].status == "error" and "unchecked: no GPU" in got["correctness"].detail
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
    if "wrong_signature" in path.stem:
        assert "does not link with parevo's launch code" in got["build"].feedback
    if "defines_task_function" in path.stem:
        assert "`relu(std::vector<double, std::allocator<double> >&)`" in got["build"].feedback
    if "defines_runtime" in path.stem:
        assert "`cudaMemcpy`" in got["build"].feedback and "`parevo_cuda_launches`" in got["build"].feedback


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


def test_every_cuda_view_compiles_and_links_with_its_reference_kernel(tmp_path):
    """One view per ParEval category, each compiled by nvcc (two batched runs side by side: the
    views, the reference kernels) and linked with its task's reference kernel (-z defs, static
    cudart): the kernel the view launches is the one the reference defines, by name and parameters."""
    ct = cuda.detect()
    tasks = {d.name.split("_")[1]: d for d in VIEWS}
    categories = {get_task(d.name).spec.tags[1] for d in VIEWS}
    assert len(categories) == 12, sorted(categories)
    for n, d in tasks.items():
        (tmp_path / f"v{n}.cu").symlink_to(d / "cuda" / "view.cu")
        (tmp_path / f"r{n}.cu").symlink_to(d / "reference" / "cuda.cu")
    flags = [ct.nvcc, *cudastages.NVCC_ARGS, "-O0", f"-I{paths.CXX_DIR}", "-c", "-odir", str(tmp_path)]
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda kind: subprocess.run([*flags, *(f"{kind}{n}.cu" for n in tasks)], cwd=tmp_path,
                                                         capture_output=True, text=True, timeout=300), "vr"))
    for run in runs:
        assert run.returncode == 0, run.stderr[-3000:]
    for n in tasks:
        link = subprocess.run(["g++", "-shared", f"v{n}.o", f"r{n}.o", f"-L{ct.lib_dir}", "-lcudart_static", "-ldl",
                               "-lrt", "-pthread", "-Wl,-z,defs", "-o", f"lib{n}.so"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        assert link.returncode == 0, (tasks[n].name, link.stderr[-2000:])


@without_gpu
def test_without_a_gpu_the_library_loads_and_its_first_cuda_call_fails_as_the_candidates(build_cache):
    """The GPU path up to the GPU: the harness loads the linked library in its sandbox and calls the
    view, whose first CUDA call finds no device; that becomes the call's exception (on a GPU machine
    the same call runs the kernel). The cascade never gets here without a GPU: this is plumbing."""
    task = pe.get_pareval_task(RELU)
    ctx = EvalContext(task, pm.get_model("cuda"), task.reference_source("cuda"), probe.detect(), build_cache,
                      EvalConfig.quick(timing=False))
    assert cudastages.build_stage(ctx).status == "ok"
    run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, ctx.cases(["paper"], "check"), [1],
                      ctx.limits(30), env=ctx.run_env())
    assert run.invalid and run.invalid[0].kind == "exception", run.failure()
    assert "CUDA error in cudaMalloc" in run.failure()


def test_a_task_without_a_cuda_view_builds_and_stays_unscored(build_cache):
    task = pe.get_pareval_task("56_transform_negate_odds")
    assert not (task.root / "cuda" / "view.cu").exists()
    kernel = "__global__ void negateOddsAndHalveEvens(int *x, size_t N) {}\n"
    result = evaluate(task, kernel, "cuda", EvalConfig.quick(timing=False), cache=build_cache)
    got = {s.stage: s for s in result.stages}
    assert got["build"].status == "ok" and "no CUDA view yet" in got["build"].detail, got["build"]
    assert got["correctness"].status == "error" and got["correctness"].metrics["unscored"] is True
    assert "unchecked" in got["correctness"].detail


@pytest.mark.parametrize("log, status", [
    ("========= COMPUTE-SANITIZER\n========= ERROR SUMMARY: 0 errors\n", "ok"),
    ("========= COMPUTE-SANITIZER\n========= Invalid __global__ write of size 8 bytes\n=========     at relu(double *, "
     "unsigned long)+0x70\n========= ERROR SUMMARY: 120 errors\n", "fail"),
    ("========= ERROR SUMMARY: 0 errors\n========= ERROR SUMMARY: 2 errors\n", "fail"),  # one per process
    ("", "error"),  # no readable report is never a pass
    ("relu ok\n", "error"),
])
def test_compute_sanitizer_logs_are_judged(log, status):
    got, text = cudarun.sanitizer_verdict("memcheck", log)
    assert got == status, text
    if status == "fail":
        assert "reported" in text and "ERROR SUMMARY" in text


@needs_gpu
def test_reference_kernel_passes_on_the_gpu(build_cache):
    task = pe.get_pareval_task(RELU)
    result = evaluate(task, task.reference_source("cuda"), "cuda", EvalConfig.quick(), cache=build_cache)
    got = {s.stage: s for s in result.stages}
    assert [got[s].status for s in ("correctness", "race", "timing")] == ["ok"] * 3, \
        {s.stage: (s.status, s.detail[:300], s.feedback[:600]) for s in result.stages}
    assert got["race"].metrics["runs"] == 3 and got["timing"].metrics["speedup"] > 0


@needs_gpu
@pytest.mark.parametrize("path", ON_GPU, ids=[p.stem for p in ON_GPU])
def test_bad_kernel_fails_on_the_gpu(path, build_cache):
    stage, status = fixture_expectation(path)
    result = evaluate(pe.get_pareval_task(RELU), path.read_text(), "cuda", EvalConfig.quick(timing=False),
                      cache=build_cache)
    got = {s.stage: s for s in result.stages}
    assert got[stage].status == status, {s.stage: (s.status, s.detail[:300], s.feedback[:600]) for s in result.stages}


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
