"""`parevo bench`: samples per item, one-shot or agentic, every sample evaluated by the same
cascade and committed to the bench store as it finishes. Rerunning the same bench (same
name) skips stored samples: a bench resumes where it stopped."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import ParevoError
from ..verify.executor import EvalJob, Executor, LocalExecutor
from ..llm.extract import extract_code
from ..llm import LLM, Budget, BudgetExceeded, LLMError
from ..llm.types import CallSubject
from ..llm.spec import LLMConfig
from ..tasks import Task, get_task
from . import pareval as pe
from ..toolchain import models as pm
from ..verify.config import EvalConfig
from ..verify.result import EvalResult
from .items import BenchItem, Skipped, builtin_items, dir_items, pareval_items, with_references
from .store import BenchStore, Outcome, SampleKey

STORE_NAME = "bench.sqlite"


class BenchSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    suite: str  # builtin | pareval | a directory of tasks
    mode: Literal["oneshot", "evolve"] = "oneshot"
    llm: str | None = None
    solutions: Literal["reference", "baseline"] | None = None
    samples: int = Field(1, ge=1)
    models: list[str] = ["openmp"]
    tasks: list[str] | None = None
    pareval_dir: str | None = None
    translation: bool = False
    paper: bool = False
    quick: bool = False
    evolve_iterations: int = 4
    budget_usd: float | None = None
    eval_timeout_s: float = 1800.0
    timing_budget: float | None = Field(10.0, gt=1)  # k: a candidate slower than k x the baseline is stopped


def eval_config(spec: BenchSpec) -> EvalConfig:
    if spec.quick:  # the tasks' own sizes (ParEval sizes mean different things per problem), fewer runs
        return EvalConfig(reps=1, warmup=0, check_threads=[1, 2], race_threads=[4], profile=False,
                          timing_threads=[1, 2], timing_budget=spec.timing_budget)
    return EvalConfig(reps=3, profile=False, timing_budget=spec.timing_budget)


def bench_items(spec: BenchSpec) -> tuple[list[BenchItem], list[Skipped]]:
    items, skipped = _suite_items(spec)
    return with_references(items, skipped) if spec.solutions == "reference" else (items, skipped)


def _suite_items(spec: BenchSpec) -> tuple[list[BenchItem], list[Skipped]]:
    if spec.suite == "builtin":
        return builtin_items(spec.models, spec.tasks)
    if spec.suite == "pareval":
        return pareval_items(spec.models, spec.tasks, spec.pareval_dir, spec.translation, budget=spec.timing_budget,
                             paper=spec.paper)
    if Path(spec.suite).is_dir():
        return dir_items(Path(spec.suite), spec.models, spec.tasks)
    raise ParevoError(f"--suite {spec.suite}: not builtin, pareval, or a directory of tasks")


@dataclass
class BenchProgress:
    total: int
    done: int = 0
    passed: int = 0
    errors: int = 0
    last: str = ""
    by_stage: dict[str, int] = field(default_factory=dict)


class Bench:
    def __init__(self, bench_dir: Path, bench_id: str, spec: BenchSpec, *, jobs: int = 2,
                 on_progress: Callable[[BenchProgress], None] | None = None, executor: Executor | None = None,
                 workers: int | None = None):
        self.dir, self.id, self.spec = bench_dir, bench_id, spec
        self.store = BenchStore(bench_dir / STORE_NAME, create=True)
        self.items, self.skipped = bench_items(spec)
        self.config = eval_config(spec)
        self.jobs = jobs
        # Locally `workers` (default: `jobs`) evaluations at once: their builds and race runs overlap,
        # while timing and every measuring stage stay exclusive machine-wide (verify/slots.py).
        self.executor = executor or LocalExecutor(workers or jobs)
        self.remote = executor  # --mode evolve: each run's own local workers, unless a cluster was given
        self.on_progress = on_progress
        self._tasks: dict[str, Task] = {}
        self.llm: LLM | None = None
        self.stop_reason: str | None = None

    def _llm(self) -> LLM:
        if self.spec.llm is None:
            raise ParevoError("parevo bench needs --llm SPEC, or --solutions reference|baseline")
        return LLM.from_config(self.spec.llm, LLMConfig(), budget=Budget(max_usd=self.spec.budget_usd),
                               on_record=lambda r: self.store.add_call(self.id, r), seq_start=self.store.n_calls())

    async def run(self) -> str:
        self.store.start(self.id, {**self.spec.model_dump(mode="json"),
                                   "skipped": [s.model_dump() for s in self.skipped]})
        samples = 1 if self.spec.solutions else self.spec.samples
        done = self.store.done_keys(self.id)
        todo = [(it, s) for it in self.items for s in range(samples) if (it.prompt_id, s) not in done]
        progress = BenchProgress(total=len(self.items) * samples, done=len(done))
        for row in self.store.samples(self.id):
            progress.passed += row.correct and row.race_free is not False
        if self.spec.solutions is None and self.spec.mode == "oneshot" and todo:
            self.llm = self._llm()
        queue: asyncio.Queue = asyncio.Queue()
        for t in todo:
            queue.put_nowait(t)

        async def worker() -> None:
            while self.stop_reason is None and not queue.empty():
                item, sample = queue.get_nowait()
                try:
                    outcome = await self._sample(item, sample)
                except BudgetExceeded as e:
                    self.stop_reason = f"budget reached: {e}"
                    return
                self.store.add_sample(SampleKey(bench_id=self.id, prompt_id=item.prompt_id, task=self.task(item).id,
                                                model=item.model, sample=sample), outcome)
                progress.done += 1
                progress.passed += outcome.passed
                progress.errors += outcome.status == "error"
                key = ("passed" if outcome.status == "ok" else "correct, too slow" if outcome.too_slow
                       else f"{outcome.status} at {outcome.stage_reached}")
                progress.by_stage[key] = progress.by_stage.get(key, 0) + 1
                progress.last = f"{item.prompt_id} #{sample}: {key}"
                if self.on_progress:
                    self.on_progress(progress)

        try:
            await asyncio.gather(*(worker() for _ in range(self.jobs)))
        except asyncio.CancelledError:
            self.stop_reason = "interrupted (Ctrl-C); rerun the same command to resume"
        finally:
            if self.llm:
                await self.llm.aclose()
        status = "stopped" if self.stop_reason else "finished"
        self.store.finish(self.id, status)
        return self.stop_reason or "all samples done"

    def task(self, item: BenchItem) -> Task:
        """The item's task, loaded once per bench (every sample of an item reads it)."""
        if item.task_ref not in self._tasks:
            self._tasks[item.task_ref] = get_task(item.task_ref)
        return self._tasks[item.task_ref]

    async def _sample(self, item: BenchItem, sample: int) -> Outcome:
        start = time.monotonic()
        if self.spec.solutions:
            return await self._evaluate(item, self._solution(item), sample)
        if self.spec.mode == "evolve":
            return await self._evolve(item, sample)
        assert self.llm is not None
        try:
            completion = await self.llm.complete(item.messages, role="bench", sample=sample,
                                                 subject=CallSubject(task=self.task(item).id, item=item.prompt_id))
        except LLMError as e:
            return Outcome(status="error", stage_reached="llm", feedback=f"the LLM call failed: {e}",
                           seconds=time.monotonic() - start)
        return await self._evaluate_reply(item, completion.text, sample, start)

    def _solution(self, item: BenchItem) -> str:
        task = self.task(item)
        if self.spec.solutions == "baseline":
            return task.baseline_source
        source = task.reference_source(item.model)
        if source is None:
            raise ParevoError(f"{item.prompt_id}: no {item.model} reference (filter with --models)")
        return source

    async def _evaluate_reply(self, item: BenchItem, text: str, sample: int, start: float) -> Outcome:
        extracted = extract_code(text, function=item.function, language=pm.MODELS[item.model].language
                                 if item.model in pm.MODELS else "cxx")
        if item.pareval_prompt is not None:
            body = extracted.code if extracted else text  # a bare continuation may have no code markers at all
            code = pe.assemble(item.pareval_prompt, body, item.function)
        elif extracted is None:
            return Outcome(status="no_code", stage_reached="static", feedback="reply without code", reply=text,
                           seconds=time.monotonic() - start)
        else:
            code = extracted.code
        outcome = await self._evaluate(item, code, sample)
        return outcome.model_copy(update={"reply": text})

    async def _evaluate(self, item: BenchItem, code: str, sample: int) -> Outcome:
        task = self.task(item)
        config = pe.paper_config(task, self.config) if self.spec.paper else self.config
        workdir = self.dir / "evals" / f"{abs(hash((item.prompt_id, sample))) % 10**8:08d}"
        done = await self.executor.evaluate(EvalJob(item.task_ref, item.model, code, config, self.spec.eval_timeout_s),
                                            workdir)
        result = done.result
        result.notes += [f"evaluated again after {r.kind}: {r.detail}" for r in done.retried]
        return Outcome.of(result, code)

    async def _evolve(self, item: BenchItem, sample: int) -> Outcome:
        """An evolution run per sample; the sample is its best program (or its last attempt)."""
        from ..evolve.config import RunConfig
        from ..evolve.run import STORE_NAME as RUN_STORE, create_run, execute, make_llm, open_run, sweep_stale

        name = f"{item.prompt_id.replace('/', '-')}-s{sample}"
        runs = self.dir / "evolve"
        cfg = RunConfig(evolve={"iterations": self.spec.evolve_iterations, "seed": sample, "quick": self.spec.quick,
                                "parallel": 1})
        if (runs / name / RUN_STORE).is_file():
            run = open_run(name, base=runs)  # claimed by this process: nobody else is evaluating in it
            sweep_stale(run)  # a killed bench's evaluation directories, before anything is timed
            run.store.reopen_run(run.run_id)
        else:
            run = create_run(item.task_ref, item.model, self.spec.llm or "", cfg, base=runs, name=name)
        outcome = await execute(run, make_llm(run), executor=self.remote)
        if outcome.status == "stopped" and "budget" in outcome.reason:
            raise BudgetExceeded(outcome.reason, reason=outcome.reason)
        programs = run.store.programs(run.run_id)
        best = next((p for p in programs if p.id == outcome.stats.get("best_program")), None)
        chosen = best or (programs[-1] if programs else None)
        stored = run.store.program_result(chosen.id) if chosen else None
        if chosen is None or stored is None:
            why = chosen.feedback if chosen else "the evolution produced no program"
            return Outcome(status=chosen.status if chosen else "error", stage_reached="static", feedback=why,
                           code=chosen.code if chosen else "", evolve_run=name)
        return Outcome.of(EvalResult.model_validate(stored), chosen.code, evolve_run=name)
