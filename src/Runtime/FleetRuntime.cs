using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet;

/// <summary>
/// The runtime behind a generated fleet: one session per server, opened on first use, and the single entry point
/// through which every typed method calls its tool.
/// </summary>
public sealed class FleetRuntime : IAsyncDisposable
{
    private readonly FleetOptions _options;
    private readonly HttpClient _httpClient = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ServerConnector _connector;
    private readonly Dictionary<string, ServerConnection> _servers;

    /// <summary>Creates the runtime; nothing connects until <see cref="ConnectAsync"/> or the first call.</summary>
    /// <param name="options">The servers and timeouts; validated here.</param>
    /// <param name="manifest">What the generated code expects; each configured server without a pinned protocol revision
    /// uses the one its snapshot recorded.</param>
    /// <param name="loggerFactory">Receives the runtime's and the MCP SDK's logs.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid or lack a server the manifest needs.</exception>
    public FleetRuntime(FleetOptions options, FleetManifest? manifest = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        manifest ??= FleetManifest.Empty;
        options.Validate(manifest);
        _options = options;
        _connector = new ServerConnector(options.Connection, _httpClient, loggerFactory);
        var recorded = manifest.Servers.ToDictionary(s => s.Name, s => s.ProtocolVersion, StringComparer.Ordinal);
        _servers = options.Servers.ToDictionary(
            server => server.Name,
            // The snapshot's revision skips the discovery probe, which costs a server that ignores it 5 s.
            server => new ServerConnection(server, server.ProtocolVersion ?? options.Connection.ProtocolVersion ?? recorded.GetValueOrDefault(server.Name), _connector),
            StringComparer.Ordinal);
    }

    /// <summary>The names of the configured servers.</summary>
    public IReadOnlyCollection<string> ServerNames => _servers.Keys;

    /// <summary>Connects to every server now, in parallel, instead of on first use.</summary>
    /// <exception cref="AggregateException">Some servers could not be reached; each inner exception is a <see cref="ServerConnectionException"/>.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        var connecting = Task.WhenAll(_servers.Values.Select(server => server.GetClientAsync(cancellationToken).AsTask()));
        try
        {
            await connecting.ConfigureAwait(false);
        }
        catch when (connecting.Exception is { InnerExceptions.Count: > 1 } all)
        {
            throw all;
        }
    }

    /// <summary>Calls a tool of one server: the entry point behind every generated per-server method.</summary>
    /// <typeparam name="TArguments">The tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The tool's generated result type.</typeparam>
    /// <param name="tool">The tool, as its snapshot describes it.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    /// <exception cref="InvalidOperationException">The tool's server is not configured.</exception>
    /// <exception cref="ServerConnectionException">The server could not be reached.</exception>
    /// <exception cref="ToolErrorException">The tool reported an error.</exception>
    /// <exception cref="ToolCallException">The server refused the call, or the session ended during it.</exception>
    /// <exception cref="ToolCallTimeoutException">No answer within <see cref="FleetOptions.CallTimeout"/>.</exception>
    /// <exception cref="ToolResultFormatException">The result does not match the tool's output schema.</exception>
    public Task<TResult> CallToolAsync<TArguments, TResult>(ToolDescriptor tool, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        return _servers.TryGetValue(tool.ServerName, out var server)
            ? CallAsync<TResult>(server, tool, ToolArguments.ToDictionary(arguments), cancellationToken)
            : throw new InvalidOperationException($"Server '{tool.ServerName}' is not configured in this fleet; configured: {string.Join(", ", _servers.Keys.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>
    /// Calls a unified tool, offered by several servers: the entry point behind every generated unified method. The
    /// members are tried in order of preference; a member that cannot be reached (so the call never left this process)
    /// is passed over for the next. A merged group sends each member only the arguments its schema accepts.
    /// </summary>
    /// <typeparam name="TArguments">The unified tool's generated arguments type.</typeparam>
    /// <typeparam name="TResult">The unified tool's generated result type.</typeparam>
    /// <param name="group">The unified tool.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call, on the server too.</param>
    /// <exception cref="ToolGroupUnavailableException">No member is configured or reachable.</exception>
    /// <exception cref="ToolErrorException">The tool reported an error.</exception>
    /// <exception cref="ToolCallException">The server refused the call, or the session ended during it.</exception>
    /// <exception cref="ToolCallTimeoutException">No answer within <see cref="FleetOptions.CallTimeout"/>.</exception>
    /// <exception cref="ToolResultFormatException">The result does not match the tool's output schema.</exception>
    public async Task<TResult> CallToolAsync<TArguments, TResult>(ToolGroupDescriptor group, TArguments arguments, CancellationToken cancellationToken = default)
        where TArguments : IToolArguments
        where TResult : IToolResult<TResult>
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(arguments);
        var all = ToolArguments.ToDictionary(arguments);
        var failures = new List<ServerConnectionException>();
        foreach (var member in group.Members)
        {
            if (!_servers.TryGetValue(member.Tool.ServerName, out var server))
            {
                continue;
            }

            try
            {
                return await CallAsync<TResult>(server, member.Tool, ToolArguments.Select(all, member.AcceptedArguments), cancellationToken).ConfigureAwait(false);
            }
            catch (ServerConnectionException e)
            {
                failures.Add(e);
            }
        }

        throw new ToolGroupUnavailableException(group, failures);
    }

    private async Task<TResult> CallAsync<TResult>(ServerConnection server, ToolDescriptor tool, Dictionary<string, JsonElement> arguments, CancellationToken cancellationToken)
        where TResult : IToolResult<TResult>
    {
        var client = await server.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var request = new CallToolRequestParams { Name = tool.ToolName, Arguments = arguments };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CallTimeout);
        CallToolResult result;
        try
        {
            result = await client.CallToolAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ToolCallTimeoutException(tool, _options.CallTimeout);
        }
        catch (McpProtocolException e)
        {
            throw new ToolCallException(tool, Redact(server, e.Message), e, e.ErrorCode);
        }
        catch (Exception e) when (e is McpException or IOException or HttpRequestException)
        {
            await server.DiscardAsync(client).ConfigureAwait(false);
            throw new ToolCallException(tool, Redact(server, $"the session ended during the call, so whether the tool ran is unknown ({e.Message})."));
        }

        return result.IsError == true ? throw new ToolErrorException(tool, result) : TResult.FromCallToolResult(result, tool);
    }

    /// <summary>Ends every session and every server process the runtime started.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_servers.Values.Select(server => server.DisposeAsync().AsTask())).ConfigureAwait(false);
        await _connector.DisposeAsync().ConfigureAwait(false);
        _httpClient.Dispose();
    }

    private static string Redact(ServerConnection server, string text) => SecretRedactor.Redact(text, server.Definition.Secrets);
}
