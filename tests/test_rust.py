"""The rayon model: safe Rust candidates through the same cascade as C++ ones.

The token check is tested on its own (no toolchain needed); the rest needs Debian's cargo, rustc
and librust-rayon-dev and skips with the reason when they are absent. Rayon is compiled once per
session (the first test that builds pays for it); the expert references of the Rust tasks go
through the cascade in tests/test_suite.py like every other reference.
"""

from __future__ import annotations

import json
import time

import pytest

from conftest import FIXTURES, fixture_expectation
from parevo import EvalConfig, evaluate, get_task
from parevo.toolchain import rust
from parevo.verify import rustbuild, rustcheck

QUICK = EvalConfig.quick(check_threads=[1, 2, 3], race_threads=[2, 3], race_timing_size=False)
RUST_FIXTURES = sorted((FIXTURES / "rust").glob("*.rs"))
needs_rust = pytest.mark.skipif(bool(rust.detect().missing()), reason=rust.detect().missing() or "Rust present")


def _task_of(path) -> str:
    return "histogram" if path.stem.startswith("histogram") else path.stem.split("_")[0]


@pytest.mark.parametrize("text", [
    "pub fn f() { unsafe { } }",
    "pub fn f() { let x = include_bytes!(\"/etc/passwd\"); }",
    "use std as s; pub fn f() { s::fs::read(\"x\"); }",
    "use std::{fs as f}; pub fn f() {}",
    "use std::include as inc; pub fn f() {}",
    "pub fn f() { let r#unsafe = 1; }",
    "#![allow(unsafe_code)] pub fn f() {}",
    "#[no_mangle] pub fn f() {}",
    "#[export_name = \"parevo_entry_call\"] pub fn f() {}",
    "#[path = \"/work/x.rs\"] mod m; pub fn f() {}",
    "mod helpers; pub fn f() {}",
    "extern crate std as s2; pub fn f() {}",
    "pub fn f() { std::thread::spawn(|| ()); }",
    "use std::thread; pub fn f() {}",
    "pub fn f() { std::process::exit(0) }",
    "pub fn f() { let h = env!(\"HOME\"); }",
    "pub fn f() { core::arch::global_asm!(\"\"); }",
    "pub fn f() { rayon::ThreadPoolBuilder::new().num_threads(64).build().unwrap(); }",
])
def test_token_check_refuses_escapes(text):
    assert rustcheck.check(text + " use rayon::prelude::*;", "f"), text


def test_token_check_ignores_comments_strings_and_ordinary_names():
    ok = '''
    // unsafe include!("/etc/passwd") in a comment; /* nested /* unsafe */ fs */
    use rayon::prelude::*;
    pub fn f<'a>(xs: &'a [u32], thread: usize, path: &str) -> usize {
        let s = "unsafe std::fs #![allow] include!"; let r = r#"extern "C" fn"#; let c = '"'; let b = b'\\'';
        #[inline] fn helper(x: u32) -> u32 { x + 1 }
        xs.par_iter().map(|&x| helper(x) as usize).sum::<usize>() + thread + path.len() + s.len() + r.len()
            + c.len_utf8() + b as usize
    }
    '''
    assert rustcheck.check(ok, "f") == []


def test_token_check_reports_the_line_and_requires_the_function_and_rayon():
    [p] = rustcheck.check("use rayon::prelude::*;\n\npub fn f() {\n  unsafe { }\n}\n", "f")
    assert p.line == 4 and "forbid(unsafe_code)" in str(p)
    assert "must define `pub fn g`" in str(rustcheck.check("use rayon::prelude::*; pub fn f() {}", "g")[0])
    assert "must use Rayon" in str(rustcheck.check("pub fn f() {}", "f")[0])


@needs_rust
@pytest.mark.parametrize("path", RUST_FIXTURES, ids=[p.stem for p in RUST_FIXTURES])
def test_fixture_fails_in_its_stage(path, build_cache):
    stage, status = fixture_expectation(path)
    result = evaluate(get_task(_task_of(path)), path.read_text(), "rayon", QUICK, cache=build_cache)
    assert (result.stage_reached, result.status) == (stage, status), result.feedback
    if stage == "timing":
        assert "no parallel work was observed" in result.feedback


