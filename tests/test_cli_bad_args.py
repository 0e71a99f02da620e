"""Bad command-line values: one line, exit 2, before any work starts, never a traceback.

`test_every_parameter_of_every_command` walks the Click command tree Typer builds (the
framework's own introspection, so a new command or option is covered without editing this
file) and feeds each parameter values its type should refuse. The entry points where real work
starts are replaced by a sentinel, so a value that slips through is seen as "work started"
instead of running an evolution. `test_named_bad_arguments` pins the cases the issue names."""

from __future__ import annotations

import json
import traceback
import typing
import uuid
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from parevo.errors import ParevoError

# Where each command's real work begins (evaluation, builds, an evolution, a bench...).
WORK_ENTRY_POINTS = [
    ("parevo.verify.cascade", "evaluate"), ("parevo.verify.racecheck", "racecheck"),
    ("parevo.cli.evolve", "_execute_live"), ("parevo.cli.bench", "_run_with_progress"),
    ("parevo.cli.corpus", "_interruptible"), ("parevo.corpus", "pairs_from_runs"),
    ("parevo.report.suitedoc", "run_references"), ("parevo.owncode.check", "check_task"),
    ("parevo.owncode.new", "new_task"),
]


class WorkStarted(Exception):
    """A command got past its argument checks to real work."""


@pytest.fixture
def cli(monkeypatch, tmp_path):
    import importlib

    from parevo.cli import app

    for module, name in WORK_ENTRY_POINTS:
        def started(*a, _name=name, **k):
            if hasattr(a[0] if a else None, "close"):  # a coroutine handed to an async entry point
                a[0].close()
            raise WorkStarted(_name)
        monkeypatch.setattr(importlib.import_module(module), name, started)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("PAREVO_RUNS_DIR", str(tmp_path / "runs"))
    return app


def invoke(command, args: list[str]) -> tuple[str, int, str]:
    """(kind, exit code, output) where kind is 'rejected' (a usage or parevo error, exit 2),
    'work' (got to real work), 'ok' (a command that finished) or 'traceback'."""
    result = CliRunner().invoke(command, args, catch_exceptions=True)
    exc = result.exception
    out = result.output
    if isinstance(exc, WorkStarted):
        return "work", 0, out
    if isinstance(exc, ParevoError):  # what parevo.cli.main prints as one line, exit 2
        return "rejected", 2, f"error: {exc}"
    if exc is not None and not isinstance(exc, SystemExit):
        return "traceback", 1, out + "".join(traceback.format_exception(exc))
    if "Traceback (most recent call last)" in out:
        return "traceback", result.exit_code, out
    return ("rejected" if result.exit_code == 2 else "ok"), result.exit_code, out


# Typer (0.29) vendors its own Click: commands and parameters are read through what it records
# (`commands`, `params`, `param_type_name`, `type_descriptor`), not by class identity.
def _leaves(group, prefix: tuple[str, ...] = ()):
    if hasattr(group, "commands"):
        for name, sub in sorted(group.commands.items()):
            yield from _leaves(sub, (*prefix, name))
    else:
        yield prefix, group


@pytest.fixture
def files(tmp_path):
    script = tmp_path / "empty-script.json"
    script.write_text("[]")
    cpp = tmp_path / "cand.cpp"
    cpp.write_text("int main() { return 0; }\n")
    reply = tmp_path / "reply.md"
    reply.write_text("no code")
    exchange = tmp_path / "exchange"
    (exchange / "requests").mkdir(parents=True)
    somedir = tmp_path / "a-directory"
    somedir.mkdir()
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 8)
    return dict(script=script, cpp=cpp, reply=reply, exchange=exchange, dir=somedir, binary=binary, tmp=tmp_path)


def _is_argument(param) -> bool:
    return param.param_type_name == "argument"


def _good(param, f: dict) -> list[str] | None:
    """A plausible value for a required parameter, by its name; None: leave it out."""
    good = {"task": "histogram", "candidate": str(f["cpp"]), "program": str(f["cpp"]), "model": "openmp",
            "llm": f"scripted:{f['script']}", "seeds": "task:histogram", "out": str(f["tmp"] / "fresh-out"),
            "runs": str(f["dir"]), "data": str(f["dir"]), "base_model": "none", "directory": str(f["exchange"]),
            "request_id": "nope", "reply_file": str(f["reply"]), "run_ref": "nope"}
    value = good.get(param.name)
    if value is None:
        return None
    return [value] if _is_argument(param) else [param.opts[0], value]


