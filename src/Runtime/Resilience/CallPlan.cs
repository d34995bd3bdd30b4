using McpFleet.Connections;
using Polly;

namespace McpFleet.Resilience;

/// <summary>
/// One call's progress through its candidates, shared by its attempts (hedged ones run concurrently): which servers were
/// tried, which could not be reached, and what is left of the retry budget. It decides whether a failure may be sent
/// again; the pipeline around it decides when.
/// </summary>
internal sealed class CallPlan
{
    /// <summary>Where the pipeline finds the call's plan.</summary>
    public static readonly ResiliencePropertyKey<CallPlan> Key = new("McpFleet.CallPlan");

    private readonly IReadOnlyList<CallCandidate> _candidates;
    private readonly Func<List<CallCandidate>, CallCandidate> _choose;
    private readonly IList<string> _failoverOrder;
    private readonly HashSet<CallCandidate> _tried = [];
    private readonly List<ServerConnectionException> _unreachable = [];
    private readonly Lock _gate = new();
    private int _retriesLeft;

    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="candidates">The servers that could take the call.</param>
    /// <param name="choose">Routes among a set of candidates.</param>
    /// <param name="mayResend">Whether a request that may have been delivered can be sent again.</param>
    /// <param name="maxRetries">How many times the call may be sent again, besides failovers of undelivered requests.</param>
    /// <param name="failoverOrder">The servers to fail over to first, in order.</param>
    public CallPlan(string toolName, IReadOnlyList<CallCandidate> candidates, Func<List<CallCandidate>, CallCandidate> choose, bool mayResend, int maxRetries, IList<string> failoverOrder)
    {
        ToolName = toolName;
        _candidates = candidates;
        _choose = choose;
        MayResend = mayResend;
        _retriesLeft = maxRetries;
        _failoverOrder = failoverOrder;
    }

    public string ToolName { get; }

    /// <summary>Whether a request that may have been delivered can be sent again.</summary>
    public bool MayResend { get; }

    /// <summary>The server of the latest attempt.</summary>
    public string? LastServer { get; private set; }

    /// <summary>Why servers could not be reached: each one's latest failure, in the order they were first tried.</summary>
    public IReadOnlyList<ServerConnectionException> Unreachable
    {
        get
        {
            lock (_gate)
            {
                return [.. _unreachable];
            }
        }
    }

    /// <summary>Whether a candidate has not been tried yet: the next attempt is a failover.</summary>
    public bool HasUntried
    {
        get
        {
            lock (_gate)
            {
                return _tried.Count < _candidates.Count;
            }
        }
    }

    /// <summary>
    /// Chooses the server of the next attempt: the failover order first (after the first attempt), then the routing
    /// strategy among candidates not tried yet, then among all of them again.
    /// </summary>
    public CallCandidate Next()
    {
        lock (_gate)
        {
            // One server (explicit targeting): nothing to choose.
            if (_candidates.Count == 1)
            {
                _tried.Add(_candidates[0]);
                LastServer = _candidates[0].Entry.Name;
                return _candidates[0];
            }

            var untried = _candidates.Where(c => !_tried.Contains(c)).ToList();
            var chosen = _tried.Count > 0 && _failoverOrder.Count > 0
                ? _failoverOrder.Select(name => untried.Find(c => c.Entry.Name == name)).FirstOrDefault(c => c is not null)
                : null;
            chosen ??= _choose(untried.Count > 0 ? untried : [.. _candidates]);
            _tried.Add(chosen);
            LastServer = chosen.Entry.Name;
            return chosen;
        }
    }

    /// <summary>Decides whether a failed attempt is sent again, and spends the retry budget when it is.</summary>
    public bool ShouldResend(Exception failure)
    {
        lock (_gate)
        {
            if (failure is ServerConnectionException unreachable)
            {
                var known = _unreachable.FindIndex(e => e.ServerName == unreachable.ServerName);
                if (known >= 0)
                {
                    _unreachable[known] = unreachable;
                }
                else
                {
                    _unreachable.Add(unreachable);
                }

                // Never delivered: moving on to a server not tried yet is free; coming back to one costs a retry.
                return _tried.Count < _candidates.Count || TrySpendRetry();
            }

            return CallFailures.MaybeDelivered(failure) && MayResend && TrySpendRetry();
        }
    }

    private bool TrySpendRetry()
    {
        if (_retriesLeft == 0)
        {
            return false;
        }

        _retriesLeft--;
        return true;
    }
}
