"""Benchmark metrics: unbiased estimators over stored samples, pure functions.

For one prompt with n samples of which c pass, pass@k = 1 - C(n-c, k) / C(n, k): the chance
that at least one of k samples drawn without replacement passes. build@k and race_free@k are
the same estimator with "built" and "race-free" as the success.

speedup_p@k is the expected best speedup at p threads among k samples drawn without
replacement, failed samples counting 0: with the n speedups sorted ascending (s_1 <= ... <= s_n),
E[max of k] = sum_{j=k..n} C(j-1, k-1) / C(n, k) * s_j. ParEval's released code sorts the other
way, which is right only for k = 1. efficiency_p@k uses s_j / p, speedup_max@k the best speedup
of each sample over all thread counts. Every figure is the mean over prompts.
"""

from __future__ import annotations

from math import comb
from statistics import mean
from typing import Iterable, NamedTuple


class Sample(NamedTuple):
    """What the metrics need of one stored sample."""

    prompt: str
    built: bool
    correct: bool  # passed the correctness stage (and the timing run's validation, when timed)
    race_free: bool | None  # None: no detector could run (TBB) or the race stage was not reached
    speedups: dict[int, float]  # threads -> speedup over the sequential baseline (empty when not timed)
    errored: bool = False  # the verifier (not the candidate) failed: left out of every metric, and counted


def errors_excluded(samples: Iterable[Sample]) -> int:
    return sum(1 for s in samples if s.errored)


def pass_at_k_one(n: int, c: int, k: int) -> float:
    if k > n:
        raise ValueError(f"k={k} is larger than the {n} samples of a prompt")
    if n - c < k:
        return 1.0
    return 1.0 - comb(n - c, k) / comb(n, k)


def expected_max_of_k(values: list[float], k: int) -> float:
    """E[max] of k values drawn without replacement from `values`."""
    n = len(values)
    if k > n:
        raise ValueError(f"k={k} is larger than the {n} samples of a prompt")
    s = sorted(values)
    return sum(comb(j - 1, k - 1) * s[j - 1] for j in range(k, n + 1)) / comb(n, k)


def _by_prompt(samples: Iterable[Sample]) -> dict[str, list[Sample]]:
    groups: dict[str, list[Sample]] = {}
    for s in samples:
        if not s.errored:
            groups.setdefault(s.prompt, []).append(s)
    return groups


def _rate_at_k(samples: Iterable[Sample], k: int, ok) -> float | None:
    groups = _by_prompt(samples)
    vals = [pass_at_k_one(len(g), sum(1 for s in g if ok(s)), k) for g in groups.values() if len(g) >= k]
    return mean(vals) if vals else None


def pass_at_k(samples: Iterable[Sample], k: int) -> float | None:
    """Correct and not racy (a sample whose race check could not run counts, with its caveat)."""
    return _rate_at_k(samples, k, lambda s: s.correct and s.race_free is not False)


def build_at_k(samples: Iterable[Sample], k: int) -> float | None:
    return _rate_at_k(samples, k, lambda s: s.built)


def race_free_at_k(samples: Iterable[Sample], k: int) -> float | None:
    """Over prompts where a detector could judge at least one sample (None for serial or TBB)."""
    judged = [s for g in _by_prompt(samples).values() if any(x.race_free is not None for x in g) for s in g]
    return _rate_at_k(judged, k, lambda s: s.race_free is True)


def _speed(s: Sample, threads: int | None) -> float:
    if not (s.correct and s.race_free is not False) or not s.speedups:
        return 0.0
    if threads is None:
        return max(s.speedups.values())
    return s.speedups.get(threads, 0.0)


def speedup_at_k(samples: Iterable[Sample], threads: int, k: int) -> float | None:
    groups = _by_prompt(samples)
    vals = [expected_max_of_k([_speed(s, threads) for s in g], k) for g in groups.values() if len(g) >= k]
    return mean(vals) if vals else None


def efficiency_at_k(samples: Iterable[Sample], threads: int, k: int) -> float | None:
    v = speedup_at_k(samples, threads, k)
    return None if v is None else v / threads


def speedup_max_at_k(samples: Iterable[Sample], k: int) -> float | None:
    groups = _by_prompt(samples)
    vals = [expected_max_of_k([_speed(s, None) for s in g], k) for g in groups.values() if len(g) >= k]
    return mean(vals) if vals else None


def summary(samples: list[Sample], ks: Iterable[int], threads: int) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for k in ks:
        out[f"build@{k}"] = build_at_k(samples, k)
        out[f"pass@{k}"] = pass_at_k(samples, k)
        out[f"race_free@{k}"] = race_free_at_k(samples, k)
        out[f"speedup_{threads}@{k}"] = speedup_at_k(samples, threads, k)
        out[f"efficiency_{threads}@{k}"] = efficiency_at_k(samples, threads, k)
        out[f"speedup_max@{k}"] = speedup_max_at_k(samples, k)
    return out
