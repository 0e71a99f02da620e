"""ParEval's problems in the rayon model: every Rust view's two halves are checked cheaply but for
real (all C++ adapters in one g++ run, all generated entry calls type-checked against their
signatures in one rustc run); relu's Rayon reference goes through the quick cascade and `parevo
bench --suite pareval --models rayon` runs two more end to end. The other references:
benchmarks/pareval_rayon_references.py."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parevo import EvalConfig, evaluate
from parevo.bench.items import pareval_items
from parevo.bench.store import BenchStore
from parevo.paths import PACKAGE_DIR
from parevo.bench import pareval as pe
from parevo.toolchain import rust
from parevo.verify import rustbuild

VIEWS = [pe.get_pareval_task(t) for t in pe.pareval_task_ids() if (pe.TASKS_DIR / t / "rust" / "rust.toml").is_file()]
STD = ["algorithm", "array", "cmath", "complex", "cstddef", "cstdint", "limits", "numeric", "string", "vector"]
needs_rust = pytest.mark.skipif(bool(rust.detect().missing()), reason=rust.detect().missing() or "Rust present")


def test_every_view_is_declared_and_every_rayon_task_has_one():
    assert len(VIEWS) == 60
    for tid in pe.pareval_task_ids():
        t = pe.get_pareval_task(tid)
        assert ("rayon" in t.spec.models) == (t.root / "rust" / "rust.toml").is_file(), t.id


def test_adapters_define_the_task_function_and_compile(tmp_path):
    """One translation unit: each task's types.hpp and adapter in a namespace of its own (the
    structs of different problems share names), the standard headers first. Each adapter must
    define exactly the task's C++ signature (the harness calls that function)."""
    unit = [f"#include <{h}>" for h in STD] + ['#include "adapter.hpp"']
    for i, task in enumerate(VIEWS):
        text = (task.root / "rust" / "adapter.cpp").read_text()
        assert task.spec.signature + " {" in text, f"{task.id}: rust/adapter.cpp does not define `{task.spec.signature}`"
        unit += [f"namespace t{i} {{", f'#include "{task.root / "types.hpp"}"', f'#include "{task.root / "rust" / "adapter.cpp"}"', "}"]
    (tmp_path / "all.cpp").write_text("\n".join(unit) + "\n")
    r = subprocess.run(["g++", "-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", f"-I{rustbuild.RUST_DIR}",
                        f"-I{PACKAGE_DIR / 'runtime' / 'include'}", "all.cpp"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]


def _stub(signature: str) -> str:
    return f"{signature} {{ unimplemented!() }}"


@needs_rust
def test_entry_calls_typecheck_against_their_signatures(tmp_path, _session_cache):
    """Each view's `call` statements, with the crate root's imports, next to a candidate module
    that defines the signature (body `unimplemented!()`), all in one crate: rustc's type check
    proves every call passes the arguments the signature takes and emits what it returns."""
    tc = rust.detect()
    deps = rust.deps(tc)
    imports = [line for line in rustbuild.crate_root(rustbuild.RustTaskSpec("", "", "", Path())).splitlines()
               if line.startswith("use ")]
    crate = ["#![allow(unused_imports, dead_code, unused_variables, unreachable_code)]"]
    for i, task in enumerate(VIEWS):
        spec = rustbuild.task_spec(task.root)
        assert spec is not None
        crate += [f"mod t{i} {{", *imports, "mod candidate { use parevo_rt::*; " + _stub(spec.signature) + " }",
                  "pub unsafe fn call(a: &[Arg], out: &Out) {", spec.call, "}", "}"]
    (tmp_path / "lib.rs").write_text("\n".join(crate) + "\n")
    r = subprocess.run([tc.rustc, "--edition", rustbuild.EDITION, "--crate-type", "lib", "--emit=metadata",
                        "--error-format", "short", "-L", f"dependency={deps.deps_dir}",
                        *[f"--extern={k}={v}" for k, v in sorted(deps.externs.items())], "lib.rs"],
                       cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]


def test_rayon_items_use_parevos_prompt_and_skip_tasks_without_a_view(tmp_path, monkeypatch):
    items, skipped = pareval_items(["rayon"], ["55", "03_dense_la_axpy"], None)
    assert [i.prompt_id for i in items] == ["pareval/03_dense_la_axpy/rayon", "pareval/55_transform_relu/rayon"]
    assert skipped == []
    prompt = items[1].messages[-1].content
    assert "pub fn relu(x: &mut [f64])" in prompt and "```rust" in prompt and "in place" in prompt
    # a ParEval task without a Rust view: skipped with the reason, the others still items
    for t in ("pareval_55_transform_relu", "pareval_58_transform_squaring"):
        shutil.copytree(pe.TASKS_DIR / t, tmp_path / t)
    bare = tmp_path / "pareval_58_transform_squaring"
    shutil.rmtree(bare / "rust")
    toml = (bare / "task.toml").read_text()
    (bare / "task.toml").write_text(re.sub(r',\s*"rayon"|"rayon",\s*', "", toml, count=1))
    assert '"rayon"' not in (bare / "task.toml").read_text()
    monkeypatch.setattr(pe, "TASKS_DIR", tmp_path)
    items, skipped = pareval_items(["rayon"], None, None)
    assert [i.prompt_id for i in items] == ["pareval/55_transform_relu/rayon"]
    assert [(s.prompt_id, s.reason) for s in skipped] == [("pareval/58_transform_squaring/rayon",
                                                          "no Rust view (rust/rust.toml) for this problem")]


@needs_rust
def test_relu_reference_passes_the_quick_cascade(build_cache):
    """An in-place problem (`&mut [f64]`): the harness's own vector is what the candidate writes."""
    task = pe.get_pareval_task("55_transform_relu")
    r = evaluate(task, task.reference_source("rayon") or "", "rayon", EvalConfig.quick(), cache=build_cache)
    assert r.status == "ok" and r.stage("race").metrics.get("by_construction"), r.feedback


@pytest.mark.slow
@needs_rust
def test_bench_runs_two_rayon_references(tmp_path):
    r = subprocess.run([sys.executable, "-m", "parevo.cli", "bench", "--suite", "pareval", "--solutions", "reference",
                        "--models", "rayon", "--quick", "--tasks", "14,40", "--name", "rr"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "200"})
    assert r.returncode == 0, r.stdout + r.stderr
    rows = BenchStore(tmp_path / "parevo-bench" / "rr" / "bench.sqlite", readonly=True).samples("rr")
    assert sorted(x.prompt_id for x in rows) == ["pareval/14_geometry_closest_pair_1d/rayon",
                                                "pareval/40_sort_sort_an_array_of_complex_numbers_by_magnitude/rayon"]
    assert all(x.status == "ok" and x.race_free for x in rows), [(x.prompt_id, x.status, x.feedback) for x in rows]
