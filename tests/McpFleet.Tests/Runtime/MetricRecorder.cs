using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace McpFleet.Tests.Runtime;

/// <summary>
/// Listens to one instrument of the fleet's meter and sums its measurements by the value of one tag. Listeners see
/// every runtime in the process, so tests use server names of their own.
/// </summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new(StringComparer.Ordinal);

    public MetricRecorder(string instrument, string tag)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == "McpFleet" && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(tag, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Record(tag, value, tags));
        _listener.Start();
    }

    /// <summary>Every measurement's tags, for checks that no tag carries a secret.</summary>
    public ConcurrentBag<string> TagValues { get; } = [];

    public double this[string tagValue] => _sums.GetValueOrDefault(tagValue);

    public void Reset() => _sums.Clear();

    public void Dispose() => _listener.Dispose();

    private void Record(string tag, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, tagValue) in tags)
        {
            TagValues.Add($"{key}={tagValue}");
            if (key == tag && tagValue is string text)
            {
                _sums.AddOrUpdate(text, value, (_, sum) => sum + value);
            }
        }
    }
}
