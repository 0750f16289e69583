#!/usr/bin/env bash
# Installs what is missing and builds newsgraph (Release) into build/. Used by the two commands of
# the README; quiet when everything is already in place.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/install-deps.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j"$(nproc)" -- --no-print-directory | grep -v -E '^\[ *[0-9]+%\]|^Consolidate compiler' || true
test -x "$root/build/newsgraph"
