using McpFleet.Generator.Json;
using McpFleet.Generator.Model;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Maps JSON Schema to C# types for all tools of a server. Generated types may be looser than the schema, never
/// stricter: every value the schema allows can be sent, and every value it describes can be read.
/// <list type="bullet">
/// <item>primitives: <c>string</c>, <c>long</c>, <c>double</c>, <c>bool</c>; string enumerations: generated enums;</item>
/// <item>arrays: lists (tuples of one item type too); objects with properties: records that keep extra properties
/// where the schema allows them; objects without: dictionaries;</item>
/// <item>unions: nullable types (a value or null), lists (one or many), the value's type (a value or its JSON as a
/// string), structs of scalars, and abstract records with a case per object and an unknown case;</item>
/// <item><c>$ref</c>: the referenced schema, recursion included; <c>allOf</c> of objects: one merged record.</item>
/// </list>
/// Structurally equal records, enums and unions of a server are one type (<see cref="ShapeTable"/>). Whatever has no
/// faithful C# form becomes <c>JsonElement</c>, reported as information with the reason (an unknown type as a warning),
/// so that the wire format is never guessed at. A schema that allows any value (<c>{}</c>) is <c>JsonElement</c> too,
/// exactly, and not reported.
/// </summary>
internal sealed class SchemaMapper
{
    private static readonly string[] s_shapeKeywords = ["type", "$ref", "properties", "items", "prefixItems", "enum", "const", "anyOf", "oneOf", "allOf", "additionalProperties", "patternProperties"];
    private static readonly string[] s_unions = ["anyOf", "oneOf"];
    private static readonly string[] s_combinators = ["allOf", "anyOf", "oneOf"];

    /// <summary>How many schemas one object may be merged from: far beyond real schemas, short of an exponential one.</summary>
    private const int MaxMergedParts = 1000;

    private readonly ShapeTable _shapes;

    public SchemaMapper(ShapeTable shapes) => _shapes = shapes;

    /// <summary>
    /// The properties of a tool's root object schema (its arguments or its structured result), with those of its
    /// <c>allOf</c> and <c>$ref</c> parts. A method signature cannot say "these or those", so the properties of
    /// <c>anyOf</c>/<c>oneOf</c> branches are all offered, required only where every branch requires them: looser than
    /// the schema, but every valid call can be made and every valid result read.
    /// </summary>
    /// <param name="scope">The root schema and its tool.</param>
    /// <param name="generatedAs">What the root is generated as, for the report of a part that cannot be merged.</param>
    /// <returns>The properties, and the type of extra properties (<see langword="null"/> when the schema allows none).</returns>
    public (List<PropertyDraft> Properties, TypeDraft? AdditionalProperties) MapRoot(SchemaScope scope, string generatedAs)
    {
        var parts = new ObjectParts();
        if (!CollectObject(scope.Root, scope.RootPath, scope, parts, depth: 0))
        {
            scope.Context.NotRepresentable(parts.Problem!.Value.At, parts.Problem.Value.Path, parts.Problem.Value.Reason, generatedAs);
            parts = new ObjectParts();
        }

        if (ShapingCombinators(scope.Root).FirstOrDefault(c => c.Name != "allOf") is { } union)
        {
            MergeRootUnion(union, scope, parts, generatedAs);
        }

        return (MapProperties(parts, scope), parts.AllowsAdditional ? parts.AdditionalProperties ?? Any() : null);
    }

    private void MergeRootUnion(JsonProperty union, SchemaScope scope, ObjectParts parts, string generatedAs)
    {
        var path = JsonPaths.Member(scope.RootPath, union.Name);
        if (union.Value is not JsonArray { Items.Count: > 0 } array)
        {
            scope.Context.NotRepresentable(union.Value, path, $"has an '{union.Name}' that is not a non-empty array", generatedAs);
            return;
        }

        var branches = new List<ObjectParts>();
        foreach (var branch in FlattenUnion(array, path, scope).Where(b => !IsNull(b.Node)))
        {
            var branchParts = new ObjectParts();
            if (!CollectObject(branch.Node, branch.Path, scope, branchParts, depth: 0))
            {
                scope.Context.NotRepresentable(union.Value, path, $"constrains the object with '{union.Name}' branches that are not all objects, which a record cannot express", generatedAs);
                return;
            }

            branches.Add(branchParts);
        }

        foreach (var branch in branches)
        {
            foreach (var (property, propertyPath) in branch.Properties)
            {
                parts.AddAlternative(property, propertyPath);
            }

            parts.ForbidsAdditional &= branch.ForbidsAdditional;
        }

        foreach (var name in branches.Skip(1).Aggregate((IEnumerable<string>)branches[0].Required, (common, branch) => common.Intersect(branch.Required)).ToList())
        {
            parts.Required.Add(name);
        }
    }

    /// <summary>The type for a schema.</summary>
    public TypeDraft MapType(JsonNode node, string path, SchemaScope scope, string? preferredName = null)
    {
        // The parser bounds one document's nesting, but references nest schemas again inside each other: the mapping is
        // bounded too, so that no snapshot can exhaust the compiler's stack.
        if (scope.MappingDepth >= JsonParser.MaxDepth)
        {
            return Fallback(node, path, scope, "nests schemas deeper than " + JsonParser.MaxDepth + " levels, counting references");
        }

        scope.MappingDepth++;
        try
        {
            return MapSchema(node, path, scope, preferredName);
        }
        finally
        {
            scope.MappingDepth--;
        }
    }

