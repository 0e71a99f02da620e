"""OpenAICompatible through the real path: the openai SDK over HTTP to a stdlib server on
127.0.0.1, wrapped by LLM (retries, records, usage, cost)."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parevo.llm import LLM, Budget, BudgetExceeded, LLMError, Message, OpenAICompatible, Price, PriceTable, Retry
from parevo.llm import client as llm_client

MODEL = "test-model"
MSGS = [Message(role="system", content="You write C++."), Message(role="user", content="Sum an array in parallel.")]


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch):
    monkeypatch.setattr(llm_client, "BACKOFF_SCALE", 0.0)


def ok(text="int main(){}", prompt=10, completion=5, finish="stop", **extra_usage):
    return ("json", 200, {
        "id": "c1", "object": "chat.completion", "created": 1, "model": MODEL,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
                  **extra_usage},
    }, {})


def status(code, message="boom", headers=None):
    return ("json", code, {"error": {"message": message, "type": "server_error"}}, headers or {})


class FakeServer:
    """An OpenAI-compatible /v1/chat/completions that plays a list of planned responses."""

    def __init__(self):
        self.plan: deque = deque()
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                server.requests.append(json.loads(body))
                server.headers.append(dict(self.headers))
                action = server.plan.popleft() if server.plan else status(599, "test plan ran out")
                kind = action[0]
                if kind == "sleep":
                    time.sleep(action[1])
                    action = ok()
                    kind = "json"
                if kind == "raw":
                    code, payload, headers = action[1], action[2], {}
                else:
                    code, payload, headers = action[1], json.dumps(action[2]).encode(), action[3]
                try:
                    self.send_response(code)
                    self.send_header("content-type", "application/json")
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = FakeServer()
    yield s
    s.close()


def make_llm(server, *, timeout_s=5.0, records=None, **kwargs):
    provider = OpenAICompatible(MODEL, base_url=server.base_url, timeout_s=timeout_s, seed=kwargs.pop("seed", None))
    return LLM(provider, on_record=(records.append if records is not None else None), **kwargs)


def run(coro):
    return asyncio.run(coro)


def test_good_reply_with_usage_and_cost(server, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    server.plan.append(ok("void f() {}", prompt=1000, completion=500))
    records = []
    llm = make_llm(server, records=records, prices=PriceTable({MODEL: Price(prompt_per_mtok=2.0, completion_per_mtok=8.0)}),
                   temperature=0.2, max_tokens=256)
    c = run(llm.complete(MSGS, role="mutate"))
    assert c.text == "void f() {}"
    assert (c.model, c.provider, c.finish_reason) == (MODEL, f"openai:{MODEL}@{server.base_url}", "stop")
    assert (c.usage.prompt_tokens, c.usage.completion_tokens) == (1000, 500)
    assert c.usage.cost == pytest.approx((1000 * 2.0 + 500 * 8.0) / 1e6)
    assert c.latency_s > 0
    assert llm.usage == c.usage and llm.calls == 1 and llm.usage_by_role["mutate"] == c.usage
    [rec] = records
    assert (rec.seq, rec.role, rec.attempts, rec.error, rec.sample) == (0, "mutate", 1, None, 0)
    assert rec.completion == c and rec.messages == MSGS and len(rec.key) == 64
    [req] = server.requests
    assert req["model"] == MODEL and req["temperature"] == 0.2 and req["max_tokens"] == 256
    assert req["messages"] == [m.model_dump() for m in MSGS]
    assert "seed" not in req
    assert {k.lower(): v for k, v in server.headers[0].items()}["authorization"] == "Bearer none"  # a local server needs no key


def test_unpriced_model_reports_unknown_cost(server):
    server.plan.append(ok())
    llm = make_llm(server)
    c = run(llm.complete(MSGS, role="mutate"))
    assert c.usage.cost is None and llm.usage.cost_text() == "unknown"


def test_server_reported_cost_wins(server):
    server.plan.append(ok(cost=0.5))
    llm = make_llm(server, prices=PriceTable({MODEL: Price(prompt_per_mtok=1, completion_per_mtok=1)}))
    assert run(llm.complete(MSGS, role="mutate")).usage.cost == 0.5


def test_429_honours_retry_after_then_succeeds(server, monkeypatch):
    slept = []

    async def fake_sleep(s):
        slept.append(s)

    monkeypatch.setattr(llm_client, "BACKOFF_SCALE", 1.0)
    monkeypatch.setattr(llm_client, "SLEEP", fake_sleep)
    server.plan.extend([status(429, "slow down", {"Retry-After": "2"}), ok()])
    records = []
    c = run(make_llm(server, records=records).complete(MSGS, role="mutate"))
    assert c.text == "int main(){}"
    assert slept == [2.0]
    assert records[0].attempts == 2 and len(server.requests) == 2


def test_classify_maps_statuses(server):
    """classify() sees the SDK's own exceptions, straight from the HTTP layer."""
    provider = OpenAICompatible(MODEL, base_url=server.base_url, timeout_s=5)
    server.plan.extend([
        status(429, headers={"Retry-After": "2"}), status(429, headers={"retry-after-ms": "1500"}),
        status(503), status(400, "bad request"),
    ])

    async def verdicts():
        out = []
        for _ in range(4):
            with pytest.raises(Exception) as info:
                await provider.generate(MSGS, key="k", role="mutate", sample=0)
            out.append(provider.classify(info.value))
        return out

    assert run(verdicts()) == [Retry.rate_limit(2.0), Retry.rate_limit(1.5), Retry.transient(), Retry.no()]


