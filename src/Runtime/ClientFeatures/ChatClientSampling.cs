// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using Microsoft.Extensions.AI;
using ModelContextProtocol;

namespace McpFleet.ClientFeatures;

/// <summary>Answers servers' sampling requests from an <see cref="IChatClient"/> the application provides.</summary>
public static class ChatClientSampling
{
    /// <summary>
    /// A handler that turns each request into a chat request (messages, system prompt as instructions, temperature, stop
    /// sequences, the token limit) and the chat client's answer into the sampling result, as the MCP SDK's adapter does.
    /// </summary>
    /// <param name="chatClient">The chat client; it is not disposed by the fleet.</param>
    public static SamplingHandler CreateHandler(IChatClient chatClient)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        var answer = chatClient.CreateSamplingHandler();
        return (request, cancellationToken) => answer(request.Parameters, request.Progress, cancellationToken);
    }
}
