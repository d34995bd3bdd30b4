#!/usr/bin/env bash
# Recaptures this sample's snapshots from mcp.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dotnet build samples/SampleServer --nologo --verbosity quiet
MCPFLEET_SAMPLE_SERVER="$PWD/samples/SampleServer/bin/Debug/net10.0/McpFleet.SampleServer.dll" \
  dotnet run --project src/Cli -- capture --config samples/ReplicaFleet/mcp.json --out samples/ReplicaFleet/snapshots "$@"
