"""The Evolutionary Coding Agent's loop.

Iterations run concurrently (`parallel` in flight), so one iteration's LLM request overlaps
another's evaluation; evaluations run through an executor (verify/executor.py: worker processes
here, or the same workers on a Ray cluster's nodes), and the CPU slots of verify/slots.py keep
timing off cores busy with builds. An iteration is: choose a
parent and inspirations (seeded), prompt, apply the reply, evaluate — and when the candidate
fails at build, correctness or race, send it straight back with the verifier's feedback for up
to `repair_turns` more turns. Every attempt is committed to the store as it finishes, and an
`iteration_done` event closes the iteration, so a resumed run redoes at most the iterations
that were in flight.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..llm import LLM, BudgetExceeded, LLMError, Message, ProviderExhausted
from ..tasks import Task
from ..toolchain import models as pm
from ..verify.result import EvalResult
from ..prompting import task as prompting
from .config import RunConfig
from .edits import apply_reply, ensure_markers
from ..verify.executor import EvalJob, Executor, LocalExecutor
from .population import Population, features, rng_for
from ..runstore import ProgramRow, RunStore, best_of

REPAIRABLE_STAGES = ("static", "build", "correctness", "race", "timing")
MAX_CONSECUTIVE_LLM_ERRORS = 3


@dataclass
class Progress:
    """What the live display shows; updated by the loop, read by a reporter callback."""

    iterations_done: int = 0
    iterations_total: int = 0
    evaluations: int = 0
    best_id: int | None = None
    best_speedup: float | None = None
    cost_text: str = "unknown"
    tokens: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    in_flight: int = 0
    last: str = ""


class StopRun(Exception):
    def __init__(self, reason: str, status: str = "stopped"):
        super().__init__(reason)
        self.reason, self.status = reason, status


def is_viable(result: EvalResult) -> bool:
    """Correct and race-free. TBB has no race detector here (race_free None): its passing
    programs may parent, the others' race_free must be True."""
    return result.status == "ok" and (result.race_free is True or (result.race_free is None and result.model == "tbb"))


def program_metrics(result: EvalResult) -> dict:
    metrics = dict(result.metrics)
    timing = result.stage("timing")
    if timing and timing.status == "ok":
        metrics["families"] = {f: {"baseline_s": r["baseline_s"], "candidate_s": r["candidate_s"]}
                               for f, r in timing.metrics.get("families", {}).items()}
    profile = result.stage("profile")
    if profile and profile.status == "ok":
        c = profile.metrics.get("counters", {})
        metrics["profile"] = {k: round(v, 3) for k, v in c.items() if k in ("context-switches", "cpu-migrations", "page-faults")}
        if "cpu_utilisation" in profile.metrics:
            metrics["profile"]["cpu_utilisation"] = round(profile.metrics["cpu_utilisation"], 2)
    metrics["stage_seconds"] = {s.stage: s.seconds for s in result.stages if s.status != "skipped"}
    metrics["queued_s"] = round(sum(s.queued_s for s in result.stages), 3)  # waiting for a CPU slot
    return metrics


