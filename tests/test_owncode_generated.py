"""`parevo tasks new --llm` (generated testers, parevo/owncode/generated.py) and `--inputs`
(the user's own files, parevo/owncode/userinputs.py).

The LLM path runs with the scripted provider: of five generators, one does not compile, two are
not deterministic (in one process, across two), one hangs and one kills a mutant the built-in
families miss; only that one is kept, each rejection with its reason, and the verifier then catches with it a bug no built-in
family shows."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from parevo.owncode import generated
from parevo.owncode.frontend import OwnCodeError
from parevo.owncode.check import check_task
from parevo.owncode.new import new_task
from parevo.tasks import load_task
from parevo.verify.cascade import evaluate
from parevo.verify.config import EvalConfig

FIX = Path(__file__).parent / "fixtures" / "owncode"
SIZES = {"check": 3000, "race": 400, "timing": 20000}


@pytest.fixture(scope="module")
def llm_task(tmp_path_factory, _session_cache):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(generated, "GEN_WALL_S", 3.0)  # the hanging generator is killed after this
        mp.setattr(generated, "MUTANTS", 8)
        made = new_task(tmp_path_factory.mktemp("gen") / "readings", FIX / "readings.cpp", "weighted_count",
                        sizes=SIZES, llm=f"scripted:{FIX / 'generators.yaml'}")
    return made


def test_only_the_useful_generator_is_kept_each_rejection_with_its_reason(llm_task):
    why = {v.name: (v.kept, v.reason) for v in llm_task.verdicts}
    assert why["broken"][0] is False and why["broken"][1].startswith("does not compile")
    assert "broken line 2" in why["broken"][1]  # the generator's own line, not task.hpp's
    assert why["drifting"] == (False, why["drifting"][1]) and "not deterministic" in why["drifting"][1]
    assert why["forever"][0] is False and why["forever"][1].startswith("timed out")
    assert why["addressed"] == (False, "not deterministic: another process, with the same size and seed, gave "
                                       "another input or output")
    assert why["calibration_mix"][0] is True and "'r.sensor < 0' -> 'false'" in why["calibration_mix"][1]
    assert llm_task.extras == ["calibration_mix"]
    task = load_task(llm_task.root)
    assert task.spec.families[-1] == "calibration_mix" and not {"broken", "drifting", "forever", "addressed"} & set(task.spec.families)
    record = json.loads((llm_task.root / "generated.json").read_text())
    assert [(g["name"], g["kept"]) for g in record["generators"]] == [
        ("broken", False), ("drifting", False), ("forever", False), ("addressed", False), ("calibration_mix", True)]
    assert all(g["reason"] and g["code"] for g in record["generators"])
    with sqlite3.connect(llm_task.root / generated.STORE) as db:  # the call is recorded like every LLM call
        assert db.execute("SELECT role, model, error FROM llm_calls").fetchall() == [("generators", "scripted", None)]
        [(rec,)] = db.execute("SELECT record FROM llm_calls").fetchall()
    prompt = json.loads(rec)["messages"][-1]["content"]  # the function, its types, the mutants to kill
    assert "struct Reading" in prompt and "if (r.sensor < 0) continue;" in prompt
    assert "'r.sensor < 0' -> 'false', in `if (r.sensor < 0) continue;`" in prompt


def test_parse_reply_skips_blocks_that_are_not_generators():
    proposals, notes = generated.parse_reply("```cpp\nint x;\n```\n```cpp\n// family: a_b\n// shape: s\nvoid a_b() {}\n```")
    assert [(p.name, p.about, p.code) for p in proposals] == [("a_b", "s", "void a_b() {}")]
    assert notes == ["block 1: no '// family: NAME' line, not a generator"]


CONFIG = dict(timing=False, seed=7, check_threads=[1, 3], race_threads=[2, 3], race_timing_size=False)


def test_generated_family_stays_on_the_harness_side_and_catches_a_bug(llm_task, build_cache):
    # The integrity rule of every task (test_generated_task_keeps_baseline_and_validator_private),
    # for generated testers: their code is in task.hpp only, never in what a candidate sees.
    task = load_task(llm_task.root)
    assert "void calibration_mix(" in (task.root / "task.hpp").read_text()
    assert "calibration_mix" not in task.types_header and "rng.below(4)" not in task.statement
    assert "calibration_mix" in task.statement  # the shape is named (inputs may be like this), not the code
    peek = evaluate(task, (FIX / "candidates" / "readings_peek.cpp").read_text(), "openmp",
                    EvalConfig.quick(**CONFIG), cache=build_cache)
    assert peek.status == "fail" and peek.stage_reached in ("static", "build"), peek.feedback
    wrong = evaluate(task, (FIX / "candidates" / "readings_all.cpp").read_text(), "openmp",
                     EvalConfig.quick(**CONFIG), cache=build_cache)
    assert wrong.status == "fail" and wrong.stage_reached == "correctness", wrong.feedback
    assert "calibration_mix" in wrong.feedback


@pytest.mark.parametrize("name,function", [("sales", "totals_by_store"), ("hops", "hop_distance")])
def test_user_input_files_become_the_user_family(tmp_path, _session_cache, name, function):
    made = new_task(tmp_path / name, FIX / f"{name}.cpp", function, sizes=SIZES, inputs=FIX / "inputs" / name)
    assert made.extras == ["user"]
    report = check_task(load_task(made.root), size=500, max_mutants=0, coverage=False)
    assert report.ok, report.problems
    [user] = [r for r in report.families if r.family == "user"]
    assert user.again and not user.error
    assert user.shape.startswith({"sales": "sales: n=", "hops": "friends: n=5 edges=6"}[name]), user.shape


BAD = {  # (fixture, file text) -> what the error names
    ("sales", "[sales]\n3 1250\n3 x\n"): r"bad\.txt:3: \[sales\] element 1, field cents: expected an integer",
    ("sales", "[sales]\n3 1250 7\n"): r"bad\.txt:2: \[sales\] element 0: Sale has 2 fields \(store cents\), this line has 3",
    ("sales", "[sales]\n3000000000 1\n"): r"bad\.txt:2: .*3000000000 is out of the range of int",
    ("sales", "[sale]\n1 2\n"): r"bad\.txt:1: \[sale\] is not a parameter \(parameters: sales\)",
    ("sales", "# nothing\n"): r"bad\.txt: no \[sales\] section",
    ("hops", "[friends]\n1\n-\n"): r"bad\.txt:2: \[friends\] vertex 0: the edge 0-1 has no reverse",
    ("hops", "[friends]\n1\n0\n[source]\n0\n"): r"bad\.txt:4: \[source\] is drawn by parevo",
    ("degrees", "[row_start]\n0 1 3\n[neighbours]\n1 0\n"): r"bad\.txt:2: \[row_start\] ends at 3, but \[neighbours\] has 2",
}


@pytest.mark.parametrize("case", BAD, ids=[f"{k[0]}-{i}" for i, k in enumerate(BAD)])
def test_bad_input_files_name_the_file_line_and_fault(tmp_path, case):
    name, text = case
    function = {"sales": "totals_by_store", "hops": "hop_distance", "degrees": "max_neighbour_degree"}[name]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_text(text)
    with pytest.raises(OwnCodeError, match=BAD[case]):
        new_task(tmp_path / name, FIX / f"{name}.cpp", function, sizes=SIZES, inputs=tmp_path / "in")


def test_cli_refuses_a_missing_script_and_a_bad_file_before_writing(tmp_path):
    from typer.testing import CliRunner

    from parevo.cli import app

    base = ["tasks", "new", str(tmp_path / "sales"), "--from", str(FIX / "sales.cpp"), "--function", "totals_by_store",
            "--sizes", "3000,400,20000"]
    # A ParevoError here is what `parevo` prints as one line, exit 2 (parevo.cli.main).
    r = CliRunner().invoke(app, [*base, "--llm", f"scripted:{tmp_path / 'nowhere.yaml'}"])
    assert "nowhere.yaml: no such file" in str(r.exception), r.output
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "day.txt").write_text("[sales]\n1 2\n3\n")
    r = CliRunner().invoke(app, [*base, "--inputs", str(tmp_path / "in")])
    assert isinstance(r.exception, OwnCodeError) and "day.txt:3: [sales] element 1: Sale has 2 fields" in str(r.exception)
    assert not (tmp_path / "sales").exists()
