"""An LLM that is a directory: requests are written as files and answered by whoever reads them
(a person, a chat window, another agent, a script on a machine with a model but no network
to us).

Layout of DIR:
  requests/<id>.json   {id, role, key, sample, subject {task, item}, messages, created_at}, written by parevo
  replies/<id>.json    {"text": ..., optional "model", "prompt_tokens", "completion_tokens", "cost"}
  replies/<id>.md      or the raw reply text
  done/                answered requests and their replies, moved here once read

`<id>` comes from the call's role and request key, not from a counter, so when either side
restarts the same request lands in the same file and a reply written meanwhile is picked up.
Files appear under their final name only by rename (`os.replace`): a reader never sees half a
file. Writers of replies must do the same (write `replies/.<id>.tmp`, then rename); `answer()`
does it for you.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel

from ...errors import ParevoError
from ..types import CallSubject, Completion, Message, ProviderError, Retry, Usage, estimate_tokens

DEFAULT_TIMEOUT_S = 3600.0
DEFAULT_POLL_S = 0.5
REPLY_SUFFIXES = (".json", ".md")


class ExchangeRequest(BaseModel):
    id: str
    role: str
    key: str
    sample: int = 0
    subject: CallSubject | None = None  # the task (and bench item) the call is for
    messages: list[Message]
    created_at: str


def request_id(role: str, key: str) -> str:
    safe_role = re.sub(r"[^A-Za-z0-9_-]+", "_", role) or "call"
    return f"{safe_role}-{key[:16]}"


def write_atomic(path: Path, text: str) -> None:
    """Write to a hidden temporary file beside `path`, then rename: readers see all or nothing."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class ExchangeDirectory:
    def __init__(self, dir: str | os.PathLike, timeout_s: float | None = DEFAULT_TIMEOUT_S,
                 poll_s: float = DEFAULT_POLL_S, model: str = "exchange"):
        self.dir = Path(dir)
        self.timeout_s = timeout_s  # None waits for ever
        self.poll_s = poll_s
        self.model = model
        self.name = f"exchange:{self.dir}"
        self._made = False  # set once this provider has made the directory it waits on

    def _check_present(self) -> None:
        # Removed under a waiting run, the directory is not silently re-created: whoever
        # answers would be writing into a directory the run no longer reads.
        if self._made and not (self.dir / "requests").is_dir():
            raise ProviderError(f"the exchange directory {self.dir} was removed while the run used it; "
                                f"re-create it and continue with --resume", Retry.no())

    async def generate(
        self, messages: list[Message], *, key: str, role: str, sample: int, subject: CallSubject | None = None,
        temperature: float | None = None, max_tokens: int | None = None,
    ) -> Completion:
        rid = request_id(role, key)
        t0 = time.monotonic()
        self._check_present()
        for sub in ("requests", "replies", "done"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        self._made = True
        found = self._reply(rid)
        if found is None:
            req = self.dir / "requests" / f"{rid}.json"
            if not req.exists():  # after a restart the request is already there: keep its created_at
                created = datetime.now(timezone.utc).isoformat(timespec="seconds")
                body = ExchangeRequest(id=rid, role=role, key=key, sample=sample, subject=subject, messages=messages,
                                       created_at=created)
                write_atomic(req, body.model_dump_json(indent=2))
        while found is None:
            if self.timeout_s is not None and time.monotonic() - t0 >= self.timeout_s:
                raise ProviderError(
                    f"no reply after {self.timeout_s:g} s: waited for {self.dir / 'replies' / rid}.json "
                    f"(or .md); answer with `parevo llm answer {self.dir} {rid} FILE`",
                    Retry.no(),
                )
            await asyncio.sleep(self.poll_s)
            self._check_present()
            found = self._reply(rid)
        path, data = found
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            # Left in place (not moved to done/) so the writer can see it and replace it.
            raise ProviderError(f"{path}: empty reply (a reply needs a non-empty \"text\")", Retry.no())
        if path.parent.name == "replies":
            _move(self.dir / "requests" / f"{rid}.json", self.dir / "done" / f"{rid}.json")
            _move(path, self.dir / "done" / f"{rid}.reply{path.suffix}")
        cost = data.get("cost")
        return Completion(
            text=text, model=str(data.get("model") or self.model), provider=self.name,
            usage=Usage(
                # A person or an agent rarely reports tokens: estimate them (about 4 characters a
                # token) so that token budgets and the usage report still mean something.
                prompt_tokens=int(data.get("prompt_tokens") or sum(estimate_tokens(m.content) for m in messages)),
                completion_tokens=int(data.get("completion_tokens") or estimate_tokens(text)),
                cost=float(cost) if isinstance(cost, (int, float)) else None,
            ),
            latency_s=time.monotonic() - t0, finish_reason="stop",
        )

    def classify(self, exc: BaseException) -> Retry:
        return exc.retry if isinstance(exc, ProviderError) else Retry.no()

    def _reply(self, rid: str) -> tuple[Path, dict] | None:
        """The reply for `rid`, waiting in replies/ or already consumed in done/ (the same key is
        the same draw, so an answered request is answered for good)."""
        candidates = [self.dir / "replies" / f"{rid}{s}" for s in REPLY_SUFFIXES]
        candidates += [self.dir / "done" / f"{rid}.reply{s}" for s in REPLY_SUFFIXES]
        for path in candidates:
            try:
                raw = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                continue  # not there, or moved to done/ by a concurrent identical call
            if path.suffix == ".md":
                return path, {"text": raw}
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ProviderError(
                    f"{path}: not valid JSON ({exc}); write the raw text to a .md file instead, "
                    "or a JSON object {\"text\": ...}", Retry.no(),
                ) from exc
            if not isinstance(data, dict):
                raise ProviderError(f"{path}: a JSON reply must be an object {{\"text\": ...}}", Retry.no())
            return path, data
        return None


def _move(src: Path, dst: Path) -> None:
    try:
        os.replace(src, dst)
    except FileNotFoundError:
        pass  # already moved by a concurrent identical call, or never written (request from before a restart)


def pending(dir: str | os.PathLike) -> list[ExchangeRequest]:
    """Requests still waiting for a reply, oldest first."""
    root = Path(dir)
    if not root.is_dir():
        raise ParevoError(f"{root}: no such exchange directory")
    out = []
    for path in sorted((root / "requests").glob("*.json")):
        if any((root / "replies" / f"{path.stem}{s}").exists() for s in REPLY_SUFFIXES):
            continue
        try:
            out.append(ExchangeRequest.model_validate_json(path.read_text(encoding="utf-8")))
        except ValueError as exc:
            raise ParevoError(f"{path}: not an exchange request ({exc})") from exc
    return sorted(out, key=lambda r: (r.created_at, r.id))


def answer(dir: str | os.PathLike, id: str, text: str, *, model: str | None = None) -> Path:
    """Answer request `id` with `text`, atomically; returns the reply file written."""
    root = Path(dir)
    if not (root / "requests" / f"{id}.json").exists():
        if (root / "done" / f"{id}.json").exists():
            raise ParevoError(f"{root}: request {id} was already answered (see {root / 'done'})")
        waiting = ", ".join(r.id for r in pending(root)) if root.is_dir() else ""
        raise ParevoError(f"{root}: no pending request {id} (pending: {waiting or 'none'})")
    if not text.strip():
        raise ParevoError(f"{root}: refusing an empty reply to {id}")
    (root / "replies").mkdir(exist_ok=True)
    path = root / "replies" / f"{id}.json"
    write_atomic(path, json.dumps({"text": text, **({"model": model} if model else {})}, ensure_ascii=False))
    return path
