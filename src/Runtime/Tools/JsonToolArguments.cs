using System.Text.Json;

namespace McpFleet.Tools;

/// <summary>
/// Arguments given as a JSON object rather than a generated type: for calling a tool by name, e.g. from a script or an
/// interactive client, through <see cref="FleetRuntime.CallToolAsync{TArguments, TResult}(ToolDescriptor, TArguments, CancellationToken)"/>.
/// </summary>
public sealed class JsonToolArguments : IToolArguments
{
    private readonly JsonElement _arguments;

    /// <summary>Wraps a JSON object of argument names and values.</summary>
    /// <param name="arguments">The arguments; copied, so the document it came from may be disposed.</param>
    /// <exception cref="ArgumentException"><paramref name="arguments"/> is not a JSON object.</exception>
    public JsonToolArguments(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Tool arguments must be a JSON object, not {arguments.ValueKind.ToString().ToLowerInvariant()}.", nameof(arguments));
        }

        _arguments = arguments.Clone();
    }

    /// <summary>Parses a JSON object of argument names and values.</summary>
    /// <param name="json">The JSON text, e.g. <c>{"message": "hi"}</c>.</param>
    /// <exception cref="JsonException"><paramref name="json"/> is not valid JSON; the exception gives the position.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is valid JSON but not an object.</exception>
    public static JsonToolArguments Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return new JsonToolArguments(document.RootElement);
    }

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _arguments.WriteTo(writer);
    }
}
