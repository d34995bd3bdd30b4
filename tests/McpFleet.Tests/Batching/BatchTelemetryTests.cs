using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using McpFleet.Batching;
using McpFleet.Tests.Calls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Batching;

/// <summary>Each dispatch is one measurement of <c>mcpfleet.batch.size</c>: how many calls went together, and why.</summary>
public sealed class BatchTelemetryTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Each_dispatch_records_its_size_and_trigger()
    {
        // A meter of this test's own, so batches of tests running alongside are not counted.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var dispatches = new BatchSizes(meters);
        await using var server = InProcessServer.Echo();
        await using var runtime = BatchFleet.Create(_time, meters, ("svc", server));
        var batch = runtime.CreateBatch(new CallBatchOptions { MaxBatchSize = 3, MaxDelay = TimeSpan.FromSeconds(1) });

        List<Task> calls = [.. Enumerable.Range(0, 3).Select(i => batch.EchoAsync("svc", $"size{i}"))];
        calls.Add(batch.EchoAsync("svc", "delay0"));
        calls.Add(batch.EchoAsync("svc", "delay1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        calls.Add(batch.EchoAsync("svc", "flush"));
        await batch.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        calls.Add(batch.EchoAsync("svc", "dispose"));
        await batch.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([(3, "size"), (2, "delay"), (1, "flush"), (1, "dispose")], dispatches.Recorded);
        Assert.All(calls, call => Assert.True(call.IsCompletedSuccessfully));
        Assert.Equal(7, server.Calls);
    }

    /// <summary>The batch sizes recorded on the meters of one factory, in order.</summary>
    private sealed class BatchSizes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(int Calls, string Trigger)> _recorded = new();

        public BatchSizes(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "mcpfleet.batch.size" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, calls, tags, _) =>
            {
                foreach (var (key, value) in tags)
                {
                    if (key == "mcpfleet.batch.trigger")
                    {
                        _recorded.Enqueue((calls, (string)value!));
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<(int Calls, string Trigger)> Recorded => [.. _recorded];

        public void Dispose() => _listener.Dispose();
    }
}
