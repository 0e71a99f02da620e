"""`parevo tasks new --llm SPEC`: generated testers. An LLM writes input generators for the
user's own input shapes; each is kept only when it earns its place (docs/own-code.md):

1. it compiles (in the sandbox: the generator is untrusted code, linked into the task probe);
2. the baseline passes the validator on its inputs at the check size, within GEN_WALL_S (a
   hanging generator is killed and rejected, never waited on);
3. it is deterministic in (size, seed): two generations in one process and a third in
   another describe the same input and lead to the same output;
4. the baseline's time on it stays in the window (WINDOW_FACTOR x the slowest built-in family's);
5. it kills a mutant of the baseline that every other family lets survive, or raises the
   baseline's line or branch coverage.

Every proposal's verdict, with its reason and its code, goes to the task's `generated.json`, and
the LLM call to `generators.sqlite` (the `llm_calls` table every store has, so
`--llm replay:DIR/generators.sqlite` replays it). The kept generators land in `task.hpp`, on the
harness side: the candidate never sees them.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .. import db
from ..llm import LLM, LLMError, Message
from ..llm.calls import LLM_CALLS_SCHEMA, insert_call
from ..llm.extract import fenced_blocks, strip_reasoning
from ..prompting import render
from ..tasks import load_task
from . import check, probe
from .codegen import ExtraFamily
from .plan import FAMILY_NOTES

if TYPE_CHECKING:
    from .new import Draft

GEN_WALL_S = 20.0  # one vetting probe: generation twice, the baseline twice and the validator, at the check size
WINDOW_FACTOR, WINDOW_FLOOR_S = 10.0, 0.05  # the baseline's time on a generated family: at most this x the slowest built-in's
MAX_GENERATORS = 4  # asked for in one call
MUTANTS = 40  # mutants judged on the built-in families to find the survivors a generator may kill
ROLE = "generators"  # the LLM call's role (a scripted reply file may key its replies by it)
STORE, RECORD = "generators.sqlite", "generated.json"
TEMPLATES = Path(__file__).resolve().parent.parent / "prompting" / "templates"
_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_HEAD = re.compile(r"^\s*//\s*family:\s*(\S+)\s*$", re.M)
_SHAPE = re.compile(r"^\s*//\s*shape:\s*(.+?)\s*$", re.M)


@dataclass
class Proposal:
    name: str
    about: str
    code: str


@dataclass
class Verdict:
    name: str
    about: str
    kept: bool
    reason: str
    code: str
    killed: list[str] = field(default_factory=list)  # the surviving mutants it kills


@dataclass
class Baseline:
    """What the task's families achieve so far (generators kept earlier included): the bar the
    next generator must raise."""
    families: list[str]
    survivors: list  # mutate.Mutant that every family lets through
    coverage: check.Coverage | None  # measured when a generator kills no survivor; None: not yet, or stale
    window_s: float
    size: int  # the check size: vetting runs there
    mutation_size: int


def parse_reply(text: str) -> tuple[list[Proposal], list[str]]:
    """The generators of a reply (one fenced C++ block each, opening with `// family: NAME`), and
    a note for every block that is not one."""
    proposals, notes = [], []
    for i, block in enumerate(fenced_blocks(strip_reasoning(text)), 1):
        head = _HEAD.search(block.text)
        if head is None:
            notes.append(f"block {i}: no '// family: NAME' line, not a generator")
            continue
        shape = _SHAPE.search(block.text)
        code = "\n".join(ln for ln in block.text.strip().splitlines() if not (_HEAD.match(ln) or _SHAPE.match(ln)))
        proposals.append(Proposal(head.group(1), shape.group(1) if shape else "LLM-written", code.strip()))
    return proposals, notes


def _render_prompt(draft: Draft, base: Baseline) -> list[Message]:
    fn, plan = draft.fn, draft.plan
    fields = [f"{r.ctype.spelling} {r.param};" for r in plan.roles]
    if plan.leading == "graph":
        fields.append("CSRGraph g_;  // the graph the parameters derive from")
    baseline = (draft.root / "baseline.cpp").read_text().splitlines()
    survivors = [f"{m.label}, in `{baseline[m.line - 1].strip()}`" for m in base.survivors]
    notes = FAMILY_NOTES[plan.leading] + "".join(f"; {x.name}: {x.about}" for x in draft.extras)
    doc = "".join(f"/// {ln}\n" for ln in fn.doc.splitlines()) if fn.doc else ""
    text = render(TEMPLATES, "generators.j2", types="\n".join(fn.type_decls),
                  source="\n\n".join([*fn.helpers, doc + fn.text]), fields=fields, leading=plan.leading,
                  first_field=plan.roles[0].param, family_notes=notes, survivors=survivors, count=MAX_GENERATORS)
    return [Message(role="user", content=text)]


async def _ask(root: Path, spec: str, config, messages: list[Message]) -> str:
    store = db.open_store(root / STORE, kind="generators", schema=LLM_CALLS_SCHEMA, version=1)
    llm = LLM.from_config(spec, config, on_record=lambda rec: insert_call(store, "tasks-new", rec, None))
    try:
        return (await llm.complete(messages, role=ROLE)).text
    finally:
        await llm.aclose()
        store.close()


def _baseline(draft: Draft) -> Baseline:
    task = load_task(draft.root)
    report = check.check_task(task, seed=1, max_mutants=MUTANTS, coverage=False)  # coverage: when a generator needs it
    slowest = max((r.seconds for r in report.families), default=0.0)
    return Baseline(list(task.spec.families), [m.mutant for m in report.mutants if m.outcome == "survived"],
                    None, max(WINDOW_FACTOR * slowest, WINDOW_FLOOR_S), report.size,
                    min(report.size, check.MUTATION_SIZE))


def _compile_error(err: str, root: Path, task_hpp: str, p: Proposal) -> str:
    """The compiler's lines with task.hpp's line numbers turned into the generator's own."""
    hpp, code = task_hpp.splitlines(), p.code.splitlines()
    first = hpp.index(code[0]) + 1 if code and code[0] in hpp else -len(hpp)

    def local(m: re.Match) -> str:
        k = int(m.group(1)) - first + 1
        return f"{p.name} line {k}:" if 1 <= k <= len(p.code.splitlines()) else m.group(0)

    text = re.sub(r"task\.hpp:(\d+):", local, err.split("do not build with the probe: ", 1)[-1].replace(f"{root}/", ""))
    lines = [ln for ln in text.splitlines() if not ln.startswith("In file included") and "In function" not in ln]
    return "\n".join(lines[:4])


