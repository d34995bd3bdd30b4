using McpFleet.Caching;
using McpFleet.Registry;
using McpFleet.Secrets;
using McpFleet.Telemetry;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpFleet.Calls;

/// <summary>
/// Where every call goes — the generated methods, a fan-out's targets, the interactive client's calls — read top to
/// bottom:
/// <list type="number">
/// <item>the candidates: the server instances in the fleet now that can take it (none: not sent, at once);</item>
/// <item>the call: its token, ended by the caller, by one deadline for all its attempts, or by the fleet shutting down;</item>
/// <item>the result cache, for read-only tools with a time-to-live: a fresh result answers, or an identical call in
/// flight is joined, or this call will store what it gets;</item>
/// <item>the attempts: the first, routed to one replica (<see cref="ReplicaRouter"/>) and sent over its session
/// (<see cref="AttemptStage"/>); after a failure, the resend policy (<see cref="ResendStage"/>): failover, retries and
/// hedging where they are safe;</item>
/// <item>the outcome: the typed result, or one exception built on whether the request was sent (<see cref="CallExceptions"/>).</item>
/// </list>
/// </summary>
internal sealed class CallInvoker(
    ServerRegistry registry,
    IReadOnlyDictionary<string, string> unavailableServers,
    ReplicaRouter router,
    ResendStage resend,
    ToolResultCache cache,
    TimeSpan callTimeout,
    TimeProvider time,
    FleetSecrets secrets,
    FleetTelemetry telemetry,
    ILogger logger,
    CancellationToken shutdown)
{
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

    public async Task<TResult> InvokeAsync<TResult>(CallTarget target, ToolRequest request, CancellationToken cancellationToken)
        where TResult : IToolResult<TResult>
    {
        // 1. The candidates.
        var candidates = target.Candidates(registry);
        if (candidates.Length == 0)
        {
            throw CallExceptions.NoReplica(target, registry.Current.Names, unavailableServers);
        }

        // 2. The call, under one deadline; the fleet waits for it before it closes its sessions.
        var settings = target.Settings;
        var deadline = settings.Timeout ?? (target.GroupName is null ? candidates[0].Entry.Definition.CallTimeout : null) ?? callTimeout;
        Interlocked.Increment(ref _inFlight);
        using var call = new Call(target, candidates, request, deadline, time, cancellationToken, shutdown);
        ToolResultCache.CacheFlight? flight = null;
        try
        {
            // 3. The cache.
            if (settings.CacheTimeToLive is not null && await LookUpAsync(call).ConfigureAwait(false) is { } lookup)
            {
                if (lookup.Hit is { } hit)
                {
                    return TResult.FromCallToolResult(hit.Read(), hit.Tool);
                }

                flight = lookup.Flight;
            }

            // 4. The attempts: the first, routed; after a failure, whatever the resend policy allows.
            var strategy = router.StrategyOf(call);
            var outcome = await resend.FirstAttemptAsync(call, strategy).ConfigureAwait(false);
            if (outcome.Failure is not null && !call.MayHedge)
            {
                outcome = await resend.AfterFailureAsync(call, strategy, outcome).ConfigureAwait(false);
            }

            // 5. The outcome.
            if (outcome.Failure is { } failure)
            {
                var exception = CallExceptions.From(call, failure);
                if (exception is ToolOutcomeUnknownException { Replica: { } replica })
                {
                    telemetry.OutcomeUnknown(replica, target.ToolName);
                    Log.OutcomeUnknown(logger, target.ToolName, replica);
                }

                throw exception;
            }

            var result = Read<TResult>(call, outcome.Replica, outcome.Answer!);
            flight?.Complete(outcome.Answer!, outcome.Replica.Tool, settings.CacheTimeToLive!.Value);
            flight = null;
            return result;
        }
        catch (Exception e) when (flight is not null)
        {
            flight.Fail(e);
            throw;
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && shutdown.IsCancellationRequested)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>Completes once no call is in flight; call after the fleet's shutdown token was cancelled.</summary>
    public Task WhenIdleAsync()
    {
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _idle.TrySetResult();
        }

        return _idle.Task;
    }

    /// <summary>Looks the call up when its tool is read-only on every candidate (by the stricter of snapshot and live
    /// hints); <see langword="null"/> when it is not cached.</summary>
    private async ValueTask<ToolResultCache.CacheLookup?> LookUpAsync(Call call)
    {
        var target = call.Target;
        if (!Array.TrueForAll(call.Candidates, candidate => candidate.IsReadOnly))
        {
            // Naming such a tool is a mistake worth a warning; falling under the default time-to-live is not.
            if (target.Settings.CacheConfigured)
            {
                cache.NotReadOnly(target.ServerName, target.ToolName);
            }

            return null;
        }

        var (kind, servedBy) = target.Group is { } group
            ? (CacheScopeKind.ToolGroup, string.Join(',', group.Members.Select(member => member.Tool.ServerName)))
            : (CacheScopeKind.Server, target.ServerName);
        var lookup = await cache.LookUpAsync(kind, target.ServerName, target.ToolName, servedBy, call.Candidates.Select(c => c.Entry.Definition), call.Request.Arguments, call.Token)
            .ConfigureAwait(false);
        return lookup;
    }

    /// <summary>The typed result of an answer; an error result, or one that does not match the schema, is delivered and failed.</summary>
    private TResult Read<TResult>(Call call, CallCandidate replica, CallToolResult answer)
        where TResult : IToolResult<TResult>
    {
        var tool = replica.Tool;
        var attempts = () => call.Failures.Select(f => f.ToAttempt()).Append(new ToolCallAttempt(replica.Entry.Name, CallDelivery.Delivered, "answered")).ToArray();
        if (answer.IsError == true)
        {
            // The tool's error text can echo any server's secret.
            var error = new ToolErrorException(tool, answer, secrets.Mask);
            error.Describe(tool.ServerName, call.Target.GroupName, attempts());
            throw error;
        }

        try
        {
            return TResult.FromCallToolResult(answer, tool);
        }
        catch (ToolResultFormatException e)
        {
            e.Describe(tool.ServerName, call.Target.GroupName, attempts());
            throw;
        }
    }
}
