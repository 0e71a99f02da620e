"""Spending limits and prices.

Prices live in configuration rather than code: they change, local servers cost nothing we can
know, and a wrong built-in price is worse than an honest "unknown".
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, RootModel

from ..errors import ParevoError
from .types import Usage


class BudgetExceeded(ParevoError):
    """The run has spent its token or dollar budget; no further call was made."""

    def __init__(self, message: str, *, reason: str):
        super().__init__(message)
        self.reason = reason


class Budget(BaseModel):
    """A run's limits on total tokens (prompt + completion) and on dollars.

    The check happens before each call, so calls already in flight when the limit is reached
    still finish: the budget can be overshot by at most the calls running concurrently.
    Unpriced calls (cost unknown) cannot count towards `max_usd`; `exhausted` judges the priced
    part only, and the usage's `cost_text()` says the total is partly unknown.
    """

    model_config = ConfigDict(extra="forbid")

    max_tokens: int | None = Field(default=None, ge=0)
    max_usd: float | None = Field(default=None, ge=0)

    def exhausted(self, usage: Usage) -> str | None:
        """Why no further call may start, or None while there is budget left."""
        if self.max_tokens is not None and usage.total_tokens >= self.max_tokens:
            return f"token budget spent: {usage.total_tokens:,} of {self.max_tokens:,} tokens"
        if self.max_usd is not None and usage.cost is not None and usage.cost >= self.max_usd:
            return f"cost budget spent: ${usage.cost:.4f} of ${self.max_usd:.4f}"
        return None


class Price(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prompt_per_mtok: float = Field(ge=0)  # US dollars per million prompt tokens
    completion_per_mtok: float = Field(ge=0)


class PriceTable(RootModel[dict[str, Price]]):
    """{model name: Price}. A server often reports a dated model ("gpt-4o-2024-08-06") for the
    one asked for ("gpt-4o"), so `cost` falls back to the longest configured name that the
    reported one starts with."""

    root: dict[str, Price] = {}

    def price(self, model: str) -> Price | None:
        if model in self.root:
            return self.root[model]
        prefixes = [name for name in self.root if model.startswith(name)]
        return self.root[max(prefixes, key=len)] if prefixes else None

    def cost(self, model: str, usage: Usage) -> float | None:
        p = self.price(model)
        if p is None:
            return None
        return (usage.prompt_tokens * p.prompt_per_mtok + usage.completion_tokens * p.completion_per_mtok) / 1e6
