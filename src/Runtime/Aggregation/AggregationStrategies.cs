using System.Globalization;

namespace McpFleet.Aggregation;

/// <summary>The built-in aggregation strategies of a fan-out; <see cref="Merges"/> has built-in merge functions.</summary>
public static class AggregationStrategies
{
    /// <summary>
    /// The first successful result in target order, i.e. by preference (a group's members in order, a list of servers
    /// as given): once a target succeeds and every target before it has failed, the targets after it are cancelled.
    /// </summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    public static AggregationStrategy<TResult, TResult> First<TResult>() => new FirstStrategy<TResult>();

    /// <summary>The first successful result to arrive; the other targets are then cancelled.</summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    public static AggregationStrategy<TResult, TResult> Fastest<TResult>() => new FastestStrategy<TResult>();

    /// <summary>Every successful result, in target order.</summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    public static AggregationStrategy<TResult, IReadOnlyList<TResult>> All<TResult>() => new AllStrategy<TResult>();

    /// <summary>
    /// The result that more than half of the targets agree on (failed targets count as not agreeing); otherwise a
    /// <see cref="FanOutException"/>. The agreeing servers are the result's <see cref="FanOutResult{TResult, TValue}.Contributors"/>;
    /// once a majority agrees, the targets still pending are cancelled.
    /// </summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    /// <param name="comparer">When two results agree; by default <see cref="StructuralResultComparer{TResult}"/>.</param>
    public static AggregationStrategy<TResult, TResult> Majority<TResult>(IEqualityComparer<TResult>? comparer = null) =>
        AgreementStrategy<TResult>.Majority(comparer ?? new StructuralResultComparer<TResult>());

    /// <summary>The result that at least <paramref name="count"/> targets agree on; otherwise a <see cref="FanOutException"/>.</summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    /// <param name="count">How many targets must agree; at least 1.</param>
    /// <param name="comparer">When two results agree; by default <see cref="StructuralResultComparer{TResult}"/>.</param>
    public static AggregationStrategy<TResult, TResult> Quorum<TResult>(int count, IEqualityComparer<TResult>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return AgreementStrategy<TResult>.Quorum(count, comparer ?? new StructuralResultComparer<TResult>());
    }

    /// <summary>Every successful result (in target order), combined by <paramref name="merge"/>, e.g. one of <see cref="Merges"/>.</summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    /// <typeparam name="TMerged">The merged value's type.</typeparam>
    /// <param name="merge">Combines the results; called once, with at least one result.</param>
    public static AggregationStrategy<TResult, TMerged> Merge<TResult, TMerged>(Func<IReadOnlyList<TResult>, TMerged> merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return new MergeStrategy<TResult, TMerged>(merge);
    }

    /// <summary>
    /// Creates a strategy that yields one result from its <see cref="AggregationStrategy{TResult, TValue}.Name"/>, e.g.
    /// from a command line: <c>first</c>, <c>fastest</c>, <c>majority</c> or <c>quorum:N</c>.
    /// </summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    /// <param name="name">The name.</param>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static AggregationStrategy<TResult, TResult> FromName<TResult>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        const string QuorumPrefix = "quorum:";
        return name switch
        {
            "first" => First<TResult>(),
            "fastest" => Fastest<TResult>(),
            "majority" => Majority<TResult>(),
            _ when name.StartsWith(QuorumPrefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(QuorumPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 => Quorum<TResult>(count),
            _ => throw new ArgumentException($"Unknown aggregation strategy '{name}'; expected first, fastest, majority or quorum:<count>.", nameof(name)),
        };
    }
}
