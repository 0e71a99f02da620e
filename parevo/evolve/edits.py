"""Applying an LLM's reply to a parent program: SEARCH/REPLACE edits or a full rewrite.

Only the code between `EVOLVE-BLOCK-START` and `EVOLVE-BLOCK-END` may change (a program without
markers is one block covering the whole file). An edit whose SEARCH text does not apply comes
back as feedback written for the LLM: which edit, the start of its SEARCH text, and the closest
match in the blocks with line numbers and similarity, so the next attempt can copy the lines
exactly. Bad LLM output never raises; every function returns values.
"""

from __future__ import annotations

import difflib
import math
import re
from typing import Iterable, Literal, NamedTuple

from parevo.verify.source import defines_function, strip_comments_and_strings

from ..llm.extract import defines_a_function, extract_code, strip_reasoning

START_MARKER = "EVOLVE-BLOCK-START"
END_MARKER = "EVOLVE-BLOCK-END"
NO_CODE = "reply without code"
SEARCH_PREVIEW_LINES = 4  # lines of an unmatched SEARCH text quoted back
CLOSEST_QUOTE_LINES = 12  # lines of the closest match quoted back
CLOSEST_MAX_PAIRS = 20_000  # line comparisons before the closest-match search samples windows
CLOSEST_FINALISTS = 8  # windows the closest-match search scores exactly


class Block(NamedTuple):
    """The editable body of one EVOLVE block: 1-based inclusive line numbers (`end < start` for
    an empty body) and its text. `marked` is False for the implicit whole-file block."""

    start: int
    end: int
    text: str
    marked: bool = True


class SearchReplace(NamedTuple):
    search: str
    replace: str


class EditResult(NamedTuple):
    code: str | None  # None when any edit failed: edits apply all together or not at all
    error: str  # feedback for the LLM, "" on success
    applied: int


class EditOutcome(NamedTuple):
    code: str | None
    kind: Literal["diff", "rewrite", "none"]
    error: str  # feedback for the LLM, "" on success
    edits_applied: int


# --- markers -------------------------------------------------------------------------------


