#!/usr/bin/env bash
# Recaptures the committed snapshots in schemas/snapshots from schemas/mcp.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error
dotnet build samples/SampleServer --nologo --verbosity quiet
MCPFLEET_SAMPLE_SERVER="$PWD/samples/SampleServer/bin/Debug/net10.0/McpFleet.SampleServer.dll" \
  dotnet run --project src/Cli -- capture --config schemas/mcp.json --out schemas/snapshots "$@"
