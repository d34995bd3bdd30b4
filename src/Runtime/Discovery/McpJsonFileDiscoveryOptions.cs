using System.ComponentModel.DataAnnotations;

namespace McpFleet.Discovery;

/// <summary>Which <c>mcp.json</c> file a <see cref="McpJsonFileDiscovery"/> watches, and how.</summary>
public sealed class McpJsonFileDiscoveryOptions
{
    /// <summary>The file, e.g. <c>.vscode/mcp.json</c>; its folder must exist, the file need not.</summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// How long to wait after a change before reading the file, so that a burst of events (an editor's save, a copy)
    /// leads to one read of the finished file. Default: 200 ms.
    /// </summary>
    public TimeSpan DebounceDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ValidationException($"{nameof(Path)} is required.");
        }

        if (DebounceDelay < TimeSpan.Zero)
        {
            throw new ValidationException($"{nameof(DebounceDelay)} must not be negative; it is {DebounceDelay}.");
        }
    }
}
