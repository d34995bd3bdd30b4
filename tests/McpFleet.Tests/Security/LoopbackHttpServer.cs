using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace McpFleet.Tests.Security;

/// <summary>
/// A plain HTTP server on 127.0.0.1 (HttpListener) that records every request's path and headers and answers with
/// <paramref name="respond"/>: for servers that only redirect or refuse, where no MCP is spoken.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Action<HttpListenerContext> _respond;
    private readonly Task _serving;

    public LoopbackHttpServer(Action<HttpListenerContext> respond)
    {
        _respond = respond;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public Uri Url(string path, string scheme = "http") => new($"{scheme}://127.0.0.1:{Port}{path}");

    /// <summary>Each request received: its path and its headers (names lower-cased).</summary>
    public ConcurrentQueue<(string Path, Dictionary<string, string> Headers)> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            Requests.Enqueue((request.Url!.AbsolutePath, request.Headers.AllKeys.ToDictionary(name => name!.ToLowerInvariant(), name => request.Headers[name]!)));
            _respond(context);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
