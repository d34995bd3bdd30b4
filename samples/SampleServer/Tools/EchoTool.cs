using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>The <c>echo</c> tool: returns its message unchanged.</summary>
internal static class EchoTool
{
    public static McpServerTool Create() => McpServerTool.Create(Echo, new McpServerToolCreateOptions
    {
        Name = ToolNames.Echo,
        Title = "Echo",
        Description = "Returns the message unchanged, as text. Useful to check that the server answers and that text survives the round trip.",
        ReadOnly = true,
        Idempotent = true,
        Destructive = false,
        OpenWorld = false,
    });

    private static string Echo([Description("The text to return.")] string message) => message;
}