@needs_rust
def test_good_program_passes_and_race_is_proven(build_cache):
    task = get_task("bfs")
    result = evaluate(task, task.reference_source("rayon"), "rayon", QUICK.model_copy(update={"timing": False}),
                      cache=build_cache)
    assert result.status == "ok", result.feedback
    race = result.stage("race")
    assert (race.status, race.metrics["by_construction"]) == ("ok", True)
    assert "race-free by construction (safe Rust" in race.detail
    assert result.race_free is True
    assert result.stage("correctness").metrics["parallel_share"] > 0.05  # Rayon's workers did work


def _unchecked(monkeypatch):
    """Skip the token check, to show what the build itself enforces behind it."""
    monkeypatch.setattr(rustcheck, "check", lambda source, function: [])


@needs_rust
def test_build_forbids_unsafe_even_past_the_token_check(monkeypatch, build_cache):
    _unchecked(monkeypatch)
    source = (FIXTURES / "rust" / "bfs_unsafe.rs").read_text()
    for text in (source, "#![allow(unsafe_code)]\n" + source):
        result = evaluate(get_task("bfs"), text, "rayon", QUICK, cache=build_cache)
        assert (result.stage_reached, result.status) == ("build", "fail"), result.feedback
        assert "unsafe code, which the rayon model forbids" in result.feedback


@needs_rust
def test_build_cannot_read_parevo_files_past_the_token_check(monkeypatch, build_cache):
    _unchecked(monkeypatch)
    harness = rustbuild.paths.CXX_DIR / "harness_main.cpp"
    assert harness.is_file()
    source = (f'use parevo_rt::Graph; use rayon::prelude::*;\nconst S: &str = include_str!("{harness}");\n'
              "pub fn bfs_levels(g: &Graph, s: i32) -> Vec<i32> { (0..g.n).into_par_iter().map(|_| S.len() as i32 + s).collect() }\n")
    result = evaluate(get_task("bfs"), source, "rayon", QUICK, cache=build_cache)
    assert (result.stage_reached, result.status) == ("build", "fail"), result.feedback
    assert "harness_main.cpp" in result.feedback  # rustc could not open it: the sandbox hides parevo's package


@needs_rust
def test_rayon_is_compiled_once_across_candidates(build_cache):
    first = rust.deps()  # built now, or earlier in this session
    info = json.loads((first.deps_dir.parents[2] / "deps.json").read_text())
    rlibs = {p: p.stat().st_mtime_ns for p in first.externs.values()}
    task = get_task("bfs")
    # A candidate no one has built: its library is compiled now, against the Rayon compiled before.
    source = task.reference_source("rayon") + f"\nconst _NONCE: u64 = {time.time_ns()};\n"
    result = evaluate(task, source, "rayon", QUICK.model_copy(update={"timing": False, "check_threads": [2]}),
                      cache=build_cache)
    assert result.status == "ok", result.feedback
    assert not result.stage("build").metrics["cached"]
    again = rust.deps()
    assert again.seconds == 0 and again.key == first.key
    assert {p: p.stat().st_mtime_ns for p in again.externs.values()} == rlibs  # no rlib was rebuilt
    assert len(list(first.deps_dir.parents[3].glob("deps-*/deps.json"))) == 1
    assert info["seconds"] > 0  # it was built once, by cargo (benchmarks/rust_build_cache.py times both)


def test_rayon_prompts_show_the_rust_view_and_replies_give_rust_code():
    from parevo.evolve.edits import apply_reply
    from parevo.llm.extract import extract_code
    from parevo.prompting import task as prompting

    task = get_task("bfs")
    system, user = prompting.mutate_messages(task, "rayon", prompting.SCRATCH, edit="rewrite")
    assert "#![forbid(unsafe_code)]" in system.content and "`pub fn bfs_levels(g: &Graph, source: i32) -> Vec<i32>`" in system.content
    assert "parevo_rt::Graph" in user.content and "Rayon guidance" in user.content and "```rust block" in user.content
    reply = "Idea.\n```cpp\nint x;\n```\n```rust\nuse rayon::prelude::*;\npub fn bfs_levels() -> Vec<i32> { vec![] }\n```\n"
    assert extract_code(reply, function="bfs_levels", language="rust").code.startswith("use rayon::prelude::*;")
    assert apply_reply("", reply, mode="rewrite", function="bfs_levels", language="rust").code is not None
    assert "C++20" in prompting.system_prompt(task, "openmp")  # the C++ prompts are unchanged