def _marker_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(0-based line, "start"|"end"|"both") for each marker line."""
    found = []
    for i, line in enumerate(lines):
        s, e = START_MARKER in line, END_MARKER in line
        if s or e:
            found.append((i, "both" if s and e else "start" if s else "end"))
    return found


def validate_markers(code: str) -> str:
    """"" when the markers are well formed (or absent), else an error naming the lines."""
    open_at: int | None = None
    for i, kind in _marker_lines(code.splitlines()):
        line = i + 1
        if kind == "both":
            return f"line {line}: {START_MARKER} and {END_MARKER} on the same line; give each its own line"
        if kind == "start":
            if open_at is not None:
                return (
                    f"line {line}: {START_MARKER} inside the block opened at line {open_at} "
                    f"(blocks cannot nest; close it with {END_MARKER} first)"
                )
            open_at = line
        else:
            if open_at is None:
                return f"line {line}: {END_MARKER} without an {START_MARKER} before it"
            open_at = None
    if open_at is not None:
        return f"line {open_at}: {START_MARKER} is never closed (no {END_MARKER} after it)"
    return ""


def evolve_blocks(code: str) -> list[Block]:
    """The EVOLVE blocks of `code`, or one unmarked block covering the file when it has no
    markers. Raises ValueError on malformed markers: parents are validated when stored, so that
    is a programmer error (use `validate_markers` on untrusted text)."""
    problem = validate_markers(code)
    if problem:
        raise ValueError(f"malformed EVOLVE-BLOCK markers: {problem}")
    lines = code.splitlines()
    markers = _marker_lines(lines)
    if not markers:
        return [Block(1, len(lines), "\n".join(lines), marked=False)]
    blocks = []
    for (s, _), (e, _) in zip(markers[::2], markers[1::2]):
        blocks.append(Block(s + 2, e, "\n".join(lines[s + 1 : e])))
    return blocks


def ensure_markers(code: str) -> str:
    """`code` with valid markers: unchanged when it has them; otherwise (none, or malformed ones
    that are dropped) one block around everything after the leading `#include` lines."""
    if _marker_lines(code.splitlines()) and not validate_markers(code):
        return code
    lines = [ln for ln in code.splitlines() if START_MARKER not in ln and END_MARKER not in ln]
    head = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#") and re.match(r"#\s*include\b", stripped):
            head = i + 1
        elif stripped and not stripped.startswith(("//", "#")):
            break
    while lines and not lines[-1].strip():
        lines.pop()
    out = lines[:head] + [f"// {START_MARKER}"] + lines[head:] + [f"// {END_MARKER}"]
    return "\n".join(out) + "\n"


# --- parsing SEARCH/REPLACE ----------------------------------------------------------------

_SEARCH = re.compile(r"^\s*<{5,9}\s*SEARCH\b.*$")
_DIVIDER = re.compile(r"^\s*={5,9}\s*$")
_REPLACE = re.compile(r"^\s*>{5,9}\s*REPLACE\b.*$")
_FENCE_LINE = re.compile(r"^\s*(?:`{3,}|~{3,})[\w+#.-]*\s*$")


class _Parsed(NamedTuple):
    edits: list[SearchReplace]
    incomplete: str  # why the last block is unusable ("" when all are complete)


def _parse(reply: str) -> _Parsed:
    edits: list[SearchReplace] = []
    state, search, replace = "out", [], []
    opened_at = 0
    for n, line in enumerate(reply.splitlines(), 1):
        if state == "out":
            if _SEARCH.match(line):
                state, search, replace, opened_at = "search", [], [], n
        elif state == "search":
            if _DIVIDER.match(line):
                state = "replace"
            elif _SEARCH.match(line) or _REPLACE.match(line):
                return _Parsed(edits, f"edit {len(edits) + 1} has no ======= line between SEARCH and REPLACE")
            else:
                search.append(line)
        else:
            if _REPLACE.match(line):
                edits.append(SearchReplace(_unfence(search), _unfence(replace)))
                state = "out"
            elif _SEARCH.match(line):
                why = f"edit {len(edits) + 1} has no >>>>>>> REPLACE line before the next SEARCH"
                return _Parsed(edits, why)
            else:
                replace.append(line)
    if state != "out":
        missing = "=======" if state == "search" else ">>>>>>> REPLACE"
        return _Parsed(
            edits,
            f"edit {len(edits) + 1} (SEARCH at reply line {opened_at}) is cut off: no {missing} line "
            "(was the reply too long? send fewer or shorter edits)",
        )
    return _Parsed(edits, "")


def _unfence(lines: list[str]) -> str:
    """Drop blank lines and code fences that wrap a SEARCH or REPLACE section."""
    lines = list(lines)
    while lines and (not lines[0].strip() or _FENCE_LINE.match(lines[0])):
        lines.pop(0)
    while lines and (not lines[-1].strip() or _FENCE_LINE.match(lines[-1])):
        lines.pop()
    return "\n".join(lines)


def parse_diff(reply: str) -> list[SearchReplace]:
    """The complete SEARCH/REPLACE blocks of `reply`, in order (fenced or not; 5 to 9 `<`, `=`
    and `>`). Reasoning sections are ignored; an unfinished last block is left out."""
    return _parse(strip_reasoning(reply)).edits


def has_diff(reply: str) -> bool:
    """Whether `reply` holds at least the start of a SEARCH/REPLACE block."""
    return any(_SEARCH.match(line) for line in strip_reasoning(reply).splitlines())


# --- applying edits ------------------------------------------------------------------------


class _Line(NamedTuple):
    text: str
    origin: int | None  # 1-based line in the parent; None for a line an edit wrote


def _editable(lines: list[_Line]) -> list[bool]:
    texts = [ln.text for ln in lines]
    markers = _marker_lines(texts)
    if not markers:
        return [True] * len(lines)
    inside = [False] * len(lines)
    for (s, _), (e, _) in zip(markers[::2], markers[1::2]):
        for i in range(s + 1, e):
            inside[i] = True
    return inside


def _exact(line: str) -> str:
    return line


def _norm(line: str) -> str:
    return line.strip()


def _find(texts: list[str], search: list[str], key) -> list[int]:
    want = [key(s) for s in search]
    have = [key(t) for t in texts]
    n = len(want)
    return [i for i in range(len(have) - n + 1) if have[i : i + n] == want]


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _reindent(replace: list[str], search: list[str], window: list[str]) -> list[str]:
    """Shift the replacement by the indentation difference between the SEARCH text and the
    lines it matched, so a whitespace-tolerant match keeps the file's indentation."""
    pair = next(((s, w) for s, w in zip(search, window) if s.strip()), None)
    if pair is None:
        return replace
    have, want = _indent(pair[0]), _indent(pair[1])
    if have == want:
        return replace
    out = []
    for line in replace:
        if not line.strip():
            out.append(line)
        elif line.startswith(have):
            out.append(want + line[len(have):])
        else:
            out.append(line)
    return out


