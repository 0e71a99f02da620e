"""Static integrity checks on an untrusted candidate translation unit (DESIGN.md, "Trust boundary").

A candidate is written by a model rewarded for what the verifier reports, so each check here is
against a class of attack, not one trick: blinding the race detector (sanitizer hooks, annotation
calls, `no_sanitize`, code that differs under the sanitizer's macros), reaching trusted files
(includes outside the public headers, assembler `.incbin`) and passing the model check with text
(a `#pragma omp` that compiled to nothing). Every check looks at what the compiler saw or produced
- the object file or the preprocessed token stream of the candidate's own file - not at the raw
text, so comments, `#if 0`, macros that paste the words together and `_Pragma` are all seen the
way the compiler sees them. The one exception is `line_directives`: a `#line` directive can make
the candidate's code look like a system header's in the preprocessed stream, and directives never
come from macros, so it reads the raw text; the token checks rely on it having passed.

Which build each check belongs to. The candidate's source is the same in every build, and
`macro_dependent` refuses any candidate whose tokens differ between the race build and the
timing build; given that, every symbol below is refused *always*, on the optimised (-O3) object,
even those (sanitizer hooks, Archer, OMPT) that only matter in the race build: none has an
honest use in either. `sanitizer_symbols(obj, instrumented=True)` exists for the race object,
where the compiler's own instrumentation references `__tsan_read4` and friends; only those
undefined entry points are excused there, never a definition.

Each function returns a list of `Problem`s; an empty list means the check passed.
"""

from __future__ import annotations

import codecs
import difflib
import glob
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .source import strip_comments_and_strings

CANDIDATE_NAME = "candidate.cpp"  # the name used in messages and in the preprocessor's linemarkers
TSAN = ("-fsanitize=thread", "-g", "-O1")  # the race build's flags (toolchain.models.TSAN)
OPT = ("-O3",)  # the timing build's flags (verify.context.OPT_FLAGS)


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str  # one sentence an LLM can act on
    line: int | None = None  # candidate.cpp line, where known


def _at(line: int | None) -> str:
    return f"{CANDIDATE_NAME}:{line}: " if line else ""


# --------------------------------------------------------------------------------------------
# 1. Detector symbols and strings in the compiled object
# --------------------------------------------------------------------------------------------

# Matched against every identifier of the (demangled) symbol name, so `extern "C"` names, C++
# functions of the same name and the runtimes' own C++ namespaces (`__sanitizer::`) are all caught.
_DETECTOR_PREFIXES = {
    "__tsan": "a ThreadSanitizer hook", "__sanitizer": "a sanitizer runtime hook", "__asan": "an AddressSanitizer hook",
    "__lsan": "a LeakSanitizer hook", "__ubsan": "an UndefinedBehaviorSanitizer hook", "__msan": "a MemorySanitizer hook",
    "__interceptor_": "a sanitizer interceptor", "__interception": "a sanitizer interceptor",
    "Annotate": "a race-detector annotation", "WTFAnnotate": "a race-detector annotation",
    "ompt_": "an OpenMP tool (OMPT) entry point", "__archer": "part of the Archer race detector",
    "__libc_dl": "runtime library discovery", "_dl_": "runtime library discovery",
}
_DETECTOR_NAMES = {
    **dict.fromkeys(("dlsym", "dlopen", "dlvsym", "dlmopen", "dladdr", "dladdr1", "dlinfo", "dl_iterate_phdr"),
                    "runtime discovery of the loaded libraries (and so of the detector)"),
    **dict.fromkeys(("environ", "__environ", "_environ"), "a scan of the environment (where the detector's options live)"),
    "omp_control_tool": "control of the OpenMP tool (the race detector)",
    "ptrace": "process tracing", "process_vm_readv": "reading another process's memory",
    "process_vm_writev": "writing another process's memory", "personality": "a change of the process's execution domain",
    "prctl": "a change of process attributes", "syscall": "a raw system call, which bypasses every interposer",
}
# libstdc++'s inline futex wait (std::atomic::wait, std::latch, std::barrier, std::counting_semaphore)
# calls syscall(SYS_futex) from the candidate's own object; the candidate's own calls to `syscall`
# are refused on its tokens instead (`raw_syscalls`).
_LIBSTDCXX_WAITER = ("std::__detail::__waiter_pool", "std::__atomic_wait_address", "std::__detail::__platform_wait")
# What gcc's -fsanitize=thread itself references; excused only in an instrumented object.
_TSAN_INSTRUMENTATION = re.compile(
    r"__tsan_(?:init|func_entry|func_exit|(?:unaligned_|volatile_)?(?:read|write)\d+|read_range|write_range"
    r"|vptr_update|vptr_read|atomic\d+_\w+|atomic_(?:thread|signal)_fence|mem(?:cpy|set|move))"
)

