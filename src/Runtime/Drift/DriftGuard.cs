using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Secrets;
using ModelContextProtocol.Client;

namespace McpFleet.Drift;

/// <summary>
/// Checks one server for drift and refuses the calls its policy blocks. The check runs when a session opens, before
/// the session serves calls; again when the server says its tool list changed, and every relist interval
/// (<see cref="RecheckScheduler"/>); and before a destructive call when the verdict is older than allowed. The latest
/// verdict applies to every call. A server whose snapshot's tools are unknown (a manifest without them) is never checked.
/// </summary>
internal sealed class DriftGuard
{
    private readonly ServerDefinition _server;
    private readonly ImmutableArray<JsonElement>? _snapshotTools;
    private readonly DriftPolicy _policy;
    private readonly DriftSchedule _schedule;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly FleetSecrets _secrets;
    private readonly DriftMonitor _monitor;
    private readonly RecheckScheduler _rechecks;
    private readonly Lock _gate = new();
    private DriftVerdict _verdict = DriftVerdict.None;
    private FrozenDictionary<string, ToolHints> _liveHints = FrozenDictionary<string, ToolHints>.Empty;
    private long _checksStarted;
    private long _latestApplied;
    private long _lastChecked;
    private Task? _freshening;

    /// <param name="server">The server.</param>
    /// <param name="snapshotTools">The snapshot's tools, or <see langword="null"/> to never check.</param>
    /// <param name="policy">The server's policy.</param>
    /// <param name="schedule">When to check again after a session opened.</param>
    /// <param name="timeout">How long listing the tools may take.</param>
    /// <param name="time">The clock of the timeout and the schedule.</param>
    /// <param name="secrets">Every secret of the fleet, masked in failures.</param>
    /// <param name="monitor">Reports checks, verdicts, failures and announced list changes.</param>
    public DriftGuard(
        ServerDefinition server,
        ImmutableArray<JsonElement>? snapshotTools,
        DriftPolicy policy,
        DriftSchedule schedule,
        TimeSpan timeout,
        TimeProvider time,
        FleetSecrets secrets,
        DriftMonitor monitor)
    {
        _server = server;
        _snapshotTools = snapshotTools;
        _policy = policy;
        _schedule = schedule;
        _timeout = timeout;
        _time = time;
        _secrets = secrets;
        _monitor = monitor;
        _rechecks = new RecheckScheduler(schedule, time, RecheckAsync, () => monitor.ToolListChanged(server.Name));
    }

    /// <summary>Whether sessions are checked at all.</summary>
    public bool IsEnabled => _snapshotTools is not null;

    /// <summary>The latest check's verdict.</summary>
    public DriftVerdict Verdict => Volatile.Read(ref _verdict);

    /// <summary>The hints the server's latest listing declares for <paramref name="toolName"/>, or <see langword="null"/>
    /// when it was not listed (or the server is not checked). The call path acts on the stricter of these and the
    /// snapshot's, whatever the drift policy does about a difference.</summary>
    public ToolHints? LiveHints(string toolName) => Volatile.Read(ref _liveHints).GetValueOrDefault(toolName);

    /// <summary>Whether calls of <paramref name="toolName"/> are refused now.</summary>
    public bool IsBlocked(string toolName) => Verdict.IsBlocked(toolName);

    /// <summary>Refuses a call of a blocked tool.</summary>
    /// <exception cref="Tools.ToolBlockedException">The tool, or its whole server, is blocked.</exception>
    public void ThrowIfBlocked(ToolDescriptor tool) => Verdict.ThrowIfBlocked(tool, _server.Name);

    /// <summary>Checks a session that has just opened, before it serves calls; it is then re-checked on schedule.</summary>
    /// <exception cref="ServerConnectionException">The server's tools could not be listed; the session is not used.</exception>
    public async Task CheckSessionAsync(McpClient client, CancellationToken cancellationToken)
    {
        if (IsEnabled)
        {
            await CheckAsync(client, DriftCheckTrigger.Session, cancellationToken).ConfigureAwait(false);
            _rechecks.SessionOpened(client);
        }
    }

    /// <summary>The server said its tool list changed: a coalesced re-check follows (see <see cref="RecheckScheduler"/>).</summary>
    public void ToolListChanged(McpClient client, CancellationToken sessionEnded) => _rechecks.ListChanged(client, sessionEnded);

    /// <summary>
    /// Before a call of <paramref name="tool"/> on <paramref name="client"/>'s session: when the tool is destructive (by
    /// the stricter hints) and the verdict is older than <see cref="DriftOptions.DestructiveCallMaxCheckAge"/>, checks
    /// the live definitions again first (concurrent callers share one check). Call <see cref="ThrowIfBlocked"/> after it.
    /// </summary>
    /// <exception cref="ServerConnectionException">The tools could not be listed: the call is not sent unchecked.</exception>
    public async ValueTask EnsureCurrentAsync(McpClient client, ToolDescriptor tool, CancellationToken cancellationToken)
    {
        if (!IsEnabled || _schedule.MaxCheckAge == Timeout.InfiniteTimeSpan || !IsDestructive(tool)
            || _time.GetElapsedTime(Volatile.Read(ref _lastChecked)) <= _schedule.MaxCheckAge)
        {
            return;
        }

        Task check;
        lock (_gate)
        {
            if (_freshening is not { IsCompleted: false } running)
            {
                running = _freshening = CheckAsync(client, DriftCheckTrigger.DestructiveCall, CancellationToken.None);
            }

            check = running;
        }

        await check.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="tool"/> is destructive by the stricter of its snapshot's and its live hints.</summary>
    private bool IsDestructive(ToolDescriptor tool) => (LiveHints(tool.ToolName) is { } live ? StricterHints.Of(tool.Hints, live) : tool.Hints).IsDestructive;

    /// <summary>Checks again on schedule. A failure keeps the previous verdict: it is reported, and the next check decides afresh.</summary>
    private async Task RecheckAsync(McpClient client, DriftCheckTrigger trigger, CancellationToken endOfSession)
    {
        if (!IsEnabled)
        {
            return;
        }

        try
        {
            await CheckAsync(client, trigger, endOfSession).ConfigureAwait(false);
        }
        catch (ServerConnectionException e)
        {
            _monitor.RecheckFailed(_server.Name, e.Message);
        }
        catch (OperationCanceledException) when (endOfSession.IsCancellationRequested)
        {
            // The session ended; the next one is checked when it opens.
        }
    }

    private async Task CheckAsync(McpClient client, DriftCheckTrigger trigger, CancellationToken cancellationToken)
    {
        var check = Interlocked.Increment(ref _checksStarted);
        var started = _time.GetTimestamp();
        _monitor.Checking(_server.Name, trigger);
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
            Volatile.Write(ref _liveHints, StricterHints.ByName(live));
            Volatile.Write(ref _lastChecked, started);
        }

        _monitor.Decided(_server, verdict, previous);
    }

}
