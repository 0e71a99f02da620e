"""parevo: LLM-written parallel C++ for irregular data, verified."""

from .version import __version__

from .errors import InfraError, ParevoError, SandboxUnavailable, TaskFileError  # noqa: E402
from .tasks import Task, get_task, load_task  # noqa: E402
from .verify.cascade import evaluate  # noqa: E402
from .verify.config import EvalConfig  # noqa: E402
from .verify.result import EvalResult, StageResult  # noqa: E402

__all__ = [
    "__version__", "evaluate", "EvalConfig", "EvalResult", "StageResult", "Task", "get_task", "load_task",
    "ParevoError", "TaskFileError", "SandboxUnavailable", "InfraError",
]
