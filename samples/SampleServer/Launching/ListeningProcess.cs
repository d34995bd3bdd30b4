using System.Diagnostics;
using System.Text.RegularExpressions;

namespace McpFleet.SampleServer.Launching;

/// <summary>
/// A server started as a child process that announces where it listens with a line on stdout or stderr.
/// <see cref="StartAsync"/> returns once that line appears; disposing ends the whole process tree.
/// </summary>
public sealed class ListeningProcess : IAsyncDisposable
{
    /// <summary>How long <see cref="StartAsync"/> waits for the ready line.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private const int StandardErrorTailLines = 50;

    private readonly Process _process;
    private readonly Regex _readyLine;
    private readonly TaskCompletionSource<Match> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _standardErrorTail = new();

    private ListeningProcess(Process process, Regex readyLine)
    {
        _process = process;
        _readyLine = readyLine;
        _process.OutputDataReceived += (_, line) => OnLine(line.Data, isError: false);
        _process.ErrorDataReceived += (_, line) => OnLine(line.Data, isError: true);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The match of the ready line, e.g. to read the port from.</summary>
    public Match ReadyMatch { get; private set; } = Match.Empty;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stderr, for assertion messages.</summary>
    public string StandardErrorTail
    {
        get
        {
            lock (_standardErrorTail)
            {
                return string.Join('\n', _standardErrorTail);
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> and waits for a stdout or stderr line matching <paramref name="readyLine"/>.</summary>
    /// <exception cref="InvalidOperationException">The process exited before it was ready.</exception>
    /// <exception cref="TimeoutException">The process was not ready within <see cref="StartTimeout"/>.</exception>
    public static async Task<ListeningProcess> StartAsync(
        string displayName,
        string fileName,
        IEnumerable<string> arguments,
        Regex readyLine,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ProcessStartInfo startInfo = new(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        ListeningProcess process = new(Process.Start(startInfo)!, readyLine);
        try
        {
            await process.WaitUntilReadyAsync(displayName, cancellationToken);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process tree at once, as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Waits until the process exits by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(string displayName, CancellationToken cancellationToken)
    {
        var ready = _ready.Task.WaitAsync(StartTimeout, cancellationToken);
        var exited = _process.WaitForExitAsync(cancellationToken);
        try
        {
            if (await Task.WhenAny(ready, exited) == ready)
            {
                ReadyMatch = await ready;
                return;
            }
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(
                $"{displayName} was not ready within {StartTimeout.TotalSeconds} s. Its stderr ends with:\n{StandardErrorTail}", exception);
        }

        await exited;
        throw new InvalidOperationException(
            $"{displayName} exited with code {_process.ExitCode} before it was ready. Its stderr ends with:\n{StandardErrorTail}");
    }

    private void OnLine(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }

        if (!_ready.Task.IsCompleted && _readyLine.Match(line) is { Success: true } match)
        {
            _ready.TrySetResult(match);
        }

        if (isError)
        {
            lock (_standardErrorTail)
            {
                _standardErrorTail.Enqueue(line);
                if (_standardErrorTail.Count > StandardErrorTailLines)
                {
                    _standardErrorTail.Dequeue();
                }
            }
        }
    }
}
