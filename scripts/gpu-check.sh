#!/usr/bin/env bash
# The cuda model's checks on a machine with an NVIDIA GPU (none can run on a machine without one):
# the GPU, the CUDA tests (the ParEval relu reference run under compute-sanitizer memcheck,
# racecheck and synccheck; the compile/static tests) and the ParEval CUDA references through
# `parevo bench` (compiled; their GPU run through the harness is not built yet, so they are
# reported unscored). Meant to finish in under 5 minutes; prints what it ran and each outcome.
set -uo pipefail
cd "$(dirname "$0")/.."
export PAREVO_CACHE_DIR=${PAREVO_CACHE_DIR:-$(mktemp -d)}
PY=.venv/bin/python; [ -x "$PY" ] || PY=python3
echo "== GPU"
nvidia-smi -L 2>/dev/null || echo "nvidia-smi: no GPU listed (the GPU tests below will skip)"
command -v compute-sanitizer || ls /usr/local/cuda*/bin/compute-sanitizer 2>/dev/null || echo "compute-sanitizer: not found"
"$PY" -c "from parevo.toolchain import cuda; c = cuda.detect(); print(c); print('runnable:', c.unrunnable() or 'yes')"
echo "== CUDA tests"
timeout 150 "$PY" -m pytest -q -rs tests/test_cuda.py; tests_rc=$?
echo "== ParEval CUDA references (bench, quick)"
out=$(mktemp -d)
timeout 120 "$PY" -m parevo.cli bench --suite pareval --solutions reference --models cuda --quick \
  --pareval "${PAREVAL_DIR:-../shared/pareval}" --out-dir "$out"; bench_rc=$?
echo "== done: tests rc=$tests_rc, bench rc=$bench_rc (bench store in $out)"
exit $tests_rc
