using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using McpFleet.Cli.Authentication;
using McpFleet.Cli.Repl.Output;
using McpFleet.Configuration;
using Spectre.Console;

namespace McpFleet.Cli.Repl;

/// <summary>
/// What <c>repl</c> and the one-shot verbs take on the command line: the servers (<c>--config mcp.json</c> and
/// <c>name=target</c> arguments), <c>--transport</c> and <c>--json</c>; and how they become a session and a renderer.
/// </summary>
internal sealed class SessionCommandLine
{
    public Option<FileInfo?> Config { get; } = new("--config", "-c")
    {
        Description = $"An mcp.json whose servers to use. Default, when no name=target is given: the first of {string.Join(", ", ConfigurationLocator.Candidates)} in the current folder.",
    };

    public Option<string> Transport { get; } = CreateTransportOption();

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write each result as one line of JSON, and each error as one {\"error\": …} line on stderr, for scripts.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Transport);
        command.Options.Add(Json);
    }

    /// <summary>The output for <paramref name="console"/>: JSON when asked for, a terminal's tables and colour, or plain text.</summary>
    public IReplRenderer CreateRenderer(ParseResult parseResult, CliConsole console, SecretMask secrets) =>
        parseResult.GetValue(Json) ? new JsonRenderer(console.Out, console.Error, secrets)
        : console.Live is { } live ? new TerminalRenderer(live, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) }), secrets)
        : new PlainRenderer(console.Out, console.Error, secrets);

    /// <summary>Opens a session over the servers of the configuration and of <paramref name="targets"/>.</summary>
    /// <exception cref="ReplException">The servers given are not valid, or none is given where <paramref name="requireServers"/>.</exception>
    /// <exception cref="McpConfigurationException">The configuration cannot be read.</exception>
    /// <exception cref="ValidationException">The servers are not a valid fleet.</exception>
    /// <param name="parseResult">The command line.</param>
    /// <param name="targets">The <c>name=target</c> arguments.</param>
    /// <param name="requireServers">Whether no servers at all is an error.</param>
    /// <param name="secrets">The secrets the session never shows.</param>
    /// <param name="signIn">Signs in to remote servers that ask for OAuth; the session owns it.</param>
    /// <param name="readInput">Asks for the values of the configuration's <c>${input:…}</c>.</param>
    public ReplSession OpenSession(
        ParseResult parseResult, IReadOnlyList<string> targets, bool requireServers, SecretMask secrets, OAuthSignIn signIn, Func<McpInput, string> readInput)
    {
        var transport = TransportNames.ParseRemote(parseResult.GetValue(Transport)!);
        var directory = Directory.GetCurrentDirectory();
        var path = parseResult.GetValue(Config)?.FullName ?? (targets.Count == 0 ? ConfigurationLocator.Find(directory) : null);
        var configuration = path is null ? null : McpConfiguration.Load(path, readInput: readInput);
        List<ServerDefinition> servers = [.. (configuration?.Servers ?? []).Concat(targets.Select(target => ServerTargets.Parse(target, transport))).Select(signIn.Prepare)];
        var unavailable = configuration?.UnavailableServers ?? [];
        if (requireServers && servers.Count == 0 && unavailable.Count == 0)
        {
            throw new ReplException(
                $"No servers: give name=target arguments (e.g. alpha=127.0.0.1:8080) or --config; no {string.Join(", ", ConfigurationLocator.Candidates)} in {directory}.");
        }

        var twice = servers.GroupBy(server => server.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        return twice is null
            ? ReplSession.Open(servers, transport, TimeProvider.System, secrets, unavailable, signIn)
            : throw new ReplException($"Server '{twice.Key}' is given twice.");
    }

    /// <summary>Whether a failure to open a session is the user's to fix (bad arguments or configuration).</summary>
    public static bool IsUsageError(Exception exception) => exception is ReplException or McpConfigurationException or ValidationException;

    private static Option<string> CreateTransportOption()
    {
        var option = new Option<string>("--transport", "-t")
        {
            Description = "The transport of host:port and http(s):// targets: http (Streamable HTTP, falling back to SSE), streamable-http, sse or ws. host:port means http://host:port/mcp, /sse for sse, ws://host:port/ws for ws.",
            DefaultValueFactory = _ => "http",
        };
        option.AcceptOnlyFromAmong([.. TransportNames.Remote]);
        return option;
    }
}
