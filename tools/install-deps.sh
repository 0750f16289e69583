#!/usr/bin/env bash
# Installs the Debian packages newsgraph builds and runs with; silent when all are present.
# Idempotent: asks apt only for what dpkg says is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  libboost-graph-dev rapidjson-dev catch2 libcli11-dev
  graphviz libgraphviz-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${missing[*]}; run as root (or with sudo) to install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
