using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Maps JSON Schema to C# types: primitives to <c>string</c>, <c>long</c>, <c>double</c> and <c>bool</c>, string
/// enumerations to generated enums, arrays to lists, objects with properties to generated records, and JSON null to
/// nullable types. Whatever has no faithful C# form becomes <c>JsonElement</c>, reported as information with the
/// reason, so that the wire format is never guessed at.
/// </summary>
internal sealed class SchemaMapper
{
    private const string JsonElement = "JsonElement";

    private static readonly string[] s_combinators = ["anyOf", "oneOf", "allOf"];
    private static readonly string[] s_enumMembers = ["CompareTo", "GetTypeCode", "HasFlag"];
    private static readonly string[] s_shapeKeywords = ["type", "$ref", "properties", "items", "prefixItems", "enum", "const", "anyOf", "oneOf", "allOf", "not"];

    private readonly ToolMappingContext _context;

    public SchemaMapper(ToolMappingContext context) => _context = context;

    /// <summary>Maps the properties of an object schema to the properties of a record (for arguments, also to parameters).</summary>
    /// <param name="schema">The object schema; its <c>properties</c> and <c>required</c> have been checked.</param>
    /// <param name="path">The schema's path within the tool.</param>
    /// <param name="recordName">The record's name, which its members must not take.</param>
    /// <param name="kind">What the record is for.</param>
    /// <param name="nestedTypePrefix">The start of the names of types nested in the record.</param>
    public EquatableArray<PropertySpec> MapProperties(JsonObject schema, string path, string recordName, RecordKind kind, string nestedTypePrefix)
    {
        if (schema.GetValueOrNull("properties") is not JsonObject { Properties.Count: > 0 } properties)
        {
            return EquatableArray<PropertySpec>.Empty;
        }

        var required = new HashSet<string>(
            (schema.GetValueOrNull("required") as JsonArray)?.Items.OfType<JsonString>().Select(name => name.Value) ?? [],
            StringComparer.Ordinal);

        // Ordinal order of the wire names decides who gets a contested name; the record keeps the schema's order.
        var ordered = properties.Properties.OrderBy(property => property.Name, StringComparer.Ordinal).ToList();
        var names = AllocatePropertyNames(ordered, path, recordName, kind);
        var types = ordered.ToDictionary(
            property => property,
            property => MapType(property.Value, PropertyPath(path, property.Name), nestedTypePrefix + names[property], NestedKind(kind)));
        var parameters = kind == RecordKind.Arguments ? AllocateParameterNames(ordered, path) : null;

        return properties.Properties
            .Select(property => CreateProperty(property, names[property], parameters?[property], types[property], required.Contains(property.Name)))
            .ToEquatableArray();
    }

    /// <summary>The C# type for a schema.</summary>
    /// <param name="node">The schema.</param>
    /// <param name="path">The schema's path within the tool.</param>
    /// <param name="typeName">The name a generated enum or record would get.</param>
    /// <param name="nestedKind">The kind a generated record would be.</param>
    public TypeSpec MapType(JsonNode node, string path, string typeName, RecordKind nestedKind)
    {
        if (node is not JsonObject schema)
        {
            return Fallback(node, path, node is JsonBoolean { Value: true } ? "accepts any JSON value" : "is not a schema object");
        }

        if (schema.GetProperty("$ref") is { } reference)
        {
            return Fallback(reference.Value, path, "refers to another schema ($ref), which McpFleet does not resolve");
        }

        if (schema.GetProperty("not") is { } not)
        {
            return Fallback(not.Value, path, "excludes a schema (not)");
        }

        var combinators = s_combinators.Select(schema.GetProperty).OfType<JsonProperty>().ToList();
        if (schema.Contains("type") && combinators.All(OnlyConstrains))
        {
            // E.g. "type": "object" with anyOf: [{ "required": ["a"] }, { "required": ["b"] }]: validation only.
            combinators.Clear();
        }

        var nullable = schema.GetValueOrNull("nullable") is JsonBoolean { Value: true };
        switch (combinators.Count)
        {
            case 0:
                break;
            case 1:
                return WithNullable(MapCombinator(combinators[0], path, typeName, nestedKind), nullable);
            default:
                return Fallback(combinators[1].Value, path, $"combines {string.Join(" and ", combinators.Select(c => c.Name))}");
        }

        var typeNode = schema.GetValueOrNull("type");
        string? type;
        switch (typeNode)
        {
            case null:
                type = InferType(schema);
                if (type is null)
                {
                    return Fallback(schema, path, schema.GetValueOrNull("enum") is JsonArray ? "declares no type, and its enum values are of different kinds" : "declares no type");
                }

                break;
            case JsonString single:
                type = single.Value;
                break;
            case JsonArray { Items: var items } when items.All(item => item is JsonString):
                var types = items.Cast<JsonString>().Select(item => item.Value).Distinct(StringComparer.Ordinal).ToList();
                nullable |= types.Remove("null");
                if (types.Count != 1)
                {
                    return Fallback(typeNode, path, types.Count == 0 ? "only allows null" : $"allows several types ({string.Join(", ", types)})");
                }

                type = types[0];
                break;
            default:
                return Fallback(typeNode, path, "has a 'type' that is neither a string nor an array of strings");
        }

        var mapped = type switch
        {
            "string" => MapString(schema, path, typeName),
            "integer" => new TypeSpec(TypeKind.Integer, IsNullable: false),
            "number" => new TypeSpec(TypeKind.Number, IsNullable: false),
            "boolean" => new TypeSpec(TypeKind.Boolean, IsNullable: false),
            "array" => MapArray(schema, path, typeName, nestedKind),
            "object" => MapObject(schema, path, typeName, nestedKind),
            "null" => Fallback(typeNode ?? schema, path, "only allows null"),
            _ => Fallback(typeNode ?? schema, path, $"has the type '{type}', which JSON Schema does not define"),
        };
        return WithNullable(mapped, nullable || HasNullEnumValue(schema));
    }

