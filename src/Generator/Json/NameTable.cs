namespace McpFleet.Generator.Json;

/// <summary>
/// Property names, allocated once each: a snapshot writes a few dozen names (<c>type</c>, <c>description</c>,
/// <c>properties</c>…) thousands of times, and every node the parser allocates lives as long as the parse. A small
/// direct-mapped cache, so it never grows: a name whose slot another name took is simply allocated again.
/// </summary>
internal sealed class NameTable
{
    /// <summary>Longer names are rarely repeated (they are the schemas' own property names); hashing them costs more than it saves.</summary>
    private const int MaxLength = 24;

    private readonly string?[] _slots = new string?[256];

    /// <summary>The name written at <paramref name="start"/> of <paramref name="text"/>, <paramref name="length"/> characters long.</summary>
    public string Get(string text, int start, int length)
    {
        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        var hash = length;
        for (var i = start; i < start + length; i++)
        {
            hash = unchecked((hash * 31) + text[i]);
        }

        var slot = hash & (_slots.Length - 1);
        var name = _slots[slot];
        if (name is not null && name.Length == length && string.CompareOrdinal(name, 0, text, start, length) == 0)
        {
            return name;
        }

        return _slots[slot] = text.Substring(start, length);
    }
}
