"""What the stages of one evaluation share: the task, the candidate, the toolchain, the build
cache, and the binaries built so far (each stage builds what it needs once)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .. import paths
from ..tasks import Task
from ..toolchain.build import Artifact, BuildCache, tree_digest
from ..toolchain.models import Flags, ParallelModel
from ..toolchain.probe import Toolchain
from ..toolchain.sandbox import Limits
from .config import EvalConfig
from .harness import CaseSpec

OPT_FLAGS = ("-O3",)
HARNESS_RACE_FLAGS = ("-O2", "-g")  # the harness is not instrumented: only the candidate's accesses matter


@dataclass
class EvalContext:
    task: Task
    model: ParallelModel
    source: str
    toolchain: Toolchain
    cache: BuildCache
    config: EvalConfig
    binaries: dict[str, Artifact] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @cached_property
    def source_sha256(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()

    @cached_property
    def source_lines(self) -> list[str]:
        return self.source.splitlines()

    @cached_property
    def headers_digest(self) -> str:
        runtime = sorted(paths.RUNTIME_INCLUDE.glob("*.hpp")) + [paths.CXX_DIR / "harness_main.cpp"]
        return tree_digest(runtime + self.task.header_files)

    def size(self, stage: str) -> int:
        override = {"check": self.config.check_size, "race": self.config.race_size, "timing": self.config.timing_size}[stage]
        return override or getattr(self.task.spec.sizes, stage)

    def families(self) -> list[str]:
        """The families of the correctness and race stages (the task's, unless the config narrows them)."""
        return self._known(self.config.families or self.task.spec.families, "check")

    def timing_families(self) -> list[str]:
        return self._known(self.config.timing_families or self.task.spec.timing_families, "timing")

    def _known(self, chosen: list[str], what: str) -> list[str]:
        unknown = [f for f in chosen if f not in self.task.spec.families]
        if unknown:
            from ..errors import ParevoError

            raise ParevoError(f"{what} families {unknown} are not families of task '{self.task.id}' "
                              f"(known: {', '.join(self.task.spec.families)})")
        return chosen

    def limits(self, wall_s: float, sanitizer: bool = False) -> Limits:
        memory = self.config.memory_bytes
        if self.task.spec.memory_gib:
            memory = max(memory, int(self.task.spec.memory_gib * 2**30))
        return Limits(wall_s=wall_s, memory_bytes=memory, max_pids=self.config.max_pids, sanitizer=sanitizer)

    def cases(self, families: list[str], stage: str, seed_offset: int = 0) -> list[CaseSpec]:
        size = self.size(stage)
        return [CaseSpec(f, size, self.config.seed + seed_offset) for f in families]

    def include_dirs(self) -> list[Path]:
        return [paths.CXX_DIR, paths.RUNTIME_INCLUDE, self.task.root]

    def compile_harness(self, flags: Flags, opt: tuple[str, ...]) -> Artifact:
        defines = tuple(f"-D{d}" for d in flags.harness_defines)
        harness_flags = (*opt, *defines, *[f for f in flags.compile if f.startswith("-I")])
        return self.cache.compile_object(
            (paths.CXX_DIR / "harness_main.cpp").read_text(), harness_flags, self.include_dirs(), None,
            self.headers_digest, name="harness_main.cpp",
        )

    def compile_unit(self, source: str, flags: Flags, opt: tuple[str, ...]) -> Artifact:
        return self.cache.compile_object(
            source, (*opt, *flags.compile), self.include_dirs(), self.task.root / "types.hpp", self.headers_digest
        )

    def build_program(self, source: str, flags: Flags, opt: tuple[str, ...] = OPT_FLAGS,
                      harness_opt: tuple[str, ...] = OPT_FLAGS) -> tuple[Artifact, Artifact | None]:
        """(the failing artifact or the linked binary, the candidate object)."""
        harness = self.compile_harness(flags, harness_opt)
        if not harness.ok:
            from ..errors import InfraError

            raise InfraError(f"the parevo harness for task '{self.task.id}' failed to compile:\n{harness.log[-2000:]}")
        unit = self.compile_unit(source, flags, opt)
        if not unit.ok:
            return unit, unit
        return self.cache.link([harness, unit], flags.link), unit
