"""ParEval's Kokkos prompts: every one of the 60 problems is a kokkos item through a trusted view
(`<task>/kokkos/adapter.cpp`). The six hand-written views (08, 23, 25, 34, 35, 59: the mapping
from the task's C++ types to the prompt's Views is not mechanical) link (-z defs) against a stub
of ParEval's own prompt, and a view that calls an overload the prompt does not declare does not.
Through 59's view (vector<bool> unpacked and packed back) the reference passes and a candidate
that skips elements fails: the harness's prepared wrong answers survive the round trip. Through
34's (no copy: the prompt's non-const View over the call's input) a candidate that rewrites x to
fit its answer fails."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from parevo.bench import pareval as pe
from parevo.bench.items import pareval_items
from parevo.toolchain import kokkos
from parevo.verify.cascade import evaluate
from parevo.verify.config import EvalConfig

SHARED = Path(__file__).resolve().parents[2] / "shared" / "pareval"
pytestmark = [
    pytest.mark.skipif(not (SHARED / "generation-prompts.json").is_file(), reason=f"no ParEval prompts in {SHARED}"),
    pytest.mark.skipif(bool(kokkos.detect().missing()), reason=kokkos.detect().missing() or ""),
]
HAND_WRITTEN = ("08", "23", "25", "34", "35", "59")


def _views():
    """scripts/kokkos_views.py, the view generator and link check (a script, not a package module)."""
    path = Path(__file__).resolve().parents[1] / "scripts" / "kokkos_views.py"
    spec = importlib.util.spec_from_file_location("kokkos_views", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prompts(numbers=HAND_WRITTEN) -> list[pe.ParEvalPrompt]:
    return sorted((p for p in pe.load_prompts(SHARED) if p.parallelism_model == "kokkos" and p.name[:2] in numbers),
                  key=lambda p: p.name)


def test_every_pareval_problem_is_a_kokkos_item_with_a_view():
    items, skipped = pareval_items(["kokkos"], None, SHARED)
    assert len(items) == 60 and not skipped, [s for s in skipped][:6]
    for tid in pe.pareval_task_ids():
        task = pe.get_pareval_task(tid)
        assert ("kokkos" in task.spec.models) == (task.root / "kokkos" / "adapter.cpp").is_file(), tid


def test_hand_written_views_link_against_parevals_prompts():
    views = _views()
    prompts = _prompts()
    assert len(prompts) == 6
    for p in prompts:
        adapter = (pe.TASKS_DIR / p.task_id / "kokkos" / "adapter.cpp").read_text()
        assert views.links(p, adapter) == "", p.name
    # Attack on the check: 35's view reaching a Book overload under another name must not link.
    (book,) = _prompts(("35",))
    adapter = (pe.TASKS_DIR / book.task_id / "kokkos" / "adapter.cpp").read_text()
    log = views.links(book, adapter.replace("PK4BookJEEE", "PK4BoolJEEE"))
    assert "undefined reference" in log and "findLastShortBook" in log, log


def test_bool_mask_view_passes_the_reference_and_fails_a_skipping_candidate(build_cache):
    task = pe.get_pareval_task("59_transform_map_function")
    cfg = EvalConfig.quick(timing=False, check_threads=[1, 2])
    good = evaluate(task, task.reference_source("kokkos"), "kokkos", cfg, cache=build_cache)
    got = {s.stage: s for s in good.stages}
    assert got["correctness"].status == "ok", {s.stage: (s.status, s.feedback[:300]) for s in good.stages}
    skipping = task.reference_source("kokkos").replace("mask(i) = isPowerOfTwo(x(i));",
                                                       "if (i % 2 == 0) mask(i) = isPowerOfTwo(x(i));")
    assert skipping != task.reference_source("kokkos")
    bad = evaluate(task, skipping, "kokkos", cfg, cache=build_cache)
    got = {s.stage: s for s in bad.stages}
    assert got["correctness"].status == "fail", {s.stage: (s.status, s.feedback[:300]) for s in bad.stages}
    assert "mask[1]" in got["correctness"].feedback, got["correctness"].feedback[:500]  # the first odd index


def test_writes_through_34s_non_const_view_do_not_reach_the_validator(build_cache):
    """34's view hands the candidate ParEval's non-const View over the call's own input (no copy):
    a candidate that rewrites x to fit a constant answer still fails, since the harness validates
    against its own copy of the input."""
    task = pe.get_pareval_task("34_scan_largest_contiguous_subarray_sum")
    forger = ("#include <Kokkos_Core.hpp>\n"
              "int maximumSubarray(Kokkos::View<int*> const& x) {\n"
              "  Kokkos::parallel_for(x.extent(0), KOKKOS_LAMBDA(const size_t i) { x(i) = i == 0 ? 7 : -1; });\n"
              "  Kokkos::fence();\n  return 7;\n}\n")
    result = evaluate(task, forger, "kokkos", EvalConfig.quick(timing=False, check_threads=[2]), cache=build_cache)
    got = {s.stage: s for s in result.stages}
    assert got["correctness"].status == "fail", {s.stage: (s.status, s.feedback[:300]) for s in result.stages}
    assert "expected" in got["correctness"].feedback, got["correctness"].feedback[:500]
