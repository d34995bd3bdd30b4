using System.Threading.Channels;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFleet.Transports;

/// <summary>
/// A stdio transport whose failed writes say how the server process ended: its exit code and the last lines of its
/// standard error, as a <see cref="ClientTransportClosedException"/> with <see cref="StdioClientCompletionDetails"/>.
/// </summary>
/// <remarks>
/// When a server exits, the SDK reports it with those details if its reader notices first, but with a bare
/// <see cref="IOException"/> if a write notices first; and a session disposed while the reader is still closing completes
/// with no error at all. Waiting for the reader after a failed write, before anyone disposes the session, keeps the details.
/// </remarks>
internal sealed class ExitReportingStdioTransport(StdioClientTransport inner) : IClientTransport
{
    // Long enough for a process whose pipe is broken to be reaped; a process that closed its input and lives on costs this once.
    private static readonly TimeSpan s_exitWait = TimeSpan.FromSeconds(2);

    public string Name => inner.Name;

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        new Session(await inner.ConnectAsync(cancellationToken).ConfigureAwait(false));

    private sealed class Session(ITransport transport) : ITransport
    {
        public string? SessionId => transport.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => transport.MessageReader;

        public async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
        {
            try
            {
                await transport.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (e is not ClientTransportClosedException)
            {
                if (await WaitForExitAsync(cancellationToken).ConfigureAwait(false) is { } exit)
                {
                    throw exit;
                }

                throw;
            }
        }

        public ValueTask DisposeAsync() => transport.DisposeAsync();

        private async Task<ClientTransportClosedException?> WaitForExitAsync(CancellationToken cancellationToken)
        {
            try
            {
                await transport.MessageReader.Completion.WaitAsync(s_exitWait, cancellationToken).ConfigureAwait(false);
            }
            catch (ClientTransportClosedException closed) when (closed.Details is StdioClientCompletionDetails)
            {
                return closed;
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or ChannelClosedException)
            {
                // Still running, cancelled, or ended some other way: the write's own exception says what is known.
            }

            return null;
        }
    }
}
