namespace McpFleet.Aggregation;

/// <summary>Why a fan-out has no result.</summary>
public enum FanOutFailureKind
{
    /// <summary>No server was there to call: none is configured for the targets, or none offers the tool.</summary>
    NoTargets,

    /// <summary>Every target failed, timed out or was cancelled.</summary>
    AllFailed,

    /// <summary>Fewer targets succeeded than <see cref="FanOutOptions.MinimumSuccesses"/> requires.</summary>
    TooFewSuccesses,

    /// <summary>The majority or quorum the strategy requires did not agree on one result.</summary>
    NoAgreement,
}
