#!/usr/bin/env bash
# The README's first command: install what is missing, build, and turn the bundled example article
# into JSON, DOT and SVG under graphs/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/build.sh"
example=$root/graphs/itar-tass-missile-defence
for format in json dot svg; do
  "$root/build/newsgraph" build "$example.jsonl" -o "$example.$format" --quiet
done
echo "newsgraph: the example's graph is in"
for format in json dot svg; do echo "  $example.$format"; done
