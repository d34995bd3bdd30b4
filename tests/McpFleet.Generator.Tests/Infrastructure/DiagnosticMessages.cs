using System.Globalization;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>Diagnostic messages as users read them, whatever the machine's culture.</summary>
internal static class DiagnosticMessages
{
    public static string Message(this Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);
}
