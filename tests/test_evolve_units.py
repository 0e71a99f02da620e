"""The agent's pieces without LLM or compiler: store, population, prompts, config, CPU slots."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from parevo.errors import ParevoError
from parevo.evolve.config import RunConfig, load_config
from parevo.evolve.population import Population, features, primitives_used, rng_for
from parevo.evolve.stats import run_stats
from parevo.runstore import RunStore, beats, best_of


def _program(store: RunStore, run_id: str, **kw) -> int:
    fields = dict(run_id=run_id, iteration=1, island=0, generation=1, parent_id=None, origin="mutate", repair_turn=0,
                  code="int f();", code_sha256="x", status="ok", stage_reached="profile", viable=True, fitness=1.0,
                  spread=0.01, feedback="", metrics={}, features={"speedup_bucket": 1, "loc_bucket": 0}, result=None,
                  edit=None, eval_seconds=1.0)
    fields.update(kw)
    return store.add_program(**fields)


@pytest.fixture
def store(tmp_path):
    s = RunStore(tmp_path / "run.sqlite", create=True)
    s.start_run("r1", "bfs", "openmp", {"seed": 1})
    yield s
    s.close()


def test_store_round_trip_and_wal(store, tmp_path):
    pid = _program(store, "r1", metrics={"speedup": 2.0}, edit={"kind": "diff"})
    p = store.program(pid)
    assert p.metrics == {"speedup": 2.0} and p.edit == {"kind": "diff"} and p.viable is True
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.event("r1", "iteration_done", iteration=1)
    assert store.events("r1", "iteration_done")[0]["iteration"] == 1
    # a reader opens the file while the writer holds it: what a report does during a run
    reader = RunStore(tmp_path / "run.sqlite", readonly=True)
    assert [q.id for q in reader.programs("r1")] == [pid]
    store.finish_run("r1", "finished", "done", {"evaluations": 1})
    assert reader.run("r1").status == "finished"


def test_store_refuses_a_missing_file(tmp_path):
    with pytest.raises(ParevoError, match="no run store"):
        RunStore(tmp_path / "nothing.sqlite")


def test_noise_band_ties_keep_the_incumbent(store):
    a = store.program(_program(store, "r1", fitness=2.00, spread=0.05))
    b = store.program(_program(store, "r1", fitness=2.08, spread=0.05))  # inside 5 %: a tie
    c = store.program(_program(store, "r1", fitness=2.30, spread=0.05))
    assert not beats(b, a) and beats(c, a)
    assert best_of([a, b]).id == a.id and best_of([a, b, c]).id == c.id


def test_repair_mode_until_a_viable_program_exists(store):
    seed = _program(store, "r1", viable=False, fitness=None, status="fail", stage_reached="static", origin="seed")
    _program(store, "r1", viable=False, fitness=None, status="fail", stage_reached="build")
    race = _program(store, "r1", viable=False, fitness=None, status="fail", stage_reached="race")
    pop = Population.rebuild(2, store.programs("r1"), [])
    choice = pop.choose(0, rng_for(1, 1, "choose"), exploit=0.7, n_top=2, n_diverse=1)
    # never a failed program as parent: the start again, with the failures as lessons
    assert choice.mode == "repair" and choice.parent.id == seed and choice.failed_children[0].id == race
    good = _program(store, "r1", fitness=1.5)
    pop = Population.rebuild(2, store.programs("r1"), [])
    for island in (0, 1):  # island 1 has nothing of its own: it borrows the global best
        choice = pop.choose(island, rng_for(1, 2, "choose"), exploit=1.0, n_top=2, n_diverse=1)
        assert choice.mode == "improve" and choice.parent.id == good


def test_choices_are_seeded_and_grid_keeps_cells(store):
    for i, (fit, loc) in enumerate([(1.2, 0), (2.5, 0), (1.1, 2), (3.5, 1)]):
        _program(store, "r1", fitness=fit, features={"speedup_bucket": i, "loc_bucket": loc})
    pop = Population.rebuild(1, store.programs("r1"), [])
    assert len(pop.grid(0)) == 4
    picks = [pop.choose(0, rng_for(7, it, "choose"), exploit=0.3, n_top=1, n_diverse=2).parent.id for it in range(20)]
    again = [pop.choose(0, rng_for(7, it, "choose"), exploit=0.3, n_top=1, n_diverse=2).parent.id for it in range(20)]
    assert picks == again and len(set(picks)) > 1
    choice = pop.choose(0, rng_for(7, 0, "choose"), exploit=1.0, n_top=1, n_diverse=2)
    assert choice.parent.fitness == 3.5 and choice.inspirations[0].fitness == 2.5


def test_a_contended_number_never_makes_a_best_or_an_exploited_parent(store):
    quiet = _program(store, "r1", fitness=1.5, features={"speedup_bucket": 1, "loc_bucket": 0})
    loud = _program(store, "r1", fitness=9.0, metrics={"contended": True}, features={"speedup_bucket": 4, "loc_bucket": 0})
    pop = Population.rebuild(1, store.programs("r1"), [])
    assert pop.programs[loud].contended and pop.best().id == quiet
    assert best_of([pop.programs[loud]]) is None
    assert {pop.choose(0, rng_for(1, it, "choose"), exploit=1.0, n_top=1, n_diverse=0).parent.id
            for it in range(10)} == {quiet}
    choice = pop.choose(0, rng_for(1, 0, "choose"), exploit=1.0, n_top=2, n_diverse=0)
    assert [p.id for p in choice.inspirations] == [loud]  # still shown to the LLM, after any quiet one
    only_loud = Population.rebuild(1, [pop.programs[loud]], [])
    assert only_loud.choose(0, rng_for(1, 0, "choose"), exploit=1.0, n_top=1, n_diverse=0).parent.id == loud
    assert only_loud.best() is None
    stats = run_stats(store, "r1")
    assert (stats["contended"], stats["best_program"], stats["viable"]) == (1, quiet, 2)


def test_migration_moves_the_best_along_the_ring(store):
    a = _program(store, "r1", island=0, fitness=2.0)
    _program(store, "r1", island=1, fitness=1.0)
    pop = Population.rebuild(2, store.programs("r1"), [])
    moves = pop.migrations(1)
    assert (a, 1) in moves
    store.add_migrant(a, 1, 8)
    pop = Population.rebuild(2, store.programs("r1"), store.migrants("r1"))
    assert a in {p.id for p in pop.island_programs(1)}


def test_features_see_primitives_and_size():
    code = "#pragma omp parallel for schedule(dynamic, 64) reduction(+:s)\nfor(;;){}\n"
    assert primitives_used(code, "openmp") == ["dynamic", "parallel-for", "reduction"]
    f = features(code, "openmp", 2.2)
    assert f["speedup_bucket"] == 3 and f["loc"] == 2


def test_prompts_render_every_mode(store):
    from parevo import get_task
    from parevo.prompting.task import Choice, mutate_messages, repair_messages

    task = get_task("bfs")
    parent = store.program(_program(store, "r1", fitness=1.8, metrics={
        "threads_max": 2, "speedup": 1.8, "efficiency": 0.9, "speedup_by_threads": {"1": 1.0, "2": 1.8},
        "families": {"rmat": {"baseline_s": 0.5, "candidate_s": {"1": 0.5, "2": 0.28}}}}))
    failed = store.program(_program(store, "r1", viable=False, fitness=None, status="fail", stage_reached="race",
                                    feedback="data race: write at candidate.cpp:12"))
    for mode, edit in (("improve", "diff"), ("repair", "rewrite")):
        msgs = mutate_messages(task, "openmp", Choice(parent, mode, [parent], [failed]), edit=edit)
        assert msgs[0].role == "system" and "bfs_levels" in msgs[0].content
        body = msgs[1].content
        assert "1.80x" in body and "rmat: 0.5000 / 0.2800" in body and "candidate.cpp:12" in body
        assert ("SEARCH" in body) == (edit == "diff") and "schedule(dynamic" in body  # OpenMP guidance
    scratch = mutate_messages(task, "parlay", Choice(None, "scratch", [], []), edit="rewrite")
    assert "from scratch" in scratch[1].content and "parlay::tabulate" in scratch[1].content
    custom = mutate_messages(task, "openmp", Choice(None, "scratch", [], []), edit="rewrite",
                             system="Be terse. Define {{ signature }}.")
    assert custom[0].content.startswith("Be terse. Define std::vector<std::int32_t> bfs_levels")
    rep = repair_messages(msgs, "reply", stage="build", feedback="candidate.cpp:3: error", code="int x", edit="rewrite")
    assert [m.role for m in rep[-2:]] == ["assistant", "user"] and "candidate.cpp:3: error" in rep[-1].content


def test_config_errors_name_file_and_field(tmp_path):
    f = tmp_path / "evolve.toml"
    f.write_text("[evolve]\niterations = 0\n")
    with pytest.raises(ParevoError, match=r"evolve.toml: evolve.iterations"):
        load_config(f)
    f.write_text("[evolve]\nislands = 3\n[eval]\nreps = 3\n[llm]\ntemperature = 0.2\n")
    cfg = load_config(f)
    assert cfg.evolve.islands == 3 and cfg.eval_config().reps == 3 and cfg.llm["temperature"] == 0.2
    f.write_text("[evolve\n")
    with pytest.raises(ParevoError, match="not valid TOML"):
        load_config(f)
    assert RunConfig(evolve={"quick": True}).eval_config().timing_size == 20000


def test_timing_slot_waits_for_shared_holders(tmp_path, monkeypatch):
    """A timing run does not start while a build holds the CPU, even one from a run with another
    cache directory (the slot is machine-wide); a build queued behind a waiting timing run does
    not jump ahead of it (writer priority)."""
    monkeypatch.delenv("PAREVO_SLOT_DIR", raising=False)
    monkeypatch.setenv("PAREVO_CACHE_DIR", str(tmp_path / "mine"))
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import time
        from parevo.verify import slots
        with slots.cpu_shared():
            print("held", flush=True)
            time.sleep(1.5)
    """)], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PAREVO_CACHE_DIR": str(tmp_path / "theirs")})
    assert holder.stdout.readline().strip() == "held"
    from parevo.verify import slots

    assert not slots.slot_dir().is_relative_to(tmp_path)
    start = time.monotonic()
    with slots.cpu_exclusive() as queued:
        assert queued >= 1.0 and time.monotonic() - start >= 1.0
    holder.wait(timeout=10)


