"""Finding the C++ program in an LLM reply.

Replies come in every shape: prose around one fenced block, several blocks (includes in one,
the function in another, or a draft followed by the final version), a final fence cut off when
the model ran out of tokens, no fences at all, and reasoning sections (`<think>...</think>`)
that hold drafts we must not mistake for the answer. `extract_code` returns the code and how it
was found, or None when the reply holds no code; the caller scores that as "reply without
code" rather than raising.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from parevo.verify.source import defines_function, strip_comments_and_strings


class ExtractedCode(NamedTuple):
    code: str
    how: Literal["fenced", "unfenced"]
    blocks_seen: int  # fenced blocks that held C++ (0 when the code was found unfenced)


class Fence(NamedTuple):
    lang: str  # the info string's first word, lower-cased ("" when none)
    text: str
    closed: bool


# Reasoning models wrap their drafts in these; some chat templates emit only the closing tag.
_REASONING = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.S | re.I)
_REASONING_OPEN = re.compile(r"<(think|thinking|reasoning)>", re.I)
_REASONING_CLOSE = re.compile(r"</(think|thinking|reasoning)>", re.I)

_FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_CXX_LANGS = {"", "cpp", "c++", "cc", "cxx", "c", "h", "hpp", "hxx", "cu", "cuda", "objective-c++"}
_OTHER_LANGS = {
    "bash", "sh", "shell", "console", "zsh", "text", "txt", "plaintext", "output", "log",
    "python", "py", "json", "yaml", "yml", "toml", "diff", "patch", "markdown", "md",
    "makefile", "make", "cmake", "ini", "xml", "html", "javascript", "js", "rust", "go", "java",
}

# Lines that can begin a C++ translation unit when the reply has no fences.
_START = re.compile(
    r"""^\s*(?:
        \#\s*(?:include|pragma|define|if|ifdef|ifndef)\b
      | template\s*<
      | namespace\s*(?:[A-Za-z_]\w*(?:::\w+)*)?\s*\{?\s*$
      | using\s+namespace\s+[\w:]+\s*;
      | using\s+[A-Za-z_]\w*\s*=.*;\s*$
      | using\s+[\w:]+::\w+\s*;\s*$
      | (?:struct|class|union|enum(?:\s+class)?)\s+[A-Za-z_]\w*\s*(?:final\s*)?(?::[^;]*)?\{?\s*$
      | (?:typedef|static_assert)\b.*;\s*$
    )""",
    re.X,
)
# A function signature: a type, a name, an open parenthesis; the line ends like code, not prose.
_SIGNATURE = re.compile(
    r"""^\s*(?:(?:static|inline|constexpr|extern|\[\[[^\]]*\]\])\s+)*
        [A-Za-z_][\w:<>,\s*&]*?[\s*&]+[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*\s*\(
        [^;.]*?(?:[{(,]|\)(?:\s*(?:const|noexcept|override))*(?:\s*->\s*[^{;]+)?\s*\{?)\s*(?://.*)?$""",
    re.X,
)
_EDIT_MARKER = re.compile(r"^\s*<{5,9}\s*SEARCH\b", re.M)
_COMMENT_LINE = re.compile(r"^\s*(?://|/\*|\*)")
_PARTS_FIRST_LINE = re.compile(
    r"^\s*(?:#|template\b|namespace\b|using\b|struct\b|class\b|union\b|enum\b|typedef\b|static\b|"
    r"inline\b|constexpr\b|extern\b|static_assert\b)"
)
_MAIN = re.compile(r"\bint\s+main\s*\(")
_DEFINED_NAME = re.compile(
    r"\b([A-Za-z_]\w*)\s*\([^;{}()]*(?:\([^;{}()]*\)[^;{}()]*)*\)\s*(?:const\s*)?(?:noexcept\s*)?\{"
)
_DEFINED_TYPE = re.compile(r"\b(?:struct|class|union|enum)\s+([A-Za-z_]\w*)\s*(?:final\s*)?(?::[^;{]*)?\{")
_DECLARES = re.compile(r"^\s*(?:#\s*include|using|typedef|namespace|template|extern)\b|;\s*$", re.M)
_NOT_NAMES = {"if", "for", "while", "switch", "catch", "return", "sizeof", "decltype", "alignof", "defined"}


def strip_reasoning(reply: str) -> str:
    """The reply without reasoning sections. An unclosed `<think>` means the model never got
    past its reasoning, so everything after it goes; a lone `</think>` (the template opened the
    section) drops everything before it."""
    text = _REASONING.sub("", reply)
    close = None
    for close in _REASONING_CLOSE.finditer(text):
        pass
    if close is not None:
        text = text[close.end():]
    opened = _REASONING_OPEN.search(text)
    if opened is not None:
        text = text[: opened.start()]
    return text


def fenced_blocks(text: str) -> list[Fence]:
    """Markdown fenced blocks (``` or ~~~, CommonMark closing rules), in order. A fence that is
    never closed runs to the end of the text."""
    lines = text.splitlines()
    blocks: list[Fence] = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if m is None:
            i += 1
            continue
        fence, indent = m.group("fence"), len(m.group("indent"))
        info = m.group("info").strip()
        lang = info.split()[0].lower().lstrip(".{") if info else ""
        closer = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        body: list[str] = []
        i += 1
        closed = False
        while i < len(lines):
            if closer.match(lines[i]):
                closed = True
                i += 1
                break
            line = lines[i]
            # Content of an indented fence (a list item) loses up to that much indentation.
            body.append(line[min(indent, len(line) - len(line.lstrip(" "))):])
            i += 1
        blocks.append(Fence(lang, "\n".join(body), closed))
    return blocks


def _looks_like_cxx(text: str) -> bool:
    return bool(re.search(r"[{}]|^\s*#\s*\w+|;\s*$", text, re.M))


def _is_cxx_block(block: Fence) -> bool:
    if not block.text.strip() or _EDIT_MARKER.search(block.text):
        return False  # SEARCH/REPLACE edits are not a program (edits.py applies them)
    if block.lang in _OTHER_LANGS:
        return False
    if block.lang in _CXX_LANGS or block.lang.startswith(("cpp", "c++")):
        return _looks_like_cxx(block.text)
    return _looks_like_cxx(block.text) and bool(_START.search(block.text) or _SIGNATURE.search(block.text))


def _defined_functions(stripped: str) -> set[str]:
    return {m.group(1) for m in _DEFINED_NAME.finditer(stripped)} - _NOT_NAMES


def _defined_names(stripped: str) -> set[str]:
    return _defined_functions(stripped) | {m.group(1) for m in _DEFINED_TYPE.finditer(stripped)}


def defines_a_function(code: str) -> bool:
    """Whether `code` defines some function (a name, a parameter list, a body), as a whole
    program does and a snippet of statements does not."""
    return bool(_defined_functions(strip_comments_and_strings(code)))


def _balanced(stripped: str) -> bool:
    depth = 0
    for ch in stripped:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _parts_of_one_file(texts: list[str]) -> bool:
    """Blocks that concatenate into one translation unit: each holds only top-level code (it
    starts with a directive, a declaration or a signature and its braces balance), none is a
    `main`, and no name is defined twice (a draft and its revision would redefine it)."""
    seen: set[str] = set()
    for text in texts:
        stripped = strip_comments_and_strings(text)
        first = next((ln for ln in stripped.splitlines() if ln.strip()), "")
        if not (_PARTS_FIRST_LINE.match(first) or _SIGNATURE.match(first)):
            return False
        if not _balanced(stripped) or _MAIN.search(stripped):
            return False
        names = _defined_names(stripped)
        if not names and not _DECLARES.search(stripped):
            return False  # a lone pragma or statement quoted in the explanation
        if names & seen:
            return False
        seen |= names
    return True


def _defines(text: str, function: str) -> bool:
    return defines_function(strip_comments_and_strings(text), function)


def _choose(texts: list[str], function: str | None) -> str:
    if len(texts) == 1:
        return texts[0]
    if _parts_of_one_file(texts) and (
        function is None or sum(_defines(t, function) for t in texts) <= 1
    ):
        return "\n\n".join(texts)
    if function is not None:
        defining = [t for t in texts if _defines(t, function)]
        if defining:
            # Several versions of the function: replies put the final one last ("here is the
            # improved version"), after the original they quote.
            return defining[-1]
    return max(texts, key=len)


def _unfenced(text: str) -> str | None:
    """From the first line that can start C++ to the last closing brace at depth 0, with the
    comment lines right above the start and right below the end (EVOLVE-BLOCK markers live
    there)."""
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines):
        if _START.match(line):
            start = i
            break
        if _SIGNATURE.match(line) and _opens_body(lines, i):
            start = i
            break
    if start is None:
        return None
    while start > 0 and _COMMENT_LINE.match(lines[start - 1]):
        start -= 1
    stripped = strip_comments_and_strings("\n".join(lines[start:])).splitlines()
    depth, end, opened = 0, None, False
    for j, line in enumerate(stripped):
        for ch in line:
            if ch == "{":
                depth += 1
                opened = True
            elif ch == "}":
                depth = max(depth - 1, 0)
                if depth == 0:
                    end = start + j
    if not opened:
        return None
    if end is None:  # braces never closed: the reply was cut off; keep everything
        end = len(lines) - 1
    k = end + 1
    while k < len(lines) and (not lines[k].strip() or _COMMENT_LINE.match(lines[k])):
        if lines[k].strip():
            end = k
        k += 1
    return "\n".join(lines[start : end + 1])


def _opens_body(lines: list[str], i: int) -> bool:
    """A signature is a definition when a `{` follows within a few lines, before a `;`."""
    for line in lines[i : i + 4]:
        code = line.split("//", 1)[0]
        for ch in code:
            if ch == "{":
                return True
            if ch == ";":
                return False
        if code.rstrip().endswith("."):
            return False
    return False


_RUST_LANGS = {"rust", "rs"}


def _extract_rust(text: str, function: str | None) -> ExtractedCode | None:
    """A Rust (rayon) candidate: the fenced ```rust block (the last that defines `function`, else
    the longest). Unfenced Rust is not guessed at: the prompt asks for a fence."""
    blocks = [b.text.strip("\n") for b in fenced_blocks(text) if b.text.strip() and not _EDIT_MARKER.search(b.text)
              and (b.lang in _RUST_LANGS or (b.lang == "" and re.search(r"\bfn\s+\w", b.text)))]
    if not blocks:
        return None
    defining = [b for b in blocks if function and re.search(rf"\bfn\s+{re.escape(function)}\b", b)]
    code = defining[-1] if defining else max(blocks, key=len)
    return ExtractedCode(code.rstrip() + "\n", "fenced", len(blocks))


def extract_code(reply: str, *, function: str | None = None, language: str = "cxx") -> ExtractedCode | None:
    """The C++ program in `reply` (the Rust one, for language "rust"), or None when it holds no code.

    With several fenced C++ blocks: their concatenation when they look like parts of one file
    (and, given `function`, exactly one defines it); else the (last) block that defines
    `function`; else the longest block.
    """
    text = strip_reasoning(reply)
    if language == "rust":
        return _extract_rust(text, function)
    blocks = [b for b in fenced_blocks(text) if _is_cxx_block(b)]
    if blocks:
        code = _choose([b.text.strip("\n") for b in blocks], function)
        return ExtractedCode(code.rstrip() + "\n", "fenced", len(blocks))
    found = _unfenced(_without_fences(text))
    if found is None:
        return None
    return ExtractedCode(found.rstrip() + "\n", "unfenced", 0)


def _without_fences(text: str) -> str:
    """The text with its (non-C++) fenced blocks blanked, so a ```bash compile line or a
    ```text output listing is not read as code."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if m is None:
            out.append(lines[i])
            i += 1
            continue
        closer = re.compile(rf"^ {{0,3}}{re.escape(m.group('fence')[0])}{{{len(m.group('fence'))},}}\s*$")
        i += 1
        while i < len(lines) and not closer.match(lines[i]):
            i += 1
        i += 1
    return "\n".join(out)
