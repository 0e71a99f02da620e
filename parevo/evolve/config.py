"""Settings of an evolution run, loadable from one TOML file with sections [evolve], [eval]
and [llm]. Every knob that changes what the run computes is saved in the run record, so
`--resume` continues with the same settings, not with whatever the command line says now."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from ..tomlfile import read_toml, validate
from ..llm.spec import LLMConfig
from ..verify.config import EvalConfig


class EvolveConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    iterations: int = Field(20, ge=1, description="mutation iterations (repair turns are inside an iteration)")
    seed: int = 0
    islands: int = Field(2, ge=1)
    migration_interval: int = Field(8, ge=1, description="iterations between migrations along the island ring")
    migration_count: int = Field(1, ge=1)
    exploit: float = Field(0.7, ge=0.0, le=1.0, description="chance the parent is the island's best, else a random grid elite")
    inspirations_top: int = Field(2, ge=0)
    inspirations_diverse: int = Field(1, ge=0)
    repair_turns: int = Field(2, ge=0, description="immediate re-prompts of a candidate that fails build, correctness or race")
    edit_mode: Literal["diff", "rewrite", "mixed"] = "mixed"
    rewrite_every: int = Field(4, ge=1, description="in mixed mode, every n-th iteration asks for a full rewrite")
    start: str = Field("baseline", description="'baseline' (the task's sequential baseline), 'empty', or a path to C++ code")
    parallel: int = Field(2, ge=1, description="iterations in flight: LLM requests overlap evaluations")
    eval_workers: int = Field(1, ge=1, description="concurrent evaluations (timing stays exclusive: verify/slots.py)")
    target_speedup: float | None = None
    stagnation: int | None = Field(None, ge=1, description="stop after this many iterations without a new best")
    max_wall_s: float | None = None
    budget_usd: float | None = None
    budget_tokens: int | None = None
    quick: bool = Field(False, description="small inputs and few repetitions (EvalConfig.quick)")
    system_prompt: str | None = None
    eval_timeout_s: float = Field(1800.0, description="wall limit of one evaluation worker process")


class RunConfig(BaseModel):
    """`eval` holds only the [eval] keys the user set (pydantic's `model_fields_set`): they
    override the base that `evolve.quick` picks, and only they are saved in the run record, so a
    resumed quick run keeps quick's sizes for every key the user did not set."""

    model_config = ConfigDict(extra="forbid")
    evolve: EvolveConfig = Field(default_factory=EvolveConfig)
    eval: EvalConfig = Field(default_factory=EvalConfig)
    llm: dict = Field(default_factory=dict)  # parevo.llm.spec.LLMConfig fields

    @field_serializer("eval")
    def _only_what_was_set(self, value: EvalConfig) -> dict:
        return value.model_dump(mode="json", exclude_unset=True)

    def eval_config(self) -> EvalConfig:
        base = EvalConfig.quick() if self.evolve.quick else EvalConfig()
        overrides = self.eval.model_dump(exclude_unset=True)
        return validate(EvalConfig, {**base.model_dump(), **overrides}, "[eval] section")


def load_config(path: Path | None) -> RunConfig:
    if path is None:
        return RunConfig()
    data = read_toml(Path(path), "config file")
    cfg = validate(RunConfig, data, str(path))
    # [llm] is a free-form table above: checked here, before a run starts.
    validate(LLMConfig, cfg.llm, str(path), prefix="llm.")
    return cfg
