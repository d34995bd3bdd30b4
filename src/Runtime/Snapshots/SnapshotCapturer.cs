using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFleet.Configuration;
using McpFleet.Connections;
using McpFleet.Secrets;
using McpFleet.Transports;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Snapshots;

/// <summary>
/// Connects to servers and records what they offer as <see cref="ServerSnapshot"/>s. The lists are requested as raw
/// JSON-RPC so every entry is kept exactly as the server sent it, including fields this SDK does not model.
/// </summary>
public sealed class SnapshotCapturer : IAsyncDisposable
{
    // Defends against a server whose cursors never end.
    private const int MaxPages = 1000;

    private readonly ConnectionOptions _options;
    private readonly FleetSecrets _secrets;
    private readonly ServerConnector _connector;

    /// <summary>Creates a capturer.</summary>
    /// <param name="options">Timeouts and protocol pinning; validated here.</param>
    /// <param name="loggerFactory">Receives the MCP SDK's logs.</param>
    /// <param name="configuredServers">Every server of the configuration: no snapshot may hold a secret of any of them
    /// (a server that can read another's token could publish it), and all of them are masked in failures and logs.
    /// Without them, a snapshot is checked for the secrets of the servers this capturer has captured so far.</param>
    public SnapshotCapturer(ConnectionOptions? options = null, ILoggerFactory? loggerFactory = null, IEnumerable<ServerDefinition>? configuredServers = null)
    {
        _options = options ?? new ConnectionOptions();
        _secrets = new FleetSecrets(configuredServers ?? []);
        _connector = new ServerConnector(_options, loggerFactory, _secrets);
    }

    /// <summary>Connects to <paramref name="server"/>, lists everything it offers and disconnects.</summary>
    /// <param name="server">The server to capture.</param>
    /// <param name="protocolVersion">A protocol revision to pin for this capture, overriding the server's own setting.</param>
    /// <param name="cancellationToken">Cancels the capture.</param>
    /// <exception cref="ServerConnectionException">The server could not be reached or failed to answer.</exception>
    /// <exception cref="SecretExposureException">The server sent back a configured secret, its own or another server's.</exception>
    public async Task<ServerSnapshot> CaptureAsync(ServerDefinition server, string? protocolVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        _secrets.Add(server);
        using var httpClient = ServerHttpClient.Create(server, server.MaxMessageSize ?? _options.MaxMessageSize);
        await using var client = await _connector.ConnectAsync(server, httpClient, protocolVersion, cancellationToken).ConfigureAwait(false);
        var capabilities = client.ServerCapabilities ?? new ServerCapabilities();
        var snapshot = new ServerSnapshot
        {
            Name = server.Name,
            Server = client.ServerInfo is { } info ? new SnapshotServerInfo(info.Name, info.Title, info.Version) : null,
            ProtocolVersion = client.NegotiatedProtocolVersion,
            Capabilities = JsonSerializer.SerializeToElement(capabilities, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ServerCapabilities))),
            Instructions = client.ServerInstructions,
            Tools = capabilities.Tools is null ? [] : await ListAsync(client, server, RequestMethods.ToolsList, "tools", cancellationToken).ConfigureAwait(false),
            Resources = capabilities.Resources is null ? [] : await ListAsync(client, server, RequestMethods.ResourcesList, "resources", cancellationToken).ConfigureAwait(false),
            ResourceTemplates = capabilities.Resources is null ? [] : await ListAsync(client, server, RequestMethods.ResourcesTemplatesList, "resourceTemplates", cancellationToken).ConfigureAwait(false),
            Prompts = capabilities.Prompts is null ? [] : await ListAsync(client, server, RequestMethods.PromptsList, "prompts", cancellationToken).ConfigureAwait(false),
        };

        if (_secrets.IsIn(Encoding.UTF8.GetString(SnapshotSerializer.Serialize(snapshot))))
        {
            throw new SecretExposureException(
                server.Name,
                $"Server '{server.Name}' ({server.DescribeTarget()}): what it offers contains a secret of the configuration (an environment value, header or variable of this or another server); no snapshot was written.");
        }

        return snapshot;
    }

    /// <summary>Ends what is left of abandoned connection attempts.</summary>
    public ValueTask DisposeAsync() => _connector.DisposeAsync();

    private async Task<ImmutableArray<JsonElement>> ListAsync(McpClient client, ServerDefinition server, string method, string property, CancellationToken cancellationToken)
    {
        var entries = ImmutableArray.CreateBuilder<JsonElement>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            JsonRpcResponse response;
            try
            {
                var parameters = cursor is null ? new JsonObject() : new JsonObject { ["cursor"] = cursor };
                response = await client.SendRequestAsync(new JsonRpcRequest { Method = method, Params = parameters }, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw ConnectionFailureClassifier.Timeout(server, _options.RequestTimeout, method, _secrets);
            }
            catch (McpProtocolException e) when (e.ErrorCode == McpErrorCode.MethodNotFound && method != RequestMethods.ToolsList)
            {
                // Some servers advertise a capability without every list method behind it (e.g. no resource templates).
                return entries.ToImmutable();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw ConnectionFailureClassifier.Classify(server, e, _secrets);
            }

            var result = JsonSerializer.SerializeToElement(response.Result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonNode)));
            if (result.ValueKind != JsonValueKind.Object
                || !result.TryGetProperty(property, out var items)
                || items.ValueKind != JsonValueKind.Array
                || items.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Object))
            {
                throw new ServerConnectionException(server.Name, ConnectionFailureKind.ProtocolError,
                    $"Server '{server.Name}' ({server.DescribeTarget()}): the {method} result has no \"{property}\" array of objects.");
            }

            entries.AddRange(items.EnumerateArray());
            cursor = result.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (string.IsNullOrEmpty(cursor))
            {
                return entries.ToImmutable();
            }
        }

        throw new ServerConnectionException(server.Name, ConnectionFailureKind.ProtocolError,
            $"Server '{server.Name}' ({server.DescribeTarget()}): {method} returned more than {MaxPages} pages.");
    }
}
