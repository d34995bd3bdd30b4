using McpFleet.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes one server's file: the proxy class with a method per tool, and the tool's argument, result and enum types
/// in the server's namespace.
/// </summary>
internal static class ServerEmitter
{
    public static SourceText Emit(ServerModel model)
    {
        var server = model.Server;
        var ns = model.Placement.Namespace;
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer);
        writer.WriteLine($"namespace {ns}");
        writer.OpenBlock();
        WriteServerClass(writer, server, ns);
        foreach (var tool in server.Tools)
        {
            writer.WriteLine();
            RecordEmitter.Write(writer, tool.Arguments, tool, server.Name, ns);
            if (tool.Result is { } result)
            {
                writer.WriteLine();
                RecordEmitter.Write(writer, result, tool, server.Name, ns);
            }

            foreach (var record in tool.NestedRecords)
            {
                writer.WriteLine();
                RecordEmitter.Write(writer, record, tool, server.Name, ns);
            }

            foreach (var union in tool.Unions)
            {
                writer.WriteLine();
                UnionEmitter.Write(writer, union, tool, server.Name, ns);
            }

            foreach (var union in tool.ScalarUnions)
            {
                writer.WriteLine();
                ScalarUnionEmitter.Write(writer, union, tool, server.Name, ns);
            }

            foreach (var spec in tool.Enums)
            {
                writer.WriteLine();
                EnumEmitter.Write(writer, spec, tool, server.Name, ns);
            }
        }

