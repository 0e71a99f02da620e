"""parevo's LLM layer: one wrapper (`LLM`) over small providers, every call recorded.

    llm = LLM.from_config("openai:qwen2.5-coder@http://127.0.0.1:8000/v1", config, on_record=store.add)
    completion = await llm.complete([Message(role="user", content=prompt)], role="mutate", sample=0)

See docs/llm.md for the specs, the `[llm]` config keys and the exchange-directory protocol.
"""

from .budget import Budget, BudgetExceeded, Price, PriceTable
from .client import LLM
from .providers import (
    ExchangeDirectory, ExchangeRequest, OpenAICompatible, Provider, Replay, Scripted, answer, pending,
)
from .spec import LLMConfig, parse_llm_spec
from .types import (
    CallRecord, Completion, LLMError, Message, ProviderError, ProviderExhausted, Retry, Usage, request_key,
)

__all__ = [
    "LLM", "LLMConfig", "parse_llm_spec", "Budget", "BudgetExceeded", "Price", "PriceTable",
    "Message", "Usage", "Completion", "CallRecord", "Retry", "LLMError", "ProviderError",
    "ProviderExhausted", "request_key",
    "Provider", "OpenAICompatible", "ExchangeDirectory", "ExchangeRequest", "pending", "answer",
    "Scripted", "Replay",
]
