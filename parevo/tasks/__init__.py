"""Tasks: the built-in suite and user task directories."""

from __future__ import annotations

from pathlib import Path

from ..errors import TaskFileError
from ..paths import SUITE_DIR

PAREVAL_TASKS = Path(__file__).parent / "pareval"  # ParEval problems judged by parevo (bench/pareval.py)
from .model import Task, TaskSpec, load_task

__all__ = ["Task", "TaskSpec", "load_task", "builtin_task_ids", "get_task"]


def builtin_task_ids() -> list[str]:
    return sorted(p.name for p in SUITE_DIR.iterdir() if (p / "task.toml").is_file())


def get_task(name_or_path: str | Path) -> Task:
    """A built-in task by id, or a task directory by path."""
    p = Path(name_or_path)
    if (SUITE_DIR / str(name_or_path) / "task.toml").is_file():
        return load_task(SUITE_DIR / str(name_or_path))
    if (PAREVAL_TASKS / str(name_or_path) / "task.toml").is_file():
        return load_task(PAREVAL_TASKS / str(name_or_path))
    if p.is_dir():
        return load_task(p)
    raise TaskFileError(f"no task '{name_or_path}' (built-in: {', '.join(builtin_task_ids())}; or give a task directory)")
