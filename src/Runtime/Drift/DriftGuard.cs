using System.Collections.Immutable;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Connections;
using ModelContextProtocol.Client;

namespace McpFleet.Drift;

/// <summary>
/// Checks one server for drift and refuses the calls its policy blocks. The check runs when a session opens, before
/// the session serves calls, and again when the server says its tool list changed; the latest verdict applies to every
/// call. A server whose snapshot's tools are unknown (a manifest without them) is never checked.
/// </summary>
internal sealed class DriftGuard
{
    private readonly ServerDefinition _server;
    private readonly ImmutableArray<JsonElement>? _snapshotTools;
    private readonly DriftPolicy _policy;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly FleetSecrets _secrets;
    private readonly Action<ServerDefinition, DriftVerdict, DriftVerdict> _decided;
    private readonly Lock _gate = new();
    private DriftVerdict _verdict = DriftVerdict.None;
    private long _checksStarted;
    private long _latestApplied;

    /// <param name="server">The server.</param>
    /// <param name="snapshotTools">The snapshot's tools, or <see langword="null"/> to never check.</param>
    /// <param name="policy">The server's policy.</param>
    /// <param name="timeout">How long listing the tools may take.</param>
    /// <param name="time">The clock of the timeout.</param>
    /// <param name="secrets">Every secret of the fleet, masked in failures.</param>
    /// <param name="decided">Told each new verdict and the one it replaces.</param>
    public DriftGuard(
        ServerDefinition server,
        ImmutableArray<JsonElement>? snapshotTools,
        DriftPolicy policy,
        TimeSpan timeout,
        TimeProvider time,
        FleetSecrets secrets,
        Action<ServerDefinition, DriftVerdict, DriftVerdict> decided)
    {
        _secrets = secrets;
        _server = server;
        _snapshotTools = snapshotTools;
        _policy = policy;
        _timeout = timeout;
        _time = time;
        _decided = decided;
    }

    /// <summary>Whether sessions are checked at all.</summary>
    public bool IsEnabled => _snapshotTools is not null;

    /// <summary>The latest check's verdict.</summary>
    public DriftVerdict Verdict => Volatile.Read(ref _verdict);

    /// <summary>Whether calls of <paramref name="toolName"/> are refused now.</summary>
    public bool IsBlocked(string toolName) => Verdict.IsBlocked(toolName);

    /// <summary>Refuses a call of a blocked tool.</summary>
    /// <exception cref="Tools.ToolBlockedException">The tool, or its whole server, is blocked.</exception>
    public void ThrowIfBlocked(ToolDescriptor tool) => Verdict.ThrowIfBlocked(tool, _server.Name);

    /// <summary>Checks a session that has just opened, before it serves calls.</summary>
    /// <exception cref="ServerConnectionException">The server's tools could not be listed; the session is not used.</exception>
    public async Task CheckSessionAsync(McpClient client, CancellationToken cancellationToken)
    {
        if (IsEnabled)
        {
            await CheckAsync(client, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks again after the server said its tool list changed. A failure keeps the previous verdict: it is
    /// reported to <paramref name="failed"/>, and the next session's check decides afresh.</summary>
    public async Task RecheckAsync(McpClient client, Action<string> failed, CancellationToken endOfSession)
    {
        if (!IsEnabled)
        {
            return;
        }

        try
        {
            await CheckAsync(client, endOfSession).ConfigureAwait(false);
        }
        catch (ServerConnectionException e)
        {
            failed(e.Message);
        }
        catch (OperationCanceledException) when (endOfSession.IsCancellationRequested)
        {
            // The session ended; the next one is checked when it opens.
        }
    }

    private async Task CheckAsync(McpClient client, CancellationToken cancellationToken)
    {
        var check = Interlocked.Increment(ref _checksStarted);
        using var timeout = new RequestTimeout(_timeout, _time, cancellationToken);
        IReadOnlyList<JsonElement> live;
        try
        {
            live = await LiveTools.ListAsync(client, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.HasExpired)
        {
            throw ConnectionFailureClassifier.Timeout(_server, _timeout, "tools/list for the drift check", _secrets);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever ended the list (a lost session, a malformed answer) is a connection failure, told in its words.
            throw ConnectionFailureClassifier.Classify(_server, e, _secrets);
        }

        var verdict = DriftVerdict.Decide(DriftClassifier.Compare(_snapshotTools!.Value, live), _policy);
        DriftVerdict previous;
        lock (_gate)
        {
            // Checks can overlap (a list change during a reconnection): the one started last wins.
            if (check < _latestApplied)
            {
                return;
            }

            _latestApplied = check;
            previous = _verdict;
            Volatile.Write(ref _verdict, verdict);
        }

        _decided(_server, verdict, previous);
    }
}
