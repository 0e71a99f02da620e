"""Compiler output trimmed for an LLM: the first few errors with their source line and caret,
paths rewritten to `candidate.cpp`, harness internals named as such, and link errors explained
in terms of the task's signature."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ERRORS = 3
MAX_CONTEXT_LINES = 3
_HEADER = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?:(?P<col>\d+):)? (?P<kind>fatal error|error|warning|note): (?P<msg>.*)$")
_UNDEFINED = re.compile(r"undefined reference to `([^']+)'")
_MULTIPLE = re.compile(r"multiple definition of `([^']+)'")


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    kind: str
    message: str
    context: tuple[str, ...]

    def render(self) -> str:
        head = f"{self.file}:{self.line}: {self.kind}: {self.message}"
        return "\n".join([head, *self.context])


def _display_name(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name == "candidate.cpp":
        return "candidate.cpp"
    if name == "types.hpp":
        return "types.hpp (the task's types header)"
    return f"{name} (parevo harness)"


def parse(output: str) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    lines = output.splitlines()
    i = 0
    while i < len(lines):
        m = _HEADER.match(lines[i])
        i += 1
        if not m:
            continue
        context = []
        while i < len(lines) and not _HEADER.match(lines[i]) and not lines[i].startswith("In file included"):
            if len(context) < MAX_CONTEXT_LINES and lines[i].strip():
                context.append(lines[i].rstrip())
            i += 1
        diags.append(Diagnostic(_display_name(m["file"]), int(m["line"]), m["kind"], m["msg"].strip(), tuple(context)))
    return diags


def summarize(output: str, signature: str = "") -> str:
    """The feedback text for a failed build: first errors, each with its notes."""
    diags = parse(output)
    errors = [d for d in diags if d.kind in ("error", "fatal error")]
    if errors:
        chosen, seen = [], set()
        for idx, d in enumerate(diags):
            if d.kind not in ("error", "fatal error") or (d.file, d.line, d.message) in seen:
                continue
            seen.add((d.file, d.line, d.message))
            block = [d.render()]
            notes = [n for n in diags[idx + 1 : idx + 3] if n.kind == "note"]
            block += [n.render() for n in notes[:1]]
            chosen.append("\n".join(block))
            if len(chosen) == MAX_ERRORS:
                break
        more = len(errors) - len(chosen)
        tail = f"\n({more} more error(s) not shown)" if more > 0 else ""
        return "\n\n".join(chosen) + tail
    undefined = sorted(set(_UNDEFINED.findall(output)))
    if undefined:
        hint = f"; the candidate must define exactly: {signature}" if signature else ""
        return "link error: undefined reference to " + ", ".join(f"`{u}`" for u in undefined[:3]) + hint
    multiple = sorted(set(_MULTIPLE.findall(output)))
    if multiple:
        return "link error: multiple definition of " + ", ".join(f"`{m}`" for m in multiple[:3]) + (
            " (the harness owns main(); a candidate must not define it)" if any(m == "main" for m in multiple) else ""
        )
    text = output.strip().splitlines()
    return "\n".join(text[-12:]) if text else "the build failed without output"
