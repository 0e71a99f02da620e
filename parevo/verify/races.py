"""ThreadSanitizer reports, parsed and mapped onto the candidate's own lines.

A report's two accesses are reduced to their innermost frame inside candidate.cpp (library
and harness frames say little to an LLM), with the source line quoted. Data races and
lock-order inversions fail the stage; thread leaks and other reports are notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WARNING = re.compile(r"WARNING: ThreadSanitizer: (?P<kind>[^(\n]+?)\s*(?:\(pid=\d+\))?\s*$")
_ACCESS = re.compile(
    r"^\s{2}(?P<prev>Previous )?(?P<atomic>[Aa]tomic )?(?P<op>[Rr]ead|[Ww]rite) of size (?P<size>\d+) at \S+ by (?P<thread>.+?)(?:\s*\(mutexes:.*\))?:\s*$"
)
_MUTEX_ACCESS = re.compile(r"^\s{2}(?P<what>Mutex \S+ acquired .*?|Cycle in lock order graph.*?):?\s*$")
_FRAME = re.compile(r"^\s+#(?P<n>\d+) (?P<func>.+?) (?P<loc>\S+?):(?P<line>\d+)(?::\d+)? \(")
FAILING_KINDS = ("data race", "lock-order-inversion (potential deadlock)")


@dataclass
class Access:
    description: str  # "write of size 4 by thread T2"
    frames: list[tuple[str, str, int]] = field(default_factory=list)  # (function, file, line)

    def candidate_frame(self, source_name: str = "candidate.cpp") -> tuple[str, str, int] | None:
        return next((f for f in self.frames if f[1].rsplit("/", 1)[-1] == source_name), None)


@dataclass
class TsanReport:
    kind: str
    accesses: list[Access]
    text: str

    @property
    def fails(self) -> bool:
        return self.kind in FAILING_KINDS

    def signature(self, source_name: str = "candidate.cpp") -> tuple:
        return (self.kind, *[(a.candidate_frame(source_name) or ("", "", 0))[2] for a in self.accesses[:2]])


def parse(text: str) -> list[TsanReport]:
    reports: list[TsanReport] = []
    blocks = re.split(r"^==================\s*$", text, flags=re.M)
    for block in blocks:
        m = next((_WARNING.search(line) for line in block.splitlines() if _WARNING.search(line)), None)
        if not m:
            continue
        accesses: list[Access] = []
        current: Access | None = None
        for line in block.splitlines():
            if am := _ACCESS.match(line):
                op = ("atomic " if am["atomic"] else "") + am["op"].lower()
                current = Access(f"{'previous ' if am['prev'] else ''}{op} of size {am['size']} by {am['thread']}")
                accesses.append(current)
            elif mm := _MUTEX_ACCESS.match(line):
                current = Access(mm["what"].strip())
                accesses.append(current)
            elif current is not None and (fm := _FRAME.match(line)):
                current.frames.append((fm["func"], fm["loc"], int(fm["line"])))
            elif not line.strip():
                current = None
        reports.append(TsanReport(m["kind"].strip(), accesses, block.strip()))
    return reports


def describe(report: TsanReport, source_lines: list[str], source_name: str = "candidate.cpp") -> str:
    """'data race: write at candidate.cpp:41 `level[v] = d;` (by thread T2) vs ...'"""
    parts = []
    for access in report.accesses[:2]:
        frame = access.candidate_frame(source_name)
        if frame:
            func, _, line = frame
            code = source_lines[line - 1].strip() if 0 < line <= len(source_lines) else ""
            parts.append(f"{access.description} at {source_name}:{line} in {func}: `{code}`")
        elif access.frames:
            func, loc, line = access.frames[0]
            parts.append(f"{access.description} in {func} ({loc.rsplit('/', 1)[-1]}:{line}, outside the candidate)")
        else:
            parts.append(access.description)
    return f"{report.kind}: " + ("\n  vs " .join(parts) if parts else "(no stack)")


def distinct(reports: list[TsanReport], source_name: str = "candidate.cpp") -> list[TsanReport]:
    """Failing reports, one per (kind, pair of source lines): 8 threads racing on one line is one bug."""
    unique: dict[tuple, TsanReport] = {}
    for r in reports:
        if r.fails:
            unique.setdefault(r.signature(source_name), r)
    return list(unique.values())


def summarize(reports: list[TsanReport], source_lines: list[str], limit: int = 3, source_name: str = "candidate.cpp") -> str:
    unique = distinct(reports, source_name)
    lines = [describe(r, source_lines, source_name) for r in unique[:limit]]
    if len(unique) > limit:
        lines.append(f"({len(unique) - limit} more distinct report(s) not shown)")
    return "\n".join(lines)
