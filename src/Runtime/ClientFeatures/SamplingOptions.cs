using System.ComponentModel.DataAnnotations;
using McpFleet.Configuration;
using Microsoft.Extensions.AI;

namespace McpFleet.ClientFeatures;

/// <summary>
/// Which servers may use the application's model, and how much. A server spending the host's model budget is a trust
/// decision: sampling is offered only to the servers in <see cref="AllowedServers"/>, and only when there is a handler.
/// </summary>
public sealed class SamplingOptions
{
    /// <summary>Answers the allowed servers' requests; <see langword="null"/> (the default): none.</summary>
    public SamplingHandler? Handler { get; set; }

    /// <summary>The servers that may sample, by the fleet's name for the server (a replica's own name, or the name of the
    /// server it is a replica of). Empty (the default): none.</summary>
    public ISet<string> AllowedServers { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The most tokens one completion may take; a request asking for more is lowered to it. Default: 1,000.</summary>
    public int MaxTokens { get; set; } = 1_000;

    /// <summary>The most requests one server may make per <see cref="RequestWindow"/>; further ones are refused until
    /// the window ends. Default: 20.</summary>
    public int MaxRequestsPerWindow { get; set; } = 20;

    /// <summary>The window of <see cref="MaxRequestsPerWindow"/>, measured on <see cref="FleetOptions.TimeProvider"/>. Default: 1 min.</summary>
    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Answers sampling requests from <paramref name="chatClient"/> (see <see cref="ChatClientSampling"/>).</summary>
    /// <param name="chatClient">The application's chat client.</param>
    /// <returns>These options.</returns>
    public SamplingOptions UseChatClient(IChatClient chatClient)
    {
        Handler = ChatClientSampling.CreateHandler(chatClient);
        return this;
    }

    /// <summary>Whether <paramref name="server"/> may sample.</summary>
    internal bool Allows(ServerDefinition server) =>
        Handler is not null && (AllowedServers.Contains(server.Name) || AllowedServers.Contains(server.Service));

    internal void Validate()
    {
        if (MaxTokens < 1 || MaxRequestsPerWindow < 1)
        {
            throw new ValidationException($"Sampling {nameof(MaxTokens)} and {nameof(MaxRequestsPerWindow)} must be at least 1; they are {MaxTokens} and {MaxRequestsPerWindow}.");
        }

        if (RequestWindow <= TimeSpan.Zero)
        {
            throw new ValidationException($"Sampling {nameof(RequestWindow)} must be positive; it is {RequestWindow}.");
        }
    }
}
