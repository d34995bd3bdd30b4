using System.Collections.Immutable;

namespace McpFleet.Aggregation;

/// <summary>A composite tool being declared, with no part yet.</summary>
/// <typeparam name="TInput">What the composite tool takes.</typeparam>
public sealed class CompositeBuilder<TInput>
{
    private readonly string _name;
    private readonly ImmutableArray<Func<TInput, CancellationToken, Task>> _parts;

    internal CompositeBuilder(string name, ImmutableArray<Func<TInput, CancellationToken, Task>> parts)
    {
        _name = name;
        _parts = parts;
    }

    /// <summary>Adds a part: a call (or a fan-out) made with the composite tool's input, in parallel with the other parts.</summary>
    /// <typeparam name="T1">The part's result.</typeparam>
    /// <param name="part">Makes the call; cancelling its token cancels the call, on the server too.</param>
    public CompositeBuilder<TInput, T1> Call<T1>(Func<TInput, CancellationToken, Task<T1>> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new CompositeBuilder<TInput, T1>(_name, _parts.Add(part));
    }
}

/// <summary>A composite tool being declared, with one part; each <c>Call</c> returns a new builder.</summary>
/// <typeparam name="TInput">What the composite tool takes.</typeparam>
/// <typeparam name="T1">The result of the first part.</typeparam>
public sealed class CompositeBuilder<TInput, T1>
{
    private readonly string _name;
    private readonly ImmutableArray<Func<TInput, CancellationToken, Task>> _parts;

    internal CompositeBuilder(string name, ImmutableArray<Func<TInput, CancellationToken, Task>> parts)
    {
        _name = name;
        _parts = parts;
    }

    /// <summary>Adds a part: a call (or a fan-out) made with the composite tool's input, in parallel with the other parts.</summary>
    /// <typeparam name="T2">The part's result.</typeparam>
    /// <param name="part">Makes the call; cancelling its token cancels the call, on the server too.</param>
    public CompositeBuilder<TInput, T1, T2> Call<T2>(Func<TInput, CancellationToken, Task<T2>> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new CompositeBuilder<TInput, T1, T2>(_name, _parts.Add(part));
    }
}

/// <summary>A composite tool being declared, with two parts; each <c>Call</c> returns a new builder.</summary>
/// <typeparam name="TInput">What the composite tool takes.</typeparam>
/// <typeparam name="T1">The result of the first part.</typeparam>
/// <typeparam name="T2">The result of the second part.</typeparam>
public sealed class CompositeBuilder<TInput, T1, T2>
{
    private readonly string _name;
    private readonly ImmutableArray<Func<TInput, CancellationToken, Task>> _parts;

    internal CompositeBuilder(string name, ImmutableArray<Func<TInput, CancellationToken, Task>> parts)
    {
        _name = name;
        _parts = parts;
    }

    /// <summary>Adds a part: a call (or a fan-out) made with the composite tool's input, in parallel with the other parts.</summary>
    /// <typeparam name="T3">The part's result.</typeparam>
    /// <param name="part">Makes the call; cancelling its token cancels the call, on the server too.</param>
    public CompositeBuilder<TInput, T1, T2, T3> Call<T3>(Func<TInput, CancellationToken, Task<T3>> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new CompositeBuilder<TInput, T1, T2, T3>(_name, _parts.Add(part));
    }

    /// <summary>Completes the declaration: the parts' results, with the input, are combined by <paramref name="combine"/>.</summary>
    /// <typeparam name="TOutput">The composite tool's answer.</typeparam>
    /// <param name="combine">Combines the input and the parts' results, in the order the parts were added.</param>
    public CompositeTool<TInput, TOutput> Combine<TOutput>(Func<TInput, T1, T2, TOutput> combine)
    {
        ArgumentNullException.ThrowIfNull(combine);
        return new CompositeTool<TInput, TOutput>(_name, _parts, (input, parts) => combine(input, CompositeParts.Result<T1>(parts[0]), CompositeParts.Result<T2>(parts[1])));
    }
}

