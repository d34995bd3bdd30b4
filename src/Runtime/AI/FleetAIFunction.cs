using System.Text.Json;
using McpFleet.Tools;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.AI;

/// <summary>
/// One of the fleet's tools as an <see cref="AIFunction"/> for <c>ChatOptions.Tools</c>: a server's tool
/// (<c>server__tool</c>) or a unified tool routed among several servers (<c>tool</c>), described to the model by its
/// snapshot definition (description and input schema unchanged). Invoking it calls the tool through the fleet —
/// routing, failover, drift blocking, caching and telemetry included.
/// </summary>
/// <remarks>
/// A tool error (<c>isError</c>), and arguments the server refuses as invalid, come back to the model as data naming the
/// server, as with the MCP SDK's <c>McpClientTool</c>, so it can correct itself. Everything else follows the fleet's
/// exception contract, built on whether the request was sent: <see cref="ToolNotSentException"/> (drift blocking
/// included: <see cref="ToolBlockedException"/>), <see cref="ToolOutcomeUnknownException"/> (and its
/// <see cref="ToolCallTimeoutException"/>) and the other failures are thrown, for the function-invoking client to handle.
/// </remarks>
public sealed class FleetAIFunction : AIFunction
{
    private readonly FleetRuntime _runtime;

    internal FleetAIFunction(FleetRuntime runtime, string name, Tool definition, ToolDescriptor? tool, ToolGroupDescriptor? group, ToolHints hints)
    {
        _runtime = runtime;
        Name = name;
        Definition = definition;
        Tool = tool;
        Group = group;
        Hints = hints;
        ServerNames = group is null ? [tool!.ServerName] : [.. group.Members.Select(member => member.Tool.ServerName)];
    }

    /// <summary>The model-facing name.</summary>
    public override string Name { get; }

    /// <summary>The description the snapshot recorded.</summary>
    public override string Description => Definition.Description ?? "";

    /// <summary>The input schema the snapshot recorded, unchanged.</summary>
    public override JsonElement JsonSchema => Definition.InputSchema;

    /// <summary>The output schema the snapshot recorded, if any.</summary>
    public override JsonElement? ReturnJsonSchema => Definition.OutputSchema;

    /// <inheritdoc />
    public override JsonSerializerOptions JsonSerializerOptions => McpJsonUtilities.DefaultOptions;

    /// <summary>The tool's definition as its snapshot recorded it (for a unified tool, its preferred server's).</summary>
    public Tool Definition { get; }

    /// <summary>The server's tool this function calls; <see langword="null"/> for a unified tool.</summary>
    public ToolDescriptor? Tool { get; }

    /// <summary>The unified tool this function calls; <see langword="null"/> for a server's tool.</summary>
    public ToolGroupDescriptor? Group { get; }

    /// <summary>The servers the call may go to (by the names the snapshots give them), in order of preference.</summary>
    public IReadOnlyList<string> ServerNames { get; }

    /// <summary>The stricter of the hints the snapshots and (when read) the live servers declare: read-only only when
    /// all say so, destructive when any does.</summary>
    public ToolHints Hints { get; }

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var sent = ModelToolResult.Arguments(arguments, JsonSerializerOptions);
        try
        {
            var result = Group is null
                ? await _runtime.CallToolAsync<JsonToolArguments, RawToolResult>(Tool!, sent, cancellationToken).ConfigureAwait(false)
                : await _runtime.CallToolAsync<JsonToolArguments, RawToolResult>(Group, sent, cancellationToken).ConfigureAwait(false);
            return ModelToolResult.Success(result.RawResult, JsonSerializerOptions);
        }
        catch (ToolErrorException e)
        {
            return ModelToolResult.Error(e, e.Result);
        }
        catch (ToolCallException e) when (e.ErrorCode == McpErrorCode.InvalidParams)
        {
            return ModelToolResult.Error(e, result: null);
        }
    }
}
