"""The static integrity checks of `integrity.py`, run on one evaluation's candidate: what the
compiler sees (the preprocessed token stream of every build the cascade makes) before building,
and what it produced (the object) after.

Preprocessing runs in the sandbox (`integrity.preprocess`), like every compile: the source is
untrusted (`#include "/dev/zero"`). Its linemarkers also list every file the candidate's compile read, so
an include outside the system and public headers (the task's baseline, its generators, parevo's
own files) is reported by name.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .. import paths
from ..toolchain.build import CXX_STD
from . import integrity, visibility
from .context import OPT_FLAGS, EvalContext
from .integrity import Problem

_MARKER = re.compile(r'^#\s*\d+\s+"([^"]+)"', re.M)


def _include_args(ctx: EvalContext) -> tuple[str, ...]:
    public = ctx.public_dir
    return (f"-I{public}", "-include", str(public / "types.hpp"))


def included(preprocessed: str) -> list[Path]:
    """Every real file the preprocessor read (its linemarkers), in order, without repeats."""
    seen: dict[str, None] = {}
    for name in _MARKER.findall(preprocessed):
        if not name.startswith("<") and name != integrity.CANDIDATE_NAME:
            seen.setdefault(name, None)
    return [Path(n) for n in seen]


def before_build(ctx: EvalContext) -> list[Problem]:
    """Checks on what the compiler will see, in the timing build and the race build."""
    if problems := integrity.line_directives(ctx.source):
        return problems
    flags = ctx.model.flags(ctx.toolchain)
    inc = _include_args(ctx)
    timing_args = (*OPT_FLAGS, *flags.compile, *inc)
    scratch = Path(tempfile.mkdtemp(prefix="pp-", dir=paths.cache_dir()))
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            # The builds' token comparison runs its preprocessors beside this one (all sandboxed).
            recipe = ctx.model.race(ctx.toolchain)
            macro = None if recipe.unavailable else pool.submit(
                integrity.macro_dependent, ctx.source, [CXX_STD, *flags.compile, *inc], ctx.toolchain.cxx,
                scratch / "md", race_args=[CXX_STD, *recipe.flags.compile, *inc])
            try:
                text = integrity.preprocess(ctx.source, (CXX_STD, *timing_args), ctx.toolchain.cxx, scratch)
            except integrity.PreprocessError:
                return []  # it does not preprocess: the build stage reports the compiler's own error
            # The model's own library headers (ParlayLib's, MPI's) are the -I directories of its flags.
            model_includes = [Path(f[2:]) for f in flags.compile if f.startswith("-I")]
            allowed = integrity.default_allowed_roots([ctx.public_dir, *([ctx.toolchain.parlay_include]
                                                                          if ctx.toolchain.parlay_include else []),
                                                       *model_includes])
            problems = integrity.forbidden_includes(included(text), allowed)
            problems += integrity.sanitizer_attributes(text)
            problems += integrity.inline_asm(text)
            problems += integrity.raw_syscalls(text)
            if macro:
                problems += macro.result()
            return problems
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def after_build(ctx: EvalContext, obj: Path) -> list[Problem]:
    """Checks on the compiled candidate object: detector symbols and strings, and whether the
    declared model's runtime is really used (and no other's)."""
    problems = integrity.sanitizer_symbols(obj) + integrity.compiled_model_use(obj, ctx.model.name)
    if not ctx.model.race(ctx.toolchain).unavailable:
        problems += visibility.unseen_calls(obj, ctx.model.name)
    return problems


def feedback(problems: list[Problem], limit: int = 3) -> str:
    seen: list[str] = []
    for p in problems:
        if p.message not in seen:
            seen.append(p.message)
    more = f"\n(and {len(seen) - limit} more)" if len(seen) > limit else ""
    return "\n".join(seen[:limit]) + more
