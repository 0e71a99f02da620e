"""The corpus's pure parts: reply parsing, critique scores, seeds, MinHash de-duplication,
the split, and training pairs from a run store built with RunStore directly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parevo.corpus.replies import parse_critique, parse_draft
from parevo.corpus.seeds import load_seeds
from parevo.errors import ParevoError

SOLUTION = "#include <vector>\nint f(const std::vector<int>& v) {\n  int s = 0;\n  for (int x : v) s += x;\n  return s;\n}"
TEST = "int main() { return f({1, 2}) == 3 ? 0 : 1; }"


def tagged(**parts: str) -> str:
    return "\n".join(f"<{k}>\n```cpp\n{v}\n```\n</{k}>" if k != "instruction" else f"<{k}>{v}</{k}>"
                     for k, v in parts.items())


def test_parse_draft_reads_tags_headings_and_unclosed_sections():
    d = parse_draft("<think>a draft <solution>int main(){}</solution></think>\n"
                    + tagged(instruction="Sum it.", solution=SOLUTION, test=TEST)).draft
    assert d and d.instruction == "Sum it." and d.solution == SOLUTION and d.test_program == TEST
    unclosed = f"<instruction>Sum it.\n<solution>\n```cpp\n{SOLUTION}\n```\n<test>\n```cpp\n{TEST}\n```"
    assert parse_draft(unclosed).draft.test_program == TEST
    headings = f"## Instruction\nSum it.\n\n## Solution\n```cpp\n{SOLUTION}\n```\n### Test program\n```cpp\n{TEST}\n```"
    assert parse_draft(headings).draft.solution == SOLUTION


@pytest.mark.parametrize("reply, problem", [
    ("no sections at all", "missing instruction, solution, test"),
    (tagged(instruction="x", solution=SOLUTION), "missing test"),
    (tagged(instruction="x", solution=SOLUTION + "\nint main() { return 0; }", test=TEST), "solution defines main"),
    (tagged(instruction="x", solution=SOLUTION, test="void helper() {}"), "no int main"),
    ("", "missing"),
])
def test_parse_draft_says_what_is_missing(reply, problem):
    parsed = parse_draft(reply)
    assert parsed.draft is None and problem in parsed.problem


def test_parse_critique_scores():
    assert parse_critique("<score>7</score><critique>race on x</critique>") == (7.0, "race on x")
    assert parse_critique("Score: 12/10, great").score == 10.0
    assert parse_critique("**Score**: 3 out of 10\nslow").score == 3.0
    assert parse_critique("no number here") == (None, "no number here")


def test_seeds(tmp_path):
    prims = load_seeds("primitives", "parlay")
    assert any("parlay::scan" in s.topic for s in prims) and all(s.kind == "primitive" for s in prims)
    tasks = load_seeds("tasks", "openmp")
    assert {s.task for s in tasks} >= {"bfs", "histogram"}
    topics = tmp_path / "topics.txt"
    topics.write_text("# comment\nprefix sums of ragged rows\n\nprefix sums of ragged rows\nsegmented max\n")
    mixed = load_seeds(f"primitives,{topics}", "openmp")
    assert [s.id for s in mixed if s.kind == "topic"] == ["topic/prefix-sums-of-ragged-rows", "topic/segmented-max"]
    with pytest.raises(ParevoError, match="no such file"):
        load_seeds(str(tmp_path / "missing.txt"), "openmp")
    with pytest.raises(ParevoError, match="corpus takes"):
        load_seeds("primitives", "serial")


def test_minhash_dedup_finds_relaid_copies_not_other_programs():
    pytest.importorskip("datasketch")
    from parevo.corpus.dedup import Deduper

    d = Deduper(0.85)
    d.add("a", SOLUTION)
    relaid = "// another comment\n#include <vector>\nint f(const std::vector<int>& v)\n{\n    int s = 0;\n" \
             "    for (int x : v)\n        s += x;   /* sum */\n    return s;\n}\n"
    assert d.check(relaid) == "a"
    other = "#include <algorithm>\n#include <vector>\nint g(std::vector<int> v) { std::sort(v.begin(), v.end());" \
            " return v.empty() ? -1 : v.back() - v.front(); }"
    assert d.check(other) is None


def test_split_is_a_fixed_function_of_the_id():
    from parevo.corpus.export import split_of

    splits = [split_of(f"openmp-{i:04d}") for i in range(2000)]
    assert splits == [split_of(f"openmp-{i:04d}") for i in range(2000)]
    share = {s: splits.count(s) / len(splits) for s in ("train", "eval", "test")}
    assert 0.75 < share["train"] < 0.85 and 0.07 < share["eval"] < 0.13 and 0.07 < share["test"] < 0.13


def _run_store(path: Path, task: str = "histogram", model: str = "openmp"):
    from parevo.runstore import RunStore

    store = RunStore(path, create=True)
    store.start_run("r1", task, model, {"task": task, "model": model})
    programs = [("fast", True, 3.0), ("medium", True, 1.5), ("slow", True, 1.0), ("racy", False, None),
                ("fast", True, 2.9)]  # the same program measured twice counts once, at its best
    for i, (name, viable, fitness) in enumerate(programs):
        code = f"// {name}\nvoid histogram() {{}}\n"
        store.add_program(run_id="r1", iteration=i, island=0, generation=i, parent_id=None, origin="mutate",
                          repair_turn=0, code=code, code_sha256=hashlib.sha256(code.encode()).hexdigest(),
                          status="ok" if viable else "fail", stage_reached="timing" if viable else "race",
                          viable=viable, fitness=fitness, spread=None, feedback="", metrics={}, features={},
                          result=None, edit=None, eval_seconds=1.0)
    store.finish_run("r1", "finished", "done", {})
    store.close()


def test_pairs_from_a_run_store(tmp_path):
    from parevo.corpus import pairs_from_runs

    _run_store(tmp_path / "run" / "run.sqlite")
    out = tmp_path / "pairs"
    o = pairs_from_runs([tmp_path / "run"], out, min_ratio=1.2)
    assert (o.sft, o.preference, o.verified) == (1, 3, 3)
    (sft,) = [json.loads(x) for x in (out / "sft.jsonl").read_text().splitlines()]
    assert "// fast" in sft["completion"] and sft["speedup"] == 3.0 and sft["task"] == "histogram"
    assert "histogram" in sft["prompt"] and sft["system"]
    prefs = [json.loads(x) for x in (out / "preference.jsonl").read_text().splitlines()]
    assert [(p["chosen_speedup"], p["rejected_speedup"]) for p in prefs] == [(3.0, 1.0), (3.0, 1.5), (1.5, 1.0)]
    assert all("racy" not in p["chosen"] + p["rejected"] for p in prefs)
    assert "| histogram | openmp | 3 | 3 | 3.00x | 3 |" in (out / "card.md").read_text()

    assert pairs_from_runs([tmp_path / "run" / "run.sqlite"], out, min_ratio=1.6).preference == 2
    with pytest.raises(ParevoError, match="no run.sqlite or bench.sqlite"):
        pairs_from_runs([tmp_path], out)


def test_from_runs_cli_and_loading(tmp_path):
    datasets = pytest.importorskip("datasets", reason="the loading check needs datasets: pip install datasets")
    from parevo.cli import app
    from parevo.cli.corpus import register

    if not any(g.name == "corpus" for g in app.registered_groups):
        register(app)
    _run_store(tmp_path / "run" / "run.sqlite")
    out = tmp_path / "pairs"
    r = CliRunner().invoke(app, ["corpus", "from-runs", str(tmp_path / "run"), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "1 supervised pairs, 3 preference pairs" in r.output
    # two datasets with their own columns: one load each
    sft, pref = (datasets.load_dataset("json", data_files=str(out / f"{n}.jsonl"), split="train",
                                       cache_dir=str(tmp_path / "hf-cache")) for n in ("sft", "preference"))
    assert sft.num_rows == 1 and pref.num_rows == 3
    assert set(pref.column_names) >= {"prompt", "chosen", "rejected"} and sft[0]["source"]["kind"] == "evolve"


def test_pairs_from_a_bench_store_take_only_verified_samples(tmp_path):
    from parevo.bench.store import BenchStore, Outcome, SampleKey
    from parevo.corpus import pairs_from_runs

    store = BenchStore(tmp_path / "bench" / "bench.sqlite", create=True)
    store.start("b", {})
    rows = [("fast", "ok", True, True, {1: 0.9, 2: 2.4}), ("slow", "ok", True, True, {1: 0.8, 2: 1.1}),
            ("racy", "fail", True, False, {}), ("wrong", "fail", False, None, {})]
    for i, (name, status, correct, race_free, speedups) in enumerate(rows):
        store.add_sample(SampleKey(bench_id="b", prompt_id="builtin/histogram/openmp", task="histogram",
                                   model="openmp", sample=i),
                         Outcome(status=status, stage_reached="timing", built=True, correct=correct,
                                 race_free=race_free, speedups=speedups, code=f"// {name}\n", seconds=1.0))
    store.close()
    o = pairs_from_runs([tmp_path / "bench"], tmp_path / "pairs", min_ratio=1.2)
    assert (o.sft, o.preference, o.verified) == (1, 1, 2)
    (pref,) = [json.loads(x) for x in (tmp_path / "pairs" / "preference.jsonl").read_text().splitlines()]
    assert "// fast" in pref["chosen"] and "// slow" in pref["rejected"] and pref["ratio"] == pytest.approx(2.4 / 1.1, abs=1e-3)
    assert pref["chosen_source"]["kind"] == "bench"
