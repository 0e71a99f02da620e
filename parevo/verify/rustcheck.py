"""What a Rust (`rayon`) candidate may write, checked on its tokens before anything compiles it.

The race story of the rayon model rests on one fact: the candidate's module is compiled under
`#![forbid(unsafe_code)]`, and safe Rust cannot have a data race. So every way out of that must be
closed, and the candidate text is an attacker's: no `unsafe`, no `extern` (blocks or crates), no
inner attributes (`#![allow(...)]`, `#![feature]`), only harmless outer attributes (`#[no_mangle]`,
`#[export_name]`, `#[link_section]` and `#[path]` are out), no file modules (`mod x;` loads a file),
no compile-time reads of the build machine (`include!`, `include_str!`, `include_bytes!`, `env!`,
`option_env!`), no inline assembly, and no names of the standard library's doors to the outside
(`fs`, `net`, `process`, `env`, `os`, `ffi`, `arch`, `File`, `Command`, ...) anywhere, so a
`use std as s;` alias or a `use std::{fs}` list does not get round the check. Threads come from
Rayon only (`std::thread` is out), so the witness sees Rayon's pool at work.

The check works on identifiers, not on paths, because a path can be spelled many ways; a
candidate that names a variable `process` is told to rename it. The build is sandboxed as well,
with parevo's package and cache hidden from rustc, so a hole here is not the only defence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SOURCE_BYTES = 256 * 1024
# Identifiers refused wherever they appear: macros that read the build machine or emit assembly,
# and the standard library's modules and types that reach files, sockets, processes, the
# environment or foreign code.
DENIED = {
    "unsafe": "`unsafe` is not allowed: a rayon candidate is safe Rust (its module is compiled under "
              "#![forbid(unsafe_code)], which is what makes it race-free by construction)",
    "extern": "`extern` (foreign functions, ABIs, extern crates) is not allowed in a rayon candidate",
    **{m: f"`{m}!` is not allowed: a candidate may not read files or the environment of the build machine"
       for m in ("include", "include_str", "include_bytes", "env", "option_env")},
    **{m: f"`{m}` (inline assembly) is not allowed" for m in ("asm", "global_asm", "naked_asm", "llvm_asm")},
    "concat_idents": "`concat_idents!` is not allowed",
    **{m: f"`{m}` is not allowed: use Rayon's global pool, which parevo sizes to the thread count under test"
       for m in ("ThreadPoolBuilder", "ThreadPool", "spawn_broadcast", "broadcast")},
    **{m: f"`{m}` is not allowed: a rayon candidate computes on its input only (no files, sockets, processes, "
          f"environment or foreign code; rename a variable of that name)"
       for m in ("fs", "net", "process", "os", "ffi", "arch", "intrinsics", "File", "OpenOptions", "Command",
                 "TcpStream", "TcpListener", "UdpSocket", "Path", "PathBuf", "OsStr", "OsString", "Stdin", "stdin",
                 "Child", "exit", "abort")},
}
# Refused as a path segment (next to `::`) or in a `use` item: common words as variable names,
# doors to the outside as modules.
DENIED_SEGMENTS = {
    "thread": "`std::thread` is not allowed in a rayon candidate: use Rayon (par_iter, join, scope), whose pool "
              "parevo sizes to the thread count under test",
    "io": "`std::io` is not allowed in a rayon candidate (it computes on its input only)",
    "path": "`std::path` is not allowed in a rayon candidate (it computes on its input only)",
    "alloc": "`std::alloc` is not allowed in a rayon candidate",
}
ALLOWED_ATTRIBUTES = {"derive", "inline", "cold", "must_use", "allow", "warn", "deny", "repr", "doc", "track_caller"}
RAYON_USE = re.compile(r"\brayon\b|\bpar_\w+|\binto_par_iter\b|\bpar_iter\b")

_TOKEN = re.compile(r"r#[A-Za-z_]\w*|[A-Za-z_]\w*|::|#!?\s*\[|[{};!]|\S")


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"candidate.rs:{self.line}: {self.message}"


def strip(source: str) -> str:
    """The source with comments, string, byte and char literals blanked (newlines kept), so that
    text inside them is neither refused nor able to hide a token."""
    out: list[str] = []
    i, n = 0, len(source)

    def blank(upto: int) -> None:
        nonlocal i
        out.append("".join(c if c == "\n" else " " for c in source[i:upto]))
        i = upto

    while i < n:
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            blank(n if j < 0 else j)
        elif source.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if source.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif source.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(j)
        elif m := re.compile(r'b?r(#*)"').match(source, i):
            end = source.find('"' + m.group(1), m.end())
            blank(n if end < 0 else end + 1 + len(m.group(1)))
            out.append('""')
        elif c == '"' or source.startswith('b"', i):
            j = i + (2 if c == "b" else 1)
            while j < n and source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            blank(min(n, j + 1))
            out.append('""')
        elif m := re.compile(r"b?'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'").match(source, i):
            blank(m.end())
            out.append("' '")
        elif (c.isalnum() or c == "_") and i + 1 < n:
            m = re.compile(r"\w+").match(source, i)
            out.append(m.group(0))
            i = m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check(source: str, function: str) -> list[Problem]:
    """Every reason the candidate text is refused (empty when it may be compiled)."""
    if len(source.encode()) > MAX_SOURCE_BYTES:
        return [Problem(1, f"the candidate is {len(source.encode())} bytes; at most {MAX_SOURCE_BYTES} are accepted")]
    text = strip(source)
    problems: list[Problem] = []
    tokens = [(m.group(0), text.count("\n", 0, m.start()) + 1) for m in _TOKEN.finditer(text)]
    in_use = False
    for k, (tok, line) in enumerate(tokens):
        prev = tokens[k - 1][0] if k else ""
        nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
        name = tok[2:] if tok.startswith("r#") else tok
        if name == "use":
            in_use = True
        elif tok == ";":
            in_use = False
        if name in DENIED:
            problems.append(Problem(line, DENIED[name]))
        elif name in DENIED_SEGMENTS and (in_use or prev == "::" or nxt == "::"):
            problems.append(Problem(line, DENIED_SEGMENTS[name]))
        elif tok.startswith("#!"):
            problems.append(Problem(line, "inner attributes (`#![...]`) are not allowed: the candidate's crate "
                                          "attributes are parevo's (#![forbid(unsafe_code)] among them)"))
        elif tok.startswith("#") and nxt not in ALLOWED_ATTRIBUTES:
            problems.append(Problem(line, f"attribute `#[{nxt}]` is not allowed (allowed: "
                                          f"{', '.join(sorted(ALLOWED_ATTRIBUTES))})"))
        elif name == "mod" and k + 2 < len(tokens) and tokens[k + 2][0] == ";":
            problems.append(Problem(line, f"`mod {nxt};` loads another file: write modules inline (`mod {nxt} {{ ... }}`)"))
    if not re.search(rf"\bpub\s+fn\s+{re.escape(function)}\b", text):
        problems.append(Problem(1, f"the candidate must define `pub fn {function}` (see the signature); none was found"))
    elif not RAYON_USE.search(text):
        problems.append(Problem(1, "a rayon candidate must use Rayon (par_iter, into_par_iter, rayon::join, "
                                   "rayon::scope, par_sort...); this one never does, so it is serial"))
    seen: set[tuple[int, str]] = set()
    return [p for p in problems if (p.line, p.message) not in seen and not seen.add((p.line, p.message))]
