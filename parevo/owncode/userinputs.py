"""`parevo tasks new --inputs DIR`: the user's own input files become the `user` family.

Each `*.txt` file of DIR is one input (docs/own-code.md): a section per parameter, headed by a
line `[name]`; `#` lines are comments (except inside a string's section). What a section holds
depends on the parameter's role (plan.py):

- numbers (a vector of numbers, CSR offsets or targets): whitespace-separated, over any lines;
- a vector of structs or pairs: one element per line, its fields in declaration order;
- adjacency lists: one line per vertex holding its neighbours, `-` for none;
- a string: the section's lines as they are, joined by newlines (it ends at the next line that
  is a parameter's `[name]`);
- a scalar: one number.

In a graph task the files give the graph only: vertex parameters are drawn by parevo (a vertex
with neighbours) and vertex counts derive from the graph, as for every graph family, and the
graph must keep the statement's promise (undirected, no loops, no duplicate edges).

Files are checked here, where a mistake can name the file, the line and what is wrong; the
values go into task.hpp as C++ literals (`generate` picks one file per call).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from .codegen import ExtraFamily
from .frontend import CType, OwnCodeError
from .plan import Plan, Role

MAX_LITERAL_BYTES = 8 << 20  # the user family's data in task.hpp: every build of the harness compiles it
_HEADER = re.compile(r"^\[([A-Za-z_]\w*)\]\s*$")
DERIVED = ("vertex", "vertex_count")  # graph tasks draw or derive these


@dataclass
class Token:
    text: str
    line: int


class _File:
    def __init__(self, path: Path, params: list[str], string_params: set[str]):
        self.path = path
        self.string_params = string_params
        self.sections: dict[str, tuple[int, list[tuple[int, str]]]] = {}  # name -> (header line, [(line, text)])
        current = None
        for no, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            m = _HEADER.match(line.strip())
            if m and (m.group(1) in params or current not in string_params):
                name = m.group(1)
                if name not in params:
                    self.fail(no, f"[{name}] is not a parameter (parameters: {', '.join(params)})")
                if name in self.sections:
                    self.fail(no, f"a second [{name}] section (the first is at line {self.sections[name][0]})")
                current = name
                self.sections[name] = (no, [])
            elif current is None:
                if line.strip() and not line.lstrip().startswith("#"):
                    self.fail(no, f"text before the first [parameter] header: '{line.strip()[:40]}'")
            else:
                self.sections[current][1].append((no, line))

    def fail(self, line: int, what: str):
        raise OwnCodeError(f"{self.path}:{line}: {what}")

    def tokens(self, name: str) -> list[Token]:
        return [Token(t, no) for no, text in self.sections[name][1] if not text.lstrip().startswith("#")
                for t in text.split()]

    def rows(self, name: str) -> list[tuple[int, list[str]]]:
        return [(no, text.split()) for no, text in self.sections[name][1]
                if text.strip() and not text.lstrip().startswith("#")]


def _bits(t: CType) -> int:
    s = t.spelling
    return 8 if "char" in s else 16 if "short" in s else 64 if "long" in s else 32


def _number(f: _File, tok: Token, t: CType, what: str) -> str:
    """The token as a C++ literal of type `t`, or a named error."""
    if t.kind == "float":
        try:
            x = float(tok.text)
        except ValueError:
            f.fail(tok.line, f"{what}: expected a number, got '{tok.text}'")
        if not math.isfinite(x):
            f.fail(tok.line, f"{what}: '{tok.text}' is not a finite number")
        return repr(x)
    try:
        x = int(tok.text, 0) if not re.fullmatch(r"[+-]?0\d+", tok.text) else int(tok.text)
    except ValueError:
        f.fail(tok.line, f"{what}: expected an integer ({t.spelling}), got '{tok.text}'")
    lo, hi = (0, 1) if t.kind == "bool" else ((-(1 << (_bits(t) - 1)), (1 << (_bits(t) - 1)) - 1) if t.signed
                                               else (0, (1 << _bits(t)) - 1))
    if not lo <= x <= hi:
        f.fail(tok.line, f"{what}: {x} is out of the range of {t.spelling} [{lo}, {hi}]")
    return f"{x}ULL" if x > (1 << 63) - 1 else f"({x}LL)"


def _int(f: _File, tok: Token, what: str) -> int:
    try:
        return int(tok.text)
    except ValueError:
        f.fail(tok.line, f"{what}: expected a vertex number, got '{tok.text}'")


def _members(t: CType) -> list[tuple[str, CType]]:
    return list(t.fields) if t.kind == "struct" else [("first", t.elem[0]), ("second", t.elem[1])]


def _array(f: _File, r: Role) -> tuple[str, int]:
    e = r.ctype.elem[0]
    if e.kind in ("int", "float", "bool"):
        vals = [_number(f, tok, e, f"[{r.param}] element {i}") for i, tok in enumerate(f.tokens(r.param))]
        return "{" + ", ".join(vals) + "}", len(vals)
    members = _members(e)
    out = []
    for i, (no, parts) in enumerate(f.rows(r.param)):
        if len(parts) != len(members):
            f.fail(no, f"[{r.param}] element {i}: {e.name or 'a pair'} has {len(members)} fields "
                       f"({' '.join(n for n, _ in members)}), this line has {len(parts)}")
        vals = [_number(f, Token(p, no), t, f"[{r.param}] element {i}, field {n}") for p, (n, t) in zip(parts, members)]
        out.append(f"{e.spelling}{{{', '.join(vals)}}}")
    return "{" + ", ".join(out) + "}", len(out)


def _cxx_string(text: str) -> str:
    data = text.encode()
    body = "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\?' else f"\\{b:03o}" for b in data)
    return f'std::string("{body}", {len(data)})'


def _graph(f: _File, plan: Plan) -> tuple[int, list[list[int]]]:
    """The graph of a file's graph sections as adjacency rows, checked against the statement."""
    adj = next((r for r in plan.roles if r.kind == "adjacency"), None)
    rows: list[list[int]] = []
    where: list[int] = []
    if adj is not None:
        for no, text in f.sections[adj.param][1]:
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            parts = [] if text.strip() == "-" else text.split()
            rows.append([_int(f, Token(p, no), f"[{adj.param}] row {len(rows)}") for p in parts])
            where.append(no)
        name = adj.param
    else:
        offs = next(r.param for r in plan.roles if r.kind == "csr_offsets")
        tgts = next(r.param for r in plan.roles if r.kind == "csr_targets")
        o = f.tokens(offs)
        t = f.tokens(tgts)
        ov = [_int(f, tok, f"[{offs}] entry {i}") for i, tok in enumerate(o)]
        tv = [_int(f, tok, f"[{tgts}] entry {i}") for i, tok in enumerate(t)]
        if not ov or ov[0] != 0:
            f.fail(o[0].line if o else f.sections[offs][0], f"[{offs}] must start with 0 (CSR offsets: one entry per vertex, and one more)")
        if ov[-1] != len(tv):
            f.fail(o[-1].line, f"[{offs}] ends at {ov[-1]}, but [{tgts}] has {len(tv)} entries")
        for i in range(len(ov) - 1):
            if ov[i + 1] < ov[i]:
                f.fail(o[i + 1].line, f"[{offs}] decreases at entry {i + 1} ({ov[i]} then {ov[i + 1]})")
            rows.append(tv[ov[i]:ov[i + 1]])
            where.append(t[ov[i]].line if ov[i] < len(t) else o[i].line)
        name = tgts
    n = len(rows)
    arcs = {(u, v) for u, row in enumerate(rows) for v in row}
    for u, row in enumerate(rows):
        for v in row:
            what = f"[{name}] vertex {u}"
            if not 0 <= v < n:
                f.fail(where[u], f"{what}: neighbour {v} is not a vertex (there are {n})")
            if v == u:
                f.fail(where[u], f"{what}: a self loop (the statement promises none)")
            if (v, u) not in arcs:
                f.fail(where[u], f"{what}: the edge {u}-{v} has no reverse {v}-{u} (graphs are undirected: list "
                                 "each edge at both ends)")
        if len(set(row)) != len(row):
            f.fail(where[u], f"[{name}] vertex {u}: a neighbour listed twice (the statement promises no duplicate edges)")
    return n, rows


