"""The one TOML-to-model loader: task files, run configs and `--config` files are read here,
so every malformed file gets the same kind of message, naming the file and the field
(`tasks/bfs/task.toml: sizes.check: Input should be a valid integer`), never a traceback."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ParevoError

M = TypeVar("M", bound=BaseModel)


def field_path(loc: tuple) -> str:
    """pydantic's error location as a dotted path: ('families', 2) -> families[2]."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def describe(exc: ValidationError, where: str, prefix: str = "") -> str:
    """'WHERE: PREFIXfield: message (and N more problem(s))' for the first error of `exc`."""
    first = exc.errors()[0]
    more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
    return f"{where}: {prefix}{field_path(first['loc'])}: {first['msg']}{more}"


def read_toml(path: Path, what: str, error: type[ParevoError] = ParevoError) -> dict[str, Any]:
    """The table in `path` (`what` names the file's role in the message: 'config file', ...)."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text())
    except FileNotFoundError:
        raise error(f"{path}: {what} not found") from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read the {what}: {exc.strerror if isinstance(exc, OSError) else exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None


def validate(model: type[M], data: Any, where: str, *, prefix: str = "", error: type[ParevoError] = ParevoError) -> M:
    """`data` as a `model`, or `error` naming `where` and the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(describe(exc, where, prefix)) from None
