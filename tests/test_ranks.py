"""verify/ranks.py's two judgements on hand-made records (each rank's CPU as the harness reports
it, origin 16): honest sharing passes, a rank 0 that computes everything fails however the other
ranks spin, an inflated one-rank run fails, and inflation padded with busy-work is the known hole
(tests/integrity/programs/c10_mpi/inflate_and_pad.cpp runs it for real)."""

from __future__ import annotations

from parevo.verify import ranks
from parevo.verify.harness import CaseRecord

MS = 1_000_000


def _runs(per_count: dict[int, list[float]], family: str = "uniform") -> list[CaseRecord]:
    """One record per rank count: each rank's work in ms."""
    return [CaseRecord(family, 1000, 7, n, "", 0.0, True, "ok", "", None, [0.01],
                       {"process": 0, "main": 0, "threads": [[16, int(ms * MS)] for ms in work]})
            for n, work in per_count.items()]


def test_honest_sharing_passes():
    assert ranks.sharing(_runs({1: [4.0], 2: [2.1, 2.0], 3: [1.5, 1.4, 1.4], 4: [1.9, 1.8, 1.3, 1.2]}), cores=2) == ""


def test_rank_zero_doing_everything_fails_even_when_the_others_spin():
    idle = ranks.sharing(_runs({1: [4.0], 2: [4.0, 0.1], 4: [4.1, 0.1, 0.1, 0.1]}), cores=2)
    spinning = ranks.sharing(_runs({1: [4.0], 2: [4.0, 4.0], 4: [4.1, 4.0, 4.0, 4.0]}), cores=2)
    assert "busiest rank did" in idle and "busiest rank did" in spinning


def test_oversubscribed_counts_are_judged_on_their_own():
    # Polling in a collective inflates an honest busiest rank only above the core count.
    assert ranks.sharing(_runs({1: [4.0], 2: [2.0, 2.0], 4: [3.0, 3.0, 2.9, 2.8]}), cores=2) == ""
    assert "busiest rank did" in ranks.sharing(_runs({1: [4.0], 2: [2.0, 2.0], 4: [3.8, 3.7, 3.7, 3.6]}), cores=2)


def test_an_inflated_one_rank_run_fails():
    problem = ranks.sharing(_runs({1: [16.0], 2: [4.0, 0.1], 4: [4.0, 0.1, 0.1, 0.1]}), cores=2)
    assert "works harder when it runs alone" in problem


def test_inflation_padded_with_busy_work_is_the_known_hole():
    assert ranks.sharing(_runs({1: [8.0], 2: [4.0, 4.0], 4: [4.0, 4.0, 4.0, 4.0]}), cores=2) == ""


def test_calls_too_short_to_judge_decide_nothing():
    assert ranks.sharing(_runs({1: [0.5], 2: [0.5, 0.0], 4: [0.5, 0.0, 0.0, 0.0]}), cores=2) == ""


def test_a_serial_step_the_expert_reference_has_too_is_judged_against_the_reference():
    """A sort that merges at rank 0: its busiest rank does ~72 % of the one-rank work at a small
    size. Alone that is above the limit; where the task's expert reference measures 70 % on the same
    inputs, it passes, and a rank doing everything (100 %) still fails."""
    merging = _runs({1: [4.0], 2: [2.9, 1.6]})
    assert "busiest rank did" in ranks.sharing(merging, cores=2)
    assert ranks.busiest_share(merging, cores=2) == 2.9 / 4.0
    assert ranks.sharing(merging, cores=2, reference_share=0.70) == ""
    serial = _runs({1: [4.0], 2: [4.0, 0.1]})
    assert "busiest rank did" in ranks.sharing(serial, cores=2, reference_share=0.70)
