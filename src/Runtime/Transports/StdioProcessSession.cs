using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpFleet.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Transports;

/// <summary>
/// One session with a stdio server process. However it ends, the message channel completes with a
/// <see cref="ClientTransportClosedException"/> whose <see cref="StdioClientCompletionDetails"/> hold the exit code and
/// the last lines of standard error, and whose <see cref="ClientCompletionDetails.Exception"/> is the cause (such as a
/// <see cref="MessageTooLargeException"/>); a failed write waits for that, so it reports how the server ended too.
/// </summary>
internal sealed class StdioProcessSession : TransportBase
{
    // How long a server may take to exit after its input closes, as the SDK's stdio transport allows, before it is killed.
    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(5);

    // Long enough for a process whose output ended to be reaped, and for its last lines of standard error to arrive.
    private static readonly TimeSpan s_exitWait = TimeSpan.FromSeconds(2);

    private static readonly byte[] s_newline = "\n"u8.ToArray();

    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageType = McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>();

    private readonly string _server;
    private readonly Process _process;
    private readonly int _processId;
    private readonly ILogger _logger;
    private readonly StandardErrorReader _standardError = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _readingErrors;
    private readonly Task _reading;
    private int _disposed;

    public StdioProcessSession(string server, Process process, long maxMessageSize, ILoggerFactory? loggerFactory)
        : base(server, loggerFactory)
    {
        _server = server;
        _process = process;
        _processId = process.Id;
        _logger = loggerFactory?.CreateLogger<StdioProcessTransport>() ?? NullLogger<StdioProcessTransport>.Instance;
        SetConnected();
        _readingErrors = ReadStandardErrorAsync();
        _reading = ReadMessagesAsync(new BoundedLineReader(process.StandardOutput.BaseStream, server, maxMessageSize));
    }

    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(message, s_messageType);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var input = _process.StandardInput.BaseStream;
            await input.WriteAsync(utf8, cancellationToken).ConfigureAwait(false);
            await input.WriteAsync(s_newline, cancellationToken).ConfigureAwait(false);
            await input.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The server is gone, most likely: say how it ended, once the reader has seen it.
            throw await EndedAsync().ConfigureAwait(false) ?? new IOException("Failed to send the message: the server's standard input is closed.", e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the server's input, gives it time to exit, and kills its process tree if it does not.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The client ended the session: nothing went wrong.
        SetDisconnected();
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Its input is closed already.
        }

        if (!await WaitForExitAsync(s_shutdownTimeout).ConfigureAwait(false))
        {
            Kill();
        }

        await EndedWithinAsync(Task.WhenAll(_reading, _readingErrors), s_exitWait).ConfigureAwait(false);
        _process.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReadMessagesAsync(BoundedLineReader output)
    {
        // Let the constructor finish before the first read completes.
        await Task.Yield();
        Exception? failure = null;
        try
        {
            while (await output.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                if (line.Span.Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }

                JsonRpcMessage? message;
                try
                {
                    message = JsonSerializer.Deserialize(line.Span, s_messageType);
                }
                catch (JsonException)
                {
                    // Skipped, as the SDK does: a server may print a banner. Its text is not logged; it could be anything.
                    Log.StandardOutputNotJsonRpc(_logger, _server, line.Length);
                    continue;
                }

                if (message is not null)
                {
                    await WriteMessageAsync(message).ConfigureAwait(false);
                }
            }
        }
#pragma warning disable CA1031 // Whatever ends the reading ends the session, and is reported as its cause.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }

        if (failure is MessageTooLargeException)
        {
            // Nothing more it writes can be read: the rest of that message would come first.
            Kill();
        }

        await WaitForExitAsync(s_exitWait).ConfigureAwait(false);
        await EndedWithinAsync(_readingErrors, s_exitWait).ConfigureAwait(false);
        SetDisconnected(new ClientTransportClosedException(new StdioClientCompletionDetails
        {
            Exception = failure,
            ProcessId = _processId,
            ExitCode = HasExited ? _process.ExitCode : null,
            StandardErrorTail = _standardError.Tail is { Count: > 0 } tail ? tail : null,
        }));
    }

    private async Task ReadStandardErrorAsync()
    {
        await Task.Yield();
        try
        {
            await _standardError.ReadAsync(_process.StandardError.BaseStream, line => Log.ServerStandardError(_logger, _server, line), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe broke with the process.
        }
    }

    /// <summary>The closure the reader completed the channel with, after waiting a little for it.</summary>
    private async Task<ClientTransportClosedException?> EndedAsync()
    {
        try
        {
            await MessageReader.Completion.WaitAsync(s_exitWait).ConfigureAwait(false);
        }
        catch (ClientTransportClosedException closed)
        {
            return closed;
        }
        catch (TimeoutException)
        {
            // Still running: the write's own failure says what is known.
        }

        return null;
    }

    private bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    private async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            return HasExited;
        }
    }

    /// <summary>Waits for <paramref name="task"/>, which never fails, for at most <paramref name="timeout"/>: a child the
    /// server started may hold its pipes open after it exits.</summary>
    private static async Task EndedWithinAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Left to end with the pipes.
        }
    }

    private void Kill()
    {
        try
        {
            // The whole tree: npx, uvx and shells start the real server as a child.
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It exited already.
        }
    }
}
