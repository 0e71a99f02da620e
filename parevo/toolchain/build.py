"""Content-addressed builds: an object or a binary is keyed by everything that can change it
(source text, flags, compiler version, the harness and task headers it includes), so a
re-evaluation of the same candidate never compiles, and two evaluations of the same source
with different flags never collide.

Compiles run in the sandbox too: the source is untrusted (`#include "/dev/zero"`), so the
compiler gets a time and memory cap and a private directory.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .. import paths
from ..errors import InfraError
from . import sandbox
from .probe import Toolchain

CXX_STD = "-std=c++20"
BUILD_LIMITS = sandbox.Limits(wall_s=240.0, memory_bytes=6 * sandbox.GiB, max_pids=256, max_file_bytes=1 * sandbox.GiB)
COMPILE_FORMAT = 1  # bump to invalidate every cached build


@dataclass(frozen=True)
class Artifact:
    key: str
    ok: bool
    path: Path | None  # the object or binary; None when the build failed
    log: str  # compiler/linker output
    seconds: float  # time spent building now (0 when cached)
    cached: bool


def sha256(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode() if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()


def tree_digest(files: Sequence[Path]) -> str:
    """Digest of header trees a compile includes (runtime headers, task headers)."""
    return sha256(*[f"{p.name}\n".encode() + p.read_bytes() for p in sorted(files)])


class BuildCache:
    def __init__(self, toolchain: Toolchain, root: Path | None = None):
        if not toolchain.cxx:
            raise InfraError("g++ is missing: apt-get install g++ (parevo doctor lists the whole toolchain)")
        self.tc = toolchain
        self.root = (root or paths.cache_dir()) / "builds"
        self.root.mkdir(parents=True, exist_ok=True)
        self.stats = {"hits": 0, "misses": 0}

    def _lookup(self, key: str) -> Artifact | None:
        d = self.root / key[:2] / key
        meta = d / "meta.json"
        if not meta.exists():
            return None
        info = json.loads(meta.read_text())
        out = d / info["output"] if info["ok"] else None
        self.stats["hits"] += 1
        return Artifact(key, info["ok"], out, (d / "log.txt").read_text(), 0.0, True)

    def _once(self, key: str, build: Callable[[], Artifact]) -> Artifact:
        """The cached artifact, or `build()` under a lock of its key: a second build of the same key
        at the same time (two evaluations of one task, a stage's build started ahead) waits for
        the first and takes its result instead of compiling the same thing again."""
        if hit := self._lookup(key):
            return hit
        lock = self.root / "locks" / key[:2] / f"{key}.lock"
        lock.parent.mkdir(parents=True, exist_ok=True)
        with open(lock, "a") as held:
            fcntl.flock(held, fcntl.LOCK_EX)  # released when closed, or when its holder dies
            return self._lookup(key) or build()

    def _store(self, key: str, work: Path, output: str, ok: bool, log: str, seconds: float) -> Artifact:
        final = self.root / key[:2] / key
        final.parent.mkdir(parents=True, exist_ok=True)
        (work / "log.txt").write_text(log)
        (work / "meta.json").write_text(json.dumps({"ok": ok, "output": output, "seconds": seconds}))
        for f in work.iterdir():  # keep only the product, the log and meta
            if f.name not in (output, "log.txt", "meta.json"):
                f.unlink() if f.is_file() else shutil.rmtree(f, ignore_errors=True)
        try:
            os.rename(work, final)
        except OSError:  # a concurrent build of the same key won the race; theirs is identical
            shutil.rmtree(work, ignore_errors=True)
        self.stats["misses"] += 1
        return Artifact(key, ok, final / output if ok else None, log, seconds, False)

    def _run(self, args: list[str], work: Path) -> tuple[bool, str, float]:
        outcome = sandbox.run(args, BUILD_LIMITS, work, env={"PATH": sandbox.BASE_PATH})
        log = (outcome.stdout + outcome.stderr).replace(str(work) + "/", "")
        if outcome.status in ("timeout", "memory", "output", "signal"):
            log += f"\nthe compiler {outcome.describe()}"
        return outcome.ok, log, outcome.wall_s

    def compile_object(
        self,
        source: str,
        flags: Sequence[str],
        include_dirs: Sequence[Path],
        force_include: Path | None,
        depends_digest: str,
        name: str = "candidate.cpp",
    ) -> Artifact:
        """Compile one translation unit. `depends_digest` covers the headers it may include.
        A `.c` name is compiled as C by gcc (racecheck takes whole C programs)."""
        is_c = name.endswith(".c")
        compiler = self.tc.cc if is_c else self.tc.cxx
        if not compiler:
            raise InfraError("gcc is missing: apt-get install gcc")
        args = [*([] if is_c else [CXX_STD]), *flags, *[f"-I{d}" for d in include_dirs]]
        if force_include:
            args += ["-include", str(force_include)]
        key = sha256("object", str(COMPILE_FORMAT), self.tc.cxx_version, name, source, json.dumps(args), depends_digest)

        def build() -> Artifact:
            work = Path(tempfile.mkdtemp(prefix="build-", dir=self.root))
            (work / name).write_text(source)
            cmd = [compiler, *args, f"-fdebug-prefix-map={work}=.", "-fdiagnostics-plain-output", "-c", name, "-o", "out.o"]
            ok, log, seconds = self._run(cmd, work)
            return self._store(key, work, "out.o", ok and (work / "out.o").exists(), log, seconds)

        return self._once(key, build)

    def compile_with(self, compiler: str, version: str, source: str, args: Sequence[str], depends_digest: str,
                     name: str) -> Artifact:
        """One translation unit through another compiler (nvcc) with its own arguments, in the
        same sandbox and cache as compile_object."""
        key = sha256("object", str(COMPILE_FORMAT), version, name, source, json.dumps(list(args)), depends_digest)

        def build() -> Artifact:
            work = Path(tempfile.mkdtemp(prefix="build-", dir=self.root))
            (work / name).write_text(source)
            ok, log, seconds = self._run([compiler, *args, "-c", name, "-o", "out.o"], work)
            return self._store(key, work, "out.o", ok and (work / "out.o").exists(), log, seconds)

        return self._once(key, build)

    def link(self, objects: Sequence[Artifact], flags: Sequence[str]) -> Artifact:
        key = sha256("link", str(COMPILE_FORMAT), self.tc.cxx_version, *[o.key for o in objects], json.dumps(list(flags)))

        def build() -> Artifact:
            work = Path(tempfile.mkdtemp(prefix="link-", dir=self.root))
            for i, o in enumerate(objects):
                assert o.path is not None, "link() needs successful objects"
                shutil.copyfile(o.path, work / f"in{i}.o")
            cmd = [self.tc.cxx, *[f"in{i}.o" for i in range(len(objects))], *flags, "-o", "prog"]
            ok, log, seconds = self._run(cmd, work)
            return self._store(key, work, "prog", ok and (work / "prog").exists(), log, seconds)

        return self._once(key, build)
