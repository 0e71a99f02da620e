"""Reading a user's C++ with a real front end (libclang): the function, its signature and the
user types it uses, as typed values. Regular expressions cannot tell `std::vector<Edge>` from a
macro or find the globals a body reads; clang can, and its diagnostics are the user's compiler's.

Anything parevo cannot turn into a task is an OwnCodeError naming the construct, its line and
what to do instead.
"""

from __future__ import annotations

import functools
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ParevoError


class OwnCodeError(ParevoError):
    """The user's file cannot become a task as it is (the message says why and what to do)."""


@dataclass(frozen=True)
class CType:
    """A parameter, return or field type, reduced to what generators and validators need."""

    kind: str  # int | float | bool | string | vector | array | pair | struct
    spelling: str  # how to write it in C++ (canonical, fully qualified)
    elem: tuple["CType", ...] = ()  # vector/array: (element,); pair: (first, second)
    fields: tuple[tuple[str, "CType"], ...] = ()  # struct: its public fields in order
    name: str = ""  # struct: its name
    signed: bool = True
    length: int = 0  # std::array: N

    @property
    def is_floating(self) -> bool:
        return self.kind == "float" or any(t.is_floating for t in self.elem) or any(t.is_floating for _, t in self.fields)


@dataclass(frozen=True)
class Param:
    name: str
    ctype: CType
    spelling: str  # as the user wrote it, e.g. "const std::vector<Particle>&"


@dataclass
class ParsedFunction:
    name: str
    path: Path
    line: int
    signature: str  # the declaration, as written
    ret: CType
    params: list[Param]
    doc: str
    text: str  # the definition, verbatim
    helpers: list[str] = field(default_factory=list)  # functions and constants it uses, verbatim, in file order
    type_decls: list[str] = field(default_factory=list)  # user types it uses, verbatim, in file order
    includes: list[str] = field(default_factory=list)  # the file's #include <...> lines


_INT_KINDS = {"BOOL", "CHAR_U", "UCHAR", "CHAR16", "CHAR32", "USHORT", "UINT", "ULONG", "ULONGLONG", "UINT128",
              "CHAR_S", "SCHAR", "WCHAR", "SHORT", "INT", "LONG", "LONGLONG", "INT128"}
_FLOAT_KINDS = {"FLOAT", "DOUBLE", "LONGDOUBLE"}
_IO_NAMES = {"printf", "fprintf", "puts", "fputs", "putchar", "scanf", "fscanf", "fopen", "fread", "fwrite", "getline",
             "cout", "cerr", "cin", "clog", "read", "write", "open", "getchar", "fgets", "system", "exit", "abort"}
_IO_TYPES = ("basic_ifstream", "basic_ofstream", "basic_fstream", "basic_ostream", "basic_istream", "FILE")


@functools.cache
def _system_includes() -> tuple[str, ...]:
    """The C++ compiler's own include directories: the libclang wheel ships no builtin headers
    (stddef.h ...), so it borrows g++'s, which are the ones the user's code builds with anyway."""
    proc = subprocess.run(["g++", "-std=c++20", "-E", "-x", "c++", "-", "-v"], input="", capture_output=True, text=True)
    dirs, inside = [], False
    for line in proc.stderr.splitlines():
        if line.startswith("#include <...> search starts here"):
            inside = True
        elif line.startswith("End of search list"):
            break
        elif inside:
            dirs.append(line.strip())
    return tuple(dirs)


def _cindex():
    try:
        import clang.cindex as ci
    except ImportError as exc:  # a missing dependency is the user's to install, said plainly
        raise OwnCodeError("parevo tasks new needs libclang: pip install libclang") from exc
    return ci


