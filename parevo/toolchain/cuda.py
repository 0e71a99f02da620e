"""The CUDA toolchain: nvcc (found on every machine that has the toolkit), and whether this
machine has an NVIDIA GPU and compute-sanitizer to run and check a kernel. Found once per
process; `parevo doctor` prints it. No ROCm on Debian, so HIP is out of scope."""

from __future__ import annotations

import glob
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class CudaToolchain:
    nvcc: str | None
    version: str
    gpu: str  # nvidia-smi's first GPU line, '' when none
    sanitizer: str | None  # compute-sanitizer (racecheck, memcheck, synccheck)
    lib_dir: str | None = None  # where libcudart_static.a is (the candidate library links it)

    def missing(self) -> str:
        return "" if self.nvcc else "nvcc is missing (install NVIDIA's CUDA toolkit, e.g. cuda-toolkit-13-0)"

    def unrunnable(self) -> str:
        """'' when a kernel can be run and checked here, else why not (never a pass)."""
        if not self.gpu:
            return "unchecked: no GPU (nvidia-smi finds none), so the kernel is compiled and statically checked only"
        if not self.sanitizer:
            return "unchecked: compute-sanitizer is missing, so the kernel could not be race- or memory-checked"
        return ""


def _lines(cmd: list[str]) -> list[str]:
    """The command's non-empty output lines; none when it fails (no driver, no GPU)."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [l.strip() for l in out.stdout.splitlines() if l.strip()] if out.returncode == 0 else []


def _find(tool: str) -> str | None:
    found = shutil.which(tool)
    if found:
        return found
    bins = sorted(glob.glob(f"/usr/local/cuda*/bin/{tool}"), reverse=True)
    return bins[0] if bins else None


@cache
def detect() -> CudaToolchain:
    nvcc = _find("nvcc")
    version = next((l for l in _lines([nvcc, "--version"]) if "release" in l), "") if nvcc else ""
    smi = _find("nvidia-smi")
    gpu = next((l for l in _lines([smi, "-L"]) if l.startswith("GPU")), "") if smi else ""
    sanitizer = _find("compute-sanitizer") or (str(Path(nvcc).parent / "compute-sanitizer")
                                               if nvcc and (Path(nvcc).parent / "compute-sanitizer").exists() else None)
    return CudaToolchain(nvcc, version.strip(), gpu, sanitizer, _cudart_dir(nvcc))


def _cudart_dir(nvcc: str | None) -> str | None:
    # /usr/local/bin/nvcc may be a wrapper script, so the toolkit's own folders are looked at too.
    roots = ([Path(nvcc).resolve().parent.parent] if nvcc else []) + [Path(p) for p in sorted(glob.glob("/usr/local/cuda*"), reverse=True)]
    for root in roots:
        for sub in ("lib64", "targets/x86_64-linux/lib"):
            if (root / sub / "libcudart_static.a").is_file():
                return str(root / sub)
    return None
