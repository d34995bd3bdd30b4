using System.ComponentModel.DataAnnotations;

namespace McpFleet.ClientFeatures;

/// <summary>
/// What the fleet offers its servers as their MCP client: answers to elicitation and sampling requests, the
/// application's roots, and a home for the servers' log messages. Each capability is advertised only to the servers it
/// is configured for.
/// </summary>
public sealed class ClientFeatureOptions
{
    /// <summary>Questions servers ask the user (<c>elicitation/create</c>).</summary>
    public ElicitationOptions Elicitation { get; set; } = new();

    /// <summary>Completions servers ask of the application's model (<c>sampling/createMessage</c>).</summary>
    public SamplingOptions Sampling { get; set; } = new();

    /// <summary>The application's roots (<c>roots/list</c>), fleet-wide or per server.</summary>
    public RootsOptions Roots { get; set; } = new();

    /// <summary>Where servers' log messages (<c>notifications/message</c>) go, and from which level.</summary>
    public ServerLogOptions ServerLogs { get; set; } = new();

    /// <summary>Checks the options, naming the first invalid one.</summary>
    /// <exception cref="ValidationException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (Elicitation is null || Sampling is null || Roots is null || ServerLogs is null)
        {
            throw new ValidationException($"{nameof(Elicitation)}, {nameof(Sampling)}, {nameof(Roots)} and {nameof(ServerLogs)} are required.");
        }

        Sampling.Validate();
        Roots.Validate();
    }
}
