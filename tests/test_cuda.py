"""The cuda model: compiled, statically checked and linked with its task's CUDA view on every
machine with nvcc; run, checked with compute-sanitizer and timed only on a GPU. Without a GPU a
good kernel's correctness is `error` ("unchecked: no GPU"), which bench excludes as unscored:
never a pass, never a wrong answer. A kernel that does not compile, a host function posing as the
kernel, a kernel whose signature is not ParEval's and a candidate that defines the runtime's or
parevo's names fail at build. The GPU tests (scripts/gpu-check.sh) skip here with a reason."""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo.bench import pareval as pe
from parevo import paths
from parevo.tasks import get_task, load_task
from parevo.toolchain import cuda, probe
from parevo.toolchain import models as pm
from parevo.toolchain.build import BuildCache
from parevo.verify import cudarun, cudastages
from parevo.verify.cascade import evaluate
from parevo.verify.config import EvalConfig
from parevo.verify.context import EvalContext
from parevo.verify.harness import run_harness
from parevo.verify.source import strip_comments_and_strings

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
def test_pareval_cuda_and_kokkos_items_name_why_a_problem_is_left_out(tmp_path, monkeypatch):
    prompts = pe.load_prompts(PAREVAL)
    cuda_items = [p for p in prompts if p.parallelism_model == "cuda"]
    assert len(cuda_items) == 60 and [pe.supported(p) for p in cuda_items] == [None] * 60  # every problem a view
    kokkos = {p.name: pe.supported(p) for p in prompts if p.parallelism_model == "kokkos"}
    assert len(kokkos) == 60 and sum(r is None for r in kokkos.values()) >= 12, kokkos
    assert all("Kokkos" in r for r in kokkos.values() if r), kokkos
    hip = next(p for p in prompts if p.parallelism_model == "hip")
    assert "HIP is out of scope" in (pe.supported(hip) or "")
    negate = next(p for p in cuda_items if p.name == "56_transform_negate_odds")
    shutil.copytree(pe.TASKS_DIR / negate.task_id, tmp_path / negate.task_id, ignore=shutil.ignore_patterns("cuda"))
    monkeypatch.setattr(pe, "TASKS_DIR", tmp_path)  # a problem whose view is missing is left out, and says why
    assert "no CUDA view" in (pe.supported(negate) or "")


_GLOBAL = re.compile(r"__global__\s+void\s+(\w+)\s*\(")
_NAMES = re.compile(r"^\s*struct\s+(\w+)|^__(?:device|constant)__\s[^(\[=;]*?\b(\w+)\s*[(\[]", re.M)


def _kernel_source(task_dir: Path, prompts: dict[str, str]) -> str | None:
    """The kernel a view is linked with: the task's reference, else ParEval's CUDA prompt with an
    empty body (its `__global__` declaration, exactly, and the preamble it needs), else None."""
    ref = task_dir / "reference" / "cuda.cu"
    if ref.is_file():
        return ref.read_text()
    prompt = prompts.get(task_dir.name, "").rstrip()
    return prompt + "\n}\n" if prompt.endswith("{") else None


def _defined_names(*texts: str) -> set[str]:
    return {name for t in texts for m in _NAMES.finditer(t) for name in m.groups() if name} | \
           {name for t in texts for name in _GLOBAL.findall(t)}


def _groups(names: dict[str, set[str]], count: int) -> list[list[str]]:
    """The tasks in `count` groups (more where names force it), no two tasks of a group sharing a
    struct, kernel or `__device__` name; each task goes to the smallest group it fits."""
    groups: list[tuple[list[str], set[str]]] = [([], set()) for _ in range(count)]
    for task, own in names.items():
        fits = [g for g in groups if not g[1] & own]
        if not fits:
            groups.append(([], set()))
            fits = groups[-1:]
        tasks, taken = min(fits, key=lambda g: len(g[0]))
        tasks.append(task)
        taken |= own
    return [tasks for tasks, _ in groups if tasks]