def _annotation(param) -> type:
    """The parameter's Python type as Typer records it (Optional[X] and list[X] give X)."""
    ann = param.type_descriptor.annotation
    while typing.get_args(ann):
        ann = next(a for a in typing.get_args(ann) if a is not type(None))
    return ann


def _missing(f: dict) -> str:
    """A path that does not exist, fresh each time (an accepted output path gets created)."""
    return str(f["tmp"] / "missing" / uuid.uuid4().hex)


def _bad_values(param, f: dict) -> list[str]:
    kind = {Path: "Path", int: "IntParamType", float: "FloatParamType", bool: "BoolParamType"}.get(_annotation(param), "")
    if kind == "Path":
        return [_missing(f), str(f["dir"]), str(f["binary"]), ""]
    if kind in ("IntRange", "IntParamType"):
        return ["-1", "0", "abc", "99999999999999999999999"]
    if kind in ("FloatRange", "FloatParamType"):
        return ["-1", "0", "abc", "nan", "inf"]
    if kind == "Choice":
        return ["no-such-choice"]
    if kind == "BoolParamType" or getattr(param, "is_flag", False):
        return []
    return ["", "no-such-thing", "bogus:spec", ":", _missing(f), str(f["dir"]), str(f["binary"]), "-3"]


def test_every_parameter_of_every_command(cli, files):
    tried, outcomes, failures = 0, {}, []
    for path, command in _leaves(typer.main.get_command(cli)):
        required = [p for p in command.params if p.required]
        for param in command.params:
            if param.name in ("help", "version") or getattr(param, "hidden", False):
                continue
            for bad in _bad_values(param, files):
                args = list(path)
                for other in required:
                    if other is not param and (good := _good(other, files)):
                        args += good
                if _is_argument(param):
                    args.append(bad)
                else:
                    args += [param.opts[0], bad]
                kind, code, out = invoke(cli, args)
                tried += 1
                outcomes[kind] = outcomes.get(kind, 0) + 1
                if kind == "traceback":
                    failures.append(f"parevo {' '.join(args)}\n{out[-1500:]}")
    print(f"{tried} bad-argument cases: {outcomes}")
    assert tried > 150  # every command of the tree was reached
    assert not failures, f"{len(failures)} of {tried} cases ended in a traceback:\n\n" + "\n\n".join(failures[:5])


def _case(f: dict, name: str) -> list[str]:
    bad_cfg = f["tmp"] / "bad.toml"
    bad_cfg.write_text("[eval]\nreps = 0\n")
    typo_cfg = f["tmp"] / "typo.toml"
    typo_cfg.write_text("[evolve]\niteratons = 3\n")
    not_a_run = f["tmp"] / "not-a-run"
    not_a_run.mkdir(exist_ok=True)
    script = f"scripted:{f['script']}"
    return {
        "evolve --out DIR": ["evolve", "histogram", "--llm", script, "--out", str(f["dir"])],
        "evolve --out in a missing dir": ["evolve", "histogram", "--llm", script, "--out", str(f["tmp"] / "missing" / "best.cpp")],
        "evolve --config DIR": ["evolve", "histogram", "--llm", script, "--config", str(f["dir"])],
        "evolve --config missing": ["evolve", "histogram", "--llm", script, "--config", "missing.toml"],
        "evolve bad [eval] field": ["evolve", "histogram", "--llm", script, "--config", str(bad_cfg)],
        "evolve unknown [evolve] field": ["evolve", "histogram", "--llm", script, "--config", str(typo_cfg)],
        "evolve unknown task": ["evolve", "no-such-task", "--llm", script],
        "evolve unknown model": ["evolve", "histogram", "--llm", script, "--model", "cobol"],
        "evolve malformed --llm": ["evolve", "histogram", "--llm", "openai"],
        "evolve --llm unknown scheme": ["evolve", "histogram", "--llm", "gpt:4"],
        "evolve --llm missing script": ["evolve", "histogram", "--llm", "scripted:missing.json"],
        "evolve --llm binary script": ["evolve", "histogram", "--llm", f"scripted:{f['binary']}"],
        "evolve -n 0": ["evolve", "histogram", "--llm", script, "-n", "0"],
        "evolve -n -2": ["evolve", "histogram", "--llm", script, "-n", "-2"],
        "evolve --budget -1": ["evolve", "histogram", "--llm", script, "--budget", "-1"],
        "evolve --resume not a run": ["evolve", "--resume", str(not_a_run)],
        "evolve --runs-dir FILE": ["evolve", "--resume", "x", "--runs-dir", str(f["cpp"])],
        "eval candidate DIR": ["eval", "histogram", str(f["dir"]), "-m", "openmp"],
        "eval candidate missing": ["eval", "histogram", "missing.cpp", "-m", "openmp"],
        "eval unknown model": ["eval", "histogram", str(f["cpp"]), "-m", "cobol"],
        "eval model the task refuses": ["eval", "coloring", str(f["cpp"]), "-m", "rayon"],
        "eval --reps 0": ["eval", "histogram", str(f["cpp"]), "-m", "openmp", "--reps", "0"],
        "eval --threads 0": ["eval", "histogram", str(f["cpp"]), "-m", "openmp", "--threads", "0,2"],
        "eval --json DIR": ["eval", "histogram", str(f["cpp"]), "-m", "openmp", "--json", str(f["dir"])],
        "racecheck program DIR": ["racecheck", str(f["dir"])],
        "racecheck --runs 0": ["racecheck", str(f["cpp"]), "--runs", "0"],
        "racecheck --timeout -5": ["racecheck", str(f["cpp"]), "--timeout", "-5"],
        "bench --samples 0": ["bench", "--solutions", "reference", "--samples", "0"],
        "bench --jobs -1": ["bench", "--solutions", "reference", "--jobs", "-1"],
        "bench --out-dir FILE": ["bench", "--solutions", "reference", "--out-dir", str(f["cpp"])],
        "corpus generate --out FILE": ["corpus", "generate", "--llm", script, "--seeds", "tasks", "-m", "openmp",
                                       "--out", str(f["cpp"])],
        "corpus generate -n 0": ["corpus", "generate", "--llm", script, "--seeds", "tasks", "-m", "openmp",
                                 "--out", "c", "-n", "0"],
        "runs show not a run": ["runs", "show", "nope"],
        "runs list --runs-dir FILE": ["runs", "list", "--runs-dir", str(f["cpp"])],
        "llm answer reply DIR": ["llm", "answer", str(f["exchange"]), "x", str(f["dir"])],
        "llm pending missing dir": ["llm", "pending", str(f["tmp"] / "missing" / "exchange")],
        "report --out FILE": ["report", "x", "--out", str(f["cpp"])],
        "tasks show unknown": ["tasks", "show", "no-such-task"],
    }[name]


