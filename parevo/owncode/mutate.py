"""Mutants of a baseline, made on clang's AST and token ranges (not by regular expressions): the
tester-quality score of `parevo tasks check` is the share of them the task's families and
validator kill.

Operators (the bugs a parallel rewrite tends to make): `bound` (< into <=, > into >= and back:
an off-by-one bound), `iteration` (a for loop's bound one lower: a dropped iteration), `compare`
(a flipped comparison), `init` (a literal in a declaration off by one: a wrong initial value),
`branch` (an if's condition forced false, or true when it has an else: a dropped branch),
`index` (a subscript's variable replaced by another index variable of the function: a swapped
index), `arith` (+ and -, += and -=, ++ and -- swapped).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .frontend import _cindex, _main_file_cursors, parse

FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "!=", "!=": "=="}
BOUND = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}
ARITH = {"+": "-", "-": "+", "+=": "-=", "-=": "+="}


@dataclass(frozen=True)
class Mutant:
    operator: str
    line: int
    start: int  # byte offsets into the source
    end: int
    replacement: str
    original: str

    def apply(self, source: bytes) -> str:
        return (source[: self.start] + self.replacement.encode() + source[self.end:]).decode(errors="replace")

    @property
    def label(self) -> str:
        return f"line {self.line} {self.operator}: '{self.original}' -> '{self.replacement}'"


def _op_token(cursor):
    """The operator token of a binary expression: the first token after its left operand."""
    kids = list(cursor.get_children())
    if len(kids) != 2:
        return None
    lhs_end = kids[0].extent.end.offset
    for tok in cursor.get_tokens():
        if tok.extent.start.offset >= lhs_end:
            return tok
    return None


def _unwrap(c):
    ci = _cindex()
    while c is not None and c.kind == ci.CursorKind.UNEXPOSED_EXPR:
        kids = list(c.get_children())
        c = kids[0] if len(kids) == 1 else None
    return c


def mutants(path: Path, force_include: Path | None, include_dirs: list[Path]) -> list[Mutant]:
    """Every mutant of the functions defined in `path`, in source order."""
    ci = _cindex()
    CK = ci.CursorKind
    extra = ["-include", str(force_include)] if force_include else []
    tu = parse(path, include_dirs, extra)
    here = str(path.resolve())
    out: list[Mutant] = []

    src = path.read_bytes()

    def _text(ext):
        return src[ext.start.offset:ext.end.offset].decode(errors="replace")

    for fn in _main_file_cursors(tu.cursor, Path(here)):
        if fn.kind not in (CK.FUNCTION_DECL, CK.FUNCTION_TEMPLATE) or not fn.is_definition():
            continue
        index_names = sorted({
            s.spelling
            for c in fn.walk_preorder() if c.kind in (CK.ARRAY_SUBSCRIPT_EXPR, CK.CALL_EXPR)
            and (c.kind == CK.ARRAY_SUBSCRIPT_EXPR or c.spelling == "operator[]")
            for s in [_unwrap(list(c.get_children())[-1]) if list(c.get_children()) else None]
            if s is not None and s.kind == CK.DECL_REF_EXPR
        })
        for c in fn.walk_preorder():
            if c.kind in (CK.BINARY_OPERATOR, CK.COMPOUND_ASSIGNMENT_OPERATOR):
                tok = _op_token(c)
                if tok is None:
                    continue
                op = tok.spelling
                if op in BOUND:
                    out.append(Mutant("bound", tok.extent.start.line, tok.extent.start.offset, tok.extent.end.offset, BOUND[op], op))
                if op in FLIP:
                    out.append(Mutant("compare", tok.extent.start.line, tok.extent.start.offset, tok.extent.end.offset, FLIP[op], op))
                if op in ARITH:
                    out.append(Mutant("arith", tok.extent.start.line, tok.extent.start.offset, tok.extent.end.offset, ARITH[op], op))
            elif c.kind == CK.UNARY_OPERATOR:
                toks = list(c.get_tokens())
                tok = next((t for t in (toks[:1] + toks[-1:]) if t.spelling in ("++", "--")), None)
                if tok is not None:
                    e = tok.extent
                    out.append(Mutant("arith", e.start.line, e.start.offset, e.end.offset,
                                      "--" if tok.spelling == "++" else "++", tok.spelling))
            elif c.kind == CK.FOR_STMT:
                cond = next((k for k in c.get_children() if k.kind == CK.BINARY_OPERATOR), None)
                tok = _op_token(cond) if cond is not None else None
                if tok is not None and tok.spelling in ("<", "<=", "!="):
                    rhs = list(cond.get_children())[1].extent
                    out.append(Mutant("iteration", rhs.start.line, rhs.start.offset, rhs.end.offset,
                                      f"({_text(rhs)}) - 1", _text(rhs)))
            elif c.kind == CK.IF_STMT:
                kids = list(c.get_children())
                stmts = [k for k in kids if k.kind == CK.COMPOUND_STMT or k.kind.is_statement()]
                cond = next((k for k in kids if k.kind.is_expression()), None)
                if cond is not None:
                    has_else = len([k for k in kids if k is not cond]) >= 2 and len(stmts) >= 2
                    e = cond.extent
                    out.append(Mutant("branch", e.start.line, e.start.offset, e.end.offset,
                                      "true" if has_else else "false", _text(e)))
            elif c.kind == CK.VAR_DECL:
                for lit in c.walk_preorder():
                    if lit.kind in (CK.INTEGER_LITERAL, CK.FLOATING_LITERAL):
                        t = _text(lit.extent)
                        new = {"0": "1", "1": "0", "0.0": "1.0", "1.0": "0.0"}.get(t, f"({t} + 1)")
                        out.append(Mutant("init", lit.extent.start.line, lit.extent.start.offset, lit.extent.end.offset, new, t))
            elif c.kind == CK.ARRAY_SUBSCRIPT_EXPR or (c.kind == CK.CALL_EXPR and c.spelling == "operator[]"):
                kids = list(c.get_children())
                idx = _unwrap(kids[-1]) if kids else None
                if idx is not None and idx.kind == CK.DECL_REF_EXPR:
                    for other in index_names:
                        if other != idx.spelling:
                            e = idx.extent
                            out.append(Mutant("index", e.start.line, e.start.offset, e.end.offset, other, idx.spelling))
    seen, unique = set(), []
    for m in sorted(out, key=lambda m: (m.start, m.operator, m.replacement)):
        key = (m.start, m.end, m.replacement)
        if key not in seen:
            seen.add(key)
            unique.append(m)
    return unique


def spread(ms: list[Mutant], limit: int) -> list[Mutant]:
    """At most `limit` mutants, taken round-robin over operators (every operator is sampled,
    in source order within each), so a cap does not drop a whole kind of bug."""
    by_op: dict[str, list[Mutant]] = {}
    for m in ms:
        by_op.setdefault(m.operator, []).append(m)
    picked: list[Mutant] = []
    while len(picked) < limit and any(by_op.values()):
        for op in list(by_op):
            if by_op[op] and len(picked) < limit:
                lst = by_op[op]
                picked.append(lst.pop(len(lst) // 2 if len(picked) % 2 else 0))
    return sorted(picked, key=lambda m: m.start)
