using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Generator.Parsing;

/// <summary>Builds the readable JSON paths that messages use, e.g. <c>tools[3].inputSchema.properties["get-item"]</c>.</summary>
internal static class JsonPaths
{
    public static string Member(string path, string name)
    {
        var simple = SyntaxFacts.IsValidIdentifier(name) || (name.Length > 1 && name[0] == '$' && SyntaxFacts.IsValidIdentifier(name.Substring(1)));
        var segment = simple ? name : "[\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"]";
        return path.Length == 0 ? segment : simple ? path + "." + segment : path + segment;
    }

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