def _link_views(tmp_path: Path, views: dict[str, Path], kernels: dict[str, str]) -> list[tuple[list[str], str]]:
    """Compiles the views (each after its task's types.hpp, as cudarun builds it) and the kernels
    with nvcc, a few translation units of each (nvcc costs seconds per unit) in two batched runs
    side by side, no kernel or struct name twice in a group, and links each group's views with its
    kernels (-z defs, static cudart). Returns (tasks, the linker's complaint or '') per group; a
    view without a kernel is compiled only."""
    ct = cuda.detect()
    include = {t: f'#include "{TASKS / t / "types.hpp"}"\n' for t in views}
    names = {t: _defined_names(strip_comments_and_strings(v.read_text()), kernels.get(t, "")) for t, v in views.items()}
    linked = _groups({t: n for t, n in names.items() if t in kernels}, 5)
    groups = linked + _groups({t: n for t, n in names.items() if t not in kernels}, 5)
    units = []
    for g, tasks in enumerate(groups):
        (tmp_path / f"v{g}.cu").write_text("".join(f'{include[t]}#include "{views[t]}"\n' for t in tasks))
        units.append(f"v{g}.cu")
        if g < len(linked):
            (tmp_path / f"k{g}.cu").write_text("".join(include[t] + kernels[t] for t in tasks))
            units.append(f"k{g}.cu")
    flags = [ct.nvcc, *cudastages.NVCC_ARGS, "-O0", f"-I{paths.CXX_DIR}", "-c", "-odir", str(tmp_path)]
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda part: subprocess.run([*flags, *part], cwd=tmp_path, capture_output=True, text=True,
                                                         timeout=600), (units[0::2], units[1::2])))
    for run in runs:
        assert run.returncode == 0, run.stderr[-3000:]
    out = []
    for g, tasks in enumerate(linked):
        link = subprocess.run(["g++", "-shared", f"v{g}.o", f"k{g}.o", f"-L{ct.lib_dir}", "-lcudart_static", "-ldl",
                               "-lrt", "-pthread", "-Wl,-z,defs", "-o", f"lib{g}.so"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        out.append((tasks, link.stderr[-2000:] if link.returncode else ""))
    return out


def _cuda_prompts() -> dict[str, str]:
    if not (PAREVAL / "generation-prompts.json").is_file():
        return {}
    return {p.task_id: p.prompt for p in pe.load_prompts(PAREVAL) if p.parallelism_model == "cuda"}


def test_every_cuda_view_compiles_and_links_with_its_kernel(tmp_path):
    """Every ParEval problem has a view; it launches the task's kernel (one `__global__`
    declaration, of the task's function name) and links with a kernel of the prompt's exact
    signature: the reference where the task has one, else ParEval's prompt stub."""
    assert len(VIEWS) == 60, [d.name for d in VIEWS]
    prompts = _cuda_prompts()
    kernels = {d.name: k for d in VIEWS if (k := _kernel_source(d, prompts)) is not None}
    assert len(kernels) == (60 if prompts else 12), sorted(kernels)
    for d in VIEWS:
        function = get_task(d.name).spec.function
        view = strip_comments_and_strings((d / "cuda" / "view.cu").read_text())
        assert _GLOBAL.findall(view) == [function] and f"{function}<<<" in view, d.name
    failed = [(tasks, why) for tasks, why in _link_views(tmp_path, {d.name: d / "cuda" / "view.cu" for d in VIEWS},
                                                         kernels) if why]
    assert not failed, failed


@pytest.mark.skipif(not (PAREVAL / "generation-prompts.json").is_file(), reason=f"no ParEval prompts in {PAREVAL}")
def test_a_view_that_launches_a_kernel_of_other_parameters_does_not_link(tmp_path):
    """ParEval 08's view declaring 09's `fft` (an output array instead of r and i) finds no
    definition beside 08's kernel; 08 and 09 share a kernel name, so they never share a group."""
    split = TASKS / "pareval_08_fft_split_fft"
    tampered = tmp_path / "view08.cu"
    tampered.write_text((split / "cuda" / "view.cu").read_text().replace(
        "__global__ void fft(const cuDoubleComplex *x, double *r, double *i, size_t N);",
        "__global__ void fft(const cuDoubleComplex *x, cuDoubleComplex *output, size_t N);").replace(
        "fft<<<grid_1d(n), kBlock>>>(dx.get(), dr.get(), di.get(), n);",
        "fft<<<grid_1d(n), kBlock>>>(dx.get(), reinterpret_cast<cuDoubleComplex*>(dr.get()), n);"))
    [(tasks, why)] = _link_views(tmp_path, {split.name: tampered}, {split.name: _kernel_source(split, _cuda_prompts())})
    assert "fft(double2 const*, double2*, unsigned long)" in why, why
    groups = _groups({"08": {"fft", "Point"}, "09": {"fft"}, "10": {"Point"}, "11": {"relu"}}, 1)
    assert sorted(groups) == [["08", "11"], ["09", "10"]], groups  # a new group only where names force one


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


def test_a_task_without_a_cuda_view_builds_and_stays_unscored(build_cache, tmp_path):
    """Every ParEval problem has a view; a task of one's own that accepts cuda may not: a copy of
    ParEval 56 without its view. Its kernel is compiled and checked, never run: unscored."""
    root = tmp_path / "pareval_56_transform_negate_odds"
    shutil.copytree(pe.get_pareval_task("56_transform_negate_odds").root, root, ignore=shutil.ignore_patterns("cuda"))
    task = load_task(root)
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


@needs_gpu
@pytest.mark.skipif(not (PAREVAL / "generation-prompts.json").is_file(), reason=f"no ParEval prompts in {PAREVAL}")
def test_every_view_launches_its_prompt_stub_on_the_gpu(build_cache):
    """Every view's launch and copies on a GPU, with the prompt's kernel and an empty body: the
    launch configuration is one the GPU accepts and no copy leaves its buffer, so the outcome is
    the stub's (a wrong answer, or by chance a right one: 25's XOR of random bools), never a CUDA
    error in the view and never `error`. One small family per task, eight tasks at a time."""
    prompts = _cuda_prompts()

    def outcome(d: Path) -> tuple[str, str, str]:
        task = get_task(d.name)
        config = EvalConfig.quick(timing=False, families=task.spec.families[:1], check_size=64)
        result = evaluate(task, prompts[d.name].rstrip() + "\n}\n", "cuda", config, cache=build_cache)
        got = {s.stage: s for s in result.stages}["correctness"]
        return d.name, got.status, got.detail[:300] + got.feedback[:600]

    with ThreadPoolExecutor(8) as pool:
        bad = [o for o in pool.map(outcome, VIEWS) if o[1] not in ("ok", "fail") or "CUDA error" in o[2]]
    assert not bad, bad


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
