"""Building and running the task probe (verify/cxx/probe_main.cpp): a task's function, the
baseline or a mutant of it, linked with the task's generators and validator.

The probe's main object is compiled once per task (it holds the generators, the validator and,
for generated tasks, the oracle); each function is its own small object, so a mutant costs
one compile of one function and a link. Every probe runs in the sandbox: mutants loop forever
or crash, and generated families may come from an LLM.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..errors import ParevoError
from ..tasks import Task
from ..toolchain import sandbox
from ..toolchain.build import BUILD_LIMITS, CXX_STD

FLAGS = (CXX_STD, "-O2", "-w")  # the function's flags (its timing chooses the sizes)
MAIN_FLAGS = ("-O1",)  # the probe's own side (generators, validator): compiled once per task, cheaper at -O1


class ProbeError(ParevoError):
    """The task's own code (headers, baseline) does not build: the task is broken, not a mutant."""


@dataclass
class FamilyRun:
    family: str
    shape: str = ""
    seconds: float = 0.0
    error: str = ""  # the validator's reason, or how the process ended
    hash: str = ""  # the output's fingerprint
    input: str = ""  # the input's (0 for a task without task::fingerprint)
    again: bool = False  # a second generation from the same (size, seed) gave the same input and output
    answer: int = 0
    ended: str = ""  # for a family the process did not finish: how it ended (sandbox status: timeout, signal...)


def include_dirs(task: Task) -> list[Path]:
    """The task's directory and parevo's C++ headers (the harness's, and the public ones where
    they have a folder of their own)."""
    public = paths.CXX_DIR / "public"
    return [task.root, paths.CXX_DIR, *([public] if public.is_dir() else [])]


def _includes(task: Task) -> list[str]:
    inc = [f"-I{d}" for d in include_dirs(task)]
    if p := os.environ.get("PARLAYLIB_INCLUDE"):
        inc.append(f"-I{p}")
    return inc


def work_dir() -> Path:
    d = paths.cache_dir() / "owncode"
    d.mkdir(parents=True, exist_ok=True)
    return d


def compile_object(source: str, task: Task, out: Path, extra: tuple[str, ...] = (), *, is_main: bool = False) -> str:
    """Compiles `source` to `out`; returns "" or the compiler's first lines. A function source
    sees types.hpp force-included, as a candidate does. The main object holds the task's
    generators, which may be LLM-written (`tasks new --llm`): it compiles in the sandbox, in a
    directory of its own (`out`'s)."""
    src = out.with_suffix(".cpp")
    src.write_text(source)
    force = [] if is_main else ["-include", str(task.root / "types.hpp")]
    cmd = ["g++", *FLAGS, *extra, *_includes(task), *force, "-c", str(src), "-o", str(out)]
    if is_main:
        outcome = sandbox.run(cmd, BUILD_LIMITS, out.parent, env={"PATH": sandbox.BASE_PATH})
        ok, stderr = outcome.ok, outcome.stderr + ("" if outcome.status in ("ok", "exit") else f"\nthe compiler {outcome.describe()}")
    else:
        proc = subprocess.run(cmd, capture_output=True, text=True)
        ok, stderr = proc.returncode == 0, proc.stderr
    return "" if ok else "\n".join(stderr.strip().splitlines()[:6])


def main_object(task: Task, extra: tuple[str, ...] = ()) -> Path:
    """The probe's main object for `task`, cached by the task's headers and the probe's source."""
    main_src = (paths.CXX_DIR / "probe_main.cpp").read_text()
    extra = (*MAIN_FLAGS, *extra)  # later flags win: a coverage build's -O0 stays
    h = hashlib.sha256(main_src.encode() + " ".join(extra).encode())
    for f in sorted(task.root.glob("*.hpp")):
        h.update(f.read_bytes())
    out = work_dir() / f"probe-{task.id}-{h.hexdigest()[:20]}.o"
    if not out.exists():
        tmp = Path(tempfile.mkdtemp(dir=work_dir())) / "main.o"
        if err := compile_object(main_src, task, tmp, extra, is_main=True):
            raise ProbeError(f"{task.root}: the task's headers do not build with the probe: {err}")
        os.replace(tmp, out)
        shutil.rmtree(tmp.parent, ignore_errors=True)
    return out


