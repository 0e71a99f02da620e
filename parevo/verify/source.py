"""Reading candidate source the way the compiler does, enough for static checks: comments and
string literals blanked out (line structure kept, so offsets still map to candidate lines)."""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r'//[^\n]*|/\*.*?\*/|R"(?P<delim>[^(\s]*)\(.*?\)(?P=delim)"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
    re.S,
)
MAIN_DEFINITION = re.compile(r"\bint\s+main\s*\(")


def strip_comments_and_strings(source: str) -> str:
    def blank(m: re.Match[str]) -> str:
        text = m.group(0)
        if text.startswith(("//", "/*")):
            return re.sub(r"[^\n]", " ", text)
        return text[0] + re.sub(r"[^\n]", " ", text[1:-1]) + text[-1] if len(text) >= 2 else text

    return _TOKEN.sub(blank, source)


def defines_function(stripped: str, name: str) -> bool:
    """A definition, not just a call: the name followed by a parameter list and a body."""
    return re.search(rf"\b{re.escape(name)}\s*\([^;{{}}]*\)\s*(?:noexcept\s*)?\{{", stripped) is not None
