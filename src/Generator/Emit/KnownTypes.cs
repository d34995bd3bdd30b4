namespace McpFleet.Generator.Emit;

/// <summary>
/// The fully qualified names generated code uses. Everything is <c>global::</c>-qualified so that no name from the
/// consumer's code or from a server's schemas (a property called <c>System</c>, say) can change what they bind to.
/// </summary>
internal static class KnownTypes
{
    public const string FleetRuntime = "global::McpFleet.FleetRuntime";
    public const string IFleetRuntime = "global::McpFleet.IFleetRuntime";
    public const string InvalidOperationException = "global::System.InvalidOperationException";
    public const string ArgumentValues = "global::McpFleet.Tools.ArgumentValues";
    public const string EnumWireValues = "global::McpFleet.Tools.EnumWireValues";
    public const string Progress = "global::System.IProgress<global::ModelContextProtocol.ProgressNotificationValue>";
    public const string FleetOptions = "global::McpFleet.FleetOptions";
    public const string FleetManifest = "global::McpFleet.FleetManifest";
    public const string ServerDescriptor = "global::McpFleet.ServerDescriptor";
    public const string SnapshotTools = "global::McpFleet.Snapshots.SnapshotTools";
    public const string ToolDescriptor = "global::McpFleet.ToolDescriptor";
    public const string ToolHints = "global::McpFleet.ToolHints";
    public const string ToolGroupDescriptor = "global::McpFleet.ToolGroupDescriptor";
    public const string ToolGroupMember = "global::McpFleet.ToolGroupMember";
    public const string ToolGroupResolution = "global::McpFleet.ToolGroupResolution";
    public const string ModelToolName = "global::McpFleet.ModelToolName";
    public const string IToolArguments = "global::McpFleet.Tools.IToolArguments";
    public const string IToolResult = "global::McpFleet.Tools.IToolResult";
    public const string ToolResult = "global::McpFleet.Tools.ToolResult";
    public const string TextToolResult = "global::McpFleet.Tools.TextToolResult";
    public const string JsonToolResult = "global::McpFleet.Tools.JsonToolResult";
    public const string ToolErrorException = "global::McpFleet.Tools.ToolErrorException";
    public const string ToolCallException = "global::McpFleet.Tools.ToolCallException";
    public const string ToolCallTimeoutException = "global::McpFleet.Tools.ToolCallTimeoutException";
    public const string ToolNotSentException = "global::McpFleet.Tools.ToolNotSentException";
    public const string ToolOutcomeUnknownException = "global::McpFleet.Tools.ToolOutcomeUnknownException";
    public const string OperationCanceledException = "global::System.OperationCanceledException";
    public const string ToolResultFormatException = "global::McpFleet.Tools.ToolResultFormatException";
    public const string AggregationStrategy = "global::McpFleet.Aggregation.AggregationStrategy";
    public const string AggregationStrategies = "global::McpFleet.Aggregation.AggregationStrategies";
    public const string FanOutException = "global::McpFleet.Aggregation.FanOutException";
    public const string FanOutOptions = "global::McpFleet.Aggregation.FanOutOptions";
    public const string FanOutResult = "global::McpFleet.Aggregation.FanOutResult";
    public const string FanOutTargets = "global::McpFleet.Aggregation.FanOutTargets";
    public const string StructuredJson = "global::McpFleet.Generated.StructuredJson";
    public const string CallToolResult = "global::ModelContextProtocol.Protocol.CallToolResult";
    public const string ILoggerFactory = "global::Microsoft.Extensions.Logging.ILoggerFactory";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonValueKind = "global::System.Text.Json.JsonValueKind";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string IReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string CancellationToken = "global::System.Threading.CancellationToken";

    public const string IFleet = "global::McpFleet.IFleet";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string ArgumentOutOfRangeException = "global::System.ArgumentOutOfRangeException";
    public const string ValidationException = "global::System.ComponentModel.DataAnnotations.ValidationException";
}
