#!/usr/bin/env bash
# The main job: set up, then replay the recorded evolution run of examples/bfs-openmp offline.
# The model's replies come from the recording; every candidate is really compiled, checked on
# adversarial inputs, race-checked (Archer/ThreadSanitizer) and timed against the sequential
# baseline on this machine, so the agent is seen at work without any LLM endpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/parevo doctor || true
exec .venv/bin/parevo evolve bfs --model openmp \
  --llm replay:examples/bfs-openmp/run.sqlite --config examples/bfs-openmp/evolve.toml \
  --runs-dir parevo-runs --out bfs-openmp-best.cpp "$@"
