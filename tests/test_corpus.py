"""parevo corpus generate end to end with the scripted provider: a good exercise is kept; a
failing test, a race only the detector sees, a near-duplicate and a malformed reply are each
rejected for their reason; a rerun spends no LLM call; a budget stops the run cleanly and a
rerun with more budget goes on from the recorded calls."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from parevo.cli import app
from parevo.cli.corpus import register

pytest.importorskip("datasketch", reason="the corpus needs datasketch: pip install datasketch")
pytestmark = pytest.mark.slow
CORPUS = FIXTURES / "corpus"
SCRIPT = CORPUS / "script.yaml"
TOPICS = CORPUS / "topics.txt"
REJECTED = {"sum-of-squares-second-attempt": "tests_failed", "sum-of-squares-with-a-call-counter": "race",
            "sum-of-squares-once-more": "duplicate", "sum-of-squares-format-broken": "malformed"}

if not any(g.name == "corpus" for g in app.registered_groups):  # until parevo/cli/app.py registers it
    register(app)


def corpus(*args: str):
    result = CliRunner().invoke(app, ["corpus", *args], env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def generate(out: Path, *extra: str, script: Path = SCRIPT):
    return corpus("generate", "--llm", f"scripted:{script}", "--seeds", str(TOPICS), "--model", "openmp",
                  "--out", str(out), "--min-speedup", "0", *extra)


def n_calls(out: Path) -> int:
    with sqlite3.connect(out / "corpus.sqlite") as db:
        return db.execute("SELECT count(*) FROM llm_calls").fetchone()[0]


def decisions(out: Path) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(out / "corpus.sqlite") as db:
        rows = db.execute("SELECT seed, status, reason FROM candidates").fetchall()
    return {seed.removeprefix("topic/"): (status, reason) for seed, status, reason in rows}


def records(out: Path) -> list[dict]:
    return [json.loads(line) for split in ("train", "eval", "test")
            for line in (out / f"{split}.jsonl").read_text().splitlines()]


def load_splits(out: Path, tmp_path: Path, names=("train", "eval", "test"), suffix=".jsonl"):
    datasets = pytest.importorskip("datasets", reason="the loading check needs datasets: pip install datasets")
    files = {n: str(out / f"{n}{suffix}") for n in names if (out / f"{n}{suffix}").stat().st_size}
    return datasets.load_dataset("json", data_files=files, cache_dir=str(tmp_path / "hf-cache"))


def test_generate_keeps_only_the_verified_exercise_and_resumes(tmp_path):
    out = tmp_path / "corpus"
    r = generate(out)
    assert r.exit_code == 0, r.output
    got = decisions(out)
    assert got.pop("sum-of-squares-of-an-integer-array") == ("kept", None)
    assert got == {seed: ("rejected", reason) for seed, reason in REJECTED.items()}
    # generate x5, critic x4 and refine x4: the malformed reply never reaches the critic
    assert n_calls(out) == 13

    (kept,) = records(out)
    assert "refined: a reduction clause" in kept["solution"]  # the refined draft, not the first one
    assert "int main()" in kept["test_program"] and "struct Benchmark" in kept["sequential"]
    assert kept["critic_score"] == 4.0 and "critical section" in kept["critique"]
    f = kept["filters"]
    assert f["built"] and f["tests_passed"] and f["race_free"] and f["race_checked"]
    assert f["speedup"] > 0 and f["threads"] >= 1
    assert kept["provenance"]["llm"] == f"scripted:{SCRIPT}" and kept["provenance"]["parevo_version"]

    card = (out / "card.md").read_text()
    for reason in REJECTED.values():
        assert f"| {reason} | 1 |" in card
    assert "1 kept of 5 candidates" in card and "| race-free | 2 | 1 | 50% |" in card

    ds = load_splits(out, tmp_path)
    loaded = [row for split in ds.values() for row in split]
    assert [row["id"] for row in loaded] == [kept["id"]] and loaded[0]["filters"]["race_free"] is True

    before = (out / "card.md").read_text(), n_calls(out)
    r = generate(out)
    assert r.exit_code == 0, r.output
    assert n_calls(out) == before[1], "a rerun of a finished corpus must not call the LLM"
    assert "already decided 5" in r.output and records(out) == [kept]
    assert (out / "card.md").read_text() == before[0]


def test_budget_stops_cleanly_and_a_rerun_goes_on(tmp_path):
    out = tmp_path / "corpus"
    config = tmp_path / "parevo.toml"
    # the scripted model at a dollar a prompt token: the first call spends the whole budget
    config.write_text('[llm.prices]\nscripted = { prompt_per_mtok = 1000000, completion_per_mtok = 0 }\n')
    r = generate(out, "--config", str(config), "--budget", "1")
    assert r.exit_code == 0, r.output
    assert "stopped" in r.output and "budget reached" in r.output
    assert n_calls(out) == 1 and decisions(out) == {}
    assert "stopped: budget reached" in (out / "card.md").read_text()
    assert all((out / f"{s}.jsonl").read_text() == "" for s in ("train", "eval", "test"))

    # No budget now. The first generate call is answered from the store, so a script without
    # that reply lines up with the remaining calls; calling the model again would misalign it.
    import yaml

    rest = yaml.safe_load(SCRIPT.read_text())
    rest["generate"] = rest["generate"][1:]
    (tmp_path / "rest.yaml").write_text(yaml.safe_dump(rest))
    r = generate(out, script=tmp_path / "rest.yaml")
    assert r.exit_code == 0, r.output
    assert n_calls(out) == 13
    got = decisions(out)
    assert got.pop("sum-of-squares-of-an-integer-array") == ("kept", None)
    assert got == {seed: ("rejected", reason) for seed, reason in REJECTED.items()}


def test_filters_reject_a_slow_solution_and_an_unchecked_tbb_one_on_request(build_cache):
    import yaml

    from parevo.corpus import FilterConfig, Filters, Seed, parse_draft
    from parevo.toolchain import probe

    good = parse_draft(yaml.safe_load(SCRIPT.read_text())["refine"][0]).draft
    seed = Seed(id="topic/x", kind="topic", model="openmp", topic="x")
    v = asyncio.run(Filters(FilterConfig(min_speedup=1e6), build_cache).run(seed, good))
    assert v.reason == "too_slow" and v.speedup is not None and v.race_free is True

    if not probe.detect().tbb:
        pytest.skip("oneTBB is not installed")
    tbb = good.model_copy(update={"sequential": None, "has_benchmark": False, "solution": (
        "#include <cstdint>\n#include <vector>\n#include <tbb/parallel_reduce.h>\n#include <tbb/blocked_range.h>\n"
        "std::int64_t sum_of_squares(const std::vector<int>& v) {\n"
        "  return tbb::parallel_reduce(tbb::blocked_range<std::size_t>(0, v.size()), std::int64_t(0),\n"
        "    [&](const tbb::blocked_range<std::size_t>& r, std::int64_t s) {\n"
        "      for (std::size_t i = r.begin(); i != r.end(); ++i) s += (std::int64_t)v[i] * v[i];\n"
        "      return s; }, [](std::int64_t a, std::int64_t b) { return a + b; });\n}\n")})
    tbb_seed = seed.model_copy(update={"model": "tbb"})
    kept = asyncio.run(Filters(FilterConfig(), build_cache).run(tbb_seed, tbb))
    assert kept.reason is None and kept.race_checked is False and kept.race_free is None and kept.tests_passed
    dropped = asyncio.run(Filters(FilterConfig(keep_unchecked=False), build_cache).run(tbb_seed, tbb))
    assert dropped.reason == "race_unchecked"


def test_a_builtin_task_seed_is_judged_by_the_cascade(tmp_path):
    out = tmp_path / "corpus"
    r = corpus("generate", "--llm", f"scripted:{CORPUS / 'task_histogram.yaml'}", "--seeds", "task:histogram",
               "--model", "openmp", "--out", str(out), "--critic-rounds", "0", "--quick", "--min-speedup", "0")
    assert r.exit_code == 0, r.output
    (kept,) = records(out)
    assert kept["seed"] == "task/histogram" and kept["task"] == "histogram" and kept["seed_kind"] == "task"
    f = kept["filters"]
    assert f["built"] and f["tests_passed"] and f["race_free"] is True and f["race_checked"] is True
    assert f["speedup"] is not None and f["threads"] >= 1  # over the task's baseline, from the timing stage
    assert kept["critique"] is None and kept["critic_score"] is None


def test_candidates_in_flight_together_keep_no_two_near_duplicates(tmp_path, monkeypatch):
    """--jobs: candidates are generated and filtered side by side (with --ray, on the cluster's
    nodes); three copies of one good exercise are filtered at once and only one is kept."""
    import yaml

    from parevo.corpus.filters import Filters

    good = yaml.safe_load(SCRIPT.read_text())["generate"][0]
    (tmp_path / "same.yaml").write_text(yaml.safe_dump({"generate": [good] * 3}))
    (tmp_path / "topics.txt").write_text("sum of squares\nsum of squares again\nsum of squares, third\n")
    inside, most = 0, 0
    run = Filters.run

    async def counted(self, seed, draft):
        nonlocal inside, most
        inside += 1
        most = max(most, inside)
        try:
            return await run(self, seed, draft)
        finally:
            inside -= 1

    monkeypatch.setattr(Filters, "run", counted)
    out = tmp_path / "corpus"
    r = corpus("generate", "--llm", f"scripted:{tmp_path / 'same.yaml'}", "--seeds", str(tmp_path / "topics.txt"),
               "--model", "openmp", "--out", str(out), "--min-speedup", "0", "--critic-rounds", "0", "--jobs", "3")
    assert r.exit_code == 0, r.output
    assert most >= 2, "the candidates were filtered one at a time"
    assert sorted(decisions(out).values()) == [("kept", None), ("rejected", "duplicate"), ("rejected", "duplicate")]
