"""Offline providers that go through the real `LLM` path: `Scripted` answers from a hand-written
file (tests, demos, a whole `parevo evolve` run without a model), `Replay` re-runs a recorded
run from its call log, so a run can be re-scored or debugged without spending a token.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ...errors import ParevoError
from ...paths import read_user_text
from ..types import (
    CallRecord, CallSubject, Completion, Message, ProviderError, ProviderExhausted, Retry, Usage, estimate_tokens, request_key,
)

ANY_ROLE = "*"  # in a mapping script, the replies for roles that have no list of their own


class ScriptEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    error: str | None = None  # "429", "500" (any HTTP status) or "timeout": this attempt fails
    retry_after: float | None = None  # for a simulated 429
    model: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    finish_reason: str = "stop"


def _load_structured(path: Path) -> Any:
    if not path.is_file():
        raise ParevoError(f"{path}: no such file")
    text = read_user_text(path, "script")
    if path.suffix in (".yaml", ".yml"):
        import yaml  # lazy: only YAML scripts need PyYAML

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ParevoError(f"{path}: cannot parse YAML ({exc})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParevoError(f"{path}: cannot parse JSON ({exc}); name a YAML script *.yaml") from exc


class Scripted:
    """Replies from a YAML or JSON file: a list answered in order whatever the role, or a
    mapping {role: [replies in order]} (with "*" for any other role). A reply is a string or
    {"text": ..., "error": "429" | "500" | "timeout", ...}; an error entry makes that attempt
    fail, so `[{"error": "500"}, "ok"]` exercises one retry."""

    def __init__(self, path: str | os.PathLike, model: str = "scripted"):
        self.path = Path(path)
        self.model = model
        self.name = f"scripted:{self.path}"
        raw = _load_structured(self.path)
        if isinstance(raw, list):
            lists = {ANY_ROLE: raw}
        elif isinstance(raw, dict) and all(isinstance(v, list) for v in raw.values()):
            lists = {str(k): v for k, v in raw.items()}
        else:
            raise ParevoError(f"{self.path}: a script is a list of replies or a mapping {{role: [replies]}}")
        self.script = {role: [self._entry(role, i, e) for i, e in enumerate(items)] for role, items in lists.items()}
        self._used: dict[str, int] = defaultdict(int)
        self.calls = 0

    def _entry(self, role: str, i: int, raw: Any) -> ScriptEntry:
        where = f"{self.path}: {role}[{i}]" if role != ANY_ROLE else f"{self.path}: [{i}]"
        if isinstance(raw, str):
            return ScriptEntry(text=raw)
        try:
            entry = ScriptEntry.model_validate(raw)
        except ValidationError as exc:
            raise ParevoError(f"{where}: {exc.errors()[0]['msg']} (a reply is a string or {{text, error, ...}})") from exc
        if (entry.text is None) == (entry.error is None):
            raise ParevoError(f"{where}: give exactly one of text and error")
        if entry.error is not None and entry.error != "timeout" and not entry.error.isdigit():
            raise ParevoError(f"{where}: unknown error {entry.error!r} (known: an HTTP status such as 429 or 500, timeout)")
        return entry

    async def generate(
        self, messages: list[Message], *, key: str, role: str, sample: int, subject: CallSubject | None = None,
        temperature: float | None = None, max_tokens: int | None = None,
    ) -> Completion:
        self.calls += 1
        which = role if role in self.script else ANY_ROLE
        if which not in self.script:
            raise ProviderError(
                f"call {self.calls} has role {role!r}, which the script has no replies for "
                f"(it has: {', '.join(self.script)}; add a {role!r} list or a '*' list)", Retry.no(),
            )
        items, i = self.script[which], self._used[which]
        if i >= len(items):
            scope = "" if which == ANY_ROLE else f" for role {role!r}"
            raise ProviderExhausted(
                f"out of replies at call {self.calls} (role {role!r}): the script has "
                f"{len(items)} repl{'y' if len(items) == 1 else 'ies'}{scope}", Retry.no(),
            )
        self._used[which] += 1
        entry = items[i]
        if entry.error is not None:
            raise ProviderError(f"simulated {_simulated(entry.error)} (script entry {i} of {which!r})", _retry(entry))
        text = entry.text or ""
        prompt = entry.prompt_tokens
        if prompt is None:
            prompt = sum(estimate_tokens(m.content) for m in messages)
        completion = entry.completion_tokens if entry.completion_tokens is not None else estimate_tokens(text)
        return Completion(
            text=text, model=entry.model or self.model, provider=self.name,
            usage=Usage(prompt_tokens=prompt, completion_tokens=completion), finish_reason=entry.finish_reason,
        )

    def classify(self, exc: BaseException) -> Retry:
        return exc.retry if isinstance(exc, ProviderError) else Retry.no()


def _simulated(error: str) -> str:
    return "timeout" if error == "timeout" else f"HTTP {error}"


def _retry(entry: ScriptEntry) -> Retry:
    # The same rules as OpenAICompatible.classify, so a script rehearses the real retry policy.
    if entry.error == "timeout":
        return Retry.transient()
    code = int(entry.error or 0)
    if code == 429:
        return Retry.rate_limit(entry.retry_after)
    return Retry.transient() if code in (408, 409) or code >= 500 else Retry.no()


class Replay:
    """Answers from a recorded run: a `.jsonl` of `CallRecord`s, or a SQLite run database whose
    table `llm_calls` has a `record` column of CallRecord JSON (in rowid order).

    A call takes the first unused record with its request key; failing that (the prompt
    template changed, say) the next unused record of the same role. Failed recorded calls are
    skipped. The recorded usage and cost come back unchanged, so a replayed run reports what
    the original run spent.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.name = f"replay:{self.path}"
        self.records = [r for r in _read_records(self.path) if r.completion is not None and r.error is None]
        if not self.records:
            raise ParevoError(f"{self.path}: no successful LLM call recorded, nothing to replay")
        self.model = self.records[0].model
        self._models = list(dict.fromkeys(r.model for r in self.records))
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._by_role: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            self._by_key[r.key].append(i)
            self._by_role[r.role].append(i)
        self._used: set[int] = set()

    async def generate(
        self, messages: list[Message], *, key: str, role: str, sample: int, subject: CallSubject | None = None,
        temperature: float | None = None, max_tokens: int | None = None,
    ) -> Completion:
        # The key the recording used was computed with its own model name, which need not be
        # `self.model` when a recording mixes models: try each.
        keys = {key, *(request_key(messages, sample, m) for m in self._models)}
        by_key = [i for k in keys for i in self._by_key.get(k, ()) if i not in self._used]
        i = min(by_key) if by_key else next((j for j in self._by_role.get(role, ()) if j not in self._used), None)
        if i is None:
            total = len(self._by_role.get(role, ()))
            raise ProviderExhausted(
                f"no recorded call left for role {role!r} (key {key[:12]}…): the recording has "
                f"{total} successful call{'' if total == 1 else 's'} for that role, all used", Retry.no(),
            )
        self._used.add(i)
        assert self.records[i].completion is not None  # filtered in __init__
        # Tokens and cost stay the recording's (what the run cost), but the latency is this call's:
        # a replayed run's time report must not claim minutes spent waiting for a model.
        return self.records[i].completion.model_copy(update={"latency_s": 0.0})

    def classify(self, exc: BaseException) -> Retry:
        return Retry.no()


def _read_records(path: Path) -> list[CallRecord]:
    if not path.is_file():
        raise ParevoError(f"{path}: no such file")
    with open(path, "rb") as f:
        is_sqlite = f.read(16) == b"SQLite format 3\x00"
    if is_sqlite:
        return _read_sqlite(path)
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(CallRecord.model_validate_json(line))
        except ValidationError as exc:
            raise ParevoError(f"{path}:{n}: not a CallRecord ({exc.errors()[0]['msg']})") from exc
    return out


def _read_sqlite(path: Path) -> list[CallRecord]:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ParevoError(f"{path}: cannot open the run database ({exc})") from exc
    try:
        rows = con.execute("SELECT rowid, record FROM llm_calls ORDER BY rowid").fetchall()
    except sqlite3.Error as exc:
        raise ParevoError(f"{path}: no table llm_calls with a record column ({exc}); is it a parevo run database?") from exc
    finally:
        con.close()
    out = []
    for rowid, text in rows:
        try:
            out.append(CallRecord.model_validate_json(text))
        except ValidationError as exc:
            raise ParevoError(f"{path}: llm_calls rowid {rowid}: not a CallRecord ({exc.errors()[0]['msg']})") from exc
    return out
