"""Critic-Refine generation filtered by execution: per seed and sample, the generator writes
an exercise (instruction, solution, test program, maybe a sequential version), the critic
reviews it, the generator refines it (`critic_rounds` times), then near-duplicates of kept
records and the execution filters reject what is not verified. Every candidate's decision and
every LLM call go to the corpus store as they happen; a rerun with the same directory skips
what is decided and answers repeated requests from the store.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from pathlib import Path
from typing import Any, Callable, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from ..version import __version__
from ..llm import LLM, Budget, BudgetExceeded, Completion, LLMConfig, LLMError, Message, request_key
from . import prompting
from ..verify.executor import Executor
from .dedup import Deduper
from .filters import INFRA_ERRORS, FilterConfig, Filters, Verdict
from .replies import parse_critique, parse_draft
from .seeds import Seed, load_seeds
from .store import CandidateRow, CorpusStore

ROLES = ("generate", "critic", "refine")  # the `role` of each LLM call (scripted replies are keyed by it)


class CorpusSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    llm: str
    critic_llm: str | None = None  # None: the generator reviews itself
    seeds: str
    model: str
    samples: int = Field(1, ge=1)
    critic_rounds: int = Field(1, ge=0)
    budget_usd: float | None = None
    budget_tokens: int | None = None
    dedup_threshold: float = 0.85
    jobs: int = Field(1, ge=1, description="candidates in flight at once (their LLM calls and filter runs overlap)")
    filters: FilterConfig = Field(default_factory=FilterConfig)


class Outcome(NamedTuple):
    status: str  # finished | stopped
    reason: str
    counts: dict[str, int]  # kept, rejected, error, skipped (decided before this run)
    new_calls: int


def candidate_id(seed: Seed, sample: int) -> str:
    digest = hashlib.sha256(f"{seed.id}\0{seed.model}\0{sample}".encode()).hexdigest()
    return f"{seed.model}-{digest[:16]}"


class _Stop(Exception):
    """Ends the run cleanly: the budget is spent or the model stopped answering."""


class Generator:
    def __init__(self, out_dir: Path, spec: CorpusSpec, llm_config: LLMConfig | None = None,
                 on_candidate: Callable[[CandidateRow], None] | None = None, executor: Executor | None = None):
        self.out_dir = Path(out_dir)
        self.spec = spec
        self.seeds = load_seeds(spec.seeds, spec.model)
        self.store = CorpusStore(self.out_dir)
        self.filters = Filters(spec.filters, executor=executor)  # executor: where task seeds are evaluated
        self.deduper = Deduper(spec.dedup_threshold)
        config = llm_config or LLMConfig()
        self.gen = LLM.from_config(spec.llm, config, on_record=self.store.add_call)
        self.critic = (self.gen if not spec.critic_llm or spec.critic_llm == spec.llm
                       else LLM.from_config(spec.critic_llm, config, on_record=self.store.add_call))
        self.budget = Budget(max_usd=spec.budget_usd, max_tokens=spec.budget_tokens)
        self.spent = self.store.usage()  # earlier runs count: the budget is the corpus's
        self.on_candidate = on_candidate
        self.counts = {"kept": 0, "rejected": 0, "error": 0, "skipped": 0}

    async def run(self) -> Outcome:
        from .export import write_exports

        calls_before = self.store.n_calls()
        run = self.store.start_run(self.spec.model_dump(mode="json"))
        for row in self.store.candidates("kept"):  # kept records of earlier runs: later ones must not repeat them
            self.deduper.add(row.id, row.record["solution"])
        decided = self.store.decided()
        status, reason = "finished", "every seed and sample decided"
        try:
            try:
                await self._candidates(decided)
            except* _Stop as stop:  # the candidates still in flight are cancelled: undecided, a rerun redoes them
                status, reason = "stopped", str(stop.exceptions[0])
        except asyncio.CancelledError:  # Ctrl-C: the candidate in flight stays undecided, a rerun redoes it
            status, reason = "stopped", "interrupted"
        finally:
            self.store.finish_run(run, status, reason)
            write_exports(self.store, self.out_dir, stop_reason=reason if status == "stopped" else None)
            await self.gen.aclose()
            if self.critic is not self.gen:
                await self.critic.aclose()
        return Outcome(status, reason, dict(self.counts), self.store.n_calls() - calls_before)

    async def _candidates(self, decided: set) -> None:
        """Every undecided (seed, sample), `spec.jobs` at a time, in seed order (one at a time:
        exactly the order of a sequential run). The filters' evaluations go through the executor,
        so with `--ray` the candidates in flight are evaluated on the cluster's nodes."""
        slots = asyncio.Semaphore(self.spec.jobs)

        async def one(seed: Seed, sample: int) -> None:
            async with slots:
                await self._candidate(seed, sample)

        async with asyncio.TaskGroup() as group:
            for seed in self.seeds:
                for sample in range(self.spec.samples):
                    if (seed.id, seed.model, sample) in decided:
                        self.counts["skipped"] += 1
                    else:
                        group.create_task(one(seed, sample))

    # -- one candidate ----------------------------------------------------------------------------
    async def _candidate(self, seed: Seed, sample: int) -> None:
        record = self._record(seed, sample)
        messages = prompting.generate_messages(seed)
        reply = (await self._call(self.gen, messages, "generate", sample)).text
        parsed = parse_draft(reply)
        if parsed.draft is None:
            return self._decide(record, sample, Verdict().reject("malformed", f"{parsed.problem}\n--- reply ---\n{reply}"))
        draft, notes = parsed.draft, []
        for r in range(self.spec.critic_rounds):
            c = await self._call(self.critic, prompting.critique_messages(seed, draft), "critic", sample)
            critique = parse_critique(c.text)
            record["critique"], record["critic_score"] = critique.text, critique.score
            asked = prompting.refine_messages(seed, messages, reply, critique.score, critique.text)
            refined = (await self._call(self.gen, asked, "refine", sample)).text
            again = parse_draft(refined)
            if again.draft is None:  # a broken refinement does not undo a good draft
                notes.append(f"refine round {r + 1}: {again.problem}; kept the previous draft")
                continue
            draft, messages, reply = again.draft, asked, refined
        record.update(instruction=draft.instruction, solution=draft.solution, test_program=draft.test_program,
                      sequential=draft.sequential, notes=notes)
        if dup := self.deduper.check(draft.solution):
            return self._decide(record, sample, Verdict().reject("duplicate", f"near-duplicate of kept record {dup}"))
        try:
            verdict = await self.filters.run(seed, draft)
        except INFRA_ERRORS as exc:
            return self._decide(record, sample, Verdict().reject("infra_error", str(exc)), status="error")
        if verdict.reason is None and (dup := self.deduper.check(draft.solution)):
            # kept meanwhile by a candidate filtered beside this one
            verdict = verdict.reject("duplicate", f"near-duplicate of kept record {dup}")
        self._decide(record, sample, verdict)
        if verdict.reason is None:
            self.deduper.add(record["id"], draft.solution)

    def _record(self, seed: Seed, sample: int) -> dict[str, Any]:
        critic = self.critic.provider.name if self.critic is not self.gen else self.gen.provider.name
        return {
            "id": candidate_id(seed, sample), "seed": seed.id, "seed_kind": seed.kind, "primitive": seed.primitive,
            "task": seed.task, "topic": seed.topic, "model": seed.model, "sample": sample, "instruction": "",
            "solution": "", "test_program": "", "sequential": None, "critique": None, "critic_score": None,
            "filters": {}, "notes": [],
            "provenance": {"llm": self.gen.provider.name, "llm_model": self.gen.provider.model, "critic": critic,
                           "critic_rounds": self.spec.critic_rounds, "parevo_version": __version__,
                           "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")},
        }

    def _decide(self, record: dict[str, Any], sample: int, v: Verdict, status: str | None = None) -> None:
        record["filters"] = v.model_dump(exclude={"reason", "detail"})
        status = status or ("kept" if v.reason is None else "rejected")
        self.store.put(record, sample=sample, status=status, reason=v.reason, detail=v.detail)
        self.counts[status] += 1
        if self.on_candidate:
            self.on_candidate(self.store.candidate(record["id"]))

    # -- LLM calls: answered from the store when already made, budgeted across runs ---------------
    async def _call(self, llm: LLM, messages: list[Message], role: str, sample: int) -> Completion:
        if llm.system_prompt and not any(m.role == "system" for m in messages):
            messages = [Message(role="system", content=llm.system_prompt), *messages]
        if (hit := self.store.cached(request_key(messages, sample, llm.provider.model))) is not None:
            return hit
        if (why := self.budget.exhausted(self.spent)) is not None:
            raise _Stop(f"budget reached: {why}")
        try:
            completion = await llm.complete(messages, role=role, sample=sample)
        except BudgetExceeded as exc:
            raise _Stop(f"budget reached: {exc.reason}") from exc
        except LLMError as exc:
            raise _Stop(f"the {role} model failed: {exc}") from exc
        self.spent += completion.usage
        return completion
