"""Timing statistics: the median of repetitions, the spread that says how far to trust it,
and geometric means over input families (a speedup is a ratio: average it geometrically)."""

from __future__ import annotations

import math
import statistics
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class TimingStats:
    median: float
    min: float
    max: float
    spread: float  # (max - min) / median
    reps: int

    @classmethod
    def of(cls, times: list[float]) -> "TimingStats":
        if not times:
            raise ValueError("no timed repetitions")
        med = statistics.median(times)
        lo, hi = min(times), max(times)
        return cls(med, lo, hi, (hi - lo) / med if med > 0 else 0.0, len(times))

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def geomean(values: list[float]) -> float:
    vals = [v for v in values if v > 0]
    if not vals:
        return 0.0
    return math.exp(sum(math.log(v) for v in vals) / len(vals))
