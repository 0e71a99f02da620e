"""The one door to every LLM: `LLM.complete()`.

Providers make a single call and say what a failure means (`classify`); this wrapper owns
everything around the call so that each provider gets it for free and identically: the budget
check, retries with back-off, pricing, the running usage, and a `CallRecord` for every call,
failed or not, handed to the run store through `on_record`.
"""

from __future__ import annotations

import asyncio
import inspect
from collections import defaultdict
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Awaitable, Callable

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from .budget import Budget, BudgetExceeded, PriceTable
from .types import CallRecord, CallSubject, Completion, LLMError, Message, Usage, request_key

if TYPE_CHECKING:
    from .providers import Provider
    from .spec import LLMConfig

# Multiplies every wait between attempts (back-off and Retry-After alike); tests set it to 0.
BACKOFF_SCALE = 1.0
BACKOFF_INITIAL_S = 1.0  # first back-off; doubles per attempt, plus up to 1 s of jitter
BACKOFF_MAX_S = 60.0
# A server asking for a longer pause than this is waited on only this long: the next attempt
# then either works or is classified again, and a run does not sit idle for an hour.
MAX_RETRY_AFTER_S = 120.0
# How a wait is slept; a module attribute so a test can capture the delays instead of sleeping.
SLEEP: Callable[[float], Awaitable[None]] = asyncio.sleep

OnRecord = Callable[[CallRecord], "Awaitable[None] | None"]


class LLM:
    """Wraps one provider for a run. `usage` is the running total of successful calls,
    `usage_by_role` the same split by purpose, `calls` the number of `CallRecord`s produced.

    Records are numbered from `seq_start` on (a resumed run passes the number it already has).
    A `system_prompt`, when given, is put in front of messages that have no system message of
    their own, before the request key is computed, so the key names what was really sent.
    """

    def __init__(
        self,
        provider: Provider,
        *,
        budget: Budget | None = None,
        prices: PriceTable | None = None,
        max_attempts: int = 5,
        on_record: OnRecord | None = None,
        seq_start: int = 0,
        temperature: float | None = None,
        max_tokens: int | None = None,
        system_prompt: str | None = None,
    ):
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.provider = provider
        self.budget = budget
        self.prices = prices or PriceTable({})
        self.max_attempts = max_attempts
        self.on_record = on_record
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.system_prompt = system_prompt
        self.usage = Usage()
        self.usage_by_role: dict[str, Usage] = defaultdict(Usage)
        self.calls = 0
        self._next_seq = seq_start

    @classmethod
    def from_config(cls, spec: str, config: LLMConfig | None = None, **kwargs) -> LLM:
        """A provider from a spec string plus the `[llm]` section's knobs; keyword arguments
        (budget, on_record, seq_start, ...) win over the config."""
        from .spec import LLMConfig, parse_llm_spec

        config = config or LLMConfig()
        defaults = dict(
            prices=PriceTable(config.prices), max_attempts=config.max_attempts,
            temperature=config.temperature, max_tokens=config.max_tokens, system_prompt=config.system_prompt,
        )
        return cls(parse_llm_spec(spec, config), **{**defaults, **kwargs})

    async def complete(self, messages: list[Message], *, role: str, sample: int = 0,
                       subject: CallSubject | None = None) -> Completion:
        if self.budget is not None and (reason := self.budget.exhausted(self.usage)) is not None:
            raise BudgetExceeded(
                f"{self.provider.name}: {reason}; no further LLM calls (raise the budget to go on)", reason=reason
            )
        if self.system_prompt and not any(m.role == "system" for m in messages):
            messages = [Message(role="system", content=self.system_prompt), *messages]
        key = request_key(messages, sample, self.provider.model)
        seq = self._next_seq
        self._next_seq += 1
        started_at = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        attempts = 0

        def record(completion: Completion | None, error: str | None) -> CallRecord:
            return CallRecord(
                seq=seq, role=role, key=key, sample=sample, messages=messages, completion=completion,
                error=error, attempts=attempts, started_at=started_at, provider=self.provider.name,
                model=self.provider.model,
            )

        try:
            async for attempt in self._retrying():
                with attempt:
                    attempts = attempt.retry_state.attempt_number
                    completion = await self.provider.generate(
                        messages, key=key, role=role, sample=sample, subject=subject,
                        temperature=self.temperature, max_tokens=self.max_tokens,
                    )
        except Exception as exc:  # any failure of the call is recorded before it is raised as LLMError
            cause = self._describe(exc)
            rec = record(None, cause)
            await self._emit(rec)
            tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
            name, model = self.provider.name, self.provider.model
            who = name if model in name else f"{name} (model {model})"
            raise LLMError(f"{who}: {cause} {tries}", record=rec) from exc

        completion = self._priced(completion)
        self.usage += completion.usage
        self.usage_by_role[role] += completion.usage
        await self._emit(record(completion, None))
        return completion

    async def aclose(self) -> None:
        """Release the provider's connections, if it holds any."""
        close = getattr(self.provider, "aclose", None)
        if close is not None:
            await close()

    def _retrying(self) -> AsyncRetrying:
        classify = self.provider.classify
        backoff = wait_exponential_jitter(multiplier=BACKOFF_INITIAL_S, max=BACKOFF_MAX_S)

        def wait(state: RetryCallState) -> float:
            verdict = classify(state.outcome.exception())
            if verdict.kind == "rate_limit" and verdict.after is not None:
                base = min(verdict.after, MAX_RETRY_AFTER_S)
            else:
                base = backoff(state)
            return BACKOFF_SCALE * base

        async def sleep(seconds: float) -> None:
            if seconds > 0:
                await SLEEP(seconds)

        return AsyncRetrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=wait,
            # CancelledError and friends are not failures of the call: never retried.
            retry=retry_if_exception(lambda e: isinstance(e, Exception) and classify(e).retryable),
            sleep=sleep,
            reraise=True,
        )

    def _priced(self, completion: Completion) -> Completion:
        if completion.usage.cost is not None:
            return completion
        cost = self.prices.cost(completion.model, completion.usage)
        if cost is None and completion.model != self.provider.model:
            cost = self.prices.cost(self.provider.model, completion.usage)
        if cost is None:
            return completion
        return completion.model_copy(update={"usage": completion.usage.model_copy(update={"cost": cost})})

    def _describe(self, exc: BaseException) -> str:
        describe = getattr(self.provider, "describe", None)
        if describe is not None:
            return describe(exc)
        return str(exc) or type(exc).__name__

    async def _emit(self, rec: CallRecord) -> None:
        self.calls += 1
        if self.on_record is not None:
            result = self.on_record(rec)
            if inspect.isawaitable(result):
                await result