class Agent:
    def __init__(self, store: RunStore, run_id: str, run_dir: Path, task: Task, task_ref: str, model: str,
                 config: RunConfig, llm: LLM, *, on_progress: Callable[[Progress], None] | None = None,
                 executor: Executor | None = None):
        self.store, self.run_id, self.run_dir = store, run_id, run_dir
        self.task, self.task_ref, self.model = task, task_ref, model
        self.cfg, self.evo, self.eval_cfg = config, config.evolve, config.eval_config()
        self.llm = llm
        self.on_progress = on_progress
        self.pop = Population.rebuild(self.evo.islands, store.programs(run_id), store.migrants(run_id))
        self.done = {e["iteration"] for e in store.events(run_id, "iteration_done")}
        self.progress = Progress(iterations_done=len(self.done - {0}), iterations_total=self.evo.iterations)
        self.executor = executor or LocalExecutor(self.evo.eval_workers)
        # iterations in flight: enough to keep every evaluation slot busy (a Ray cluster has many)
        self.parallel = max(self.evo.parallel, self.executor.capacity)
        self.stop: StopRun | None = None
        self.llm_errors = 0
        self.started = time.monotonic()
        self._last_best_iteration = max([p.iteration for p in self.pop.viable()], default=0)
        self._refresh()

    # -- the loop ------------------------------------------------------------------------------
    async def run(self) -> StopRun:
        if 0 not in self.done:
            await self._seed()
        pending = [i for i in range(1, self.evo.iterations + 1) if i not in self.done]
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in pending:
            queue.put_nowait(i)
        workers = [asyncio.create_task(self._worker(queue)) for _ in range(self.parallel)]
        try:
            await asyncio.gather(*workers)
        finally:
            for w in workers:
                w.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        return self.stop or StopRun(f"{self.evo.iterations} iterations done", "finished")

    async def _worker(self, queue: asyncio.Queue[int]) -> None:
        while self.stop is None and not queue.empty():
            if not (self.run_dir / "run.sqlite").is_file():
                self._request_stop(StopRun(f"the run directory {self.run_dir} was removed while the run went on; "
                                           "what it held is lost, start a new run", "failed"))
                break
            iteration = queue.get_nowait()
            self.progress.in_flight += 1
            try:
                await self._iteration(iteration)
            except BudgetExceeded as e:
                self._request_stop(StopRun(f"budget reached: {e}"))
            except LLMError as e:
                if isinstance(e.__cause__, ProviderExhausted):
                    self._request_stop(StopRun(f"no more replies: {e.__cause__}", "finished"))
                    continue
                self.llm_errors += 1
                self.store.event(self.run_id, "llm_error", iteration=iteration, error=str(e))
                if self.llm_errors >= MAX_CONSECUTIVE_LLM_ERRORS:
                    self._request_stop(StopRun(f"the LLM failed {self.llm_errors} times in a row; last: {e}", "failed"))
            finally:
                self.progress.in_flight -= 1
                self._refresh()
            if self.stop is None:
                self._check_stop(iteration)

    def _request_stop(self, stop: StopRun) -> None:
        if self.stop is None:
            self.stop = stop
            self.store.event(self.run_id, "stop", reason=stop.reason, status=stop.status)

    def _check_stop(self, iteration: int) -> None:
        best = self.pop.best()
        if self.evo.target_speedup and best and (best.fitness or 0) >= self.evo.target_speedup:
            self._request_stop(StopRun(f"target speedup {self.evo.target_speedup}x reached by program #{best.id}", "finished"))
        elif self.evo.stagnation and iteration - self._last_best_iteration >= self.evo.stagnation:
            self._request_stop(StopRun(f"no new best in {self.evo.stagnation} iterations", "finished"))
        elif self.evo.max_wall_s and time.monotonic() - self.started >= self.evo.max_wall_s:
            self._request_stop(StopRun(f"wall time {self.evo.max_wall_s:.0f} s reached"))

    # -- one iteration ---------------------------------------------------------------------------
    async def _seed(self) -> None:
        start = self.evo.start
        if start == "baseline" and pm.MODELS[self.model].language != "cxx":
            start = "empty"  # the baseline is C++: a Rust run starts from scratch (or from --start FILE)
        if start != "empty":
            code = self.task.baseline_source if start == "baseline" else Path(start).read_text()
            await self._evaluate_and_record(ensure_markers(code), iteration=0, island=0, parent=None,
                                            origin="seed", turn=0, edit=None)
        self._mark_done(0)

    async def _iteration(self, iteration: int) -> None:
        island = (iteration - 1) % self.evo.islands
        choice = self.pop.choose(island, rng_for(self.evo.seed, iteration, "choose"), exploit=self.evo.exploit,
                                 n_top=self.evo.inspirations_top, n_diverse=self.evo.inspirations_diverse)
        edit = self._edit_mode(iteration, choice.parent)
        messages = prompting.mutate_messages(self.task, self.model, choice, edit=edit, system=self.evo.system_prompt)
        base = choice.parent.code if choice.parent else ""
        parent = choice.parent
        previous: int | None = None  # the failed attempt a repair turn fixes (the lineage parent stays `parent`)
        generation = (parent.generation + 1) if parent else 1
        for turn in range(self.evo.repair_turns + 1):
            role = "mutate" if turn == 0 else "repair"
            completion = await self.llm.complete(messages, role=role, sample=iteration * 100 + turn)
            self.llm_errors = 0
            outcome = apply_reply(base, completion.text, mode="diff" if edit == "diff" else "rewrite",
                                  function=self.task.spec.function, language=pm.MODELS[self.model].language)
            edit_info = {"kind": outcome.kind, "edits_applied": outcome.edits_applied, "error": outcome.error or None,
                         "repairs": previous}
            if outcome.code is None:
                status = "no_code" if outcome.kind == "none" and "without code" in (outcome.error or "") else "edit_failed"
                row = self._record(code="", iteration=iteration, island=island, parent=parent,
                                   origin=role, turn=turn, generation=generation, edit=edit_info,
                                   status=status, feedback=outcome.error or "the reply holds no code", result=None)
                stage, feedback = "edit", row.feedback
            else:
                row = await self._evaluate_and_record(ensure_markers(outcome.code), iteration=iteration, island=island,
                                                      parent=parent, origin=role, turn=turn, edit=edit_info,
                                                      generation=generation)
                stage, feedback = row.stage_reached, row.feedback
            repairable = row.status in ("no_code", "edit_failed") or (
                row.status == "fail" and row.stage_reached in REPAIRABLE_STAGES)
            if row.viable or not repairable or turn == self.evo.repair_turns:
                break
            messages = prompting.repair_messages(messages, completion.text, stage=stage, feedback=feedback,
                                                 code=outcome.code, edit=edit,
                                                 fence="rust" if pm.MODELS[self.model].language == "rust" else "cpp")
            base = outcome.code or base
            previous = row.id
        self._maybe_migrate(iteration)
        self._mark_done(iteration)

    def _edit_mode(self, iteration: int, parent: ProgramRow | None) -> str:
        if parent is None or self.evo.edit_mode == "rewrite":
            return "rewrite"
        if self.evo.edit_mode == "diff":
            return "diff"
        return "rewrite" if iteration % self.evo.rewrite_every == 0 else "diff"

    async def _evaluate_and_record(self, code: str, *, iteration: int, island: int, parent: ProgramRow | None,
                                   origin: str, turn: int, edit: dict | None, generation: int = 0) -> ProgramRow:
        workdir = self.run_dir / "evals" / f"{iteration:04d}-{turn}"
        job = EvalJob(self.task_ref, self.model, code, self.eval_cfg, self.evo.eval_timeout_s)
        result, retried = await self.executor.evaluate(job, workdir)
        for lost in retried:  # the infrastructure's losses, evaluated again: events, never the candidate's failure
            self.store.event(self.run_id, lost.kind, iteration=iteration, turn=turn, detail=lost.detail)
        return self._record(code=code, iteration=iteration, island=island, parent=parent, origin=origin, turn=turn,
                            generation=generation, edit=edit, status=result.status, feedback=result.feedback,
                            result=result)

    def _record(self, *, code: str, iteration: int, island: int, parent: ProgramRow | None, origin: str, turn: int,
                generation: int, edit: dict | None, status: str, feedback: str, result: EvalResult | None) -> ProgramRow:
        viable = bool(result and is_viable(result))
        metrics = program_metrics(result) if result else {}
        fitness = metrics.get("speedup") if viable else None
        fields = dict(run_id=self.run_id, iteration=iteration, island=island, generation=generation,
                      parent_id=parent.id if parent else None, origin=origin, repair_turn=turn, code=code,
                      code_sha256=hashlib.sha256(code.encode()).hexdigest(), status=status,
                      stage_reached=result.stage_reached if result else "edit", viable=viable, fitness=fitness,
                      spread=metrics.get("max_spread"), feedback=feedback, metrics=metrics,
                      features=features(code, self.model, fitness), edit=edit,
                      result=result.model_dump(mode="json") if result else None,
                      eval_seconds=result.seconds if result else 0.0)
        program_id = self.store.add_program(**fields)
        row = self.store.program(program_id)
        before = self.pop.best()
        self.pop.add(row)
        if viable and self.pop.best() is row and before is not row:
            self._last_best_iteration = iteration
            self.store.event(self.run_id, "new_best", program_id=row.id, fitness=fitness, iteration=iteration)
        self.progress.evaluations += result is not None
        if not viable:
            key = row.stage_reached if row.status in ("fail", "error") else row.status
            self.progress.failures[key] = self.progress.failures.get(key, 0) + 1
        self.progress.last = f"#{row.id} it {iteration} {origin}: {status}" + (f" {fitness:.2f}x" if fitness else "")
        self._refresh()
        return row

    def _maybe_migrate(self, iteration: int) -> None:
        if self.evo.islands > 1 and iteration % self.evo.migration_interval == 0:
            for program_id, island in self.pop.migrations(self.evo.migration_count):
                self.store.add_migrant(program_id, island, iteration)
                self.pop.members.setdefault(island, set()).add(program_id)
                self.store.event(self.run_id, "migration", program_id=program_id, island=island, iteration=iteration)

    def _mark_done(self, iteration: int) -> None:
        self.store.event(self.run_id, "iteration_done", iteration=iteration)
        self.done.add(iteration)
        self.progress.iterations_done = len(self.done - {0})

    def _refresh(self) -> None:
        best = self.pop.best()
        self.progress.best_id = best.id if best else None
        self.progress.best_speedup = best.fitness if best else None
        self.progress.cost_text = self.llm.usage.cost_text()
        self.progress.tokens = self.llm.usage.total_tokens
        if self.on_progress:
            self.on_progress(self.progress)


def best_program(store: RunStore, run_id: str) -> ProgramRow | None:
    return best_of(store.programs(run_id, viable_only=True))


def messages_text(messages: list[Message]) -> str:
    return "\n\n".join(f"[{m.role}]\n{m.content}" for m in messages)