def vet(draft: Draft, p: Proposal, base: Baseline, scratch: Path) -> Verdict:
    def no(reason: str) -> Verdict:
        return Verdict(p.name, p.about, False, reason, p.code)

    extra = ExtraFamily(p.name, p.about, p.code)
    root = draft.write(scratch / p.name / draft.root.name, [*draft.extras, extra], [*base.families, p.name])
    task = load_task(root)
    try:
        prober = probe.Prober(task)
    except probe.ProbeError as exc:
        probe.main_object(load_task(draft.root))  # the task without it must build (cached): else the task is broken
        return no("does not compile: " + _compile_error(str(exc), root, (root / "task.hpp").read_text(), p))
    try:
        exe, err = prober.build(task.baseline_source)
        if exe is None:
            raise probe.ProbeError(f"{task.root}/baseline.cpp does not build: {err}")
        size = base.size
        [r] = probe.run(exe, size, 1, [p.name], GEN_WALL_S, prober.dir / "vet")
        if r.ended == "timeout":
            return no(f"timed out: generating its input and running the baseline at size {size} took over "
                      f"{GEN_WALL_S:g} s (killed)")
        if r.error:
            return no(f"the baseline does not pass on its input at size {size}: {r.error}")
        if not r.again:
            return no("not deterministic: a second generation from the same size and seed gave another input or output")
        [r2] = probe.run(exe, size, 1, [p.name], GEN_WALL_S, prober.dir / "vet2")
        if r2.error or (r2.shape, r2.input, r2.hash) != (r.shape, r.input, r.hash):
            return no("not deterministic: another process, with the same size and seed, gave another input or output")
        if r.seconds > base.window_s:
            return no(f"outside the time window: the baseline takes {r.seconds:.3f} s on it at size {size}, over "
                      f"{base.window_s:.3f} s ({WINDOW_FACTOR:g}x the slowest built-in family)")
        t0 = time.monotonic()
        probe.run(exe, base.mutation_size, 1, [p.name], GEN_WALL_S, prober.dir / "small")
        wall = max(3.0, 10 * (time.monotonic() - t0))
        judged = check.judge(task, prober, base.survivors, base.mutation_size, 1, wall, 2, [p.name])
        killed = [m.mutant.label for m in judged if m.outcome == "killed"]
        if killed:
            return Verdict(p.name, p.about, True, f"kills {len(killed)} mutant{'s' * (len(killed) > 1)} the other "
                           f"families miss ({'; '.join(killed)})", p.code, killed)
        if base.coverage is None:
            base.coverage = check.coverage_of(task, base.mutation_size, 1, wall, base.families)
        before, now = base.coverage, check.coverage_of(task, base.mutation_size, 1, wall, [*base.families, p.name])
        if (now.lines or 0) > (before.lines or 0) or (now.branches or 0) > (before.branches or 0):
            return Verdict(p.name, p.about, True, f"raises the baseline's coverage (lines {before.lines or 0:.1f}% -> "
                           f"{now.lines or 0:.1f}%, branches {before.branches or 0:.1f}% -> {now.branches or 0:.1f}%)", p.code)
        return no("adds nothing: it kills no mutant the other families miss and raises no coverage")
    finally:
        prober.close()


