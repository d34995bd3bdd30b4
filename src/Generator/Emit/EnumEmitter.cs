using McpFleet.Generator.Model;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes a generated enum and its wire-value helper. Members are idiomatic C# names; the helper maps them to the
/// exact strings of the schema, which often are not valid or idiomatic C# (<c>New York</c>, <c>resourceLink</c>). The
/// members are numbered in the order of the helper's strings, so the mapping is a table lookup rather than two
/// <c>switch</c> expressions per enum, which cost a fleet's build far more to compile.
/// </summary>
internal static class EnumEmitter
{
    public static void Write(SourceWriter writer, EnumSpec spec, ToolSpec tool, string serverName, string ns)
    {
        var type = TypeSyntax.Generated(ns, spec.Name);
        var summary = spec.Description is { } description && DocText.Text(description) is { Length: > 0 } text
            ? text
            : $"The values of {DocText.Code(spec.SchemaPath)} of tool {DocText.Code(tool.WireName)} on server {DocText.Code(serverName)}.";
        DocWriter.Summary(writer, summary);
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"public enum {spec.Name}");
        writer.OpenBlock();
        foreach (var member in spec.Members)
        {
            DocWriter.Summary(writer, $"The wire value {DocText.Code(member.WireValue)}.");
            writer.WriteLine(member.Name + ",");
        }

        writer.CloseBlock();
        writer.WriteLine();

        DocWriter.Summary(writer, $"Converts <see cref=\"{type}\"/> to and from the strings the tool uses.");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"internal static class {spec.HelperName}");
        writer.OpenBlock();
        writer.WriteLine($"private static readonly string[] s_values = [{string.Join(", ", spec.Members.Select(m => CSharpLiteral.String(m.WireValue)))}];");
        writer.WriteLine();
        DocWriter.Summary(writer, "The string that stands for the value on the wire; <paramref name=\"name\"/> names the argument when the value is not a member.");
        writer.WriteLine($"public static string ToWireValue(this {type} value, string name = \"value\") => {KnownTypes.EnumWireValues}.ToWireValue(s_values, (int)value, name);");
        writer.WriteLine();
        DocWriter.Summary(writer, "The value for a string from the wire, or <see langword=\"null\"/> when the schema does not allow the string.");
        writer.WriteLine($"public static {type}? FromWireValue(string value) => {KnownTypes.EnumWireValues}.FromWireValue(s_values, value) is var member and >= 0 ? ({type})member : null;");
        writer.CloseBlock();
    }
}
