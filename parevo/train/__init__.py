"""`parevo finetune`: LoRA supervised fine-tuning on a `parevo corpus` directory (the `train` extra).

Nothing here imports torch: `require_train_extra()` checks the extra and names the fix, and
`finetune` imports the heavy packages only when it runs.
"""

from __future__ import annotations

import importlib

from ..errors import ParevoError

# import name -> distribution name (the same here); the `train` extra in pyproject.toml lists them
TRAIN_PACKAGES = ("torch", "transformers", "trl", "peft", "datasets", "accelerate")
EXTRA_HINT = "parevo finetune needs the train extra: pip install 'parevo[train]'"


def require_train_extra() -> None:
    """Raise the one-line ParevoError naming the fix when any training package cannot be imported."""
    missing = []
    for name in TRAIN_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            if exc.name == name:  # the package itself is absent
                missing.append(name)
                continue
            # installed but does not import: usually versions that do not fit together
            first = (str(exc) or type(exc).__name__).splitlines()[0]
            raise ParevoError(f"parevo finetune: {name} is installed but does not import ({first}): "
                              "pip install -U 'parevo[train]'") from None
    if missing:
        raise ParevoError(f"{EXTRA_HINT} (missing: {', '.join(missing)})")


from .data import PLAIN_CHAT_TEMPLATE, load_splits, to_prompt_completion  # noqa: E402
from .sft import FinetuneConfig, FinetuneResult, finetune, resolve_target_modules  # noqa: E402

__all__ = [
    "EXTRA_HINT", "PLAIN_CHAT_TEMPLATE", "TRAIN_PACKAGES", "FinetuneConfig", "FinetuneResult", "finetune",
    "load_splits", "require_train_extra", "resolve_target_modules", "to_prompt_completion",
]
