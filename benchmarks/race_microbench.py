"""Race-detection micro-benchmark: `parevo racecheck` over the labelled twins in tests/racebench.

Each `<name>.race.c|cpp` has a data race and each `<name>.free.c|cpp` is its race-free twin; the
first line names the class (`// class: sections`). Prints per-class detections and false
positives, then precision and recall over the whole set.

    .venv/bin/python benchmarks/race_microbench.py              # today's racecheck
    .venv/bin/python benchmarks/race_microbench.py --baseline   # the bare recipe: 4 and 8 threads, 2 runs
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parevo.verify import racecheck as rc  # noqa: E402

BENCH = ROOT / "tests" / "racebench"
# The bare recipe as it was before schedule-independent checking: what `--baseline` measures.
BASELINE = dict(threads=(4, 8), runs=2, schedules=(), hide_archer_locks=False, perturb=False)


class Case(NamedTuple):
    path: Path
    racy: bool
    klass: str


class Outcome(NamedTuple):
    case: Case
    verdict: str
    seconds: float
    detail: str


class Scores(NamedTuple):
    tp: int
    fp: int
    fn: int
    tn: int
    unchecked: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def cases(root: Path = BENCH, names: Sequence[str] = ()) -> list[Case]:
    found = []
    for p in sorted(root.iterdir()):
        m = re.fullmatch(r"(?P<name>[\w-]+)\.(?P<label>race|free)\.(?:c|cpp)", p.name)
        if not m or (names and m["name"] not in names):
            continue
        head = p.read_text().splitlines()[0]
        klass = re.match(r"//\s*class:\s*(\S+)", head)
        if not klass:
            raise SystemExit(f"{p}: first line must be `// class: <name>`")
        found.append(Case(p, m["label"] == "race", klass[1]))
    return found


def check(case: Case, **options) -> Outcome:
    start = time.monotonic()
    result = rc.racecheck(case.path, **options)
    detail = result.reason or result.summary.splitlines()[0] if result.verdict != "clean" else ""
    return Outcome(case, result.verdict, time.monotonic() - start, detail)


def run(selected: Sequence[Case], jobs: int = 2, **options) -> list[Outcome]:
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda c: check(c, **options), selected))


def score(outcomes: Sequence[Outcome]) -> Scores:
    tp = sum(o.case.racy and o.verdict == "race" for o in outcomes)
    fn = sum(o.case.racy and o.verdict == "clean" for o in outcomes)
    fp = sum(not o.case.racy and o.verdict == "race" for o in outcomes)
    tn = sum(not o.case.racy and o.verdict == "clean" for o in outcomes)
    return Scores(tp, fp, fn, tn, sum(o.verdict == "unchecked" for o in outcomes))


def table(outcomes: Sequence[Outcome]) -> str:
    by_class: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_class[o.case.klass].append(o)
    lines = [f"{'class':<18} {'races found':>12} {'false pos.':>11}"]
    for klass, group in sorted(by_class.items()):
        s = score(group)
        lines.append(f"{klass:<18} {s.tp:>5} / {s.tp + s.fn:<5} {s.fp:>4} / {s.fp + s.tn:<5}")
    total = score(outcomes)
    lines.append(f"{'all':<18} {total.tp:>5} / {total.tp + total.fn:<5} {total.fp:>4} / {total.fp + total.tn:<5}")
    lines.append(f"precision {total.precision:.3f}  recall {total.recall:.3f}"
                 + (f"  ({total.unchecked} unchecked)" if total.unchecked else ""))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", action="store_true", help="the bare recipe: threads 4,8, 2 runs, nothing varied")
    ap.add_argument("--threads", help="thread counts, e.g. 2,3,4,7,8 (default: racecheck's)")
    ap.add_argument("--runs", type=int, help="runs per setting (default: racecheck's)")
    ap.add_argument("--jobs", type=int, default=2, help="programs checked at once")
    ap.add_argument("--repeat", type=int, default=1, help="check the whole set this many times (flakiness)")
    ap.add_argument("names", nargs="*", help="only these twins (file name before .race/.free)")
    a = ap.parse_args(argv)
    options: dict = dict(BASELINE) if a.baseline else {}
    if a.threads:
        options["threads"] = tuple(int(t) for t in a.threads.split(","))
    if a.runs:
        options["runs"] = a.runs
    selected = cases(names=a.names)
    for rep in range(a.repeat):
        start = time.monotonic()
        outcomes = run(selected, a.jobs, **options)
        for o in outcomes:
            wrong = o.verdict != ("race" if o.case.racy else "clean")
            if wrong:
                print(f"  {'MISSED' if o.case.racy else 'WRONG '} {o.case.path.name}: {o.verdict} {o.detail[:120]}")
        print(table(outcomes))
        print(f"{len(outcomes)} programs in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
