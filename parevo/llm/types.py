"""The values that cross the LLM seam: what the evolve loop, bench and corpus see of a call.

Every model here is plain pydantic so a `CallRecord` round-trips through JSON unchanged: the run
store keeps one per call, and `Replay` reads them back to re-run a recording offline.
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..errors import ParevoError


class Message(BaseModel):
    model_config = ConfigDict(frozen=True)

    role: Literal["system", "user", "assistant"]
    content: str


class CallSubject(BaseModel):
    """What a call is for, for whoever answers it by hand (the exchange directory's request file):
    the task and the bench item or run it serves. Not part of the request key."""
    model_config = ConfigDict(frozen=True)

    task: str
    item: str | None = None  # a bench item's prompt id, or an evolve run's name


class Usage(BaseModel):
    """Tokens and cost of one call, or of many added together.

    `cost` is in US dollars. `None` means no price was known, and a report must print "unknown"
    rather than "$0.00". When priced and unpriced calls are added up, `cost` keeps the sum of
    the priced part and `cost_unknown` turns on, so the report can say "$0.42 + unknown" instead
    of either hiding the known part or passing off a lower bound as the total.

    A usage with no tokens and no cost (the default, or a failed call) is the zero of `+`, so
    `sum(records_usages)` and `Usage() + u` give `u` back.
    """

    model_config = ConfigDict(frozen=True)

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float | None = None
    cost_unknown: bool = False

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def is_zero(self) -> bool:
        return self.total_tokens == 0 and self.cost is None and not self.cost_unknown

    def __add__(self, other: object) -> Usage:
        if isinstance(other, int) and other == 0:  # sum() starts from 0
            return self
        if not isinstance(other, Usage):
            return NotImplemented
        if other.is_zero:
            return self
        if self.is_zero:
            return other
        known = [u.cost for u in (self, other) if u.cost is not None]
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cost=sum(known) if known else None,
            cost_unknown=self.cost_unknown or other.cost_unknown or len(known) == 1,
        )

    __radd__ = __add__

    def cost_text(self) -> str:
        """The cost as a report prints it: "$0.0123", "unknown", or "$0.0123 + unknown"."""
        if self.cost is None:
            return "unknown"
        return f"${self.cost:.4f}" + (" + unknown" if self.cost_unknown else "")


class Completion(BaseModel):
    text: str
    model: str  # as the server reported it (may be more specific than the one asked for)
    provider: str
    usage: Usage = Usage()
    latency_s: float = 0.0
    finish_reason: str | None = None  # the provider's own ("stop", "length", ...)


class CallRecord(BaseModel):
    """One LLM call, success or final failure: what the run store keeps and `Replay` reads.

    `role` is the purpose of the call ("mutate", "repair", "critic", "generate", ...), not the
    chat role. `key` identifies the request (see `request_key`); `attempts` counts tries,
    retries included.
    """

    seq: int
    role: str
    key: str
    sample: int = 0
    messages: list[Message]
    completion: Completion | None = None
    error: str | None = None
    attempts: int = 1
    started_at: str  # ISO 8601, UTC
    provider: str
    model: str


def estimate_tokens(text: str) -> int:
    """About four characters a token: enough for budgets to bite when a provider (a script, a
    person answering files) reports no token counts."""
    return (len(text) + 3) // 4


def request_key(messages: list[Message], sample: int, model: str) -> str:
    """Identity of a request. The sample index is part of it so that pass@5 really draws five
    answers, and the model so that two models never share a cached or replayed answer. Knobs
    such as retries, timeouts and concurrency are left out on purpose."""
    payload = json.dumps(
        {"messages": [[m.role, m.content] for m in messages], "sample": sample, "model": model},
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


class Retry(BaseModel):
    """What a provider says about a failed call; the `LLM` wrapper decides what to do with it."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["rate_limit", "transient", "no"]
    after: float | None = None  # seconds the server asked us to wait (Retry-After)

    @classmethod
    def rate_limit(cls, after: float | None = None) -> Retry:
        return cls(kind="rate_limit", after=after)

    @classmethod
    def transient(cls) -> Retry:
        return cls(kind="transient")

    @classmethod
    def no(cls) -> Retry:
        return cls(kind="no")

    @property
    def retryable(self) -> bool:
        return self.kind != "no"


class ProviderError(Exception):
    """A single call failed in a way the provider understands (an empty reply, a timeout waiting
    for an exchange file, a simulated 500). It carries its own classification, so every
    provider's `classify` can simply return `exc.retry`. Not user-facing: the wrapper turns the
    final one into an `LLMError`."""

    def __init__(self, message: str, retry: Retry | None = None):
        super().__init__(message)
        self.retry = retry or Retry.no()


class ProviderExhausted(ProviderError):
    """An offline provider (a script, a recording) has no reply left: the run has replayed all
    there is, which ends it normally rather than as a failure."""


class LLMError(ParevoError):
    """An LLM call failed for good (after its retries). The message names the provider, the
    model, what happened and how many attempts were made."""

    def __init__(self, message: str, *, record: CallRecord | None = None):
        super().__init__(message)
        self.record = record
