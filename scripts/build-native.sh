#!/usr/bin/env bash
# Publishes the klp-ccp command as a native (ahead-of-time compiled) executable into .build/,
# so that a run pays no JIT start-up. Serialised with a lock: parallel callers wait for one build.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
mkdir -p "$here/.build"
exec 9>"$here/.build/build.lock"
flock 9
out="$here/.build/klp-ccp"
if [ -x "$out/klp-ccp" ] && [ -z "$(find "$here/src" "$here/Directory.Build.props" -newer "$out/klp-ccp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -print -quit)" ]; then
  exit 0
fi
echo "klp-ccp: building the native executable (once)..." >&2
dotnet publish "$here/src/Cli/KlpCcp.Cli.csproj" -c Release -o "$out.new" -p:PublishAot=true -p:DebugType=none -nologo -v quiet >&2
rm -rf "$out"
mv "$out.new" "$out"
touch "$out/klp-ccp"