NAMED = ["evolve --out DIR", "evolve --out in a missing dir", "evolve --config DIR", "evolve --config missing",
         "evolve bad [eval] field", "evolve unknown [evolve] field", "evolve unknown task", "evolve unknown model",
         "evolve malformed --llm", "evolve --llm unknown scheme", "evolve --llm missing script",
         "evolve --llm binary script", "evolve -n 0", "evolve -n -2", "evolve --budget -1", "evolve --resume not a run",
         "evolve --runs-dir FILE", "eval candidate DIR", "eval candidate missing", "eval unknown model",
         "eval model the task refuses", "eval --reps 0", "eval --threads 0", "eval --json DIR", "racecheck program DIR",
         "racecheck --runs 0", "racecheck --timeout -5", "bench --samples 0", "bench --jobs -1",
         "bench --out-dir FILE", "corpus generate --out FILE", "corpus generate -n 0", "runs show not a run",
         "runs list --runs-dir FILE", "llm answer reply DIR", "llm pending missing dir", "report --out FILE",
         "tasks show unknown"]


@pytest.mark.parametrize("name", NAMED)
def test_named_bad_arguments(cli, files, name):
    args = _case(files, name)
    kind, code, out = invoke(cli, args)
    assert kind == "rejected" and code == 2, f"parevo {' '.join(args)} -> {kind} ({code}):\n{out[-2000:]}"
    message = [line for line in out.splitlines() if line.strip() and not line.startswith(("Usage:", "Try "))]
    # one message: Click's boxed "Invalid value for ..." or parevo's "error: ..." line
    assert any("Invalid value" in m or "error:" in m or "Missing" in m or "No such" in m for m in message), out
    assert not (files["tmp"] / "runs").exists() or not any((files["tmp"] / "runs").iterdir()), \
        "a run directory was created for a command that was refused"


def test_config_errors_name_the_file_and_the_field(cli, files):
    cfg = files["tmp"] / "run.toml"
    cfg.write_text("[evolve]\nislands = 0\n")
    kind, _, out = invoke(cli, ["evolve", "histogram", "--llm", f"scripted:{files['script']}", "--config", str(cfg)])
    assert kind == "rejected" and f"{cfg}: evolve.islands:" in out
    cfg.write_text("[llm]\ntimeout_s = -1\n")
    kind, _, out = invoke(cli, ["evolve", "histogram", "--llm", f"scripted:{files['script']}", "--config", str(cfg)])
    assert kind == "rejected" and f"{cfg}: llm.timeout_s:" in out
    json.dumps(out)  # printable
