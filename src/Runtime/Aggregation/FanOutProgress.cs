namespace McpFleet.Aggregation;

/// <summary>The outcomes of a fan-out's targets as they come in, by target and in order of completion.</summary>
/// <typeparam name="TResult">The tool's result type.</typeparam>
internal sealed class FanOutProgress<TResult>
{
    private readonly ServerOutcome<TResult>?[] _byTarget;
    private readonly List<int> _completionOrder;

    public FanOutProgress(int targets)
    {
        _byTarget = new ServerOutcome<TResult>?[targets];
        _completionOrder = new List<int>(targets);
    }

    public int Targets => _byTarget.Length;

    public int Pending => Targets - _completionOrder.Count;

    public int Succeeded { get; private set; }

    /// <summary>The outcome of the target at <paramref name="index"/> (in target order); <see langword="null"/> while pending.</summary>
    public ServerOutcome<TResult>? this[int index] => _byTarget[index];

    /// <summary>Target indexes, in the order their outcomes came in.</summary>
    public IReadOnlyList<int> CompletionOrder => _completionOrder;

    public void Record(int index, ServerOutcome<TResult> outcome)
    {
        _byTarget[index] = outcome;
        _completionOrder.Add(index);
        if (outcome.Succeeded)
        {
            Succeeded++;
        }
    }

    /// <summary>Every outcome, in target order; only once none is pending.</summary>
    public IReadOnlyList<ServerOutcome<TResult>> Outcomes()
    {
        if (Pending > 0)
        {
            throw new InvalidOperationException("Outcomes are still pending.");
        }

        return [.. _byTarget.Select(outcome => outcome!)];
    }

    /// <summary>The successful outcomes, in target order.</summary>
    public IEnumerable<ServerOutcome<TResult>> Successes() => _byTarget.Where(outcome => outcome is { Succeeded: true })!;
}
