using System.Globalization;

namespace McpFleet.Generator.Naming;

/// <summary>
/// Hands out names that are unique within one C# scope (a namespace, a class's members, a parameter list). A name
/// already taken gets the first free numeric suffix: <c>GetItem</c>, <c>GetItem2</c>, <c>GetItem3</c>. Callers allocate
/// in ordinal order of the wire names, so who gets the plain name is deterministic.
/// </summary>
internal sealed class NameAllocator
{
    private readonly Dictionary<string, string> _owners;

    /// <summary>The next suffix to try per candidate, so that many names wanting one candidate cost linear time, not quadratic.</summary>
    private readonly Dictionary<string, int> _nextSuffix;

    public NameAllocator()
        : this(StringComparer.Ordinal)
    {
    }

    /// <param name="comparer">How names compare: ordinal for C# names, ordinal ignoring case for file names.</param>
    public NameAllocator(StringComparer comparer)
    {
        _owners = new Dictionary<string, string>(comparer);
        _nextSuffix = new Dictionary<string, int>(comparer);
    }

    /// <summary>Whether a name is taken.</summary>
    public bool IsTaken(string name) => _owners.ContainsKey(name);

    /// <summary>Takes a name for something generated outside this allocator, e.g. a fixed member.</summary>
    /// <param name="name">The name.</param>
    /// <param name="owner">What has the name, for rename messages, e.g. "the generated WriteTo method".</param>
    public void Reserve(string name, string owner)
    {
        if (!_owners.ContainsKey(name))
        {
            _owners[name] = owner;
        }
    }

    /// <summary>Takes <paramref name="candidate"/>, or the first free suffixed form of it.</summary>
    /// <param name="candidate">The wanted name.</param>
    /// <param name="owner">What the name is for, for later rename messages.</param>
    /// <param name="takenBy">Who had <paramref name="candidate"/> when it was not free.</param>
    public string Allocate(string candidate, string owner, out string? takenBy)
    {
        candidate = Identifiers.Fit(candidate);
        if (!_owners.TryGetValue(candidate, out takenBy))
        {
            _owners[candidate] = owner;
            return candidate;
        }

        var start = _nextSuffix.TryGetValue(candidate, out var next) ? next : 2;
        for (var suffix = start; ; suffix++)
        {
            var name = Suffixed(candidate, suffix);
            if (!_owners.ContainsKey(name))
            {
                _owners[name] = owner;
                _nextSuffix[candidate] = suffix + 1;
                return name;
            }
        }
    }

    /// <summary>The candidate with a number; after a digit with <c>_</c> between, so that <c>Reactions1</c> gives <c>Reactions1_2</c>, not "twelve".</summary>
    private static string Suffixed(string candidate, int suffix) =>
        candidate + (char.IsDigit(candidate[candidate.Length - 1]) ? "_" : "") + suffix.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Takes <paramref name="candidate"/> together with the name of its companion (<paramref name="candidate"/> followed by
    /// <paramref name="companionSuffix"/>, as a method's sibling is named after it), or the first suffixed form for which
    /// both are free.
    /// </summary>
    /// <param name="candidate">The wanted name.</param>
    /// <param name="owner">What the name is for.</param>
    /// <param name="companionSuffix">What the companion's name adds to the name.</param>
    /// <param name="companionOwner">What the companion's name is for.</param>
    /// <param name="taken">The name that was not free, <paramref name="candidate"/> or its companion's; <see langword="null"/> when both were.</param>
    /// <param name="takenBy">Who had <paramref name="taken"/>.</param>
    public string Allocate(string candidate, string owner, string companionSuffix, string companionOwner, out string? taken, out string? takenBy)
    {
        (taken, takenBy) = (null, null);
        for (var suffix = 1; ; suffix++)
        {
            var name = suffix == 1 ? candidate : Suffixed(candidate, suffix);
            var companion = name + companionSuffix;
            var blocker = _owners.ContainsKey(name) ? name : _owners.ContainsKey(companion) ? companion : null;
            if (blocker is null)
            {
                _owners[name] = owner;
                _owners[companion] = companionOwner;
                return name;
            }

            if (suffix == 1)
            {
                (taken, takenBy) = (blocker, _owners[blocker]);
            }
        }
    }
}
