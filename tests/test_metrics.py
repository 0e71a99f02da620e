"""Bench metrics against hand-worked values, k > 1 included."""

from __future__ import annotations

import pytest

from parevo.bench.metrics import (
    Sample, build_at_k, errors_excluded, efficiency_at_k, expected_max_of_k, pass_at_k, pass_at_k_one, race_free_at_k,
    speedup_at_k, speedup_max_at_k,
)


def S(prompt, correct=True, built=True, race_free=True, sp=None):
    return Sample(prompt, built, correct, race_free, sp or {})


def test_pass_at_k_closed_form():
    # n=5, c=2: pass@1 = 2/5; pass@2 = 1 - C(3,2)/C(5,2) = 1 - 3/10 = 0.7; pass@4 = 1 - 0 = 1
    assert pass_at_k_one(5, 2, 1) == pytest.approx(0.4)
    assert pass_at_k_one(5, 2, 2) == pytest.approx(0.7)
    assert pass_at_k_one(5, 2, 4) == 1.0
    assert pass_at_k_one(5, 0, 3) == 0.0
    with pytest.raises(ValueError):
        pass_at_k_one(2, 1, 3)


def test_expected_max_of_k_by_enumeration():
    # values 1, 2, 4: pairs (1,2)->2 (1,4)->4 (2,4)->4, mean 10/3 (a descending sort would give a wrong figure)
    assert expected_max_of_k([4.0, 1.0, 2.0], 2) == pytest.approx(10 / 3)
    assert expected_max_of_k([4.0, 1.0, 2.0], 1) == pytest.approx(7 / 3)
    assert expected_max_of_k([4.0, 1.0, 2.0], 3) == pytest.approx(4.0)


def test_metrics_over_prompts():
    rows = [
        # prompt a: speedups at 2 threads 3.0 and 1.0, one wrong (counts 0), one racy (counts 0)
        S("a", sp={1: 1.0, 2: 3.0}), S("a", sp={1: 0.9, 2: 1.0}), S("a", correct=False, sp={2: 9.0}),
        S("a", race_free=False, sp={2: 8.0}),
        # prompt b: nothing builds
        S("b", built=False, correct=False, race_free=None), S("b", built=False, correct=False, race_free=None),
        S("b", built=False, correct=False, race_free=None), S("b", built=False, correct=False, race_free=None),
    ]
    assert pass_at_k(rows, 1) == pytest.approx((2 / 4 + 0) / 2)
    assert pass_at_k(rows, 2) == pytest.approx((1 - 1 / 6 + 0) / 2)  # a: 1 - C(2,2)/C(4,2)
    assert build_at_k(rows, 1) == pytest.approx((1 + 0) / 2)
    assert race_free_at_k(rows, 1) == pytest.approx(3 / 4)  # b had no race verdict at all: not averaged in
    # a's speedups at 2 threads: [0, 0, 1, 3]; E[max of 2] = (C(2,1)*1 + C(3,1)*3)/C(4,2) = (2+9)/6
    assert speedup_at_k(rows, 2, 2) == pytest.approx((11 / 6 + 0) / 2)
    assert speedup_at_k(rows, 2, 1) == pytest.approx((4 / 4 + 0) / 2)
    assert efficiency_at_k(rows, 2, 2) == pytest.approx((11 / 6) / 2 / 2)
    # max over thread counts: a's per-sample best = [3, 1, 0, 0] -> same as at 2 threads here
    assert speedup_max_at_k(rows, 2) == pytest.approx((11 / 6) / 2)
    assert pass_at_k(rows, 5) is None  # no prompt has 5 samples
    # a verifier error is not the candidate's fault: left out, not counted as a failure
    with_error = rows + [Sample("a", True, True, None, {}, errored=True)]
    assert pass_at_k(with_error, 1) == pass_at_k(rows, 1) and errors_excluded(with_error) == 1
