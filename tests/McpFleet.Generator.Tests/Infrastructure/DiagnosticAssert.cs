using System.Globalization;
using Microsoft.CodeAnalysis;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>Asserts on a diagnostic's ID, severity, message and location (one-based line and column, as shown to users).</summary>
internal static class DiagnosticAssert
{
    public static void Is(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string message, string? path = null, int line = 0, int column = 0)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        if (path is null)
        {
            Assert.Equal(Location.None, diagnostic.Location);
            return;
        }

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    /// <summary>The single diagnostic with <paramref name="id"/>.</summary>
    public static Diagnostic Single(GeneratorOutput output, string id)
    {
        var matches = output.WithId(id);
        Assert.True(matches.Count == 1, $"Expected one {id}, got: {string.Join("\n", output.Diagnostics)}");
        return matches[0];
    }
}
