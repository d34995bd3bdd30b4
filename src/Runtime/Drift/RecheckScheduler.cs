using ModelContextProtocol.Client;

namespace McpFleet.Drift;

/// <summary>
/// Runs one server's re-checks after its session opened: when the server says its tool list changed, and every
/// relist interval. Requests are coalesced: at most one re-check runs and one waits, whatever arrives meanwhile, and
/// re-checks start no closer together than <see cref="DriftSchedule.MinRecheckInterval"/>; so a flood of notifications
/// costs a few <c>tools/list</c> requests on that server's own session, and nothing of any other server's.
/// </summary>
internal sealed class RecheckScheduler(
    DriftSchedule schedule,
    TimeProvider time,
    Func<McpClient, DriftCheckTrigger, CancellationToken, Task> recheck,
    Action listChanged)
{
    // A relist wait is shortened by up to this fraction, so that servers are not all listed at once.
    private const double Jitter = 0.1;

    private readonly Lock _gate = new();
    private bool _running;
    private Request? _pending;
    private long _lastStarted;
    private ITimer? _relistTimer;

    /// <summary>The server said its tool list changed, on <paramref name="client"/>'s session.</summary>
    public void ListChanged(McpClient client, CancellationToken sessionEnded) => Enqueue(new Request(client, DriftCheckTrigger.ListChanged, sessionEnded));

    /// <summary>A checked session opened: it is listed again every relist interval until it ends.</summary>
    public void SessionOpened(McpClient client)
    {
        if (schedule.RelistInterval is not { } interval || interval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        // Not disposed: a request may still hold its token, and a source with no timer and no links holds nothing.
        var ended = new CancellationTokenSource();
        var sessionEnded = ended.Token;
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                Enqueue(new Request(client, DriftCheckTrigger.Periodic, sessionEnded));
                timer?.Change(NextRelist(interval), Timeout.InfiniteTimeSpan);
            },
            state: null,
            NextRelist(interval),
            Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _relistTimer?.Dispose();
            _relistTimer = timer;
        }

        _ = client.Completion.ContinueWith(
            _ =>
            {
                timer.Dispose();
                ended.Cancel();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static TimeSpan NextRelist(TimeSpan interval) => interval * (1 - (Random.Shared.NextDouble() * Jitter));

    private void Enqueue(Request request)
    {
        lock (_gate)
        {
            // A list change waiting to be announced stays announced, whatever request replaces it.
            _pending = _pending is { Trigger: DriftCheckTrigger.ListChanged } && request.Trigger != DriftCheckTrigger.ListChanged
                ? request with { Trigger = DriftCheckTrigger.ListChanged }
                : request;
            if (_running)
            {
                return;
            }

            _running = true;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            Request request;
            lock (_gate)
            {
                if (_pending is not { } next)
                {
                    _running = false;
                    return;
                }

                request = next;
            }

            if (_lastStarted != 0 && schedule.MinRecheckInterval - time.GetElapsedTime(_lastStarted) is { Ticks: > 0 } wait)
            {
                try
                {
                    await Task.Delay(wait, time, request.SessionEnded).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // That session ended; a later request may be for the next one.
                }
            }

            lock (_gate)
            {
                // The latest request, which may have replaced the one waited for.
                request = _pending ?? request;
                _pending = null;
            }

            _lastStarted = time.GetTimestamp();
            if (request.SessionEnded.IsCancellationRequested)
            {
                continue;
            }

            if (request.Trigger == DriftCheckTrigger.ListChanged)
            {
                listChanged();
            }

            await recheck(request.Client, request.Trigger, request.SessionEnded).ConfigureAwait(false);
        }
    }

    private sealed record Request(McpClient Client, DriftCheckTrigger Trigger, CancellationToken SessionEnded);
}
