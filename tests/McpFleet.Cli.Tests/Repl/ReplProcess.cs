using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace McpFleet.Cli.Tests.Repl;

/// <summary>One line the REPL wrote in answer to a command: a result on stdout, or an error on stderr.</summary>
internal sealed record ReplReply(bool IsError, string Line)
{
    /// <summary>The line parsed as JSON, as <c>--json</c> writes it.</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Line);
            return document.RootElement.Clone();
        }
    }

    public override string ToString() => $"{(IsError ? "stderr" : "stdout")}: {Line}";
}

/// <summary>
/// The real <c>mcpfleet repl --json</c> process, driven through its standard input one command at a time: with
/// <c>--json</c> every command is answered by exactly one line, on stdout or stderr, so the next command waits for it.
/// </summary>
internal sealed class ReplProcess : IAsyncDisposable
{
    // Only against hangs: a command answers in well under a second.
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<ReplReply> _replies = Channel.CreateUnbounded<ReplReply>();
    private readonly Task _readers;

    private ReplProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(ReadAsync(process.StandardOutput, isError: false), ReadAsync(process.StandardError, isError: true))
            .ContinueWith(_ => _replies.Writer.TryComplete(), TaskScheduler.Default);
    }

    /// <summary>Starts <c>mcpfleet repl --json</c> with <paramref name="args"/>.</summary>
    public static ReplProcess Start(params string[] args)
    {
        var startInfo = CliRunner.CreateStartInfo(new Dictionary<string, string>(), ["repl", "--json", .. args]);
        startInfo.RedirectStandardInput = true;
        return new ReplProcess(Process.Start(startInfo)!);
    }

    /// <summary>Sends one command and returns the line that answers it.</summary>
    public async Task<ReplReply> SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        using CancellationTokenSource timeout = new(s_hangGuard);
        try
        {
            return await _replies.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The REPL exited (code {_process.ExitCode}) without answering '{command}'.");
        }
    }

    /// <summary>Sends a command that must succeed and returns its JSON result.</summary>
    public async Task<JsonElement> ResultAsync(string command)
    {
        var reply = await SendAsync(command);
        Assert.False(reply.IsError, $"'{command}' failed: {reply}");
        return reply.Json;
    }

    /// <summary>Sends a command that must fail and returns its error message.</summary>
    public async Task<string> ErrorAsync(string command)
    {
        var reply = await SendAsync(command);
        Assert.True(reply.IsError, $"'{command}' succeeded: {reply}");
        return reply.Json.GetProperty("error").GetString()!;
    }

    /// <summary>
    /// Waits until every server of <paramref name="names"/> is connected and has listed its tools. A server that is slow
    /// to start on a busy machine can miss its first connection attempt; the runtime then reconnects in the background.
    /// </summary>
    public async Task WaitUntilConnectedAsync(params string[] names)
    {
        using CancellationTokenSource timeout = new(s_hangGuard);
        while (true)
        {
            var servers = (await ResultAsync("servers")).GetProperty("servers").EnumerateArray()
                .Where(server => server.GetProperty("connected").GetBoolean() && server.GetProperty("tools").ValueKind == JsonValueKind.Number)
                .Select(server => server.GetProperty("name").GetString());
            if (names.All(servers.Contains))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }

    /// <summary>Sends <c>quit</c> and returns the exit code; nothing more may have been written.</summary>
    public async Task<int> QuitAsync()
    {
        await _process.StandardInput.WriteLineAsync("quit");
        await _process.StandardInput.FlushAsync();
        using CancellationTokenSource timeout = new(s_hangGuard);
        await _process.WaitForExitAsync(timeout.Token);
        await _readers;
        Assert.False(_replies.Reader.TryRead(out var extra), $"Unexpected output after quit: {extra}");
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task ReadAsync(StreamReader reader, bool isError)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await _replies.Writer.WriteAsync(new ReplReply(isError, line));
        }
    }
}
