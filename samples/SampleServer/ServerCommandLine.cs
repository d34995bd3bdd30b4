using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using McpFleet.SampleServer.Faults;
using McpFleet.SampleServer.Hosting;
using McpFleet.SampleServer.Tools;
using ModelContextProtocol.Protocol;

namespace McpFleet.SampleServer;

/// <summary>The command line of the sample server: its options, their validation and their binding to <see cref="ServerOptions"/>.</summary>
internal sealed class ServerCommandLine
{
    private readonly Option<string> _nameOption = new("--name")
    {
        Description = "The instance's name, used in messages, the --journal and server://info; also the advertised server name " +
            "(serverInfo.name) unless --product is given.",
        DefaultValueFactory = _ => "sample",
    };

    // Instances of one product report one serverInfo.name, which is how clients such as McpFleet tell replicas from
    // other servers that merely have tools of the same names.
    private readonly Option<string?> _productOption = new("--product")
    {
        Description = "The advertised server name (serverInfo.name), when several instances with different --name values are one product.",
    };

    private readonly Option<string> _titleOption = new("--title")
    {
        Description = "The advertised server title.",
    };

    // Replaces RootCommand's own --version: here it sets the version the server advertises.
    private readonly Option<string> _serverVersionOption = new("--version")
    {
        Description = "The advertised server version (serverInfo.version).",
        DefaultValueFactory = _ => "1.0.0",
    };

    private readonly Option<string> _transportOption = new Option<string>("--transport")
    {
        Description = "stdio, http (Streamable HTTP at /mcp), sse (legacy SSE at /sse) or ws (WebSocket at /ws).",
        DefaultValueFactory = _ => "stdio",
    }.AcceptOnlyFromAmong("stdio", "http", "sse", "ws");

    private readonly Option<IPAddress> _hostOption = new("--host")
    {
        Description = "The IP address to listen on (http, sse and ws).",
        DefaultValueFactory = _ => IPAddress.Loopback,
        CustomParser = ParseIPAddress,
    };

    private readonly Option<int> _portOption = new Option<int>("--port")
    {
        Description = "The port to listen on (http, sse and ws); 0 picks a free one.",
    }.InRange(IPEndPoint.MinPort, IPEndPoint.MaxPort);

    private readonly Option<string[]> _toolsOption = new("--tools")
    {
        Description = $"The tools to enable, by name (default: {string.Join(", ", ToolNames.Default)}); " +
            $"{ToolNames.RunCommand} also needs --allow-run-command and {ToolNames.SetTools} --allow-tool-changes.",
        DefaultValueFactory = _ => [.. ToolNames.Default],
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
        Validators = { RejectUnknownTools },
    };

    private readonly Option<DirectoryInfo> _rootOption = new Option<DirectoryInfo>("--root")
    {
        Description = $"The directory {ToolNames.ListFiles} is confined to and {ToolNames.RunCommand} runs in (default: the current directory).",
    }.AcceptExistingOnly();

    private readonly Option<bool> _allowRunCommandOption = new("--allow-run-command")
    {
        Description = $"Permit {ToolNames.RunCommand}; without this flag it is never enabled, even if listed in --tools.",
    };

    private readonly Option<bool> _allowToolChangesOption = new("--allow-tool-changes")
    {
        Description = $"Permit {ToolNames.SetTools}, which lets clients change the tool set at run time; without this flag it is " +
            "never enabled, even if listed in --tools.",
    };

    private readonly Option<int> _latencyOption = new Option<int>("--latency-ms")
    {
        Description = "Delay each tool call by this many milliseconds before it executes.",
    }.InRange(0, int.MaxValue);

    private readonly Option<double> _failRateOption = new Option<double>("--fail-rate")
    {
        Description = "The fraction (0..1) of tool calls that fail with an injected JSON-RPC error.",
    }.InRange(0, 1);

    private readonly Option<int?> _seedOption = new("--seed")
    {
        Description = "Seed that makes the --fail-rate sequence reproducible.",
    };

    private readonly Option<int?> _exitAfterOption = new Option<int?>("--exit-after")
    {
        Description = "Exit with code 3 right after the N-th executed tool call, before its response is sent.",
    }.InRange(1, int.MaxValue);

    private readonly Option<string> _journalOption = new("--journal")
    {
        Description = "Append one JSON line {\"server\",\"tool\"} per executed tool call to this file, and {\"server\",\"tool\",\"cancelled\":true} per call cancelled during --latency-ms.",
    };

    // Names a variable rather than taking the token, which would show in process listings and shell history.
    private readonly Option<BearerToken> _authTokenEnvOption = new("--auth-token-env")
    {
        Description = "Require 'Authorization: Bearer <token>' on every HTTP request (http, sse and ws); the token is the value of " +
            "this environment variable, read at start.",
        HelpName = "NAME",
        CustomParser = ReadBearerToken,
    };

    private readonly Option<bool> _ignoreDiscoverOption = new("--ignore-discover")
    {
        Description = "Never answer server/discover, like servers that predate protocol revision 2026-07-28; clients then " +
            "fall back to initialize once their probe times out.",
    };

    private readonly Option<string?> _variantOption = new Option<string?>("--variant")
    {
        Description = "Serve a changed definition of echo, for conflict and drift tests: " + string.Join(", ", EchoVariants.Names) + ".",
    }.AcceptOnlyFromAmong([.. EchoVariants.Names]);

    private readonly Option<int?> _toolsListTimeToLiveOption = new Option<int?>("--tools-list-ttl-ms")
    {
        Description = "Put this caching hint (ttlMs) on every tools/list result: how long clients may reuse the list.",
    }.InRange(0, int.MaxValue);

