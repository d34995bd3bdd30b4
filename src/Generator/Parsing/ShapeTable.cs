using System.Globalization;
using System.Text;
using McpFleet.Generator.Json;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// The generated types of one server by structure: a definition equal to one already found (same properties with the
/// same types, same enum values, same cases; documentation aside) gives way to it, so that one shape is one type.
/// Keys refer to contained definitions by serial number, so each key is as long as its own level, not its subtree.
/// </summary>
internal sealed class ShapeTable
{
    private readonly Dictionary<string, TypeDefinition> _byKey = new(StringComparer.Ordinal);
    private int _serial;

    public TypeDefinition Create(DefinitionKind kind, SchemaScope scope, string path, JsonNode node, string? description, string? preferredName) =>
        new(kind, ++_serial, scope.Context.ToolName, path, node, description, preferredName);

    /// <summary>A union's own copy of a record, for its case: a case derives from its union, so it cannot be shared.</summary>
    public TypeDefinition CreateCase(TypeDefinition record, SchemaScope scope)
    {
        var copy = new TypeDefinition(DefinitionKind.Record, ++_serial, scope.Context.ToolName, record.SchemaPath, record.Node, record.Description, record.PreferredName)
        {
            AdditionalProperties = record.AdditionalProperties,
            IsComplete = true,
            IsRecursive = record.IsRecursive,
        };
        copy.Properties.AddRange(record.Properties);
        return copy;
    }

    /// <summary>The definition to use: the first one with the same structure, or this one.</summary>
    public TypeDefinition Share(TypeDefinition definition)
    {
        if (definition.IsRecursive && definition.RecursionKey is null)
        {
            return definition;
        }

        var key = definition.IsRecursive ? "rec|" + definition.RecursionKey : Key(definition);
        if (_byKey.TryGetValue(key, out var existing))
        {
            // One shape with extra properties allowed, one without (arguments and results often differ only so): the
            // shared type keeps them, which is looser for the one, never stricter.
            existing.AdditionalProperties ??= definition.AdditionalProperties;
            definition.Forward = existing;
            return existing;
        }

        _byKey[key] = definition;
        return definition;
    }

    private static string Key(TypeDefinition definition)
    {
        var key = new StringBuilder();
        switch (definition.Kind)
        {
            case DefinitionKind.Record:
                AppendRecord(key, definition);
                break;
            case DefinitionKind.Enum:
                key.Append("E{");
                foreach (var value in definition.EnumValues)
                {
                    Append(key, value.Value);
                }

                key.Append('}');
                break;
            case DefinitionKind.Union:
                key.Append("U{");
                foreach (var @case in definition.Cases)
                {
                    Append(key, @case.NameHint ?? "");
                    if (@case.Record is { } record)
                    {
                        AppendRecord(key, record);
                    }
                    else
                    {
                        key.Append('v').Append(@case.Value!.Key).Append(';');
                    }
                }

                key.Append('}');
                break;
            default:
                key.Append("S{");
                foreach (var @case in definition.ScalarCases)
                {
                    key.Append(@case.Key).Append(';');
                }

                key.Append('}');
                break;
        }

        return key.ToString();
    }

    /// <summary>A record's key: its properties in ordinal order (their order is not structure), then the type of its extra properties.</summary>
    private static void AppendRecord(StringBuilder key, TypeDefinition record)
    {
        key.Append("R{");
        foreach (var property in record.Properties.OrderBy(p => p.WireName, StringComparer.Ordinal))
        {
            Append(key, property.WireName);
            key.Append(property.IsRequired ? '!' : '?').Append(property.Type.Key);
            Append(key, property.ConstJson ?? "");
            Append(key, string.Join(",", property.AllowedValuesJson));
        }

        // Whether extra properties of any value are allowed is not structure (see Share); their type, if declared, is.
        key.Append("}+").Append(record.AdditionalProperties is { AcceptsAny: false } typed ? typed.Key : "*").Append(';');
    }

    /// <summary>Appends text with its length first, so that no text can look like the key's punctuation.</summary>
    private static void Append(StringBuilder key, string text) =>
        key.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
}
