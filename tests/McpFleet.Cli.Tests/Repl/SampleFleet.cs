using McpFleet.Cli.Repl;
using McpFleet.SampleServer.Launching;

namespace McpFleet.Cli.Tests.Repl;

/// <summary>
/// The sample servers the REPL tests talk to, on loopback: <c>alpha</c> (echo, math_calc) and <c>beta</c> (echo,
/// get_time) over Streamable HTTP. <c>echo</c> is on both, so calls of it are routed. Each server records the calls it
/// executes in a journal, which says where a call really went.
/// </summary>
public sealed class SampleFleet : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpfleet-repl-").FullName;
    private SampleServerProcess? _alpha;
    private SampleServerProcess? _beta;

    public SampleServerProcess Alpha => _alpha ?? throw new InvalidOperationException("Not started.");

    public SampleServerProcess Beta => _beta ?? throw new InvalidOperationException("Not started.");

    /// <summary><c>alpha</c> as <c>host:port</c> and <c>beta</c> as a URL, as the command line takes them.</summary>
    public string[] Targets => [$"alpha={Alpha.Endpoint.Authority}", $"beta={Beta.Endpoint}"];

    /// <summary>The journal <paramref name="server"/> appends <c>{"server": …, "tool": …}</c> to for each call it executes.</summary>
    public string JournalOf(string server) => Path.Join(_directory, $"{server}.jsonl");

    /// <summary>How many calls of <paramref name="tool"/> each of <paramref name="servers"/> has executed so far.</summary>
    public IReadOnlyDictionary<string, int> ExecutionsOf(string tool, params string[] servers) =>
        servers.ToDictionary(server => server, server => ReadJournal(server).Count(entry => entry == tool), StringComparer.Ordinal);

    private IEnumerable<string> ReadJournal(string server) => ToolCallJournalFile.Executions(JournalOf(server)).Select(entry => entry.Tool);

    /// <summary>A <c>name=command</c> argument that starts a sample server on stdio.</summary>
    public static string StdioTarget(string name, params string[] args)
    {
        var (command, arguments) = SampleServerProcess.StdioCommand(name, args);
        return $"{name}={string.Join(' ', arguments.Prepend(command).Select(CommandLineWords.Quote))}";
    }

    public async Task InitializeAsync()
    {
        var alpha = SampleServerProcess.StartAsync("alpha", SampleTransport.Http, ["--tools", "echo", "math_calc", "--journal", JournalOf("alpha")]);
        var beta = SampleServerProcess.StartAsync("beta", SampleTransport.Http, ["--tools", "echo", "get_time", "--journal", JournalOf("beta")]);
        try
        {
            await Task.WhenAll(alpha, beta);
        }
        finally
        {
            // Whatever started is ended by DisposeAsync, even if the other did not start.
            _alpha = alpha.IsCompletedSuccessfully ? alpha.Result : null;
            _beta = beta.IsCompletedSuccessfully ? beta.Result : null;
        }
    }

    public async Task DisposeAsync()
    {
        if (_alpha is not null)
        {
            await _alpha.DisposeAsync();
        }

        if (_beta is not null)
        {
            await _beta.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
