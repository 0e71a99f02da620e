"""What a bench asks: one item per (task, model) — built-in tasks, ParEval prompts (generation
and serial->omp translation), or a directory of the user's own task directories."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from ..errors import ParevoError
from ..prompting.task import SCRATCH, mutate_messages
from ..llm import Message
from ..tasks import builtin_task_ids, get_task, load_task
from . import pareval as pe

PAREVAL_SYSTEM = ("You are an expert in parallel programming. Complete the C++ function the user starts. "
                  "Answer with the code in one ```cpp block: either the rest of the function body (with its closing "
                  "brace) or the whole function. Do not write main().")


class BenchItem(BaseModel):
    prompt_id: str  # stable across runs: builtin/bfs/openmp, pareval/16_graph_largest_component/omp, ...
    task_ref: str  # a task id or a task directory
    model: str  # parevo's parallel model
    function: str
    messages: list[Message]
    pareval_prompt: str | None = None  # set: the reply continues this prompt (bench/pareval.assemble)


class Skipped(BaseModel):
    prompt_id: str
    reason: str


def _task_items(task_refs: list[str], models: list[str], prefix: str) -> tuple[list[BenchItem], list[Skipped]]:
    items, skipped = [], []
    for ref in task_refs:
        task = get_task(ref)
        for model in models:
            pid = f"{prefix}/{task.id}/{model}"
            if model not in task.spec.models:
                skipped.append(Skipped(prompt_id=pid, reason=f"task does not accept model '{model}'"))
                continue
            msgs = mutate_messages(task, model, SCRATCH, edit="rewrite")
            items.append(BenchItem(prompt_id=pid, task_ref=ref, model=model, function=task.spec.function, messages=msgs))
    return items, skipped


def builtin_items(models: list[str], tasks: list[str] | None = None) -> tuple[list[BenchItem], list[Skipped]]:
    ids = builtin_task_ids()
    unknown = [t for t in tasks or [] if t not in ids]
    if unknown:
        raise ParevoError(f"--tasks: unknown built-in task(s) {unknown} (known: {', '.join(ids)})")
    return _task_items(tasks or ids, models, "builtin")


def dir_items(directory: Path, models: list[str], tasks: list[str] | None = None) -> tuple[list[BenchItem], list[Skipped]]:
    roots = sorted(p.parent for p in Path(directory).glob("*/task.toml"))
    if not roots:
        raise ParevoError(f"{directory}: no task directories (*/task.toml) here")
    refs = [str(load_task(r).root.resolve()) for r in roots if not tasks or r.name in tasks]
    return _task_items(refs, models, "dir")


def pareval_items(models: list[str], tasks: list[str] | None, prompt_dir: str | Path | None,
                  translation: bool = False, *, budget: float | None = None,
                  paper: bool = False) -> tuple[list[BenchItem], list[Skipped]]:
    """ParEval's serial and omp prompts (`models` in parevo's names: serial, openmp); for a model
    ParEval has no prompts for (rayon), parevo's own prompt of each ParEval task (`_own_prompt_items`)."""
    own = [m for m in models if m not in pe.MODEL_MAP.values()]
    if own and translation:
        raise ParevoError(f"--translation: ParEval's translation prompts have no {', '.join(own)} destination "
                          f"(translation targets: {', '.join(sorted(set(pe.MODEL_MAP.values())))})")
    items, skipped = _own_prompt_items(own, tasks) if own else ([], [])
    if len(own) == len(models):
        return items, skipped
    p_items, p_skipped = _pareval_prompt_items(models, tasks, prompt_dir, translation, budget, paper)
    return p_items + items, p_skipped + skipped


def _own_prompt_items(models: list[str], tasks: list[str] | None) -> tuple[list[BenchItem], list[Skipped]]:
    """Items for the ParEval tasks in parevo's own prompt (statement, the model's signature and
    types: a Rust view's for rayon); a task without the model is skipped with the reason."""
    items, skipped = [], []
    for tid in pe.pareval_task_ids():
        name = tid.removeprefix("pareval_")
        if tasks and not any(t in (name, tid, name.split("_")[0]) for t in tasks):
            continue
        task = pe.get_pareval_task(tid)
        for model in models:
            pid = f"pareval/{name}/{model}"
            if model not in task.spec.models:
                why = "no Rust view (rust/rust.toml) for this problem" if model == "rayon" else f"task does not accept model '{model}'"
                skipped.append(Skipped(prompt_id=pid, reason=why))
                continue
            msgs = mutate_messages(task, model, SCRATCH, edit="rewrite")
            items.append(BenchItem(prompt_id=pid, task_ref=tid, model=model, function=task.spec.function, messages=msgs))
    return items, skipped


def _pareval_prompt_items(models: list[str], tasks: list[str] | None, prompt_dir: str | Path | None,
                          translation: bool, budget: float | None = None,
                          paper: bool = False) -> tuple[list[BenchItem], list[Skipped]]:
    """ParEval's prompt as the user message, verbatim (the reply continues it); the system message
    adds how the answer is timed (`pareval.timing_note`), which ParEval's prompt does not say."""
    prompts = pe.load_prompts(prompt_dir, "translation" if translation else "generation")
    if translation:
        prompts = [p for p in prompts if p.translation_src_model == "serial"]
    items, skipped = [], []
    for p in prompts:
        dst = p.translation_dst_model or p.parallelism_model
        if p.model not in models and dst not in models:
            continue
        if tasks and not any(t in (p.name, p.task_id, p.name.split("_")[0]) for t in tasks):
            continue
        pid = f"pareval{'-translate' if translation else ''}/{p.name}/{dst}"
        if why := pe.supported(p):
            skipped.append(Skipped(prompt_id=pid, reason=why))
            continue
        task = pe.get_pareval_task(p.name)
        system = f"{PAREVAL_SYSTEM} {pe.timing_note(task, budget, paper)}"
        msgs = [Message(role="system", content=system), Message(role="user", content=p.text)]
        items.append(BenchItem(prompt_id=pid, task_ref=task.id, model=p.model, function=task.spec.function,
                               messages=msgs, pareval_prompt=p.text))
    return items, skipped


def with_references(items: list[BenchItem], skipped: list[Skipped]) -> tuple[list[BenchItem], list[Skipped]]:
    """`--solutions reference`: only the items whose task has an expert reference in the item's
    model (one problem per ParEval category has one); the rest are listed as skipped, with why."""
    kept = []
    for it in items:
        if get_task(it.task_ref).spec.references.get(it.model):
            kept.append(it)
        else:
            skipped.append(Skipped(prompt_id=it.prompt_id, reason=f"no {it.model} reference for this task"))
    return kept, skipped
