"""Supervised records (`parevo corpus` JSONL) to chat examples for TRL.

A record needs `instruction` and `solution`; an optional `system` becomes the system message.
The assistant's reply is the solution in one ```cpp block, the shape parevo's prompts ask for and
`llm.extract` reads back, so a fine-tuned model answers the agent the way it was trained.

The JSONL is read here rather than by `datasets.load_dataset` so a bad line is reported with its
file and line number, and nothing is written to the Hugging Face cache.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from ..errors import ParevoError

REQUIRED = ("instruction", "solution")

# Used when the tokenizer has none (base models). It is saved with the tokenizer, so a server
# (`vllm serve OUT/merged`) renders chat requests exactly as the model saw them in training.
PLAIN_CHAT_TEMPLATE = (
    "{% for m in messages %}"
    "{% if m['role'] == 'system' %}### System\n{{ m['content'] }}\n\n"
    "{% elif m['role'] == 'user' %}### User\n{{ m['content'] }}\n\n"
    "{% elif m['role'] == 'assistant' %}### Assistant\n{{ m['content'] }}{{ eos_token }}"
    "{% if not loop.last %}\n\n{% endif %}"
    "{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}### Assistant\n{% endif %}"
)


class Splits(NamedTuple):
    train: list[dict]
    eval: list[dict]  # empty when DIR has no eval.jsonl


def read_jsonl(path: Path) -> list[dict]:
    """Every record of a JSONL file, checked for the supervised fields."""
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ParevoError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise ParevoError(f"{path}:{n}: expected a JSON object per line")
        missing = [f for f in REQUIRED if not isinstance(record.get(f), str) or not record[f].strip()]
        if missing:
            raise ParevoError(f"{path}:{n}: no {', '.join(missing)} (supervised records need "
                              f"{' and '.join(REQUIRED)}; preference files are not for finetune)")
        records.append(record)
    return records


def load_splits(data_dir: Path) -> Splits:
    train_path = data_dir / "train.jsonl"
    if not train_path.is_file():
        raise ParevoError(f"{train_path}: no such file (parevo corpus generate --out {data_dir} writes it)")
    train = read_jsonl(train_path)
    if not train:
        raise ParevoError(f"{train_path}: no records")
    eval_path = data_dir / "eval.jsonl"
    return Splits(train, read_jsonl(eval_path) if eval_path.is_file() else [])


def fence_cpp(solution: str) -> str:
    """The solution in one ```cpp block; one already fenced is kept as it is."""
    text = solution.strip("\n")
    if text.lstrip().startswith("```"):
        return text.strip()
    return f"```cpp\n{text}\n```"


def to_prompt_completion(record: dict) -> dict:
    """TRL's conversational prompt-completion form: the loss can then cover the reply only."""
    prompt = []
    if isinstance(record.get("system"), str) and record["system"].strip():
        prompt.append({"role": "system", "content": record["system"]})
    prompt.append({"role": "user", "content": record["instruction"]})
    return {"prompt": prompt, "completion": [{"role": "assistant", "content": fence_cpp(record["solution"])}]}


def to_dataset(records: list[dict]):
    """A `datasets.Dataset` of prompt/completion message lists (only those two columns)."""
    from datasets import Dataset

    return Dataset.from_list([to_prompt_completion(r) for r in records])
