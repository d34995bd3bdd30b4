using ModelContextProtocol.Protocol;

namespace McpFleet.Calls;

/// <summary>How one attempt ended: the server's answer (an <c>isError</c> result is an answer too) or a classified failure.</summary>
internal readonly struct AttemptResult
{
    public AttemptResult(CallCandidate replica, CallToolResult answer)
    {
        Replica = replica;
        Answer = answer;
    }

    public AttemptResult(AttemptFailure failure)
    {
        Replica = failure.Replica;
        Failure = failure;
    }

    public CallCandidate Replica { get; }

    public CallToolResult? Answer { get; }

    public AttemptFailure? Failure { get; }
}
