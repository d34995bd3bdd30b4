using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes the fleet class's model-facing names of all tools, as a part of the partial fleet class of its own: the
/// table changes whenever a tool is added, and the fleet file should not.
/// </summary>
internal static class ModelNamesEmitter
{
    public static string Emit(ModelNameTable table)
    {
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer);
        writer.WriteLine($"namespace {table.FleetNamespace}");
        writer.OpenBlock();
        writer.WriteLine($"partial class {table.FleetTypeName}");
        writer.OpenBlock();
        DocWriter.Summary(writer, $"Every tool's model-facing name (server, {DocText.Code(table.Separator)}, tool), for <see cref=\"Manifest\"/>.");

        // A method, not a static property: the manifest's initializer in the other part of the class may run first.
        var signature = $"private static {KnownTypes.IReadOnlyList}<{KnownTypes.ModelToolName}> CreateModelToolNames() =>";
        if (table.Names.Count == 0)
        {
            writer.WriteLine(signature + " [];");
        }
        else
        {
            writer.WriteLine(signature);
            writer.WriteLine("[");
            writer.Indent();
            foreach (var name in table.Names)
            {
                writer.WriteLine($"new({CSharpLiteral.String(name.Name)}, {TypeSyntax.Generated(name.ServerNamespace, name.ServerClassName)}.Tools.{name.ToolIdentifier}),");
            }

            writer.Unindent();
            writer.WriteLine("];");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
