#!/usr/bin/env bash
# Builds Kokkos 3.4.1 (the version of Debian's Trilinos 13.2) with the OpenMP and Serial host
# backends into /usr/local/kokkos (or $1) as static, position-independent libraries: the kokkos
# model needs it because Debian's libtrilinos-kokkos-dev is built with the Serial backend only.
# The source comes from PyPI (the sdist of pykokkos-base 0.0.7 carries Kokkos 3.4.1 in
# external/kokkos; downloaded as a file, its SHA-256 checked), or from $KOKKOS_SOURCE (that
# tarball or an unpacked Kokkos tree). About 5-10 minutes on 2 cores.
set -euo pipefail
PREFIX=${1:-/usr/local/kokkos}
SHA256=6339daced1e81a2748f381847d8717cd77d824407da3c263b9491b5630c642b0
if [ -f "$PREFIX/lib/libkokkoscore.a" ] && grep -q "^#define KOKKOS_ENABLE_OPENMP" "$PREFIX/include/KokkosCore_config.h"; then
  echo "Kokkos with OpenMP already in $PREFIX"; exit 0
fi
for tool in cmake g++; do
  command -v "$tool" >/dev/null || { echo "build-kokkos: $tool is missing (apt-get install cmake g++)" >&2; exit 1; }
done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
src=${KOKKOS_SOURCE:-}
if [ -z "$src" ]; then
  # The sdist file itself, from PyPI's file host (its hash is checked below). `pip download` would
  # first prepare the sdist's metadata, which with --no-binary builds CMake from source (an hour).
  src="$work/pykokkos-base-0.0.7.tar.gz"
  python3 - "$src" <<'PY'
import sys, urllib.request
URL = ("https://files.pythonhosted.org/packages/1d/2e/"
       "e3e6035ba1b7358033ad15e07ed0d49ba1b1298fdfa9ea8814a8ccc39df8/pykokkos-base-0.0.7.tar.gz")
with urllib.request.urlopen(URL, timeout=300) as r, open(sys.argv[1], "wb") as f:
    f.write(r.read())
PY
fi
if [ -f "$src" ]; then
  echo "$SHA256  $src" | sha256sum -c --quiet - || { echo "build-kokkos: $src is not pykokkos-base 0.0.7's sdist" >&2; exit 1; }
  tar xzf "$src" -C "$work" pykokkos-base-0.0.7/external/kokkos
  src="$work/pykokkos-base-0.0.7/external/kokkos"
fi
generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
cmake "${generator[@]}" -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
  -DKokkos_ENABLE_OPENMP=ON -DKokkos_ENABLE_SERIAL=ON -DKokkos_ENABLE_TESTS=OFF -DBUILD_SHARED_LIBS=OFF \
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DCMAKE_CXX_STANDARD=17 >/dev/null
cmake --build "$work/build" -j "$(nproc)" >/dev/null
cmake --install "$work/build" >/dev/null
echo "Kokkos 3.4.1 (OpenMP, Serial) installed in $PREFIX"
