using System.ComponentModel.DataAnnotations;

namespace McpFleet.Resilience;

/// <summary>
/// Hedging: when a call of a tool that is safe to repeat has no answer after <see cref="Delay"/>, the same call goes to
/// another replica too; the first answer wins and the other request is cancelled on its server.
/// </summary>
public sealed class HedgingOptions
{
    /// <summary>How long to wait for an answer before hedging; <see langword="null"/> (the default) turns hedging off.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>How many extra requests one call may send, each to a replica not yet asked. Default: 1.</summary>
    public int MaxHedgedAttempts { get; set; } = 1;

    internal void Validate(string owner)
    {
        if (Delay is { } delay && delay <= TimeSpan.Zero)
        {
            throw new ValidationException($"{owner}: hedging {nameof(Delay)} must be positive; it is {delay}.");
        }

        if (MaxHedgedAttempts is < 1 or > 10)
        {
            throw new ValidationException($"{owner}: {nameof(MaxHedgedAttempts)} must be between 1 and 10; it is {MaxHedgedAttempts}.");
        }
    }
}
