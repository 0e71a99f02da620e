"""What every fault case needs: a real `parevo evolve` driver in its own process group, waits
on observable facts (a stage named in the worker's stage file, a pending exchange request, a
row in the run's SQLite store) instead of sleeps, and the checks that follow a fault: which
processes are left, what the store still holds."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EVOLVE_FIXTURES = REPO / "tests" / "fixtures" / "evolve"
WAIT_S = 240.0
# Quick evaluations of the histogram task: seconds per stage on 2 cores.
CONFIG = """
[evolve]
iterations = {iterations}
parallel = 1
islands = 1
repair_turns = 0
quick = true
start = "{start}"
eval_timeout_s = 300
[eval]
timing_size = 2000000
check_threads = [1, 2]
race_threads = [4]
timing_threads = [1, 2]
[llm]
max_attempts = 1
timeout_s = {llm_timeout}
exchange_timeout_s = 120
"""


def atomic_code(nonce: str) -> str:
    """The fixture's correct, race-free OpenMP histogram; the nonce makes it a new build."""
    text = (EVOLVE_FIXTURES / "atomic.md").read_text()
    code = re.search(r"```(?:cpp)?\n(.*?)```", text, re.S).group(1)
    return f"// fault-suite nonce {nonce}\n{code}"


def atomic_reply(nonce: str) -> str:
    return f"A parallel histogram.\n\n```cpp\n{atomic_code(nonce)}```\n"


def write_config(tmp: Path, iterations: int, start: str = "empty", llm_timeout: float = 30.0) -> Path:
    path = tmp / "evolve.toml"
    path.write_text(CONFIG.format(iterations=iterations, start=start, llm_timeout=llm_timeout))
    return path


def write_script(tmp: Path, replies: list[str]) -> Path:
    path = tmp / "script.json"
    path.write_text(json.dumps(replies))
    return path


# The suite's own CPU slots: its runs exclude each other, but do not queue for minutes behind
# the timing runs of other parevo sessions on a shared machine (slots are machine-wide,
# verify/slots.py); what is tested here is fault handling, not timing.
SLOT_DIR = tempfile.mkdtemp(prefix="parevo-fault-slots-")


def env() -> dict[str, str]:
    return {**os.environ, "COLUMNS": "200", "PYTHONUNBUFFERED": "1", "PAREVO_SLOT_DIR": SLOT_DIR}


@dataclass
class Driver:
    proc: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def text(self) -> str:
        """The output with the console's line wrapping undone, for matching messages."""
        return " ".join(self.output().split())

    def wait(self, timeout: float = 120) -> int:
        return self.proc.wait(timeout=timeout)


def start(tmp: Path, *args: str, log_name: str = "driver.log") -> Driver:
    """`parevo evolve ARGS` in a new process group, as a shell would start it."""
    log = tmp / log_name
    with open(log, "a") as f:
        proc = subprocess.Popen([sys.executable, "-m", "parevo.cli", "evolve", *args], cwd=tmp, env=env(),
                                stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
    return Driver(proc, log)


def parevo(tmp: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parevo.cli", *args], cwd=tmp, env=env(), capture_output=True,
                          text=True, timeout=timeout)


def wait_for(what: str, check, driver: Driver | None = None, timeout: float = WAIT_S):
    """Poll `check()` until it returns something true; fail with the driver's log otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if driver is not None and driver.proc.poll() is not None:
            raise AssertionError(f"the driver exited ({driver.proc.returncode}) before {what}:\n{driver.output()[-3000:]}")
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}" + (f":\n{driver.output()[-3000:]}" if driver else ""))


def stage_in_flight(run_dir: Path, stage: str):
    """The evaluation directory whose worker is in `stage` now (worker.STAGE_FILE)."""
    for f in (run_dir / "evals").glob("*/stage"):
        try:
            if f.read_text() == stage:
                return f.parent
        except OSError:  # the evaluation finished and its directory went meanwhile
            continue
    return None


def query(store: Path, sql: str) -> list[tuple]:
    """Rows from the run store, read-only (the driver may still be writing)."""
    try:
        db = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=10)
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()
    except sqlite3.OperationalError:  # not created yet, or its schema not written yet
        return []


def programs(store: Path) -> list[tuple]:
    """(id, iteration, origin, status, stage_reached, code_sha256) of every stored program."""
    return query(store, "SELECT id, iteration, origin, status, stage_reached, code_sha256 FROM programs ORDER BY id")


# -- processes ---------------------------------------------------------------------------------
def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(d.name))
    return kids


def _start_time(pid: int) -> str | None:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def process_tree(root: int) -> dict[int, str]:
    """Every descendant of `root` (pid -> start time, so a reused pid is not mistaken)."""
    kids, out, todo = _children_map(), {}, [root]
    while todo:
        pid = todo.pop()
        for child in kids.get(pid, []):
            if (st := _start_time(child)) is not None:
                out[child] = st
                todo.append(child)
    return out


def _describe(pid: int) -> str:
    try:
        cmd = (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        cmd = "?"
    return f"{pid}: {cmd[:200]}"


def survivors(tree: dict[int, str], roots: list[Path], settle_s: float = 10.0) -> list[str]:
    """The processes still alive after a fault: those of the driver's tree (snapshotted before
    the fault) and any whose command line or working directory points into `roots`. Dying
    takes the kernel a moment (a pid namespace is torn down after its init), hence the wait."""
    deadline = time.monotonic() + settle_s
    while True:
        left = []
        for pid, st in tree.items():
            if _start_time(pid) == st and not _zombie(pid):
                left.append(_describe(pid))
        marks = [str(r) for r in roots]
        for d in Path("/proc").iterdir():
            if not d.name.isdigit() or int(d.name) == os.getpid():
                continue
            try:
                cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                cwd = os.readlink(d / "cwd")
            except OSError:
                continue
            if (any(m in cmd or cwd.startswith(m) for m in marks) and not _zombie(int(d.name))
                    and _describe(int(d.name)) not in left):
                left.append(_describe(int(d.name)))
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.1)


def _zombie(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return True


def kill_at(driver: Driver, sig: int, *, group: bool = True) -> dict[int, str]:
    """Send `sig` to the driver (its whole process group, as a shell's kill of a job does) and
    return the tree it had just before, for `survivors`."""
    tree = process_tree(driver.proc.pid)
    tree[driver.proc.pid] = _start_time(driver.proc.pid) or ""
    if group:
        os.killpg(driver.proc.pid, sig)
    else:
        os.kill(driver.proc.pid, sig)
    return tree


def reap(driver: Driver) -> None:
    try:
        driver.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(driver.proc.pid, signal.SIGKILL)
        driver.proc.wait()
