"""Evaluations on a Ray cluster (`--ray ADDRESS|local`): each one is a Ray task that runs, on the
node Ray picks, the same killable worker process as a local evaluation (`LocalExecutor`, hence
`verify/isolated.py` and `python -m parevo.verify.worker` with its typed `EvalRequest`). Nothing
of the verifier differs: the node builds with its own compilers into its own `PAREVO_CACHE_DIR`,
times under its own machine-wide CPU slot (verify/slots.py: the lock is per machine, so timing
is exclusive per node), measures its own baselines (timing sets are keyed by machine), and sends
the `EvalResult` back. The driver alone writes the stores.

How many evaluations a node takes at once is the node's `parevo_eval` custom resource (`ray
start --resources='{"parevo_eval": 2}'`); builds and race runs of those evaluations share the
node's cores, their timing runs queue for its one exclusive slot. A Ray resource cannot be the
timing slot itself: a task holds its resources from start to end, so a timing resource of 1
would serialise whole evaluations, builds included.

Faults: a node or a Ray worker lost mid-evaluation (a Ray system error) is retried by the driver,
up to `NODE_RETRIES` times, on whatever node Ray picks next (never the dead one); each loss is
reported to the caller as a `Retried("node_lost", ...)` for its event log, and the one result
that comes back is recorded once. Losses beyond the bound come back as an `error` (parevo's
infrastructure failed), never as the candidate's `fail`.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import socket
import tempfile
import uuid
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import ParevoError
from ..tasks import PAREVAL_TASKS, SUITE_DIR
from .executor import EvalJob, Evaluated, LocalExecutor, Retried
from .isolated import worker_failure
from .result import EvalResult

RESOURCE = "parevo_eval"
NODE_RETRIES = 3
INSTALL_HINT = "pip install 'parevo[ray]'"


def import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ParevoError(f"--ray needs Ray, an optional extra: {INSTALL_HINT}") from None
    return ray


# -- the node's side --------------------------------------------------------------------------------
def _task_on_node(task: str, pack: dict[str, bytes] | None) -> str:
    """A task directory the driver shipped, unpacked once per node into its cache, content-addressed
    (the directory keeps the task's name: a task's id must equal its directory's)."""
    if pack is None:
        return task
    digest = hashlib.sha256(b"".join(k.encode() + b"\0" + v for k, v in sorted(pack.items()))).hexdigest()[:20]
    root = paths.cache_dir() / "ray-tasks" / digest
    target = root / Path(task).name
    if not target.is_dir():
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=root))
        for rel, data in pack.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp / rel).write_bytes(data)
        try:
            tmp.rename(target)
        except OSError:  # another evaluation on this node unpacked it first: same content
            shutil.rmtree(tmp, ignore_errors=True)
    return str(target)


def evaluate_on_node(job: EvalJob, pack: dict[str, bytes] | None) -> dict:
    """The Ray task's body, in a Ray worker on some node: the local executor, there."""
    import ray

    evaluation = job._replace(task=_task_on_node(job.task, pack))
    workdir = paths.cache_dir() / "ray-evals" / uuid.uuid4().hex
    done = asyncio.run(LocalExecutor(1).evaluate(evaluation, workdir))
    return {"result": done.result.model_dump(mode="json"), "retried": [r._asdict() for r in done.retried],
            "node": ray.get_runtime_context().get_node_id(), "host": socket.gethostname()}


# -- the driver's side --------------------------------------------------------------------------------
def pack_task(task: str) -> dict[str, bytes] | None:
    """A task directory's files, for nodes that do not have it; None for a built-in task (every
    node's parevo has those)."""
    path = Path(task)
    if any((d / task / "task.toml").is_file() for d in (SUITE_DIR, PAREVAL_TASKS)) or not path.is_dir():
        return None
    return {str(f.relative_to(path)): f.read_bytes() for f in sorted(path.rglob("*")) if f.is_file()}


