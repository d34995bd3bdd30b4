using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;

namespace McpFleet.Cli.Authentication;

/// <summary>
/// The loopback redirect of a native app's OAuth sign-in (RFC 8252): a socket on 127.0.0.1 and a free port, where the
/// browser brings the authorization response after the user signed in. It answers one request on its path, and only
/// the socket's owner can read the code from it.
/// </summary>
internal sealed class LoopbackRedirect : IDisposable
{
    private const string CallbackPath = "/callback";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackRedirect()
    {
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{CallbackPath}");
    }

    /// <summary>The redirect URI to register and to send with the authorization request.</summary>
    public Uri Uri { get; }

    /// <summary>Waits for the browser's request on the callback path and returns its query parameters; other requests
    /// (a favicon, a stray probe) get a 404 and are ignored.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReceiveAsync(string serverName, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync(cancellationToken) ?? "";
            var parts = requestLine.Split(' ');
            if (parts.Length < 2 || parts[0] != "GET" || !Uri.TryCreate(Uri, parts[1], out var target) || target.AbsolutePath != CallbackPath)
            {
                await RespondAsync(stream, "404 Not Found", "Not found.", cancellationToken);
                continue;
            }

            var query = HttpUtility.ParseQueryString(target.Query);
            var parameters = query.AllKeys.OfType<string>().ToDictionary(key => key, key => query[key] ?? "", StringComparer.Ordinal);
            var signedIn = parameters.ContainsKey("code");
            await RespondAsync(
                stream,
                signedIn ? "200 OK" : "400 Bad Request",
                signedIn
                    ? $"Signed in to MCP server '{serverName}'. You can close this tab and return to mcpfleet."
                    : $"Sign-in to MCP server '{serverName}' failed: {parameters.GetValueOrDefault("error_description") ?? parameters.GetValueOrDefault("error") ?? "no code in the response"}.",
                cancellationToken);
            return parameters;
        }
    }

    public void Dispose() => _listener.Dispose();

    private static async Task RespondAsync(NetworkStream stream, string status, string text, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes($"<!doctype html><meta charset=\"utf-8\"><title>mcpfleet</title><p>{WebUtility.HtmlEncode(text)}</p>");
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }
}
