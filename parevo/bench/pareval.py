"""ParEval adapter: ParEval's prompts, parevo's own judgement.

ParEval (Nichols et al., HPDC 2024) ships 60 problems x 7 models of prompts; its harness is
weak (dense p=1/2 graphs where `return 1;` counts components, 2 unseeded trials, serial code
passing MPI prompts, speedup@k wrong for k > 1). parevo keeps the prompts and judges with its
own task directories (`parevo/tasks/pareval/<id>/`): a sequential baseline written for parevo,
a validator, adversarial input families, and a `paper` family with the original sizes and
distributions for a paper-compatible mode.

The user points parevo at their ParEval checkout or a copy of its two prompt files
(`--pareval DIR` or `$PAREVAL_DIR`); nothing of ParEval's is bundled.

A ParEval prompt ends with an open signature `... {`; the model continues it. Chat models often
answer with the whole function instead: `assemble` accepts both.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import ParevoError, TaskFileError
from ..verify.config import EvalConfig
from ..verify.source import defines_function, strip_comments_and_strings
from ..tasks import PAREVAL_TASKS
from ..tasks.model import Task, load_task

TASKS_DIR = PAREVAL_TASKS
MODEL_MAP = {"serial": "serial", "omp": "openmp", "mpi": "mpi", "mpi+omp": "mpi+omp",
             "kokkos": "kokkos", "cuda": "cuda"}  # ParEval model -> parevo model
UNSUPPORTED_MODELS = {"hip": "no ROCm on Debian, so HIP is out of scope"}
PROMPT_FILES = {"generation": "generation-prompts.json", "translation": "translation-prompts.json"}


class ParEvalPrompt(BaseModel):
    name: str  # e.g. 16_graph_largest_component
    problem_type: str
    language: str = "cpp"
    parallelism_model: str
    prompt: str
    translation_prompt: str | None = None
    translation_src_model: str | None = None
    translation_dst_model: str | None = None
    translation_function_name: str | None = None

    @property
    def task_id(self) -> str:
        return task_id_for(self.name)

    @property
    def model(self) -> str | None:
        """parevo's model for this prompt (the destination model for a translation), or None."""
        return MODEL_MAP.get(self.translation_dst_model or self.parallelism_model)

    @property
    def text(self) -> str:
        """What the LLM sees."""
        return self.translation_prompt or self.prompt


def task_id_for(name: str) -> str:
    """ParEval names hold '-' and start with digits; parevo task ids are [a-z0-9_]+."""
    return "pareval_" + re.sub(r"[^a-z0-9_]", "_", name.lower())


def find_prompt_dir(explicit: str | Path | None = None) -> Path:
    """The directory holding ParEval's prompt files: a checkout (prompts/ inside) or a copy."""
    candidates = [explicit] if explicit else [os.environ.get("PAREVAL_DIR")]
    for c in candidates:
        if not c:
            continue
        for d in (Path(c), Path(c) / "prompts"):
            if (d / PROMPT_FILES["generation"]).is_file():
                return d
        raise ParevoError(f"{c}: no {PROMPT_FILES['generation']} here or in {c}/prompts "
                          f"(point --pareval at a ParEval checkout or a copy of its prompt files)")
    raise ParevoError("no ParEval prompts: pass --pareval DIR (a ParEval checkout, or a directory with "
                      "generation-prompts.json and translation-prompts.json) or set PAREVAL_DIR")


