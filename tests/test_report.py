"""`parevo report` on small stores built through the store APIs with synthetic rows (no compiling):
the numbers worked out by hand appear on the page, the page is self-contained, it renders in
headless Chromium to a non-blank picture, a run still `started` reports, a bad path says why."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from parevo.bench.store import BenchStore, Outcome, SampleKey
from parevo.cli.report import register
from parevo.errors import ParevoError
from parevo.runstore import RunStore
from parevo.llm.types import CallRecord, Completion, Usage
from parevo.report import data, write_report

# (task, prompt, model) -> samples: (status, stage_reached, built, correct, race_free, speedups, feedback)
PASS = ("ok", "timing", True, True, True)
BENCH = {
    ("bfs", "builtin/bfs/openmp", "openmp"): [
        (*PASS, {1: 0.9, 2: 1.7, 4: 3.1}, ""),
        (*PASS, {1: 1.0, 2: 1.8, 4: 2.9}, ""),
        ("fail", "correctness", True, False, None, {}, "wrong result on family rmat at 2 threads\nvertex 17: got 3"),
    ],
    ("cc", "builtin/cc/openmp", "openmp"): [
        (*PASS, {1: 0.8, 2: 1.3, 4: 2.0}, ""),
        ("fail", "race", True, True, False, {}, "data race: write at cand.cpp:41 vs read at cand.cpp:57"),
        ("no_code", "static", False, False, None, {}, "reply without code"),
    ],
    ("bfs", "builtin/bfs/tbb", "tbb"): [
        ("ok", "timing", True, True, None, {1: 0.7, 2: 1.2, 4: 1.9}, ""),
        ("fail", "build", False, False, None, {}, "cand.cpp:12: error: 'tbb::parallel_fer' is not a member"),
        ("fail", "build", False, False, None, {}, "cand.cpp:12: error: 'tbb::parallel_fer' is not a member"),
    ],
    ("cc", "builtin/cc/tbb", "tbb"): [
        ("fail", "correctness", True, False, None, {}, "wrong result on family grid2d at 4 threads"),
        ("fail", "timing", True, False, None, {}, "timing run gave a wrong answer"),
        ("error", "build", False, False, None, {}, "sandbox unavailable: cgroup could not be created"),
    ],
}
# By hand: openmp pass@1 = mean(2/3, 1/3) = 0.500; tbb pass@1 = mean(1/3, 0/3) = 0.167.
# openmp speedup_4@1 = mean(mean(3.1, 2.9, 0), mean(2.0, 0, 0)) = mean(2.0, 0.667) = 1.33.
# build@1: openmp mean(3/3, 2/3) = 0.833, tbb mean(1/3, 2/2) = 0.667 (the verifier error is excluded).


def make_bench(root: Path, name: str = "synth") -> Path:
    store = BenchStore(root / name / "bench.sqlite", create=True)
    store.start(name, {"suite": "builtin", "mode": "oneshot", "llm": "scripted:x.yaml", "samples": 3,
                       "models": ["openmp", "tbb"], "skipped": []})
    for (task, prompt, model), samples in BENCH.items():
        for i, (status, stage, built, correct, race_free, speedups, feedback) in enumerate(samples):
            store.add_sample(SampleKey(bench_id=name, prompt_id=prompt, task=task, model=model, sample=i),
                             Outcome(status=status, stage_reached=stage, built=built, correct=correct,
                                     race_free=race_free, speedups=speedups,
                                     speedup_vs_reference=(speedups[4] / 2.5 if speedups else None),
                                     feedback=feedback, code="int main() {}", seconds=1.0))
    store.finish(name, "finished")
    store.close()
    return root / name


def program(store: RunStore, run_id: str, iteration: int, island: int, parent: int | None, viable: bool,
            fitness: float | None, status: str = "ok", stage: str = "profile", feedback: str = "") -> int:
    speedups = {"1": fitness / 1.6, "2": fitness} if fitness else {}
    return store.add_program(run_id=run_id, iteration=iteration, island=island, generation=iteration,
                             parent_id=parent, origin="seed" if parent is None else "mutate", repair_turn=0,
                             code="// c", code_sha256=f"{iteration}{island}", status=status, stage_reached=stage,
                             viable=viable, fitness=fitness, spread=0.05, feedback=feedback,
                             metrics={"speedup_by_threads": speedups, "speedup": fitness} if fitness else {},
                             features={}, result=None, edit=None, eval_seconds=1.0)


def make_started_run(root: Path, run_id: str = "bfs-live") -> RunStore:
    """A run still being written: status `started`, the writer's connection left open."""
    store = RunStore(root / run_id / "run.sqlite", create=True)
    store.start_run(run_id, "bfs", "openmp", {"task": "bfs", "model": "openmp", "llm": "openai:gpt-x",
                                              "config": {"evolve": {"iterations": 8, "islands": 2, "seed": 3}},
                                              "compiler": "g++ 12.2.0", "cpus": 2})
    store.event(run_id, "session_start", resumed=False)
    seed = program(store, run_id, 0, 0, None, True, 1.1)
    a = program(store, run_id, 1, 0, seed, True, 1.9)
    program(store, run_id, 2, 1, a, False, None, "fail", "race",
            "data race: write at cand.cpp:9 vs read at cand.cpp:12")
    program(store, run_id, 3, 1, a, True, 3.4)
    comp = Completion(text="x", model="gpt-x", provider="openai", usage=Usage(prompt_tokens=100, completion_tokens=50))
    record = CallRecord(seq=0, role="mutate", key="k", messages=[], completion=comp,
                        started_at="2026-01-01T00:00:00+00:00", provider="openai", model="gpt-x")
    store.add_call(run_id, record, 1)
    return store


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    bench = make_bench(root / "benches")
    live = make_started_run(root / "runs")
    try:
        paths = write_report([str(bench), str(root / "runs" / "bfs-live")], root / "out")
    finally:
        live.close()
    return paths


