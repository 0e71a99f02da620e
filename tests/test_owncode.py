"""`parevo tasks new --from` and `parevo tasks check` on five user-style files, each with its own
types (tests/fixtures/owncode/): the task is made with no LLM, its tester kills >= 90% of the
baseline's mutants, a genuine OpenMP version passes the verifier and a version with an
irregular-input bug or a race fails it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parevo.owncode import new as newmod
from parevo.owncode.check import check_task
from parevo.owncode.codegen import ExtraFamily, Validator, statement, task_header, types_header
from parevo.owncode.frontend import CType, OwnCodeError, read_function
from parevo.owncode.new import new_task
from parevo.owncode.plan import plan
from parevo.tasks import load_task
from parevo.verify.cascade import evaluate
from parevo.verify.config import EvalConfig

FIX = Path(__file__).parent / "fixtures" / "owncode"
SIZES = {"check": 3000, "race": 400, "timing": 20000}
# example -> (function, its roles, a genuine OpenMP version, a wrong one and the stage that catches it)
EXAMPLES = {
    "energy": ("total_kinetic_energy", ["array"], "energy_omp", ("energy_race", "race")),
    "sales": ("totals_by_store", ["array"], "sales_omp", ("sales_sampled", "correctness")),
    "hops": ("hop_distance", ["adjacency", "vertex"], "hops_omp", ("hops_isolated", "correctness")),
    "degrees": ("max_neighbour_degree", ["csr_offsets", "csr_targets"], "degrees_omp", ("degrees_isolated", "correctness")),
    "words": ("scan_words", ["string"], "words_omp", ("words_split", "correctness")),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory, _session_cache):
    root = tmp_path_factory.mktemp("own")
    out = {}
    for name, (fn, roles, *_rest) in EXAMPLES.items():
        new = new_task(root / name, FIX / f"{name}.cpp", fn, sizes=SIZES)
        assert new.roles == roles, name  # read from the types (and, for the CSR pair, the names)
        out[name] = load_task(new.root)
    return out


def test_generated_task_keeps_baseline_and_validator_private(made):
    t = made["words"]
    types = t.types_header
    assert "struct TextStats" in types and "TextStats scan_words(const std::string& text);" in types
    assert "oracle" not in types and "++s.letters" not in types and "is_letter" not in types  # no body, no helper
    assert "namespace oracle" in (t.root / "task.hpp").read_text()
    fn = read_function(FIX / "words.cpp", "scan_words")
    assert fn.doc in t.statement and fn.helpers == [next(ln for ln in (FIX / "words.cpp").read_text().splitlines() if "is_letter(char" in ln)]
    assert (t.root / "baseline.cpp").read_text().count(fn.text) == 1  # the user's function, unchanged
    assert "++s.letters" not in t.statement
    # Generated testers and the user's input files (extra families) follow the same rule: their
    # code goes to task.hpp only; the statement names the family and its shape, nothing more
    # (tests/test_owncode_generated.py builds and evaluates such a task).
    extra = ExtraFamily("sparse_words", "one word in a thousand", "void sparse_words(Input& in, long long size, parevo::Rng& rng) { SECRET; }")
    p, v = plan(fn), Validator.parse(None, fn.ret)
    assert "SECRET" in task_header(fn, p, v, [extra]) and "SECRET" not in types_header(fn)
    stated = statement(fn, p, v, None, types_header(fn), [extra])
    assert "sparse_words, one word in a thousand" in stated and "SECRET" not in stated


UNSUPPORTED = {
    "double f(const double* xs, int n) { return xs[0]; }": "raw pointer",
    "int g_scale = 3;\nint f(const std::vector<int>& v) { return g_scale * (int)v.size(); }": "global variable 'g_scale'",
    "#include <cstdio>\nint f(const std::vector<int>& v) { printf(\"x\"); return 0; }": "does I/O (printf)",
    "template <class T> T f(const std::vector<T>& v) { return v[0]; }": "function template",
    "void f(const std::vector<int>& v) {}": "returns void",
    "int f(std::vector<int>& v) { return 0; }": "non-const reference",
    "int f(const std::vector<int>& v) { return undeclared(v); }": "does not compile",
    "int h(const std::vector<int>& v) { return 0; }": "no definition of function 'f'",
}


@pytest.mark.parametrize("code", UNSUPPORTED)
def test_unsupported_shapes_are_named(tmp_path, code):
    src = tmp_path / "user.cpp"
    src.write_text("#include <vector>\n" + code + "\n")
    with pytest.raises(OwnCodeError, match=UNSUPPORTED[code].replace("(", r"\(").replace(")", r"\)")):
        read_function(src, "f")


def test_validator_choices(tmp_path):
    dbl, vec = CType("float", "double"), CType("vector", "std::vector<int>", elem=(CType("int", "int"),))
    assert Validator.parse(None, dbl).mode == "tolerance" and Validator.parse(None, vec).mode == "exact"
    assert Validator.parse("tolerance:1e-6", dbl).rel == 1e-6
    assert Validator.parse("unordered", vec).mode == "unordered"
    with pytest.raises(OwnCodeError, match="not a vector"):
        Validator.parse("unordered", dbl)
    with pytest.raises(OwnCodeError, match="--validator"):
        Validator.parse("approximately", dbl)


def test_sizes_chosen_by_timing_the_baseline(tmp_path, monkeypatch, _session_cache):
    # The real doubling search, with thresholds a test can reach in seconds.
    monkeypatch.setattr(newmod, "CHECK_S", 2e-5)
    monkeypatch.setattr(newmod, "TIMING_S", 2e-4)
    made = new_task(tmp_path / "kinetic", FIX / "energy.cpp", "total_kinetic_energy")
    sizes = [s for s, _ in made.timings]
    assert sizes == sorted(sizes) and made.sizes["timing"] == sizes[-1] and made.timings[-1][1] >= 2e-4
    assert made.sizes["check"] <= made.sizes["timing"] and made.sizes["race"] < made.sizes["check"]
    assert load_task(made.root).spec.sizes.timing == made.sizes["timing"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_check_passes_with_a_high_mutation_score(made, name):
    report = check_task(made[name], size=1500, max_mutants=10, coverage=name == "degrees")
    assert report.ok, report.problems
    assert all(r.again and not r.error for r in report.families)
    assert report.count("killed") >= 2 and report.score >= 0.9, [m.mutant.label for m in report.mutants if m.outcome == "survived"]
    if name == "degrees":
        assert report.coverage.lines is not None and report.coverage.lines >= 90


def test_check_reports_a_baseline_that_fails_its_validator(made, tmp_path):
    root = tmp_path / "broken"
    shutil.copytree(made["degrees"].root, root)
    toml = (root / "task.toml").read_text().replace('id = "degrees"', 'id = "broken"')
    (root / "task.toml").write_text(toml)
    (root / "baseline.cpp").write_text((FIX / "candidates" / "degrees_isolated.cpp").read_text())
    report = check_task(load_task(root), size=500, max_mutants=0, coverage=False)
    assert not report.ok and any(p.startswith("isolated: the baseline fails") for p in report.problems)


# Each task costs two harness builds (plain and ThreadSanitizer); two examples run the whole
# chain by default, all five with PAREVO_OWNCODE_ALL=1 (the three others always run their wrong
# version, which fails at correctness before any race build).
FULL = list(EXAMPLES) if os.environ.get("PAREVO_OWNCODE_ALL") else ["energy", "hops"]
CONFIG = dict(timing=False, seed=7, check_threads=[1, 3], race_threads=[2, 3], race_timing_size=False)


def _eval(task, candidate: str, build_cache):
    return evaluate(task, (FIX / "candidates" / f"{candidate}.cpp").read_text(), "openmp", EvalConfig.quick(**CONFIG),
                    cache=build_cache)


@pytest.mark.parametrize("name", FULL)
def test_openmp_version_passes(made, name, build_cache):
    ok = _eval(made[name], EXAMPLES[name][2], build_cache)
    assert ok.status == "ok", ok.feedback


@pytest.mark.parametrize("name", EXAMPLES)
def test_irregular_input_bug_or_race_fails(made, name, build_cache):
    bad, stage = EXAMPLES[name][3]
    if stage == "race" and name not in FULL:
        pytest.skip("a race needs the race build (PAREVO_OWNCODE_ALL=1)")
    wrong = _eval(made[name], bad, build_cache)
    # A race may also show as a wrong answer at the correctness stage (it did on a loaded CI
    # machine): either is the right verdict; passing, or failing anywhere else, is not.
    stages = {"correctness", "race"} if stage == "race" else {stage}
    assert wrong.status == "fail" and wrong.stage_reached in stages, wrong.feedback


def test_cli_new_check_and_eval_take_relative_paths(tmp_path, monkeypatch, _session_cache):
    from parevo.cli import app

    monkeypatch.chdir(tmp_path)
    shutil.copy(FIX / "hops.cpp", "hops.cpp")
    runner = CliRunner()
    r = runner.invoke(app, ["tasks", "new", "mine/hops", "--from", "hops.cpp", "--function", "hop_distance",
                            "--sizes", "2000,300,4000"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["tasks", "check", "mine/hops", "--max-mutants", "0", "--no-coverage", "--size", "500"])
    assert r.exit_code == 0 and "rmat" in r.output and "empty_graph" in r.output, r.output
    bad = FIX / "candidates" / "hops_isolated.cpp"
    r = runner.invoke(app, ["eval", "mine/hops", str(bad), "-m", "openmp", "--quick", "--no-timing", "--seed", "3"])
    assert r.exit_code == 1 and "correctness  fail" in r.output, r.output  # a verdict, not a build error
    from parevo.bench.items import dir_items  # bench --suite DIR: the items name the tasks by absolute path

    items, _ = dir_items(Path("mine"), ["openmp"])
    assert [Path(i.task_ref) for i in items] == [tmp_path / "mine" / "hops"]


def test_users_own_validator_file_decides(tmp_path, _session_cache):
    accept = tmp_path / "close.cpp"
    accept.write_text("inline bool accept(double expected, double actual) { return std::fabs(expected - actual) < 1e-6 * (1 + std::fabs(expected)); }\n")
    refuse = tmp_path / "never.cpp"
    refuse.write_text("inline bool accept(double, double) { return false; }\n")
    for name, file, ok in (("close", accept, True), ("never", refuse, False)):
        made = new_task(tmp_path / name, FIX / "energy.cpp", "total_kinetic_energy", validator=str(file), sizes=SIZES)
        report = check_task(load_task(made.root), size=200, max_mutants=0, coverage=False)
        assert report.ok is ok, report.problems
        if not ok:
            assert "the task's own validator (never.cpp) rejected the output" in report.problems[0]
