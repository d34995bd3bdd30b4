using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// Turns a server's mapped types into specs. First <see cref="Visit"/> walks every tool's arguments and results in
/// order, so that each generated type is named at its first use (after its <c>$defs</c> key or title if it has one,
/// else after where it is: <c>SearchFilter</c>, <c>SearchFilterRange</c>) and learns which ways it crosses the wire;
/// then the <c>Build…</c> methods write the specs, with member names that know those uses.
/// </summary>
internal sealed class TypeNamer
{
    private const string UnknownCase = "Unknown";

    private static readonly string[] s_enumMembers = ["CompareTo", "GetTypeCode", "HasFlag"];

    private readonly NameAllocator _typeNames;
    private readonly SnapshotDiagnostics _diagnostics;
    private readonly Dictionary<TypeDefinition, Names> _names = [];

    public TypeNamer(NameAllocator typeNames, SnapshotDiagnostics diagnostics)
    {
        _typeNames = typeNames;
        _diagnostics = diagnostics;
    }

    /// <summary>Names the generated types a use reaches, and records the use.</summary>
    /// <param name="type">The type used.</param>
    /// <param name="use">Which way the value crosses the wire.</param>
    /// <param name="candidate">The name a generated type gets here if this is its first use.</param>
    /// <param name="firstUses">The definitions first used by this tool, in order.</param>
    public void Visit(TypeDraft type, TypeUses use, string candidate, List<TypeDefinition> firstUses)
    {
        switch (type.Kind)
        {
            case TypeKind.List:
                Visit(type.Item!, use, candidate + "Item", firstUses);
                break;
            case TypeKind.Map:
                Visit(type.Item!, use, candidate + "Value", firstUses);
                break;
            case TypeKind.Record or TypeKind.Enum or TypeKind.Union or TypeKind.ScalarUnion:
                VisitDefinition(type.Definition!, use, candidate, firstUses);
                break;
        }
    }

    public void VisitProperties(IEnumerable<PropertyDraft> properties, TypeDraft? additional, TypeUses use, string prefix, List<TypeDefinition> firstUses)
    {
        foreach (var property in properties)
        {
            Visit(property.Type, use, prefix + Identifiers.ToPascal(property.WireName, "Value").Name, firstUses);
        }

        if (additional is not null)
        {
            Visit(additional, use, prefix + "Value", firstUses);
        }
    }

    private void VisitDefinition(TypeDefinition definition, TypeUses use, string candidate, List<TypeDefinition> firstUses)
    {
        if (!_names.TryGetValue(definition, out var names))
        {
            names = NameDefinition(definition, candidate);
            _names[definition] = names;
            firstUses.Add(definition);
        }

        if ((names.Uses & use) == use)
        {
            return;
        }

        names.Uses |= use;
        switch (definition.Kind)
        {
            case DefinitionKind.Record:
                VisitProperties(definition.Properties, definition.AdditionalProperties, use, names.Name, firstUses);
                break;
            case DefinitionKind.Union:
                for (var i = 0; i < definition.Cases.Count; i++)
                {
                    var @case = definition.Cases[i];
                    var prefix = names.Name + names.CaseNames![i];
                    if (@case.Record is { } record)
                    {
                        VisitProperties(record.Properties, record.AdditionalProperties, use, prefix, firstUses);
                    }
                    else
                    {
                        Visit(@case.Value!, use, prefix, firstUses);
                    }
                }

                break;
            case DefinitionKind.ScalarUnion:
                foreach (var @case in definition.ScalarCases)
                {
                    Visit(@case, use, names.Name + "Value", firstUses);
                }

                break;
        }
    }

    private Names NameDefinition(TypeDefinition definition, string candidate)
    {
        var wanted = definition.PreferredName is { } preferred ? Identifiers.ToPascal(preferred, candidate).Name : candidate;
        var subject = "the type for " + ToolMappingContext.Describe(definition.ToolName, definition.SchemaPath);
        var name = _typeNames.Allocate(wanted, subject, out var takenBy);
        _diagnostics.ReportRename(_diagnostics.At(definition.Node), subject, name, wanted, takenBy, null);
        var names = new Names(name);
        if (definition.Kind == DefinitionKind.Enum)
        {
            names.Helper = _typeNames.Allocate(name + "WireValues", subject, out _);
        }
        else if (definition.Kind == DefinitionKind.Union)
        {
            names.CaseNames = NameCases(definition, name, out var unknown);
            names.Unknown = unknown;
        }

        return names;
    }