    private TypeDraft MapSchema(JsonNode node, string path, SchemaScope scope, string? preferredName)
    {
        if (node is JsonBoolean)
        {
            // true allows any value, false none: either way nothing narrower than JsonElement is right.
            return Any();
        }

        if (node is not JsonObject schema)
        {
            return Fallback(node, path, scope, "is not a schema object");
        }

        if (schema.GetProperty("$ref") is { } reference)
        {
            return MapReference(reference, path, scope);
        }

        var nullable = schema.GetValueOrNull("nullable") is JsonBoolean { Value: true };
        var combinators = ShapingCombinators(schema);
        if (combinators.Count > 0)
        {
            return MapCombinators(schema, combinators, path, scope, preferredName).With(nullable ? true : null);
        }

        var typeNode = schema.GetValueOrNull("type");
        List<string> types;
        switch (typeNode)
        {
            case null:
                if (InferTypes(schema) is not { } inferred)
                {
                    return Any();
                }

                types = inferred;
                break;
            case JsonString single:
                types = [single.Value];
                break;
            case JsonArray { Items: var items } when items.All(item => item is JsonString):
                types = items.Cast<JsonString>().Select(item => item.Value).Distinct(StringComparer.Ordinal).ToList();
                break;
            default:
                return Fallback(typeNode, path, scope, "has a 'type' that is neither a string nor an array of strings");
        }

        nullable |= types.Remove("null") || HasNullValue(schema);
        if (types.FirstOrDefault(type => !IsKnownType(type)) is { } unknown)
        {
            scope.Context.UnknownType(typeNode ?? schema, path, unknown);
            return new TypeDraft(TypeKind.Json, isNullable: false);
        }

        switch (types.Count)
        {
            case 0:
                return Fallback(typeNode ?? schema, path, scope, "only allows null");
            case 1:
                return MapSingleType(schema, types[0], path, scope, preferredName).With(nullable ? true : null);
            default:
                // "type": ["string", "number"]: one branch per type, each with the keywords that apply to it.
                var branches = types.Select(type => MapSingleType(schema, type, path, scope, null)).ToList();
                return Unite(branches, schema, path, scope, preferredName, jsonStringForm: false).With(nullable ? true : null);
        }
    }

    private TypeDraft MapSingleType(JsonObject schema, string type, string path, SchemaScope scope, string? preferredName) => type switch
    {
        "string" => MapString(schema, path, scope, preferredName),
        "integer" => new TypeDraft(TypeKind.Integer, isNullable: false),
        "number" => new TypeDraft(TypeKind.Number, isNullable: false),
        "boolean" => new TypeDraft(TypeKind.Boolean, isNullable: false),
        "array" => MapArray(schema, path, scope),
        _ => MapObject(schema, path, scope, preferredName),
    };

    private TypeDraft MapReference(JsonProperty reference, string path, SchemaScope scope)
    {
        if (reference.Value is not JsonString { Value: var pointer })
        {
            return Fallback(reference.Value, path, scope, "has a '$ref' that is not a string");
        }

        if (SchemaReferences.Resolve(scope.Root, scope.RootPath, pointer) is not { } target)
        {
            return Fallback(reference.Value, path, scope, $"refers to '{pointer}', which is not a location in this schema");
        }

        if (scope.References.TryGetValue(target.Node, out var state))
        {
            if (state.Type is { } done)
            {
                return done;
            }

            // A reference back to a schema still being mapped: a recursive type, which only a generated type can be.
            if (state.Definition is { } definition)
            {
                // Its structure refers to itself, so it is shared by where it is in an equal root schema instead.
                definition.IsRecursive = true;
                definition.RecursionKey ??= scope.CanonicalRoot + "|" + target.Path.Substring(scope.RootPath.Length);
                return new TypeDraft(KindOf(definition), isNullable: false, definition);
            }

            return Fallback(reference.Value, path, scope, "refers to itself without an object or union in between");
        }

        // Each reference is mapped once, but a chain of them nests the mapping: bounded like the JSON parser's depth.
        if (scope.ReferenceDepth >= JsonParser.MaxDepth)
        {
            return Fallback(reference.Value, path, scope, "nests references deeper than " + JsonParser.MaxDepth + " levels");
        }

        state = new ReferenceState();
        scope.References[target.Node] = state;
        scope.ReferenceDepth++;
        var type = MapType(target.Node, target.Path, scope, target.Name);
        scope.ReferenceDepth--;
        state.Type = type;
        return type;
    }

