"""The exchange directory: a request file out, a reply file in, surviving restarts on both sides."""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time

import pytest

from parevo.errors import ParevoError
from parevo.llm import LLM, ExchangeDirectory, LLMError, Message, answer, pending, request_key
from parevo.llm import client as llm_client
from parevo.llm.providers.exchange import request_id
from parevo.llm.types import CallSubject

MSGS = [Message(role="user", content="Write a parallel BFS.")]


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch):
    monkeypatch.setattr(llm_client, "BACKOFF_SCALE", 0.0)


def provider(d, timeout_s=5.0):
    return ExchangeDirectory(d, timeout_s=timeout_s, poll_s=0.01)


def test_round_trip_with_a_writer_task(tmp_path):
    records = []
    llm = LLM(provider(tmp_path), on_record=records.append)

    async def writer():
        while not (reqs := pending(tmp_path)):
            await asyncio.sleep(0.01)
        [req] = reqs
        assert req.role == "mutate" and req.sample == 1 and req.messages == MSGS
        assert req.subject == CallSubject(task="bfs", item="builtin/bfs/openmp")  # who answers by hand sees which
        assert req.id == request_id("mutate", req.key) and req.key == request_key(MSGS, 1, "exchange")
        answer(tmp_path, req.id, "void bfs() {}", model="human")
        return req.id

    async def both():
        subject = CallSubject(task="bfs", item="builtin/bfs/openmp")
        return await asyncio.gather(llm.complete(MSGS, role="mutate", sample=1, subject=subject), writer())

    completion, rid = asyncio.run(both())
    assert completion.text == "void bfs() {}" and completion.model == "human"
    assert completion.provider == f"exchange:{tmp_path}" and records[0].completion == completion
    assert pending(tmp_path) == []
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == [f"{rid}.json", f"{rid}.reply.json"]
    assert list((tmp_path / "requests").iterdir()) == [] and list((tmp_path / "replies").iterdir()) == []


def test_writer_thread_renames_a_markdown_reply_into_place(tmp_path):
    def writer():
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            reqs = list((tmp_path / "requests").glob("*.json")) if (tmp_path / "requests").is_dir() else []
            if reqs:
                req = json.loads(reqs[0].read_text())
                tmp = tmp_path / "replies" / f".{req['id']}.partial"
                tmp.write_text("```cpp\nint x;\n```\n")
                os.replace(tmp, tmp_path / "replies" / f"{req['id']}.md")
                return
            time.sleep(0.01)

    t = threading.Thread(target=writer)
    t.start()
    c = asyncio.run(LLM(provider(tmp_path)).complete(MSGS, role="repair"))
    t.join()
    assert c.text == "```cpp\nint x;\n```\n"
    assert c.usage.completion_tokens == 5 and c.usage.cost is None  # estimated: nobody reported tokens


def test_timeout_names_the_file_then_a_restarted_provider_finds_the_reply(tmp_path):
    records = []
    with pytest.raises(LLMError) as info:
        asyncio.run(LLM(provider(tmp_path, timeout_s=0.05), on_record=records.append).complete(MSGS, role="mutate"))
    rid = request_id("mutate", request_key(MSGS, 0, "exchange"))
    msg = str(info.value)
    assert f"waited for {tmp_path / 'replies' / rid}.json (or .md)" in msg and "after 1 attempt" in msg
    assert f"parevo llm answer {tmp_path} {rid} FILE" in msg
    assert records[0].error and records[0].attempts == 1  # a timeout is not retried
    created = json.loads((tmp_path / "requests" / f"{rid}.json").read_text())["created_at"]

    # The other side answers while parevo is down; a fresh provider maps the same request to
    # the same file and picks the reply up without waiting.
    [req] = pending(tmp_path)
    assert req.id == rid and req.created_at == created
    (tmp_path / "replies" / f"{rid}.json").write_text(json.dumps({"text": "late answer", "prompt_tokens": 12,
                                                                   "completion_tokens": 3}))
    t0 = time.monotonic()
    c = asyncio.run(LLM(provider(tmp_path, timeout_s=0.05)).complete(MSGS, role="mutate"))
    assert c.text == "late answer" and c.usage.total_tokens == 15 and time.monotonic() - t0 < 1
    # The same request again (same key: the same draw) is answered from done/.
    assert asyncio.run(LLM(provider(tmp_path, timeout_s=0.05)).complete(MSGS, role="mutate")).text == "late answer"
    # Another sample is another draw: it waits for its own reply.
    with pytest.raises(LLMError):
        asyncio.run(LLM(provider(tmp_path, timeout_s=0.05)).complete(MSGS, role="mutate", sample=1))


def test_restarted_provider_does_not_rewrite_a_pending_request(tmp_path):
    with pytest.raises(LLMError):
        asyncio.run(LLM(provider(tmp_path, timeout_s=0.02)).complete(MSGS, role="mutate"))
    with pytest.raises(LLMError):
        asyncio.run(LLM(provider(tmp_path, timeout_s=0.02)).complete(MSGS, role="mutate"))
    assert len(pending(tmp_path)) == 1


def test_bad_replies_and_answer_errors(tmp_path):
    with pytest.raises(LLMError):
        asyncio.run(LLM(provider(tmp_path, timeout_s=0.02)).complete(MSGS, role="critic"))
    [req] = pending(tmp_path)
    with pytest.raises(ParevoError, match=r"no pending request nope \(pending: " + req.id):
        answer(tmp_path, "nope", "x")
    with pytest.raises(ParevoError, match="empty reply"):
        answer(tmp_path, req.id, "  ")
    (tmp_path / "replies" / f"{req.id}.json").write_text("{half")
    with pytest.raises(LLMError, match="not valid JSON"):
        asyncio.run(LLM(provider(tmp_path)).complete(MSGS, role="critic"))
    (tmp_path / "replies" / f"{req.id}.json").write_text('{"text": ""}')
    with pytest.raises(LLMError, match="empty reply"):
        asyncio.run(LLM(provider(tmp_path)).complete(MSGS, role="critic"))
    answer(tmp_path, req.id, "fine now")
    assert asyncio.run(LLM(provider(tmp_path)).complete(MSGS, role="critic")).text == "fine now"
    with pytest.raises(ParevoError, match="already answered"):
        answer(tmp_path, req.id, "again")
    with pytest.raises(ParevoError, match="no such exchange directory"):
        pending(tmp_path / "missing")


def test_cancelled_call_is_neither_retried_nor_recorded(tmp_path):
    records = []
    llm = LLM(provider(tmp_path, timeout_s=60), on_record=records.append)

    async def go():
        task = asyncio.create_task(llm.complete(MSGS, role="mutate"))
        while not pending(tmp_path):
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(go())
    assert records == [] and llm.calls == 0
