using System.Xml.Linq;
using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Every tool method's documentation is written once: the method taking the arguments record inherits it from the one
/// taking them as parameters, and loses nothing that IntelliSense shows.
/// </summary>
public sealed class DocumentationTests
{
    private static readonly string[] s_inheritedParts = ["summary", "remarks", "returns", "exception"];

    [Fact]
    public void Each_record_overload_inherits_every_part_of_its_documented_overload()
    {
        var output = GeneratorHarness.Run(CommittedSnapshots.AllInputs(), GeneratorHarness.Properties(("McpFleetToolRules", "echo=newest-version="))).AssertNoException();
        var compilation = CSharpCompilation.Create(
            "Docs",
            output.Sources.Values.Select(text => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions)),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var recordOverloads = compilation.GetSymbolsWithName(name => name.EndsWith("Async", StringComparison.Ordinal), SymbolFilter.Member)
            .OfType<IMethodSymbol>()
            .Where(method => method.DeclaredAccessibility == Accessibility.Public && !method.Name.EndsWith("FanOutAsync", StringComparison.Ordinal))
            .Where(method => method.Parameters.FirstOrDefault() is { Name: "arguments" } arguments && arguments.Type.AllInterfaces.Any(i => i.Name == "IToolArguments"))
            .ToList();
        var descriptors = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member)
            .OfType<IFieldSymbol>()
            .Count(field => field.Type.Name is "ToolDescriptor" or "ToolGroupDescriptor");

        // One per tool of each server, and one per unified tool of the fleet.
        Assert.Equal(descriptors, recordOverloads.Count);
        foreach (var method in recordOverloads)
        {
            Assert.NotNull(Docs(method).Element("inheritdoc"));
        }

        foreach (var method in recordOverloads)
        {
            var docs = Docs(method);
            Assert.Equal(["arguments", "progress", "cancellationToken"], method.Parameters.Select(p => p.Name));
            var target = DocumentationCommentId.GetFirstSymbolForDeclarationId(docs.Element("inheritdoc")!.Attribute("cref")!.Value, compilation) as IMethodSymbol;
            Assert.NotNull(target);
            Assert.Equal(method.ContainingType, target.ContainingType, SymbolEqualityComparer.Default);
            Assert.Equal(method.Name, target.Name);
            Assert.NotEqual(method, target, SymbolEqualityComparer.Default);

            // The documented overload has all of it; the record overload adds only its own parameters.
            var inherited = Docs(target);
            Assert.Null(inherited.Element("inheritdoc"));
            Assert.All(s_inheritedParts, part => Assert.NotNull(inherited.Element(part)));
            Assert.Equal(target.Parameters.Select(p => p.Name), inherited.Elements("param").Select(p => (string)p.Attribute("name")!));
            Assert.Equal(["arguments", "progress", "cancellationToken"], docs.Elements("param").Select(p => (string)p.Attribute("name")!));
            Assert.All(["progress", "cancellationToken"], name => Assert.Equal(
                inherited.Elements("param").Single(p => (string)p.Attribute("name")! == name).Value,
                docs.Elements("param").Single(p => (string)p.Attribute("name")! == name).Value));
        }
    }

    private static XElement Docs(ISymbol symbol) => XElement.Parse(symbol.GetDocumentationCommentXml() is { Length: > 0 } xml ? xml : "<member/>");
}
