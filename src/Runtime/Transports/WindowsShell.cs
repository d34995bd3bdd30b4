using System.Text.RegularExpressions;

namespace McpFleet.Transports;

/// <summary>Quoting for arguments passed through <c>cmd.exe /c</c>, as the SDK's stdio transport does it.</summary>
internal static partial class WindowsShell
{
    /// <summary>Escapes the shell's special characters with <c>^</c> in an argument without white space (one with white
    /// space is quoted by the process start, which protects them already).</summary>
    public static string Escape(string argument) =>
        WhiteSpace().IsMatch(argument) ? argument : SpecialCharacters().Replace(argument, static match => "^" + match.Value);

    [GeneratedRegex(@"\s", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("[&^><|]", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialCharacters();
}
