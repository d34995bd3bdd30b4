using System.Text.RegularExpressions;
using McpFleet.Generator.Tests.Infrastructure;
using McpFleet.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Every C# block of README.md and docs/*.md compiles, against the runtime and the code the generator writes for the
/// snapshots it uses, so a document cannot drift from the API. Each block says how it is checked in an HTML comment on
/// the line before it: <c>&lt;!-- snippet: program --&gt;</c> (a whole program), <c>&lt;!-- snippet: SET --&gt;</c>
/// (statements, with a fleet generated from a snapshot set below and the usual variables in scope),
/// <c>&lt;!-- snippet: declaration --&gt;</c> (type declarations), or <c>&lt;!-- snippet: excerpt --&gt;</c> /
/// <c>&lt;!-- snippet: illustration --&gt;</c> (generated code quoted in part, or servers that exist only in the
/// example), which are not compiled. A block without a comment fails the test.
/// </summary>
public sealed partial class DocSnippetTests
{
    private static readonly string[] s_documents =
        [Path.Join(RepositoryPaths.Root, "README.md"), .. Directory.GetFiles(Path.Join(RepositoryPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal)];

    /// <summary>The snapshots each kind of block is compiled with, and the policy that comes with them.</summary>
    private static readonly Dictionary<string, (string[] Snapshots, string? Policy)> s_snapshotSets = new(StringComparer.Ordinal)
    {
        ["quickstart"] = ([Committed("everything"), Committed("filesystem")], null),
        ["sample"] = ([Committed("sample")], null),
        ["replicas"] = (
            [.. Directory.GetFiles(Path.Join(RepositoryPaths.Root, "samples", "ReplicaFleet", "snapshots"), "*.snapshot.json").Order(StringComparer.Ordinal)],
            Path.Join(RepositoryPaths.Root, "samples", "ReplicaFleet", "mcpfleet.json")),
    };

    private static readonly string[] s_usings =
    [
        "System.Text.Json", "McpFleet", "McpFleet.AI", "McpFleet.Aggregation", "McpFleet.Caching", "McpFleet.ClientFeatures", "McpFleet.Configuration",
        "McpFleet.Discovery", "McpFleet.Drift", "McpFleet.Resilience", "McpFleet.Routing", "McpFleet.Tools", "Microsoft.Extensions.AI",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging", "ModelContextProtocol.Protocol",
    ];

    public static IEnumerable<object[]> Snippets => ReadSnippets().Select(snippet => new object[] { snippet });

    [Fact]
    public void Every_csharp_block_says_how_it_is_checked_and_most_are_compiled()
    {
        var snippets = ReadSnippets();

        Assert.All(snippets, snippet => Assert.True(snippet.Kind is not null, $"{snippet}: add <!-- snippet: KIND --> on the line before the block."));
        Assert.True(snippets.Count(snippet => IsCompiled(snippet.Kind!)) > snippets.Count / 2, "most blocks should be compiled");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void The_block_compiles(Snippet snippet)
    {
        if (snippet.Kind is null || !IsCompiled(snippet.Kind))
        {
            return;
        }

        var (usings, body) = SplitUsings(snippet.Code);
        string source;
        string set;
        switch (snippet.Kind)
        {
            case "program":
                set = "quickstart";
                source = snippet.Code;
                break;
            case "declaration":
                set = "sample";
                source = $"{string.Join("\n", s_usings.Select(name => $"using {name};"))}\n{usings}\nnamespace Docs.Declarations;\n{body}";
                break;
            default:
                set = snippet.Kind;
                source = $$"""
                    {{string.Join("\n", s_usings.Select(name => $"using {name};"))}}
                    {{usings}}

                    namespace MyApp;

                    internal static class Snippet
                    {
                        public static async Task RunAsync({{string.Join(", ", s_variables.Where(variable => !Declares(body, variable.Name)).Select(variable => $"{variable.Type} {variable.Name}"))}})
                        {
                    {{body}}
                            await Task.CompletedTask;
                        }
                    }
                    """;
                break;
        }

        var (snapshots, policy) = s_snapshotSets[set];
        var inputs = snapshots.Select(path => new SnapshotInput(path, File.ReadAllText(path))).ToList();
        if (policy is not null)
        {
            inputs.Add(SnapshotInput.Policy(File.ReadAllText(policy)));
        }

        var generated = GeneratorHarness.Run(inputs);
        var compilation = CSharpCompilation.Create(
            "DocSnippet",
            [
                .. generated.Sources.Values.Select(text => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions)),
                CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorHarness.ParseOptions),
                // Documentation comments are a library's concern, not an example's.
                CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Parse), path: snippet.ToString()),
            ],
            TestReferences.All,
            new CSharpCompilationOptions(
                snippet.Kind == "program" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

        var problems = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, $"{snippet}:\n{string.Join("\n", problems)}\n---\n{source}");
    }

    /// <summary>What a consumer's project with implicit usings has in scope everywhere.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The variables a block of statements may use without declaring them.</summary>
    private static readonly (string Type, string Name)[] s_variables =
    [
        ("Fleet", "fleet"), ("FleetRuntime", "runtime"), ("FleetOptions", "options"), ("ILoggerFactory", "loggerFactory"),
        ("IHostApplicationBuilder", "builder"), ("string", "token"), ("Func<string?>", "currentTenant"), ("CancellationToken", "cancellationToken"),
        ("IChatClient", "chatClient"), ("ElicitationHandler", "askUser"),
    ];

    /// <summary>Whether the block declares <paramref name="name"/> itself, so it is not given as a variable.</summary>
    private static bool Declares(string body, string name) => Regex.IsMatch(body, $@"\bvar {name}\b");

    private static bool IsCompiled(string kind) => kind is not ("excerpt" or "illustration" or "needs-package");

    private static string Committed(string name) => CommittedSnapshots.PathOf(name);

    /// <summary>The block's leading <c>using</c> lines (but those every block has), which go to the top of the file, and the rest.</summary>
    private static (string Usings, string Body) SplitUsings(string code)
    {
        var lines = code.Split('\n');
        var count = lines.TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal) || line.Trim().Length == 0).Count();
        var usings = lines[..count].Where(line => !s_usings.Any(name => line.StartsWith($"using {name};", StringComparison.Ordinal)));
        return (string.Join("\n", usings), string.Join("\n", lines[count..]));
    }

    private static List<Snippet> ReadSnippets() =>
    [
        .. s_documents.SelectMany(document =>
        {
            var text = File.ReadAllText(document).ReplaceLineEndings("\n");
            return CSharpBlock().Matches(text).Select(match => new Snippet(
                Path.GetRelativePath(RepositoryPaths.Root, document).Replace('\\', '/'),
                text[..match.Index].Count(c => c == '\n') + 1,
                match.Groups["kind"].Success ? match.Groups["kind"].Value : null,
                match.Groups["code"].Value));
        }),
    ];

    [GeneratedRegex(@"(?:<!-- snippet: (?<kind>[\w-]+)[^>]*-->\n)?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>One C# block: where it is, how it is checked, and its code.</summary>
    public sealed record Snippet(string Document, int Line, string? Kind, string Code)
    {
        public override string ToString() => $"{Document}:{Line}";
    }
}
