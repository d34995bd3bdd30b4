using System.CommandLine;
using McpFleet.Connections;

namespace McpFleet.Cli;

/// <summary>
/// The options of the commands that connect to the servers of an <c>mcp.json</c> (<c>capture</c>, <c>check</c>): which
/// file, which of its servers, how long each may take, and which protocol revision to pin.
/// </summary>
internal sealed class LiveServerOptions
{
    /// <param name="verb">What the command does to a server, for the help text (e.g. "Capture").</param>
    public LiveServerOptions(string verb)
    {
        Timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError("--timeout must be a positive number of seconds.");
            }
        });
        Servers.Description = $"{verb} only this server (repeatable). Default: every enabled server.";
    }

    public Option<FileInfo?> Config { get; } = new("--config", "-c")
    {
        Description = $"The mcp.json to read. Default: the first of {string.Join(", ", ConfigurationLocator.Candidates)} in the current folder.",
    };

    public Option<string[]> Servers { get; } = new("--server", "-s") { AllowMultipleArgumentsPerToken = true };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds each server may take to connect, and each list request to answer.",
        DefaultValueFactory = _ => 30,
    };

    public Option<string?> ProtocolVersion { get; } = new("--protocol-version")
    {
        Description = "Pin this protocol revision for every server (e.g. 2025-11-25), or 'auto' to negotiate afresh even where a snapshot would pin one.",
    };

    /// <summary>How to connect: <see cref="Timeout"/> bounds both the connection and each request.</summary>
    public ConnectionOptions GetConnectionOptions(ParseResult parseResult)
    {
        var timeout = TimeSpan.FromSeconds(parseResult.GetValue(Timeout));
        return new ConnectionOptions { ConnectTimeout = timeout, RequestTimeout = timeout };
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Servers);
        command.Options.Add(Timeout);
        command.Options.Add(ProtocolVersion);
    }
}
