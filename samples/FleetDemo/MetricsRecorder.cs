using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FleetDemo;

/// <summary>Records every measurement of the fleet's meter, <c>McpFleet</c>, as an OpenTelemetry exporter would see them.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private const string FleetMeter = "McpFleet";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FleetMeter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements so far, by instrument in the order each was first measured.</summary>
    public IReadOnlyList<IGrouping<Instrument, Measurement>> ByInstrument() => [.. _measurements.GroupBy(m => m.Instrument)];

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument, value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value?.ToString(), StringComparer.Ordinal)));

    /// <param name="Instrument">The instrument measured.</param>
    /// <param name="Value">The value: an increment of a counter, a sample of a histogram.</param>
    /// <param name="Tags">The tags, values as text.</param>
    internal sealed record Measurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
}