def parse(path: Path, include_dirs: list[Path] = (), extra: list[str] = ()):
    """The translation unit of `path`, or an OwnCodeError carrying clang's first error."""
    ci = _cindex()
    args = ["-x", "c++", "-std=c++20", "-fparse-all-comments", *[f"-I{d}" for d in include_dirs], *extra]
    args += [f"-isystem{d}" for d in _system_includes()]
    tu = ci.Index.create().parse(str(path), args=args)
    errors = [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    if errors:
        d = errors[0]
        loc = f"{d.location.file}:{d.location.line}" if d.location.file else str(path)
        raise OwnCodeError(f"{loc}: does not compile: {d.spelling} ({len(errors)} error(s); fix the file or pass -I DIR)")
    return tu


def _extent_text(cursor) -> str:
    ext = cursor.extent
    data = Path(ext.start.file.name).read_bytes()
    return data[ext.start.offset:ext.end.offset].decode(errors="replace")


def _where(cursor) -> str:
    loc = cursor.location
    return f"{Path(loc.file.name).name}:{loc.line}" if loc.file else "?"


def ctype(t, what: str) -> CType:
    """The CType of clang type `t`; `what` names the place for errors ("parameter 'g'")."""
    ci = _cindex()
    K = ci.TypeKind
    c = t.get_canonical()
    if c.kind in (K.LVALUEREFERENCE, K.RVALUEREFERENCE):
        c = c.get_pointee().get_canonical()
    spelling = c.spelling.replace("const ", "").replace(" const", "")
    kind = c.kind.name
    if kind == "BOOL":
        return CType("bool", "bool")
    if kind in _INT_KINDS:
        return CType("int", spelling, signed=kind not in {"CHAR_U", "UCHAR", "USHORT", "UINT", "ULONG", "ULONGLONG", "UINT128"})
    if kind in _FLOAT_KINDS:
        return CType("float", spelling)
    if kind in ("POINTER", "INCOMPLETEARRAY", "CONSTANTARRAY"):
        pointee = c.get_pointee() if kind == "POINTER" else c.element_type
        raise OwnCodeError(f"{what} is a raw pointer or C array ({t.spelling}) with no size parevo can see: "
                           f"pass a std::vector<{pointee.spelling.replace('const ', '')}> instead")
    if kind == "RECORD":
        decl = c.get_declaration()
        qual = spelling
        if qual.startswith("std::basic_string<char"):
            return CType("string", "std::string")
        if qual.startswith("std::vector<"):
            e = ctype(c.get_template_argument_type(0), f"the elements of {what}")
            return CType("vector", f"std::vector<{e.spelling}>", elem=(e,))
        if qual.startswith("std::pair<"):
            a, b = (ctype(c.get_template_argument_type(i), f"{what}'s pair") for i in (0, 1))
            return CType("pair", f"std::pair<{a.spelling}, {b.spelling}>", elem=(a, b))
        if qual.startswith("std::array<"):
            e = ctype(c.get_template_argument_type(0), f"the elements of {what}")
            n = c.get_template_argument_value(1)
            return CType("array", f"std::array<{e.spelling}, {n}>", elem=(e,), length=n)
        if qual.startswith("std::"):
            raise OwnCodeError(f"{what} has type {t.spelling}, which parevo cannot generate or compare yet "
                               "(supported: arithmetic types, std::string, std::vector, std::array, std::pair "
                               "and structs of them)")
        return _struct(decl, spelling, what)
    if kind == "ENUM":
        raise OwnCodeError(f"{what} is an enum ({t.spelling}): pass its underlying integer instead")
    raise OwnCodeError(f"{what} has type {t.spelling} ({kind.lower()}), which parevo cannot generate: "
                       "use arithmetic types, std::string, std::vector, std::array, std::pair or structs of them")


def _struct(decl, spelling: str, what: str) -> CType:
    ci = _cindex()
    CK = ci.CursorKind
    fields = []
    for ch in decl.get_children():
        if ch.kind == CK.FIELD_DECL:
            if ch.access_specifier.name not in ("PUBLIC", "INVALID", "NONE"):
                raise OwnCodeError(f"{what}: struct {decl.spelling} ({_where(decl)}) has a private field '{ch.spelling}': "
                                   "parevo needs plain structs (public fields, no constructors)")
            fields.append((ch.spelling, ctype(ch.type, f"field '{ch.spelling}' of {decl.spelling}")))
        elif ch.kind == CK.CONSTRUCTOR and not ch.is_default_constructor():
            raise OwnCodeError(f"{what}: struct {decl.spelling} ({_where(decl)}) has a constructor: parevo needs "
                               "aggregates it can fill field by field (public fields, no constructors)")
        elif ch.kind == CK.CXX_BASE_SPECIFIER or (ch.kind == CK.CXX_METHOD and ch.is_virtual_method()):
            raise OwnCodeError(f"{what}: struct {decl.spelling} ({_where(decl)}) has a base class or virtual "
                               "methods: parevo needs plain structs")
    if not fields:
        raise OwnCodeError(f"{what}: struct {decl.spelling} ({_where(decl)}) has no fields")
    return CType("struct", spelling, fields=tuple(fields), name=decl.spelling)


def _doc(cursor) -> str:
    raw = cursor.raw_comment or ""
    lines = [re.sub(r"^\s*(///?|/\*\*?|\*/|\*)\s?", "", ln).rstrip() for ln in raw.splitlines()]
    return "\n".join(ln.removesuffix("*/").rstrip() for ln in lines).strip()


def _main_file_cursors(cursor, path: Path):
    """The cursors declared in `path`, outer ones first: walking only them keeps a parse of a
    file that includes <vector> from visiting the standard library's hundred thousand cursors."""
    for c in cursor.get_children():
        if c.location.file and Path(c.location.file.name).resolve() == path:
            yield c
            if c.kind.name in ("NAMESPACE", "STRUCT_DECL", "CLASS_DECL", "LINKAGE_SPEC"):
                yield from _main_file_cursors(c, path)


def find_function(tu, name: str, path: Path):
    ci = _cindex()
    CK = ci.CursorKind
    found, templates, others = None, [], []
    for c in _main_file_cursors(tu.cursor, path.resolve()):
        if c.kind == CK.FUNCTION_TEMPLATE and c.spelling == name:
            templates.append(c)
        elif c.kind == CK.FUNCTION_DECL:
            if c.spelling == name and c.is_definition():
                found = c
            elif c.is_definition():
                others.append(c.spelling)
        elif c.kind == CK.CXX_METHOD and c.spelling == name:
            raise OwnCodeError(f"{path}:{c.location.line}: '{name}' is a member function of {c.semantic_parent.spelling}: "
                               "wrap it in a free function taking the object's data as parameters")
    if templates and not found:
        t = templates[0]
        raise OwnCodeError(f"{path}:{t.location.line}: '{name}' is a function template: parevo needs concrete types; "
                           f"write a non-template wrapper (e.g. {name}_double) that calls it and pass that")
    if not found:
        hint = f" (functions defined there: {', '.join(sorted(set(others)))})" if others else ""
        raise OwnCodeError(f"{path}: no definition of function '{name}'{hint}")
    return found


def _check_body(fn, path: Path, helpers: dict, types: dict) -> None:
    """Globals, I/O and helper functions the body uses: helpers and constants are copied along,
    mutable globals and I/O are refused (a parallel version could not be checked against them)."""
    ci = _cindex()
    CK = ci.CursorKind
    for c in fn.walk_preorder():
        ref = c.referenced
        if c.kind == CK.DECL_REF_EXPR and ref is not None:
            where = f"{path.name}:{c.location.line}"
            if ref.spelling in _IO_NAMES and (not ref.location.file or "/usr/" in str(ref.location.file)):
                raise OwnCodeError(f"{where}: '{fn.spelling}' does I/O ({ref.spelling}): parevo compares returned "
                                   "values; move the I/O out of the function")
            if ref.kind == CK.VAR_DECL and ref.semantic_parent.kind in (CK.TRANSLATION_UNIT, CK.NAMESPACE):
                if ref.location.file and "/usr/" in ref.location.file.name:
                    continue
                if not ref.type.is_const_qualified():
                    raise OwnCodeError(f"{where}: '{fn.spelling}' reads the global variable '{ref.spelling}': "
                                       "pass it as a parameter (a global's value cannot be generated or checked)")
                helpers.setdefault(ref.extent.start.offset, ref)
            if ref.kind == CK.FUNCTION_DECL and ref.location.file and Path(ref.location.file.name).resolve() == path.resolve():
                definition = ref.get_definition()
                if definition is not None and definition != fn and definition.extent.start.offset not in helpers:
                    helpers[definition.extent.start.offset] = definition
                    _check_body(definition, path, helpers, types)
        if c.kind == CK.TYPE_REF and ref is not None:
            if any(io in c.type.get_canonical().spelling for io in _IO_TYPES):
                raise OwnCodeError(f"{path.name}:{c.location.line}: '{fn.spelling}' uses {c.type.spelling}: "
                                   "parevo compares returned values; move the I/O out of the function")
            _collect_type(ref, types)


def _collect_type(decl, types: dict) -> None:
    """User type declarations (outside system headers), with the types their fields use."""
    ci = _cindex()
    CK = ci.CursorKind
    if decl is None or not decl.location.file or decl.location.file.name.startswith("/usr/"):
        return
    if decl.kind not in (CK.STRUCT_DECL, CK.CLASS_DECL, CK.TYPEDEF_DECL, CK.TYPE_ALIAS_DECL, CK.ENUM_DECL):
        return
    key = (decl.location.file.name, decl.extent.start.offset)
    if key in types:
        return
    types[key] = decl
    for c in decl.walk_preorder():
        if c.kind == CK.TYPE_REF and c.referenced is not None and c.referenced != decl:
            _collect_type(c.referenced, types)
    if decl.kind in (CK.TYPEDEF_DECL, CK.TYPE_ALIAS_DECL):
        _collect_type(decl.underlying_typedef_type.get_declaration(), types)


def read_function(path: Path, name: str, include_dirs: list[Path] = ()) -> ParsedFunction:
    path = Path(path).resolve()
    if not path.is_file():
        raise OwnCodeError(f"--from: no such file: {path}")
    tu = parse(path, list(include_dirs))
    fn = find_function(tu, name, path)
    where = f"{path.name}:{fn.location.line}"
    ret = ctype(fn.result_type, f"{where}: the return type of '{name}'") if fn.result_type.kind.name != "VOID" else None
    if ret is None:
        raise OwnCodeError(f"{where}: '{name}' returns void: parevo compares what the function returns; "
                           "return the result (a vector, a struct...) instead of writing through a parameter")
    params = []
    for a in fn.get_arguments():
        t = a.type
        what = f"{where}: parameter '{a.spelling}'"
        if not a.spelling:
            raise OwnCodeError(f"{what.rsplit(':', 1)[0]}: every parameter of '{name}' needs a name")
        if t.kind.name == "LVALUEREFERENCE" and not t.get_pointee().is_const_qualified():
            raise OwnCodeError(f"{what} is a non-const reference ({t.spelling}): parevo compares returned values; "
                               f"take it by const reference and return what the function computes")
        params.append(Param(a.spelling, ctype(t, what), t.spelling))
    helpers: dict = {}
    types: dict = {}
    for c in fn.walk_preorder():
        if c.kind.name == "TYPE_REF" and c.referenced is not None:
            _collect_type(c.referenced, types)
    _check_body(fn, path, helpers, types)
    text = _extent_text(fn)
    signature = text[: text.index("{")].strip() if "{" in text else text
    src = path.read_text(errors="replace")
    includes = [ln.strip() for ln in src.splitlines() if re.match(r"\s*#\s*include\s*<", ln)]
    return ParsedFunction(
        name=name, path=path, line=fn.location.line, signature=re.sub(r"\s+", " ", signature), ret=ret, params=params,
        doc=_doc(fn), text=text,
        helpers=[_extent_text(h) + (";" if h.kind.name == "VAR_DECL" else "") for _, h in sorted(helpers.items())],
        type_decls=[_extent_text(d) + ";" for _, d in sorted(types.items())],
        includes=includes,
    )
