namespace McpFleet.SampleServer.Faults;

/// <summary>Faults injected into tool calls so resilience code can be tested against a real server.</summary>
internal sealed record FaultOptions
{
    /// <summary>Delay before each tool call executes.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The fraction (0..1) of tool calls that fail with a JSON-RPC error instead of executing.</summary>
    public double FailRate { get; init; }

    /// <summary>Seed for the failure sequence; <see langword="null"/> makes it differ from run to run.</summary>
    public int? Seed { get; init; }

    /// <summary>The executed tool call after which the process exits without responding; <see langword="null"/> never.</summary>
    public int? ExitAfter { get; init; }

    /// <summary>A file that receives one JSON line per executed tool call; <see langword="null"/> for none.</summary>
    public string? JournalPath { get; init; }
}