    private readonly Option<string?> _toolsListCacheScopeOption = new Option<string?>("--tools-list-cache-scope")
    {
        Description = "Put this caching hint (cacheScope) on every tools/list result: public (shareable between users) or private.",
    }.AcceptOnlyFromAmong("public", "private");

    private readonly Option<bool> _verboseOption = new("--verbose")
    {
        Description = "Log at Debug level instead of Warning (logs always go to stderr).",
    };

    private readonly RootCommand _command = new(
        "McpFleet sample MCP server: echo, get_time, list_files, math_calc and run_command tools over stdio, Streamable HTTP, " +
        "SSE or WebSocket, with optional fault injection and diagnostic tools.");

    /// <summary>Defines the command line; invoking a parse result runs <paramref name="run"/> or prints help.</summary>
    public ServerCommandLine(Func<ServerOptions, CancellationToken, Task<int>> run)
    {
        _command.Options.Remove(_command.Options.OfType<VersionOption>().Single());
        Option[] options =
        [
            _nameOption, _productOption, _titleOption, _serverVersionOption, _transportOption, _hostOption, _portOption, _toolsOption, _rootOption,
            _allowRunCommandOption, _allowToolChangesOption, _latencyOption, _failRateOption, _seedOption, _exitAfterOption, _journalOption, _authTokenEnvOption,
            _ignoreDiscoverOption, _variantOption, _toolsListTimeToLiveOption, _toolsListCacheScopeOption, _verboseOption,
        ];
        foreach (var option in options)
        {
            _command.Options.Add(option);
        }

        // Here rather than in the initializer, which cannot reach the transport option.
        _authTokenEnvOption.Validators.Add(RequireHttpTransport);

        _command.SetAction((result, cancellationToken) => run(Bind(result), cancellationToken));
    }

    public ParseResult Parse(string[] args) => _command.Parse(args);

    private ServerOptions Bind(ParseResult result)
    {
        var allowRunCommand = result.GetValue(_allowRunCommandOption);
        var allowToolChanges = result.GetValue(_allowToolChangesOption);
        return new ServerOptions
        {
            Name = result.GetRequiredValue(_nameOption),
            Product = result.GetValue(_productOption),
            Title = result.GetValue(_titleOption),
            Version = result.GetRequiredValue(_serverVersionOption),
            Transport = ParseTransport(result.GetRequiredValue(_transportOption)),
            Host = result.GetRequiredValue(_hostOption),
            Port = result.GetValue(_portOption),
            EnabledTools = [.. result.GetRequiredValue(_toolsOption)
                .Where(name => ToolNames.IsPermitted(name, allowRunCommand, allowToolChanges))
                .Distinct()
                .Order(StringComparer.Ordinal)],
            Root = result.GetValue(_rootOption)?.FullName ?? Directory.GetCurrentDirectory(),
            AllowRunCommand = allowRunCommand,
            AllowToolChanges = allowToolChanges,
            EchoVariant = result.GetValue(_variantOption) is { } variant ? EchoVariants.Parse(variant) : EchoVariant.Standard,
            Faults = new FaultOptions
            {
                Latency = TimeSpan.FromMilliseconds(result.GetValue(_latencyOption)),
                FailRate = result.GetValue(_failRateOption),
                Seed = result.GetValue(_seedOption),
                ExitAfter = result.GetValue(_exitAfterOption),
                JournalPath = result.GetValue(_journalOption),
            },
            ToolsListTimeToLive = result.GetValue(_toolsListTimeToLiveOption) is int milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null,
            ToolsListCacheScope = result.GetValue(_toolsListCacheScopeOption) switch
            {
                "public" => CacheScope.Public,
                "private" => CacheScope.Private,
                _ => null,
            },
            AuthToken = result.GetValue(_authTokenEnvOption),
            IgnoreDiscover = result.GetValue(_ignoreDiscoverOption),
            Verbose = result.GetValue(_verboseOption),
        };
    }

    private void RequireHttpTransport(OptionResult result)
    {
        // Reads the token, not the value: validators run before defaults apply, and converting an invalid --transport throws.
        if (result.GetResult(_transportOption) is not { Tokens: [{ Value: "http" or "sse" or "ws" }] })
        {
            result.AddError("--auth-token-env needs --transport http, sse or ws: stdio has no HTTP requests to authenticate.");
        }
    }

    private static ServerTransport ParseTransport(string name) => name switch
    {
        "http" => ServerTransport.Http,
        "sse" => ServerTransport.Sse,
        "ws" => ServerTransport.WebSocket,
        _ => ServerTransport.Stdio,
    };

    private static BearerToken? ReadBearerToken(ArgumentResult result)
    {
        var name = result.Tokens.Single().Value;
        if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } token)
        {
            return new BearerToken(token);
        }

        // Names the variable, never a value.
        result.AddError($"--auth-token-env: the environment variable '{name}' is unset or empty.");
        return null;
    }

    private static IPAddress? ParseIPAddress(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (IPAddress.TryParse(text, out IPAddress? address))
        {
            return address;
        }

        // Kestrel cannot bind port 0 on a host name, and an address keeps the printed endpoint unambiguous.
        result.AddError($"--host must be an IP address such as 127.0.0.1, not '{text}'.");
        return null;
    }

    private static void RejectUnknownTools(OptionResult result)
    {
        foreach (var name in result.GetValueOrDefault<string[]>().Except(ToolNames.All, StringComparer.Ordinal))
        {
            result.AddError($"Unknown tool '{name}' in --tools; valid names are: {string.Join(", ", ToolNames.All)}.");
        }
    }
}