    /// <summary>Maps <c>allOf</c>, <c>anyOf</c> and <c>oneOf</c>, with the schema's own properties as a base of every branch.</summary>
    private TypeDraft MapCombinators(JsonObject schema, List<JsonProperty> combinators, string path, SchemaScope scope, string? preferredName)
    {
        var unions = combinators.Where(c => c.Name != "allOf").ToList();
        if (unions.Count > 1)
        {
            return Fallback(unions[1].Value, path, scope, "combines anyOf and oneOf");
        }

        if (combinators.Any(c => c.Value is not JsonArray { Items.Count: > 0 }))
        {
            var bad = combinators.First(c => c.Value is not JsonArray { Items.Count: > 0 });
            return Fallback(bad.Value, path, scope, $"has an '{bad.Name}' that is not a non-empty array");
        }

        var allOf = combinators.FirstOrDefault(c => c.Name == "allOf");
        var union = unions.FirstOrDefault();
        var hasOwnShape = schema.Contains("properties") || schema.Contains("type");
        if (union is null)
        {
            var branches = (JsonArray)allOf!.Value;
            var shaping = Enumerable.Range(0, branches.Items.Count).Where(i => HasShape(branches.Items[i])).ToList();
            if (shaping.Count == 1 && !hasOwnShape)
            {
                return MapType(branches.Items[shaping[0]], JsonPaths.Index(JsonPaths.Member(path, "allOf"), shaping[0]), scope, preferredName);
            }

            return MapMergedObject(schema, path, scope, preferredName, variant: null);
        }

        var variants = FlattenUnion((JsonArray)union.Value, JsonPaths.Member(path, union.Name), scope);
        if (schema.GetValueOrNull("type") is JsonString { Value: not "object" } ownType && !schema.Contains("properties"))
        {
            // "type": "string" with anyOf: [{"const": "a"}, {"pattern": "…"}]: the branches narrow the type, which stays.
            var constants = variants.Where(v => !IsNull(v.Node)).Select(v => (Type: MapType(v.Node, v.Path, scope), Branch: (Branch?)v)).ToList();
            var own = MapSingleType(schema, ownType.Value, path, scope, preferredName);
            var nullable = variants.Any(v => IsNull(v.Node));
            return (own.Kind == TypeKind.String && constants.All(c => c.Branch!.Value.Node is JsonObject b && b.GetValueOrNull("const") is JsonString)
                ? Strings(constants, schema, path, scope, preferredName)
                : own).With(nullable ? true : null);
        }

        if (hasOwnShape || allOf is not null)
        {
            // Properties beside the union belong to every branch: { "properties": {...}, "oneOf": [A, B] } is A or B, each with them.
            if (!variants.All(variant => IsNull(variant.Node) || IsObjectLike(variant.Node, scope)))
            {
                return Fallback(union.Value, path, scope, $"adds '{union.Name}' branches that are not objects to an object's properties");
            }

            var merged = variants.Select(variant => IsNull(variant.Node) ? (Variant: variant, Type: null) : (Variant: variant, Type: (TypeDraft?)MapMergedObject(schema, path, scope, null, variant))).ToList();
            return UniteBranches(merged.Select(m => (m.Variant, m.Type)).ToList(), schema, path, scope, preferredName);
        }

        return UniteBranches(variants.Select(variant => (variant, (TypeDraft?)null)).ToList(), schema, path, scope, preferredName);
    }

    /// <summary>
    /// Unites the branches of a union: null makes it nullable; a bare <c>{"type": "string"}</c> beside objects or
    /// arrays is their JSON as a string; then <see cref="Unite"/>.
    /// </summary>
    private TypeDraft UniteBranches(List<(Branch Branch, TypeDraft? Mapped)> branches, JsonObject schema, string path, SchemaScope scope, string? preferredName)
    {
        var nullable = branches.Any(b => IsNull(b.Branch.Node));
        var values = branches.Where(b => !IsNull(b.Branch.Node)).ToList();
        if (values.Count == 0)
        {
            return Fallback(schema, path, scope, "only allows null");
        }

        var bareStrings = values.Where(b => IsBareString(b.Branch.Node)).ToList();
        var mapped = values.Except(bareStrings).Select(b => (b.Branch, Type: b.Mapped ?? MapType(b.Branch.Node, b.Branch.Path, scope, b.Branch.Name))).ToList();
        // A list of strings beside a string is one or many strings, not a list's JSON text.
        var jsonString = bareStrings.Count > 0 && mapped.Count > 0
            && mapped.All(m => m.Type.Kind is TypeKind.Record or TypeKind.Map or TypeKind.List or TypeKind.Union)
            && !mapped.Any(m => m.Type.Kind == TypeKind.List && m.Type.Item!.Kind == TypeKind.String);
        if (!jsonString)
        {
            mapped.AddRange(bareStrings.Select(b => (b.Branch, Type: new TypeDraft(TypeKind.String, isNullable: false))));
        }

        if (mapped.Any(m => m.Type.AcceptsAny))
        {
            return Any();
        }

        var united = Unite(mapped.Select(m => m.Type).ToList(), schema, path, scope, preferredName, jsonString, mapped.Select(m => m.Branch).ToList());
        return united.With(nullable ? true : null, jsonString ? AlternateForms.JsonString : AlternateForms.None);
    }

    /// <summary>
    /// The type for a value of any of <paramref name="types"/>: the type itself when they are all one; a list when they
    /// are a type and a list of it (one or many); an enum, <c>string</c> or number for strings or numbers only; a
    /// struct for scalars; else an abstract record with a case each.
    /// </summary>
    private TypeDraft Unite(List<TypeDraft> types, JsonObject schema, string path, SchemaScope scope, string? preferredName, bool jsonStringForm, List<Branch>? branches = null)
    {
        var nullable = types.Any(t => t.IsNullable);
        if (types.Count > 1 && types.All(t => t.Kind is TypeKind.String or TypeKind.Enum))
        {
            // Before duplicates go: each const-string branch is a string type, but together they are an enum.
            return Strings(types.Select((t, i) => (t, branches?[i])).ToList(), schema, path, scope, preferredName).With(nullable ? true : null);
        }

        var distinct = new List<(TypeDraft Type, Branch? Branch)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < types.Count; i++)
        {
            if (keys.Add(types[i].With(isNullable: false).Key))
            {
                distinct.Add((types[i].With(isNullable: false), branches?[i]));
            }
        }