/// <summary>A composite tool being declared, with three parts; each <c>Call</c> returns a new builder.</summary>
/// <typeparam name="TInput">What the composite tool takes.</typeparam>
/// <typeparam name="T1">The result of the first part.</typeparam>
/// <typeparam name="T2">The result of the second part.</typeparam>
/// <typeparam name="T3">The result of the third part.</typeparam>
public sealed class CompositeBuilder<TInput, T1, T2, T3>
{
    private readonly string _name;
    private readonly ImmutableArray<Func<TInput, CancellationToken, Task>> _parts;

    internal CompositeBuilder(string name, ImmutableArray<Func<TInput, CancellationToken, Task>> parts)
    {
        _name = name;
        _parts = parts;
    }

    /// <summary>Adds a part: a call (or a fan-out) made with the composite tool's input, in parallel with the other parts.</summary>
    /// <typeparam name="T4">The part's result.</typeparam>
    /// <param name="part">Makes the call; cancelling its token cancels the call, on the server too.</param>
    public CompositeBuilder<TInput, T1, T2, T3, T4> Call<T4>(Func<TInput, CancellationToken, Task<T4>> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new CompositeBuilder<TInput, T1, T2, T3, T4>(_name, _parts.Add(part));
    }

    /// <summary>Completes the declaration: the parts' results, with the input, are combined by <paramref name="combine"/>.</summary>
    /// <typeparam name="TOutput">The composite tool's answer.</typeparam>
    /// <param name="combine">Combines the input and the parts' results, in the order the parts were added.</param>
    public CompositeTool<TInput, TOutput> Combine<TOutput>(Func<TInput, T1, T2, T3, TOutput> combine)
    {
        ArgumentNullException.ThrowIfNull(combine);
        return new CompositeTool<TInput, TOutput>(_name, _parts, (input, parts) => combine(input, CompositeParts.Result<T1>(parts[0]), CompositeParts.Result<T2>(parts[1]), CompositeParts.Result<T3>(parts[2])));
    }
}

/// <summary>A composite tool being declared, with four parts; each <c>Call</c> returns a new builder.</summary>
/// <typeparam name="TInput">What the composite tool takes.</typeparam>
/// <typeparam name="T1">The result of the first part.</typeparam>
/// <typeparam name="T2">The result of the second part.</typeparam>
/// <typeparam name="T3">The result of the third part.</typeparam>
/// <typeparam name="T4">The result of the fourth part.</typeparam>
public sealed class CompositeBuilder<TInput, T1, T2, T3, T4>
{
    private readonly string _name;
    private readonly ImmutableArray<Func<TInput, CancellationToken, Task>> _parts;

    internal CompositeBuilder(string name, ImmutableArray<Func<TInput, CancellationToken, Task>> parts)
    {
        _name = name;
        _parts = parts;
    }

    /// <summary>Completes the declaration: the parts' results, with the input, are combined by <paramref name="combine"/>.</summary>
    /// <typeparam name="TOutput">The composite tool's answer.</typeparam>
    /// <param name="combine">Combines the input and the parts' results, in the order the parts were added.</param>
    public CompositeTool<TInput, TOutput> Combine<TOutput>(Func<TInput, T1, T2, T3, T4, TOutput> combine)
    {
        ArgumentNullException.ThrowIfNull(combine);
        return new CompositeTool<TInput, TOutput>(_name, _parts, (input, parts) => combine(input, CompositeParts.Result<T1>(parts[0]), CompositeParts.Result<T2>(parts[1]), CompositeParts.Result<T3>(parts[2]), CompositeParts.Result<T4>(parts[3])));
    }
}

/// <summary>Reads the parts' results for the combining functions, once every part has succeeded.</summary>
file static class CompositeParts
{
    public static T Result<T>(Task part) => ((Task<T>)part).Result;
}
