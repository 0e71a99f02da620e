"""Reading the generator's and the critic's replies.

The prompt asks for tagged sections (`<solution>` holding one ```cpp block, ...). Models drift:
a closing tag goes missing, the sections come as markdown headings instead, the code has no
fence, a reasoning block holds a draft. `parse_draft` accepts all of these and says what is
missing instead of raising; a reply without its required parts is a recorded "malformed"
rejection, never a crash.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pydantic import BaseModel

from ..llm.extract import extract_code, strip_reasoning
from ..verify.source import strip_comments_and_strings

SECTIONS = ("instruction", "solution", "test", "sequential", "benchmark")
REQUIRED = ("instruction", "solution", "test")
_CODE_SECTIONS = ("solution", "test", "sequential")
_TAG = re.compile(r"<\s*(instruction|solution|test|test_program|sequential|benchmark)\s*>", re.I)
# Markdown fallback: "## Solution", "**Test program:**", "### Sequential version"
_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*)\s*(instruction|solution|test(?:\s+program)?|sequential(?:\s+version)?|benchmark)"
    r"\b[^\n]*$", re.I | re.M)
_MAIN = re.compile(r"\bint\s+main\s*\(")
_BENCHMARK = re.compile(r"\bstruct\s+Benchmark\b")


class Draft(BaseModel):
    """One complete answer of the generator."""

    instruction: str
    solution: str
    test_program: str
    sequential: str | None = None  # the sequential version and the Benchmark struct, when given
    has_benchmark: bool = False


class ParsedDraft(NamedTuple):
    draft: Draft | None
    problem: str  # why there is no draft ("" when there is one)


class Critique(NamedTuple):
    score: float | None  # 0-10, None when the critic gave none we could read
    text: str


def _name(raw: str) -> str:
    word = raw.lower().split()[0]
    return "test" if word.startswith("test") else word


def split_sections(reply: str) -> dict[str, str]:
    """Section name -> raw text. Tags first; a missing closing tag ends at the next opening
    tag; a reply with no tags at all is read by its markdown headings."""
    text = strip_reasoning(reply)
    marks = list(_TAG.finditer(text)) or list(_HEADING.finditer(text))
    out: dict[str, str] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[m.end():end]
        name = _name(m.group(1))
        body = re.sub(rf"</\s*{m.group(1)}\s*>.*\Z", "", body, flags=re.S | re.I)
        body = re.sub(r"</\s*\w+\s*>\s*\Z", "", body.strip())
        if body.strip() and name not in out:  # the first of a repeated section wins
            out[name] = body.strip()
    return out


def _code(text: str) -> str | None:
    found = extract_code(text)
    return found.code.strip() if found else None


def parse_draft(reply: str) -> ParsedDraft:
    sections = split_sections(reply)
    code = {k: _code(sections[k]) for k in _CODE_SECTIONS if k in sections}
    if "benchmark" in sections and (bench := _code(sections["benchmark"])):
        code["sequential"] = f"{code.get('sequential') or ''}\n\n{bench}".strip()
    instruction = re.sub(r"^```\w*\n|```$", "", sections.get("instruction", "")).strip()
    missing = [k for k in REQUIRED if not (instruction if k == "instruction" else code.get(k))]
    if missing:
        seen = ", ".join(sections) or "no sections"
        return ParsedDraft(None, f"missing {', '.join(missing)} (the reply had: {seen})")
    solution, test = code["solution"], code["test"]
    if _MAIN.search(strip_comments_and_strings(solution)):
        return ParsedDraft(None, "the solution defines main(); only the test program may")
    if not _MAIN.search(strip_comments_and_strings(test)):
        return ParsedDraft(None, "the test program has no int main()")
    sequential = code.get("sequential")
    return ParsedDraft(Draft(instruction=instruction, solution=solution, test_program=test, sequential=sequential,
                             has_benchmark=bool(sequential and _BENCHMARK.search(sequential))), "")


_SCORE_TAG = re.compile(r"<\s*score\s*>\s*(\d+(?:\.\d+)?)", re.I)
_SCORE_LINE = re.compile(r"\bscore\b\W{0,4}(\d+(?:\.\d+)?)\s*(?:/\s*10|out of 10)?", re.I)
_CRITIQUE = re.compile(r"<\s*critique\s*>(.*?)(?:<\s*/\s*critique\s*>|\Z)", re.I | re.S)


def parse_critique(reply: str) -> Critique:
    """The score (clamped to 0-10) and the critique text; without a <critique> tag the whole
    reply (less the score) is the critique."""
    text = strip_reasoning(reply)
    m = _SCORE_TAG.search(text) or _SCORE_LINE.search(text)
    score = min(10.0, max(0.0, float(m.group(1)))) if m else None
    c = _CRITIQUE.search(text)
    body = c.group(1) if c else re.sub(r"<\s*/?\s*score\s*>", "", _SCORE_TAG.sub("", text))
    return Critique(score, body.strip())
