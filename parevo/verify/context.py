"""What the stages of one evaluation share: the task, the candidate, the toolchain, the build
cache, and the binaries built so far (each stage builds what it needs once)."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .. import paths
from ..errors import InfraError
from ..tasks import Task
from ..toolchain.build import Artifact, BuildCache, tree_digest
from ..toolchain.models import Flags, ParallelModel
from ..toolchain.probe import Toolchain
from ..toolchain.sandbox import Limits
from .config import EvalConfig
from .harness import CaseSpec

OPT_FLAGS = ("-O3",)
HARNESS_RACE_FLAGS = ("-O2", "-g")  # the harness is not instrumented: only the candidate's accesses matter
# Archer's own lock-table mutex is hidden from TSan (it would order any two critical sections).
RACE_TSAN_OPTIONS = "ignore_noninstrumented_modules=1 suppressions={workdir}/archer.supp"
TSAN_CANARY_FLAGS = ("-fsanitize=thread", "-O1", "-g")
# The harness's replacements of operator new/delete (the input arena) must bind for the
# candidate library too, and the race build's detector options are the harness's.
_NEW_DELETE = (
    "_Znwm _Znam _ZnwmRKSt9nothrow_t _ZnamRKSt9nothrow_t _ZnwmSt11align_val_t _ZnamSt11align_val_t "
    "_ZnwmSt11align_val_tRKSt9nothrow_t _ZnamSt11align_val_tRKSt9nothrow_t _ZdlPv _ZdaPv _ZdlPvm _ZdaPvm "
    "_ZdlPvSt11align_val_t _ZdaPvSt11align_val_t _ZdlPvmSt11align_val_t _ZdaPvmSt11align_val_t _ZdlPvRKSt9nothrow_t "
    "_ZdaPvRKSt9nothrow_t _ZdlPvSt11align_val_tRKSt9nothrow_t _ZdaPvSt11align_val_tRKSt9nothrow_t __tsan_default_options"
).split()
WITNESS_EXPORT = "-Wl,--export-dynamic-symbol=pthread_create"  # every runtime's threads start through it
HARNESS_EXPORTS = tuple(f"-Wl,--export-dynamic-symbol={s}" for s in _NEW_DELETE)


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
    witnessed: bool = False  # parallel work was judged at the check size (else the timing run judges it)
    timing_seed: int | None = None  # the timing inputs' seed, once chosen (the profile runs on the same inputs)
    ahead: dict[str, Future] = field(default_factory=dict)  # work started early for a later stage

    def start_ahead(self, key: str, work) -> None:
        """Starts `work` (a build a later stage needs) in a thread now, so that it overlaps the
        stages before it: on a machine with idle cores the later stage then finds it done. What
        runs ahead must be side-effect free apart from the content-addressed build cache, since a
        stage that fails in between makes its result unused."""
        if key not in self.ahead:
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"parevo-{key}")
            self.ahead[key] = pool.submit(work)
            pool.shutdown(wait=False)

    def from_ahead(self, key: str, work):
        """The result of work started ahead (its exception re-raised here), or `work()` now."""
        future = self.ahead.pop(key, None)
        return future.result() if future else work()

    def wait_ahead(self) -> None:
        """Waits for the work started ahead to finish, keeping its results for the stages that
        collect them. The cascade calls it before a stage gives back its CPU slot: work started
        ahead holds no slot of its own, and must not run on into another evaluation's timing."""
        for future in self.ahead.values():
            future.exception()

    def settle(self) -> None:
        """Waits for work started ahead that no stage collected (a stage failed before it), so
        no compile outlives its evaluation; its outcome is not needed, so neither is its error."""
        for future in self.ahead.values():
            future.exception()
        self.ahead.clear()

    @cached_property
    def source_sha256(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()

    @cached_property
    def source_lines(self) -> list[str]:
        return self.source.splitlines()

    @cached_property
    def headers_digest(self) -> str:
        runtime = paths.runtime_headers() + sorted(paths.CXX_DIR.glob("*.?pp"))
        return tree_digest(runtime + self.task.header_files)

    @cached_property
    def public_dir(self) -> Path:
        """What a candidate's compile may include besides the system headers: the task's types.hpp
        and parevo's public type headers, copied into a directory of their own. Generators,
        validators, the baseline and the task directory are not on its include path."""
        public = sorted((paths.PUBLIC_INCLUDE / "parevo").glob("*.hpp"))
        files = [self.task.root / "types.hpp", *public]
        d = paths.cache_dir() / "public" / tree_digest(files)[:24]
        if not (d / "types.hpp").exists():
            tmp = Path(tempfile.mkdtemp(prefix="public-", dir=paths.cache_dir()))
            (tmp / "parevo").mkdir()
            shutil.copyfile(self.task.root / "types.hpp", tmp / "types.hpp")
            for h in public:
                shutil.copyfile(h, tmp / "parevo" / h.name)
            d.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.rename(tmp, d)
            except OSError:  # built concurrently by another evaluation; theirs is identical
                shutil.rmtree(tmp, ignore_errors=True)
        return d

    def size(self, stage: str) -> int:
        override = {"check": self.config.check_size, "race": self.config.race_size, "timing": self.config.timing_size}[stage]
        own = getattr(self.task.spec.sizes, stage)
        if override and stage == "timing" and self.config.timing_size_at_most_task:
            return min(override, own)
        return override or own

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
        return Limits(wall_s=wall_s, memory_bytes=memory, max_pids=self.config.max_pids, sanitizer=sanitizer,
                      gpu=self.model.language == "cuda")

    @cached_property
    def seed(self) -> int:
        """The evaluation's seed: the configured one, else fresh and secret (the harness reads it
        from a pipe; it is recorded in the result only after the evaluation)."""
        return self.config.seed if self.config.seed is not None else secrets.randbits(40)

    def cases(self, families: list[str], stage: str, seed_offset: int = 0) -> list[CaseSpec]:
        size = self.size(stage)
        return [CaseSpec(f, size, self.seed + seed_offset) for f in families]

    def run_env(self, passive: bool = False) -> dict[str, str]:
        """Extra environment of every harness run (the harness sets thread counts itself, per
        candidate process). The race build's scheduling jitter reads its seed here; it is set in
        every build so that its presence says nothing about which build is running."""
        env = {"PAREVO_PERTURB_SEED": str(self.seed % 1_000_003 + 1)}
        # The race build's own variables are set in every build, so a candidate cannot tell the
        # builds apart by its environment (the optimised build's runtimes ignore them).
        recipe = self.model.race(self.toolchain)
        env.update(recipe.env)
        env["TSAN_OPTIONS"] = RACE_TSAN_OPTIONS
        if passive:  # correctness and race runs alike: an idle OpenMP thread then costs no CPU
            env["OMP_WAIT_POLICY"] = "passive"
        return env

    def harness_options(self) -> dict[str, bool]:
        """run_harness's switches back to the behaviour before two of the harness's economies (for
        the throughput benchmark's "before" mode; verdicts are the same either way)."""
        return {"validate_every_output": not self.config.validate_once,
                "describe_every_input": not self.config.describe_failures_only}

    def harness_include_dirs(self) -> list[Path]:
        return [*paths.HARNESS_INCLUDE_DIRS, self.task.root]

    def harness(self, race: bool = False) -> Artifact:
        """The trusted harness executable of this task (one per task, shared by every candidate)."""
        key = "harness-race" if race else "harness"
        if key in self.binaries:
            return self.binaries[key]
        opt = HARNESS_RACE_FLAGS if race else OPT_FLAGS
        defines = ("-DPAREVO_RACE_BUILD",) if race else ()
        # An MPI model's harness launches its candidate through mpirun (cxx/mpi_launch.hpp).
        defines += tuple(f"-D{d}" for d in self.model.flags(self.toolchain).harness_defines if d.startswith("PAREVO_MPI"))
        objects = [self.cache.compile_object((paths.CXX_DIR / "harness_main.cpp").read_text(), (*opt, *defines),
                                             self.harness_include_dirs(), None, self.headers_digest,
                                             name="harness_main.cpp")]
        if race:
            objects.append(self.cache.compile_object((paths.CXX_DIR / "canary.cpp").read_text(), TSAN_CANARY_FLAGS,
                                                     [], None, self.headers_digest, name="canary.cpp"))
        for o in objects:
            if not o.ok:
                raise InfraError(f"the parevo harness for task '{self.task.id}' failed to compile:\n{o.log[-2000:]}")
        link = [*HARNESS_EXPORTS, *(("-fsanitize=thread",) if race else (WITNESS_EXPORT,))]
        exe = self.cache.link(objects, link)
        if not exe.ok:
            raise InfraError(f"the parevo harness for task '{self.task.id}' failed to link:\n{exe.log[-2000:]}")
        self.binaries[key] = exe
        return exe

    def compile_entry(self, flags: Flags, opt: tuple[str, ...]) -> Artifact:
        defines = tuple(f"-D{d}" for d in flags.harness_defines)
        entry_flags = (*opt, "-fPIC", *defines, *flags.compile)
        return self.cache.compile_object(
            (paths.CXX_DIR / "entry.cpp").read_text(), entry_flags, self.harness_include_dirs(), None,
            self.headers_digest, name="entry.cpp",
        )

    def compile_unit(self, source: str, flags: Flags, opt: tuple[str, ...]) -> Artifact:
        public = self.public_dir
        return self.cache.compile_object(source, (*opt, "-fPIC", *flags.compile), [public], public / "types.hpp",
                                         self.headers_digest)

    def kokkos_view(self, flags: Flags, opt: tuple[str, ...]) -> tuple[Artifact, ...]:
        """A task whose Kokkos signature differs from its C++ one (ParEval's Kokkos prompts take
        Kokkos::View arguments) has a trusted `kokkos/adapter.cpp`: the task's function, calling the
        candidate's Kokkos overload on views of the same memory."""
        adapter = self.task.root / "kokkos" / "adapter.cpp"
        if "PAREVO_WITH_KOKKOS" not in flags.harness_defines or not adapter.is_file():
            return ()
        public = self.public_dir
        obj = self.cache.compile_object(adapter.read_text(), (*opt, "-fPIC", *flags.compile), [public],
                                        public / "types.hpp", self.headers_digest, name="adapter.cpp")
        if not obj.ok:
            raise InfraError(f"{adapter}: the task's Kokkos view failed to compile:\n{obj.log[-2000:]}")
        return (obj,)

    def build_program(self, source: str, flags: Flags, opt: tuple[str, ...] = OPT_FLAGS,
                      extra: tuple[Artifact, ...] = ()) -> tuple[Artifact, Artifact | None]:
        """(the failing artifact or the linked candidate library, the candidate object). `extra`:
        parevo's own objects linked in too (the race build's scheduling jitter)."""
        if flags.language == "rust":
            from . import rustbuild

            return rustbuild.build_program(self, source, flags, opt)
        entry = self.compile_entry(flags, opt)
        if not entry.ok:
            raise InfraError(f"parevo's entry for task '{self.task.id}' failed to compile:\n{entry.log[-2000:]}")
        unit = self.compile_unit(source, flags, opt)
        if not unit.ok:
            return unit, unit
        extra = (*extra, *self.kokkos_view(flags, opt))
        # -z defs: every name the library uses must resolve now, so a candidate cannot reach
        # the harness's own functions at load time through an undefined reference.
        return self.cache.link([entry, *extra, unit], ("-shared", *flags.link, "-Wl,-z,defs")), unit
