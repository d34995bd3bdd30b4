using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace McpFleet.Tests.Runtime;

/// <summary>
/// Listens to one instrument of the fleet's meter and sums its measurements by the value of one tag. Listeners see
/// every runtime in the process, and tests run in parallel: a test that counts by a tag other than the server's passes
/// the prefix of its own (unique) server names, so that other tests' measurements are not counted.
/// </summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new(StringComparer.Ordinal);
    private readonly string? _serverPrefix;

    /// <param name="instrument">The instrument's name.</param>
    /// <param name="tag">The tag whose values the sums are keyed by.</param>
    /// <param name="serverPrefix">When set, only measurements whose <c>mcpfleet.server.name</c> starts with it count.</param>
    public MetricRecorder(string instrument, string tag, string? serverPrefix = null)
    {
        _serverPrefix = serverPrefix;
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
        if (_serverPrefix is not null && !IsOfServer(tags, _serverPrefix))
        {
            return;
        }

        foreach (var (key, tagValue) in tags)
        {
            TagValues.Add($"{key}={tagValue}");
            if (key == tag && tagValue is string text)
            {
                _sums.AddOrUpdate(text, value, (_, sum) => sum + value);
            }
        }
    }

    private static bool IsOfServer(ReadOnlySpan<KeyValuePair<string, object?>> tags, string serverPrefix)
    {
        foreach (var (key, value) in tags)
        {
            if (key == "mcpfleet.server.name" && value is string server && server.StartsWith(serverPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
