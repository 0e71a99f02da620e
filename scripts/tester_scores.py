"""The tester-quality table of docs/suite.md: `parevo tasks check` (owncode/check.py) over tasks,
as markdown rows. Usage: python scripts/tester_scores.py [--max-mutants N] [TASK_OR_DIR ...]
(default: every built-in task). Long: a few minutes per task on two cores."""

from __future__ import annotations

import argparse
import sys

from parevo.owncode.check import check_task
from parevo.tasks import builtin_task_ids, get_task


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("tasks", nargs="*")
    ap.add_argument("--max-mutants", type=int, default=30)
    args = ap.parse_args()
    print("| task | mutants judged | killed | survived | equivalent | not compiling | score | lines | branches |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in args.tasks or builtin_task_ids():
        try:
            r = check_task(get_task(name), max_mutants=args.max_mutants)
        except Exception as exc:  # one broken task must not hide the others' rows; its row says why
            print(f"| {name} | error: {str(exc).splitlines()[0][:120]} |||||||| ")
            continue
        judged = r.count("killed") + r.count("survived")
        score = "n/a" if r.score is None else f"{r.score:.2f}"
        problems = f" ({len(r.problems)} problems: {r.problems[0][:80]})" if r.problems else ""
        cov = r.coverage
        print(f"| {r.task}{problems} | {judged} | {r.count('killed')} | {r.count('survived')} | {r.count('equivalent')} | "
              f"{r.count('no_compile')} | {score} | {'' if cov.lines is None else f'{cov.lines:.0f}%'} | "
              f"{'' if cov.branches is None else f'{cov.branches:.0f}%'} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