    /// <summary>
    /// Maps <c>anyOf</c>/<c>oneOf</c>/<c>allOf</c>. Only two forms have a C# type: one schema, and one schema or null
    /// (how many generators write an optional value), which is that schema's type made nullable. Other unions would
    /// need a discriminated type C# does not have.
    /// </summary>
    private TypeSpec MapCombinator(JsonProperty combinator, string path, string typeName, RecordKind nestedKind)
    {
        var combinatorPath = JsonPaths.Member(path, combinator.Name);
        if (combinator.Value is not JsonArray { Items.Count: > 0 } branches)
        {
            return Fallback(combinator.Value, path, $"has an '{combinator.Name}' that is not a non-empty array");
        }

        if (branches.Items.Count == 1)
        {
            return MapType(branches.Items[0], JsonPaths.Index(combinatorPath, 0), typeName, nestedKind);
        }

        if (combinator.Name == "allOf")
        {
            return Fallback(combinator.Value, path, $"requires {branches.Items.Count} schemas at once (allOf)");
        }

        var nonNull = Enumerable.Range(0, branches.Items.Count).Where(i => !IsNullSchema(branches.Items[i])).ToList();
        if (nonNull.Count != 1)
        {
            return Fallback(combinator.Value, path, nonNull.Count == 0 ? "only allows null" : $"is a union ({combinator.Name}) of {nonNull.Count} schemas");
        }

        var index = nonNull[0];
        return MapType(branches.Items[index], JsonPaths.Index(combinatorPath, index), typeName, nestedKind).AsNullable();
    }

    private TypeSpec MapString(JsonObject schema, string path, string typeName)
    {
        // An enum of strings (null aside) becomes a C# enum; other enums stay their type, with the values documented.
        if (schema.GetValueOrNull("enum") is not JsonArray values
            || values.Items.All(value => value is JsonNull)
            || !values.Items.All(value => value is JsonString or JsonNull))
        {
            return new TypeSpec(TypeKind.String, IsNullable: false);
        }

        var name = AllocateTypeName(typeName, path, schema);
        var helper = AllocateTypeName(name + "WireValues", path, schema);
        var members = new NameAllocator();
        members.Reserve(name, "the enum itself");
        ReservedNames.ReserveObjectMembers(members);
        foreach (var member in s_enumMembers)
        {
            members.Reserve(member, "a member every C# enum has");
        }

        var distinct = values.Items.OfType<JsonString>().GroupBy(value => value.Value, StringComparer.Ordinal).Select(group => group.First()).ToList();
        var memberNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in distinct.OrderBy(value => value.Value, StringComparer.Ordinal))
        {
            var candidate = Identifiers.ToPascal(value.Value, "Value");
            var memberName = members.Allocate(candidate.Name, $"enum value \"{value.Value}\"", out var takenBy);
            _context.Diagnostics.ReportRename(
                _context.Diagnostics.At(value), $"enum value \"{value.Value}\" at {_context.Describe(path)}", memberName, candidate.Name, takenBy, candidate.ChangeReason);
            memberNames[value.Value] = memberName;
        }

