using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Parsing;

/// <summary>Turns a server's checked tool definitions into tool specs with collision-free C# names.</summary>
internal static class ToolSpecBuilder
{
    private static readonly string[] s_generatedMembers = ["AdditionalProperties", "FromCallToolResult", "RawResult", "Read", "Value", "WriteTo"];

    /// <param name="tools">The tools, unique by name, in ordinal order of their names.</param>
    /// <param name="serverName">The server's name, for messages.</param>
    /// <param name="className">The server class's name, which the server's other types must not take.</param>
    /// <param name="diagnostics">The snapshot's diagnostics.</param>
    /// <param name="snapshotText">The snapshot's text, which the tools' schemas are spans of.</param>
    public static EquatableArray<ToolSpec> Build(
        IReadOnlyList<ToolDefinition> tools, string serverName, string className, SnapshotDiagnostics diagnostics, string snapshotText)
    {
        var toolNames = new NameAllocator();

        // Tools.{Identifier} is a field of the nested class Tools, so the identifier must not clash with its members.
        toolNames.Reserve("Tools", "the generated class Tools");
        ReservedNames.ReserveObjectMembers(toolNames);
        var typeNames = new NameAllocator();
        typeNames.Reserve(className, "the server's class");

        // A record named like a member every record has would declare that member twice (CS0542): "$defs": { "Equals": … }.
        ReservedNames.ReserveRecordMembers(typeNames);

        // Nor like a member the generator gives its types: a type named WriteTo would declare WriteTo in itself (CS0542).
        foreach (var member in s_generatedMembers)
        {
            typeNames.Reserve(member, $"the generated {member} member");
        }

        // Every tool claims its own Arguments and Result names before any nested type is named, so that those main
        // types get the plain names.
        var claimed = tools.Select(tool => Claim(tool, toolNames, typeNames, diagnostics)).ToList();

        // All tools are mapped before any nested type is named: structurally equal types of different tools are one.
        var mapper = new SchemaMapper(new ShapeTable());
        var mapped = claimed.Select(tool => Map(tool, serverName, mapper, diagnostics)).ToList();
        var namer = new TypeNamer(typeNames, diagnostics);
        foreach (var tool in mapped)
        {
            namer.VisitProperties(tool.Arguments.Properties, tool.Arguments.Additional, TypeUses.Write, tool.Claimed.Identifier, tool.FirstUses);
            if (tool.Result is { } result)
            {
                namer.VisitProperties(result.Properties, result.Additional, TypeUses.Read, tool.Claimed.ResultName!, tool.FirstUses);
            }
        }

        return mapped.Select(tool => Build(tool, namer, snapshotText)).ToEquatableArray();
    }

    private static MappedTool Map(ClaimedTool claimed, string serverName, SchemaMapper mapper, SnapshotDiagnostics diagnostics)
    {
        var tool = claimed.Definition;
        var context = new ToolMappingContext(serverName, tool.WireName, diagnostics);
        var arguments = mapper.MapRoot(new SchemaScope(tool.InputSchema, "inputSchema", context), "parameters for 'properties' only");
        RootDraft? result = null;
        var resultProblem = claimed.ResultProblem;
        if (claimed.ResultName is not null)
        {
            var (properties, additional) = mapper.MapRoot(new SchemaScope(tool.OutputSchema!, "outputSchema", context), "JsonToolResult");
            if (properties.Count > 0)
            {
                result = new RootDraft(properties, additional);
            }
            else
            {
                resultProblem = ("is not an object with declared properties", tool.OutputSchema!);
            }
        }

        if (resultProblem is { } problem)
        {
            context.NotRepresentable(problem.At, "outputSchema", problem.Reason, "JsonToolResult");
        }

        return new MappedTool(claimed, new RootDraft(arguments.Properties, arguments.AdditionalProperties), result, []);
    }

    private static ToolSpec Build(MappedTool mapped, TypeNamer namer, string snapshotText)
    {
        var claimed = mapped.Claimed;
        var tool = claimed.Definition;
        var arguments = namer.BuildRecord(
            mapped.Arguments.Properties, mapped.Arguments.Additional, claimed.ArgumentsName, RecordKind.Arguments, "inputSchema", null, TypeUses.Write, tool.WireName, parameters: true);
        var result = mapped.Result is { } root
            ? namer.BuildRecord(root.Properties, root.Additional, claimed.ResultName!, RecordKind.Result, "outputSchema", null, TypeUses.Read, tool.WireName, parameters: false)
            : null;
        var types = namer.Build(mapped.FirstUses);
        return new ToolSpec(
            tool.WireName,
            claimed.Identifier,
            tool.Title,
            tool.Description,
            tool.Hints,
            arguments,
            result is not null ? ToolResultKind.Typed : tool.OutputSchema is null ? ToolResultKind.Text : ToolResultKind.Json,
            result,
            types.Records,
            types.Enums,
            claimed.Location,
            TextOf(tool.InputSchema, snapshotText),
            tool.OutputSchema is null ? null : TextOf(tool.OutputSchema, snapshotText),
            types.Unions,
            types.Scalars);
    }

    private static ClaimedTool Claim(ToolDefinition tool, NameAllocator toolNames, NameAllocator typeNames, SnapshotDiagnostics diagnostics)
    {
        var candidate = Identifiers.ToPascal(tool.WireName, "Tool");
        var identifier = toolNames.Allocate(candidate.Name, $"tool '{tool.WireName}'", out var takenBy);
        diagnostics.ReportRename(
            diagnostics.At(tool.NameNode), $"tool '{tool.WireName}'", identifier + "Async", candidate.Name + "Async", takenBy, candidate.ChangeReason);

        var argumentsName = ClaimType(identifier + "Arguments", tool, "inputSchema", typeNames, diagnostics);
        var resultProblem = tool.OutputSchema is null ? null : OutputSchemaShape.WhyNotTyped(tool.OutputSchema);
        var resultName = tool.OutputSchema is not null && resultProblem is null
            ? ClaimType(identifier + "Result", tool, "outputSchema", typeNames, diagnostics)
            : null;
        return new ClaimedTool(tool, identifier, argumentsName, resultName, resultProblem, diagnostics.At(tool.NameNode));
    }

    private static string ClaimType(string candidate, ToolDefinition tool, string path, NameAllocator typeNames, SnapshotDiagnostics diagnostics)
    {
        var subject = $"the type for '{path}' of tool '{tool.WireName}'";
        var name = typeNames.Allocate(candidate, subject, out var takenBy);
        diagnostics.ReportRename(diagnostics.At(tool.NameNode), subject, name, candidate, takenBy, null);
        return name;
    }

    private sealed record ClaimedTool(
        ToolDefinition Definition, string Identifier, string ArgumentsName, string? ResultName, (string Reason, JsonNode At)? ResultProblem, SourceLocation Location);

    /// <summary>A root object schema's properties and the type of its extra properties.</summary>
    private sealed record RootDraft(List<PropertyDraft> Properties, TypeDraft? Additional);

    /// <summary>A tool whose schemas are mapped; <see cref="FirstUses"/> fills as its types are named.</summary>
    private sealed record MappedTool(ClaimedTool Claimed, RootDraft Arguments, RootDraft? Result, List<TypeDefinition> FirstUses);

    /// <summary>A value's JSON exactly as the snapshot writes it.</summary>
    private static string TextOf(JsonNode node, string snapshotText) => snapshotText.Substring(node.Span.Start, node.Span.Length);
}