def _reachable(address: str, timeout_s: float = 5.0) -> None:
    """A HOST:PORT nobody listens on is one line now: Ray itself retries it for minutes."""
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not port.isdigit():
        return  # `auto`, or a form Ray resolves itself
    try:
        socket.create_connection((host, int(port)), timeout=timeout_s).close()
    except OSError as exc:
        raise ParevoError(f"--ray {address}: no Ray head answers there ({exc.strerror or exc}); start one with: "
                          f"ray start --head --resources='{{\"{RESOURCE}\": 1}}' (or use --ray local)") from None


class RayExecutor:
    """Evaluations as Ray tasks; `capacity` is the cluster's `parevo_eval` slots at connection."""

    def __init__(self, address: str, capacity: int, owns_connection: bool):
        ray = import_ray()
        self.name, self.capacity, self._owns = f"ray {address}", capacity, owns_connection
        self._remote = ray.remote(evaluate_on_node).options(
            num_cpus=0, resources={RESOURCE: 1}, max_retries=0,  # retries are the driver's: it records them
            scheduling_strategy="SPREAD")
        self._packs: dict[str, Any] = {}

    @classmethod
    def connect(cls, address: str) -> RayExecutor:
        """`local` starts a one-node cluster on this machine; otherwise ADDRESS (host:port, or
        `auto` on a node of a running cluster) joins one whose nodes offer `parevo_eval`."""
        ray = import_ray()
        owns = not ray.is_initialized()
        if owns:
            options: dict[str, Any] = dict(include_dashboard=False, log_to_driver=False, logging_level="ERROR")
            try:
                if address == "local":
                    ray.init(resources={RESOURCE: max(1, (os.cpu_count() or 2) // 2)}, **options)
                else:
                    _reachable(address)
                    ray.init(address=address, **options)
            except (ConnectionError, ValueError) as exc:  # ValueError: an address Ray cannot parse
                raise ParevoError(f"--ray {address}: no Ray cluster there ({exc})") from None
        slots = int(ray.cluster_resources().get(RESOURCE, 0))
        if slots < 1:
            if owns:
                ray.shutdown()
            raise ParevoError(f"--ray {address}: no node of this Ray cluster offers the '{RESOURCE}' resource; start "
                              f"each node with: ray start ... --resources='{{\"{RESOURCE}\": 1}}' (evaluations at once "
                              f"on that node)")
        return cls(address, slots, owns)

    async def evaluate(self, job: EvalJob, workdir: Path) -> Evaluated:
        """`workdir` is the driver's: removed, as the local executor does; the node works in its own cache."""
        ray = import_ray()
        shutil.rmtree(workdir, ignore_errors=True)
        if job.task not in self._packs:
            pack = pack_task(job.task)
            self._packs[job.task] = ray.put(pack) if pack is not None else None
        retried: list[Retried] = []
        while True:
            ref = self._remote.remote(job, self._packs[job.task])
            try:
                reply = await ref
            except asyncio.CancelledError:
                ray.cancel(ref, force=True)  # the Ray worker dies; its evaluation worker dies with it
                raise
            except ray.exceptions.RayTaskError as exc:  # parevo's own code raised on the node
                return Evaluated(worker_failure(job.task, job.model, f"the evaluation failed on a Ray node: {exc}"),
                                 retried)
            except ray.exceptions.RayError as exc:  # a node or a worker lost: not the candidate's doing
                retried.append(Retried("node_lost", f"{type(exc).__name__}: {str(exc)[:300]}"))
                if len(retried) > NODE_RETRIES:
                    why = (f"the evaluation was lost with its Ray node or worker {len(retried)} times; "
                           f"last: {retried[-1].detail}")
                    return Evaluated(worker_failure(job.task, job.model, why), retried)
                continue
            result = EvalResult.model_validate(reply["result"])
            result.machine.update(ray_node=reply["node"], host=reply["host"])
            return Evaluated(result, retried + [Retried(**r) for r in reply["retried"]])

    def close(self) -> None:
        if self._owns:
            import_ray().shutdown()
