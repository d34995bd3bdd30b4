using System.ComponentModel.DataAnnotations;

namespace McpFleet.Resilience;

/// <summary>How often and how soon a failed call is sent again, to another replica when there is one.</summary>
public sealed class RetryOptions
{
    /// <summary>How many times a call may be sent again after its first attempt. Trying a replica that provably never
    /// received the request (connection refused, circuit open) does not count. Default: 2; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The delay before the first retry of a server already tried; it doubles with each retry. Moving on to a
    /// replica not yet tried is immediate. Default: 200 ms.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between retries. Default: 5 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether delays are randomised so that many callers do not retry in step. Default: <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    internal void Validate(string owner)
    {
        if (MaxRetryAttempts is < 0 or > 100)
        {
            throw new ValidationException($"{owner}: {nameof(MaxRetryAttempts)} must be between 0 and 100; it is {MaxRetryAttempts}.");
        }

        if (Delay < TimeSpan.Zero || MaxDelay < Delay)
        {
            throw new ValidationException($"{owner}: {nameof(Delay)} must not be negative nor exceed {nameof(MaxDelay)}; they are {Delay} and {MaxDelay}.");
        }
    }
}