def test_500_then_success(server):
    server.plan.extend([status(500), ok(prompt=3, completion=4)])
    records = []
    llm = make_llm(server, records=records)
    c = run(llm.complete(MSGS, role="repair"))
    assert c.usage.total_tokens == 7 and llm.usage.total_tokens == 7
    assert [r.attempts for r in records] == [2] and records[0].completion is not None


def test_timeout_then_success(server):
    server.plan.extend([("sleep", 1.5), ok("late but fine")])
    records = []
    t0 = time.monotonic()
    c = run(make_llm(server, timeout_s=0.3, records=records).complete(MSGS, role="mutate"))
    assert c.text == "late but fine" and records[0].attempts == 2
    assert time.monotonic() - t0 < 1.4  # did not wait for the slow reply


def test_malformed_json_is_retried_then_fails_clearly(server):
    server.plan.extend([("raw", 200, b"{not json"), ok("second try")])
    assert run(make_llm(server).complete(MSGS, role="mutate")).text == "second try"

    server.plan.extend([("raw", 200, b"{not json")] * 2)
    records = []
    with pytest.raises(LLMError) as info:
        run(make_llm(server, records=records, max_attempts=2).complete(MSGS, role="mutate"))
    assert "malformed JSON" in str(info.value) and "after 2 attempts" in str(info.value)
    assert records[0].completion is None and "malformed JSON" in records[0].error


@pytest.mark.parametrize("reply, why", [
    (("json", 200, {"id": "x", "object": "chat.completion", "created": 1, "model": MODEL, "choices": []}, {}),
     "no choices"),
    (ok(""), "the message has no content"),
])
def test_empty_reply_is_retried_then_fails_clearly(server, reply, why):
    server.plan.extend([reply] * 3)
    with pytest.raises(LLMError) as info:
        run(make_llm(server, max_attempts=3).complete(MSGS, role="mutate"))
    assert f"{server.base_url}: empty reply: {why}" in str(info.value)
    assert len(server.requests) == 3


def test_exhausted_retries_name_provider_model_and_cause(server):
    server.plan.extend([status(500, "kaput")] * 5)
    records = []
    llm = make_llm(server, records=records, seq_start=41)
    with pytest.raises(LLMError) as info:
        run(llm.complete(MSGS, role="mutate", sample=3))
    msg = str(info.value)
    assert msg == f"openai:{MODEL}@{server.base_url}: HTTP 500: kaput after 5 attempts"
    [rec] = records
    assert (rec.seq, rec.sample, rec.attempts, rec.completion) == (41, 3, 5, None)
    assert rec.error == "HTTP 500: kaput" and info.value.record == rec
    assert llm.usage.is_zero and llm.calls == 1 and len(server.requests) == 5


def test_client_errors_are_not_retried(server):
    server.plan.append(status(401, "invalid key"))
    with pytest.raises(LLMError) as info:
        run(make_llm(server).complete(MSGS, role="mutate"))
    assert "HTTP 401: invalid key (check the API key in $OPENAI_API_KEY) after 1 attempt" in str(info.value)
    assert len(server.requests) == 1


def test_connection_refused_names_the_server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens there
    llm = LLM(OpenAICompatible(MODEL, base_url=f"http://127.0.0.1:{port}/v1", timeout_s=2), max_attempts=2)
    with pytest.raises(LLMError) as info:
        run(llm.complete(MSGS, role="mutate"))
    assert f"is the server running at http://127.0.0.1:{port}/v1?" in str(info.value)
    assert "after 2 attempts" in str(info.value)


def test_budget_is_checked_before_any_request(server):
    server.plan.append(ok(prompt=60, completion=50))
    records = []
    llm = make_llm(server, records=records, budget=Budget(max_tokens=100))
    run(llm.complete(MSGS, role="mutate"))
    with pytest.raises(BudgetExceeded) as info:
        run(llm.complete(MSGS, role="mutate", sample=1))
    assert "token budget spent: 110 of 100 tokens" in str(info.value)
    assert len(server.requests) == 1 and len(records) == 1


def test_seed_is_shifted_by_sample_and_async_on_record(server):
    server.plan.extend([ok(), ok()])
    seen = []

    async def on_record(rec):
        await asyncio.sleep(0)
        seen.append(rec.seq)

    provider = OpenAICompatible(MODEL, base_url=server.base_url, timeout_s=5, seed=7)
    llm = LLM(provider, on_record=on_record)

    async def both():
        await llm.complete(MSGS, role="mutate", sample=0)
        await llm.complete(MSGS, role="mutate", sample=2)
        await llm.aclose()

    run(both())
    assert [r["seed"] for r in server.requests] == [7, 9]
    assert seen == [0, 1]


def test_hosted_openai_without_key_names_the_variable(monkeypatch):
    from parevo.errors import ParevoError

    monkeypatch.delenv("MY_KEY", raising=False)
    with pytest.raises(ParevoError, match=r"openai:gpt-4o needs an API key: set MY_KEY"):
        OpenAICompatible("gpt-4o", api_key_env="MY_KEY")
    monkeypatch.setenv("MY_KEY", "sk-test")
    assert OpenAICompatible("gpt-4o", api_key_env="MY_KEY").name == "openai:gpt-4o"