def _one(path: Path, plan: Plan) -> str:
    """The C++ statements filling `in` from one file."""
    params = [r.param for r in plan.roles]
    f = _File(path, params, {r.param for r in plan.roles if r.kind == "string"})
    graph = plan.leading == "graph"
    for r in plan.roles:
        if graph and r.kind in DERIVED + ("array", "scalar", "string") and r.param in f.sections:
            f.fail(f.sections[r.param][0], f"[{r.param}] is drawn by parevo in a graph task (the files give the graph "
                                           "only; a vertex parameter is a vertex with neighbours): leave it out")
        needed = not graph or r.kind in ("adjacency", "csr_offsets", "csr_targets")
        if needed and r.param not in f.sections:
            raise OwnCodeError(f"{path}: no [{r.param}] section (every file gives "
                               f"{', '.join('[' + p + ']' for p in params if not graph or p in _graph_params(plan))})")
    if graph:
        n, rows = _graph(f, plan)
        offsets, targets = [0], []
        for row in rows:
            targets += row  # in the file's order: the user's data may not list neighbours sorted
            offsets.append(len(targets))
        return (f"in.g_.n = {n}; in.g_.offsets = {{{', '.join(map(str, offsets))}}}; "
                f"in.g_.targets = {{{', '.join(map(str, targets))}}};")
    out = []
    for r in plan.roles:
        if r.kind == "array":
            lit, _ = _array(f, r)
            out.append(f"in.{r.param} = {r.ctype.spelling}{lit};")
        elif r.kind == "string":
            lines = [text for _, text in f.sections[r.param][1]]
            out.append(f"in.{r.param} = {_cxx_string(chr(10).join(lines))};")
        elif r.kind == "scalar":
            toks = f.tokens(r.param)
            if len(toks) != 1:
                f.fail(toks[1].line if toks else f.sections[r.param][0], f"[{r.param}]: expected one number, got {len(toks)}")
            out.append(f"in.{r.param} = {_number(f, toks[0], r.ctype, f'[{r.param}]')};")
    return " ".join(out)


def _graph_params(plan: Plan) -> list[str]:
    return [r.param for r in plan.roles if r.kind in ("adjacency", "csr_offsets", "csr_targets")]


def user_family(directory: Path, plan: Plan) -> ExtraFamily:
    files = sorted(Path(directory).glob("*.txt"))
    if not files:
        raise OwnCodeError(f"{directory}: no *.txt input files (one file per input; docs/own-code.md gives the format)")
    cases = [_one(p, plan) for p in files]
    body = "".join(f"    case {i}: {{ {c} break; }}\n" for i, c in enumerate(cases))
    code = ("void user(Input& in, long long size, parevo::Rng& rng) {\n  (void)size;\n"
            f"  switch (rng.below({len(cases)})) {{\n{body}  }}\n}}")
    if len(code) > MAX_LITERAL_BYTES:
        raise OwnCodeError(f"{directory}: the input files make {len(code) >> 20} MiB of C++ literals (at most "
                           f"{MAX_LITERAL_BYTES >> 20} MiB, compiled into every harness build): use fewer or smaller "
                           "files, and leave large inputs to the generated families")
    return ExtraFamily("user", f"your own inputs, {len(files)} file{'s' * (len(files) > 1)} from {Path(directory).name}/", code)
