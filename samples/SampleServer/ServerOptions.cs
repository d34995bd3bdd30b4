using System.Net;
using McpFleet.SampleServer.Faults;
using McpFleet.SampleServer.Hosting;
using McpFleet.SampleServer.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer;

/// <summary>Everything the command line configures; see <see cref="ServerCommandLine"/> for the meaning of each option.</summary>
internal sealed record ServerOptions
{
    /// <summary>The instance's name, in messages and the journal.</summary>
    public required string Name { get; init; }

    /// <summary>The name advertised as <c>serverInfo.name</c>; <see langword="null"/> advertises <see cref="Name"/>.</summary>
    public string? Product { get; init; }

    public string? Title { get; init; }

    public required string Version { get; init; }

    public ServerTransport Transport { get; init; }

    public required IPAddress Host { get; init; }

    public int Port { get; init; }

    /// <summary>The tool names enabled on this instance, sorted ordinally.</summary>
    public required IReadOnlyList<string> EnabledTools { get; init; }

    /// <summary>The absolute path of the directory <c>list_files</c> is confined to.</summary>
    public required string Root { get; init; }

    public bool AllowRunCommand { get; init; }

    /// <summary>Whether <c>set_tools</c> may be enabled, letting clients change the tool set at run time.</summary>
    public bool AllowToolChanges { get; init; }

    /// <summary>Which definition <c>echo</c> has.</summary>
    public EchoVariant EchoVariant { get; init; }

    public FaultOptions Faults { get; init; } = new();

    /// <summary>The <c>ttlMs</c> caching hint put on <c>tools/list</c> results; <see langword="null"/> for none.</summary>
    public TimeSpan? ToolsListTimeToLive { get; init; }

    /// <summary>The <c>cacheScope</c> caching hint put on <c>tools/list</c> results; <see langword="null"/> for none.</summary>
    public CacheScope? ToolsListCacheScope { get; init; }

    /// <summary>The token every HTTP request must present; <see langword="null"/> when http, sse and ws are open to all.</summary>
    public BearerToken? AuthToken { get; init; }

    /// <summary>Whether <c>server/discover</c> requests go unanswered.</summary>
    public bool IgnoreDiscover { get; init; }

    public bool Verbose { get; init; }
}
