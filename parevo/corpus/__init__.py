"""The corpus: verified training data for parallel C++.

`parevo corpus generate`: Critic-Refine generation (generator, critic, refinement) filtered by
execution (build, tests at several thread counts, race detection, speedup) and de-duplicated
with MinHash, exported as train/eval/test JSONL with a card. `parevo corpus from-runs`:
supervised and preference pairs from evolve and bench stores. See docs/corpus.md.
"""

from .dedup import Deduper
from .export import split_of, write_exports
from .filters import FilterConfig, Filters, Verdict
from .from_runs import PairsOutcome, pairs_from_runs
from .pipeline import CorpusSpec, Generator, Outcome, candidate_id
from .replies import Critique, Draft, parse_critique, parse_draft
from .seeds import Seed, load_seeds
from .store import CandidateRow, CorpusStore

__all__ = [
    "CorpusSpec", "Generator", "Outcome", "candidate_id", "FilterConfig", "Filters", "Verdict", "Deduper",
    "Draft", "Critique", "parse_draft", "parse_critique", "Seed", "load_seeds", "CorpusStore", "CandidateRow",
    "write_exports", "split_of", "pairs_from_runs", "PairsOutcome",
]
