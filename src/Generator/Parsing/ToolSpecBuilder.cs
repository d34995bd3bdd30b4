using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Parsing;

/// <summary>Turns a server's checked tool definitions into tool specs with collision-free C# names.</summary>
internal static class ToolSpecBuilder
{
    private static readonly string[] s_constrainingKeywords = ["$ref", "anyOf", "oneOf", "allOf", "not"];

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

        // Every tool claims its own Arguments and Result names before any nested type is named, so that those main
        // types get the plain names.
        var claimed = tools.Select(tool => Claim(tool, toolNames, typeNames, diagnostics)).ToList();
        return claimed.Select(tool => Map(tool, serverName, typeNames, diagnostics, snapshotText)).ToEquatableArray();
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
        return new ClaimedTool(tool, identifier, argumentsName, resultName, resultProblem);
    }

    private static string ClaimType(string candidate, ToolDefinition tool, string path, NameAllocator typeNames, SnapshotDiagnostics diagnostics)
    {
        var subject = $"the type for '{path}' of tool '{tool.WireName}'";
        var name = typeNames.Allocate(candidate, subject, out var takenBy);
        diagnostics.ReportRename(diagnostics.At(tool.NameNode), subject, name, candidate, takenBy, null);
        return name;
    }

    private static ToolSpec Map(ClaimedTool claimed, string serverName, NameAllocator typeNames, SnapshotDiagnostics diagnostics, string snapshotText)
    {
        var tool = claimed.Definition;
        var context = new ToolMappingContext(serverName, tool.WireName, typeNames, diagnostics);
        var mapper = new SchemaMapper(context);

        ReportIgnoredInputKeywords(tool.InputSchema, context);
        var arguments = new RecordSpec(
            claimed.ArgumentsName,
            RecordKind.Arguments,
            "inputSchema",
            null,
            mapper.MapProperties(tool.InputSchema, "inputSchema", claimed.ArgumentsName, RecordKind.Arguments, claimed.Identifier));

        RecordSpec? result = null;
        var resultKind = ToolResultKind.Text;
        if (claimed.ResultName is { } resultName)
        {
            resultKind = ToolResultKind.Typed;
            result = new RecordSpec(
                resultName,
                RecordKind.Result,
                "outputSchema",
                null,
                mapper.MapProperties(tool.OutputSchema!, "outputSchema", resultName, RecordKind.Result, resultName));
        }
        else if (claimed.ResultProblem is { } problem)
        {
            resultKind = ToolResultKind.Json;
            context.NotRepresentable(problem.At, "outputSchema", problem.Reason, "JsonToolResult");
        }

        return new ToolSpec(
            tool.WireName,
            claimed.Identifier,
            tool.Title,
            tool.Description,
            tool.Hints,
            arguments,
            resultKind,
            result,
            context.Records,
            context.Enums,
            diagnostics.At(tool.NameNode),
            TextOf(tool.InputSchema, snapshotText),
            tool.OutputSchema is null ? null : TextOf(tool.OutputSchema, snapshotText));
    }

    /// <summary>A value's JSON exactly as the snapshot writes it.</summary>
    private static string TextOf(JsonNode node, string snapshotText) => snapshotText.Substring(node.Span.Start, node.Span.Length);

    /// <summary>
    /// Reports input-schema keywords beside <c>properties</c> that constrain the arguments in ways the typed method
    /// cannot express: the method still passes its properties, but not, say, one branch of an <c>anyOf</c>.
    /// </summary>
    private static void ReportIgnoredInputKeywords(JsonObject inputSchema, ToolMappingContext context)
    {
        foreach (var keyword in s_constrainingKeywords)
        {
            if (inputSchema.GetProperty(keyword) is { } property)
            {
                context.NotRepresentable(
                    property.Value,
                    JsonPaths.Member("inputSchema", keyword),
                    $"constrains the arguments with '{keyword}', which a method signature cannot express",
                    "parameters for 'properties' only");
            }
        }
    }

    private sealed record ClaimedTool(ToolDefinition Definition, string Identifier, string ArgumentsName, string? ResultName, (string Reason, JsonNode At)? ResultProblem);
}
