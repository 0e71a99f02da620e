#!/usr/bin/env bash
# The cuda model's checks on a machine with an NVIDIA GPU (none can run on a machine without one;
# as of issue 17 none of this has ever run on a GPU): the GPU and compute-sanitizer, the CUDA tests
# (tests/test_cuda.py: the 60 views linked with their kernels' declarations, the relu reference
# through correctness, compute-sanitizer memcheck/racecheck/synccheck and timing, three bad
# kernels failing on the GPU, and the toolchain check of relu_launch.cu under each sanitizer tool),
# then the 12 ParEval CUDA references through `parevo bench` (correctness, the three sanitizer
# tools, timing against the sequential baseline): under 5 minutes on a 16-core GPU machine.
# With GPU_CHECK_ALL_VIEWS=1, a third step (about 2 minutes more) has every view launch its
# prompt's kernel stub (60 builds, eight at a time). Prints what it ran and each outcome.
set -uo pipefail
cd "$(dirname "$0")/.."
export PAREVO_CACHE_DIR=${PAREVO_CACHE_DIR:-$(mktemp -d)}
PY=.venv/bin/python; [ -x "$PY" ] || PY=python3
echo "== GPU"
nvidia-smi -L 2>/dev/null || echo "nvidia-smi: no GPU listed (the GPU tests below will skip)"
ls -l /dev/nvidia* 2>/dev/null | head -8
command -v compute-sanitizer || ls /usr/local/cuda*/bin/compute-sanitizer 2>/dev/null || echo "compute-sanitizer: not found"
"$PY" -c "from parevo.toolchain import cuda; c = cuda.detect(); print(c); print('runnable:', c.unrunnable() or 'yes')"
echo "== CUDA tests"
timeout 170 "$PY" -m pytest -q -rs --durations=8 tests/test_cuda.py -k "not every_view_launches"; tests_rc=$?
echo "== ParEval CUDA references (bench, quick)"
out=$(mktemp -d)
timeout 110 "$PY" -m parevo.cli bench --suite pareval --solutions reference --models cuda --quick --jobs 8 \
  --pareval "${PAREVAL_DIR:-../shared/pareval}" --out-dir "$out"; bench_rc=$?
views_rc=0
if [ "${GPU_CHECK_ALL_VIEWS:-0}" = 1 ]; then
  echo "== every view launches its prompt's kernel stub"
  timeout 200 "$PY" -m pytest -q -rs tests/test_cuda.py -k every_view_launches; views_rc=$?
fi
echo "== done: tests rc=$tests_rc, bench rc=$bench_rc, views rc=$views_rc (bench store in $out)"
[ "$tests_rc" -eq 0 ] && [ "$bench_rc" -eq 0 ] && [ "$views_rc" -eq 0 ]
