#!/usr/bin/env bash
# Runs every McpFleet test on a machine that has the .NET SDK and Node.js.
# It installs the third-party MCP reference servers and the MCP conformance suite (with the Node 22 it needs, as an npm
# package) from the committed lockfiles first, and etcd when it is missing: the interop, conformance and etcd tests need
# them and fail, rather than skip, without them. The conformance suite runs in a network namespace (unshare, ip).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error
npm ci --prefix tests/conformance --no-audit --no-fund --loglevel=error

# The etcd discovery tests start a real etcd on loopback; Debian's etcd-server package provides it. CI runs as root.
# apt's output is shown only when the installation fails.
if ! command -v etcd >/dev/null; then
    apt_log=$(mktemp)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends etcd-server; } >"$apt_log" 2>&1; then
        cat "$apt_log" >&2
        echo "test.sh: could not install etcd-server with apt-get (needs root on Debian or Ubuntu); the etcd tests need etcd on PATH." >&2
        exit 1
    fi
    rm -f "$apt_log"
fi
dotnet test Sdk.sln "$@"