# Data sections are searched case-insensitively for every needle; machine code (where a string
# built by `movabs` lands in 8-byte pieces) only for needles of 6+ characters, which random code
# bytes do not spell.
_DETECTOR_STRINGS = ("tsan", "threadsanitizer", "sanitizer", "archer", "omp_tool", "ld_preload", "/proc/")
_SKIPPED_SECTIONS = (".debug", ".comment", ".note", ".gnu.lto", ".zdebug")
_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


class Symbol(NamedTuple):
    name: str
    kind: str  # nm's type letter: U undefined, w/v weak undefined, T/W/t... defined
    demangled: str

    @property
    def defined(self) -> bool:
        return self.kind not in ("U", "w", "v")


def object_symbols(obj: Path) -> list[Symbol]:
    """Every symbol of the object (defined, undefined, weak, local), demangled in one c++filt call."""
    nm = shutil.which("nm")
    if not nm:
        raise FileNotFoundError("nm is missing (apt-get install binutils)")
    out = subprocess.run([nm, "-P", "--no-sort", str(obj)], capture_output=True, text=True, timeout=120, check=True).stdout
    rows = [line.split()[:2] for line in out.splitlines() if len(line.split()) >= 2]
    names = [r[0] for r in rows]
    demangled = names
    filt = shutil.which("c++filt")
    if filt and names:
        lines = subprocess.run([filt], input="\n".join(names) + "\n", capture_output=True, text=True, timeout=120).stdout
        demangled = lines.splitlines()
        if len(demangled) != len(names):
            demangled = names
    return [Symbol(n, k, d) for (n, k), d in zip(rows, demangled)]


def _detector_role(sym: Symbol) -> str:
    for ident in dict.fromkeys([*_IDENT.findall(sym.demangled), *_IDENT.findall(sym.name)]):
        if ident in _DETECTOR_NAMES:
            return _DETECTOR_NAMES[ident]
        for prefix, role in _DETECTOR_PREFIXES.items():
            if ident.startswith(prefix):
                return role
    return ""


def sanitizer_symbols(obj: Path, instrumented: bool = False) -> list[Problem]:
    """Definitions of or references to race-detector, tool-interface, library-discovery and
    raw-process symbols, and detector names or /proc paths among the object's data.

    Meant for the optimised object (see the module docstring); `instrumented=True` for the race
    object excuses the undefined `__tsan_*` entry points gcc's instrumentation itself calls."""
    symbols = object_symbols(obj)
    waiter = any(w in s.demangled for s in symbols for w in _LIBSTDCXX_WAITER)
    problems: list[Problem] = []
    seen: set[str] = set()
    for sym in symbols:
        role = _detector_role(sym)
        if not role or sym.name in seen:
            continue
        if instrumented and not sym.defined and _TSAN_INSTRUMENTATION.fullmatch(sym.name):
            continue
        if sym.name == "syscall" and not sym.defined and waiter:
            continue
        seen.add(sym.name)
        what = "defines" if sym.defined else ("holds a weak reference to" if sym.kind in "wv" else "references")
        problems.append(Problem("sanitizer_symbol", f"the candidate {what} `{sym.demangled}`, {role}; a candidate may not "
                                f"define, call or test for detector, tool or process-control symbols, so remove it"))
    problems += _detector_strings(obj)
    return problems


def _elf_sections(obj: Path) -> list[tuple[str, bool, bytes]]:
    """(name, is_code, contents) of every section with contents, read from the ELF64 object."""
    data = obj.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{obj}: not a little-endian ELF64 object")
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    header = struct.Struct("<IIQQQQIIQQ")  # name type flags addr offset size link info align entsize

    def sh(i: int) -> tuple[int, ...]:
        return header.unpack_from(data, shoff + i * shentsize)

    if shnum == 0 and shoff:  # more than 0xff00 sections: the real count lives in section 0
        shnum = sh(0)[5]
    if shstrndx == 0xFFFF:
        shstrndx = sh(0)[6]
    names_at = sh(shstrndx)[4]
    sections = []
    for i in range(1, shnum):
        name_off, kind, flags, _, offset, size, *_ = sh(i)
        name = data[names_at + name_off: data.index(b"\0", names_at + name_off)].decode("latin-1")
        if kind == 1 and not name.startswith(_SKIPPED_SECTIONS):  # SHT_PROGBITS
            sections.append((name, bool(flags & 0x4), data[offset: offset + size]))  # SHF_EXECINSTR
    return sections


def _detector_strings(obj: Path) -> list[Problem]:
    problems = []
    found: set[str] = set()
    for name, code, contents in _elf_sections(obj):
        texts = _texts(contents)
        for needle in _DETECTOR_STRINGS:
            if needle in found or (code and len(needle) < 6):
                continue
            for encoding, text in texts:
                if (at := text.find(needle)) < 0:
                    continue
                found.add(needle)
                shown = (f"\"{_around(contents.decode('latin-1'), at, needle)}\"" if encoding == "latin-1"
                         else f"`{needle}` ({encoding})")
                problems.append(Problem("detector_string", f"the candidate's object contains the string {shown} "
                                        f"(in {name}); a candidate has no reason to name the race detector, its "
                                        f"options, the preload mechanism or /proc, so remove it"))
                break
    return problems


