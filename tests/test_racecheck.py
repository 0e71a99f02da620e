"""`parevo racecheck`'s edges: extra source files, offload programs, programs that time out or hit
the process cap, and the settings that make detection less dependent on the schedule."""

from __future__ import annotations

from pathlib import Path

import pytest

from parevo.toolchain import probe
from parevo.verify import racecheck as rc

BENCH = Path(__file__).parent / "racebench"

needs_archer = pytest.mark.skipif(not probe.detect().llvm_lib, reason="needs LLVM libomp with Archer (libomp-dev)")


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


@needs_archer
def test_extra_source_files_are_compiled_and_linked(tmp_path):
    helper = write(tmp_path / "helper.c", "void fill(int *a, int n) {\n#pragma omp parallel for\n"
                   "  for (int i = 0; i < n; i++) a[i] = i;\n}\n")
    main = write(tmp_path / "main.c", "#include <stdio.h>\nvoid fill(int *a, int n);\n"
                 "int main(void) { int a[64]; fill(a, 64); printf(\"%d\\n\", a[63]); return 0; }\n")
    result = rc.racecheck(main, "openmp", [str(helper), "-DUNUSED=1"], threads=(2, 3), runs=1)
    assert result.verdict == "clean", result.reason
    racy = write(tmp_path / "racy_helper.c", "void fill(int *a, int n) {\n#pragma omp parallel for\n"
                 "  for (int i = 0; i < n - 1; i++) a[i] = a[i + 1] + 1;\n}\n")
    result = rc.racecheck(main, "openmp", [str(racy)], threads=(2,), runs=1)
    assert result.verdict == "race" and "racy_helper.c" in result.reports[0].text


@needs_archer
def test_offload_program_is_unchecked_not_broken(tmp_path):
    prog = write(tmp_path / "offload.c", "#include <stdio.h>\nint main(void) {\n  int a[64];\n"
                 "#pragma omp target teams distribute parallel for map(from: a)\n"
                 "  for (int i = 0; i < 64; i++) a[i] = i;\n  printf(\"%d\\n\", a[63]);\n  return 0;\n}\n")
    result = rc.racecheck(prog, threads=(2,), runs=1)
    assert result.verdict == "unchecked" and result.reason.startswith("offload:"), result.reason
    broken = write(tmp_path / "broken_offload.c", prog.read_text().replace("return 0;", "return missing;"))
    assert "does not build" in rc.racecheck(broken, threads=(2,), runs=1).reason


def test_timeouts_stop_the_sweep(tmp_path):
    prog = write(tmp_path / "spin.cpp", "#include <thread>\nint main() { volatile bool stop = false;\n"
                 "  std::thread t([&] { while (!stop) {} }); t.join(); }\n")
    result = rc.racecheck(prog, "threads", threads=(2, 3, 4), runs=2, wall_s=1.0)
    assert result.verdict == "unchecked"
    assert len(result.runs) == 2 and "did not finish" in result.runs[0]
    assert "stopped after the first timeout" in result.runs[1]


def test_process_cap_is_reported(tmp_path, monkeypatch):
    from parevo.toolchain import sandbox

    if not sandbox.detect_guards().cgroups.pids:
        pytest.skip("no pids cgroup: the cap cannot be observed")
    monkeypatch.setattr(rc, "MAX_PIDS", 6)
    prog = write(tmp_path / "many.cpp", "#include <pthread.h>\n#include <unistd.h>\n#include <cstdio>\n"
                 "static void* idle(void*) { usleep(200000); return nullptr; }\n"
                 "int main() { pthread_t t[16]; int made = 0;\n"
                 "  for (auto& x : t) made += pthread_create(&x, nullptr, idle, nullptr) == 0;\n"
                 "  std::printf(\"%d\\n\", made); }\n")
    result = rc.racecheck(prog, "threads", threads=(2,), runs=1)
    assert "process cap" in result.runs[0] and "exited normally" in result.runs[0]
    assert result.verdict == "unchecked", "a capped run is not evidence of a clean program"


@needs_archer
@pytest.mark.parametrize("name", ["critical_names", "static_odd_pairs", "runtime_schedule"])
def test_schedule_independent_settings_find_what_the_bare_recipe_misses(name):
    racy, free = BENCH / f"{name}.race.c", BENCH / f"{name}.free.c"
    assert rc.racecheck(racy).verdict == "race"
    assert rc.racecheck(free).verdict == "clean"
