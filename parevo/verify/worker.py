"""One evaluation in its own process: `python -m parevo.verify.worker REQUEST.json`.

Its callers (`verify/isolated.py`) never evaluate in their own process or a thread (a hung evaluation could not be
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
from ..toolchain import lifeline
from .cascade import evaluate
from .config import EvalConfig


STAGE_FILE = "stage"  # beside the result file: the name of the stage running now


class EvalRequest(BaseModel):
    task: str  # a built-in id or a task directory
    model: str
    source_path: str
    result_path: str
    config: EvalConfig  # typed across the process boundary, validated again on this side


def main(argv: list[str]) -> int:
    lifeline.die_with_parent()  # a killed driver takes its worker along (toolchain/lifeline.py)
    req = EvalRequest.model_validate_json(Path(argv[0]).read_text())
    stage_file = Path(req.result_path).with_name(STAGE_FILE)

    def progress(stage: str, done) -> None:  # the stage in flight, for a person or a test watching
        if done is None:
            stage_file.write_text(stage)

    result = evaluate(get_task(req.task), Path(req.source_path).read_text(), req.model, req.config,
                      progress=progress)
    tmp = Path(req.result_path + ".tmp")
    tmp.write_text(result.model_dump_json())
    os.replace(tmp, req.result_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
