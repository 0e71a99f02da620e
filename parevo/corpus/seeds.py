"""What the corpus is generated about: seeds.

A seed is one topic for the generator: a parallel primitive of the chosen model
(`primitives`), a built-in task (`tasks`, or `task:ID` for one; the verifier already knows its
statement, signature, validator and baseline), or a line of a user's topics file. `--seeds primitives,tasks,topics.txt` mixes
them; the seed id is stable across runs, so a rerun finds the candidates it already decided.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from ..errors import ParevoError
from ..paths import read_user_text
from ..toolchain import models as pm

SeedKind = Literal["primitive", "task", "topic"]
CORPUS_MODELS = ("parlay", "openmp", "threads", "tbb")

# The primitives a model is known for; each becomes one seed. Wording goes into the prompt.
PRIMITIVES: dict[str, list[str]] = {
    "parlay": [
        "parlay::scan (exclusive prefix sums)", "parlay::reduce", "parlay::filter", "parlay::pack",
        "parlay::histogram_by_index", "parlay::sort", "parlay::integer_sort", "parlay::tabulate",
        "parlay::group_by_key", "parlay::parallel_for with granularity", "parlay::flatten", "parlay::remove_duplicates",
    ],
    "openmp": [
        "reduction clauses (+, max, min and user-declared reductions)", "atomic updates (#pragma omp atomic)",
        "tasks (#pragma omp task / taskwait / taskgroup)", "dynamic and guided schedules for irregular loops",
        "per-thread buffers merged after the parallel region", "two-pass parallel prefix sums",
        "parallel histograms with per-thread counts", "collapse for nested loops",
    ],
    "threads": [
        "std::thread with static chunking", "std::atomic counters and fetch_add work distribution",
        "std::async with futures", "per-thread partial results merged under a std::mutex",
        "a parallel prefix sum with std::thread and a barrier (std::barrier)", "parallel merge sort with std::thread",
    ],
    "tbb": [
        "tbb::parallel_for with blocked_range", "tbb::parallel_reduce", "tbb::parallel_scan", "tbb::parallel_sort",
        "tbb::enumerable_thread_specific", "tbb::task_group", "tbb::parallel_invoke", "tbb::concurrent_vector",
    ],
}


class Seed(BaseModel):
    id: str  # "primitive/openmp/reduction-clauses", "task/bfs", "topic/<slug>"
    kind: SeedKind
    model: str
    topic: str  # what the generator is asked about, in words
    primitive: str | None = None
    task: str | None = None  # a built-in task id (kind "task")


def slug(text: str, limit: int = 48) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:limit].rstrip("-") or "topic"


def primitive_seeds(model: str) -> list[Seed]:
    return [Seed(id=f"primitive/{model}/{slug(p)}", kind="primitive", model=model, topic=p, primitive=p)
            for p in PRIMITIVES[model]]


def task_seeds(model: str, only: str | None = None) -> list[Seed]:
    from ..tasks import builtin_task_ids, get_task

    ids = builtin_task_ids()
    if only is not None and only not in ids:
        raise ParevoError(f"--seeds task:{only}: no such built-in task (known: {', '.join(ids)})")
    out = []
    for tid in [only] if only else ids:
        task = get_task(tid)
        if only and model not in task.spec.models:
            raise ParevoError(f"--seeds task:{only}: the task does not accept model '{model}' "
                              f"(it takes {', '.join(task.spec.models)})")
        if model in task.spec.models:
            out.append(Seed(id=f"task/{tid}", kind="task", model=model, topic=task.title, task=tid))
    return out


def topic_seeds(path: Path, model: str) -> list[Seed]:
    """One topic a line; blank lines and `#` comments are skipped; a repeated topic counts once."""
    if not path.is_file():
        raise ParevoError(f"--seeds: {path}: no such file (use primitives, tasks, or a file of topics, one a line)")
    seeds: dict[str, Seed] = {}
    for line in read_user_text(path, "--seeds").splitlines():
        topic = line.strip()
        if topic and not topic.startswith("#"):
            sid = f"topic/{slug(topic)}"
            seeds.setdefault(sid, Seed(id=sid, kind="topic", model=model, topic=topic))
    if not seeds:
        raise ParevoError(f"--seeds: {path}: no topics in this file (one a line)")
    return list(seeds.values())


def load_seeds(spec: str, model: str) -> list[Seed]:
    """`primitives`, `tasks` (or one built-in task: `task:ID`), a topics file, or a comma-separated
    mix, in the order given."""
    if model not in CORPUS_MODELS:
        raise ParevoError(f"--model {model}: the corpus takes {', '.join(CORPUS_MODELS)}")
    pm.get_model(model)
    parts = [p.strip() for p in spec.split(",") if p.strip()]
    if not parts:
        raise ParevoError("--seeds: give primitives, tasks, a topics file, or a comma-separated mix")
    out: dict[str, Seed] = {}
    for part in parts:
        if part == "primitives":
            found = primitive_seeds(model)
        elif part == "tasks" or part.startswith("task:"):
            found = task_seeds(model, part.removeprefix("task:") if part != "tasks" else None)
        else:
            found = topic_seeds(Path(part), model)
        for s in found:
            out.setdefault(s.id, s)
    return list(out.values())
