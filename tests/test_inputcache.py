"""The shared input cache (verify/inputcache.py, cxx/input_cache.hpp): a timing input is generated
once and read back, a damaged file is generated again, and the candidate can neither read nor
write the cache."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from parevo import EvalConfig, get_task
from parevo.toolchain import models as pm
from parevo.toolchain import probe
from parevo.verify import inputcache, measure
from parevo.verify.context import EvalContext
from parevo.verify.harness import CaseSpec, run_harness

pytestmark = pytest.mark.skipif(not inputcache.usable(),
                                reason="the input cache needs root and bubblewrap (it is off elsewhere)")

SIZE = 3000
FAMILIES = ("rmat", "uniform")


@pytest.fixture
def cache_root(tmp_path, monkeypatch):
    monkeypatch.setattr(inputcache, "root", lambda: tmp_path / "inputs")
    return tmp_path / "inputs"


def _context(build_cache, source: str | None = None) -> EvalContext:
    task = get_task("bfs")
    ctx = EvalContext(task, pm.get_model("openmp"), source or task.reference_source("openmp"), probe.detect(),
                      build_cache, EvalConfig.quick(timing_threads=[1, 2]))
    binary, _ = ctx.build_program(ctx.source, ctx.model.flags(ctx.toolchain))
    assert binary.ok, binary.log[-2000:]
    ctx.binaries["candidate"] = binary
    return ctx


def _run(ctx: EvalContext, cache: inputcache.InputCache | None, seed: int = 4242):
    run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path,
                      [CaseSpec(f, SIZE, seed) for f in FAMILIES], [1, 2], ctx.limits(60.0), reps=2,
                      input_cache=cache, describe_every_input=True)  # the shapes tell the inputs apart
    assert not run.failure(), run.failure()
    return run


def _by_family(run) -> dict[str, tuple[str, str]]:
    return {c.family: (c.shape, c.cache) for c in run.at(1)}


def test_an_input_is_generated_once_read_back_and_regenerated_when_damaged(build_cache, cache_root):
    ctx = _context(build_cache)
    cache = measure._input_cache(ctx)
    assert cache is not None and cache.directory.parent == cache_root
    plain = _run(ctx, None)
    first, second = _run(ctx, cache), _run(ctx, cache)
    shapes = {f: s for f, (s, _) in _by_family(plain).items()}
    assert _by_family(first) == {f: (shapes[f], "miss") for f in FAMILIES}
    assert _by_family(second) == {f: (shapes[f], "hit") for f in FAMILIES}
    assert all(c.cache == "" for c in plain.cases)
    # The directory and its files are root's alone; the directory is named after the harness build.
    assert stat.S_IMODE(cache_root.stat().st_mode) == stat.S_IMODE(cache.directory.stat().st_mode) == 0o700
    files = sorted(cache.directory.glob("*.in"))
    assert len(files) == 2 and all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in cache.directory.iterdir())
    assert cache.directory.name == inputcache._digest(ctx.harness().path) and len(cache.directory.name) == 16
    # Damage: one file cut short, one with a flipped payload byte (the checksum catches it).
    files[0].write_bytes(files[0].read_bytes()[:100])
    data = bytearray(files[1].read_bytes())
    data[-5] ^= 0xFF
    files[1].write_bytes(bytes(data))
    again, then = _run(ctx, cache), _run(ctx, cache)
    assert _by_family(again) == {f: (shapes[f], "miss") for f in FAMILIES}
    assert _by_family(then) == {f: (shapes[f], "hit") for f in FAMILIES}
    # Another seed is another input.
    assert {c for _, c in _by_family(_run(ctx, cache, seed=7)).values()} == {"miss"}


def test_eviction_keeps_the_cache_under_its_bound(build_cache, cache_root):
    ctx = _context(build_cache)
    cache = measure._input_cache(ctx)
    _run(ctx, cache)
    inputs = lambda: sorted(p.name for p in cache.directory.glob("*.in"))  # noqa: E731
    sizes = sorted(f.stat().st_size for f in cache.directory.iterdir() if f.name != "digest.key")
    old = cache.directory / "0000000000000000.in"
    old.write_bytes(b"x" * 1000)
    os.utime(old, (1, 1))
    stale = cache.directory / "0000000000000001.in.tmp99"
    stale.write_bytes(b"partial")
    os.utime(stale, (1, 1))
    inputcache.InputCache(cache.directory, sum(sizes)).evict()
    assert not old.exists() and not stale.exists() and len(inputs()) == 2
    older_build = cache.directory.parent / "0123456789abcdef"
    older_build.mkdir()
    (older_build / "0000000000000002.in").write_bytes(b"y" * 10)
    os.utime(older_build / "0000000000000002.in", (1, 1))
    inputcache.InputCache(cache.directory, sizes[-1]).evict()
    assert len(inputs()) == 1 and not older_build.exists()
    # An evicted input's records went with it; the directory's key stays.
    assert sorted(p.stem for p in cache.directory.glob("*.ok")) == [Path(n).stem for n in inputs()]
    assert (cache.directory / "digest.key").exists()


def test_the_cache_is_not_used_where_the_candidate_could_reach_it(build_cache, cache_root, tmp_path, monkeypatch):
    ctx = _context(build_cache)
    assert measure._input_cache(dataclasses.replace(ctx, config=EvalConfig.quick(input_cache=False))) is None
    # Not root: the candidate process would run as the harness's own user.
    with monkeypatch.context() as m:
        m.setattr(os, "geteuid", lambda: 1000)
        assert inputcache.for_harness(ctx.harness().path, 1 << 30) is None
    # A directory that is not a private one of ours (a link planted in its place) is not trusted.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o777)
    cache_root.mkdir(mode=0o700)
    (cache_root / inputcache._digest(ctx.harness().path)).symlink_to(elsewhere)
    assert inputcache.for_harness(ctx.harness().path, 1 << 30) is None
    # Where the candidate process keeps the harness's user (--keep-user: no private view), the
    # harness ignores --input-cache itself.
    work = tmp_path / "work"
    work.mkdir()
    shutil.copyfile(ctx.binaries["candidate"].path, work / "c.so")
    out = subprocess.run([str(ctx.harness().path), "--lib", str(work / "c.so"), "--threads", "1", "--deadline", "30",
                          "--reserve", str(1 << 30), "--keep-user", "--input-cache", str(elsewhere)],
                         input=f"rmat {SIZE} 5\n", capture_output=True, text=True, timeout=60, cwd=work)
    case = next(json.loads(line) for line in out.stdout.splitlines() if '"event":"case"' in line)
    assert case["valid"] and "cache" not in case and list(elsewhere.iterdir()) == []


# A candidate that looks for the cache everywhere it could be, by path and through its parent (the
# harness) in /proc, and tries to plant a file; it prints what it tried and what it got, and
# answers correctly (a BFS) only if it got nothing.
ATTACK = r"""
#include "types.hpp"
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

