"""Task loading: built-in tasks load; malformed task directories give one clear error naming
the file and the field."""

from __future__ import annotations

import shutil

import pytest

from parevo import TaskFileError, get_task, load_task
from parevo.paths import SUITE_DIR
from parevo.tasks import builtin_task_ids


def test_builtin_tasks_load():
    ids = builtin_task_ids()
    assert {"bfs", "cc", "spmv"} <= set(ids)
    for tid in ids:
        t = get_task(tid)
        assert t.spec.function in t.spec.signature
        assert "openmp" in t.spec.references, f"{tid} needs an OpenMP expert reference"
        assert len(t.spec.families) >= 4


@pytest.fixture
def task_copy(tmp_path):
    dst = tmp_path / "bfs"
    shutil.copytree(SUITE_DIR / "bfs", dst)
    return dst


def edit(toml_path, old, new):
    text = toml_path.read_text()
    assert old in text
    toml_path.write_text(text.replace(old, new))


def test_copy_loads(task_copy):
    assert load_task(task_copy).id == "bfs"


@pytest.mark.parametrize(
    "old,new,expect",
    [
        ('timing_families = ["rmat", "uniform"]', 'timing_families = ["rmatt"]', "timing_families ['rmatt'] are not among"),
        ('models = ["serial"', 'models = ["hip", "serial"', "models: Value error, unknown model(s) ['hip']"),
        ("check = 20000", "check = -5", "sizes.check: Input should be greater than 0"),
        ('id = "bfs"', 'id = "other"', "id: 'other' must equal the directory name 'bfs'"),
        ('function = "bfs_levels"', 'function = "bfs"', "signature does not declare function 'bfs'"),
        ("[sizes]", "colour = 3\n[sizes]", "colour: Extra inputs are not permitted"),
        ('title = "', 'title = ', "not valid TOML"),
    ],
)
def test_malformed_task_toml(task_copy, old, new, expect):
    edit(task_copy / "task.toml", old, new)
    with pytest.raises(TaskFileError) as err:
        load_task(task_copy)
    assert str(task_copy / "task.toml") in str(err.value)
    assert expect in str(err.value)


def test_missing_file_and_reference(task_copy):
    (task_copy / "reference" / "openmp.cpp").unlink()
    with pytest.raises(TaskFileError, match="references.openmp: file 'reference/openmp.cpp' does not exist"):
        load_task(task_copy)
    (task_copy / "baseline.cpp").unlink()
    with pytest.raises(TaskFileError, match="missing baseline.cpp"):
        load_task(task_copy)


def test_unknown_task_lists_builtins():
    with pytest.raises(TaskFileError, match="built-in: .*bfs"):
        get_task("no_such_task")


def test_task_memory_limit_raises_never_lowers(task_copy):
    from parevo import EvalConfig
    from parevo.toolchain.models import get_model
    from parevo.verify.context import EvalContext

    def memory(spec_line: str | None) -> int:
        if spec_line:
            edit(task_copy / "task.toml", "[sizes]", f"{spec_line}\n\n[sizes]")
        ctx = EvalContext(task=load_task(task_copy), model=get_model("openmp"), source="", toolchain=None, cache=None,
                          config=EvalConfig())
        return ctx.limits(10.0).memory_bytes

    default = memory(None)
    assert default == EvalConfig().memory_bytes
    assert memory("memory_gib = 7") == 7 * 2**30
    shutil.copy(SUITE_DIR / "bfs" / "task.toml", task_copy / "task.toml")
    assert memory("memory_gib = 1") == default
    shutil.copy(SUITE_DIR / "bfs" / "task.toml", task_copy / "task.toml")
    edit(task_copy / "task.toml", "[sizes]", "memory_gib = -2\n\n[sizes]")
    with pytest.raises(TaskFileError, match="memory_gib"):
        load_task(task_copy)
