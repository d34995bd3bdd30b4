using System.Collections.Immutable;
using System.Diagnostics;
using McpFleet.Telemetry;

namespace McpFleet.Aggregation;

/// <summary>
/// A composite tool, declared with <see cref="Composite.For{TInput}"/>: its parts run in parallel and their typed results
/// are combined into one answer. Every part is required: when one fails, the others are cancelled (on their servers
/// too) and its exception is thrown. For partial results, make a part a fan-out.
/// </summary>
/// <typeparam name="TInput">What the composite tool takes.</typeparam>
/// <typeparam name="TOutput">Its answer.</typeparam>
public sealed class CompositeTool<TInput, TOutput>
{
    private readonly ImmutableArray<Func<TInput, CancellationToken, Task>> _parts;
    private readonly Func<TInput, IReadOnlyList<Task>, TOutput> _combine;

    internal CompositeTool(string name, ImmutableArray<Func<TInput, CancellationToken, Task>> parts, Func<TInput, IReadOnlyList<Task>, TOutput> combine)
    {
        Name = name;
        _parts = parts;
        _combine = combine;
    }

    /// <summary>The composite tool's name, for telemetry.</summary>
    public string Name { get; }

    /// <summary>Runs every part in parallel and combines their results.</summary>
    /// <param name="input">Passed to every part and to the combining function.</param>
    /// <param name="cancellationToken">Cancels every part, on the servers too.</param>
    /// <returns>The combined answer.</returns>
    /// <exception cref="Exception">The exception of the first part that failed (e.g. a <see cref="Tools.ToolException"/>).</exception>
    public async Task<TOutput> InvokeAsync(TInput input, CancellationToken cancellationToken = default)
    {
        using var activity = FleetTelemetry.StartComposite(Name, _parts.Length);
        using var parts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new Task[_parts.Length];
        for (var i = 0; i < running.Length; i++)
        {
            running[i] = Start(_parts[i], input, parts.Token);
        }

        // Every part completes before this returns or throws, so no call outlives the composite.
        Task? failed = null;
        await foreach (var part in Task.WhenEach(running).ConfigureAwait(false))
        {
            if (!part.IsCompletedSuccessfully && failed is null)
            {
                failed = part;
                await parts.CancelAsync().ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (failed is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failed.Exception?.InnerException?.GetType().Name);
            await failed.ConfigureAwait(false);
        }

        return _combine(input, running);
    }

    private static Task Start(Func<TInput, CancellationToken, Task> part, TInput input, CancellationToken cancellationToken)
    {
        try
        {
            return part(input, cancellationToken);
        }
#pragma warning disable CA1031 // A part that throws before returning its task fails like one whose task faults.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException(e);
        }
    }
}