    /// <summary>Names a union's cases, which are nested in it: by their constant, <c>$defs</c> key or title, else by what they are.</summary>
    private static List<string> NameCases(TypeDefinition union, string unionName, out string unknown)
    {
        var scope = new NameAllocator();
        scope.Reserve(unionName, "the union itself");
        ReservedNames.ReserveRecordMembers(scope);
        scope.Reserve("WriteTo", "the generated WriteTo method");
        scope.Reserve("Read", "the generated Read method");
        scope.Reserve("Value", "the Value property of a case");
        var names = new List<string>(union.Cases.Count);
        foreach (var @case in union.Cases)
        {
            var wanted = @case.NameHint is { } hint ? Identifiers.ToPascal(hint, "Case").Name : DescribeCase(@case, union);
            names.Add(scope.Allocate(wanted, "a case", out _));
        }

        unknown = scope.Allocate(UnknownCase, "the unknown case", out _);
        return names;
    }

    private static string DescribeCase(CaseDraft @case, TypeDefinition union)
    {
        if (@case.Record is { } record)
        {
            // An object case without a name is told apart by a property only it requires: "WithUrl".
            var others = union.Cases.Where(c => c.Record is not null && c != @case).SelectMany(c => c.Record!.Properties.Where(p => p.IsRequired).Select(p => p.WireName));
            var unique = record.Properties.Where(p => p.IsRequired).Select(p => p.WireName).Except(others, StringComparer.Ordinal).FirstOrDefault();
            return unique is null ? "Object" : "With" + Identifiers.ToPascal(unique, "Value").Name;
        }

        return @case.Value!.Kind switch
        {
            TypeKind.String or TypeKind.Enum => "String",
            TypeKind.Integer => "Integer",
            TypeKind.Number => "Number",
            TypeKind.Boolean => "Boolean",
            TypeKind.List => "List",
            TypeKind.Map => "Map",
            TypeKind.Json => "Json",
            _ => "Value",
        };
    }

    /// <summary>The spec of a type use; the generated types it refers to must have been visited.</summary>
    public TypeSpec Spec(TypeDraft type)
    {
        var definition = type.Kind is TypeKind.Record or TypeKind.Enum or TypeKind.Union or TypeKind.ScalarUnion ? _names[type.Definition!] : null;
        return new TypeSpec(
            type.Kind,
            type.IsNullable,
            definition?.Name,
            definition?.Helper,
            type.Item is null ? null : Spec(type.Item),
            AlsoReads: type.AlsoReads);
    }

    /// <summary>The specs of the definitions a tool used first, by kind, in order.</summary>
    public (EquatableArray<RecordSpec> Records, EquatableArray<UnionSpec> Unions, EquatableArray<ScalarUnionSpec> Scalars, EquatableArray<EnumSpec> Enums) Build(List<TypeDefinition> firstUses)
    {
        var records = new List<RecordSpec>();
        var unions = new List<UnionSpec>();
        var scalars = new List<ScalarUnionSpec>();
        var enums = new List<EnumSpec>();
        foreach (var definition in firstUses)
        {
            var names = _names[definition];
            switch (definition.Kind)
            {
                case DefinitionKind.Record:
                    records.Add(BuildRecord(definition.Properties, definition.AdditionalProperties, names.Name, RecordKind.Nested, definition.SchemaPath, definition.Description, names.Uses, definition.ToolName, parameters: false));
                    break;
                case DefinitionKind.Union:
                    unions.Add(BuildUnion(definition, names));
                    break;
                case DefinitionKind.ScalarUnion:
                    scalars.Add(BuildScalarUnion(definition, names));
                    break;
                default:
                    enums.Add(BuildEnum(definition, names));
                    break;
            }
        }

        return (records.ToEquatableArray(), unions.ToEquatableArray(), scalars.ToEquatableArray(), enums.ToEquatableArray());
    }

