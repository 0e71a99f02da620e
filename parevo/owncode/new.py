"""`parevo tasks new DIR --from FILE.cpp --function NAME`: a task directory from a user's own
sequential function, with no LLM (docs/own-code.md).

Sizes come from timing the user's function on the task's first timing family: the correctness
size where one call takes about 5 ms (each family is called at five thread counts, twice, and
the validator calls the function once more), the race size an eighth of it (sanitizer builds are 5-15x
slower), the timing size where a call takes 0.5-2 s (or the largest size tried).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..tasks import load_task
from ..toolchain.models import MODELS
from . import codegen, probe
from .codegen import ExtraFamily
from .frontend import CType, OwnCodeError, ParsedFunction, read_function
from .plan import Plan, plan as make_plan

CHECK_S, TIMING_S = 0.005, 0.5  # check: every family runs at ~5 thread counts, twice, plus the validator's call
MAX_SIZE = {"array": 1 << 26, "text": 1 << 28, "graph": 1 << 22}
INPUT_BUDGET = 256 << 20  # bytes of one timing input: the harness holds several copies under a 4 GiB limit
_SIZEOF = {"bool": 1, "char": 1, "signed char": 1, "unsigned char": 1, "short": 2, "unsigned short": 2, "int": 4,
           "unsigned int": 4, "float": 4}
PROVISIONAL = {"check": 1000, "race": 200, "timing": 1000}
MODELS_OF_OWN_TASKS = [m for m in ("serial", "openmp", "threads", "tbb", "parlay") if m in MODELS]


@dataclass
class NewTask:
    root: Path
    sizes: dict[str, int]
    timings: list[tuple[int, float]] = field(default_factory=list)  # (size, seconds of one baseline call)
    seconds: float = 0.0
    roles: list[str] = field(default_factory=list)  # each parameter's input role (plan.Role.kind)
    extras: list[str] = field(default_factory=list)  # families beyond the type-directed ones (user, LLM-written)
    verdicts: list = field(default_factory=list)  # generated.Verdict of each LLM-written generator


@dataclass
class Draft:
    """What the task's files are written from; `write` rewrites them all (an extra family added
    later, the sizes chosen later)."""
    root: Path
    fn: ParsedFunction
    plan: Plan
    validator: codegen.Validator
    describe: str | None
    sizes: dict[str, int]
    extras: list[ExtraFamily] = field(default_factory=list)

    def write(self, root: Path | None = None, extras: list[ExtraFamily] | None = None,
              families: list[str] | None = None) -> Path:
        """The task's files in `root` (default: the task's own directory); `families` narrows
        task.toml's list (a scratch task that vets one generator)."""
        root = root or self.root
        extras = self.extras if extras is None else extras
        fn, p, v = self.fn, self.plan, self.validator
        types = codegen.types_header(fn)
        root.mkdir(parents=True, exist_ok=True)
        (root / "types.hpp").write_text(types)
        (root / "baseline.cpp").write_text(codegen.baseline_source(fn))
        (root / "task.hpp").write_text(codegen.task_header(fn, p, v, extras))
        (root / "statement.md").write_text(codegen.statement(fn, p, v, self.describe, types, extras))
        toml = codegen.task_toml(root.name, fn, p, self.sizes, MODELS_OF_OWN_TASKS, extras)
        if families is not None:
            toml = re.sub(r"(?m)^families = .*$", "families = " + json.dumps(families), toml)
        (root / "task.toml").write_text(toml)
        return root


def parse_sizes(text: str) -> dict[str, int]:
    m = re.fullmatch(r"\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*", text)
    if not m or min(int(g) for g in m.groups()) < 1:
        raise OwnCodeError(f"--sizes: expected CHECK,RACE,TIMING (three positive integers), got '{text}'")
    return dict(zip(("check", "race", "timing"), map(int, m.groups())))


def _sizeof(t: CType) -> int:
    if t.kind == "struct":
        return sum(_sizeof(ft) for _, ft in t.fields)
    if t.kind in ("pair", "array"):
        return sum(_sizeof(e) for e in t.elem) * max(t.length, 1)
    if t.kind == "string":
        return 32
    return _SIZEOF.get(t.spelling, 8)