def _splice(
    lines: list[_Line], at: int, search: list[str], replace: list[str], editable: list[bool], key
) -> list[_Line] | str:
    """The new lines when SEARCH (matched at `at`) becomes REPLACE; else why not: "outside"
    when that would change a line outside the blocks, "marker" when it would write a marker.
    Unchanged lines keep the file's own text."""
    window = lines[at : at + len(search)]
    matcher = difflib.SequenceMatcher(
        None, [key(ln.text) for ln in window], [key(r) for r in replace], autojunk=False
    )
    new: list[_Line] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            new.extend(window[i1:i2])
            continue
        touched = range(at + i1, at + i2) if i2 > i1 else ()
        if any(not editable[k] for k in touched):
            return "outside"
        if i1 == i2 and not _insertable(lines, editable, at + i1):
            return "outside"
        if any(START_MARKER in r or END_MARKER in r for r in replace[j1:j2]):
            return "marker"
        new.extend(_Line(r, None) for r in replace[j1:j2])
    return lines[:at] + new + lines[at + len(search) :]


def _insertable(lines: list[_Line], editable: list[bool], pos: int) -> bool:
    """Inserting before line `pos` stays inside a block: a neighbour is editable, or the
    insertion sits between a START marker and its END (an empty block)."""
    if (pos < len(editable) and editable[pos]) or (pos > 0 and editable[pos - 1]):
        return True
    return 0 < pos < len(lines) and START_MARKER in lines[pos - 1].text and END_MARKER in lines[pos].text


def _span(lines: list[_Line], a: int, b: int) -> str:
    """Lines a..b (0-based, inclusive) named the way the LLM can find them: parent line
    numbers when both ends came from the parent."""
    oa, ob = lines[a].origin, lines[b].origin
    if oa is not None and ob is not None:
        return f"line {oa}" if a == b else f"lines {oa}-{ob}"
    return (f"line {a + 1}" if a == b else f"lines {a + 1}-{b + 1}") + " (after the earlier edits)"


def _quote(texts: Iterable[str], limit: int) -> str:
    texts = list(texts)
    shown = [f"    {t}" for t in texts[:limit]]
    if len(texts) > limit:
        shown.append(f"    ... ({len(texts) - limit} more lines)")
    return "\n".join(shown)


