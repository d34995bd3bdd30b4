using System.ComponentModel;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using McpFleet.Configuration;
using McpFleet.Secrets;
using McpFleet.Transports;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace McpFleet.Connections;

/// <summary>Turns what the MCP SDK and the network throw into a <see cref="ServerConnectionException"/> that says
/// which server failed and why, in words a person can act on, with every secret of the fleet masked.</summary>
internal static class ConnectionFailureClassifier
{
    public static ServerConnectionException Classify(ServerDefinition server, Exception exception, FleetSecrets secrets)
    {
        var (kind, cause) = Describe(server, exception);
        var message = secrets.Mask($"Server '{server.Name}' ({server.DescribeTarget()}): {cause}");

        // The original exception, or a masked copy of it when something in it reveals a secret.
        return new ServerConnectionException(server.Name, kind, message, secrets.Wrap(exception));
    }

    public static ServerConnectionException Timeout(ServerDefinition server, TimeSpan timeout, string activity, FleetSecrets secrets) =>
        new(server.Name, ConnectionFailureKind.Timeout,
            secrets.Mask($"Server '{server.Name}' ({server.DescribeTarget()}): no answer to {activity} within {timeout.TotalSeconds:0.#} s."));

    private static (ConnectionFailureKind Kind, string Cause) Describe(ServerDefinition server, Exception exception)
    {
        if (MessageTooLargeException.FindIn(exception) is { } tooLarge)
        {
            return (ConnectionFailureKind.ProtocolError, $"a message of at least {tooLarge.Size:N0} bytes, over its limit of {tooLarge.Limit:N0}, was refused unread.");
        }

        if (Find<ClientTransportClosedException>(exception) is { Details: StdioClientCompletionDetails stdio })
        {
            var tail = stdio.StandardErrorTail is { Count: > 0 } lines
                ? $" Last lines of its standard error:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", lines)}"
                : " It wrote nothing to standard error.";
            return (ConnectionFailureKind.ProcessExited, $"the process exited with code {stdio.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}.{tail}");
        }

        if (Find<Win32Exception>(exception) is { } start && server.Transport == TransportKind.Stdio)
        {
            return (ConnectionFailureKind.ProcessStartFailed, $"cannot start '{server.Command}': {start.Message}");
        }

        if (Find<HttpRequestException>(exception) is { } http)
        {
            return http switch
            {
                { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } =>
                    (ConnectionFailureKind.AuthenticationRejected,
                     $"authentication rejected (HTTP {(int)http.StatusCode} {http.StatusCode}); check the server's headers or token."),
                { StatusCode: { } redirect } when (int)redirect is >= 300 and < 400 => (ConnectionFailureKind.HttpError, http.Message),
                { StatusCode: { } status } =>
                    (ConnectionFailureKind.HttpError, $"the server answered HTTP {(int)status} {status}."),
                _ when Find<SocketException>(exception) is { SocketErrorCode: SocketError.ConnectionRefused } =>
                    (ConnectionFailureKind.ConnectionRefused, "connection refused; is the server running?"),
                _ => (ConnectionFailureKind.Unreachable, $"cannot reach the server: {http.Message}"),
            };
        }

        if (Find<McpException>(exception) is { } mcp)
        {
            return (ConnectionFailureKind.ProtocolError, $"protocol error: {mcp.Message}");
        }

        if (Find<JsonException>(exception) is { } json)
        {
            return (ConnectionFailureKind.ProtocolError, $"protocol error: the server sent malformed JSON ({json.Message}).");
        }

        return (ConnectionFailureKind.ProtocolError, $"{exception.GetType().Name}: {exception.Message}");
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                return Find<T>(aggregate.InnerExceptions[0]);
            }
        }

        return null;
    }
}
