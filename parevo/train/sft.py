"""LoRA supervised fine-tuning on a `parevo corpus` directory: TRL's SFTTrainer with a PEFT
adapter, then the adapter, a merged model and a summary under OUT.

Heavy imports (torch, transformers, trl, peft) happen inside `finetune`, after
`require_train_extra`, so `import parevo.train` costs nothing without the extra.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, Field

from ..version import __version__
from ..errors import ParevoError
from . import (  # defined before the package imports this module
    TRAIN_PACKAGES,
    require_train_extra,
)
from .data import PLAIN_CHAT_TEMPLATE, load_splits, to_dataset

# Attention and MLP projections of the families coder models come in (QLoRA's finding: adapting
# every linear layer beats attention only, which is PEFT's own default for most of these).
_LLAMA_LIKE = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
TARGET_MODULES: dict[str, list[str]] = {
    **{t: _LLAMA_LIKE for t in ("llama", "mistral", "qwen2", "qwen3", "gemma", "gemma2", "granite", "olmo2",
                                "deepseek_v3", "codegen_llama")},
    "phi3": ["qkv_proj", "o_proj", "gate_up_proj", "down_proj"],
    "starcoder2": ["q_proj", "k_proj", "v_proj", "o_proj", "c_fc", "c_proj"],
    "gpt2": ["c_attn", "c_proj", "c_fc"],
    "gpt_bigcode": ["c_attn", "c_proj", "c_fc"],
}


class FinetuneConfig(BaseModel):
    data_dir: Path
    base_model: str  # a local directory, or a hub name when the hub is reachable
    out: Path
    lora_r: int = Field(16, ge=1)
    lora_alpha: int = Field(32, ge=1)
    lora_dropout: float = Field(0.05, ge=0, lt=1)
    target_modules: str = "auto"  # auto (per architecture), all-linear, or comma-separated module names
    epochs: float = Field(1.0, gt=0)
    max_steps: int | None = Field(None, ge=1)  # set: overrides epochs
    lr: float = Field(2e-4, gt=0)
    batch_size: int = Field(4, ge=1)
    grad_accum: int = Field(1, ge=1)
    max_length: int = Field(2048, ge=16)
    seed: int = 0
    logging_steps: int = Field(10, ge=1)
    gradient_checkpointing: bool = False


class FinetuneResult(NamedTuple):
    adapter: Path
    merged: Path
    summary_path: Path
    summary: dict


def resolve_target_modules(spec: str, model_type: str) -> str | list[str]:
    if spec == "auto":
        return TARGET_MODULES.get(model_type, "all-linear")
    if spec == "all-linear":
        return spec
    names = [n.strip() for n in spec.split(",") if n.strip()]
    if not names:
        raise ParevoError(f"--target-modules '{spec}': use auto, all-linear, or names like q_proj,v_proj")
    return names


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"parevo": __version__}
    for name in TRAIN_PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = None
    return found


def _precision():
    """(dtype to load in, bf16 training): bf16 where the GPU has it, fp32 elsewhere (CPU, old GPUs)."""
    import torch

    if torch.cuda.is_available() and torch.cuda.is_bf16_supported():
        return torch.bfloat16, True
    return torch.float32, False


def _load_model(name: str, dtype):
    import transformers
    from packaging.version import Version
    from transformers import AutoModelForCausalLM

    # transformers 4.56 renamed torch_dtype to dtype (and warns on the old name from 5.0)
    key = "dtype" if Version(transformers.__version__) >= Version("4.56") else "torch_dtype"
    try:
        return AutoModelForCausalLM.from_pretrained(name, **{key: dtype})
    except (OSError, ValueError) as exc:
        raise ParevoError(f"--base-model {name}: cannot load a causal LM ({str(exc).splitlines()[0]}); "
                          "give a local model directory (config.json, weights, tokenizer files)") from None


def _sft_config(cfg: FinetuneConfig, bf16: bool):
    import torch
    from trl import SFTConfig

    wanted = dict(
        output_dir=str(cfg.out / "trainer"), num_train_epochs=cfg.epochs, max_steps=cfg.max_steps or -1,
        learning_rate=cfg.lr, per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=cfg.batch_size,
        gradient_accumulation_steps=cfg.grad_accum,
        seed=cfg.seed, data_seed=cfg.seed, logging_steps=cfg.logging_steps, logging_first_step=True,
        save_strategy="no", eval_strategy="no", report_to="none", bf16=bf16,
        max_length=cfg.max_length, completion_only_loss=True, packing=False,
        dataloader_pin_memory=torch.cuda.is_available(),
    )
    fields = {f.name for f in dataclasses.fields(SFTConfig)}
    if cfg.gradient_checkpointing:  # transformers 5 renamed it and warns on the old name
        key = "activation_checkpointing" if "activation_checkpointing" in fields else "gradient_checkpointing"
        wanted[key] = True
    if "max_length" not in fields:  # TRL before 0.16 called it max_seq_length
        wanted["max_seq_length"] = wanted.pop("max_length")
    dropped = sorted(k for k in wanted if k not in fields)
    return SFTConfig(**{k: v for k, v in wanted.items() if k in fields}), dropped


def finetune(cfg: FinetuneConfig, log: Callable[[str], None] = print) -> FinetuneResult:
    """Train a LoRA adapter on DIR/train.jsonl, save OUT/adapter, OUT/merged, OUT/train_summary.json."""
    require_train_extra()
    if (cfg.out / "train_summary.json").exists():
        raise ParevoError(f"{cfg.out} already holds a fine-tune (train_summary.json): choose another --out")
    splits = load_splits(cfg.data_dir)

    import torch
    from peft import LoraConfig
    from transformers import AutoTokenizer, set_seed
    from trl import SFTTrainer

    started = time.time()
    set_seed(cfg.seed)  # before the model exists: LoRA's A matrices are drawn at wrap time
    name = cfg.base_model
    if name.startswith((".", "/")) and not Path(name).is_dir():
        raise ParevoError(f"--base-model {name}: no such directory")
    try:
        tokenizer = AutoTokenizer.from_pretrained(name)
    except (OSError, ValueError) as exc:
        raise ParevoError(f"--base-model {name}: no tokenizer ({str(exc).splitlines()[0]}); "
                          "give a local model directory (config.json, weights, tokenizer files)") from None
    template = "tokenizer"
    if not tokenizer.chat_template:
        tokenizer.chat_template, template = PLAIN_CHAT_TEMPLATE, "plain"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    dtype, bf16 = _precision()
    model = _load_model(cfg.base_model, dtype)
    model_type = getattr(model.config, "model_type", "")
    targets = resolve_target_modules(cfg.target_modules, model_type)
    lora = LoraConfig(r=cfg.lora_r, lora_alpha=cfg.lora_alpha, lora_dropout=cfg.lora_dropout,
                      target_modules=targets, bias="none", task_type="CAUSAL_LM")
    args, dropped = _sft_config(cfg, bf16)
    if dropped:
        log(f"this TRL's SFTConfig has no {', '.join(dropped)}: trained without (see train_summary.json)")
    train_ds = to_dataset(splits.train)
    eval_ds = to_dataset(splits.eval) if splits.eval else None
    trainer = SFTTrainer(model=model, args=args, train_dataset=train_ds, eval_dataset=eval_ds,
                         processing_class=tokenizer, peft_config=lora)
    trained = sum(p.numel() for p in trainer.model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in trainer.model.parameters())
    names = targets if isinstance(targets, str) else ",".join(targets)
    log(f"LoRA r={cfg.lora_r} on {names} of {model_type}: {trained:,} of {total:,} parameters trained; "
        f"{len(splits.train)} train, {len(splits.eval)} eval records")

    eval_before = trainer.evaluate()["eval_loss"] if eval_ds is not None else None
    trainer.train()
    eval_after = trainer.evaluate()["eval_loss"] if eval_ds is not None else None
    losses = [(h["step"], h["loss"]) for h in trainer.state.log_history if "loss" in h]
    if (scratch := Path(args.output_dir)).is_dir() and not any(scratch.iterdir()):
        scratch.rmdir()  # save_strategy "no" leaves the Trainer's output_dir empty

    adapter_dir, merged_dir = cfg.out / "adapter", cfg.out / "merged"
    trainer.model.save_pretrained(adapter_dir)
    tokenizer.save_pretrained(adapter_dir)
    merged = trainer.model.merge_and_unload()
    merged.save_pretrained(merged_dir)
    tokenizer.save_pretrained(merged_dir)

    summary = {
        "base_model": cfg.base_model,
        "model_type": model_type,
        "steps": trainer.state.global_step,
        "epochs": trainer.state.epoch,
        "loss_first": losses[0][1] if losses else None,
        "loss_last": losses[-1][1] if losses else None,
        "losses": [{"step": s, "loss": v} for s, v in losses],
        "eval_loss_before": eval_before,
        "eval_loss_after": eval_after,
        "params_trained": trained,
        "params_total": total,
        "data": {"dir": str(cfg.data_dir), "train": len(splits.train), "eval": len(splits.eval)},
        "chat_template": template,
        "completion_only_loss": "completion_only_loss" not in dropped,
        "sft_config_unsupported": dropped,
        "target_modules": targets,
        "precision": "bf16" if bf16 else "fp32",
        "device": "cuda" if torch.cuda.is_available() else "cpu",
        "seconds": round(time.time() - started, 1),
        "config": json.loads(cfg.model_dump_json()),
        "versions": versions(),
    }
    summary_path = cfg.out / "train_summary.json"
    summary_path.write_text(json.dumps(summary, indent=2) + "\n")
    return FinetuneResult(adapter_dir, merged_dir, summary_path, summary)