def _closest(lines: list[_Line], editable: list[bool], search: list[str]) -> tuple[int, int, float] | None:
    """(start, end, similarity) of the window of editable lines most like `search`.

    Windows are as long as the SEARCH text and scored line by line: the difflib ratio of each
    stripped SEARCH line with the window line beside it, averaged (character-level ratios over
    whole windows were both slow and erratic on long code). The cheap upper bound
    `quick_ratio` ranks the windows; the few best are scored exactly. Large programs with long
    SEARCH texts score a sample of windows, those where a distinctive line matches exactly, and
    then the neighbourhood of the best few.
    """
    want = [_norm(s) for s in search]
    texts = [_norm(ln.text) for ln in lines]
    starts = [
        (s, min(len(want), b - a + 1))
        for a, b in _runs(editable)
        for s in range(a, b - min(len(want), b - a + 1) + 2)
    ]
    if not starts:
        return None
    matchers = []
    for w in want:
        m = difflib.SequenceMatcher(None, autojunk=False)
        m.set_seq2(w)  # difflib caches what it learns about seq2
        matchers.append(m)

    def score(k: int, exact: bool) -> float:
        s, size = starts[k]
        total = 0.0
        for m, w, t in zip(matchers, want, texts[s : s + size]):
            if w == t:
                total += 1.0
            elif w and t:
                m.set_seq1(t)
                total += m.ratio() if exact else m.quick_ratio()
        return total / len(want)

    stride = max(1, -(-len(starts) * len(want) // CLOSEST_MAX_PAIRS))
    picked = set(range(0, len(starts), stride))
    if stride > 1:
        index = {s: k for k, (s, _) in enumerate(starts)}
        where: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            if len(t) >= 8:
                where.setdefault(t, []).append(i)
        for j, w in enumerate(want):
            for i in where.get(w, [])[:4]:
                if i - j in index:
                    picked.add(index[i - j])
    rough = {k: score(k, exact=False) for k in picked}
    for k in sorted(rough, key=rough.__getitem__, reverse=True)[:3] if stride > 1 else ():
        step = stride
        while step > 1:
            step = max(1, step // 4)
            for near in range(max(k - 4 * step, 0), min(k + 4 * step + 1, len(starts)), step):
                if near not in rough:
                    rough[near] = score(near, exact=False)
            k = max((n for n in rough if abs(n - k) <= 4 * step), key=rough.__getitem__)
    finalists = sorted(rough, key=lambda k: (-rough[k], k))[:CLOSEST_FINALISTS]
    exact = {k: score(k, exact=True) for k in finalists}
    best = max(exact, key=lambda k: (exact[k], -k))
    s, size = starts[best]
    return s, s + size - 1, exact[best]


def _no_match(number: int, total: int, search: list[str], lines: list[_Line], editable: list[bool]) -> str:
    where = "the EVOLVE-BLOCK" if not all(editable) else "the program"
    msg = [
        f"edit {number} of {total}: its SEARCH text was not found in {where}.",
        "SEARCH begins:",
        _quote(search, SEARCH_PREVIEW_LINES),
    ]
    best = _closest(lines, editable, search)
    if best is not None and best[2] > 0:
        a, b, ratio = best
        msg += [
            f"Closest match, {_span(lines, a, b)} ({math.floor(ratio * 100)}% similar):",
            _quote((ln.text for ln in lines[a : b + 1]), CLOSEST_QUOTE_LINES),
        ]
    msg.append("Copy the SEARCH lines exactly from the current program, including comments.")
    return "\n".join(msg)


def _apply_one(
    lines: list[_Line], edit: SearchReplace, number: int, total: int
) -> tuple[list[_Line] | None, str]:
    search = edit.search.splitlines()
    replace = edit.replace.splitlines()
    if not any(s.strip() for s in search):
        return None, (
            f"edit {number} of {total}: its SEARCH section is empty; quote the existing lines to "
            "replace (to add code, SEARCH for the lines next to where it goes and repeat them in REPLACE)."
        )
    editable = _editable(lines)
    texts = [ln.text for ln in lines]
    refused: list[tuple[int, str]] = []
    for key in (_exact, _norm):
        matches = _find(texts, search, key)
        results = []
        for at in matches:
            shifted = _reindent(replace, search, texts[at : at + len(search)])
            new = _splice(lines, at, search, shifted, editable, key)
            if isinstance(new, str):
                refused.append((at, new))
            else:
                results.append((at, new))
        if len(results) == 1:
            return results[0][1], ""
        if len(results) > 1:
            spans = ", ".join(_span(lines, at, at + len(search) - 1) for at, _ in results[:6])
            spans += ", ..." if len(results) > 6 else ""
            return None, (
                f"edit {number} of {total}: its SEARCH text matches {len(results)} places ({spans}); "
                "it must match exactly once. Add surrounding lines to SEARCH to make it unique."
            )
    if any(why == "marker" for _, why in refused):
        return None, (
            f"edit {number} of {total}: its REPLACE text adds an EVOLVE-BLOCK marker line; the "
            "markers must stay as they are (keep them out of REPLACE unless SEARCH has them too)."
        )
    if refused:
        at = refused[0][0]
        blocks = ", ".join(_span(lines, a, b) for a, b in _runs(editable)) or "none"
        return None, (
            f"edit {number} of {total}: its SEARCH text matches {_span(lines, at, at + len(search) - 1)}, "
            f"but the edit would change code outside the EVOLVE-BLOCK (editable: {blocks}). "
            "Only the code between the EVOLVE-BLOCK-START and EVOLVE-BLOCK-END lines may change."
        )
    return None, _no_match(number, total, search, lines, editable)


def _runs(editable: list[bool]) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(editable):
        if editable[i]:
            j = i
            while j + 1 < len(editable) and editable[j + 1]:
                j += 1
            runs.append((i, j))
            i = j + 1
        else:
            i += 1
    return runs


def apply_edits(parent: str, edits: list[SearchReplace]) -> EditResult:
    """Apply `edits` in order to `parent`, all or nothing. Each SEARCH must match exactly once
    (exactly, else ignoring indentation and trailing whitespace) and change only lines inside
    the EVOLVE blocks. Every failing edit is reported, not just the first. Raises ValueError
    when `parent` itself has malformed markers (a programmer error)."""
    problem = validate_markers(parent)
    if problem:
        raise ValueError(f"parent has malformed EVOLVE-BLOCK markers: {problem}")
    lines = [_Line(t, i + 1) for i, t in enumerate(parent.splitlines())]
    errors: list[str] = []
    applied = 0
    for number, edit in enumerate(edits, 1):
        new, error = _apply_one(lines, edit, number, len(edits))
        if new is None:
            errors.append(error)
            continue
        lines = new
        applied += 1
    if errors:
        return EditResult(None, "\n\n".join(errors), 0)
    code = "\n".join(ln.text for ln in lines) + ("\n" if parent.endswith("\n") else "")
    problem = validate_markers(code)
    if problem:  # _splice never writes or changes a marker line; this guards that promise
        return EditResult(None, f"the edits would break the EVOLVE-BLOCK markers: {problem}", 0)
    return EditResult(code, "", applied)


# --- whole replies -------------------------------------------------------------------------


def _no_code(mode: str, function: str | None) -> str:
    program = f"complete program defining `{function}`" if function else "complete program"
    if mode == "diff":
        return (
            f"{NO_CODE}: found no SEARCH/REPLACE blocks and no {program}. Reply with SEARCH/REPLACE "
            "blocks (<<<<<<< SEARCH, the exact current lines, =======, the new lines, >>>>>>> REPLACE) "
            "or with the whole program in one ```cpp block."
        )
    return f"{NO_CODE}: found no C++ code. Reply with the whole program in one ```cpp block."


def apply_reply(
    parent: str, reply: str, *, mode: Literal["diff", "rewrite"] = "diff", function: str | None = None,
    language: str = "cxx",
) -> EditOutcome:
    """Turn an LLM reply into the child program.

    diff mode: SEARCH/REPLACE blocks are applied to `parent`; a reply without them that holds a
    full program (one defining `function`) is taken as a rewrite. rewrite mode: the reply's
    program, whose markers are re-added when it dropped them; SEARCH/REPLACE blocks sent
    instead are applied as a diff. Failures come back as `error`, never raised.
    """
    if mode not in ("diff", "rewrite"):
        raise ValueError(f"mode must be 'diff' or 'rewrite', not {mode!r}")
    text = strip_reasoning(reply)
    if has_diff(text):
        parsed = _parse(text)
        if parsed.incomplete:
            return EditOutcome(None, "diff", parsed.incomplete, 0)
        result = apply_edits(parent, parsed.edits)
        return EditOutcome(result.code, "diff", result.error, result.applied)
    extracted = extract_code(text, function=function, language=language)
    if extracted is None:
        return EditOutcome(None, "none", _no_code(mode, function), 0)
    if language == "rust":
        full = function is None or re.search(rf"\bfn\s+{re.escape(function)}\b", extracted.code) is not None
    elif function is not None:
        full = defines_function(strip_comments_and_strings(extracted.code), function)
    else:
        full = defines_a_function(extracted.code)
    if mode == "diff" and not full:
        return EditOutcome(None, "none", _no_code(mode, function), 0)
    return EditOutcome(ensure_markers(extracted.code), "rewrite", "", 0)
