"""Figures of a run, derived from the store on demand (never stored alone): evaluations,
failures by stage, the best program, usage, and where the wall time went."""

from __future__ import annotations

import datetime as dt

from ..llm.types import CallRecord, Usage
from ..runstore import RunStore, best_of


def run_stats(store: RunStore, run_id: str) -> dict:
    programs = store.programs(run_id)
    evaluated = [p for p in programs if p.status not in ("no_code", "edit_failed")]
    viable = [p for p in programs if p.viable]
    best = best_of(viable)
    failures: dict[str, int] = {}
    for p in programs:
        if not p.viable:
            key = p.stage_reached if p.status in ("fail", "error") else p.status
            failures[key] = failures.get(key, 0) + 1
    usage, calls = Usage(), []
    for rec in store.call_records(run_id):
        r = CallRecord.model_validate_json(rec)
        if r.completion:
            usage += r.completion.usage
            start = dt.datetime.fromisoformat(r.started_at).timestamp()
            calls.append((start, start + r.completion.latency_s))
    llm_s = _union_seconds(calls)
    stage_s: dict[str, float] = {"queued": sum(p.metrics.get("queued_s", 0.0) for p in evaluated)}
    for p in evaluated:
        for stage, s in p.metrics.get("stage_seconds", {}).items():
            group = "timing" if stage in ("timing", "profile") else stage
            stage_s[group] = stage_s.get(group, 0.0) + s
    sessions = store.events(run_id, "session_start")
    done = store.events(run_id, "iteration_done")
    wall = sum(_span_seconds(s["at"], e["at"], calls) for s, e in _session_spans(sessions, store.events(run_id)))
    share = {k: f"{100 * v / wall:.0f}%" for k, v in
             [("build", stage_s.get("build", 0.0) + stage_s.get("static", 0.0)),
              ("correctness", stage_s.get("correctness", 0.0)), ("race", stage_s.get("race", 0.0)),
              ("timing", stage_s.get("timing", 0.0)), ("queued for a CPU slot", stage_s["queued"]),
              ("llm", llm_s)]} if wall > 0 else {}
    stats = {
        "iterations_done": len([e for e in done if e["iteration"] > 0]),
        "programs": len(programs), "evaluations": len(evaluated), "viable": len(viable),
        "contended": sum(p.contended for p in viable),  # timed under other load: never a best (runstore.best_of)
        "repairs": sum(1 for p in programs if p.origin == "repair"),
        "repaired": sum(1 for p in programs if p.origin == "repair" and p.viable),
        "best_program": best.id if best else None,
        "best_speedup": round(best.fitness, 3) if best and best.fitness else None,
        # The best above keeps an earlier program when a later one is faster only within the noise band.
        "fastest_measured": (f"#{fastest.id} {fastest.fitness:.3f}x (within the noise band of the best)"
                             if (fastest := max(viable, key=lambda p: p.fitness or 0.0, default=None)) is not None
                             and best is not None and fastest.id != best.id else None),
        "llm_calls": len(store.calls(run_id)), "tokens": usage.total_tokens, "cost": usage.cost_text(),
        "wall_s": round(wall, 1),
        "evaluations_per_min": round(60 * len(evaluated) / wall, 2) if wall > 0 else None,
        "failures": failures, "time_share": share,
    }
    if stats["fastest_measured"] is None:
        del stats["fastest_measured"]
    return stats


def _union_seconds(intervals: list[tuple[float, float]]) -> float:
    """Time covered by at least one interval: concurrent LLM calls (eval_workers > 1) count once,
    so the LLM's share of the wall time never exceeds 100 %."""
    total, end = 0.0, float("-inf")
    for a, b in sorted(intervals):
        if b > end:
            total += b - max(a, end)
            end = b
    return total


def _span_seconds(first: str, last: str, calls: list[tuple[float, float]]) -> float:
    """A session's wall time: from its start to its last event, or to the end of an LLM call
    started in it that ended later (a run in progress is waiting for one)."""
    a, b = dt.datetime.fromisoformat(first).timestamp(), dt.datetime.fromisoformat(last).timestamp()
    return max([b] + [end for start, end in calls if a <= start <= b]) - a


def _session_spans(sessions: list[dict], events: list[dict]) -> list[tuple[dict, dict]]:
    """(first, last event) of each session, so time between a crash and a resume is not counted."""
    spans, current, last = [], None, None
    for e in events:
        if e["kind"] == "session_start":
            if current is not None and last is not None:
                spans.append((current, last))
            current = e
        last = e
    if current is not None and last is not None:
        spans.append((current, last))
    return spans
