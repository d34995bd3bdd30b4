#!/usr/bin/env bash
# Packs the McpFleet library and the mcpfleet tool, with their symbol packages, into a local folder feed
# (artifacts/packages by default, or the folder given). Neither package is on nuget.org yet: this feed is where they
# come from. Extra arguments go to dotnet pack, e.g. ./pack.sh artifacts/packages -p:Version=0.1.1-dev.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

feed=${1:-artifacts/packages}
shift || true
mkdir -p "$feed"
for project in src/Runtime/McpFleet.csproj src/Cli/McpFleet.Cli.csproj; do
    dotnet pack "$project" -c Release -o "$feed" -nologo -v quiet "$@"
done
echo "Packed into $(cd "$feed" && pwd):"
ls -1 "$feed" | sed 's/^/  /'
