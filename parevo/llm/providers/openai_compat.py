"""Any server that speaks OpenAI's chat-completions API: OpenAI itself, vLLM, llama.cpp's server,
Ollama, SGLang, OpenRouter.

The SDK's own retries are switched off (`max_retries=0`): the `LLM` wrapper retries, so each
attempt is recorded and counted once, and back-off is the same for every provider.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import os
import time
from typing import Any

from ...errors import ParevoError
from ..types import CallSubject, Completion, Message, ProviderError, Retry, Usage

DEFAULT_TIMEOUT_S = 120.0


class OpenAICompatible:
    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        api_key_env: str = "OPENAI_API_KEY",
        timeout_s: float = DEFAULT_TIMEOUT_S,
        temperature: float | None = None,
        max_tokens: int | None = None,
        seed: int | None = None,
    ):
        if not model:
            raise ParevoError("openai: no model named: use openai:MODEL[@BASE_URL] or set model in [llm]")
        self.model = model
        self.base_url = base_url.rstrip("/") if base_url else None
        self.api_key_env = api_key_env
        key = api_key or os.environ.get(api_key_env)
        if not key:
            if self.base_url is None:
                raise ParevoError(
                    f"openai:{model} needs an API key: set {api_key_env} "
                    "(or name another variable with api_key_env in [llm])"
                )
            key = "none"  # local servers (vLLM, llama.cpp) accept any key, but the SDK wants one
        self._api_key = key
        self.timeout_s = timeout_s
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.seed = seed
        self.name = f"openai:{model}" + (f"@{self.base_url}" if self.base_url else "")
        self._client: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _client_for_this_loop(self) -> Any:
        # An httpx async client is tied to the event loop it first ran on; a provider may be
        # used from several `asyncio.run` calls (tests, CLI commands), so one client per loop.
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            import openai  # lazy: the offline providers must not need the SDK

            self._client = openai.AsyncOpenAI(
                api_key=self._api_key, base_url=self.base_url, timeout=self.timeout_s, max_retries=0
            )
            self._loop = loop
        return self._client

    async def generate(
        self, messages: list[Message], *, key: str, role: str, sample: int, subject: CallSubject | None = None,
        temperature: float | None = None, max_tokens: int | None = None,
    ) -> Completion:
        import openai

        client = self._client_for_this_loop()
        kwargs: dict[str, Any] = {}
        if (t := temperature if temperature is not None else self.temperature) is not None:
            kwargs["temperature"] = t
        if (n := max_tokens if max_tokens is not None else self.max_tokens) is not None:
            kwargs["max_tokens"] = n
        if self.seed is not None:
            # The sample index shifts the seed, or pass@k would draw the same answer k times.
            kwargs["seed"] = self.seed + sample
        t0 = time.monotonic()
        try:
            resp = await client.chat.completions.create(
                model=self.model, messages=[m.model_dump() for m in messages], **kwargs
            )
        except json.JSONDecodeError as exc:
            raise ProviderError(f"malformed JSON in the reply: {exc}", Retry.transient()) from exc
        except openai.APIResponseValidationError as exc:
            raise ProviderError(f"the reply is not a chat completion: {exc.message}", Retry.transient()) from exc
        latency = time.monotonic() - t0
        choices = getattr(resp, "choices", None)
        if not isinstance(choices, list) or not choices:
            # some servers answer 200 with {"error": {...}} in the body: say what they said
            err = (getattr(resp, "model_extra", None) or {}).get("error")
            if err:
                said = err.get("message", err) if isinstance(err, dict) else err
                raise ProviderError(f"the server answered 200 with an error: {str(said)[:300]}", Retry.transient())
            raise ProviderError("empty reply: no choices", Retry.transient())
        choice = choices[0]
        text = getattr(getattr(choice, "message", None), "content", None)
        if not isinstance(text, str) or not text.strip():
            raise ProviderError(
                f"empty reply: the message has no content (finish_reason={choice.finish_reason})",
                Retry.transient(),
            )
        return Completion(
            text=text, model=getattr(resp, "model", None) or self.model, provider=self.name,
            usage=_usage(getattr(resp, "usage", None)), latency_s=latency, finish_reason=choice.finish_reason,
        )

    def classify(self, exc: BaseException) -> Retry:
        if isinstance(exc, ProviderError):
            return exc.retry
        import openai

        if isinstance(exc, openai.APIStatusError):
            code = exc.status_code
            if code == 429:
                # OpenAI answers 429 for an empty account too; waiting does not refill it.
                if exc.code == "insufficient_quota":
                    return Retry.no()
                return Retry.rate_limit(retry_after(exc.response.headers))
            return Retry.transient() if code in (408, 409) or code >= 500 else Retry.no()
        if isinstance(exc, (openai.APIConnectionError, json.JSONDecodeError)):  # timeouts included
            return Retry.transient()
        return Retry.no()

    def describe(self, exc: BaseException) -> str:
        """The cause as the final error message shows it, with the likely fix where there is one."""
        if isinstance(exc, ProviderError):
            return str(exc)
        import openai

        if isinstance(exc, openai.APIStatusError):
            text = f"HTTP {exc.status_code}" + (f": {d}" if (d := _detail(exc)) else "")
            if exc.status_code in (401, 403):
                text += f" (check the API key in ${self.api_key_env})"
            elif exc.status_code == 404:
                text += f" (is the model '{self.model}' served there, and does the base URL end in /v1?)"
            return text
        if isinstance(exc, openai.APITimeoutError):
            return f"no reply within {self.timeout_s:g} s (timeout_s in [llm])"
        if isinstance(exc, openai.APIConnectionError):
            cause = exc.__cause__ or exc
            # connected, then cut off mid-reply; by name: the SDK's HTTP library varies (httpx, httpx2)
            if type(cause).__name__ == "RemoteProtocolError":
                return f"the connection dropped in the middle of the reply ({cause})"
            return f"cannot connect ({cause}); is the server running at {self.base_url or 'api.openai.com'}?"
        return f"{type(exc).__name__}: {exc}"

    async def aclose(self) -> None:
        if self._client is not None and self._loop is asyncio.get_running_loop():
            await self._client.close()
        self._client = None


def retry_after(headers: Any) -> float | None:
    """Seconds from `retry-after-ms` or `Retry-After` (seconds or an HTTP date); None if absent."""
    if headers is None:
        return None
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass  # malformed: fall through to Retry-After
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass  # not a number: an HTTP date
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _usage(u: Any) -> Usage:
    if u is None:
        return Usage()
    extra = getattr(u, "model_extra", None) or {}
    cost = extra.get("cost")  # OpenRouter and some proxies report the charge themselves
    return Usage(
        prompt_tokens=getattr(u, "prompt_tokens", 0) or 0,
        completion_tokens=getattr(u, "completion_tokens", 0) or 0,
        cost=float(cost) if isinstance(cost, (int, float)) else None,
    )


def _detail(exc: Any) -> str:
    body = exc.body
    if isinstance(body, dict):
        err = body.get("error")
        msg = body.get("message") or (err.get("message") if isinstance(err, dict) else err)
        if msg:
            return str(msg)[:300]
    try:
        return exc.response.text.strip()[:300]
    except Exception:  # a streamed or already-closed body has no text to show
        return ""
