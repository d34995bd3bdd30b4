using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace McpFleet.Tests.Discovery;

/// <summary>
/// A real etcd (Debian's <c>etcd-server</c>, installed by <c>./test.sh</c>) on loopback ports, with its data in a
/// temporary folder. It can be killed and started again on the same ports and data. Disposing kills the process tree
/// and deletes the folder. Keys are written through the same v3 JSON gateway the provider reads.
/// </summary>
internal sealed class EtcdServer : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private static readonly HttpClient s_http = new();

    private readonly int _clientPort;
    private readonly int _peerPort;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _token;

    private EtcdServer()
    {
        using var client = new TcpListener(IPAddress.Loopback, 0);
        using var peer = new TcpListener(IPAddress.Loopback, 0);
        client.Start();
        peer.Start();
        _clientPort = ((IPEndPoint)client.LocalEndpoint).Port;
        _peerPort = ((IPEndPoint)peer.LocalEndpoint).Port;
    }

    public Uri Endpoint => new(ClientUrl);

    private string ClientUrl => $"http://127.0.0.1:{_clientPort}";

    /// <summary>The temporary folder; etcd's command line names it, so it also finds the process.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("mcpfleet-etcd-").FullName;

    public static async Task<EtcdServer> StartAsync()
    {
        var server = new EtcdServer();
        try
        {
            await server.RestartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts etcd (again) and waits until it reports itself healthy.</summary>
    public async Task RestartAsync()
    {
        ProcessStartInfo startInfo = new(FindEtcd())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var peerUrl = $"http://127.0.0.1:{_peerPort}";
        foreach (var argument in (string[])[
            "--name", "t", "--data-dir", Path.Join(Folder, "data"),
            "--listen-client-urls", ClientUrl, "--advertise-client-urls", ClientUrl,
            "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl, "--initial-cluster", $"t={peerUrl}",
            "--logger", "zap", "--log-outputs", "stderr"])
        {
            startInfo.ArgumentList.Add(argument);
        }

        _process = Process.Start(startInfo)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(_process);
    }

    /// <summary>Kills etcd at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
    }

    public Task PutAsync(string key, string value) =>
        CallAsync("v3/kv/put", $$"""{"key":"{{Base64(key)}}","value":"{{Base64(value)}}"}""");

    public Task DeleteAsync(string key) => CallAsync("v3/kv/deleterange", $$"""{"key":"{{Base64(key)}}"}""");

    /// <summary>Turns authentication on with a root user; later writes of this helper authenticate as root.</summary>
    public async Task EnableAuthenticationAsync(string rootPassword)
    {
        await CallAsync("v3/auth/user/add", $$"""{"name":"root","password":"{{rootPassword}}"}""");
        await CallAsync("v3/auth/user/grant", """{"user":"root","role":"root"}""");
        await CallAsync("v3/auth/enable", "{}");
        using var answer = JsonDocument.Parse(await CallAsync("v3/auth/authenticate", $$"""{"name":"root","password":"{{rootPassword}}"}"""));
        _token = answer.RootElement.GetProperty("token").GetString();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task<string> CallAsync(string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, path)) { Content = new StringContent(body) };
        if (_token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _token);
        }

        using var response = await s_http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"etcd answered {path} with {(int)response.StatusCode}: {text}");
        return text;
    }

    private async Task WaitUntilHealthyAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"etcd exited with code {process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                if ((await s_http.GetStringAsync(new Uri(Endpoint, "health"))).Contains("\"health\":\"true\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > s_startTimeout)
            {
                throw new TimeoutException($"etcd was not healthy within {s_startTimeout}:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static string FindEtcd() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Join(directory, "etcd"))
            .FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("etcd is not installed. Run ./test.sh, which installs Debian's etcd-server package.");

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
