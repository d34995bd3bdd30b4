using System.Text.RegularExpressions;
using McpFleet.SampleServer.Launching;

namespace McpFleet.Testing;

/// <summary>
/// The third-party MCP reference servers (<c>@modelcontextprotocol/server-everything</c>, <c>server-filesystem</c>,
/// <c>server-memory</c>), installed into <c>tests/interop/node_modules</c> from the committed lockfile by <c>./test.sh</c>.
/// A missing install fails the test: interop tests are never skipped.
/// </summary>
public static partial class ReferenceServers
{
    /// <summary>The folder holding the npm project of the reference servers.</summary>
    public static string InteropDirectory { get; } = Path.Join(RepositoryPaths.Root, "tests", "interop");

    /// <summary><c>server-everything</c> on stdio.</summary>
    public static (string Command, string[] Arguments) Everything() => ("node", [Script("server-everything"), "stdio"]);

    /// <summary><c>server-filesystem</c> on stdio, allowed to use <paramref name="allowedDirectory"/> only.</summary>
    public static (string Command, string[] Arguments) Filesystem(string allowedDirectory) => ("node", [Script("server-filesystem"), allowedDirectory]);

    /// <summary><c>server-memory</c> on stdio. Give it <see cref="MemoryEnvironment"/>, or it writes into node_modules.</summary>
    public static (string Command, string[] Arguments) Memory() => ("node", [Script("server-memory")]);

    /// <summary>The environment that keeps <c>server-memory</c>'s knowledge graph in <paramref name="file"/>.</summary>
    public static Dictionary<string, string> MemoryEnvironment(string file) => new() { ["MEMORY_FILE_PATH"] = file };

    /// <summary>
    /// Starts <c>server-everything</c> on Streamable HTTP at <c>http://127.0.0.1:{port}/mcp</c>. The server listens on every
    /// interface and on a fixed port by itself; <c>tests/interop/loopback.cjs</c> keeps it on 127.0.0.1 and a free port.
    /// </summary>
    public static async Task<(ListeningProcess Process, Uri Endpoint)> StartEverythingHttpAsync(CancellationToken cancellationToken = default)
    {
        var process = await ListeningProcess.StartAsync(
            "server-everything (Streamable HTTP)",
            "node",
            ["--require", Path.Join(InteropDirectory, "loopback.cjs"), Script("server-everything"), "streamableHttp"],
            ListeningLine(),
            new Dictionary<string, string> { ["PORT"] = "0" },
            cancellationToken);
        return (process, new Uri($"http://127.0.0.1:{process.ReadyMatch.Groups["port"].Value}/mcp"));
    }

    private static string Script(string package)
    {
        var path = Path.Join(InteropDirectory, "node_modules", "@modelcontextprotocol", package, "dist", "index.js");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The reference server @modelcontextprotocol/{package} is not installed. Run ./test.sh, or 'npm ci --prefix tests/interop'.", path);
    }

    [GeneratedRegex(@"^MCPFLEET_LISTENING (?<port>\d+)$")]
    private static partial Regex ListeningLine();
}