def _cells(html: str, first: str) -> list[str]:
    row = re.search(r"<tr[^>]*>\s*<td[^>]*>" + re.escape(first) + r"</td>(.*?)</tr>", html, re.S)
    assert row, f"no row {first}"
    return re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))


def test_model_table_holds_hand_worked_numbers(report):
    html = report.html.read_text()
    assert _cells(html, "pass@1") == ["0.500", "0.167", "1.000"]  # the evolve run scores its best program
    assert _cells(html, "build@1") == ["0.833", "0.667", "1.000"]
    assert _cells(html, "speedup_P@1")[0] == "1.33"
    assert _cells(html, "race_free@1")[1] == "–"  # tbb: no detector judged a sample
    assert "pass@5" not in html  # 3 samples per prompt: k=5 is not estimable
    assert _cells(html, "LLM cost (whole run)") == ["no LLM calls", "no LLM calls", "unknown"]
    assert "$0.00" not in html


def test_page_is_self_contained_and_complete(report):
    html = report.html.read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "<link" not in html and "<script" not in html
    assert html.count('src="data:image/png;base64,') == 5  # distribution, scaling, stages, evolution, lineage
    for text in ("Speedup distribution per task", "Thread scaling", "Outcome per stage", "Evolution: bfs-live",
                 "Lineage: bfs-live", "still running", "wrong result on family rmat at 2 threads",
                 "data race: write at cand.cpp:41 vs read at cand.cpp:57", "failed at build", "no code"):
        assert text in unescape(html), text
    assert "vertex 17" not in html  # only the first line of feedback


def test_task_table_and_failures(report):
    tasks = data.task_table(data.load([str(report.html.parent.parent / "benches" / "synth")]))
    bfs = next(r for r in tasks.rows if r[:2] == ["bfs", "synth · openmp"])
    assert bfs[2:] == ["3", "2", "3.10", "3.00", "1.24"]  # best 3.1, median of 3.1 and 2.9, 3.1 / 2.5
    md = report.markdown.read_text()
    assert "| pass@1 | 0.500 | 0.167 | 1.000 |" in md
    assert "| 2 | cand.cpp:12: error: 'tbb::parallel_fer' is not a member | bfs (2) | synth · tbb |" in md  # names the task


def test_started_run_reports_its_progress(report):
    html = unescape(report.html.read_text())
    assert "program #4, 3.40x" in html
    assert "4 (3 viable)" in html
    assert "not yet" in html  # not finished


def test_bad_path_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ParevoError, match=r"empty: neither a bench directory \(bench.sqlite\) nor an evolve run"):
        data.resolve(str(tmp_path / "empty"))
    with pytest.raises(ParevoError, match=r"nope: neither .* and no such id under"):
        data.resolve("nope", tmp_path / "b", tmp_path / "r")
    app = typer.Typer()
    register(app)
    app.command()(lambda: None)
    result = CliRunner().invoke(app, ["report", str(tmp_path / "empty"), "--out", str(tmp_path / "o")])
    assert isinstance(result.exception, ParevoError)
    assert not (tmp_path / "o" / "report.html").exists()


def test_ids_resolve_under_the_given_dirs(tmp_path):
    make_bench(tmp_path / "benches", "b7")
    make_started_run(tmp_path / "runs", "r7").close()
    app = typer.Typer()
    register(app)
    app.command()(lambda: None)
    result = CliRunner().invoke(app, ["report", "b7", "r7", "--bench-dir", str(tmp_path / "benches"),
                                      "--runs-dir", str(tmp_path / "runs"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "o" / "report.html") in result.output.replace("\n", "")
    assert "b7 · tbb" in (tmp_path / "o" / "summary.md").read_text()


def _chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def test_renders_in_headless_chromium(report):
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium binary found (chromium, chromium-browser or google-chrome)")
    from PIL import Image, ImageStat

    shot = report.html.parent / "screenshot.png"
    flags = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2400"]
    url = report.html.resolve().as_uri()
    subprocess.run([*flags, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2400)
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 200  # text, tables and plots, not a blank page
    assert max(ImageStat.Stat(image).stddev) > 20
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True).stdout
    text = unescape(re.sub(r"<[^>]+>", " ", re.sub(r'src="data:[^"]*"', "", dom)))
    for number in ("0.500", "0.167", "1.33", "0.833", "program #4, 3.40x"):
        assert number in text, number
