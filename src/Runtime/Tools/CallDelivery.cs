namespace McpFleet.Tools;

/// <summary>How far a failed call got: the one question that decides what a caller (and the fleet) may do next.</summary>
public enum CallDelivery
{
    /// <summary>The request never left this process: nothing ran, and sending it again is always safe.</summary>
    NotSent,

    /// <summary>The server received the request and answered with a failure (a tool error, a refusal, a result that
    /// does not match its schema).</summary>
    Delivered,

    /// <summary>The request was sent but no answer came (no answer in time, the session ended, the fleet shut down):
    /// the tool may or may not have run.</summary>
    OutcomeUnknown,
}