        if (distinct.Count == 1)
        {
            return distinct[0].Type.With(nullable ? true : null);
        }

        if (distinct.Count == 2 && OneOrMany(distinct[0].Type, distinct[1].Type) is { } list)
        {
            return list.With(nullable ? true : null);
        }

        var kinds = distinct.Select(d => d.Type.Kind).ToList();
        if (kinds.All(k => k is TypeKind.String or TypeKind.Enum))
        {
            return Strings(distinct, schema, path, scope, preferredName).With(nullable ? true : null);
        }

        if (kinds.All(k => k is TypeKind.Integer or TypeKind.Number))
        {
            return new TypeDraft(kinds.Contains(TypeKind.Number) ? TypeKind.Number : TypeKind.Integer, nullable);
        }

        if (kinds.All(k => k is TypeKind.String or TypeKind.Enum or TypeKind.Integer or TypeKind.Number or TypeKind.Boolean))
        {
            return MapScalarUnion(distinct, schema, path, scope, preferredName).With(nullable ? true : null);
        }

        return MapUnion(distinct, schema, path, scope, preferredName).With(nullable ? true : null);
    }

    private static TypeDraft? OneOrMany(TypeDraft first, TypeDraft second)
    {
        if (second.Kind == TypeKind.List && second.Item!.Key == first.Key)
        {
            return second.With(alsoReads: AlternateForms.SingleItem);
        }

        return first.Kind == TypeKind.List && first.Item!.Key == second.Key ? first.With(alsoReads: AlternateForms.SingleItem) : null;
    }

    private TypeDraft MapScalarUnion(List<(TypeDraft Type, Branch? Branch)> cases, JsonObject schema, string path, SchemaScope scope, string? preferredName)
    {
        // The string case's enum is mapped first, so that it is not created inside the unfinished struct.
        var strings = cases.Where(c => c.Type.Kind is TypeKind.String or TypeKind.Enum).ToList();
        var stringCase = strings.Count > 0 ? Strings(strings, schema, path, scope, null) : null;
        var definition = _shapes.Create(DefinitionKind.ScalarUnion, scope, path, schema, Description(schema), preferredName ?? TitleName(schema));
        if (stringCase is not null)
        {
            definition.ScalarCases.Add(stringCase);
        }

        // A number case reads integers too, so an integer case beside it would never be chosen.
        var number = cases.Any(c => c.Type.Kind == TypeKind.Number);
        foreach (var kind in new[] { TypeKind.Integer, TypeKind.Number, TypeKind.Boolean })
        {
            if (cases.Any(c => c.Type.Kind == kind) && !(kind == TypeKind.Integer && number))
            {
                definition.ScalarCases.Add(new TypeDraft(kind, false));
            }
        }

        return Complete(definition);
    }

    /// <summary>
    /// The type for strings of several branches: an enum when each branch lists its values (an <c>enum</c>, or a
    /// <c>const</c> as <c>anyOf: [{"const": "a"}, {"const": "b"}]</c> writes one), else <c>string</c>.
    /// </summary>
    private TypeDraft Strings(List<(TypeDraft Type, Branch? Branch)> cases, JsonObject schema, string path, SchemaScope scope, string? preferredName)
    {
        var values = new List<JsonString>();
        foreach (var (type, branch) in cases)
        {
            if (type.Kind == TypeKind.Enum)
            {
                values.AddRange(type.Definition!.EnumValues);
            }
            else if (branch?.Node is JsonObject { } node && node.GetValueOrNull("const") is JsonString constant)
            {
                values.Add(constant);
            }
            else
            {
                return new TypeDraft(TypeKind.String, false);
            }
        }

        var definition = _shapes.Create(DefinitionKind.Enum, scope, path, schema, Description(schema), preferredName ?? TitleName(schema));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (seen.Add(value.Value))
            {
                definition.EnumValues.Add(value);
            }
        }

        return Complete(definition);
    }

    private TypeDraft MapUnion(List<(TypeDraft Type, Branch? Branch)> cases, JsonObject schema, string path, SchemaScope scope, string? preferredName)
    {
        var definition = _shapes.Create(DefinitionKind.Union, scope, path, schema, Description(schema), preferredName ?? TitleName(schema));
        scope.Enter(schema, definition);
        foreach (var (type, branch) in cases)
        {
            if (type.Kind == TypeKind.Record && type.Definition is { } record)
            {
                // The case is a record of its own, derived from the union; a structurally equal record elsewhere stays separate.
                var owned = _shapes.CreateCase(record, scope);
                definition.Cases.Add(new CaseDraft(CaseName(owned, branch), owned, null));
            }
            else
            {
                definition.Cases.Add(new CaseDraft(branch?.Name ?? TitleName(branch?.Node as JsonObject), null, type));
            }
        }

        return Complete(definition);
    }

    private TypeDraft MapString(JsonObject schema, string path, SchemaScope scope, string? preferredName)
    {
        // An enum of strings (null aside) becomes a C# enum; other enums stay their type, with the values documented.
        if (schema.GetValueOrNull("enum") is not JsonArray { Items: var values } || values.All(value => value is JsonNull) || !values.All(value => value is JsonString or JsonNull))
        {
            return new TypeDraft(TypeKind.String, isNullable: false);
        }

        var definition = _shapes.Create(DefinitionKind.Enum, scope, path, schema, Description(schema), preferredName ?? TitleName(schema));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values.OfType<JsonString>())
        {
            if (seen.Add(value.Value))
            {
                definition.EnumValues.Add(value);
            }
        }

        return Complete(definition);
    }

    private TypeDraft MapArray(JsonObject schema, string path, SchemaScope scope)
    {
        var items = schema.GetValueOrNull("items");
        var tuple = items as JsonArray ?? schema.GetValueOrNull("prefixItems") as JsonArray;
        if (tuple is not null)
        {
            // A tuple is a list of its item types: looser than positions, but every value can be sent and read.
            var tuplePath = JsonPaths.Member(path, items is JsonArray ? "items" : "prefixItems");
            var itemTypes = tuple.Items.Select((item, i) => MapType(item, JsonPaths.Index(tuplePath, i), scope)).ToList();
            if (schema.GetValueOrNull("items") is JsonObject rest && items is not JsonArray)
            {
                itemTypes.Add(MapType(rest, JsonPaths.Member(path, "items"), scope));
            }

            if (itemTypes.Count == 0 || itemTypes.Any(t => t.AcceptsAny))
            {
                return new TypeDraft(TypeKind.List, false, item: Any());
            }

            return new TypeDraft(TypeKind.List, false, item: Unite(itemTypes, schema, tuplePath, scope, null, jsonStringForm: false));
        }

        if (items is null or JsonBoolean)
        {
            return new TypeDraft(TypeKind.List, false, item: Any());
        }

        return new TypeDraft(TypeKind.List, false, item: MapType(items, JsonPaths.Member(path, "items"), scope));
    }

    private TypeDraft MapObject(JsonObject schema, string path, SchemaScope scope, string? preferredName)
    {
        var properties = schema.GetValueOrNull("properties");
        if (properties is not (null or JsonObject))
        {
            return Fallback(properties, path, scope, "has a 'properties' that is not an object");
        }

        if (properties is JsonObject { Properties.Count: > 0 })
        {
            return MapMergedObject(schema, path, scope, preferredName, variant: null);
        }

        return new TypeDraft(TypeKind.Map, false, item: MapValues(schema, path, scope));
    }

    /// <summary>The type of an object's properties beyond its declared ones: of its map, or of its record's extra properties.</summary>
    private TypeDraft MapValues(JsonObject schema, string path, SchemaScope scope)
    {
        var additional = schema.GetValueOrNull("additionalProperties");
        if (additional is JsonObject)
        {
            return MapType(additional, JsonPaths.Member(path, "additionalProperties"), scope);
        }

        if (schema.GetValueOrNull("patternProperties") is JsonObject { Properties.Count: > 0 } patterns && additional is not JsonBoolean { Value: true })
        {
            var patternPath = JsonPaths.Member(path, "patternProperties");
            var types = patterns.Properties.Select(p => MapType(p.Value, JsonPaths.Member(patternPath, p.Name), scope)).ToList();
            return types.Any(t => t.AcceptsAny) ? Any() : Unite(types, schema, patternPath, scope, null, jsonStringForm: false);
        }

        return Any();
    }

    /// <summary>
    /// A record from an object schema, its <c>allOf</c> branches and, for a union's branch, that branch
    /// (<paramref name="variant"/>): their properties together, required if any requires them.
    /// </summary>
    private TypeDraft MapMergedObject(JsonObject schema, string path, SchemaScope scope, string? preferredName, Branch? variant)
    {
        // Parts come in by $ref without the memo of MapReference, so a part can lead back here: a cycle with no record between.
        var key = (schema, variant?.Node);
        if (!scope.Merging.Add(key))
        {
            return Fallback(variant?.Node ?? schema, variant?.Path ?? path, scope, "refers to itself through allOf or union branches, with no object in between");
        }

        try
        {
            return MapMergedObjectOnce(schema, path, scope, preferredName, variant);
        }
        finally
        {
            scope.Merging.Remove(key);
        }
    }

    private TypeDraft MapMergedObjectOnce(JsonObject schema, string path, SchemaScope scope, string? preferredName, Branch? variant)
    {
        var parts = new ObjectParts();
        if (!CollectObject(schema, path, scope, parts, depth: 0) || (variant is { } v && !CollectObject(v.Node, v.Path, scope, parts, depth: 0)))
        {
            return Fallback(parts.Problem!.Value.At, parts.Problem.Value.Path, scope, parts.Problem.Value.Reason);
        }

        if (parts.Properties.Count == 0)
        {
            return new TypeDraft(TypeKind.Map, false, item: parts.AdditionalProperties ?? Any());
        }

        var node = variant?.Node ?? schema;
        var name = variant is { } named ? named.Name ?? TitleName(named.Node as JsonObject) : preferredName ?? TitleName(schema);
        var definition = _shapes.Create(DefinitionKind.Record, scope, variant?.Path ?? path, node, Description(variant?.Node as JsonObject) ?? Description(schema), name);
        scope.Enter(node, definition);
        definition.Properties.AddRange(MapProperties(parts, scope));
        definition.AdditionalProperties = parts.AllowsAdditional ? parts.AdditionalProperties ?? Any() : null;
        return Complete(definition);
    }

    /// <summary>
    /// Collects the properties of an object schema and of its <c>allOf</c> and <c>$ref</c> parts; returns false with
    /// <see cref="ObjectParts.Problem"/> set when one of them is not an object.
    /// </summary>
    private bool CollectObject(JsonNode node, string path, SchemaScope scope, ObjectParts parts, int depth)
    {
        // A part met again on its own path is a cycle; the budget bounds a schema whose parts repeat (allOf: [A, A]).
        if (depth > 32 || ++parts.Visits > MaxMergedParts)
        {
            parts.Problem = (node, path, "nests or repeats allOf and $ref parts too much to merge");
            return false;
        }

        if (node is JsonBoolean)
        {
            return true;
        }

        if (node is not JsonObject schema)
        {
            parts.Problem = (node, path, "is not a schema object");
            return false;
        }

        if (schema.GetValueOrNull("$ref") is JsonString { Value: var pointer })
        {
            if (SchemaReferences.Resolve(scope.Root, scope.RootPath, pointer) is not { } target)
            {
                parts.Problem = (schema, path, $"refers to '{pointer}', which is not a location in this schema");
                return false;
            }

            return CollectObject(target.Node, target.Path, scope, parts, depth + 1);
        }

        if (schema.GetValueOrNull("properties") is { } properties and not JsonObject)
        {
            parts.Problem = (properties, path, "has a 'properties' that is not an object");
            return false;
        }

        var required = schema.GetValueOrNull("required");
        if (required is not (null or JsonArray) || (required is JsonArray names && !names.Items.All(name => name is JsonString)))
        {
            parts.Problem = (required!, path, "has a 'required' that is not an array of property names");
            return false;
        }

        if (schema.GetValueOrNull("type") is JsonString { Value: not "object" } type)
        {
            parts.Problem = (type, path, $"combines an object with a {type.Value} (allOf)");
            return false;
        }

        foreach (var property in (schema.GetValueOrNull("properties") as JsonObject)?.Properties ?? [])
        {
            parts.Add(property, JsonPaths.Member(JsonPaths.Member(path, "properties"), property.Name));
        }

        foreach (var name in (required as JsonArray)?.Items.OfType<JsonString>() ?? [])
        {
            parts.Required.Add(name.Value);
        }

        switch (schema.GetValueOrNull("additionalProperties"))
        {
            case JsonBoolean { Value: false }:
                parts.ForbidsAdditional = true;
                break;
            case JsonObject:
                parts.AdditionalProperties = MapValues(schema, path, scope);
                break;
        }

        if (schema.GetValueOrNull("allOf") is JsonArray allOf)
        {
            for (var i = 0; i < allOf.Items.Count; i++)
            {
                if (!CollectObject(allOf.Items[i], JsonPaths.Index(JsonPaths.Member(path, "allOf"), i), scope, parts, depth + 1))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private List<PropertyDraft> MapProperties(ObjectParts parts, SchemaScope scope)
    {
        var drafts = new List<PropertyDraft>(parts.Properties.Count);
        foreach (var (property, path) in parts.Properties)
        {
            var type = MapType(property.Value, path, scope);
            if (parts.Alternatives(property.Name) is { } alternatives)
            {
                // The same property in several branches of a root union: any of their types.
                var types = alternatives.Select(a => MapType(a.Property.Value, a.Path, scope)).Prepend(type).ToList();
                type = types.Any(t => t.AcceptsAny) ? Any() : Unite(types, (property.Value as JsonObject) ?? scope.Root, path, scope, null, jsonStringForm: false);
            }

            var schema = property.Value as JsonObject;

            // Documentation may sit on the optional-value wrapper or on the value's own schema.
            var branch = schema is null ? null : NullableBranch(schema);
            var constant = Json(schema, "const") ?? Json(branch, "const") ?? SingleEnumValue(schema ?? branch);
            var allowed = type.Kind == TypeKind.Enum
                ? EquatableArray<string>.Empty
                : ((schema?.GetValueOrNull("enum") ?? branch?.GetValueOrNull("enum")) as JsonArray)?.Items.Select(CompactJson.Write).ToEquatableArray() ?? EquatableArray<string>.Empty;
            drafts.Add(new PropertyDraft(
                property,
                path,
                type,
                parts.Required.Contains(property.Name),
                Description(schema) ?? Description(branch),
                Json(schema, "default") ?? Json(branch, "default"),
                constant,
                allowed));
        }

        return drafts;
    }

    /// <summary>Finishes a definition: structurally equal to one already mapped, it gives way to that one.</summary>
    private TypeDraft Complete(TypeDefinition definition)
    {
        definition.IsComplete = true;
        var shared = _shapes.Share(definition);
        return new TypeDraft(KindOf(shared), isNullable: false, shared);
    }

    private static List<Branch> FlattenUnion(JsonArray branches, string path, SchemaScope scope) => FlattenUnion(branches, path, scope, []);

    /// <param name="branches">The union's branches.</param>
    /// <param name="path">Their path.</param>
    /// <param name="scope">The root schema.</param>
    /// <param name="entered">The unions referred to on the way here: one referring to itself is not entered again.</param>
    private static List<Branch> FlattenUnion(JsonArray branches, string path, SchemaScope scope, HashSet<JsonNode> entered)
    {
        var flat = new List<Branch>();
        for (var i = 0; i < branches.Items.Count; i++)
        {
            var branchPath = JsonPaths.Index(path, i);
            var node = branches.Items[i];
            string? name = null;
            if (node is JsonObject { } reference && reference.GetValueOrNull("$ref") is JsonString { Value: var pointer } && SchemaReferences.Resolve(scope.Root, scope.RootPath, pointer) is { } target)
            {
                // A branch that refers to a definition is that definition, under its name.
                name = target.Name;
                if (target.Node is JsonObject nested && IsPlainUnion(nested, out var inner) && entered.Add(nested))
                {
                    flat.AddRange(FlattenUnion(inner, JsonPaths.Member(target.Path, nested.GetProperty("anyOf") is null ? "oneOf" : "anyOf"), scope, entered));
                    continue;
                }
            }
            else if (node is JsonObject obj && IsPlainUnion(obj, out var inner))
            {
                flat.AddRange(FlattenUnion(inner, JsonPaths.Member(branchPath, obj.GetProperty("anyOf") is null ? "oneOf" : "anyOf"), scope, entered));
                continue;
            }

            flat.Add(new Branch(node, branchPath, name));
        }

        return flat;
    }

    /// <summary>Whether an object is only a union (with documentation), so its branches can join the enclosing union's.</summary>
    private static bool IsPlainUnion(JsonObject schema, out JsonArray branches)
    {
        branches = null!;
        var union = s_unions.Select(schema.GetProperty).OfType<JsonProperty>().ToList();
        if (union.Count != 1 || union[0].Value is not JsonArray { Items.Count: > 0 } array || s_shapeKeywords.Any(k => k != union[0].Name && schema.Contains(k)))
        {
            return false;
        }

        branches = array;
        return true;
    }

    private static string? CaseName(TypeDefinition record, Branch? branch)
    {
        // A constant names the case best ("type": "insert" is Insert), then the schema's own name.
        var constant = record.Properties.Where(p => p.ConstJson is { } json && json.Length > 2 && json[0] == '"').OrderBy(p => DiscriminatorRank(p.WireName)).FirstOrDefault();
        if (constant is not null)
        {
            return constant.ConstJson!.Substring(1, constant.ConstJson.Length - 2);
        }

        return branch?.Name ?? record.PreferredName;
    }

    private static int DiscriminatorRank(string wireName) => wireName switch
    {
        "type" => 0,
        "kind" => 1,
        "object" => 2,
        _ => 3,
    };

    private static TypeDraft Fallback(JsonNode at, string path, SchemaScope scope, string reason)
    {
        scope.Context.NotRepresentable(at, path, reason, "JsonElement");
        return new TypeDraft(TypeKind.Json, isNullable: false);
    }

    private static TypeDraft Any() => new(TypeKind.Json, isNullable: false, acceptsAny: true);

    private static TypeKind KindOf(TypeDefinition definition) => definition.Kind switch
    {
        DefinitionKind.Record => TypeKind.Record,
        DefinitionKind.Enum => TypeKind.Enum,
        DefinitionKind.Union => TypeKind.Union,
        _ => TypeKind.ScalarUnion,
    };

    /// <summary>The combinators that shape the value: those whose branches only add constraints (<c>required</c>…) do not.</summary>
    private static List<JsonProperty> ShapingCombinators(JsonObject schema) =>
        s_combinators
            .Select(schema.GetProperty)
            .OfType<JsonProperty>()
            .Where(combinator => !(combinator.Value is JsonArray branches && branches.Items.All(branch => branch is JsonObject constraint && !HasShape(constraint))))
            .ToList();

    private static bool HasShape(JsonNode node) => node is JsonObject schema && s_shapeKeywords.Any(schema.Contains);

    private static bool IsKnownType(string type) => type is "string" or "integer" or "number" or "boolean" or "array" or "object";

    /// <summary>Whether a branch can merge with object properties: an object schema, a reference to one, or constraints only.</summary>
    private static bool IsObjectLike(JsonNode node, SchemaScope scope, int depth = 0)
    {
        if (node is JsonObject { } schema && schema.GetValueOrNull("$ref") is JsonString { Value: var pointer })
        {
            // A chain of references is followed as far as a real schema would go, and no further: it may be a cycle.
            return depth < 32 && SchemaReferences.Resolve(scope.Root, scope.RootPath, pointer) is { } target && IsObjectLike(target.Node, scope, depth + 1);
        }

        return node is JsonObject obj
            && obj.GetValueOrNull("type") is null or JsonString { Value: "object" }
            && !s_unions.Any(obj.Contains);
    }

    /// <summary>The types a schema without <c>type</c> implies by its other keywords, if any.</summary>
    private static List<string>? InferTypes(JsonObject schema)
    {
        if (schema.Contains("properties") || schema.Contains("additionalProperties") || schema.Contains("patternProperties"))
        {
            return ["object"];
        }

        if (schema.Contains("items") || schema.Contains("prefixItems"))
        {
            return ["array"];
        }

        var values = schema.GetValueOrNull("enum") is JsonArray array ? array.Items.ToList() : schema.GetValueOrNull("const") is { } constant ? [constant] : null;
        if (values is null)
        {
            return null;
        }

        var types = new List<string>();
        foreach (var value in values)
        {
            var type = value switch
            {
                JsonString => "string",
                JsonNumber { IsInteger: true } => "integer",
                JsonNumber => "number",
                JsonBoolean => "boolean",
                JsonNull => "null",
                JsonArray => "array",
                _ => "object",
            };
            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        if (types.Contains("integer") && types.Contains("number"))
        {
            types.Remove("integer");
        }

        return types;
    }

    private static bool HasNullValue(JsonObject schema) =>
        (schema.GetValueOrNull("enum") is JsonArray values && values.Items.Any(value => value is JsonNull)) || schema.GetValueOrNull("const") is JsonNull;

    private static bool IsNull(JsonNode node) =>
        node is JsonObject schema
        && (schema.GetValueOrNull("type") is JsonString { Value: "null" } || schema.GetValueOrNull("const") is JsonNull
            || (schema.GetValueOrNull("enum") is JsonArray { Items.Count: 1 } values && values.Items[0] is JsonNull));

    /// <summary>A branch that allows any string and says nothing else: beside objects, their JSON text.</summary>
    private static bool IsBareString(JsonNode node) =>
        node is JsonObject schema && schema.Properties.Count == 1 && schema.GetValueOrNull("type") is JsonString { Value: "string" };

    /// <summary>The value's schema inside an <c>anyOf</c>/<c>oneOf</c> of it and null, if the schema is that pattern.</summary>
    private static JsonObject? NullableBranch(JsonObject schema)
    {
        var branches = (schema.GetValueOrNull("anyOf") ?? schema.GetValueOrNull("oneOf")) as JsonArray;
        var nonNull = branches?.Items.Where(branch => !IsNull(branch)).ToList();
        return nonNull is { Count: 1 } ? nonNull[0] as JsonObject : null;
    }

    private static string? SingleEnumValue(JsonObject? schema) =>
        schema?.GetValueOrNull("enum") is JsonArray { Items.Count: 1 } values && values.Items[0] is JsonString single ? CompactJson.Write(single) : null;

    /// <summary>A <c>title</c> that reads as a type name (<c>SortObject</c>, <c>Page parent</c>), not a sentence.</summary>
    private static string? TitleName(JsonObject? schema)
    {
        if (schema?.GetValueOrNull("title") is not JsonString { Value: var title } || title.Length is 0 or > 48)
        {
            return null;
        }

        var words = 1;
        foreach (var c in title)
        {
            if (c == ' ')
            {
                words++;
            }
            else if (!char.IsLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return null;
            }
        }

        return words <= 3 ? title : null;
    }

    private static string? Description(JsonObject? schema) =>
        (schema?.GetValueOrNull("description") as JsonString)?.Value ?? (schema?.GetValueOrNull("title") as JsonString)?.Value;

    private static string? Json(JsonObject? schema, string keyword) =>
        schema?.GetValueOrNull(keyword) is { } value ? CompactJson.Write(value) : null;

    /// <summary>A branch of a union: its schema, path, and the <c>$defs</c> name it was referred to by.</summary>
    private readonly record struct Branch(JsonNode Node, string Path, string? Name);

    /// <summary>What an object schema and its parts declare together.</summary>
    private sealed class ObjectParts
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

        public List<(JsonProperty Property, string Path)> Properties { get; } = [];

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        public bool ForbidsAdditional { get; set; }

        public TypeDraft? AdditionalProperties { get; set; }

        public bool AllowsAdditional => !ForbidsAdditional || AdditionalProperties is not null;

        public (JsonNode At, string Path, string Reason)? Problem { get; set; }

        /// <summary>How many schemas were collected, against <see cref="MaxMergedParts"/>.</summary>
        public int Visits { get; set; }

        private Dictionary<string, List<(JsonProperty Property, string Path)>>? _alternatives;

        /// <summary>Adds a property of one branch of a root union: a name already there gets this schema as an alternative.</summary>
        public void AddAlternative(JsonProperty property, string path)
        {
            if (!_indexes.ContainsKey(property.Name))
            {
                Add(property, path);
                return;
            }

            _alternatives ??= new(StringComparer.Ordinal);
            if (!_alternatives.TryGetValue(property.Name, out var list))
            {
                _alternatives[property.Name] = list = [];
            }

            list.Add((property, path));
        }

        public List<(JsonProperty Property, string Path)>? Alternatives(string name) =>
            _alternatives is not null && _alternatives.TryGetValue(name, out var list) ? list : null;

        /// <summary>Adds a property; a later part's schema for the same name replaces the earlier one's (it is usually the narrower).</summary>
        public void Add(JsonProperty property, string path)
        {
            if (_indexes.TryGetValue(property.Name, out var index))
            {
                Properties[index] = (property, path);
                return;
            }

            _indexes[property.Name] = Properties.Count;
            Properties.Add((property, path));
        }
    }

    /// <summary>A referenced schema being mapped (its definition, once it has one) or mapped (its type).</summary>
    internal sealed class ReferenceState
    {
        public TypeDefinition? Definition { get; set; }

        public TypeDraft? Type { get; set; }
    }
}
