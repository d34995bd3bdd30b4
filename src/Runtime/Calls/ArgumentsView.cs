using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace McpFleet.Calls;

/// <summary>A call's arguments object read as a dictionary, without copying it, for routing strategies.</summary>
internal sealed class ArgumentsView(JsonElement arguments) : IReadOnlyDictionary<string, JsonElement>
{
    public JsonElement this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No argument '{key}'.");

    public IEnumerable<string> Keys => arguments.EnumerateObject().Select(property => property.Name);

    public IEnumerable<JsonElement> Values => arguments.EnumerateObject().Select(property => property.Value);

    public int Count => arguments.EnumerateObject().Count();

    public bool ContainsKey(string key) => arguments.TryGetProperty(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => arguments.TryGetProperty(key, out value);

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() =>
        arguments.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
