"""From the corpus store to files: `train.jsonl`, `eval.jsonl`, `test.jsonl` (a record's split
is fixed by a hash of its id, so a record never moves between splits when the corpus grows)
and `card.md` (counts per seed, pass rate per filter, rejections by reason, LLM usage).

The JSONL files load with `datasets.load_dataset("json", data_files=...)`: every record has
the same keys with the same types (null where a value is absent), see docs/corpus.md.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from ..version import __version__
from .store import CandidateRow, CorpusStore

SPLITS = (("train", 80), ("eval", 10), ("test", 10))  # percent of records
EXPORT_KEYS = ("id", "seed", "seed_kind", "primitive", "task", "topic", "model", "sample", "instruction", "solution",
               "test_program", "sequential", "critique", "critic_score", "filters", "provenance")
FILTER_KEYS = ("built", "tests_passed", "race_free", "race_checked", "speedup", "threads")
# The filters in the order a candidate meets them, with the rejection reasons each one gives.
FILTER_STEPS = (
    ("reply parsed", ("malformed",)),
    ("not a near-duplicate", ("duplicate",)),
    ("uses the model", ("not_parallel",)),
    ("builds", ("build_failed",)),
    ("tests pass", ("tests_failed",)),
    ("race-free", ("race", "race_unchecked")),
    ("fast enough", ("too_slow", "speedup_unmeasured")),
)


def split_of(record_id: str) -> str:
    bucket = int(hashlib.sha256(record_id.encode()).hexdigest()[:8], 16) % 100
    for name, percent in SPLITS:
        if bucket < percent:
            return name
        bucket -= percent
    return SPLITS[-1][0]


def export_record(record: dict[str, Any]) -> dict[str, Any]:
    out = {k: record.get(k) for k in EXPORT_KEYS}
    out["filters"] = {k: (record.get("filters") or {}).get(k) for k in FILTER_KEYS}
    if out["critic_score"] is not None:
        out["critic_score"] = float(out["critic_score"])
    if out["filters"]["speedup"] is not None:
        out["filters"]["speedup"] = float(out["filters"]["speedup"])
    return out


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def write_exports(store: CorpusStore, out_dir: Path, stop_reason: str | None = None) -> dict[str, int]:
    rows = store.candidates()
    kept = [r for r in rows if r.status == "kept"]
    by_split: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in SPLITS}
    for r in sorted(kept, key=lambda r: r.id):
        by_split[split_of(r.id)].append(export_record(r.record))
    sizes = {name: write_jsonl(out_dir / f"{name}.jsonl", recs) for name, recs in by_split.items()}
    (out_dir / "card.md").write_text(render_card(rows, sizes, store, stop_reason), encoding="utf-8")
    return sizes


def _table(head: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def filter_rates(rows: list[CandidateRow]) -> list[tuple[str, int, int]]:
    """(filter, candidates that reached it, candidates that passed it), in filter order;
    candidates stopped by an infrastructure error are left out."""
    reached = [r for r in rows if r.status != "error"]
    out = []
    for name, reasons in FILTER_STEPS:
        failed = [r for r in reached if r.reason in reasons]
        out.append((name, len(reached), len(reached) - len(failed)))
        reached = [r for r in reached if r.reason not in reasons]
    return out


def render_card(rows: list[CandidateRow], sizes: dict[str, int], store: CorpusStore, stop_reason: str | None) -> str:
    kept = [r for r in rows if r.status == "kept"]
    errors = [r for r in rows if r.status == "error"]
    first = rows[0].record if rows else {}
    prov = first.get("provenance", {})
    usage = store.usage()
    out = ["# parevo corpus card", "",
           f"- parallel model: {first.get('model', '-')}",
           (f"- generator: `{prov.get('llm', '-')}`; critic: `{prov.get('critic', '-')}`; "
            f"critic rounds: {prov.get('critic_rounds', '-')}"),
           f"- parevo {__version__}; {store.n_calls()} LLM calls, {usage.total_tokens:,} tokens, cost {usage.cost_text()}",
           f"- status: {'stopped: ' + stop_reason if stop_reason else 'complete'}", "",
           "## Records", "",
           f"{len(kept)} kept of {len(rows)} candidates"
           + (f" ({len(errors)} stopped by an infrastructure error, retried on the next run)" if errors else "") + ".",
           "", _table(["split", "records"], [[k, v] for k, v in sizes.items()]), ""]
    per_seed: dict[str, list[CandidateRow]] = defaultdict(list)
    for r in rows:
        per_seed[r.seed].append(r)
    seed_rows = []
    for seed, rs in per_seed.items():
        reasons = Counter(r.reason for r in rs if r.status == "rejected")
        seed_rows.append([seed, rs[0].seed_kind, rs[0].primitive or "", len(rs), sum(r.status == "kept" for r in rs),
                          ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) or "-"])
    out += ["## Per seed", "", _table(["seed", "kind", "primitive", "candidates", "kept", "rejections"], seed_rows), ""]
    rates = [[name, n, p, f"{100 * p / n:.0f}%" if n else "-"] for name, n, p in filter_rates(rows)]
    out += ["## Pass rate per filter", "", "Each filter sees only what passed the ones before it.", "",
            _table(["filter", "reached", "passed", "pass rate"], rates), ""]
    reasons = Counter(r.reason for r in rows if r.status != "kept")
    out += ["## Rejections by reason", "",
            _table(["reason", "candidates"], [[k, v] for k, v in reasons.most_common()]) if reasons else "none", ""]
    unchecked = sum(1 for r in kept if not r.record.get("filters", {}).get("race_checked"))
    if unchecked:
        out += [(f"{unchecked} kept record(s) were not race-checked (no honest detector for the model): "
                 "`filters.race_checked` is false."), ""]
    return "\n".join(out)
