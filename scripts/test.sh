#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need first: gcc (the reference for the
# preprocessor and layout checks) and the aarch64 cross compiler (the aarch64 cross-checks).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
"$here/scripts/install-test-deps.sh"
cd "$here"
exec dotnet test KlpCcp.sln "$@"
