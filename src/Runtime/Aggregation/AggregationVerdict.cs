namespace McpFleet.Aggregation;

/// <summary>What a strategy made of a fan-out's outcomes: a value and the servers it came from, or why there is none.</summary>
/// <typeparam name="TValue">The aggregated value's type.</typeparam>
internal readonly record struct AggregationVerdict<TValue>(bool IsReached, TValue? Value, IReadOnlyList<string> Contributors, string? Failure)
{
    public static AggregationVerdict<TValue> Reached(TValue value, IReadOnlyList<string> contributors) => new(true, value, contributors, null);

    public static AggregationVerdict<TValue> NoAgreement(string reason) => new(false, default, [], reason);
}
