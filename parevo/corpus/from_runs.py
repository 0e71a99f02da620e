"""Training pairs from what parevo has already verified: evolve run stores (`run.sqlite`) and
bench stores (`bench.sqlite`).

- supervised pairs: task prompt -> the fastest verified program of that task and model;
- preference pairs: chosen = a faster verified program, rejected = a slower verified program
  of the same task and model, their speedups at least `min_ratio` apart.

"Verified" is what the evolve loop calls viable: the cascade passed, correct and race-free
(TBB, which has no honest race detector, passes with `race_checked` false). The prompt is the
one bench and evolve ask from scratch for that task and model.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..version import __version__
from ..errors import ParevoError
from .export import write_jsonl


@dataclass
class Verified:
    task: str
    model: str
    code: str
    speedup: float | None
    race_checked: bool
    source: dict[str, Any] = field(default_factory=dict)  # store, kind, run, item

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.code.encode()).hexdigest()


class PairsOutcome(NamedTuple):
    sft: int
    preference: int
    verified: int
    stores: list[str]


def resolve_store(path: Path) -> tuple[Path, str]:
    """A run or bench directory, or the .sqlite itself -> (file, 'evolve' | 'bench')."""
    path = Path(path)
    if path.is_dir():
        found = [path / n for n in ("run.sqlite", "bench.sqlite") if (path / n).is_file()]
        if not found:
            raise ParevoError(f"{path}: no run.sqlite or bench.sqlite here (give an evolve run or bench directory)")
        path = found[0]
    if not path.is_file():
        raise ParevoError(f"{path}: no such run or bench store")
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise ParevoError(f"{path}: not a parevo store ({exc})") from exc
    finally:
        con.close()
    if "programs" in tables:
        return path, "evolve"
    if "samples" in tables:
        return path, "bench"
    raise ParevoError(f"{path}: neither an evolve run store (programs) nor a bench store (samples)")


def _from_evolve(path: Path) -> list[Verified]:
    from ..runstore import RunStore

    store = RunStore(path, readonly=True)
    try:
        out = []
        for (run_id,) in store.db.execute("SELECT id FROM runs ORDER BY started_at").fetchall():
            run = store.run(run_id)
            for p in store.programs(run_id, viable_only=True):
                out.append(Verified(run.task, run.model, p.code, p.fitness, run.model != "tbb",
                                    {"store": str(path), "kind": "evolve", "run": run_id, "item": p.id}))
        return out
    finally:
        store.close()


def _from_bench(path: Path) -> list[Verified]:
    from ..bench.store import BenchStore

    store = BenchStore(path, readonly=True)
    try:
        out = []
        for (bench_id,) in store.db.execute("SELECT id FROM bench ORDER BY started_at").fetchall():
            for s in store.samples(bench_id):
                race_ok = s.race_free is True or (s.race_free is None and s.model == "tbb")
                if s.status != "ok" or not s.correct or not race_ok or not s.code.strip():
                    continue
                speedup = s.speedups[max(s.speedups)] if s.speedups else None
                out.append(Verified(s.task, s.model, s.code, speedup, s.race_free is True,
                                    {"store": str(path), "kind": "bench", "run": bench_id, "item": s.id}))
        return out
    finally:
        store.close()


def task_prompt(task_ref: str, model: str) -> tuple[str, str]:
    """(system, user) of the from-scratch prompt bench and evolve use for this task and model."""
    from ..prompting.task import SCRATCH, mutate_messages
    from ..tasks import get_task

    try:
        task = get_task(task_ref)
    except ParevoError:
        return "", f"Write a {model} parallel C++ implementation for task '{task_ref}'."
    msgs = mutate_messages(task, model, SCRATCH, edit="rewrite")
    return msgs[0].content, msgs[-1].content


def _pair_id(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _fenced(code: str) -> str:
    return f"```cpp\n{code.strip()}\n```"


def pairs_from_runs(runs: list[Path], out_dir: Path, min_ratio: float = 1.2, max_pairs: int = 50) -> PairsOutcome:
    """Write `sft.jsonl`, `preference.jsonl` and `card.md` into `out_dir`."""
    if min_ratio < 1.0:
        raise ParevoError(f"--min-ratio {min_ratio}: a preference needs the chosen program at least as fast (>= 1.0)")
    stores = [resolve_store(Path(r)) for r in runs]
    groups: dict[tuple[str, str], dict[str, Verified]] = defaultdict(dict)
    for path, kind in stores:
        for v in (_from_evolve(path) if kind == "evolve" else _from_bench(path)):
            best = groups[(v.task, v.model)].get(v.sha)
            if best is None or (v.speedup or 0.0) > (best.speedup or 0.0):  # one program, its best measurement
                groups[(v.task, v.model)][v.sha] = v
    sft, prefs, card_rows = [], [], []
    for (task, model), by_sha in sorted(groups.items()):
        progs = sorted(by_sha.values(), key=lambda v: (-(v.speedup or 0.0), v.sha))
        system, prompt = task_prompt(task, model)
        best = progs[0]
        sft.append({"id": _pair_id("sft", task, model, best.sha), "task": task, "model": model, "system": system,
                    "prompt": prompt, "completion": _fenced(best.code), "code": best.code, "speedup": best.speedup,
                    "race_checked": best.race_checked, "source": best.source, "parevo_version": __version__})
        timed = [p for p in progs if p.speedup]
        candidates = [(a.speedup / b.speedup, a, b) for a, b in itertools.combinations(timed, 2)
                      if a.speedup / b.speedup >= min_ratio]
        candidates.sort(key=lambda x: (-x[0], x[1].sha, x[2].sha))
        for ratio, a, b in candidates[:max_pairs]:
            prefs.append({"id": _pair_id("pref", task, model, a.sha, b.sha), "task": task, "model": model,
                          "system": system, "prompt": prompt, "chosen": _fenced(a.code), "rejected": _fenced(b.code),
                          "chosen_speedup": a.speedup, "rejected_speedup": b.speedup, "ratio": round(ratio, 3),
                          "chosen_source": a.source, "rejected_source": b.source, "parevo_version": __version__})
        card_rows.append([task, model, len(progs), len(timed), f"{best.speedup:.2f}x" if best.speedup else "-",
                          min(len(candidates), max_pairs)])
    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(out_dir / "sft.jsonl", sft)
    write_jsonl(out_dir / "preference.jsonl", prefs)
    (out_dir / "card.md").write_text(_card(stores, card_rows, len(sft), len(prefs), min_ratio), encoding="utf-8")
    return PairsOutcome(len(sft), len(prefs), sum(len(g) for g in groups.values()), [str(p) for p, _ in stores])


def _card(stores: list[tuple[Path, str]], rows: list[list[Any]], n_sft: int, n_pref: int, min_ratio: float) -> str:
    from .export import _table

    lines = ["# parevo training pairs from runs", "",
             f"parevo {__version__}; preference pairs need speedups at least {min_ratio:g}x apart.", "", "## Stores", ""]
    lines += [f"- {kind}: `{path}`" for path, kind in stores]
    lines += ["", f"{n_sft} supervised pairs (`sft.jsonl`), {n_pref} preference pairs (`preference.jsonl`).", "",
              "## Per task and model", "",
              _table(["task", "model", "verified programs", "timed", "best speedup", "preference pairs"], rows)
              if rows else "no verified program in these stores", ""]
    return "\n".join(lines)