static int probe(const std::string& path) {
  int got = 0;
  if (DIR* d = opendir(path.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n == "." || n == "..") continue;
      int fd = open((path + "/" + n).c_str(), O_RDONLY);
      if (fd >= 0) { std::fprintf(stderr, "ATTACK-GOT %s/%s\n", path.c_str(), n.c_str()); ++got; close(fd); }
      else std::fprintf(stderr, "ATTACK-LISTED %s/%s\n", path.c_str(), n.c_str()), ++got;
    }
    closedir(d);
  }
  int fd = open((path + "/planted.in").c_str(), O_WRONLY | O_CREAT, 0666);
  if (fd >= 0) { std::fprintf(stderr, "ATTACK-WROTE %s\n", path.c_str()); ++got; close(fd); }
  std::fprintf(stderr, "ATTACK-TRIED %s\n", path.c_str());
  return got;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {
  std::string parent = "/proc/" + std::to_string(getppid());
  int got = probe("/tmp/parevo-inputs") + probe("HOST_DIR") + probe("HOST_ROOT") + probe(parent + "/fd") +
            probe(parent + "/map_files") + probe(parent + "/cwd/../parevo-inputs") +
            probe(parent + "/root/tmp/parevo-inputs");
  std::vector<std::int32_t> level(g.n, -1);
  std::deque<std::int32_t> q;
  if (g.n > 0) { level[source] = 0; q.push_back(source); }
  #pragma omp parallel
  {}
  while (!q.empty()) {
    std::int32_t u = q.front(); q.pop_front();
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (level[g.targets[k]] < 0) { level[g.targets[k]] = level[u] + 1; q.push_back(g.targets[k]); }
  }
  if (got && g.n > 0) level[0] = -7;  // a wrong answer: the cache was reachable
  return level;
}
"""


def test_the_candidate_can_neither_read_nor_write_the_cache(build_cache, cache_root):
    honest = _context(build_cache)
    cache = measure._input_cache(honest)
    _run(honest, cache)  # the cache now holds this run's inputs
    before = sorted(p.name for p in cache.directory.iterdir())
    source = ATTACK.replace("HOST_DIR", str(cache.directory)).replace("HOST_ROOT", str(cache_root))
    ctx = _context(build_cache, source)
    run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, [CaseSpec(f, SIZE, 4242) for f in FAMILIES],
                      [1, 2], ctx.limits(60.0), reps=2, input_cache=cache)
    err = run.outcome.stderr
    assert err.count("ATTACK-TRIED") >= 7, err[-2000:]
    assert "ATTACK-GOT" not in err and "ATTACK-LISTED" not in err and "ATTACK-WROTE" not in err, err[-2000:]
    assert not run.failure() and {c.cache for c in run.cases} == {"hit"}
    assert sorted(p.name for p in cache.directory.iterdir()) == before
    # The attack is real: against a directory anyone may read it gets the files, and its verdict
    # is a wrong answer (the candidate's failure), never a verifier error.
    cache.directory.chmod(0o755)
    for f in cache.directory.iterdir():
        f.chmod(0o644)
    run = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, [CaseSpec("rmat", SIZE, 4242)], [1],
                      ctx.limits(60.0), reps=2, input_cache=cache)
    assert "ATTACK-GOT /tmp/parevo-inputs/" in run.outcome.stderr and "wrong answer" in run.failure()


OFF_BY_ONE = """
#define bfs_levels bfs_levels_right
{reference}
#undef bfs_levels
std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {{
  std::vector<std::int32_t> level = bfs_levels_right(g, source);
  if (!level.empty()) level.back() += 1;  // wrong on every input
  return level;
}}
"""


def test_outputs_validated_on_a_cached_input_are_not_validated_again_by_later_runs(build_cache, cache_root):
    """The validator runs once per cached input and distinct output across runs (the records
    beside the input, under the directory's secret digest key); different bytes, damaged records
    and another key all mean validating again, and a wrong candidate still fails."""
    ctx = _context(build_cache)
    cache = measure._input_cache(ctx)

    def validations(run) -> list[int]:
        return [c.validations for c in run.cases]

    first = _run(ctx, cache)
    assert validations(first) == [2, 0, 2, 0]  # (rmat, uniform) x (1, 2 threads), 2 reps each
    assert validations(_run(ctx, cache)) == [0, 0, 0, 0]  # every output was validated by the first run
    key = cache.directory / "digest.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and key.stat().st_size == 8
    records = sorted(cache.directory.glob("*.ok"))
    assert len(records) == 2 and all(r.stat().st_size == 2 * 32 for r in records)
    # Damaged records are ignored: this input's outputs are validated (and remembered) again.
    records[0].write_bytes(bytes(b ^ 0x55 for b in records[0].read_bytes()))
    assert sorted(validations(_run(ctx, cache))) == [0, 0, 0, 2]
    # A wrong candidate on the same inputs: its bytes match no record, it is validated and fails.
    wrong = _context(build_cache, OFF_BY_ONE.format(reference=get_task("bfs").reference_source("openmp")))
    bad = run_harness(wrong.harness().path, wrong.binaries["candidate"].path,
                      [CaseSpec(f, SIZE, 4242) for f in FAMILIES], [1, 2], wrong.limits(60.0), reps=2, input_cache=cache)
    assert bad.invalid and bad.invalid[0].kind == "wrong" and bad.invalid[0].validations == 1
    # Another key (the file replaced): no record matches any more; the first run's work is redone.
    key.write_bytes((int.from_bytes(os.urandom(8), "little") % (2**61 - 2) + 1).to_bytes(8, "little"))
    assert validations(_run(ctx, cache)) == [2, 0, 2, 0]
    # The old behaviour (the benchmark's before mode) neither reads nor writes records.
    before = run_harness(ctx.harness().path, ctx.binaries["candidate"].path, [CaseSpec(f, SIZE, 4242) for f in FAMILIES],
                         [1, 2], ctx.limits(60.0), reps=2, input_cache=cache, validate_every_output=True)
    assert validations(before) == [2, 2, 2, 2]
