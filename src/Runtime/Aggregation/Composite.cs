namespace McpFleet.Aggregation;

/// <summary>
/// Declares composite tools: one typed operation that calls several tools (of one server or many, or fan-outs) in
/// parallel and combines their typed results into one typed answer.
/// </summary>
/// <example>
/// <code>
/// var briefing = Composite.For&lt;string&gt;("briefing")
///     .Call((city, ct) => fleet.Weather.ForecastAsync(city, cancellationToken: ct))
///     .Call((city, ct) => fleet.Clock.GetTimeAsync(TimeZones.Of(city), ct))
///     .Combine((city, forecast, time) => new Briefing(city, forecast.Summary, time.Local));
///
/// Briefing paris = await briefing.InvokeAsync("Paris", cancellationToken);
/// </code>
/// </example>
public static class Composite
{
    /// <summary>Starts declaring a composite tool that takes a <typeparamref name="TInput"/>.</summary>
    /// <typeparam name="TInput">What the composite tool takes, passed to every part and to the combining function.</typeparam>
    /// <param name="name">The composite tool's name, for telemetry.</param>
    public static CompositeBuilder<TInput> For<TInput>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new CompositeBuilder<TInput>(name, []);
    }
}
