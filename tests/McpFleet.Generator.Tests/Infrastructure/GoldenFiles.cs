using McpFleet.Testing;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated files with the golden files committed under <c>Golden/&lt;case&gt;/</c>, or rewrites those
/// files when <c>MCPFLEET_UPDATE_GOLDEN=1</c> is set (see this project's README).
/// </summary>
internal static class GoldenFiles
{
    public const string UpdateVariable = "MCPFLEET_UPDATE_GOLDEN";

    private const string HowToUpdate =
        "If the change is intended, run 'MCPFLEET_UPDATE_GOLDEN=1 dotnet test tests/McpFleet.Generator.Tests' and review the diff of tests/McpFleet.Generator.Tests/Golden.";

    public static string Root { get; } = Path.Join(RepositoryPaths.Root, "tests", "McpFleet.Generator.Tests", "Golden");

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Checks that the case's golden folder holds exactly <paramref name="files"/> (name → text).</summary>
    public static void Verify(string caseName, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Join(Root, caseName);
        if (Updating)
        {
            Rewrite(folder, files);
            return;
        }

        var expectedNames = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList()
            : [];
        var actualNames = files.Keys.Order(StringComparer.Ordinal).ToList();
        if (!expectedNames.SequenceEqual(actualNames))
        {
            throw new Xunit.Sdk.XunitException(
                $"Case '{caseName}' generated [{string.Join(", ", actualNames)}] but the golden files are [{string.Join(", ", expectedNames)}].\n{HowToUpdate}");
        }

        foreach (var name in actualNames)
        {
            var expected = File.ReadAllText(Path.Join(folder, name));
            if (FirstDifference(expected, files[name]) is { } difference)
            {
                throw new Xunit.Sdk.XunitException($"Golden/{caseName}/{name} differs from the generated file {difference}\n{HowToUpdate}");
            }
        }
    }

    /// <summary>Describes the first differing line, or <see langword="null"/> when the texts are equal.</summary>
    private static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; ; i++)
        {
            var expectedLine = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var actualLine = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (expectedLine != actualLine)
            {
                return $"at line {i + 1}:\n  golden:    {Visible(expectedLine)}\n  generated: {Visible(actualLine)}";
            }
        }
    }

    /// <summary>Shows invisible differences such as a carriage return.</summary>
    private static string Visible(string line) => line.Replace("\r", "\\r", StringComparison.Ordinal);

    private static void Rewrite(string folder, IReadOnlyDictionary<string, string> files)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Join(folder, name), text);
        }
    }
}
