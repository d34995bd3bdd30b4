using McpFleet.Cli.Capture;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Drift;
using McpFleet.Snapshots;

namespace McpFleet.Cli.Check;

/// <summary>
/// Checks servers against their committed snapshots, in parallel: each server is captured as <c>mcpfleet capture</c>
/// does (same connection, same protocol pinning) and its live tools are compared with the snapshot's, as the runtime
/// compares them. With <c>update</c>, the fresh snapshot is written over the old one; as with capture, none holds a
/// secret of any <paramref name="configuredServers"/>.
/// </summary>
internal sealed class CheckRunner(
    ConnectionOptions connectionOptions, string snapshotDirectory, string? protocolVersion, bool update, IReadOnlyList<ServerDefinition> configuredServers)
{
    public async Task<IReadOnlyList<ServerCheckOutcome>> CheckAsync(IReadOnlyList<ServerDefinition> servers, CancellationToken cancellationToken)
    {
        await using var capturer = new SnapshotCapturer(connectionOptions, configuredServers: configuredServers);
        return await Task.WhenAll(servers.Select(server => CheckOneAsync(capturer, server, cancellationToken)));
    }

    private async Task<ServerCheckOutcome> CheckOneAsync(SnapshotCapturer capturer, ServerDefinition server, CancellationToken cancellationToken)
    {
        // Yield first: process start and connection setup must not serialise the servers.
        await Task.Yield();
        var path = Path.Combine(snapshotDirectory, ServerSnapshot.GetFileName(server.Name));
        try
        {
            var committed = File.Exists(path) ? await SnapshotFiles.ReadAsync(path, cancellationToken) : null;
            if (committed is null && !update)
            {
                return new ServerCheckOutcome(server.Name, [], FilePath: path, Error: $"Server '{server.Name}': no snapshot at {path}; capture it with mcpfleet capture or mcpfleet check --update.");
            }

            var (version, _) = ProtocolVersionSelector.Select(server, protocolVersion, committed);
            var live = await capturer.CaptureAsync(server, version, cancellationToken);
            var changes = DriftClassifier.Compare(committed?.Tools ?? [], live.Tools);
            var written = update ? (await SnapshotFiles.WriteAsync(snapshotDirectory, live, cancellationToken)).Result : (SnapshotWriteResult?)null;
            return new ServerCheckOutcome(server.Name, changes, live.Tools.Length, path, written);
        }
        catch (Exception e) when (e is ServerConnectionException or SecretExposureException)
        {
            return new ServerCheckOutcome(server.Name, [], FilePath: path, Error: e.Message);
        }
        catch (Exception e) when (e is SnapshotFormatException or IOException or UnauthorizedAccessException)
        {
            return new ServerCheckOutcome(server.Name, [], FilePath: path, Error: SecretRedactor.Redact($"Server '{server.Name}': cannot use its snapshot {path}: {e.Message}", server.Secrets));
        }
    }
}
