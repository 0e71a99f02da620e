#!/usr/bin/env bash
# Idempotent set-up on Debian/Ubuntu: system packages parevo's verifier uses, then a virtual
# environment in .venv with parevo and its test dependencies. Safe to run every time: it does
# nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# g++/gcc build candidates; libomp-dev brings LLVM's libomp with the Archer tool (OpenMP race
# checks without false positives); libtbb-dev the tbb model; bubblewrap confines writes and
# the network; linux-perf the profile stage; util-linux has prlimit; procps has pgrep; cargo,
# rustc and librust-rayon-dev (Rayon as a local crate registry) the rayon model; openmpi-bin and
# libopenmpi-dev the mpi and mpi+omp models; cmake builds Kokkos with OpenMP (the kokkos model:
# Debian's libtrilinos-kokkos-dev is Serial-only, see scripts/build-kokkos.sh).
APT_PACKAGES=(g++ gcc libomp-dev libtbb-dev bubblewrap linux-perf util-linux procps python3-venv python3-pip
              cargo rustc librust-rayon-dev openmpi-bin libopenmpi-dev cmake)
# `setup.sh --test`: also what the tests need; headless Chromium renders the HTML report.
if [ "${1:-}" = "--test" ]; then
  APT_PACKAGES+=(chromium fonts-dejavu-core)
  EXTRAS="test,train,ray"  # the fine-tuning test trains a tiny model on the CPU; tests/test_ray.py a local cluster
else
  EXTRAS="test"
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = "none" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "parevo set-up: missing system packages: ${missing[*]}" >&2
    echo "install them as root, e.g.: apt-get install -y ${missing[*]}" >&2
    echo "(parevo still runs without the optional ones; 'parevo doctor' says what each one costs)" >&2
  else
    echo "parevo set-up: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.parevo-installed-$EXTRAS
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[$EXTRAS]"
  touch "$stamp"
fi

# The kokkos model's Kokkos (OpenMP backend) into /usr/local/kokkos, when this user may write there.
if [ -w /usr/local ] || [ -d /usr/local/kokkos ]; then
  scripts/build-kokkos.sh || echo "parevo set-up: Kokkos was not built; the kokkos model is unavailable ('parevo doctor')" >&2
fi