def _texts(contents: bytes) -> list[tuple[str, str]]:
    """The section read as lower-case text: bytes, and UTF-16/UTF-32 at every alignment (u"", L"")."""
    texts = [("latin-1", contents.decode("latin-1").lower())]
    for encoding, width in (("utf-16-le", 2), ("utf-32-le", 4)):
        for shift in range(width):
            chunk = contents[shift: len(contents) - (len(contents) - shift) % width]
            texts.append((encoding, chunk.decode(encoding, "replace").lower()))
    return texts


def _around(text: str, at: int, needle: str) -> str:
    start, end = at, at + len(needle)
    while start > 0 and text[start - 1].isprintable() and text[start - 1].isascii() and at - start < 60:
        start -= 1
    while end < len(text) and text[end].isprintable() and text[end].isascii() and end - at < 80:
        end += 1
    return text[start:end]


# --------------------------------------------------------------------------------------------
# The preprocessed candidate: its own tokens, by candidate line
# --------------------------------------------------------------------------------------------

class Token(NamedTuple):
    text: str
    kind: str  # "id", "str", "num", "punct", or "pragma" (text: the pragma's words after `#pragma`)
    line: int  # line in the file the preprocessor says it came from


class CandidateTokens(NamedTuple):
    tokens: list[Token]  # only those from the candidate's own file
    renames: list[int]  # candidate lines where a `#line` directive claimed another file


# gcc writes its linemarkers and directives at column 0; a `#` that macro expansion puts at the
# start of a line comes out indented (and does not compile: "stray '#' in program").
_LEX = re.compile(
    r"""(?P<marker>^\#[ \t]*(?P<mline>\d+)[ \t]+"(?P<mfile>(?:\\.|[^"\\])*)"(?P<mflags>[ \t\d]*)$)
      | (?P<pragma>^\#[ \t]*pragma\b(?P<ptext>[^\n]*))
      | (?P<directive>^\#[^\n]*)
      | (?P<nl>\n)
      | (?P<ws>[ \t\r\f\v]+)
      | (?P<str>(?:u8|u|U|L)?R"(?P<delim>[^()\\\s]{0,16})\(.*?\)(?P=delim)"
               |(?:u8|u|U|L)?"(?:\\.|[^"\\\n])*"|(?:u8|u|U|L)?'(?:\\.|[^'\\\n])*')
      | (?P<id>[A-Za-z_$][A-Za-z0-9_$]*)
      | (?P<num>\.?\d(?:[eEpP][+-]|[\w.'])*)
      | (?P<punct>::|.)""",
    re.X | re.M | re.S,
)
_MARKER = re.compile(r'^\#[ \t]*\d+[ \t]+"', re.M)


@lru_cache(maxsize=8)
def candidate_tokens(preprocessed: str) -> CandidateTokens:
    """The tokens of gcc -E output that come from the main file (the first linemarker's name),
    with their lines in it; system and library headers are skipped, not lexed."""
    tokens: list[Token] = []
    renames: list[int] = []
    primary: str | None = None
    current, line, prologue, pos = "", 1, True, 0
    while pos < len(preprocessed):
        if prologue or current != primary:  # trusted text: jump to the next linemarker
            nxt = _MARKER.search(preprocessed, pos)
            if nxt is None:
                break
            pos = nxt.start()
        m = _LEX.match(preprocessed, pos)
        assert m is not None  # the last alternative matches any character
        pos, kind = m.end(), m.lastgroup
        if kind == "marker":
            name, flags = m.group("mfile"), m.group("mflags").split()
            if primary is None:
                primary = name
            elif name == primary:
                prologue = False
            if not prologue and current == primary and name != primary and "1" not in flags and "2" not in flags:
                renames.append(line)
            current, line = name, int(m.group("mline")) - 1  # the marker's own newline comes next
        elif kind == "nl":
            line += 1
        elif kind == "pragma":
            tokens.append(Token(" ".join(m.group("ptext").split()), "pragma", line))
        elif kind in ("str", "id", "num", "punct"):
            tokens.append(Token(m.group(0), kind, line))
            line += m.group(0).count("\n")  # a raw string may span lines
    return CandidateTokens(tokens, renames)


_LINE_DIRECTIVE = re.compile(r"^[ \t]*(?:#|%:)[ \t]*(?:line\b|\d)", re.M)


def line_directives(source: str) -> list[Problem]:
    """`#line` directives and GNU linemarkers (`# 1 "/usr/include/stdio.h" 1 3 4`) in the raw
    source: they make the candidate's own code look like a system header's, which hides it from
    every check on the preprocessed tokens (and from the compiler's warnings). Directives are
    never produced by macros, so the raw text (lines spliced, comments and strings blanked) is
    the place to look."""
    spliced, lines = [], []
    for number, physical in enumerate(source.split("\n"), start=1):
        if physical.endswith("\\"):
            physical = physical[:-1]
            joined = True
        else:
            joined = False
        spliced.append(physical + ("" if joined else "\n"))
        lines.extend([number] * len(spliced[-1]))
    text = strip_comments_and_strings("".join(spliced))
    return [Problem("line_directive", f"{_at(lines[m.start()])}`{m.group(0).strip()}...` renames the file or its lines; "
                    f"a candidate must not disguise its code as another file's, so remove the directive", lines[m.start()])
            for m in _LINE_DIRECTIVE.finditer(text)][:1]


