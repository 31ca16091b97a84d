#!/usr/bin/env bash
# Installs the Debian packages the tests compare against, when they are missing.
# (GNU patch: the reference for applying the kernel cases' fixes.)
set -euo pipefail
need=()
command -v gcc >/dev/null 2>&1 || need+=(gcc)
[ -x /usr/bin/aarch64-linux-gnu-gcc-12 ] || need+=(gcc-12-aarch64-linux-gnu)
command -v patch >/dev/null 2>&1 || need+=(patch)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing test dependencies: ${need[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >&2
