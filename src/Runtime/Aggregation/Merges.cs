namespace McpFleet.Aggregation;

/// <summary>Built-in merge functions for <see cref="AggregationStrategies.Merge{TResult, TMerged}"/>, for common shapes of results.</summary>
public static class Merges
{
    /// <summary>
    /// The items of every result's list, concatenated in target order, keeping the first item of each key: e.g. the
    /// search hits of several servers without duplicates.
    /// </summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    /// <typeparam name="TItem">The type of a list item.</typeparam>
    /// <typeparam name="TKey">The type of an item's key.</typeparam>
    /// <param name="items">A result's list.</param>
    /// <param name="key">An item's key.</param>
    /// <param name="comparer">Compares keys; the default comparer by default.</param>
    public static Func<IReadOnlyList<TResult>, IReadOnlyList<TItem>> ConcatDistinct<TResult, TItem, TKey>(
        Func<TResult, IEnumerable<TItem>> items, Func<TItem, TKey> key, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);
        return results => [.. results.SelectMany(items).DistinctBy(key, comparer)];
    }

    /// <summary>The average of a numeric field over the results that have it.</summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    /// <param name="field">The field; <see langword="null"/> where a result lacks it.</param>
    /// <exception cref="InvalidOperationException">No result has the field (thrown by the merge).</exception>
    public static Func<IReadOnlyList<TResult>, double> Average<TResult>(Func<TResult, double?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return results =>
        {
            var values = results.Select(field).OfType<double>().ToList();
            return values.Count > 0 ? values.Average() : throw new InvalidOperationException("No result has the field to average.");
        };
    }

    /// <summary>
    /// The first result with a numeric field replaced by its average over the results that have it, e.g.
    /// <c>Merges.Average&lt;Forecast&gt;(f => f.Temperature, (f, average) => f with { Temperature = average })</c>;
    /// apply it again for another field.
    /// </summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    /// <param name="field">The field; <see langword="null"/> where a result lacks it.</param>
    /// <param name="withAverage">A copy of a result with the field set to the average.</param>
    /// <exception cref="InvalidOperationException">No result has the field (thrown by the merge).</exception>
    public static Func<IReadOnlyList<TResult>, TResult> Average<TResult>(Func<TResult, double?> field, Func<TResult, double, TResult> withAverage)
    {
        ArgumentNullException.ThrowIfNull(withAverage);
        var average = Average(field);
        return results => withAverage(results[0], average(results));
    }

    /// <summary>The result with the highest score or confidence; among equals, the first in target order.</summary>
    /// <typeparam name="TResult">The tool's result type.</typeparam>
    /// <param name="score">A result's score; a result without one (<see langword="null"/>, NaN) is chosen only when no result has one.</param>
    public static Func<IReadOnlyList<TResult>, TResult> HighestBy<TResult>(Func<TResult, double?> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return results =>
        {
            var best = results[0];
            var bestScore = Scored(score(best));
            foreach (var result in results.Skip(1))
            {
                var candidate = Scored(score(result));
                if (candidate > bestScore)
                {
                    (best, bestScore) = (result, candidate);
                }
            }

            return best;
        };
    }

    private static double Scored(double? score) => score is { } value && !double.IsNaN(value) ? value : double.NegativeInfinity;
}
