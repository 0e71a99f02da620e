"""Where parevo keeps things: its own C++ runtime and tasks (package data) and the cache."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CXX_DIR = PACKAGE_DIR / "verify" / "cxx"  # harness_main.cpp, entry.cpp, the runtime headers
# Two folders of headers, both included as "parevo/<name>.hpp": what a candidate may see (types,
# no RNG, no generator), and the harness's side (generators, validators, the wire format).
PUBLIC_INCLUDE = CXX_DIR / "public"
RUNTIME_INCLUDE = CXX_DIR / "parevo"
# The include path of everything trusted (harness, baselines, generators, tools); a candidate's
# compile gets only the public folder and its task's types.hpp (verify/context.py).
HARNESS_INCLUDE_DIRS = (CXX_DIR, PUBLIC_INCLUDE)
SUITE_DIR = PACKAGE_DIR / "tasks" / "suite"


def cache_dir() -> Path:
    """`PAREVO_CACHE_DIR`, else `$XDG_CACHE_HOME/parevo`, else `~/.cache/parevo`."""
    if env := os.environ.get("PAREVO_CACHE_DIR"):
        root = Path(env)
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "parevo"
    root.mkdir(parents=True, exist_ok=True)
    return root


def read_user_text(path: Path, what: str) -> str:
    """A text file a person handed to parevo (a script, a reply, a topic list): a binary or
    unreadable one is named with what it was meant to be, not a UnicodeDecodeError."""
    from .errors import ParevoError

    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ParevoError(f"{what} {path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise ParevoError(f"{what} {path}: cannot read it ({exc.strerror})") from None


def runtime_headers() -> list[Path]:
    """Every parevo header a build may include (for build-cache digests)."""
    return sorted(RUNTIME_INCLUDE.glob("*.hpp")) + sorted((PUBLIC_INCLUDE / "parevo").glob("*.hpp"))
