using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;

namespace McpFleet.Discovery;

/// <summary>The servers of a <see cref="StaticDiscovery"/>.</summary>
public sealed class StaticDiscoveryOptions
{
    /// <summary>The servers; names must be unique.</summary>
    public IList<ServerDefinition> Servers { get; } = [];

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">A server is missing or named twice.</exception>
    public void Validate()
    {
        if (Servers.Any(server => server is null))
        {
            throw new ValidationException($"{nameof(Servers)} must not hold null.");
        }

        if (Servers.GroupBy(server => server.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
        {
            throw new ValidationException($"Server '{duplicate.Key}' is listed more than once.");
        }
    }
}