def _unquote(literal: str) -> str:
    """The characters of a string literal token (escapes decoded)."""
    body = re.sub(r'^(?:u8|u|U|L)?', "", literal)
    if body.startswith('R"'):
        return body[body.index("(") + 1: body.rindex(")")]
    body = body[1:-1]
    try:
        return codecs.decode(body.encode("latin-1", "backslashreplace"), "unicode_escape")
    except (UnicodeDecodeError, ValueError):
        return body


# --------------------------------------------------------------------------------------------
# 2. Attributes and pragmas that switch instrumentation off or run code outside the function
# --------------------------------------------------------------------------------------------

_SANITIZER_OFF = {"no_sanitize", "no_sanitize_thread", "no_sanitize_address", "no_sanitize_undefined",
                  "no_sanitize_coverage", "no_address_safety_analysis", "disable_sanitizer_instrumentation",
                  "no_instrument_function", "no_profile_instrument_function"}
_ATTRIBUTE_WHY = {
    **dict.fromkeys(_SANITIZER_OFF, "switches the race detector's instrumentation off"),
    "optimize": "changes a function's compile options (and with them its instrumentation)",
    **dict.fromkeys(("constructor", "destructor", "ifunc"), "runs code outside the function the harness calls"),
    "section": "places code or data in a chosen section (the init arrays run code before main)",
    **dict.fromkeys(("weak", "weakref", "alias", "symver"), "binds symbols behind the linker's back "
                    "(a weak reference tests whether the detector is loaded)"),
}
_PRAGMA_WHY = [
    (re.compile(r"GCC (?:optimize|push_options|pop_options|reset_options)\b"),
     "changes compile options for the code after it (and with them its instrumentation)"),
    (re.compile(r"clang (?:attribute|optimize)\b"), "applies attributes or options to the code after it"),
    (re.compile(r"(?:weak|redefine_extname)\b"), "binds or renames symbols behind the linker's back"),
]


def _norm(name: str) -> str:
    return name[2:-2] if name.startswith("__") and name.endswith("__") and len(name) > 4 else name


def _attribute_names(tokens: list[Token]) -> list[Token]:
    """The attribute names of every `__attribute__((...))` and `[[...]]` in the tokens."""
    names: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.text in ("__attribute__", "__attribute") and i + 2 < len(tokens) and tokens[i + 1].text == "(":
            depth, j, expect_name = 0, i + 1, False
            while j < len(tokens):
                x = tokens[j].text
                if x == "(":
                    depth += 1
                    expect_name = depth == 2
                elif x == ")":
                    depth -= 1
                    if depth == 0:
                        break
                elif depth == 2 and x == ",":
                    expect_name = True
                elif expect_name and tokens[j].kind == "id":
                    names.append(tokens[j])
                    expect_name = False
                j += 1
            i = j
        elif t.text == "[" and i + 1 < len(tokens) and tokens[i + 1].text == "[":
            depth, j, last = 0, i + 2, None
            if j + 2 < len(tokens) and tokens[j].text == "using":  # [[using gnu: optimize(...)]]
                j += 3
            while j < len(tokens) and not (depth == 0 and tokens[j].text == "]"):
                x = tokens[j].text
                if x in "([{":
                    depth += 1
                elif x in ")]}":
                    depth -= 1
                elif depth == 0 and tokens[j].kind == "id":
                    last = tokens[j]
                if depth == 0 and x in (",", "(") and last is not None:
                    names.append(last)
                    last = None
                j += 1
            if last is not None:
                names.append(last)
            i = j
        i += 1
    return names


def sanitizer_attributes(preprocessed: str) -> list[Problem]:
    """Attributes and pragmas in the candidate's own preprocessed tokens that switch
    instrumentation off, change per-function options, or run or bind code outside the function;
    and `#line` directives that would make the candidate's code look like a system header's."""
    scan = candidate_tokens(preprocessed)
    problems = [Problem("line_directive", f"{_at(line)}a `#line` directive renames the file; a candidate must not "
                        f"disguise its code as another file's, so remove it", line) for line in scan.renames[:1]]
    reported: set[tuple[str, int]] = set()

    def add(kind: str, word: str, why: str, line: int) -> None:
        if (word, line) not in reported:
            reported.add((word, line))
            problems.append(Problem(kind, f"{_at(line)}`{word}` {why}; a candidate may not use it, so remove it", line))

    for tok in _attribute_names(scan.tokens):
        if (why := _ATTRIBUTE_WHY.get(_norm(tok.text))) is not None:
            add("sanitizer_attribute", tok.text, why, tok.line)
    for tok in scan.tokens:
        words = _IDENT.findall(tok.text) if tok.kind == "pragma" else [tok.text] if tok.kind == "id" else []
        for word in words:  # the sanitizer words have no other use, in any position (`#pragma clang attribute`)
            if _norm(word) in _SANITIZER_OFF or _norm(word).startswith("no_sanitize"):
                add("sanitizer_attribute", word, _ATTRIBUTE_WHY["no_sanitize"], tok.line)
        if tok.kind == "pragma":
            for pattern, why in _PRAGMA_WHY:
                if pattern.match(tok.text):
                    add("pragma", f"#pragma {tok.text}", why, tok.line)
    return sorted(problems, key=lambda p: p.line or 0)