    /// <summary>A record's spec, its members named in its own scope (for arguments, its parameters too).</summary>
    public RecordSpec BuildRecord(
        IReadOnlyList<PropertyDraft> drafts, TypeDraft? additional, string name, RecordKind kind, string schemaPath, string? description, TypeUses uses, string toolName, bool parameters)
    {
        var members = new NameAllocator();
        members.Reserve(name, "the record itself");
        ReservedNames.ReserveRecordMembers(members);
        switch (kind)
        {
            case RecordKind.Result:
                members.Reserve("RawResult", "the RawResult property of every tool result");
                members.Reserve("FromCallToolResult", "the generated FromCallToolResult method");
                break;
            case RecordKind.Nested or RecordKind.UnionCase:
                if (kind == RecordKind.UnionCase || uses.HasFlag(TypeUses.Write))
                {
                    members.Reserve("WriteTo", "the generated WriteTo method");
                }

                if (kind == RecordKind.UnionCase || uses.HasFlag(TypeUses.Read))
                {
                    members.Reserve("Read", "the generated Read method");
                }

                break;
        }

        // Ordinal order of the wire names decides who gets a contested name; the record keeps the schema's order.
        var propertyNames = new string[drafts.Count];
        foreach (var i in InOrdinalOrder(drafts))
        {
            var property = drafts[i];
            var candidate = Identifiers.ToPascal(property.WireName, "Value");
            propertyNames[i] = members.Allocate(candidate.Name, "property '" + property.WireName + "'", out var takenBy);
            if (takenBy is not null || candidate.ChangeReason is not null)
            {
                _diagnostics.ReportRename(_diagnostics.AtName(property.Property), ToolMappingContext.Describe(toolName, property.Path), propertyNames[i], candidate.Name, takenBy, candidate.ChangeReason);
            }
        }

        var parameterNames = parameters ? NameParameters(drafts, toolName) : null;
        var properties = drafts.Select((p, i) => Property(p, propertyNames[i], parameterNames?[i], kind == RecordKind.UnionCase)).ToEquatableArray();
        var additionalName = additional is null ? null : members.Allocate("AdditionalProperties", "the record's additional properties", out _);
        return new RecordSpec(name, kind, schemaPath, description, properties, additional is null ? null : Spec(additional), additionalName, uses);
    }

    /// <summary>
    /// Names the parameters in their own scope: a property renamed because of a record member (<c>ToString2</c>)
    /// still gives a plain parameter (<c>toString</c>).
    /// </summary>
    private string[] NameParameters(IReadOnlyList<PropertyDraft> drafts, string toolName)
    {
        var parameters = new NameAllocator();
        parameters.Reserve("progress", "the method's progress parameter");
        parameters.Reserve("cancellationToken", "the method's cancellationToken parameter");
        var names = new string[drafts.Count];
        foreach (var i in InOrdinalOrder(drafts))
        {
            var property = drafts[i];
            var candidate = Identifiers.ToCamel(Identifiers.ToPascal(property.WireName, "Value").Name);
            names[i] = parameters.Allocate(candidate, "property '" + property.WireName + "'", out var takenBy);
            if (takenBy is not null)
            {
                _diagnostics.ReportRename(_diagnostics.AtName(property.Property), "the parameter for " + ToolMappingContext.Describe(toolName, property.Path), names[i], candidate, takenBy, null);
            }
        }

        return names;
    }

    /// <summary>The positions of the properties in ordinal order of their wire names.</summary>
    private static IEnumerable<int> InOrdinalOrder(IReadOnlyList<PropertyDraft> drafts) =>
        Enumerable.Range(0, drafts.Count).OrderBy(i => drafts[i].WireName, StringComparer.Ordinal);

    private PropertySpec Property(PropertyDraft draft, string name, string? parameterName, bool isCase)
    {
        // In a union case, a constant ("type": "insert") is what the case is: fixed, and always written.
        var fixedType = isCase && draft.ConstJson is { } constant ? ConstantType(constant) : null;
        return new PropertySpec(
            draft.WireName,
            name,
            parameterName,
            fixedType ?? Spec(draft.Type),
            draft.IsRequired || fixedType is not null,
            draft.Description,
            draft.DefaultJson,
            draft.ConstJson,
            draft.AllowedValuesJson,
            IsFixed: fixedType is not null);
    }