def link(objects: list[Path], out: Path, extra: tuple[str, ...] = ()) -> str:
    proc = subprocess.run(["g++", *extra, *map(str, objects), "-o", str(out), "-lpthread"], capture_output=True, text=True)
    return "" if proc.returncode == 0 else "\n".join(proc.stderr.strip().splitlines()[:6])


def run(exe: Path, size: int, seed: int, families: list[str], wall_s: float, workdir: Path,
        time_only: bool = False) -> list[FamilyRun]:
    """One probe process over `families`; a family the process did not finish carries how it ended.
    `time_only`: one call per family, neither validated nor repeated (for choosing sizes)."""
    flag = ["--time"] if time_only else []
    readonly = [] if Path(workdir).resolve() == exe.parent.resolve() else [exe.parent]  # coverage writes .gcda there
    outcome = sandbox.run([str(exe), *flag, str(size), str(seed), *families], sandbox.Limits(wall_s=wall_s), workdir,
                          readonly_paths=readonly, stdout_bytes=4 << 20)
    runs: dict[str, FamilyRun] = {}
    started = None
    for line in outcome.stdout.splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:  # the function's own stdout; not ours to judge
            continue
        if "start" in rec:
            started = rec["start"]
        elif "family" in rec:
            runs[rec["family"]] = FamilyRun(**rec)
            started = None
    what = outcome.describe() if not outcome.ok else "stopped early"
    for f in families:
        if f not in runs:
            runs[f] = FamilyRun(f, error=f"the process {what}" + (" in this family" if f == started else " (before this family)"),
                                ended=outcome.status if f == started else "before")
    return [runs[f] for f in families]


class Prober:
    """Builds probes of one task's function variants, in one scratch directory."""

    def __init__(self, task: Task, coverage: bool = False):
        self.task = task
        self.extra = ("--coverage", "-O0") if coverage else ()
        self.main = main_object(task, self.extra)
        self.dir = Path(tempfile.mkdtemp(prefix=f"probe-{task.id}-", dir=work_dir()))
        self._ids = itertools.count(1)  # thread-safe in CPython: mutants build on a thread pool

    def build(self, source: str, asm: Path | None = None) -> tuple[Path | None, str]:
        """An executable of the probe with `source` as the function (or its assembly `asm`, from
        `assembly`), or (None, compiler error)."""
        n = next(self._ids)
        obj = self.dir / f"f{n}.o"
        if asm is not None:
            proc = subprocess.run(["g++", "-c", str(asm), "-o", str(obj)], capture_output=True, text=True)
            err = proc.stderr.strip()[:400] if proc.returncode else ""
        else:
            err = compile_object(source, self.task, obj, self.extra)
        if err:
            return None, err
        exe = self.dir / f"probe{n}"
        if err := link([self.main, obj], exe, self.extra):
            return None, err
        return exe, ""

    def assembly(self, source: str) -> tuple[str, Path]:
        """The function's optimised assembly without its file names (equal assembly means an
        equivalent mutant: trivial compiler equivalence), and the .s file for `build`."""
        out = self.dir / f"a{next(self._ids)}.s"
        src = out.with_suffix(".cpp")
        src.write_text(source)
        proc = subprocess.run(["g++", CXX_STD, "-O2", "-w", *_includes(self.task), "-include",
                               str(self.task.root / "types.hpp"), "-S", str(src), "-o", str(out)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            return "", out
        return "\n".join(ln for ln in out.read_text().splitlines() if not ln.lstrip().startswith((".file", ".ident"))), out

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