# --------------------------------------------------------------------------------------------
# 3. Code that differs between the race build and the timing build
# --------------------------------------------------------------------------------------------

class PreprocessError(Exception):
    """The compiler could not preprocess the candidate with these flags."""


def preprocess(source: str, compile_args: list[str] | tuple[str, ...], cxx: str, workdir: Path) -> str:
    """gcc -E of the candidate, written as `candidate.cpp` in a private directory of workdir."""
    text, error = _preprocess(source, tuple(compile_args), cxx, workdir)
    if error:
        raise PreprocessError(error)
    return text


def _preprocess(source: str, args: tuple[str, ...], cxx: str, workdir: Path, defines: bool = False) -> tuple[str, str]:
    # A directory per variant: the variants are preprocessed concurrently (macro_dependent).
    where = workdir / ("integrity-pp-" + hashlib.sha256(json.dumps([args, defines]).encode()).hexdigest()[:12])
    where.mkdir(parents=True, exist_ok=True)
    path = where / CANDIDATE_NAME
    if not path.exists() or path.read_text() != source:
        path.write_text(source)
    # A fixed epoch, so __DATE__/__TIME__ read the same in every variant. The source is untrusted
    # (`#include "/dev/zero"`): the preprocessor runs in the sandbox, like every compile.
    from ..toolchain import sandbox
    from ..toolchain.build import BUILD_LIMITS

    env = {"PATH": sandbox.BASE_PATH, "SOURCE_DATE_EPOCH": "0", "LC_ALL": "C"}
    out = where / "out.ii"
    out.unlink(missing_ok=True)
    cmd = [cxx, "-E", "-x", "c++", *args, *(["-dM"] if defines else []), CANDIDATE_NAME, "-o", out.name]
    outcome = sandbox.run(cmd, BUILD_LIMITS, where, env=env)
    if not outcome.ok or not out.exists():
        first = next((l for l in outcome.stderr.splitlines() if "error" in l), outcome.stderr.strip()[:300])
        return "", first or f"{cxx} -E failed ({outcome.describe()})"
    return out.read_text(errors="replace"), ""


