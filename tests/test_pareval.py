"""The ParEval adapter: prompts load, candidates assemble from prompt + reply, and for every
ParEval problem parevo judges, its baseline passes and a constant-answer cheat fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from parevo import EvalConfig, evaluate
from parevo.errors import ParevoError
from parevo.tasks import get_task
from parevo.bench.pareval import (
    assemble, get_pareval_task, load_prompts, pareval_task_ids, paper_config, supported, task_id_for,
)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "pareval"
needs_prompts = pytest.mark.skipif(not (SHARED / "generation-prompts.json").is_file(),
                                   reason=f"ParEval prompts not found at {SHARED}")
TASK_IDS = pareval_task_ids()
CHECK = EvalConfig(timing=False, profile=False, check_threads=[1], check_wall_s=60.0)  # serial: one thread count says it all


@needs_prompts
def test_prompts_load_and_map_to_tasks():
    prompts = load_prompts(SHARED)
    assert len(prompts) == 420
    omp = [p for p in prompts if p.parallelism_model == "omp"]
    assert len(omp) == 60 and all(p.model == "openmp" for p in omp)
    mpi = next(p for p in prompts if p.parallelism_model == "mpi")
    assert mpi.model == "mpi" and supported(mpi) is None  # tests/test_pareval_mpi.py
    assert supported(next(p for p in prompts if p.parallelism_model == "hip"))  # no ROCm here
    translations = load_prompts(SHARED, "translation")
    serial_to_omp = [t for t in translations if t.translation_src_model == "serial" and t.translation_dst_model == "omp"]
    assert len(serial_to_omp) == 54 and serial_to_omp[0].model == "openmp"
    assert serial_to_omp[0].text.rstrip().endswith("{")


def test_bad_prompt_dir_names_the_fix(tmp_path):
    with pytest.raises(ParevoError, match="no generation-prompts.json"):
        load_prompts(tmp_path)
    (tmp_path / "generation-prompts.json").write_text('[{"name": "x"}]')
    with pytest.raises(ParevoError, match="entry 0: problem_type"):
        load_prompts(tmp_path)


PROMPT = """#include <omp.h>

struct Point {
\tdouble x, y;
};

double dist(Point const& a, Point const& b) { return a.x - b.x; }

/* Return something.
   Use OpenMP to compute in parallel.
*/
double smallest(std::vector<Point> const& points) {"""


def test_assemble_body_continuation_and_whole_function():
    body = "  double m = 0;\n  #pragma omp parallel for reduction(min:m)\n  for (int i = 0; i < 3; ++i) m = 0;\n  return m;\n}"
    src = assemble(PROMPT, body, "smallest")
    assert src.startswith("#include <omp.h>") and src.count("struct Point") == 1 and src.rstrip().endswith("}")
    assert src.count("{") == src.count("}")
    no_close = assemble(PROMPT, "  return 0;", "smallest")
    assert no_close.count("{") == no_close.count("}")
    whole = "Here it is:\n```cpp\nstruct Point {\n  double x, y;\n};\ndouble smallest(std::vector<Point> const& points) {\n  return 1;\n}\n```"
    from parevo.llm.extract import extract_code

    code = extract_code(whole, function="smallest").code
    src = assemble(PROMPT, code, "smallest")
    # the prompt's struct stays (the harness was built with it), the reply's copy goes; the
    # prompt's helper function is kept because the reply lacks it, before the function using it
    assert src.count("struct Point") == 1 and "\tdouble x, y;" in src and "#include <omp.h>" in src
    assert src.index("struct Point") < src.index("double dist(") < src.index("double smallest(")


def test_task_ids_are_valid():
    assert task_id_for("21_histogram_bin_0-100") == "pareval_21_histogram_bin_0_100"
    assert TASK_IDS, "no ParEval tasks"


@pytest.mark.slow
@pytest.mark.parametrize("tid", TASK_IDS)
def test_baseline_passes_and_constant_fails(tid, build_cache):
    task = get_task(tid)
    assert task.spec.paper_families and task.spec.source.get("benchmark") == "ParEval"
    base = evaluate(task, task.baseline_source, "serial", CHECK, cache=build_cache)
    assert base.status == "ok", base.feedback
    paper = evaluate(task, task.baseline_source, "serial", paper_config(task, CHECK), cache=build_cache)
    assert paper.status == "ok", paper.feedback
    cheat = FIXTURES / "pareval" / tid / "constant.cpp"
    assert cheat.is_file(), f"every ParEval task needs a constant-answer cheat at {cheat}"
    bad = evaluate(task, cheat.read_text(), "serial", CHECK, cache=build_cache)
    assert bad.status == "fail" and bad.stage_reached == "correctness", bad.feedback


@needs_prompts
def test_every_omp_prompt_has_a_task_and_assembles():
    """The omp prompt + the baseline's body makes a translation unit that defines the function."""
    from parevo.verify.source import defines_function, strip_comments_and_strings

    missing = []
    for p in load_prompts(SHARED):
        if p.parallelism_model != "omp":
            continue
        if supported(p):
            missing.append(p.name)
            continue
        task = get_pareval_task(p.name)
        src = assemble(p.prompt, task.baseline_source, task.spec.function)
        assert defines_function(strip_comments_and_strings(src), task.spec.function)
    if missing:
        pytest.skip(f"{len(missing)} ParEval problems without a parevo task yet: {', '.join(missing[:5])}...")


@pytest.mark.slow
def test_a_declared_helper_may_be_redefined(build_cache):
    """ParEval 05 declares `fft`: the harness's weak default may be replaced (task.toml
    `overridable`); without that entry the link-time guard refuses it as a harness symbol."""
    task = get_task("pareval_05_fft_inverse_fft")
    own_fft = """#include <complex>
#include <vector>
void fft(std::vector<std::complex<double>> &x) {
  const size_t N = x.size(); std::vector<std::complex<double>> y(N);
  for (size_t k = 0; k < N; ++k) for (size_t n = 0; n < N; ++n) y[k] += x[n] * std::polar(1.0, -6.283185307179586 * double(k * n % N) / N);
  x = y;
}
void ifft(std::vector<std::complex<double>> &x) {
  for (auto& v : x) v = std::conj(v);
  fft(x);
  for (auto& v : x) v = std::conj(v) / double(x.size());
}
"""
    small = CHECK.model_copy(update={"check_size": 64})
    ok = evaluate(task, own_fft, "serial", small, cache=build_cache)
    assert ok.status == "ok", ok.feedback
    task.spec.overridable = []
    bad = evaluate(task, own_fft, "serial", small, cache=build_cache)
    assert bad.stage_reached == "build" and "harness" in bad.feedback, bad.feedback


@needs_prompts
def test_translation_prompts_become_bench_items():
    """serial->omp translation prompts: one item per problem parevo judges, assembled like generation ones."""
    from parevo.bench.items import pareval_items
    from parevo.verify.source import defines_function, strip_comments_and_strings

    items, skipped = pareval_items(["openmp"], None, SHARED, translation=True)
    assert len(items) + len(skipped) == 54 and items
    item = items[0]
    assert item.prompt_id.startswith("pareval-translate/") and item.model == "openmp"
    assert "OpenMP" in item.messages[-1].content and item.messages[-1].content.rstrip().endswith("{")
    task = get_task(item.task_ref)
    src = assemble(item.pareval_prompt, task.baseline_source, item.function)
    assert defines_function(strip_comments_and_strings(src), item.function)
