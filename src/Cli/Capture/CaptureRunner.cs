using System.Diagnostics;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Snapshots;

namespace McpFleet.Cli.Capture;

/// <summary>Captures servers in parallel and writes each snapshot as soon as it is taken, so one server's failure
/// costs nothing of the others'. No snapshot holds a secret of any <paramref name="configuredServers"/>.</summary>
internal sealed class CaptureRunner(
    ConnectionOptions connectionOptions, string outputDirectory, string? protocolVersion, IReadOnlyList<ServerDefinition> configuredServers)
{
    public async Task<IReadOnlyList<ServerCaptureOutcome>> CaptureAsync(
        IReadOnlyList<ServerDefinition> servers, ICaptureObserver observer, CancellationToken cancellationToken)
    {
        await using var capturer = new SnapshotCapturer(connectionOptions, configuredServers: configuredServers);
        return await Task.WhenAll(servers.Select(server => CaptureOneAsync(capturer, server, observer, cancellationToken)));
    }

    private async Task<ServerCaptureOutcome> CaptureOneAsync(
        SnapshotCapturer capturer, ServerDefinition server, ICaptureObserver observer, CancellationToken cancellationToken)
    {
        // Yield first: process start and connection setup must not serialise the servers.
        await Task.Yield();
        observer.Started(server.Name);
        var stopwatch = Stopwatch.StartNew();
        var (version, source) = ProtocolVersionSelector.Select(server, protocolVersion, await ReadPreviousAsync(server, cancellationToken));
        ServerCaptureOutcome outcome;
        try
        {
            var snapshot = await capturer.CaptureAsync(server, version, cancellationToken);
            var (path, result) = await SnapshotFiles.WriteAsync(outputDirectory, snapshot, cancellationToken);
            outcome = new ServerCaptureOutcome(server.Name, stopwatch.Elapsed, source, snapshot, path, result);
        }
        catch (Exception e) when (e is ServerConnectionException or SecretExposureException)
        {
            outcome = new ServerCaptureOutcome(server.Name, stopwatch.Elapsed, source, Error: e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var cause = e is IOException or UnauthorizedAccessException
                ? $"cannot write its snapshot: {e.Message}"
                : $"unexpected {e.GetType().Name}: {e.Message}";
            outcome = new ServerCaptureOutcome(server.Name, stopwatch.Elapsed, source, Error: SecretRedactor.Redact($"Server '{server.Name}': {cause}", server.Secrets));
        }

        observer.Completed(outcome);
        return outcome;
    }

    /// <summary>The server's current snapshot, if there is a readable one; it only informs protocol pinning.</summary>
    private async Task<ServerSnapshot?> ReadPreviousAsync(ServerDefinition server, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outputDirectory, ServerSnapshot.GetFileName(server.Name));
        try
        {
            return File.Exists(path) ? await SnapshotFiles.ReadAsync(path, cancellationToken) : null;
        }
        catch (Exception e) when (e is SnapshotFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