def _without_sanitizer(args: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(a for a in args if not a.startswith("-fsanitize"))


def macro_dependent(source: str, compile_args: list[str], cxx: str, workdir: Path,
                    race_args: list[str] | None = None) -> list[Problem]:
    """Refuses a candidate whose own tokens differ between the race build and the same build
    without the sanitizer, or between the race build and the optimised (timing) build.

    `compile_args` are the model's flags of the timing build (e.g. ["-fopenmp"], include dirs);
    `race_args` the race recipe's full compile flags where they add more than `TSAN` (ParlayLib's
    race build defines PARLAY_ELASTIC_PARALLELISM, which a candidate could test for)."""
    race = tuple(race_args) if race_args is not None else (*TSAN, *compile_args)
    variants = {
        "race": race,
        "plain": _without_sanitizer(race),
        "timing": (*OPT, *compile_args),
    }
    with ThreadPoolExecutor(max_workers=len(variants)) as pool:  # one preprocessor each, side by side
        futures = {k: pool.submit(_preprocess, source, v, cxx, workdir) for k, v in variants.items()}
        streams = {k: f.result() for k, f in futures.items()}
    problems = []
    for other, label in (("plain", "the same build without -fsanitize=thread"), ("timing", "the optimised -O3 build")):
        (a, a_err), (b, b_err) = streams["race"], streams[other]
        if a_err and b_err:
            continue  # it does not preprocess at all: the build stage reports that
        if a_err or b_err:
            line = _error_line(a_err or b_err)
            which = "race build" if a_err else label
            problems.append(Problem("macro_dependent", f"{_at(line)}the candidate preprocesses in one build but fails in "
                                    f"the {which} ({(a_err or b_err).strip()}); a candidate must compile to the same code "
                                    f"in every build, so remove the conditional", line))
            continue
        lines = _differing_lines(candidate_tokens(a).tokens, candidate_tokens(b).tokens)
        if not lines:
            continue
        line = lines[0]
        macros = _differing_macros(source, variants["race"], variants[other], cxx, workdir)
        cause = _cause(source, line, macros)
        more = f" (and {len(lines) - 1} more place{'s' * (len(lines) > 2)})" if len(lines) > 1 else ""
        problems.append(Problem("macro_dependent", f"{_at(line)}the candidate's code differs between the race build and "
                                f"{label}{more}{cause}; a candidate must compile to the same code in every build, "
                                f"so remove the conditional", line))
    return problems


def _error_line(message: str) -> int | None:
    m = re.search(rf"{re.escape(CANDIDATE_NAME)}:(\d+)", message)
    return int(m.group(1)) if m else None


def _differing_lines(a: list[Token], b: list[Token]) -> list[int]:
    """The first candidate line of each region where the two token streams differ."""
    matcher = difflib.SequenceMatcher(None, [t.text for t in a], [t.text for t in b], autojunk=False)
    lines = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 < len(a):
            lines.append(a[i1].line if i1 < i2 or j1 == j2 else min(a[i1].line, b[j1].line))
        elif j1 < len(b):
            lines.append(b[j1].line)
        elif a:
            lines.append(a[-1].line)
    return sorted(set(lines))


def _differing_macros(source: str, a: tuple[str, ...], b: tuple[str, ...], cxx: str, workdir: Path) -> list[str]:
    defs = []
    for args in (a, b):
        text, err = _preprocess(source, args, cxx, workdir, defines=True)
        defs.append(set(text.splitlines()) if not err else set())
    names = {m.group(1) for line in defs[0] ^ defs[1] if (m := re.match(r"#define (\w+)", line))}
    return sorted(names)


def _cause(source: str, line: int, macros: list[str]) -> str:
    """', which depends on `X` (tested at candidate.cpp:N)', as far as the raw source shows it."""
    named = [m for m in macros if re.search(rf"\b{re.escape(m)}\b", source)]
    open_conditionals: list[int] = []  # the innermost #if/#elif/#else around `line`
    for n, text in enumerate(strip_comments_and_strings(source).splitlines()[: max(line - 1, 0)], start=1):
        if m := re.match(r"\s*(?:#|%:)\s*(if|ifdef|ifndef|elif\w*|else|endif)\b", text):
            if m.group(1).startswith("if"):
                open_conditionals.append(n)
            elif m.group(1) == "endif":
                open_conditionals = open_conditionals[:-1]
            elif open_conditionals:
                open_conditionals[-1] = n
    conditional = open_conditionals[-1] if open_conditionals else None
    where = f" (tested at {CANDIDATE_NAME}:{conditional})" if conditional else ""
    if named:
        return f", which depends on {', '.join(f'`{m}`' for m in named[:3])}{where}"
    if macros:
        return f", which depends on a macro that differs between them ({', '.join(macros[:3])}){where}"
    return f" (see the conditional at {CANDIDATE_NAME}:{conditional})" if conditional else ""


# --------------------------------------------------------------------------------------------
# 4. Included files and assembler inclusion
# --------------------------------------------------------------------------------------------

DEFAULT_ALLOWED_ROOTS = (Path("/usr/include"), Path("/usr/lib/gcc"), Path("/usr/local/include"))
# Inside the allowed roots, yet only useful for talking to the detector.
_DETECTOR_HEADERS = re.compile(r"(?:^|/)(?:sanitizer/[^/]+|omp-tools\.h|ompt[\w-]*\.h|archer[\w-]*\.h)$")


def default_allowed_roots(extra: list[Path] | tuple[Path, ...] = ()) -> list[Path]:
    """The system include roots plus `extra` (the public header dir, ParlayLib's include dir)."""
    llvm = [Path(p) for p in glob.glob("/usr/lib/llvm-*/lib/clang")]
    return [*DEFAULT_ALLOWED_ROOTS, *llvm, *extra]


def included_files(depfile_text: str) -> list[Path]:
    """Every file the compile read according to gcc's -MD/-MF output, except the main file
    (the first prerequisite); paths as gcc wrote them, in order, without repeats."""
    text = depfile_text.replace("\\\r\n", " ").replace("\\\n", " ")
    files: list[Path] = []
    first_rule = True
    for rule in text.splitlines():
        m = re.match(r"^(?:\\.|[^:\\])*:(?=\s|$)", rule)
        if not m:
            continue
        words = [w.replace("\\ ", " ").replace("\\#", "#").replace("$$", "$")
                 for w in re.findall(r"(?:\\.|[^\s\\])+", rule[m.end():])]
        if first_rule and words:
            words = words[1:]
            first_rule = False
        for w in words:
            if Path(w) not in files:
                files.append(Path(w))
    return files


def forbidden_includes(included: list[Path], allowed_roots: list[Path]) -> list[Problem]:
    """Files read from outside the allowed roots (symlinks and `..` resolved; a relative path
    is the candidate's own and so refused), and detector headers inside them."""
    roots = [Path(os.path.realpath(r)) for r in allowed_roots]
    problems = []
    for path in included:
        real = Path(os.path.realpath(path)) if path.is_absolute() else None
        if real is None or not any(real == r or r in real.parents for r in roots):
            problems.append(Problem("forbidden_include", f"the candidate includes `{path}`, which is outside the system "
                                    f"and public headers; a candidate may include only the standard library, its model's "
                                    f"library and the public task headers, so remove the #include"))
        elif _DETECTOR_HEADERS.search(str(real)):
            problems.append(Problem("detector_include", f"the candidate includes `{path}`, the race detector's or the "
                                    f"OpenMP tool interface's header; a candidate may not talk to the detector, so "
                                    f"remove the #include"))
    return problems


_ASM_WORDS = {"asm", "__asm__", "__asm"}
_ASM_QUALIFIERS = {"volatile", "__volatile__", "__volatile", "inline", "__inline__", "__inline", "goto"}
_ASM_WHY = [
    (re.compile(r"\.(?:incbin|include)\b", re.I), "includes a file through the assembler, bypassing the preprocessor"),
    (re.compile(r"\.(?:macro|irpc?|rept|altmacro|purgem|exitm)\b", re.I),
     "uses assembler macros, which can build any directive"),
    (re.compile(r"\.(?:push)?section\b[^;\n]*(?:init_array|fini_array|preinit_array|ctors|dtors|\.init\b|\.fini\b)", re.I),
     "places code in a section that runs before or after main"),
    (re.compile(r"\b(?:syscall|sysenter|int\s*\$?(?:0x80|128))\b", re.I), "makes a raw system call"),
]


# Memory that inline assembly touches is invisible to ThreadSanitizer, so only templates that
# touch none are allowed (spin-wait hints, fences, an empty optimisation barrier).
_ASM_ALLOWED = {"", "pause", "nop", "rep nop", "rep; nop", "mfence", "lfence", "sfence", "yield", "isb"}


def inline_asm(preprocessed: str) -> list[Problem]:
    """`asm` statements (and asm labels) of the candidate's own tokens that include files
    (`.incbin`, `.include`), use assembler macros, fill init arrays or make raw system calls, and
    any other than a spin-wait hint, a fence or an empty barrier (its memory accesses would be
    invisible to the race detector)."""
    tokens = candidate_tokens(preprocessed).tokens
    problems = []
    for i, tok in enumerate(tokens):
        if tok.text not in _ASM_WORDS:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text in _ASM_QUALIFIERS:
            j += 1
        if j >= len(tokens) or tokens[j].text != "(":
            continue
        depth, template, operands = 0, [], False
        for t in tokens[j:]:
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0:
                break
            if depth == 1 and t.text == ":":
                operands = True
            elif t.kind == "str" and not operands:
                template.append(_unquote(t.text))
        body = "".join(template)
        for pattern, why in _ASM_WHY:
            if m := pattern.search(body):
                problems.append(Problem("inline_asm", f"{_at(tok.line)}an `asm` statement {why} (`{m.group(0)}`); "
                                        f"a candidate may not do that, so remove it", tok.line))
                break
        else:
            instructions = [" ".join(x.split()).lower() for x in re.split(r"[\n;]", body)]
            if any(x not in _ASM_ALLOWED for x in instructions):
                shown = " ".join(body.split())[:60]
                problems.append(Problem("inline_asm", f"{_at(tok.line)}the `asm` `{shown}` runs instructions whose memory "
                                        f"accesses the race detector cannot see; use C++ (std::atomic, intrinsics) "
                                        f"instead", tok.line))
    return problems


def raw_syscalls(preprocessed: str) -> list[Problem]:
    """Calls of libc's `syscall()` in the candidate's own tokens (raw system calls bypass the
    detector's interceptors); the object check excuses libstdc++'s own futex calls instead."""
    return [Problem("raw_syscall", f"{_at(t.line)}`syscall` makes a raw system call, which bypasses the race detector's "
                    f"interceptors; use the standard library instead", t.line)
            for t in candidate_tokens(preprocessed).tokens if t.kind == "id" and t.text in ("syscall", "__syscall")][:1]


# --------------------------------------------------------------------------------------------
# 5. The declared model, witnessed in what was compiled
# --------------------------------------------------------------------------------------------

_MODEL_LABEL = {"openmp": "OpenMP", "threads": "std::thread", "tbb": "oneTBB", "parlay": "ParlayLib", "mpi": "MPI",
                "kokkos": "Kokkos"}
_PARLAY_SCHEDULER = ("parlay::fork_join_scheduler", "parlay::scheduler<", "parlay::JobImpl<", "parlay::WorkStealingJob")
_MODEL_FIX = {
    "openmp": "an OpenMP candidate must express its parallelism with `#pragma omp` constructs",
    "threads": "a threads candidate must start its own threads (std::thread, std::jthread, std::async or pthread_create)",
    "tbb": "a TBB candidate must do its work through oneTBB (tbb::parallel_for, tbb::parallel_reduce, ...)",
    "parlay": "a ParlayLib candidate must do its work through parlay:: primitives",
    "serial": "a serial candidate must not use any parallel runtime",
    "mpi": "an MPI candidate must share its work among the ranks through MPI calls",
    "kokkos": "a Kokkos candidate must do its work through Kokkos::parallel_for / parallel_reduce / parallel_scan "
              "on the default (OpenMP) execution space",
}
# A Kokkos dispatch compiled for the OpenMP space: its parallel region is a clone of the dispatch's
# execute(). Kokkos's own functors (a View's zero fill, deep_copy) do not count as the candidate's.
_KOKKOS_DISPATCH = re.compile(r"^Kokkos::Impl::Parallel(?:For|Reduce|Scan|ScanWithTotal)<(?!Kokkos::)"
                              r".*, Kokkos::OpenMP>::execute\(\) const \[clone \._omp_fn\.\d+\]$")
_OMP_OUTLINED = re.compile(r"\[clone \._omp_fn\.\d+\]$|\._omp_fn\.\d+$")


def _runtime_witness(sym: Symbol) -> tuple[str, bool] | None:
    """(runtime, is a parallel construct) for a symbol that shows a parallel runtime in use."""
    if not sym.defined:
        if sym.name.startswith(("GOMP_parallel", "GOMP_teams")):
            return "openmp", True
        if sym.name.startswith(("GOMP_", "omp_")):
            return "openmp", False
        if sym.name in ("pthread_create", "thrd_create") or sym.demangled.startswith("std::thread::_M_start_thread"):
            return "threads", True
        if sym.demangled.startswith(("tbb::", "oneapi::tbb::")):
            return "tbb", True
        if sym.name.startswith("MPI_"):
            return "mpi", True
    if any(p in sym.demangled for p in _PARLAY_SCHEDULER):
        return "parlay", True
    if _KOKKOS_DISPATCH.match(sym.demangled):
        return "kokkos", True
    return None


def _kokkos_owns_openmp(symbols: list[Symbol]) -> bool:
    """Whether every OpenMP parallel region in the object is one of Kokkos's dispatches (then the
    GOMP_* references are Kokkos's backend, not the candidate's own `#pragma omp`)."""
    return all(sym.demangled.startswith("Kokkos::") for sym in symbols if _OMP_OUTLINED.search(sym.demangled))


def compiled_model_use(obj: Path, model: str) -> list[Problem]:
    """Whether the object really uses the declared model's runtime, and only it.

    openmp: a GOMP_parallel*/GOMP_teams* call (a task or loop construct outside a parallel region
    runs on one thread); threads: pthread_create or std::thread::_M_start_thread (std::thread,
    std::jthread and std::async(launch::async) all go through it); tbb: a tbb:: runtime reference;
    parlay (header-only): an instantiated parlay scheduler. ParlayLib starts its workers with
    std::thread, so a parlay candidate's own std::thread use cannot be told apart and is allowed."""
    seen: dict[str, list[Symbol]] = {}
    constructs: set[str] = set()
    symbols = object_symbols(obj)
    for sym in symbols:
        if hit := _runtime_witness(sym):
            seen.setdefault(hit[0], []).append(sym)
            if hit[1]:
                constructs.add(hit[0])
    if "parlay" in seen:
        seen.pop("threads", None)  # ParlayLib's own workers
        constructs.discard("threads")
    if model == "kokkos" and _kokkos_owns_openmp(symbols):
        seen.pop("openmp", None)
    problems = []
    # A hybrid model ("mpi+omp") needs each of its runtimes; any other runtime is foreign.
    parts = {"omp": "openmp"}
    needed = [parts.get(p, p) for p in model.split("+")]
    missing = [m for m in needed if m not in constructs]
    if model != "serial" and len(needed) > 1 and missing:
        problems.append(Problem("model_not_compiled", f"declared {model} but no {_MODEL_LABEL.get(missing[0], missing[0])} "
                                                      f"parallel construct was compiled; {_MODEL_FIX.get(missing[0], '')}"))
    elif model != "serial" and len(needed) == 1 and model not in constructs:
        if model == "openmp":
            message = ("no OpenMP construct was compiled (no `#pragma omp parallel` region reached the compiler: "
                       "check for `#if 0`, comments or a missing -fopenmp); " + _MODEL_FIX["openmp"])
        elif model == "kokkos":
            message = ("no Kokkos parallel dispatch on the OpenMP execution space was compiled (a Serial space, "
                       "`#if 0` or only Kokkos's own View fills run on one thread); " + _MODEL_FIX["kokkos"])
        else:
            message = f"no {_MODEL_LABEL.get(model, model)} parallel construct was compiled; {_MODEL_FIX.get(model, '')}"
        problems.append(Problem("model_not_compiled", message))
    foreign = {k: v for k, v in seen.items() if k not in needed}
    if foreign:
        via = ", ".join(f"{_MODEL_LABEL[k]} (`{v[0].demangled.split('(')[0]}`)" for k, v in sorted(foreign.items()))
        problems.append(Problem("foreign_model", f"declared {model} but does its work through {via}; "
                                f"{_MODEL_FIX.get(model, 'use only the declared model')}"))
    return problems
