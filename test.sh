#!/usr/bin/env bash
# Runs every McpFleet test on a machine that has the .NET SDK and Node.js.
# It installs the third-party MCP reference servers from the committed lockfile first: the interop tests need them
# and fail, rather than skip, without them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error
dotnet test Sdk.sln "$@"
