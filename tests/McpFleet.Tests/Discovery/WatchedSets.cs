using System.Threading.Channels;
using McpFleet.Configuration;
using McpFleet.Discovery;

namespace McpFleet.Tests.Discovery;

/// <summary>
/// Watches a discovery source in the background and hands its sets to the test one at a time. Disposing stops the
/// watch and checks that the enumeration ended without an exception, as the contract says.
/// </summary>
internal sealed class WatchedSets : IAsyncDisposable
{
    /// <summary>Long enough for anything that is going to happen; only a hang reaches it.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<IReadOnlyList<ServerDefinition>> _sets = Channel.CreateUnbounded<IReadOnlyList<ServerDefinition>>();
    private readonly string _sourceName;
    private readonly Task _watching;

    public WatchedSets(IServerDiscovery discovery)
    {
        _sourceName = discovery.Name;
        _watching = Task.Run(() => WatchAsync(discovery));
    }

    /// <summary>The next set the source yields.</summary>
    public async Task<IReadOnlyList<ServerDefinition>> NextAsync()
    {
        try
        {
            return await _sets.Reader.ReadAsync().AsTask().WaitAsync(HangGuard);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{_sourceName} yielded no set within {HangGuard}.", e);
        }
    }

    /// <summary>A set that was yielded and not taken yet, if any.</summary>
    public bool TryTake(out IReadOnlyList<ServerDefinition>? set) => _sets.Reader.TryRead(out set);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching.WaitAsync(HangGuard);
        _stop.Dispose();
    }

    private async Task WatchAsync(IServerDiscovery discovery)
    {
        try
        {
            await foreach (var set in discovery.WatchAsync(_stop.Token))
            {
                await _sets.Writer.WriteAsync(set);
            }

            _sets.Writer.Complete();
        }
        catch (Exception e)
        {
            // Makes NextAsync throw too, so a test waiting for a set sees why none came.
            _sets.Writer.Complete(e);
            throw;
        }
    }
}
