"""Which input family fits each parameter: a type-directed plan, no LLM.

A parameter's role comes from its type and, where the type alone is ambiguous (two integer
vectors may be a CSR graph or two arrays), from its name, which `--csr` confirms or overrides.
The families of a task are the families of its leading role: graph families when a graph is
among the inputs, text families for a string, array families otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .frontend import CType, OwnCodeError, ParsedFunction

ARRAY_FAMILIES = ["uniform", "skewed", "duplicates", "hot_key", "sorted", "reverse", "nearly_sorted", "all_equal",
                  "single", "two", "empty"]
GRAPH_FAMILIES = ["rmat", "uniform_graph", "grid2d", "chain", "star", "components", "isolated", "empty_graph",
                  "single_vertex", "two_vertices"]
TEXT_FAMILIES = ["zipf", "uniform", "one_word", "unique_words", "long_words", "no_words", "single", "empty"]
TIMING = {"array": ["uniform", "skewed"], "graph": ["rmat", "uniform_graph"], "text": ["zipf", "uniform"]}
FAMILY_NOTES = {
    "array": "uniform values; skewed (Zipf, the hottest key about a fifth of the input); duplicates (4 distinct "
             "keys); hot_key (a quarter one key); sorted; reverse; nearly_sorted; all_equal; single; two; empty",
    "graph": "undirected graphs with permuted labels: rmat (power-law degrees); uniform_graph; grid2d; chain "
             "(one long path); star (one vertex adjacent to all); components (many small ones); isolated (half "
             "the vertices of degree 0); empty_graph (no edges); single_vertex; two_vertices",
    "text": "zipf words; uniform words; one_word repeated; unique_words; long_words; no_words (separators only); "
            "single word; empty text",
}
_OFFSETS = re.compile(r"off|ptr|start|xadj|indptr|begin|first", re.I)
_TARGETS = re.compile(r"target|adj|neigh|nbr|col|edge|dst|succ|indices|idx", re.I)
_N_NAMES = re.compile(r"^(n|nv|num_?vertices|num_?nodes|vertices|nodes|vertex_count|node_count)$", re.I)


@dataclass
class Role:
    param: str
    kind: str  # array | adjacency | csr_offsets | csr_targets | string | vertex | vertex_count | scalar
    ctype: CType
    lo: float = 0.0
    hi: float | None = None  # None: the default for the kind (arrays: the size)


@dataclass
class Plan:
    leading: str  # array | graph | text
    roles: list[Role]
    families: list[str] = field(default_factory=list)
    timing_families: list[str] = field(default_factory=list)
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)  # --range NAME=LO:HI, fields included


def _parse_range(text: str) -> tuple[str, float, float]:
    m = re.fullmatch(r"\s*([A-Za-z_][\w.]*)\s*=\s*(-?[\d.eE+-]+)\s*:\s*(-?[\d.eE+-]+)\s*", text)
    if not m:
        raise OwnCodeError(f"--range: expected NAME=LO:HI (e.g. buckets=1:1000 or Order.price=0:100), got '{text}'")
    lo, hi = float(m.group(2)), float(m.group(3))
    if hi < lo:
        raise OwnCodeError(f"--range {text}: HI ({hi:g}) is below LO ({lo:g})")
    return m.group(1), lo, hi


def _arith(t: CType) -> bool:
    return t.kind in ("int", "float", "bool")


def _array_element_ok(t: CType) -> bool:
    if _arith(t):
        return True
    if t.kind == "struct":
        return all(_arith(ft) for _, ft in t.fields)
    if t.kind == "pair":
        return all(_arith(e) for e in t.elem)
    return False


def plan(fn: ParsedFunction, csr: str | None = None, ranges: list[str] = ()) -> Plan:
    given = dict((name, (lo, hi)) for name, lo, hi in map(_parse_range, ranges))
    params = {p.name: p for p in fn.params}
    for name in given:
        base = name.split(".")[0]
        if base not in params and not any(p.ctype.elem and p.ctype.elem[0].name == base for p in fn.params):
            raise OwnCodeError(f"--range {name}: '{base}' is neither a parameter of {fn.name} nor an element struct "
                               f"(parameters: {', '.join(params)})")
    csr_pair: tuple[str, str] | None = None
    if csr:
        parts = [s.strip() for s in csr.split(",")]
        if len(parts) != 2 or any(p not in params for p in parts):
            raise OwnCodeError(f"--csr: expected OFFSETS,TARGETS naming two parameters of {fn.name} "
                               f"({', '.join(params)}), got '{csr}'")
        csr_pair = (parts[0], parts[1])
    else:
        ints = [p for p in fn.params if p.ctype.kind == "vector" and p.ctype.elem[0].kind == "int"]
        offs = [p for p in ints if _OFFSETS.search(p.name)]
        tgts = [p for p in ints if _TARGETS.search(p.name) and p not in offs]
        if len(offs) == 1 and len(tgts) == 1:
            csr_pair = (offs[0].name, tgts[0].name)
    roles: list[Role] = []
    for p in fn.params:
        t = p.ctype
        if csr_pair and p.name in csr_pair:
            roles.append(Role(p.name, "csr_offsets" if p.name == csr_pair[0] else "csr_targets", t))
        elif t.kind == "vector" and t.elem[0].kind == "vector" and t.elem[0].elem[0].kind == "int":
            roles.append(Role(p.name, "adjacency", t))
        elif t.kind == "string":
            roles.append(Role(p.name, "string", t))
        elif t.kind == "vector" and _array_element_ok(t.elem[0]):
            roles.append(Role(p.name, "array", t))
        elif _arith(t):
            roles.append(Role(p.name, "scalar", t))
        else:
            raise OwnCodeError(f"{fn.path.name}:{fn.line}: parameter '{p.name}' ({p.spelling}) has no built-in input "
                               "family (supported: vectors of numbers or of structs/pairs of numbers, "
                               "vector<vector<int>> adjacency lists, CSR offset/target vectors, strings, numbers); "
                               "write this task by hand (docs/tasks.md)")
    graph = any(r.kind in ("adjacency", "csr_offsets") for r in roles)
    for r in roles:
        if r.kind == "scalar" and graph and r.ctype.kind == "int":
            r.kind = "vertex_count" if _N_NAMES.match(r.param) else "vertex"
        if r.param in given:
            r.lo, r.hi = given[r.param]
        elif r.kind == "scalar":
            r.lo, r.hi = (1, 1000) if r.ctype.kind == "int" else (0.0, 1.0)
    leading = "graph" if graph else ("text" if any(r.kind == "string" for r in roles) else "array")
    if leading == "array" and not any(r.kind == "array" for r in roles):
        raise OwnCodeError(f"{fn.name}: no collection among its parameters ({', '.join(params)}): parevo "
                           "parallelises work over vectors, strings or graphs")
    families = {"array": ARRAY_FAMILIES, "graph": GRAPH_FAMILIES, "text": TEXT_FAMILIES}[leading]
    return Plan(leading, roles, list(families), list(TIMING[leading]), given)
