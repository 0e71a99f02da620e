"""The pieces around a call: usage arithmetic, budgets, prices, request keys, specs, back-off."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pydantic import ValidationError

from parevo.errors import ParevoError
from parevo.llm import (
    LLM, Budget, ExchangeDirectory, LLMConfig, Message, OpenAICompatible, Price, PriceTable, Scripted,
    Usage, parse_llm_spec, request_key,
)
from parevo.llm import client as llm_client

FIXTURES = Path(__file__).parent / "fixtures" / "llm"
USER = [Message(role="user", content="hello")]


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch):
    monkeypatch.setattr(llm_client, "BACKOFF_SCALE", 0.0)


def test_usage_adds_up_and_keeps_unknown_cost_visible():
    a = Usage(prompt_tokens=10, completion_tokens=5, cost=0.01)
    b = Usage(prompt_tokens=1, completion_tokens=2, cost=0.02)
    unpriced = Usage(prompt_tokens=7, completion_tokens=3)
    assert (a + b).cost == pytest.approx(0.03) and (a + b).total_tokens == 18 and not (a + b).cost_unknown
    mixed = a + unpriced
    assert mixed.cost == 0.01 and mixed.cost_unknown and mixed.cost_text() == "$0.0100 + unknown"
    assert (unpriced + unpriced).cost is None and (unpriced + unpriced).cost_text() == "unknown"
    assert (mixed + b).cost_unknown  # once partly unknown, always partly unknown
    assert sum([a, b, unpriced]) == a + b + unpriced
    assert sum([], Usage()) == Usage() and Usage() + a == a and a + Usage() == a  # the zero
    assert (a + b).cost_text() == "$0.0300"


def test_budget_reasons():
    assert Budget().exhausted(Usage(prompt_tokens=10**9)) is None
    assert Budget(max_tokens=100).exhausted(Usage(prompt_tokens=99)) is None
    assert Budget(max_tokens=100).exhausted(Usage(prompt_tokens=60, completion_tokens=40)) == \
        "token budget spent: 100 of 100 tokens"
    assert Budget(max_usd=1.0).exhausted(Usage(cost=1.5)) == "cost budget spent: $1.5000 of $1.0000"
    assert Budget(max_usd=1.0).exhausted(Usage(prompt_tokens=10**9)) is None  # unpriced: cannot judge


def test_price_table_matches_dated_model_names():
    table = PriceTable({"gpt-4o": Price(prompt_per_mtok=2.5, completion_per_mtok=10),
                        "gpt-4o-mini": Price(prompt_per_mtok=0.15, completion_per_mtok=0.6)})
    u = Usage(prompt_tokens=1_000_000, completion_tokens=1_000_000)
    assert table.cost("gpt-4o", u) == pytest.approx(12.5)
    assert table.cost("gpt-4o-2024-08-06", u) == pytest.approx(12.5)
    assert table.cost("gpt-4o-mini-2024-07-18", u) == pytest.approx(0.75)  # the longest prefix wins
    assert table.cost("llama", u) is None


def test_request_key_is_identity_of_messages_sample_and_model():
    k = request_key(USER, 0, "m")
    assert k == request_key([Message(role="user", content="hello")], 0, "m")
    assert len({k, request_key(USER, 1, "m"), request_key(USER, 0, "m2"),
                request_key([Message(role="system", content="hello")], 0, "m")}) == 4


def test_parse_llm_spec(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    p = parse_llm_spec("openai:qwen2.5-coder@http://127.0.0.1:8000/v1/")
    assert isinstance(p, OpenAICompatible)
    assert (p.model, p.base_url, p.name) == ("qwen2.5-coder", "http://127.0.0.1:8000/v1",
                                             "openai:qwen2.5-coder@http://127.0.0.1:8000/v1")
    cfg = LLMConfig(model="llama3", base_url="http://localhost:11434/v1", timeout_s=9, seed=3)
    p = parse_llm_spec("openai:", cfg)
    assert (p.model, p.base_url, p.timeout_s, p.seed) == ("llama3", "http://localhost:11434/v1", 9, 3)
    ex = parse_llm_spec(f"exchange:{tmp_path}", LLMConfig(exchange_timeout_s=5))
    assert isinstance(ex, ExchangeDirectory) and ex.timeout_s == 5 and ex.name == f"exchange:{tmp_path}"
    assert isinstance(parse_llm_spec(f"scripted:{FIXTURES / 'in_order.yaml'}"), Scripted)
    with pytest.raises(ParevoError, match=r"unknown LLM provider 'anthropic:claude' \(known: openai, exchange, "
                                          r"scripted, replay"):
        parse_llm_spec("anthropic:claude")
    with pytest.raises(ParevoError, match=r"nope.yaml: no such file"):
        parse_llm_spec("scripted:nope.yaml")
    with pytest.raises(ParevoError, match=r"must start with http"):
        parse_llm_spec("openai:qwen@127.0.0.1:8000")
    with pytest.raises(ParevoError, match=r"no model named"):
        parse_llm_spec("openai:@http://127.0.0.1:8000/v1")
    with pytest.raises(ParevoError, match=r"nothing to replay"):
        (tmp_path / "empty.jsonl").write_text("")
        parse_llm_spec(f"replay:{tmp_path / 'empty.jsonl'}")


def test_llm_config_is_strict():
    cfg = LLMConfig.model_validate({"prices": {"m": {"prompt_per_mtok": 1, "completion_per_mtok": 2}}})
    assert cfg.prices["m"].completion_per_mtok == 2
    with pytest.raises(ValidationError):
        LLMConfig.model_validate({"temprature": 0.2})


def test_backoff_honours_retry_after_and_grows(monkeypatch):
    slept = []

    async def fake_sleep(s):
        slept.append(s)

    monkeypatch.setattr(llm_client, "BACKOFF_SCALE", 1.0)
    monkeypatch.setattr(llm_client, "SLEEP", fake_sleep)
    llm = LLM(Scripted(FIXTURES / "by_role.json"))

    async def go():
        await llm.complete(USER, role="mutate")
        return await llm.complete(USER, role="mutate")  # 500, 429 (Retry-After 3), then the reply

    assert asyncio.run(go()).text == "mutant 2"
    assert 1.0 <= slept[0] <= 2.0  # the first back-off: 1 s plus up to 1 s of jitter
    assert slept[1] == 3.0


def test_retry_after_is_capped(monkeypatch, tmp_path):
    slept = []

    async def fake_sleep(s):
        slept.append(s)

    monkeypatch.setattr(llm_client, "BACKOFF_SCALE", 1.0)
    monkeypatch.setattr(llm_client, "SLEEP", fake_sleep)
    script = tmp_path / "s.json"
    script.write_text('[{"error": "429", "retry_after": 86400}, "ok"]')
    assert asyncio.run(LLM(Scripted(script)).complete(USER, role="r")).text == "ok"
    assert slept == [llm_client.MAX_RETRY_AFTER_S]


def test_from_config_and_system_prompt():
    records = []
    cfg = LLMConfig(system_prompt="You write OpenMP.", max_attempts=2,
                    prices={"scripted": Price(prompt_per_mtok=1e6, completion_per_mtok=0)})
    llm = LLM.from_config(f"scripted:{FIXTURES / 'in_order.yaml'}", cfg, on_record=records.append, seq_start=5)
    c = asyncio.run(llm.complete(USER, role="generate"))
    assert c.text == "first reply" and llm.max_attempts == 2
    rec = records[0]
    assert rec.seq == 5 and rec.messages[0] == Message(role="system", content="You write OpenMP.")
    assert rec.key == request_key(rec.messages, 0, "scripted")
    assert c.usage.cost == pytest.approx(c.usage.prompt_tokens)  # $1 a prompt token, computed by the wrapper
    own_system = [Message(role="system", content="mine"), *USER]
    asyncio.run(llm.complete(own_system, role="generate"))
    assert records[1].messages == own_system  # a caller's own system message is kept as is
