using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9005 // Roots are deprecated from revision 2026-07-28 on; clients of older revisions still offer them.

namespace McpFleet.SampleServer.Tools;

/// <summary>The <c>list_roots</c> tool: asks the client for its roots (<c>roots/list</c>) and returns them.</summary>
internal static class ListRootsTool
{
    public static McpServerTool Create() => McpServerTool.Create(ListAsync, new McpServerToolCreateOptions
    {
        Name = ToolNames.ListRoots,
        Title = "List the client's roots",
        Description = "Asks the client for the roots it shares with this server (file:// URIs) and returns them.",
        ReadOnly = true,
        Idempotent = true,
        Destructive = false,
        OpenWorld = false,
        UseStructuredContent = true,
    });

    private static async Task<RootList> ListAsync(McpServer server, CancellationToken cancellationToken)
    {
        var result = await server.RequestRootsAsync(new ListRootsRequestParams(), cancellationToken);
        return new RootList([.. result.Roots.Select(root => new RootEntry(root.Uri, root.Name))]);
    }

    /// <param name="Roots">The client's roots, in its order.</param>
    internal sealed record RootList(IReadOnlyList<RootEntry> Roots);

    /// <param name="Uri">The root's URI.</param>
    /// <param name="Name">Its name, if it has one.</param>
    internal sealed record RootEntry(string Uri, string? Name);
}
