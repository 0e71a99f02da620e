"""Run an untrusted program: its own session, caps on time, memory, processes and output,
no network, writes confined to its own directory.

The launch chain is `sh` (joins the run's cgroups, then execs) -> `prlimit` (file size, core
dumps, and an address-space cap only where no memory cgroup exists and the binary is not a
sanitizer build) -> `bwrap` (read-only root, private /dev and /proc, a new pid and network
namespace, the working directory bound writable), all under `setpriv --pdeathsig KILL` (see
toolchain/lifeline.py). Every piece is exec'd, so the process
parevo waits on is the sandbox itself, and killing its process group, its pid namespace and
its cgroup leaves nothing behind.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal, Mapping, Sequence

from ..errors import InfraError, SandboxUnavailable
from . import cgroups, lifeline

GRACE_S = 0.5
OUTPUT_TAIL_BYTES = 16 * 1024
GiB = 1 << 30
MiB = 1 << 20
BASE_PATH = "/usr/local/bin:/usr/bin:/bin"
# Where a `private_view` run sees its working directory: a fresh tmpfs at /tmp hides every other
# run's files, and the path is traversable for a program that dropped to another user (the real
# one may sit under a 0700 home or pytest directory).
PRIVATE_WORKDIR = Path("/tmp/parevo-run")
_LAUNCH_MARK = "parevo-sandbox:"
# $1 is the launcher's pid. `setpriv` arms the parent-death signal and then execs this shell, so
# a launcher that died between its fork and that prctl (no signal will ever come) shows here as
# another parent: stop before anything runs. Then join the run's cgroups and exec the rest.
_JOIN_SCRIPT = (
    f'[ "$PPID" = "$1" ] || {{ echo "{_LAUNCH_MARK} the launcher is gone" >&2; exit 97; }}; shift; '
    'while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do '
    f'echo $$ > "$1" || {{ echo "{_LAUNCH_MARK} cannot join cgroup $1" >&2; exit 97; }}; shift; done; '
    'shift; exec "$@"'
)

Status = Literal["ok", "exit", "signal", "timeout", "memory", "output"]


@dataclass(frozen=True)
class Limits:
    wall_s: float = 30.0
    memory_bytes: int = 4 * GiB
    max_pids: int = 512
    max_file_bytes: int = 64 * MiB  # stdout, stderr and every file the program writes
    network: bool = False
    sanitizer: bool = False  # TSan reserves terabytes of address space: never cap it with RLIMIT_AS
    confine_writes: bool = True
    # A CUDA run: the NVIDIA device nodes are bound into the private /dev, and (as for TSan) no
    # RLIMIT_AS, since the CUDA driver reserves far more address space than it uses.
    gpu: bool = False


@dataclass(frozen=True)
class Guards:
    """Which isolation mechanisms this machine offers; `parevo doctor` prints the same."""

    cgroups: cgroups.CgroupSupport
    bwrap: str | None
    unshare: str | None
    prlimit: str | None
    bwrap_error: str = ""

    def missing_notes(self, limits: Limits) -> list[str]:
        notes = []
        if not self.cgroups.memory:
            notes.append(
                "no memory cgroup: memory is capped with RLIMIT_AS"
                + (", which sanitizer builds cannot use, so this run had no memory cap" if limits.sanitizer else "")
            )
        if not self.cgroups.pids:
            notes.append("no pids cgroup: the process-count cap does not hold for root")
        if not self.bwrap and limits.confine_writes:
            notes.append("bubblewrap missing: writes outside the working directory are not blocked, and a "
                         "candidate process keeps parevo's user")
        if not limits.network and not self.bwrap and not self.unshare:
            notes.append("no network namespace available: the program could reach the network")
        return notes


def _works(cmd: list[str]) -> tuple[bool, str]:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return proc.returncode == 0, proc.stderr.strip()


_detecting = threading.Lock()


def detect_guards() -> Guards:
    """The guards this machine offers, probed once per process (under a lock: the first callers
    may be several threads, e.g. a stage's builds started ahead)."""
    with _detecting:
        return _detect_guards()


@cache
def _detect_guards() -> Guards:
    bwrap = shutil.which("bwrap")
    bwrap_error = ""
    if bwrap:
        ok, err = _works([bwrap, "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "--die-with-parent", "true"])
        if not ok:
            bwrap, bwrap_error = None, err
    unshare = shutil.which("unshare")
    if unshare and not _works([unshare, "--net", "true"])[0]:
        unshare = None
    return Guards(cgroups.detect(), bwrap, unshare, shutil.which("prlimit"), bwrap_error)


@dataclass
class RunOutcome:
    status: Status
    returncode: int | None
    signal: int | None
    wall_s: float
    stdout: str
    stderr: str
    peak_memory: int | None = None
    pids_limit_hit: bool = False
    memory_limit_hit: bool = False  # the cgroup hit its cap (some process of the run was OOM-killed)
    cpu_s: float | None = None  # the run's processes' CPU time, from its cgroup (None: not accounted)
    notes: list[str] = field(default_factory=list)
    limits: Limits = field(default_factory=Limits)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def describe(self) -> str:
        """One phrase for feedback: what happened to the program."""
        if self.status == "ok":
            return "exited normally"
        if self.status == "timeout":
            extra = "; it had hit the process limit" if self.pids_limit_hit else ""
            return f"did not finish within {self.limits.wall_s:g} s (killed{extra})"
        if self.status == "memory":
            return f"exceeded the memory limit of {self.limits.memory_bytes / MiB:.0f} MiB (killed)"
        if self.status == "output":
            return f"wrote more than {self.limits.max_file_bytes / MiB:.0f} MiB to one output or file (killed)"
        if self.status == "signal":
            name = signal.Signals(self.signal).name if self.signal in signal.Signals._value2member_map_ else str(self.signal)
            extra = " after reaching the process limit" if self.pids_limit_hit else ""
            return f"crashed with {name}{extra}"
        return f"exited with code {self.returncode}"


def _tail(path: Path, keep: int = OUTPUT_TAIL_BYTES) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - keep))
            data = f.read()
    except OSError:
        return ""
    prefix = f"[... {size - keep} earlier bytes dropped]\n" if size > keep else ""
    return prefix + data.decode("utf-8", errors="replace")


def _sandbox_env(env: Mapping[str, str] | None, workdir: Path) -> dict[str, str]:
    # Built from scratch: the parent's environment may hold API keys.
    base = {"PATH": BASE_PATH, "HOME": str(workdir), "TMPDIR": str(workdir), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    base.update(env or {})
    return base


def build_command(
    cmd: Sequence[str],
    limits: Limits,
    workdir: Path,
    guards: Guards,
    procs_files: Sequence[str],
    readonly_paths: Sequence[Path] = (),
    wrap: Sequence[str] = (),
    hide: Sequence[Path] = (),
    private_view: bool = False,
    binds: Sequence[tuple[Path, Path]] = (),
) -> list[str]:
    if not guards.prlimit:
        raise SandboxUnavailable("prlimit (util-linux) is missing: install util-linux")
    # setpriv first: the parent-death signal it arms survives every exec below, so the chain dies
    # with the process that launched it even when that one is killed with no chance to clean up.
    full = [*lifeline.pdeathsig_prefix(), "sh", "-c", _JOIN_SCRIPT, "sh", str(os.getpid()), *procs_files, "--"]
    rl = [guards.prlimit, f"--fsize={limits.max_file_bytes}", "--core=0"]
    if not guards.cgroups.memory and not limits.sanitizer and not limits.gpu:
        rl.append(f"--as={limits.memory_bytes}")
    full += [*rl, "--", *wrap]
    if guards.bwrap and limits.confine_writes:
        bw = [guards.bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
        bw += ["--perms", "1777", "--tmpfs", "/dev/shm"]  # LLVM's libomp registers itself there
        if limits.gpu:
            for node in sorted(glob.glob("/dev/nvidia*")):  # nvidiactl, nvidia0.., nvidia-uvm
                bw += ["--dev-bind", node, node]
        for p in hide:  # an empty tmpfs over it; what is bound below stays visible
            bw += ["--tmpfs", str(p)]
            # The way down to the working directory stays traversable for a program that has
            # dropped to another user (bwrap would create it 0700).
            if workdir.is_relative_to(p):
                for d in reversed(workdir.relative_to(p).parents[:-1]):
                    bw += ["--perms", "0755", "--dir", str(p / d)]
        inside = workdir
        if private_view:
            inside = PRIVATE_WORKDIR
            bw += ["--perms", "0755", "--tmpfs", "/tmp", "--perms", "0755", "--dir", str(inside)]
        bw += ["--bind", str(workdir), str(inside)]
        for outside, seen_at in binds:  # writable, under the private /tmp (the harness's input cache)
            bw += ["--bind", str(outside), str(seen_at)]
        if private_view:
            bw += ["--remount-ro", "/tmp"]  # writable: only its own directory
        for p in readonly_paths:
            bw += ["--ro-bind", str(p), str(p)]
        bw += ["--unshare-pid", "--unshare-ipc", "--die-with-parent", "--new-session", "--chdir", str(inside)]
        if not limits.network:
            bw.append("--unshare-net")
        full += [*bw, "--"]
    elif not limits.network and guards.unshare:
        full += [guards.unshare, "--net", "--"]
    return full + list(cmd)


def run(
    cmd: Sequence[str],
    limits: Limits,
    workdir: Path,
    *,
    env: Mapping[str, str] | None = None,
    readonly_paths: Sequence[Path] = (),
    wrap: Sequence[str] = (),
    stdin: bytes | None = None,
    hide: Sequence[Path] = (),
    private_view: bool = False,
    stdout_bytes: int = OUTPUT_TAIL_BYTES,
    stderr_bytes: int = OUTPUT_TAIL_BYTES,
    binds: Sequence[tuple[Path, Path]] = (),
) -> RunOutcome:
    """Run `cmd` in `workdir` under `limits`; the program's failures come back as a RunOutcome,
    the sandbox's own failures as InfraError / SandboxUnavailable.

    `stdin` goes through a pipe, never a file: a file would stay readable by path from inside
    the sandbox (its root is bound read-only), and the harness's seeds travel this way. The
    last `stdout_bytes` / `stderr_bytes` of the output come back. With `private_view` (and
    bubblewrap) the program sees its directory at PRIVATE_WORKDIR, which its command and
    environment must use (`inside(workdir)` says which path applies). `binds` (outside path, path
    inside) are further writable directories; they need the private view and bubblewrap."""
    guards = detect_guards()
    if binds and not (private_view and guards.bwrap and limits.confine_writes):
        raise InfraError("a sandboxed run can bind a directory only in a bubblewrap private view")
    workdir = Path(workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    logdir = workdir.parent / f".{workdir.name}.logs"
    logdir.mkdir(exist_ok=True)
    group = None
    if guards.cgroups.available:
        try:
            group = cgroups.RunCgroup.create(limits.memory_bytes, limits.max_pids)
        except OSError as exc:
            raise SandboxUnavailable(f"cannot create a cgroup for the run: {exc}") from exc
    full = build_command(cmd, limits, workdir, guards, group.procs_files if group else [], readonly_paths, wrap, hide,
                         private_view, binds)
    notes = guards.missing_notes(limits)
    out_path, err_path = logdir / "stdout", logdir / "stderr"
    timed_out = False
    start = time.monotonic()
    try:
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            try:
                proc = subprocess.Popen(
                    full, cwd=workdir, env=_sandbox_env(env, inside(workdir, private_view)),
                    stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                    stdout=out, stderr=err, start_new_session=True,
                )
            except OSError as exc:
                raise InfraError(f"cannot start the sandbox ({full[0]}): {exc}") from exc
            if stdin is not None:
                _feed(proc, stdin)
            try:
                rc = proc.wait(timeout=limits.wall_s)
            except subprocess.TimeoutExpired:
                timed_out = True
                _kill_tree(proc, group)
                rc = proc.wait()
        wall = time.monotonic() - start
        if group:
            group.kill_all()  # stragglers that left the process group (daemonised children)
        stderr = _tail(err_path)
        if rc == 97 and _LAUNCH_MARK in stderr or rc == 1 and stderr.startswith("bwrap:"):
            raise InfraError(f"the sandbox could not start the program: {stderr.strip()[:500]}")
        outcome = _classify(rc, timed_out, group, limits)
        return RunOutcome(
            status=outcome[0], returncode=rc, signal=outcome[1], wall_s=wall, stdout=_tail(out_path, stdout_bytes),
            stderr=_tail(err_path, stderr_bytes) if stderr_bytes != OUTPUT_TAIL_BYTES else stderr, peak_memory=group.peak_memory() if group else None,
            pids_limit_hit=group.pids_exceeded() if group else False,
            memory_limit_hit=group.memory_exceeded() if group else False, notes=notes, limits=limits,
            cpu_s=group.cpu_seconds() if group else None,
        )
    finally:
        if group:
            group.remove()
        shutil.rmtree(logdir, ignore_errors=True)


def inside(workdir: Path, private_view: bool = True) -> Path:
    """The path under which a program run with `private_view` sees `workdir`."""
    guards = detect_guards()
    return PRIVATE_WORKDIR if private_view and guards.bwrap else Path(workdir).resolve()


def _feed(proc: subprocess.Popen, data: bytes) -> None:
    """Writes `data` to the program's stdin from a thread (a program that never reads must not
    block parevo), then closes it."""

    def write() -> None:
        try:
            proc.stdin.write(data)
            proc.stdin.close()
        except (BrokenPipeError, OSError):  # the program exited or closed its stdin: its loss
            pass

    threading.Thread(target=write, daemon=True).start()


def _kill_tree(proc: subprocess.Popen, group: cgroups.RunCgroup | None) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=GRACE_S)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if group:
        group.kill_all()


def _classify(rc: int, timed_out: bool, group: cgroups.RunCgroup | None, limits: Limits) -> tuple[Status, int | None]:
    if timed_out:
        return "timeout", None
    sig = -rc if rc < 0 else (rc - 128 if rc > 128 and rc - 128 < 65 else None)
    if sig is None and rc == 0:
        return "ok", None
    if group and group.memory_exceeded():
        return "memory", sig
    if sig == signal.SIGXFSZ:
        return "output", sig
    if sig is not None:
        return "signal", sig
    return "exit", None
