"""Providers: one request in, one `Completion` out, no retries inside (the `LLM` wrapper
retries, records, prices and budgets). A provider's `classify` is the only place that knows
which of its failures are worth another try.

The OpenAI SDK is imported only when an `openai:` provider makes its first call, so the
offline providers (exchange, scripted, replay) work without it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..types import CallSubject, Completion, Message, Retry
from .exchange import ExchangeDirectory, ExchangeRequest, answer, pending
from .openai_compat import OpenAICompatible
from .scripted import Replay, Scripted


@runtime_checkable
class Provider(Protocol):
    name: str  # "openai:qwen2.5-coder@http://127.0.0.1:8000/v1", "exchange:/path", "scripted:file"
    model: str

    async def generate(
        self, messages: list[Message], *, key: str, role: str, sample: int, subject: CallSubject | None = None,
        temperature: float | None, max_tokens: int | None,
    ) -> Completion: ...

    def classify(self, exc: BaseException) -> Retry: ...


__all__ = [
    "Provider", "OpenAICompatible", "ExchangeDirectory", "ExchangeRequest", "pending", "answer",
    "Scripted", "Replay",
]
