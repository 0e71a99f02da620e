"""Scripted and Replay: offline providers through the real LLM wrapper."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from parevo.errors import ParevoError
from parevo.llm import LLM, CallRecord, LLMError, Message, Price, PriceTable, Replay, Scripted
from parevo.llm import client as llm_client

FIXTURES = Path(__file__).parent / "fixtures" / "llm"


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch):
    monkeypatch.setattr(llm_client, "BACKOFF_SCALE", 0.0)


def user(text):
    return [Message(role="user", content=text)]


def calls(llm, *specs):
    """Run (role, prompt[, sample]) calls one after another; texts, or the LLMError that stopped them."""
    async def go():
        out = []
        for role, prompt, *sample in specs:
            out.append((await llm.complete(user(prompt), role=role, sample=sample[0] if sample else 0)).text)
        return out
    return asyncio.run(go())


def test_scripted_in_order():
    records = []
    llm = LLM(Scripted(FIXTURES / "in_order.yaml"), on_record=records.append)
    assert calls(llm, ("mutate", "a"), ("repair", "b"), ("mutate", "c")) == ["first reply", "second reply", "third reply"]
    assert records[1].completion.usage.prompt_tokens == 100 and records[1].completion.usage.completion_tokens == 20
    assert records[0].completion.usage.completion_tokens == len("first reply") // 4 + 1  # estimated
    with pytest.raises(LLMError) as info:
        calls(llm, ("mutate", "d"))
    assert str(info.value) == (f"scripted:{FIXTURES / 'in_order.yaml'}: "
                               "out of replies at call 4 (role 'mutate'): the script has 3 replies after 1 attempt")
    assert records[-1].error and records[-1].completion is None


def test_scripted_by_role_with_simulated_failures():
    records = []
    llm = LLM(Scripted(FIXTURES / "by_role.json"), on_record=records.append)
    texts = calls(llm, ("repair", "x"), ("mutate", "y"), ("critic", "z"), ("mutate", "w"))
    assert texts == ["fixed", "mutant 1", "anything else", "mutant 2"]
    assert [r.attempts for r in records] == [1, 1, 1, 3]  # 500, then 429, then the reply
    with pytest.raises(LLMError, match=r"out of replies at call 7 \(role 'repair'\): the script has 1 reply for role"):
        calls(llm, ("repair", "again"))


def test_simulated_failure_exhausts_attempts(tmp_path):
    script = tmp_path / "s.yaml"
    script.write_text("- error: '503'\n- error: timeout\n- never reached\n")
    with pytest.raises(LLMError) as info:
        calls(LLM(Scripted(script), max_attempts=2), ("mutate", "x"))
    assert str(info.value).endswith("simulated timeout (script entry 1 of '*') after 2 attempts")
    script.write_text("- error: '400'\n- ok\n")
    with pytest.raises(LLMError, match="simulated HTTP 400 .* after 1 attempt$"):
        calls(LLM(Scripted(script)), ("mutate", "x"))


def test_scripted_rejects_bad_scripts(tmp_path):
    cases = {
        "a.json": ('{"mutate": "not a list"}', "a list of replies or a mapping"),
        "b.json": ('{"mutate": [{"error": "oops"}]}', r"mutate\[0\]: unknown error 'oops'"),
        "c.json": ('[{"text": "x", "error": "500"}]', r"\[0\]: give exactly one of text and error"),
        "d.json": ('[{"txt": "x"}]', r"\[0\]: Extra inputs are not permitted"),
        "e.yaml": ("- [unclosed", "cannot parse YAML"),
        "f.json": ("[", "cannot parse JSON"),
    }
    for name, (text, pattern) in cases.items():
        (tmp_path / name).write_text(text)
        with pytest.raises(ParevoError, match=pattern):
            Scripted(tmp_path / name)
    (tmp_path / "g.json").write_text('{"mutate": ["x"]}')
    with pytest.raises(LLMError, match=r"role 'critic', which the script has no replies for \(it has: mutate"):
        calls(LLM(Scripted(tmp_path / "g.json")), ("critic", "x"))


def record_run(tmp_path) -> list[CallRecord]:
    """A small run through the real path, failures included, recorded as the store would."""
    script = tmp_path / "run.json"
    script.write_text('{"mutate": ["m0", "m1", {"error": "400"}, "m2"], "repair": ["r0", "r1"]}')
    records: list[CallRecord] = []
    prices = PriceTable({"scripted": Price(prompt_per_mtok=3.0, completion_per_mtok=15.0)})
    llm = LLM(Scripted(script), on_record=records.append, prices=prices)
    assert calls(llm, ("mutate", "p0"), ("mutate", "p0", 1), ("repair", "fix a")) == ["m0", "m1", "r0"]
    with pytest.raises(LLMError):
        calls(llm, ("mutate", "p1"))  # recorded as a failure
    assert calls(llm, ("mutate", "p2"), ("repair", "fix b")) == ["m2", "r1"]
    assert [r.error is None for r in records] == [True, True, True, False, True, True]
    return records


def replay_checks(log, records):
    original_usage = sum(r.completion.usage for r in records if r.completion)
    # Key match: asked in another order than recorded, each request still gets its own answer.
    llm = LLM(Replay(log))
    assert calls(llm, ("repair", "fix b"), ("mutate", "p2"), ("mutate", "p0", 1), ("mutate", "p0"),
                 ("repair", "fix a")) == ["r1", "m2", "m1", "m0", "r0"]
    assert llm.usage == original_usage and llm.usage.cost is not None  # the original spend, unchanged
    # Role-order fallback: the prompts changed, so the keys miss; the recorded order of the role is used.
    llm = LLM(Replay(log))
    assert calls(llm, ("mutate", "new prompt"), ("repair", "other"), ("mutate", "p0"), ("mutate", "another")) == \
        ["m0", "r0", "m1", "m2"]
    # "p0" found no unused keyed record (m0 went to the fallback) but its role had m1 left.
    with pytest.raises(LLMError, match=r"no recorded call left for role 'mutate' .* 3 successful calls"):
        calls(llm, ("mutate", "one too many"))


def test_replay_from_jsonl(tmp_path):
    records = record_run(tmp_path)
    log = tmp_path / "calls.jsonl"
    log.write_text("".join(r.model_dump_json() + "\n" for r in records))
    replay_checks(log, records)
    assert Replay(log).model == "scripted"


def test_replay_from_sqlite(tmp_path):
    records = record_run(tmp_path)
    db = tmp_path / "run.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE llm_calls (seq INTEGER, role TEXT, record TEXT)")
    con.executemany("INSERT INTO llm_calls VALUES (?, ?, ?)", [(r.seq, r.role, r.model_dump_json()) for r in records])
    con.commit()
    con.close()
    replay_checks(db, records)


def test_replay_reports_bad_logs(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"seq": 1}\n')
    with pytest.raises(ParevoError, match=r"bad.jsonl:1: not a CallRecord"):
        Replay(tmp_path / "bad.jsonl")
    db = tmp_path / "other.sqlite"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ParevoError, match="no table llm_calls"):
        Replay(db)
