"""One evaluation in its own process: `python -m parevo.evolve.worker REQUEST.json`.

The agent never evaluates in its own process or a thread (a hung evaluation could not be
killed, a crash would take the run down): it starts this worker in a new session, and reads
the structured result file the worker writes atomically at the end.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from pydantic import BaseModel

from ..tasks import get_task
from ..verify.cascade import evaluate
from ..verify.config import EvalConfig


class EvalRequest(BaseModel):
    task: str  # a built-in id or a task directory
    model: str
    source_path: str
    result_path: str
    config: dict


def main(argv: list[str]) -> int:
    req = EvalRequest.model_validate_json(Path(argv[0]).read_text())
    result = evaluate(get_task(req.task), Path(req.source_path).read_text(), req.model, EvalConfig(**req.config))
    tmp = Path(req.result_path + ".tmp")
    tmp.write_text(result.model_dump_json())
    os.replace(tmp, req.result_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
