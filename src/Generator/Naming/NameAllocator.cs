using System.Globalization;

namespace McpFleet.Generator.Naming;

/// <summary>
/// Hands out names that are unique within one C# scope (a namespace, a class's members, a parameter list). A name
/// already taken gets the first free numeric suffix: <c>GetItem</c>, <c>GetItem2</c>, <c>GetItem3</c>. Callers allocate
/// in ordinal order of the wire names, so who gets the plain name is deterministic.
/// </summary>
internal sealed class NameAllocator
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

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
        if (!_owners.TryGetValue(candidate, out takenBy))
        {
            _owners[candidate] = owner;
            return candidate;
        }

        for (var suffix = 2; ; suffix++)
        {
            var name = candidate + suffix.ToString(CultureInfo.InvariantCulture);
            if (!_owners.ContainsKey(name))
            {
                _owners[name] = owner;
                return name;
            }
        }
    }
}
