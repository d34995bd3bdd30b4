namespace McpFleet.SampleServer.Tools;

/// <summary>
/// Alternative definitions of <c>echo</c> selected with <c>--variant</c>, so tests can start the "same" server with a
/// changed schema: compatible and breaking changes, an annotation escalation and a description change.
/// </summary>
internal enum EchoVariant
{
    /// <summary>The normal definition.</summary>
    Standard,

    /// <summary><c>echo-optional-param</c>: adds an optional <c>repeat</c> parameter (a compatible change).</summary>
    OptionalParameter,

    /// <summary><c>echo-required-param</c>: adds a required <c>prefix</c> parameter (a breaking change).</summary>
    RequiredParameter,

    /// <summary><c>echo-number-message</c>: <c>message</c> becomes a number (a breaking type change).</summary>
    NumberMessage,

    /// <summary><c>echo-destructive</c>: declares the tool destructive instead of read-only (an annotation escalation).</summary>
    Destructive,

    /// <summary><c>echo-new-description</c>: a different description, as a tool-poisoning server would send.</summary>
    NewDescription,
}