    private static TypeSpec? ConstantType(string json) => json[0] switch
    {
        '"' => new TypeSpec(TypeKind.String, false),
        't' or 'f' => new TypeSpec(TypeKind.Boolean, false),
        '-' or (>= '0' and <= '9') => new TypeSpec(json.IndexOfAny(['.', 'e', 'E']) < 0 ? TypeKind.Integer : TypeKind.Number, false),
        _ => null,
    };

    private UnionSpec BuildUnion(TypeDefinition union, Names names)
    {
        var cases = new List<UnionCaseSpec>(union.Cases.Count);
        for (var i = 0; i < union.Cases.Count; i++)
        {
            var @case = union.Cases[i];
            var caseName = names.CaseNames![i];
            if (@case.Record is { } record)
            {
                var spec = BuildRecord(record.Properties, record.AdditionalProperties, caseName, RecordKind.UnionCase, record.SchemaPath, record.Description, names.Uses, record.ToolName, parameters: false);
                var required = record.Properties.Where(p => p.IsRequired).Select(p => p.WireName).ToEquatableArray();
                var constants = spec.Properties.Where(p => p.IsFixed).Select(p => (p.WireName, p.ConstJson!)).ToEquatableArray();
                cases.Add(new UnionCaseSpec(caseName, spec, null, required, constants));
            }
            else
            {
                cases.Add(new UnionCaseSpec(caseName, null, Spec(@case.Value!), EquatableArray<string>.Empty, EquatableArray<(string, string)>.Empty));
            }
        }

        return new UnionSpec(names.Name, union.SchemaPath, union.Description, cases.ToEquatableArray(), names.Unknown!, names.Uses);
    }

    private ScalarUnionSpec BuildScalarUnion(TypeDefinition union, Names names)
    {
        var members = new NameAllocator();
        members.Reserve(names.Name, "the struct itself");
        ReservedNames.ReserveObjectMembers(members);
        members.Reserve("WriteTo", "the generated WriteTo method");
        members.Reserve("Read", "the generated Read method");
        var cases = union.ScalarCases
            .Select(type => new ScalarCaseSpec(members.Allocate(ScalarCaseName(type.Kind), "a case", out _), Spec(type)))
            .ToEquatableArray();
        return new ScalarUnionSpec(names.Name, union.SchemaPath, union.Description, cases, names.Uses);
    }

    private static string ScalarCaseName(TypeKind kind) => kind switch
    {
        TypeKind.Integer => "Integer",
        TypeKind.Number => "Number",
        TypeKind.Boolean => "Boolean",
        _ => "String",
    };

    private EnumSpec BuildEnum(TypeDefinition definition, Names names)
    {
        var members = new NameAllocator();
        members.Reserve(names.Name, "the enum itself");
        ReservedNames.ReserveObjectMembers(members);
        foreach (var member in s_enumMembers)
        {
            members.Reserve(member, "a member every C# enum has");
        }

        var memberNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in definition.EnumValues.OrderBy(value => value.Value, StringComparer.Ordinal))
        {
            var candidate = Identifiers.ToEnumMember(value.Value);
            var memberName = members.Allocate(candidate.Name, $"enum value \"{value.Value}\"", out var takenBy);
            _diagnostics.ReportRename(
                _diagnostics.At(value),
                $"enum value \"{value.Value}\" at {ToolMappingContext.Describe(definition.ToolName, definition.SchemaPath)}",
                memberName,
                candidate.Name,
                takenBy,
                candidate.ChangeReason);
            memberNames[value.Value] = memberName;
        }

        return new EnumSpec(
            names.Name,
            names.Helper!,
            definition.SchemaPath,
            definition.Description,
            definition.EnumValues.Select(value => new EnumMemberSpec(memberNames[value.Value], value.Value)).ToEquatableArray());
    }

    /// <summary>What a definition is called, and how it is used.</summary>
    private sealed class Names(string name)
    {
        public string Name { get; } = name;

        public string? Helper { get; set; }

        public List<string>? CaseNames { get; set; }

        public string? Unknown { get; set; }

        public TypeUses Uses { get; set; }
    }
}
