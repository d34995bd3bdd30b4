// Roots, sampling and logging are deprecated from protocol revision 2026-07-28 on (SEP-2577), but servers on 2025-11-25
// and older use them, and the fleet serves both.
#pragma warning disable MCP9005
using McpFleet.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.ClientFeatures;

/// <summary>
/// The client half of each session: which requests a server may send the fleet (elicitation, sampling, roots) and what
/// becomes of its log messages. The connector applies it to every session it opens; capabilities are advertised only
/// for what the server has a handler for.
/// </summary>
internal sealed class ClientHandlers
{
    /// <summary>The first revision without <c>logging/setLevel</c> (SEP-2577): levels are applied on arrival only.</summary>
    private const string NoSetLevelRevision = "2026-07-28";

    private readonly ClientFeatureOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SamplingGate _sampling;

    public ClientHandlers(ClientFeatureOptions options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ClientHandlers>();
        _sampling = new SamplingGate(options.Sampling, time);
        Roots = new ClientRoots(options.Roots);
        LogLevels = new ServerLogLevels(options.ServerLogs);
    }

    /// <summary>The roots shared now.</summary>
    public ClientRoots Roots { get; }

    /// <summary>The servers' log levels now.</summary>
    public ServerLogLevels LogLevels { get; }

    /// <summary>Sets the handlers and capabilities of a session with <paramref name="server"/>.</summary>
    public void Configure(ServerDefinition server, McpClientOptions client)
    {
        var handlers = new McpClientHandlers();
        var capabilities = new ClientCapabilities();

        if (_options.Elicitation.HandlerFor(server) is { } elicit)
        {
            // The SDK fills the defaults of the requested schema into an accepted answer, and advertises form mode.
            handlers.ElicitationHandler = (parameters, cancellationToken) => parameters is null
                ? throw new McpProtocolException("elicitation/create needs parameters.", McpErrorCode.InvalidParams)
                : elicit(new ElicitationRequest(server.Name, parameters), cancellationToken);
        }

        if (_options.Sampling.Allows(server))
        {
            var sample = _options.Sampling.Handler!;
            handlers.SamplingHandler = (parameters, progress, cancellationToken) => _sampling.SampleAsync(server, sample, parameters, progress, cancellationToken);
        }

        if (Roots.For(server) is not null)
        {
            handlers.RootsHandler = (_, _) => ValueTask.FromResult(new ListRootsResult { Roots = [.. Roots.For(server) ?? []] });
            capabilities.Roots = new RootsCapability { ListChanged = true };
        }

        var log = new ServerLogWriter(server, _loggerFactory.CreateLogger(ServerLogWriter.CategoryPrefix + server.Name), LogLevels);
        handlers.NotificationHandlers = [new(NotificationMethods.LoggingMessageNotification, log.WriteAsync)];

        client.Handlers = handlers;
        client.Capabilities = capabilities;
    }

    /// <summary>Asks a newly opened session's server for its log level, if one is set; a failure is logged, not thrown.</summary>
    public Task SessionOpenedAsync(ServerDefinition server, McpClient client, CancellationToken cancellationToken) =>
        LogLevels.For(server) is { } level ? SetLevelAsync(server, client, level, cancellationToken) : Task.CompletedTask;

    /// <summary>Asks <paramref name="client"/>'s server to send messages from <paramref name="level"/> on, where the
    /// revision and the server's capabilities allow it.</summary>
    public async Task SetLevelAsync(ServerDefinition server, McpClient client, LogLevel level, CancellationToken cancellationToken)
    {
        if (client.ServerCapabilities.Logging is null || string.CompareOrdinal(client.NegotiatedProtocolVersion, NoSetLevelRevision) >= 0)
        {
            return;
        }

        try
        {
            await client.SetLoggingLevelAsync(ServerLogLevels.ToLoggingLevel(level), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is McpException or IOException or HttpRequestException or TimeoutException)
        {
            ClientFeaturesLog.SetLevelFailed(_logger, server.Name, SecretRedactor.Redact(e.Message, server.Secrets));
        }
    }

    /// <summary>Sends <c>notifications/roots/list_changed</c>; a failure is logged, not thrown.</summary>
    public async Task RootsChangedAsync(ServerDefinition server, McpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendNotificationAsync(NotificationMethods.RootsListChangedNotification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is McpException or IOException or HttpRequestException or InvalidOperationException)
        {
            ClientFeaturesLog.RootsNoticeFailed(_logger, server.Name, SecretRedactor.Redact(e.Message, server.Secrets));
        }
    }
}
