#!/usr/bin/env bash
# The main job: set up, then verify the bundled expert OpenMP reference for BFS through the
# whole cascade (static, build, correctness on adversarial inputs, ThreadSanitizer/Archer
# race runs, timing with a thread sweep against the sequential baseline, perf counters).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/parevo doctor || true
exec .venv/bin/parevo eval bfs parevo/tasks/suite/bfs/reference/openmp.cpp --model openmp --json bfs-openmp.json "$@"