def test_slot_dir_falls_back_to_the_cache_without_a_shared_directory(tmp_path, monkeypatch, capsys):
    from parevo.verify import slots

    private = tmp_path / "private"
    private.mkdir(mode=0o755)
    monkeypatch.delenv("PAREVO_SLOT_DIR", raising=False)
    monkeypatch.setenv("PAREVO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(slots, "_warned", False)
    monkeypatch.setattr(slots, "SHARED_ROOTS", (tmp_path / "missing", private))
    assert slots.slot_dir() == tmp_path / "cache"
    assert "CPU slots only exclude runs using" in capsys.readouterr().err
    private.chmod(0o777)
    assert slots.slot_dir() == private / slots.SLOT_DIR_NAME
    with slots.cpu_exclusive():
        assert (private / slots.SLOT_DIR_NAME / "cpu.lock").exists()


def test_llm_share_counts_concurrent_calls_once_and_never_exceeds_the_wall():
    """'llm 106%' mid-run: calls overlapping each other (eval_workers > 1) or ending after the
    session's last event are not double-counted against the wall time."""
    from parevo.evolve.stats import _span_seconds, _union_seconds

    assert _union_seconds([(0.0, 10.0), (5.0, 12.0), (20.0, 21.0)]) == 13.0
    assert _union_seconds([]) == 0.0
    calls = [(100.0, 130.0)]
    import datetime as dt

    iso = lambda t: dt.datetime.fromtimestamp(t, dt.timezone.utc).isoformat()  # noqa: E731
    assert _span_seconds(iso(90.0), iso(110.0), calls) == 40.0  # the session waits for the call
    assert _span_seconds(iso(90.0), iso(140.0), calls) == 50.0


def test_eval_section_is_typed_and_only_what_was_set_is_saved(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text("[evolve]\nquick = true\n[eval]\nseed = 5\n")
    cfg = load_config(p)
    assert cfg.eval.seed == 5 and cfg.eval_config().timing_size == 20000  # quick's size, the user's seed
    saved = cfg.model_dump(mode="json")
    assert saved["eval"] == {"seed": 5}
    again = RunConfig(**saved)  # a resumed run: the same settings
    assert again.eval_config() == cfg.eval_config()
    p.write_text("[eval]\ntiming_size = 'big'\n")
    with pytest.raises(ParevoError, match=r"c\.toml: eval\.timing_size"):
        load_config(p)
