"""The Task: everything parevo needs to judge a candidate for one problem.

A task is a directory (see docs/tasks.md). Loading validates `task.toml` with pydantic and
checks that every file it names exists; any problem is one TaskFileError naming the file and
the field.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import TaskFileError
from ..tomlfile import read_toml, validate
from ..toolchain.models import MODELS

REQUIRED_FILES = ("statement.md", "types.hpp", "task.hpp", "baseline.cpp")
_PARENT_INCLUDE = re.compile(r'^\s*#\s*include\s*"(\.\./[^"]+)"', re.M)


class Sizes(BaseModel):
    model_config = ConfigDict(extra="forbid")
    check: int = Field(gt=0, description="input size of the correctness stage")
    race: int = Field(gt=0, description="input size of the race stage (sanitizer builds are 5-15x slower)")
    timing: int = Field(gt=0, description="input size of the timing stage")


class TaskSpec(BaseModel):
    """The validated contents of task.toml."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    version: int = 1
    function: str = Field(pattern=r"^[A-Za-z_]\w*$")
    signature: str
    models: list[str]
    tags: list[str] = []
    families: list[str] = Field(min_length=1)
    timing_families: list[str] = Field(min_length=1)
    sizes: Sizes
    references: dict[str, str] = {}
    # Families that reproduce a published benchmark's original inputs (ParEval's sizes and
    # distributions), for a paper-compatible mode; a subset of `families`.
    paper_families: list[str] = []
    source: dict[str, str] = {}  # provenance, e.g. {benchmark = "ParEval", name = "16_graph_largest_component"}
    # Free functions the harness provides as a weak default that a candidate may define itself
    # (the link-time guard lets exactly these through; see toolchain/symbols.py).
    overridable: list[str] = []
    # A task whose timing inputs are large may raise the memory limit of its runs (never lower
    # it): the input, the candidate's copy and the candidate's own arrays must all fit.
    memory_gib: float | None = Field(None, gt=0, le=64)

    @field_validator("models")
    @classmethod
    def _known_models(cls, v: list[str]) -> list[str]:
        unknown = [m for m in v if m not in MODELS]
        if unknown:
            raise ValueError(f"unknown model(s) {unknown} (known: {', '.join(MODELS)})")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> "TaskSpec":
        extra = [f for f in self.timing_families if f not in self.families]
        if extra:
            raise ValueError(f"timing_families {extra} are not among families {self.families}")
        extra = [f for f in self.paper_families if f not in self.families]
        if extra:
            raise ValueError(f"paper_families {extra} are not among families {self.families}")
        bad = [m for m in self.references if m not in self.models]
        if bad:
            raise ValueError(f"references for model(s) {bad} that the task does not allow")
        if not re.search(rf"\b{re.escape(self.function)}\s*\(", self.signature):
            raise ValueError(f"signature does not declare function '{self.function}'")
        return self


class Task:
    """A loaded task directory."""

    def __init__(self, root: Path, spec: TaskSpec):
        self.root = root
        self.spec = spec

    id = property(lambda self: self.spec.id)
    title = property(lambda self: self.spec.title)

    @cached_property
    def statement(self) -> str:
        return (self.root / "statement.md").read_text()

    @cached_property
    def types_header(self) -> str:
        return (self.root / "types.hpp").read_text()

    @cached_property
    def baseline_source(self) -> str:
        return (self.root / "baseline.cpp").read_text()

    def reference_source(self, model: str) -> str | None:
        rel = self.spec.references.get(model)
        return (self.root / rel).read_text() if rel else None

    @cached_property
    def header_files(self) -> list[Path]:
        """The task's headers, and the shared ones its task.hpp includes from the folder above
        (`#include "../x.hpp"`: ParEval's FFT helpers), for the build cache's digest."""
        own = [self.root / "types.hpp", self.root / "task.hpp"]
        shared = sorted({(self.root / m).resolve() for m in _PARENT_INCLUDE.findall(own[1].read_text())})
        return own + [p for p in shared if p.is_file()]

    def __repr__(self) -> str:
        return f"Task({self.id!r}, {self.root})"


def load_task(root: Path) -> Task:
    root = Path(root).resolve()  # compiles run in the sandbox, from another directory
    toml_path = root / "task.toml"
    if not toml_path.is_file():
        raise TaskFileError(f"{root}: not a task directory (no task.toml)")
    spec = validate(TaskSpec, read_toml(toml_path, "task file", TaskFileError), str(toml_path), error=TaskFileError)
    if spec.id != root.name:
        raise TaskFileError(f"{toml_path}: id: '{spec.id}' must equal the directory name '{root.name}'")
    for name in REQUIRED_FILES:
        if not (root / name).is_file():
            raise TaskFileError(f"{root}: missing {name} (every task needs {', '.join(REQUIRED_FILES)})")
    for model, rel in spec.references.items():
        if not (root / rel).is_file():
            raise TaskFileError(f"{toml_path}: references.{model}: file '{rel}' does not exist")
    return Task(root, spec)