def add_generated(draft: Draft, spec: str, config=None, say: Callable[[str], None] = lambda text: None) -> list[Verdict]:
    """Asks the LLM for generators, vets each, adds the kept ones to the task and records every
    verdict in `generated.json`."""
    say("judging the built-in families (the mutants they miss)")
    base = _baseline(draft)
    say(f"{len(base.survivors)} surviving mutants; asking {spec} for generators")
    record: dict = {"llm": spec, "role": ROLE, "survivors": [m.label for m in base.survivors], "generators": [],
                    "notes": []}
    verdicts: list[Verdict] = []
    try:
        reply = asyncio.run(_ask(draft.root, spec, config, _render_prompt(draft, base)))
    except LLMError as exc:
        record["notes"].append(f"the LLM call failed: {exc}; the task keeps its built-in families")
        say(record["notes"][-1])
        reply = ""
    proposals, notes = parse_reply(reply)
    record["notes"] += notes
    taken = set(base.families) | {"user"}
    scratch = Path(tempfile.mkdtemp(prefix="generated-", dir=probe.work_dir()))
    try:
        for p in proposals:
            if not _NAME.fullmatch(p.name):
                v = Verdict(p.name, p.about, False, "bad name: use lower-case letters, digits and '_' (at most 40)", p.code)
            elif p.name in taken:
                v = Verdict(p.name, p.about, False, "bad name: a family of that name exists", p.code)
            else:
                v = vet(draft, p, base, scratch)
                if v.kept:  # the next generator must do better than this one too
                    draft.extras.append(ExtraFamily(v.name, v.about, v.code))
                    base.families.append(v.name)
                    base.survivors = [m for m in base.survivors if m.label not in v.killed]
                    base.coverage = None
            taken.add(p.name)
            verdicts.append(v)
            say(f"{'kept' if v.kept else 'rejected'} {p.name}: {v.reason}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    draft.write()
    record["generators"] = [asdict(v) for v in verdicts]
    (draft.root / RECORD).write_text(json.dumps(record, indent=2) + "\n")
    return verdicts