def max_size(p: Plan) -> int:
    """The largest size whose input fits INPUT_BUDGET (graphs: about 120 bytes a vertex at
    rMat's average degree, adjacency rows included)."""
    unit = 120 if p.leading == "graph" else sum(
        _sizeof(r.ctype.elem[0]) if r.kind == "array" else 1 for r in p.roles if r.kind in ("array", "string"))
    return min(MAX_SIZE[p.leading], INPUT_BUDGET // max(unit, 1))


def choose_sizes(task_root: Path, p: Plan) -> tuple[dict[str, int], list[tuple[int, float]]]:
    """Doubling sizes (x4 while a call is under a millisecond) until a baseline call takes
    TIMING_S, or the size cap."""
    task = load_task(task_root)
    prober = probe.Prober(task)
    try:
        exe, err = prober.build(task.baseline_source)
        if exe is None:
            raise OwnCodeError(f"{task_root}/baseline.cpp does not build: {err}")
        check, size, timings, cap = None, 1024, [], max_size(p)

        def timed(n: int) -> float:
            [r] = probe.run(exe, n, 1, [p.timing_families[0]], 120.0, prober.dir / "run", time_only=True)
            if r.error:
                raise OwnCodeError(f"the baseline fails on its own input at size {n} ({p.timing_families[0]}): {r.error}")
            return r.seconds

        while True:
            seconds = timed(size)
            if seconds >= CHECK_S and (check is None or seconds >= TIMING_S):
                seconds = min(seconds, timed(size))  # a threshold crossed: confirm it (the machine may be busy)
            timings.append((size, seconds))
            if check is None and seconds >= CHECK_S:
                check = size
            if seconds >= TIMING_S or size >= cap:
                break
            size = min(cap, size * (4 if seconds < 1e-3 else 2))
        check = check or size
        return {"check": check, "race": max(64, check // 8), "timing": size}, timings
    finally:
        prober.close()


def new_task(out: Path, source: Path, function: str, *, include_dirs: list[Path] = (), describe: str | None = None,
             validator: str | None = None, csr: str | None = None, ranges: list[str] = (),
             sizes: dict[str, int] | None = None, force: bool = False, inputs: Path | None = None,
             llm: str | None = None, llm_config=None, say=lambda text: None) -> NewTask:
    """The task directory `out` (its name is the task id). `inputs`: a directory of the user's
    input files (userinputs.py), a `user` family; `llm`: an LLM spec whose generators are vetted
    and kept only when useful (generated.py); `say` receives progress lines."""
    start = time.monotonic()
    out = Path(out).resolve()
    if out.exists() and any(out.iterdir()) and not force:
        raise OwnCodeError(f"{out}: exists and is not empty (choose a new directory, or --force to overwrite)")
    if not re.fullmatch(r"[a-z0-9_]+", out.name):
        raise OwnCodeError(f"{out.name}: a task directory's name is its id: use lower-case letters, digits and '_'")
    fn = read_function(Path(source), function, list(include_dirs))
    p = make_plan(fn, csr, list(ranges))
    v = codegen.Validator.parse(validator, fn.ret)
    draft = Draft(out, fn, p, v, describe, sizes or PROVISIONAL)
    for stale in out.glob("generat*"):  # --force: a previous --llm's record and call store are not this task's
        stale.unlink()
    if inputs is not None:
        from .userinputs import user_family

        draft.extras.append(user_family(Path(inputs), p))
    draft.write()
    timings: list[tuple[int, float]] = []
    if sizes is None:
        draft.sizes, timings = choose_sizes(out, p)
        for size, seconds in timings:
            say(f"baseline at size {size}: {seconds * 1e3:.2f} ms")
        draft.write()
    verdicts = []
    if llm:
        from .generated import add_generated

        verdicts = add_generated(draft, llm, llm_config, say)
    load_task(out)  # the same checks every task passes
    return NewTask(out, draft.sizes, timings, time.monotonic() - start, [r.kind for r in p.roles],
                   [x.name for x in draft.extras], verdicts)
