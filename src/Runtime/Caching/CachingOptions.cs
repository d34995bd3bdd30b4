using System.ComponentModel.DataAnnotations;

namespace McpFleet.Caching;

/// <summary>
/// Opt-in caching of read-only tools' results. A result is kept per server (or unified tool), tool, canonical
/// arguments and credential partition, so it never serves a call made with other credentials. Tools that are not
/// read-only are never cached, whatever their time-to-live says.
/// </summary>
public sealed class CachingOptions
{
    /// <summary>Whether results are cached at all. Default: <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How long a read-only tool's result is served from the cache, unless <see cref="ToolTimeToLive"/> names the tool.
    /// <see cref="TimeSpan.Zero"/> caches only the tools named there. Default: 1 minute.
    /// </summary>
    public TimeSpan DefaultTimeToLive { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time-to-live per tool, by wire name; <see cref="TimeSpan.Zero"/> keeps the tool out of the cache.</summary>
    public IDictionary<string, TimeSpan> ToolTimeToLive { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>The most results kept; the least recently used leave first. Default: 1,000.</summary>
    public int MaxEntries { get; set; } = 1_000;

    /// <summary>
    /// The most bytes kept, counting each result as its JSON and its arguments as text; a larger result is not cached.
    /// Default: 32 MiB.
    /// </summary>
    public long MaxBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// Returns a further partition of the cache for the current call, e.g. the current tenant or user when credentials
    /// alone do not tell them apart. Called on every cacheable call; <see langword="null"/> adds nothing. Only a hash
    /// of the value is kept.
    /// </summary>
    public Func<string?>? PartitionKey { get; set; }

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public void Validate()
    {
        if (DefaultTimeToLive < TimeSpan.Zero)
        {
            throw new ValidationException($"{nameof(DefaultTimeToLive)} must not be negative; it is {DefaultTimeToLive}.");
        }

        if (ToolTimeToLive is null)
        {
            throw new ValidationException($"{nameof(ToolTimeToLive)} is required.");
        }

        foreach (var (tool, timeToLive) in ToolTimeToLive.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(tool) || timeToLive < TimeSpan.Zero)
            {
                throw new ValidationException($"{nameof(ToolTimeToLive)} needs tool names and times that are not negative; tool '{tool}' has {timeToLive}.");
            }
        }

        if (MaxEntries < 1)
        {
            throw new ValidationException($"{nameof(MaxEntries)} must be at least 1; it is {MaxEntries}.");
        }

        if (MaxBytes < 1)
        {
            throw new ValidationException($"{nameof(MaxBytes)} must be at least 1; it is {MaxBytes}.");
        }
    }
}
