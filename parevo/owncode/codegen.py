"""The files of a task made from a user's function (docs/own-code.md).

Who sees what follows the task format (docs/tasks.md): the user's types and the prototype go
into the public `types.hpp`; the generators, the validator and a private copy of the user's
function (the oracle the validator compares against, in `task::oracle`) go into the trusted
`task.hpp`; `baseline.cpp` is the user's function, unchanged. The candidate sees none of the
last two.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .frontend import CType, OwnCodeError, ParsedFunction
from .plan import ARRAY_FAMILIES, FAMILY_NOTES, Plan, Role

RESERVED_TYPES = {"CSRGraph", "CSRMatrix", "Input", "Output"}  # names parevo's harness headers already use


@dataclass(frozen=True)
class ExtraFamily:
    """A family beyond the type-directed ones: LLM-written (generated.py) or the user's own files
    (userinputs.py). `code` defines `void NAME(Input& in, long long size, parevo::Rng& rng)` in
    `task::families`: it fills the parameters, or for a graph task `in.g_` (the rest derives from it)."""
    name: str
    about: str  # one line for the statement: the shape it makes
    code: str


@dataclass(frozen=True)
class Validator:
    mode: str  # exact | tolerance | unordered | file
    rel: float = 0.0
    file: Path | None = None

    @classmethod
    def parse(cls, text: str | None, ret: CType) -> "Validator":
        """`--validator`: exact, tolerance:REL, unordered[:REL] or a predicate file; None picks
        exact for integral outputs and a tolerance for floating ones."""
        default_rel = 1e-4 if "float" == ret.spelling or ret.spelling.endswith("<float>") else 1e-8
        if text is None:
            return cls("tolerance", default_rel) if ret.is_floating else cls("exact")
        if text == "exact":
            return cls("exact")
        m = re.fullmatch(r"(tolerance|unordered)(?::([0-9.eE+-]+))?", text)
        if m:
            rel = float(m.group(2)) if m.group(2) else (default_rel if ret.is_floating else 0.0)
            if m.group(1) == "unordered" and ret.kind != "vector":
                raise OwnCodeError(f"--validator unordered: the function returns {ret.spelling}, not a vector")
            return cls(m.group(1), rel)
        p = Path(text)
        if p.suffix in (".cpp", ".hpp", ".h", ".cc") and p.is_file():
            return cls("file", 0.0, p.resolve())
        raise OwnCodeError(f"--validator: expected exact, tolerance:REL, unordered or an existing predicate "
                           f".cpp file, got '{text}'")


def _lit(x: float | str) -> str:
    return x if isinstance(x, str) else repr(float(x)) + "L"


def _field_range(plan: Plan, key: str, t: CType, is_key: bool) -> tuple[str, str]:
    """C++ expressions for [lo, hi] of a generated value (`size` is in scope)."""
    if key in plan.ranges:
        lo, hi = plan.ranges[key]
        return _lit(lo), _lit(hi)
    if t.kind == "float":
        return "0.0L", "1.0L"
    if t.kind == "bool":
        return "0.0L", "1.0L"
    return ("0.0L", "static_cast<long double>(std::max(size, 1LL) - 1)") if is_key else ("0.0L", "999.0L")


def _element_code(plan: Plan, r: Role, elem: CType, family: str) -> str:
    """Statements filling `in.<param>` from one key per element."""
    p = r.param
    if elem.kind in ("int", "float", "bool"):
        lo, hi = _field_range(plan, p, elem, True)
        return (f"  {{\n    const long double lo = {lo}, hi = {hi};\n"
                f"    const std::uint64_t b = parevo::own::key_bound<{elem.spelling}>(lo, hi);\n"
                f"    for (std::uint64_t k : parevo::own::keys({family}, size, b, rng))\n"
                f"      in.{p}.push_back(parevo::own::from_key<{elem.spelling}>(k, lo, hi, b));\n  }}\n")
    if elem.kind == "pair":
        members = [("first", elem.elem[0]), ("second", elem.elem[1])]
        prefix = p
    else:
        members = list(elem.fields)
        prefix = elem.name
    key_at = next((i for i, (_, t) in enumerate(members) if t.kind == "int"), 0)
    kname, ktype = members[key_at]
    lo, hi = _field_range(plan, f"{prefix}.{kname}", ktype, True)
    lines = [f"  {{\n    const long double lo = {lo}, hi = {hi};\n",
             f"    const std::uint64_t b = parevo::own::key_bound<{ktype.spelling}>(lo, hi);\n",
             f"    for (std::uint64_t k : parevo::own::keys({family}, size, b, rng)) {{\n",
             f"      {elem.spelling} e{{}};\n",
             f"      e.{kname} = parevo::own::from_key<{ktype.spelling}>(k, lo, hi, b);\n"]
    for i, (name, t) in enumerate(members):
        if i != key_at:
            flo, fhi = _field_range(plan, f"{prefix}.{name}", t, False)
            lines.append(f"      e.{name} = parevo::own::random_value<{t.spelling}>(rng, {flo}, {fhi});\n")
    lines.append(f"      in.{p}.push_back(e);\n    }}\n  }}\n")
    return "".join(lines)


def _generate(plan: Plan, fn: ParsedFunction, extras: list[ExtraFamily]) -> str:
    fams = ", ".join(f'"{f}"' for f in [*plan.families, *(x.name for x in extras)])
    out = ["inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {\n",
           f"  static const std::vector<std::string> known = {{{fams}}};\n",
           "  if (std::find(known.begin(), known.end(), family) == known.end())\n",
           f"    throw std::invalid_argument(\"unknown {fn.name} family '\" + family + \"'\");\n",
           "  Input in;\n  in.family_ = family;\n  in.size_ = size;\n"]
    array_family = "family" if plan.leading == "array" else '"uniform"'
    if plan.leading == "graph":
        # An extra family's graph is checked against the statement's promise (undirected, no loops).
        out += [f'  if (family == "{x.name}") families::{x.name}(in, size, rng);\n  else ' for x in extras]
        out.append("in.g_ = parevo::own::graph(family, size, rng);\n" if extras else
                   "  in.g_ = parevo::own::graph(family, size, rng);\n")
        if extras:
            out.append("  if (!parevo::own::is_graph_family(family)) parevo::own::require_undirected(in.g_);\n")
        out.append("  from_graph(in, rng);\n")
    else:
        out += [f'  if (family == "{x.name}") {{ families::{x.name}(in, size, rng); return in; }}\n' for x in extras]
    for r in plan.roles:
        t, p = r.ctype, r.param
        if r.kind == "array":
            out.append(_element_code(plan, r, t.elem[0], array_family))
        elif r.kind == "string":
            fam = "family" if plan.leading == "text" else '"uniform"'
            out.append(f"  in.{p} = parevo::text::by_family({fam}, size, rng).text;\n")
        elif r.kind == "scalar":
            out.append(f"  in.{p} = parevo::own::random_value<{t.spelling}>(rng, {_lit(r.lo)}, {_lit(r.hi)});\n")
    out.append("  return in;\n}\n")
    return _from_graph(plan) + "".join(out)


def _from_graph(plan: Plan) -> str:
    """The graph parameters derived from `in.g_`: generate builds the graph once, vary relabels
    it (one cheap pass, graphs::relabel) and derives them again."""
    if plan.leading != "graph":
        return ""
    out = ["inline void from_graph(Input& in, parevo::Rng& rng) {\n  const CSRGraph& g = in.g_;\n"]
    for r in plan.roles:
        t, p = r.ctype, r.param
        if r.kind == "adjacency":
            out.append(f"  in.{p} = parevo::own::adjacency<{t.elem[0].elem[0].spelling}>(g);\n")
        elif r.kind == "csr_offsets":
            tgt = next(x.param for x in plan.roles if x.kind == "csr_targets")
            out.append(f"  parevo::own::csr(g, in.{p}, in.{tgt});\n")
        elif r.kind == "vertex_count":
            out.append(f"  in.{p} = static_cast<{t.spelling}>(g.n);\n")
        elif r.kind == "vertex":
            out.append(f"  in.{p} = static_cast<{t.spelling}>(parevo::own::vertex(g, rng));\n")
    out.append("  (void)rng;\n}\n\n")
    return "".join(out)


def _vary(plan: Plan) -> str:
    if plan.leading == "graph":
        return ("\n// Another instance of the same family: the graph relabelled (one pass), a new vertex.\n"
                "inline void vary(Input& in, parevo::Rng& rng) {\n"
                "  in.g_ = parevo::graphs::relabel(in.g_, rng);\n  from_graph(in, rng);\n}\n\n")
    return ("\n// Another instance of the same family: a fresh draw of the same shape (new values).\n"
            "inline void vary(Input& in, parevo::Rng& rng) { in = generate(in.family_, in.size_, rng); }\n\n")


def _describe(plan: Plan) -> str:
    parts = []
    for r in plan.roles:
        p, t = r.param, r.ctype
        if r.kind == "array":
            e = t.elem[0]
            if e.kind == "struct":
                key = next((n for n, ft in e.fields if ft.kind == "int"), e.fields[0][0])
                val = f"x.{key}"
            elif e.kind == "pair":
                val = "x.first"
            else:
                val = "x"
            parts.append(f'"{p}: " + parevo::own::key_shape([&] {{ std::vector<std::uint64_t> k; '
                         f"for (const auto& x : in.{p}) k.push_back(parevo::own::bits({val})); return k; }}())")
        elif r.kind == "adjacency":
            parts.append(f'"{p}: " + parevo::own::adjacency_shape(in.{p})')
        elif r.kind == "csr_offsets":
            parts.append(f'"{p}: " + parevo::own::csr_shape(in.{p})')
        elif r.kind == "string":
            parts.append(f'"{p}: length=" + std::to_string(in.{p}.size())')
        elif r.kind in ("scalar", "vertex", "vertex_count"):
            parts.append(f'"{p}=" + std::to_string(in.{p})')
    body = ' + " " + '.join(parts) if parts else '""'
    return f"inline std::string describe(const Input& in) {{ return {body}; }}\n"


def _fingerprint(plan: Plan) -> str:
    """The input's values hashed (the probe's determinism check: a describe() line summarises)."""
    body = "".join(f"  parevo::own::flatten(in.{r.param}, leaves, {i});\n" for i, r in enumerate(plan.roles))
    return ("inline std::uint64_t fingerprint(const Input& in) {\n  std::vector<parevo::own::Leaf> leaves;\n"
            f"{body}  return parevo::own::leaf_hash(leaves);\n}}\n")


def _validate(v: Validator, fn: ParsedFunction, args: str) -> str:
    head = (f"inline std::string validate(const Input& in, const Output& out) {{\n"
            f"  const Output expected = oracle::{fn.name}({args});\n")
    if v.mode == "file":
        return head + ("  return user::accept(expected, out) ? std::string() : std::string(\"the task's own validator "
                       f"({v.file.name}) rejected the output\");\n}}\n")
    call = "compare_unordered" if v.mode == "unordered" else "compare"
    return head + f"  return parevo::own::{call}(expected, out, {_lit(v.rel)});\n}}\n"


def _inline(text: str) -> str:
    return text if re.match(r"\s*(inline|constexpr)\b", text) else "inline " + text


def types_header(fn: ParsedFunction) -> str:
    for d in fn.type_decls:
        m = re.match(r"\s*(?:struct|class|using|typedef|enum)\s+(\w+)", d)
        if m and m.group(1) in RESERVED_TYPES:
            raise OwnCodeError(f"{fn.path.name}: type '{m.group(1)}' has the name of one of parevo's harness types; "
                               "rename it in your file")
    using_std = ["using namespace std;"] if re.search(r"^\s*using\s+namespace\s+std\s*;", fn.path.read_text(), re.M) else []
    std = ["#include <array>", "#include <cstdint>", "#include <string>", "#include <utility>", "#include <vector>"]
    lines = ["// The types of the task and the function to write; from " + fn.path.name + " (parevo tasks new).",
             "#pragma once", *dict.fromkeys(std + fn.includes), "", '#include "parevo/threads.hpp"', "", *using_std,
             *fn.type_decls, "", fn.signature + ";", ""]
    return "\n".join(lines)


def baseline_source(fn: ParsedFunction) -> str:
    return "\n".join([f"// {fn.name}, unchanged from {fn.path.name}:{fn.line}: the sequential baseline.",
                      *fn.includes, "", *[h + "\n" for h in fn.helpers], fn.text, ""])


def _families(extras: list[ExtraFamily]) -> str:
    if not extras:
        return ""
    body = "\n".join(f"// {x.name}: {x.about}\n{x.code.strip()}\n" for x in extras)
    # An unnamed namespace: the code's helpers need not be `inline` for the header to link.
    return (f"// Families beyond the type-directed ones (parevo tasks new --llm / --inputs; generated.json says how\n"
            f"// each LLM-written one was vetted).\nnamespace families {{\nnamespace {{\n\n{body}\n}}  // namespace\n"
            "}  // namespace families\n\n")


def task_header(fn: ParsedFunction, plan: Plan, v: Validator, extras: list[ExtraFamily] = ()) -> str:
    fields = "".join(f"  {r.ctype.spelling} {r.param}{{}};\n" for r in plan.roles)
    args = ", ".join(f"in.{p.name}" for p in fn.params)
    user = ""
    if v.mode == "file":
        user = f"namespace user {{\n{v.file.read_text()}\n}}  // namespace user\n\n"
    oracle = "".join(_inline(h) + "\n\n" for h in fn.helpers) + _inline(fn.text)
    return (
        f"// Harness side of the task made from {fn.name} in {fn.path.name} (parevo tasks new): inputs, the call,\n"
        "// and the validator, which compares with the user's own function (a private copy, below).\n"
        "#pragma once\n#include <algorithm>\n#include <stdexcept>\n#include <string>\n\n"
        '#include "parevo/owncode.hpp"\n#include "types.hpp"\n\nnamespace task {\n\n'
        f"namespace oracle {{\n{oracle}\n}}  // namespace oracle\n\n{user}"
        f"struct Input {{\n{fields}  std::string family_;\n  long long size_ = 0;\n"
        + ("  CSRGraph g_;  // the graph the parameters above were derived from (vary relabels it)\n" if plan.leading == "graph" else "")
        + "};\n"
        f"using Output = {fn.ret.spelling};\n\n"
        + _families(list(extras))
        + _generate(plan, fn, list(extras))
        + _vary(plan)
        + _describe(plan)
        + _fingerprint(plan)
        + f"\ninline Output invoke(const Input& in) {{ return ::{fn.name}({args}); }}\n\n"
        + _validate(v, fn, args)
        + "\n}  // namespace task\n"
    )


def statement(fn: ParsedFunction, plan: Plan, v: Validator, describe: str | None, types: str,
              extras: list[ExtraFamily] = ()) -> str:
    contract = {
        "exact": "Return exactly what the sequential function returns on the same input (every value equal).",
        "tolerance": f"Return what the sequential function returns on the same input; floating-point values may "
                     f"differ by a relative {v.rel:g} (of the larger value, or of the output's largest magnitude), "
                     "so a reordered summation is fine; integers must be equal.",
        "unordered": "Return the same elements as the sequential function, in any order" +
                     (f" (floating-point values within a relative {v.rel:g})." if v.rel else "."),
        "file": "Return an output the task's own validator accepts (it compares with the sequential function's output).",
    }[v.mode]
    parts = [f"# {fn.name}", ""]
    if fn.doc:
        parts += [fn.doc, ""]
    if describe:
        parts += [describe, ""]
    parts += [f"Write `{fn.signature}`, a faster parallel version of the sequential function of that name.",
              "The types (they are included for you):", "", "```cpp", types.strip(), "```", "",
              "## Output", "", contract, "Do not modify the inputs.", "",
              "## Inputs", "", f"Inputs are irregular: {FAMILY_NOTES[plan.leading]}."]
    ranges = [f"`{r.param}` in [{r.lo:g}, {r.hi:g}]" for r in plan.roles if r.kind == "scalar"]
    if plan.leading == "graph":
        parts.append("Graphs are undirected (each edge in both directions), without self loops or duplicate edges; "
                     "any vertex parameter is a valid vertex.")
        offsets = next((r.param for r in plan.roles if r.kind == "csr_offsets"), None)
        if offsets:
            targets = next(r.param for r in plan.roles if r.kind == "csr_targets")
            parts.append(f"`{offsets}` and `{targets}` form one graph in CSR form: the neighbours of vertex `v` are "
                         f"`{targets}[{offsets}[v] .. {offsets}[v+1])`, and `{offsets}` has one entry more than there "
                         "are vertices.")
    if ranges:
        parts.append("Scalars: " + ", ".join(ranges) + ".")
    if extras:
        parts.append("Further families: " + "; ".join(f"{x.name}, {x.about.rstrip('.')}" for x in extras) + ".")
    return "\n".join(parts) + "\n"


def task_toml(task_id: str, fn: ParsedFunction, plan: Plan, sizes: dict[str, int], models: list[str],
              extras: list[ExtraFamily] = ()) -> str:
    q = json.dumps
    lines = [f"id = {q(task_id)}", f"title = {q(fn.name + ' (from ' + fn.path.name + ')')}", "version = 1",
             f"function = {q(fn.name)}", f"signature = {q(fn.signature)}", f"models = {q(models)}",
             f'tags = ["own-code", "{plan.leading}"]', f"families = {q([*plan.families, *(x.name for x in extras)])}",
             f"timing_families = {q(plan.timing_families)}", "", "[sizes]",
             *(f"{k} = {sizes[k]}" for k in ("check", "race", "timing")), "", "[source]",
             f"origin = {q(str(fn.path))}", 'generated_by = "parevo tasks new"', ""]
    return "\n".join(lines)


__all__ = ["ExtraFamily", "Validator", "types_header", "baseline_source", "task_header", "statement", "task_toml", "ARRAY_FAMILIES"]
