namespace McpFleet.Tools;

/// <summary>One attempt of a call on one server instance, as a <see cref="ToolException"/> reports it.</summary>
/// <param name="Replica">The server instance the attempt went to (a server's own name, or one of its replicas').</param>
/// <param name="Delivery">How far the attempt's request got.</param>
/// <param name="Outcome">What happened, in words; free of arguments and of every secret of the fleet.</param>
public sealed record ToolCallAttempt(string Replica, CallDelivery Delivery, string Outcome)
{
    /// <inheritdoc />
    public override string ToString() => $"'{Replica}': {Outcome}";
}
