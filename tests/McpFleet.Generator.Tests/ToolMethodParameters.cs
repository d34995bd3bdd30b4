using ModelContextProtocol;

namespace McpFleet.Generator.Tests;

/// <summary>The parameters every generated tool method ends with, for finding a method by reflection.</summary>
internal static class ToolMethodParameters
{
    /// <summary>A tool method without arguments: the progress receiver and the cancellation token.</summary>
    public static readonly Type[] None = [typeof(IProgress<ProgressNotificationValue>), typeof(CancellationToken)];
}
