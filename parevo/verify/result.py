"""What an evaluation returns: per-stage results and the verdict, serialisable to JSON.

`status` is one of ok / fail / error / skipped, where `error` means the *infrastructure*
failed (a compiler crashed, a cgroup could not be made), never the candidate. Consumers (the
agent, bench, the corpus filters) read `status`, `stage_reached`, `feedback` and `metrics`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, computed_field

StageStatus = Literal["ok", "fail", "error", "skipped"]
STAGE_ORDER = ("static", "build", "correctness", "race", "timing", "profile")


class StageResult(BaseModel):
    stage: str
    status: StageStatus
    seconds: float = 0.0
    queued_s: float = 0.0  # time waiting for a CPU slot (verify/slots.py), not charged to the candidate
    started_at: float | None = None  # wall clock (Unix s) when it got its CPU slot: a timeline across workers and nodes
    feedback: str = ""  # written for an LLM: what went wrong and where
    detail: str = ""  # for a person: why a stage was skipped, what was unavailable
    metrics: dict[str, Any] = Field(default_factory=dict)
    params: dict[str, Any] = Field(default_factory=dict)  # the stage's arguments, for reproducibility


class EvalResult(BaseModel):
    schema_version: int = 1
    task: str
    task_version: int
    model: str
    candidate_sha256: str
    stages: list[StageResult] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # missing sandbox guards, unavailable counters...
    machine: dict[str, Any] = Field(default_factory=dict)
    parevo_version: str = ""
    created_at: str = ""
    seconds: float = 0.0

    def stage(self, name: str) -> StageResult | None:
        return next((s for s in self.stages if s.stage == name), None)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status(self) -> Literal["ok", "fail", "error"]:
        for s in self.stages:
            if s.status in ("fail", "error"):
                return s.status
        return "ok"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def stage_reached(self) -> str:
        """The failing stage, or the last stage that ran."""
        for s in self.stages:
            if s.status in ("fail", "error"):
                return s.stage
        ran = [s for s in self.stages if s.status == "ok"]
        return ran[-1].stage if ran else "static"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def feedback(self) -> str:
        failing = next((s for s in self.stages if s.status in ("fail", "error")), None)
        return f"[{failing.stage}] {failing.feedback}" if failing else ""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def race_free(self) -> bool | None:
        """True only when a detector ran and saw nothing; None when no detector could run."""
        race = self.stage("race")
        if race is None or race.status in ("skipped", "error"):
            return None
        return race.status == "ok"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def metrics(self) -> dict[str, Any]:
        timing = self.stage("timing")
        if not timing or timing.status != "ok":
            return {}
        keys = ("speedup", "efficiency", "threads_max", "speedup_vs_reference", "speedup_by_threads", "max_spread", "contended")
        return {k: timing.metrics[k] for k in keys if k in timing.metrics}
