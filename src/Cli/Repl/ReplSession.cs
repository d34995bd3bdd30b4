using System.Collections.Concurrent;
using McpFleet.Cli.Authentication;
using McpFleet.Configuration;

namespace McpFleet.Cli.Repl;

/// <summary>
/// A REPL session, or a one-shot command: a <see cref="FleetRuntime"/> over the servers given, what the verbs need
/// around it (live tool lists, statistics, the secrets to mask), and the running of one line.
/// </summary>
internal sealed class ReplSession : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServerDefinition> _servers = new(StringComparer.Ordinal);

    private ReplSession(FleetRuntime runtime, IReadOnlyList<ServerDefinition> servers, TransportKind defaultTransport, TimeProvider time, SecretMask secrets)
    {
        Runtime = runtime;
        Secrets = secrets;
        DefaultTransport = defaultTransport;
        Time = time;
        Tools = new ToolCatalog(runtime);
        foreach (var server in servers)
        {
            _servers[server.Name] = server;
            Secrets.Add(server);
        }

        runtime.ServerAdded += (_, added) =>
        {
            Secrets.Add(added.Server);
            _servers[added.Server.Name] = added.Server;
        };
        runtime.ServerRemoved += (_, removed) => _servers.TryRemove(removed.Server.Name, out var _);
    }

    public FleetRuntime Runtime { get; }

    /// <summary>Signs in to remote servers that ask for OAuth, for the servers <c>add</c> brings.</summary>
    public OAuthSignIn? SignIn { get; private init; }

    /// <summary>Servers of the configuration that cannot be used (a variable they refer to is not set), and why.</summary>
    public IReadOnlyList<UnavailableServer> UnavailableServers { get; private init; } = [];

    /// <summary>The transport of servers added as <c>host:port</c> or <c>http(s)://</c> without naming one.</summary>
    public TransportKind DefaultTransport { get; }

    public TimeProvider Time { get; }

    public ToolCatalog Tools { get; }

    public CallStatistics Statistics { get; } = new();

    /// <summary>Shows a line of a running call's progress; <see langword="null"/> asks servers for none.</summary>
    public Action<string>? ShowProgress { get; set; }

    /// <summary>The secrets of every server the session has had, which its output never shows.</summary>
    public SecretMask Secrets { get; }

    /// <summary>Starts a fleet of <paramref name="servers"/>; nothing connects yet.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The servers are not a valid fleet, e.g. a name is used twice.</exception>
    /// <param name="servers">The servers.</param>
    /// <param name="defaultTransport">The transport of servers added without one.</param>
    /// <param name="time">The clock.</param>
    /// <param name="secrets">The secrets never to show.</param>
    /// <param name="unavailable">Servers of the configuration that cannot be used, and why; calls to them fail with the reason.</param>
    /// <param name="signIn">Signs in to remote servers added later that ask for OAuth; disposed with the session.</param>
    public static ReplSession Open(
        IReadOnlyList<ServerDefinition> servers,
        TransportKind defaultTransport,
        TimeProvider time,
        SecretMask secrets,
        IReadOnlyList<UnavailableServer>? unavailable = null,
        OAuthSignIn? signIn = null)
    {
        // No generated code, so no manifest: every server is one the user named.
        var options = new FleetOptions { AllowUnconfiguredServers = true, TimeProvider = time };
        foreach (var server in servers)
        {
            options.Servers.Add(server);
        }

        foreach (var server in unavailable ?? [])
        {
            options.UnavailableServers[server.Name] = server.Reason;
        }

        return new ReplSession(new FleetRuntime(options, FleetManifest.Empty), servers, defaultTransport, time, secrets) { UnavailableServers = unavailable ?? [], SignIn = signIn };
    }

    /// <summary>Connects to every server now, in parallel, and lists their tools for completion.</summary>
    /// <returns>Why servers could not be reached, one line each; they keep reconnecting in the background.</returns>
    public async Task<IReadOnlyList<string>> ConnectAsync(CancellationToken cancellationToken)
    {
        var failures = UnavailableServers.Select(server => $"Server '{server.Name}' is unavailable: {server.Reason}").ToList();
        try
        {
            await Runtime.ConnectAsync(cancellationToken);
        }
        catch (AggregateException all)
        {
            failures.AddRange(all.InnerExceptions.Select(ServerFailures.Describe));
        }
        catch (Exception e) when (ServerFailures.IsExpected(e))
        {
            failures.Add(ServerFailures.Describe(e));
        }

        // The refreshes run at once, so each returns its failure instead of adding it to the list; WhenAll keeps them in
        // the order of the statuses, ordinal by server name.
        var refreshFailures = await Task.WhenAll(Runtime.GetServerStatuses()
            .Where(server => server.IsConnected)
            .Select(server => RefreshToolsAsync(server.Name, cancellationToken)));
        failures.AddRange(refreshFailures.OfType<string>());
        return [.. failures.Select(Secrets.Redact)];
    }

    /// <summary>Lists a server's tools for completion.</summary>
    /// <returns>Why they could not be listed, or <see langword="null"/>.</returns>
    private async Task<string?> RefreshToolsAsync(string serverName, CancellationToken cancellationToken)
    {
        try
        {
            await Tools.RefreshAsync(serverName, cancellationToken);
            return null;
        }
        catch (Exception e) when (ServerFailures.IsExpected(e) || e is InvalidOperationException)
        {
            return ServerFailures.Describe(e);
        }
    }

    /// <summary>The definition of a server of the fleet, or <see langword="null"/>.</summary>
    public ServerDefinition? FindServer(string serverName) => _servers.GetValueOrDefault(serverName);

    /// <summary>Checks that a server of that name is in the fleet.</summary>
    /// <exception cref="ReplException">It is not; the message lists the servers there are.</exception>
    public void RequireServer(string serverName)
    {
        if (!Runtime.ServerNames.Contains(serverName, StringComparer.Ordinal))
        {
            throw new ReplException($"Unknown server '{serverName}'; servers: {DescribeServers()}.{NameSuggestion.Hint(serverName, Runtime.ServerNames)}");
        }
    }

    /// <summary>The servers' names, for messages.</summary>
    public string DescribeServers() => Runtime.ServerNames.Count == 0 ? "none" : string.Join(", ", Runtime.ServerNames);

    /// <summary>Runs one line: a verb and its arguments. Blank lines and <c>#</c> comments do nothing.</summary>
    /// <returns>What the verb produced, or <see langword="null"/> for a blank line or a comment.</returns>
    /// <exception cref="ReplException">The line could not be carried out; the message is one line that says why.</exception>
    public async Task<VerbResult?> ExecuteAsync(string line, CancellationToken cancellationToken)
    {
        line = line.Trim();
        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        var end = line.AsSpan().IndexOfAny(' ', '\t');
        var word = end < 0 ? line : line[..end];
        var verb = ReplVerbs.Find(word) ?? throw new ReplException($"Unknown command '{word}'; type help for the commands.");
        try
        {
            return await verb.ExecuteAsync(this, new VerbArguments(end < 0 ? "" : line[end..]), cancellationToken);
        }
        catch (Exception e) when (e is not ReplException && ServerFailures.IsExpectedOrServerGone(e))
        {
            throw new ReplException(ServerFailures.Describe(e), e);
        }
    }

    /// <summary>What the next word of a line could be, given the words before it.</summary>
    public IEnumerable<string> CompleteWord(IReadOnlyList<string> previousWords) =>
        previousWords.Count == 0
            ? ReplVerbs.Words
            : ReplVerbs.Find(previousWords[0])?.CompleteWord(this, [.. previousWords.Skip(1)]) ?? [];

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Statistics.Dispose();
        SignIn?.Dispose();
    }
}
