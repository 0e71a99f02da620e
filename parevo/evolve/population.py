"""Islands, a MAP-Elites grid per island, and the seeded choices of parent and inspirations.

The population is never stored on its own: it is rebuilt from the program rows (and the
migrant rows) of the run store, so a resumed run sees exactly what the killed one had
committed. Every random choice draws from `rng_for(seed, iteration, purpose)`, a generator
derived from the run seed and the iteration, so a resumed run makes the same choices.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from ..prompting.task import Choice
from ..runstore import ProgramRow, best_of

SPEEDUP_EDGES = (1.0, 1.5, 2.0, 3.0)
LOC_EDGES = (40, 80, 160)
PRIMITIVES = {
    "openmp": {"parallel-for": r"omp\s+parallel\s+for|omp\s+for", "dynamic": r"schedule\s*\(\s*(dynamic|guided)",
               "reduction": r"reduction\s*\(", "atomic": r"omp\s+atomic|std::atomic|__atomic_|__sync_",
               "critical": r"omp\s+critical|omp_set_lock", "tasks": r"omp\s+task", "simd": r"omp\s+(parallel\s+for\s+)?simd",
               "scan": r"omp\s+scan|inclusive\s*\(|exclusive\s*\("},
    "parlay": {"tabulate": r"parlay::tabulate", "parallel-for": r"parlay::parallel_for", "reduce": r"parlay::reduce",
               "scan": r"parlay::scan", "filter": r"parlay::(filter|pack)", "sort": r"parlay::(sort|integer_sort)",
               "group": r"parlay::(group_by|histogram|reduce_by_key|count_by_key)", "atomic": r"std::atomic|write_min|write_max"},
    "threads": {"thread": r"std::(thread|jthread)", "async": r"std::async", "atomic": r"std::atomic",
                "mutex": r"std::(mutex|lock_guard|unique_lock|scoped_lock)", "barrier": r"std::(barrier|latch)"},
    "tbb": {"parallel-for": r"tbb::parallel_for", "reduce": r"tbb::parallel_reduce", "scan": r"tbb::parallel_scan",
            "sort": r"tbb::parallel_sort", "concurrent": r"tbb::concurrent_", "atomic": r"std::atomic"},
}


def rng_for(seed: int, iteration: int, purpose: str) -> random.Random:
    return random.Random(f"{seed}:{iteration}:{purpose}")


def bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= e for e in edges)


def code_lines(code: str) -> int:
    return sum(1 for line in code.splitlines() if line.strip() and not line.strip().startswith("//"))


def primitives_used(code: str, model: str) -> list[str]:
    return sorted(name for name, rx in PRIMITIVES.get(model, {}).items() if re.search(rx, code))


def features(code: str, model: str, fitness: float | None) -> dict:
    """Behaviour descriptors for the grid: how fast, how big, which primitives."""
    return {"speedup_bucket": bucket(fitness or 0.0, SPEEDUP_EDGES), "loc": code_lines(code),
            "loc_bucket": bucket(code_lines(code), LOC_EDGES), "primitives": primitives_used(code, model)}


@dataclass
class Population:
    n_islands: int
    grid_dims: tuple[str, ...] = ("speedup_bucket", "loc_bucket")
    programs: dict[int, ProgramRow] = field(default_factory=dict)
    members: dict[int, set[int]] = field(default_factory=dict)  # island -> program ids (own + migrants)

    @classmethod
    def rebuild(cls, n_islands: int, rows: list[ProgramRow], migrants: list[tuple[int, int, int]],
                grid_dims: tuple[str, ...] = ("speedup_bucket", "loc_bucket")) -> "Population":
        pop = cls(n_islands, grid_dims)
        for r in rows:
            pop.add(r)
        for program_id, island, _ in migrants:
            pop.members.setdefault(island, set()).add(program_id)
        return pop

    def add(self, p: ProgramRow) -> None:
        self.programs[p.id] = p
        self.members.setdefault(p.island, set()).add(p.id)

    def island_programs(self, island: int, *, viable: bool = True) -> list[ProgramRow]:
        ps = [self.programs[i] for i in sorted(self.members.get(island, ())) if i in self.programs]
        return [p for p in ps if p.viable] if viable else ps

    def viable(self) -> list[ProgramRow]:
        return [p for p in self.programs.values() if p.viable]

    def best(self) -> ProgramRow | None:
        return best_of(self.viable())

    def cell(self, p: ProgramRow) -> tuple:
        return tuple(tuple(v) if isinstance(v := p.features.get(d), list) else v for d in self.grid_dims)

    def grid(self, island: int) -> dict[tuple, ProgramRow]:
        """MAP-Elites: the best program of each behaviour cell of one island."""
        cells: dict[tuple, list[ProgramRow]] = {}
        for p in self.island_programs(island):
            cells.setdefault(self.cell(p), []).append(p)
        # A cell holding only contended programs keeps its earliest: chosen by age, not by a number.
        return {c: best_of(ps) or ps[0] for c, ps in cells.items()}

    def choose(self, island: int, rng: random.Random, *, exploit: float, n_top: int, n_diverse: int,
               n_failed: int = 3) -> Choice:
        grid = self.grid(island)
        if grid:
            elites = sorted(grid.values(), key=lambda p: p.id)
            # The parent to exploit is the fastest as measured: a tie inside the noise band keeps
            # the reported best conservative, but must not pin every child to an old program.
            trusted = [p for p in elites if not p.contended]
            exploiting = rng.random() < exploit
            if exploiting and trusted:
                parent = max(trusted, key=lambda p: (p.fitness or 0.0, p.id))
            else:  # exploring, or every number here is contended: no number decides
                parent = rng.choice(elites)
            mode = "improve"
        elif self.viable():  # this island has nothing viable yet: borrow the global best
            parent, mode = self.best() or min(self.viable(), key=lambda p: p.id), "improve"
        else:
            # Nothing viable yet: start again from the starting program (never from a failed one,
            # so a racy or wrong program cannot parent), with the latest failures as lessons.
            seed = next((p for p in sorted(self.programs.values(), key=lambda p: p.id) if p.origin == "seed"), None)
            lessons = sorted((p for p in self.programs.values() if p.origin != "seed"), key=lambda p: -p.id)[:n_failed]
            return Choice(seed, "repair" if seed else "scratch", [], lessons)
        assert parent is not None
        others = sorted((p for p in self.viable() if p.id != parent.id),
                        key=lambda p: (p.contended, -(p.fitness or 0.0), p.id))
        top = others[:n_top]
        rest_cells = [p for p in self._all_cells() if p.id != parent.id and p not in top]
        diverse = rng.sample(rest_cells, min(n_diverse, len(rest_cells)))
        failed = sorted((p for p in self.programs.values() if p.parent_id == parent.id and not p.viable),
                        key=lambda p: -p.id)[:n_failed]
        return Choice(parent, mode, top + diverse, failed)

    def _all_cells(self) -> list[ProgramRow]:
        seen: dict[int, ProgramRow] = {}
        for island in range(self.n_islands):
            for p in self.grid(island).values():
                seen[p.id] = p
        return sorted(seen.values(), key=lambda p: p.id)

    def migrations(self, n_per_island: int) -> list[tuple[int, int]]:
        """(program id, destination island): each island's best programs move to the next island (a ring)."""
        moves = []
        for island in range(self.n_islands):
            dest = (island + 1) % self.n_islands
            if dest == island:
                continue
            ranked = sorted(self.island_programs(island), key=lambda p: (p.contended, -(p.fitness or 0.0), p.id))
            for p in ranked[:n_per_island]:
                if p.id not in self.members.get(dest, set()):
                    moves.append((p.id, dest))
        return moves
