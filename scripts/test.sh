#!/usr/bin/env bash
# The test suite: set up, then pytest (real compilers, sanitizers and sandboxed runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest -q "$@"