        writer.CloseBlock();
        return writer.ToSourceText();
    }

    private static void WriteServerClass(SourceWriter writer, ServerSpec server, string ns)
    {
        var implementation = server.Implementation is { } text ? $" ({DocText.Inline(text)})" : "";
        DocWriter.Summary(writer, $"Typed proxy for the MCP server {DocText.Code(server.Name)}{implementation}.");
        DocWriter.Remarks(writer, $"Each method calls one of the server's tools through the fleet's runtime (<see cref=\"{KnownTypes.IFleetRuntime}\"/>).");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"public sealed partial class {server.ClassName}");
        writer.OpenBlock();

        DocWriter.Summary(writer, "The fleet's name for the server, as in <c>mcp.json</c>.");
        writer.WriteLine($"public const string Name = {CSharpLiteral.String(server.Name)};");
        writer.WriteLine();
        writer.WriteLine($"private readonly {KnownTypes.IFleetRuntime} _runtime;");
        writer.WriteLine();
        DocWriter.Summary(writer, "Creates the proxy over the runtime that calls the tools.");
        DocWriter.Param(writer, "runtime", "The fleet's runtime.");
        DocWriter.Exception(writer, KnownTypes.ArgumentNullException, "<paramref name=\"runtime\"/> is <see langword=\"null\"/>.");
        writer.WriteLine($"public {server.ClassName}({KnownTypes.IFleetRuntime} runtime) => _runtime = runtime ?? throw new {KnownTypes.ArgumentNullException}(nameof(runtime));");
        writer.WriteLine();
        WriteDescriptor(writer, server, ns);
        writer.WriteLine();
        WriteToolsClass(writer, server, ns);
        foreach (var tool in server.Tools)
        {
            writer.WriteLine();
            WriteMethods(writer, tool, server.Name, ns);
        }

        writer.CloseBlock();
    }

    private static void WriteDescriptor(SourceWriter writer, ServerSpec server, string ns)
    {
        var protocolVersion = server.ProtocolVersion is { } version ? CSharpLiteral.String(version) : "null";
        DocWriter.Summary(writer, "The server and its tools as captured, with the protocol revision the runtime pins and the snapshot's tool definitions it checks for drift.");
        writer.WriteLine($"public static {KnownTypes.ServerDescriptor} Descriptor {{ get; }} = new(");
        writer.Indent();
        writer.WriteLine("Name,");
        writer.WriteLine(protocolVersion + ",");
        // Named arguments after the tools, each line but the last ending in a comma.
        var trailing = new List<string>();

        // The definitions stay in the embedded snapshot, read when the server joins the fleet: as string literals they
        // would cost compile time and, in a large fleet, overflow the 16 MB string heap (CS8103).
        if (server.SnapshotResource is { } resource)
        {
            trailing.Add($"SnapshotTools: {KnownTypes.SnapshotTools}.FromResource(typeof({TypeSyntax.Generated(ns, server.ClassName)}).Assembly, {CSharpLiteral.String(resource)})");
        }

        if (server.ToolsCanChange)
        {
            trailing.Add("ToolsCanChange: true");
        }

        var end = trailing.Count == 0 ? ");" : ",";
        if (server.Tools.Count == 0)
        {
            writer.WriteLine("[]" + end);
        }
        else
        {
            writer.WriteLine("[");
            writer.Indent();
            foreach (var tool in server.Tools)
            {
                writer.WriteLine($"Tools.{tool.Identifier},");
            }

            writer.Unindent();
            writer.WriteLine("]" + end);
        }

        for (var i = 0; i < trailing.Count; i++)
        {
            writer.WriteLine(trailing[i] + (i == trailing.Count - 1 ? ");" : ","));
        }

        writer.Unindent();
    }

    private static void WriteToolsClass(SourceWriter writer, ServerSpec server, string ns)
    {
        DocWriter.Summary(writer, $"The tools of server {DocText.Code(server.Name)}, as captured.");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine("public static class Tools");
        writer.OpenBlock();
        var serverName = $"{TypeSyntax.Generated(ns, server.ClassName)}.Name";
        for (var i = 0; i < server.Tools.Count; i++)
        {
            var tool = server.Tools[i];
            if (i > 0)
            {
                writer.WriteLine();
            }

            DocWriter.Summary(writer, $"Tool {DocText.Code(tool.WireName)}.");

            // The server's name is qualified: a tool called "name" has a field Name here.
            writer.WriteLine($"public static readonly {KnownTypes.ToolDescriptor} {tool.Identifier} = new({serverName}, {CSharpLiteral.String(tool.WireName)}, {Hints(tool.Hints)});");
        }

        writer.CloseBlock();
    }

    /// <summary>The hints as declared, as named arguments: the runtime tells declared from defaulted.</summary>
    private static string Hints(ToolHintsSpec hints)
    {
        var arguments = new List<string>(4);
        Add(arguments, "ReadOnly", hints.ReadOnly);
        Add(arguments, "Destructive", hints.Destructive);
        Add(arguments, "Idempotent", hints.Idempotent);
        Add(arguments, "OpenWorld", hints.OpenWorld);
        return arguments.Count == 0 ? $"{KnownTypes.ToolHints}.None" : $"new {KnownTypes.ToolHints}({string.Join(", ", arguments)})";

        static void Add(List<string> arguments, string name, bool? value)
        {
            if (value is { } declared)
            {
                arguments.Add($"{name}: {(declared ? "true" : "false")}");
            }
        }
    }

    private static void WriteMethods(SourceWriter writer, ToolSpec tool, string serverName, string ns) =>
        ToolMethodEmitter.Write(
            writer,
            tool.MethodName,
            tool.Arguments,
            ns,
            ToolMethodEmitter.ResultType(tool.ResultKind, tool.Result?.Name, ns),
            "_runtime.CallToolAsync",
            $"Tools.{tool.Identifier}",
            writeParameters => WriteMethodDocs(writer, tool, serverName, writeParameters));

    private static void WriteMethodDocs(SourceWriter writer, ToolSpec tool, string serverName, Action writeParameters)
    {
        DocWriter.Summary(writer, ToolDocs.Summary(tool));
        DocWriter.Remarks(writer, ToolDocs.Remarks(tool, serverName));
        writeParameters();
        DocWriter.Param(writer, "progress", ToolDocs.Progress);
        DocWriter.Param(writer, "cancellationToken", ToolDocs.CancellationToken);
        DocWriter.Returns(writer, ToolDocs.Returns(tool));
        ToolDocs.WriteExceptions(writer, tool);
    }
}
