"""From a spec string (`--llm openai:qwen2.5-coder@http://127.0.0.1:8000/v1`) and the `[llm]`
section of a config file to a provider.

The spec names where answers come from; the config holds the knobs that rarely change between
runs (timeouts, prices, key variable), so one config serves several specs.
"""

from __future__ import annotations

from typing import Callable

from pydantic import BaseModel, ConfigDict, Field

from ..errors import ParevoError
from .budget import Price
from .providers import Provider
from .providers.exchange import DEFAULT_TIMEOUT_S as EXCHANGE_TIMEOUT_S
from .providers.openai_compat import DEFAULT_TIMEOUT_S


class LLMConfig(BaseModel):
    """The `[llm]` section of a parevo TOML config."""

    model_config = ConfigDict(extra="forbid")

    base_url: str | None = None  # for openai: specs that give no @BASE_URL
    api_key_env: str = "OPENAI_API_KEY"  # the variable holding the key; a local server needs none
    model: str | None = None  # for a bare `openai:` spec
    timeout_s: float = Field(default=DEFAULT_TIMEOUT_S, gt=0)  # per HTTP attempt
    max_attempts: int = Field(default=5, ge=1)
    temperature: float | None = None
    max_tokens: int | None = Field(default=None, ge=1)
    seed: int | None = None  # sent as seed + sample index, so samples still differ
    prices: dict[str, Price] = {}
    exchange_timeout_s: float | None = Field(default=EXCHANGE_TIMEOUT_S, gt=0)  # None: wait for ever
    system_prompt: str | None = None


def _openai(rest: str, cfg: LLMConfig) -> Provider:
    from .providers.openai_compat import OpenAICompatible

    model, base_url = rest, cfg.base_url
    if (at := rest.find("@http://")) >= 0 or (at := rest.find("@https://")) >= 0:
        model, base_url = rest[:at], rest[at + 1:]
    elif "@" in rest:
        raise ParevoError(f"openai:{rest}: the base URL after '@' must start with http:// or https://")
    model = model or cfg.model or ""
    if not model:
        raise ParevoError("openai: no model named: use openai:MODEL[@BASE_URL] or set model in [llm]")
    return OpenAICompatible(
        model, base_url=base_url, api_key_env=cfg.api_key_env, timeout_s=cfg.timeout_s,
        temperature=cfg.temperature, max_tokens=cfg.max_tokens, seed=cfg.seed,
    )


def _exchange(rest: str, cfg: LLMConfig) -> Provider:
    from .providers.exchange import ExchangeDirectory

    if not rest:
        raise ParevoError("exchange: needs a directory: exchange:DIR")
    return ExchangeDirectory(rest, timeout_s=cfg.exchange_timeout_s)


def _scripted(rest: str, cfg: LLMConfig) -> Provider:
    from .providers.scripted import Scripted

    if not rest:
        raise ParevoError("scripted: needs a file: scripted:FILE.yaml or scripted:FILE.json")
    return Scripted(rest)


def _replay(rest: str, cfg: LLMConfig) -> Provider:
    from .providers.scripted import Replay

    if not rest:
        raise ParevoError("replay: needs a recorded call log: replay:RUN.sqlite or replay:CALLS.jsonl")
    return Replay(rest)


# scheme -> factory(rest of the spec, config); open so a plugin or a test can add a scheme.
PROVIDERS: dict[str, Callable[[str, LLMConfig], Provider]] = {
    "openai": _openai, "exchange": _exchange, "scripted": _scripted, "replay": _replay,
}
USAGE = "openai:MODEL[@BASE_URL], exchange:DIR, scripted:FILE, replay:FILE"


def parse_llm_spec(spec: str, config: LLMConfig | None = None) -> Provider:
    scheme, _, rest = spec.strip().partition(":")
    factory = PROVIDERS.get(scheme)
    if factory is None:
        raise ParevoError(f"unknown LLM provider {spec!r} (known: {', '.join(PROVIDERS)}; forms: {USAGE})")
    return factory(rest, config or LLMConfig())