def load_prompts(directory: str | Path | None = None, kind: str = "generation") -> list[ParEvalPrompt]:
    path = find_prompt_dir(directory) / PROMPT_FILES[kind]
    if not path.is_file():
        raise ParevoError(f"{path}: missing")
    try:
        raw = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise ParevoError(f"{path}: not valid JSON ({e})") from None
    if not isinstance(raw, list):
        raise ParevoError(f"{path}: expected a JSON array of prompt objects")
    out = []
    for i, item in enumerate(raw):
        try:
            out.append(ParEvalPrompt.model_validate(item))
        except ValidationError as e:
            err = e.errors()[0]
            raise ParevoError(f"{path}: entry {i}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    return out


def supported(prompt: ParEvalPrompt) -> str | None:
    """None when parevo can judge this prompt, else why not."""
    src = prompt.translation_dst_model or prompt.parallelism_model
    if src in UNSUPPORTED_MODELS:
        return f"model '{src}': {UNSUPPORTED_MODELS[src]}"
    if not (TASKS_DIR / prompt.task_id / "task.toml").is_file():
        return f"no parevo task for '{prompt.name}' yet"
    if (model := MODEL_MAP.get(src)) and model not in load_task(TASKS_DIR / prompt.task_id).spec.models:
        if model == "kokkos":  # ParEval's Kokkos signature takes Views: the task needs a trusted view
            return "no Kokkos view (kokkos/adapter.cpp) for this problem yet"
        return f"task does not accept model '{model}'"
    if model == "cuda" and not (TASKS_DIR / prompt.task_id / "cuda" / "view.cu").is_file():
        # the trusted host code that launches the kernel (verify/cudarun.py); every ParEval problem has one
        return "no CUDA view (cuda/view.cu) for this problem yet: its kernel could not be run"
    return None


def pareval_task_ids() -> list[str]:
    return sorted(p.name for p in TASKS_DIR.iterdir() if (p / "task.toml").is_file()) if TASKS_DIR.is_dir() else []


def get_pareval_task(name_or_id: str) -> Task:
    tid = name_or_id if name_or_id.startswith("pareval_") else task_id_for(name_or_id)
    if not (TASKS_DIR / tid / "task.toml").is_file():
        raise TaskFileError(f"no ParEval task '{name_or_id}' (have: {len(pareval_task_ids())} in {TASKS_DIR})")
    return load_task(TASKS_DIR / tid)


_SIZES_COMMENT = re.compile(r"^\[sizes\][ \t]*#[ \t]*(.+)$", re.M)


def timing_note(task: Task, budget: float | None, paper: bool = False) -> str:
    """What the model is told about how its answer is timed (ParEval's prompt does not say: a
    model that writes an O(n^2) answer for ParEval's 8192 points meets parevo's millions). The
    scale's meaning is the comment on the task's [sizes] table, which every ParEval task has."""
    if paper:
        scale = "on ParEval's own inputs (its test sizes)"
    else:
        m = _SIZES_COMMENT.search((task.root / "task.toml").read_text())
        scale = f"at size {task.spec.sizes.timing:,}" + (f" ({m.group(1).strip()})" if m else "")
    limit = (f"; an answer slower than {budget:g}x the baseline is stopped and counted as correct but too slow"
             if budget else "")
    return (f"The answer is checked on many inputs, then timed {scale} against a sequential baseline{limit}."
            + ("" if paper else " Choose an algorithm that scales to that size."))


def paper_config(task: Task, base: EvalConfig | None = None) -> EvalConfig:
    """ParEval's original inputs only (the `paper` families, their sizes built into the
    generator) and two trials, for numbers comparable with the paper."""
    if not task.spec.paper_families:
        raise ParevoError(f"task '{task.id}' has no paper_families")
    base = base or EvalConfig()
    return base.model_copy(update={"families": task.spec.paper_families, "timing_families": task.spec.paper_families,
                                   "check_reps": 2})


# -- assembling a candidate from a prompt and a reply ------------------------------------------

def _signature_line(prompt: str) -> int:
    lines = prompt.rstrip().splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].rstrip().endswith("{"):
            return i
    raise ParevoError("a ParEval prompt must end with an open function signature '... {'")


def _top_level_items(text: str) -> list[str]:
    """Split source into top-level items (an include, a struct, a function, a comment block)."""
    items, current, depth = [], [], 0
    stripped_lines = strip_comments_and_strings(text).splitlines()
    for raw, stripped in zip(text.splitlines(), stripped_lines):
        current.append(raw)
        depth += stripped.count("{") - stripped.count("}")
        if depth == 0 and (stripped.strip().endswith(("}", "};", ";")) or raw.lstrip().startswith("#")
                           or not stripped.strip()):
            items.append("\n".join(current))
            current = []
    if current:
        items.append("\n".join(current))
    return items


_STRUCT = re.compile(r"\b(struct|class|enum)\s+(\w+)")
_FUNC = re.compile(r"(\w+)\s*\([^;{}]*\)\s*(?:const\s*)?\{")


def _declared_name(item: str) -> str | None:
    s = strip_comments_and_strings(item)
    if m := _STRUCT.search(s):
        return m.group(2)
    if m := _FUNC.search(s):
        return m.group(1)
    return None


def _drop_type_definitions(code: str, names: set[str]) -> str:
    """Remove the reply's own definitions of the prompt's types: the harness was compiled with
    the prompt's definition, so the prompt's must be the one in the program."""
    for name in names:
        stripped = strip_comments_and_strings(code)
        m = re.search(rf"\b(struct|class|enum)\s+{re.escape(name)}\b[^;{{}}]*\{{", stripped)
        if not m:
            continue
        depth, i = 0, m.end() - 1
        while i < len(stripped):
            depth += {"{": 1, "}": -1}.get(stripped[i], 0)
            i += 1
            if depth == 0:
                break
        end = stripped.find(";", i)
        code = code[:m.start()] + code[(end + 1 if end >= 0 else i):]
    return code


def assemble(prompt: str, completion: str, function: str) -> str:
    """The candidate translation unit: the prompt's preamble plus the model's function, or
    the prompt plus the model's continuation of the body."""
    lines = prompt.rstrip().splitlines()
    sig = _signature_line(prompt)
    code_stripped = strip_comments_and_strings(completion)
    if defines_function(code_stripped, function):
        items = _top_level_items("\n".join(lines[:sig]))
        types = {m.group(2) for item in items if (m := _STRUCT.search(strip_comments_and_strings(item)))}
        code = _drop_type_definitions(completion, types)
        code_stripped = strip_comments_and_strings(code)
        kept = [item for item in items if (name := _declared_name(item)) is None or name in types
                or not defines_function(code_stripped, name)]
        return "\n".join(kept).rstrip() + "\n\n" + code.strip() + "\n"
    body = completion.rstrip()
    balance = code_stripped.count("{") - code_stripped.count("}")
    closing = "" if balance < 0 else "\n}"  # the continuation usually closes the function itself
    return prompt.rstrip() + "\n" + body + closing + "\n"
