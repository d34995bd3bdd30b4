using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Merges the members' arguments for the <c>merge</c> strategy: the union of their parameters, each required only if
/// every member requires it. A parameter must have one schema wherever it appears (its <c>default</c> and
/// documentation aside), and the members must return the same result, or one method cannot stand for all of them.
/// </summary>
internal static class MergedArgumentsBuilder
{
    /// <summary>The merged arguments, or why the members cannot be merged.</summary>
    public static (MergedArguments? Merged, string? Problem) Build(IReadOnlyList<ServerTool> members)
    {
        var first = members[0];
        if (members.FirstOrDefault(m => m.OutputSchemaJson != first.OutputSchemaJson) is { } otherResult)
        {
            return (null, $"they return different results (the output schemas of {first.Reference} and {otherResult.Reference} differ)");
        }

        var schemas = members.Select(m => Properties(m.InputSchemaJson)).ToList();
        var wireNames = schemas.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var properties = new List<PropertySpec>();
        foreach (var wireName in wireNames)
        {
            var having = Enumerable.Range(0, members.Count).Where(i => schemas[i].ContainsKey(wireName)).ToList();
            var owner = having[0];
            var ownerSchema = schemas[owner][wireName];
            var mismatch = having.Skip(1).Where(i => WithoutDefault(schemas[i][wireName]) != WithoutDefault(ownerSchema)).Select(i => (int?)i).FirstOrDefault();
            if (mismatch is { } other)
            {
                var ownerType = SchemaComparer.TypeOf(ownerSchema);
                var otherType = SchemaComparer.TypeOf(schemas[other][wireName]);
                return (null, ownerType == otherType
                    ? $"parameter '{wireName}' has a different schema on {members[owner].Reference} and {members[other].Reference}"
                    : $"parameter '{wireName}': {ownerType} on {members[owner].Reference}, {otherType} on {members[other].Reference}");
            }

            var property = members[owner].Tool.Arguments.Properties.First(p => p.WireName == wireName);
            var required = having.Count == members.Count && having.All(i => members[i].Tool.Arguments.Properties.First(p => p.WireName == wireName).IsRequired);
            properties.Add(property with { Type = Qualify(property.Type, members[owner].Placement.Namespace), IsRequired = required });
        }

        var accepted = members.Select(m => m.Tool.Arguments.Properties.Select(p => p.WireName).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()).ToList();
        return (new MergedArguments(properties, accepted), null);
    }

    /// <summary>
    /// Names the merged properties and parameters afresh, once the record has its name: names unique within one member
    /// can collide in the union (<c>get-item</c> on one server, <c>get_item</c> on another).
    /// </summary>
    /// <returns>The renamed properties, and those whose name is not the plain conversion: (wire name, name, reason).</returns>
    public static (List<PropertySpec> Properties, List<(string WireName, string Name, string Reason)> Renames) Name(MergedArguments merged, string recordName)
    {
        var renames = new List<(string, string, string)>();
        var members = new NameAllocator();
        members.Reserve(recordName, "the record itself");
        ReservedNames.ReserveRecordMembers(members);
        var parameters = new NameAllocator();
        parameters.Reserve("progress", "the method's progress parameter");
        parameters.Reserve("cancellationToken", "the method's cancellationToken parameter");
        var renamed = new List<PropertySpec>(merged.Properties.Count);
        foreach (var property in merged.Properties)
        {
            var candidate = Identifiers.ToPascal(property.WireName, "Value");
            var name = members.Allocate(candidate.Name, $"property '{property.WireName}'", out var takenBy);
            var parameter = parameters.Allocate(Identifiers.ToCamel(candidate.Name), $"property '{property.WireName}'", out _);
            if (takenBy is not null)
            {
                renames.Add((property.WireName, name, $"'{candidate.Name}' is already used by {takenBy}"));
            }

            renamed.Add(property with { Name = name, ParameterName = parameter });
        }

        return (renamed, renames);
    }

    /// <summary>The type as used from another namespace: generated enums and records keep the member's namespace.</summary>
    private static TypeSpec Qualify(TypeSpec type, string ns) => type with
    {
        Namespace = type.IsGenerated ? type.Namespace ?? ns : type.Namespace,
        Item = type.Item is null ? null : Qualify(type.Item, ns),
    };

    private static Dictionary<string, JsonNode> Properties(string inputSchemaJson) =>
        (ToolComparer.Parse(inputSchemaJson).GetValueOrNull("properties") as JsonObject)?.Properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
        ?? new Dictionary<string, JsonNode>(StringComparer.Ordinal);

    /// <summary>A parameter's schema without its default, which only documents what the server assumes when it is absent.</summary>
    private static string WithoutDefault(JsonNode schema) =>
        schema is JsonObject obj
            ? CompactJson.Write(new JsonObject(obj.Properties.Where(p => p.Name != "default").ToList(), default, default))
            : CompactJson.Write(schema);
}