        var spec = new EnumSpec(name, helper, path, Description(schema), distinct.Select(value => new EnumMemberSpec(memberNames[value.Value], value.Value)).ToEquatableArray());
        _context.AddEnum(spec);
        return new TypeSpec(TypeKind.Enum, IsNullable: false, name, helper);
    }

    private TypeSpec MapArray(JsonObject schema, string path, string typeName, RecordKind nestedKind)
    {
        var items = schema.GetValueOrNull("items");
        if (items is JsonArray || schema.Contains("prefixItems"))
        {
            return Fallback(items ?? schema.GetValueOrNull("prefixItems")!, path, "is a tuple (items by position)");
        }

        if (items is null or JsonBoolean { Value: true })
        {
            _context.NotRepresentable(items ?? schema, path, "does not describe its items", "IReadOnlyList<JsonElement>");
            return new TypeSpec(TypeKind.List, IsNullable: false, Item: new TypeSpec(TypeKind.Json, IsNullable: true));
        }

        var item = MapType(items, JsonPaths.Member(path, "items"), typeName + "Item", nestedKind);
        return new TypeSpec(TypeKind.List, IsNullable: false, Item: item);
    }

    private TypeSpec MapObject(JsonObject schema, string path, string typeName, RecordKind kind)
    {
        var propertiesNode = schema.GetValueOrNull("properties");
        if (propertiesNode is not (null or JsonObject))
        {
            return Fallback(propertiesNode, path, "has a 'properties' that is not an object");
        }

        if (propertiesNode is not JsonObject { Properties.Count: > 0 })
        {
            return Fallback(
                schema,
                path,
                schema.GetValueOrNull("additionalProperties") is JsonObject ? "is a map (additionalProperties) without fixed properties" : "is an object without declared properties");
        }

        var required = schema.GetValueOrNull("required");
        if (required is not (null or JsonArray) || (required is JsonArray names && !names.Items.All(name => name is JsonString)))
        {
            return Fallback(required!, path, "has a 'required' that is not an array of property names");
        }

        var slot = _context.ReserveRecord();
        var name = AllocateTypeName(typeName, path, schema);
        var properties = MapProperties(schema, path, name, kind, name);
        _context.SetRecord(slot, new RecordSpec(name, kind, path, Description(schema), properties));
        return new TypeSpec(TypeKind.Record, IsNullable: false, name);
    }

    private Dictionary<JsonProperty, string> AllocatePropertyNames(List<JsonProperty> ordered, string path, string recordName, RecordKind kind)
    {
        var members = new NameAllocator();
        members.Reserve(recordName, "the record itself");
        ReservedNames.ReserveRecordMembers(members);
        switch (kind)
        {
            case RecordKind.NestedArguments:
                members.Reserve("WriteTo", "the generated WriteTo method");
                break;
            case RecordKind.Result:
                members.Reserve("RawResult", "the RawResult property of every tool result");
                members.Reserve("FromCallToolResult", "the generated FromCallToolResult method");
                break;
            case RecordKind.NestedResult:
                members.Reserve("Read", "the generated Read method");
                break;
        }

        var names = new Dictionary<JsonProperty, string>();
        foreach (var property in ordered)
        {
            var candidate = Identifiers.ToPascal(property.Name, "Value");
            var name = members.Allocate(candidate.Name, $"property '{property.Name}'", out var takenBy);
            var subject = _context.Describe(PropertyPath(path, property.Name));
            _context.Diagnostics.ReportRename(_context.Diagnostics.AtName(property), subject, name, candidate.Name, takenBy, candidate.ChangeReason);
            names[property] = name;
        }

        return names;
    }

    /// <summary>
    /// Names the parameters in their own scope: a property renamed because of a record member (<c>ToString2</c>)
    /// still gives a plain parameter (<c>toString</c>).
    /// </summary>
    private Dictionary<JsonProperty, string> AllocateParameterNames(List<JsonProperty> ordered, string path)
    {
        var parameters = new NameAllocator();
        parameters.Reserve("cancellationToken", "the method's cancellationToken parameter");
        var names = new Dictionary<JsonProperty, string>();
        foreach (var property in ordered)
        {
            var candidate = Identifiers.ToCamel(Identifiers.ToPascal(property.Name, "Value").Name);
            var name = parameters.Allocate(candidate, $"property '{property.Name}'", out var takenBy);
            var subject = "the parameter for " + _context.Describe(PropertyPath(path, property.Name));
            _context.Diagnostics.ReportRename(_context.Diagnostics.AtName(property), subject, name, candidate, takenBy, null);
            names[property] = name;
        }

        return names;
    }

    private string AllocateTypeName(string candidate, string path, JsonNode schema)
    {
        var subject = "the type for " + _context.Describe(path);
        var name = _context.TypeNames.Allocate(candidate, subject, out var takenBy);
        _context.Diagnostics.ReportRename(_context.Diagnostics.At(schema), subject, name, candidate, takenBy, null);
        return name;
    }

    private static PropertySpec CreateProperty(JsonProperty property, string name, string? parameterName, TypeSpec type, bool isRequired)
    {
        var schema = property.Value as JsonObject;

        // Documentation may sit on the optional-value wrapper or on the value's own schema.
        var branch = schema is null ? null : NullableBranch(schema);
        var description = Description(schema) ?? Description(branch);
        var defaultJson = Json(schema, "default") ?? Json(branch, "default");
        var constJson = Json(schema, "const") ?? Json(branch, "const");
        var allowed = type.Kind == TypeKind.Enum
            ? EquatableArray<string>.Empty
            : ((schema?.GetValueOrNull("enum") ?? branch?.GetValueOrNull("enum")) as JsonArray)?.Items.Select(CompactJson.Write).ToEquatableArray()
                ?? EquatableArray<string>.Empty;
        return new PropertySpec(property.Name, name, parameterName, type, isRequired, description, defaultJson, constJson, allowed);
    }

    private TypeSpec Fallback(JsonNode at, string path, string reason)
    {
        _context.NotRepresentable(at, path, reason, JsonElement);

        // JSON null is a JsonElement too, so it may be absent or null: a nullable type says so.
        return new TypeSpec(TypeKind.Json, IsNullable: true);
    }

    private static TypeSpec WithNullable(TypeSpec type, bool nullable) => nullable ? type.AsNullable() : type;

    private static RecordKind NestedKind(RecordKind kind) =>
        kind is RecordKind.Arguments or RecordKind.NestedArguments ? RecordKind.NestedArguments : RecordKind.NestedResult;

    private static string PropertyPath(string path, string name) => JsonPaths.Member(JsonPaths.Member(path, "properties"), name);

    /// <summary>The type a schema without <c>type</c> implies by its other keywords, if any.</summary>
    private static string? InferType(JsonObject schema)
    {
        if (schema.Contains("properties"))
        {
            return "object";
        }

        if (schema.Contains("items") || schema.Contains("prefixItems"))
        {
            return "array";
        }

        if (schema.GetValueOrNull("enum") is JsonArray values)
        {
            return InferType(values.Items.Where(value => value is not JsonNull).ToList());
        }

        return schema.GetValueOrNull("const") is { } constant ? InferType([constant]) : null;
    }

    private static string? InferType(List<JsonNode> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (values.All(value => value is JsonString))
        {
            return "string";
        }

        if (values.All(value => value is JsonNumber))
        {
            return values.All(value => ((JsonNumber)value).IsInteger) ? "integer" : "number";
        }

        return values.All(value => value is JsonBoolean) ? "boolean" : null;
    }

    /// <summary>
    /// Whether a combinator's branches only add constraints (<c>required</c>, <c>minLength</c>…) to the schema's own type,
    /// without describing a shape of their own, so the type stays what the schema beside them says.
    /// </summary>
    private static bool OnlyConstrains(JsonProperty combinator) =>
        combinator.Value is JsonArray branches
        && branches.Items.All(branch => branch is JsonObject constraint && !s_shapeKeywords.Any(constraint.Contains));

    private static bool HasNullEnumValue(JsonObject schema) =>
        schema.GetValueOrNull("enum") is JsonArray values && values.Items.Any(value => value is JsonNull);

    private static bool IsNullSchema(JsonNode node) => node is JsonObject schema && schema.GetValueOrNull("type") is JsonString { Value: "null" };

    /// <summary>The value's schema inside an <c>anyOf</c>/<c>oneOf</c> of it and null, if the schema is that pattern.</summary>
    private static JsonObject? NullableBranch(JsonObject schema)
    {
        var branches = (schema.GetValueOrNull("anyOf") ?? schema.GetValueOrNull("oneOf")) as JsonArray;
        var nonNull = branches?.Items.Where(branch => !IsNullSchema(branch)).ToList();
        return nonNull is { Count: 1 } ? nonNull[0] as JsonObject : null;
    }

    private static string? Description(JsonObject? schema) =>
        (schema?.GetValueOrNull("description") as JsonString)?.Value ?? (schema?.GetValueOrNull("title") as JsonString)?.Value;

    private static string? Json(JsonObject? schema, string keyword) =>
        schema?.GetValueOrNull(keyword) is { } value ? CompactJson.Write(value) : null;
}
