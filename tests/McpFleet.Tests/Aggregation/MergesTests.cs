using McpFleet.Aggregation;

namespace McpFleet.Tests.Aggregation;

/// <summary>The built-in merge functions, on plain values (the strategy tests run them against real servers).</summary>
public sealed class MergesTests
{
    private sealed record Forecast(string City, double? Temperature, double Confidence);

    private static readonly Forecast[] s_forecasts = [new("Paris", 10, 0.5), new("Paris", null, 0.9), new("Paris", 14, 0.9)];

    [Fact]
    public void ConcatDistinct_keeps_the_first_item_of_each_key_in_order()
    {
        var merge = Merges.ConcatDistinct((string[] words) => words, word => word.ToUpperInvariant());

        Assert.Equal(["a", "b", "c"], merge([["a", "b"], ["B", "c", "A"]]));
    }

    [Fact]
    public void Average_skips_results_without_the_field()
    {
        Assert.Equal(12, Merges.Average((Forecast f) => f.Temperature)(s_forecasts));
        Assert.Throws<InvalidOperationException>(() => Merges.Average((Forecast f) => f.Temperature)([s_forecasts[1]]));
    }

    [Fact]
    public void Average_can_write_the_average_into_the_first_result()
    {
        var merged = Merges.Average((Forecast f) => f.Temperature, (f, average) => f with { Temperature = average })(s_forecasts);

        Assert.Equal(new Forecast("Paris", 12, 0.5), merged);
    }

    [Fact]
    public void HighestBy_picks_the_first_of_the_highest_scores()
    {
        Assert.Same(s_forecasts[1], Merges.HighestBy((Forecast f) => f.Confidence)(s_forecasts));
        Assert.Same(s_forecasts[2], Merges.HighestBy((Forecast f) => f.Temperature)(s_forecasts));
        Assert.Same(s_forecasts[1], Merges.HighestBy((Forecast f) => f.Temperature)([s_forecasts[1], new("Rome", double.NaN, 0)]));
    }
}
