"""Near-duplicate removal: MinHash over the code's tokens with an LSH index (datasketch).

Tokens are the solution's identifiers, numbers and operators with comments and string
contents dropped, so a copy with other comments, layout or a few changed lines is still a
near-duplicate. Shingles of `SHINGLE` tokens keep some order: the same tokens shuffled are not
a duplicate. Identifiers are kept as they are: folding them would make every small reduction
look like every other.
"""

from __future__ import annotations

import re

from ..errors import ParevoError
from ..verify.source import strip_comments_and_strings

SHINGLE = 3
NUM_PERM = 128
_TOKEN = re.compile(r"[A-Za-z_]\w*(?:::\w+)*|\d[\w.]*|==|!=|<=|>=|&&|\|\||<<|>>|\+\+|--|->|[{}()\[\];,<>=+\-*/%&|^!~?:#.]")


def tokens(code: str) -> list[str]:
    return _TOKEN.findall(strip_comments_and_strings(code))


def _shingles(code: str) -> set[str]:
    toks = tokens(code)
    if len(toks) < SHINGLE:
        return {" ".join(toks)}
    return {" ".join(toks[i:i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}


class Deduper:
    """`check(code)` names the kept record this one nearly duplicates (estimated Jaccard
    similarity of shingles >= threshold), or None; `add(id, code)` keeps it."""

    def __init__(self, threshold: float = 0.85, num_perm: int = NUM_PERM):
        try:
            from datasketch import MinHash, MinHashLSH
        except ImportError:
            raise ParevoError("the corpus needs datasketch for de-duplication: pip install datasketch") from None
        if not 0.0 < threshold <= 1.0:
            raise ParevoError(f"--dedup-threshold {threshold}: give a similarity in (0, 1]")
        self._minhash, self.num_perm = MinHash, num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.threshold = threshold
        self._hashes: dict[str, object] = {}

    def _hash(self, code: str):
        m = self._minhash(num_perm=self.num_perm, seed=1)
        m.update_batch([s.encode() for s in sorted(_shingles(code))])
        return m

    def check(self, code: str) -> str | None:
        m = self._hash(code)
        # LSH finds candidates; the estimated similarity decides, so the answer honours the threshold.
        near = [(m.jaccard(self._hashes[k]), k) for k in self.lsh.query(m)]
        near = [x for x in near if x[0] >= self.threshold]
        return max(near)[1] if near else None

    def add(self, key: str, code: str) -> None:
        if key not in self._hashes:
            m = self._hash(code)
            self._hashes[key] = m
            self.lsh.insert(key, m)

    def __len__(self) -> int:
        return len(self._hashes)
