using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using McpFleet.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFleet.Generator.Tests;

/// <summary>
/// Truncated and corrupted snapshots never make the generator throw: they yield diagnostics, the other snapshots still
/// generate, and whatever is generated is valid C#. Adversarial schemas (<see cref="AdversarialSchemas"/>) compile, or
/// an MCPF error says why not. Fixed seeds keep the inputs the same on every run.
/// </summary>
public sealed class FuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>How long the adversarial fuzzing runs, in seconds: a minute by default, longer for a soak.</summary>
    public const string DurationVariable = "MCPFLEET_FUZZ_SECONDS";

    private const int Seed = 20_250_601;
    private const int PrefixesPerSnapshot = 60;
    private const int MutationsPerSnapshot = 60;

    public static TheoryData<string> Snapshots { get; } = new(CommittedSnapshots.All.Select(snapshot => snapshot.Name));

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Every_truncation_is_reported_as_invalid_json(string snapshot)
    {
        var text = CommittedSnapshots.Input(snapshot).Text;
        var stride = Math.Max(1, text.Length / PrefixesPerSnapshot);
        var lengths = Enumerable.Range(0, 8).Concat(Enumerable.Range(0, PrefixesPerSnapshot).Select(i => i * stride)).Append(text.Length - 2).Distinct();

        foreach (var length in lengths)
        {
            var output = RunBrokenWithCompanion(text.Substring(0, length));

            Assert.True(output.WithId("MCPF0001").Count == 1, $"A prefix of {length} characters gave: {string.Join("; ", output.Diagnostics)}");
        }
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Random_corruption_gives_diagnostics_not_exceptions(string snapshot)
    {
        var bytes = Encoding.UTF8.GetBytes(CommittedSnapshots.Input(snapshot).Text);
        var random = new Random(Seed + snapshot.Length);

        for (var i = 0; i < MutationsPerSnapshot; i++)
        {
            var mutated = Encoding.UTF8.GetString(Mutate(bytes, random));
            var output = RunBrokenWithCompanion(mutated);

            if (!IsJson(mutated))
            {
                Assert.True(output.WithId("MCPF0001").Count == 1, $"Mutation {i} is not JSON but gave: {string.Join("; ", output.Diagnostics)}");
            }

            Assert.True(output.WithId("MCPF0008").Count == 0, $"Mutation {i} hit an internal error: {string.Join("; ", output.WithId("MCPF0008"))}");
        }
    }

    [Fact]
    public void Deeply_nested_schemas_generate_valid_code()
    {
        var schema = """{ "type": "string" }""";
        for (var i = 0; i < 25; i++)
        {
            schema = i % 2 == 0
                ? $$"""{ "type": "object", "properties": { "n": {{schema}} } }"""
                : $$"""{ "type": "array", "items": {{schema}} }""";
        }

        using var fleet = CompiledFleet.Generate(TestSnapshot.WithInput($$"""{ "deep": {{schema}} }"""));

        Assert.Empty(fleet.Output.Diagnostics);
    }

    [Fact]
    public void Adversarial_schemas_generate_code_that_compiles_or_an_error_that_says_why()
    {
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable(DurationVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 60);
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var snapshots = 0;

        // Batches of eight servers: one compilation checks them all. The seed of each snapshot is its number.
        for (var batch = 0; batch == 0 || clock.Elapsed < duration; batch++)
        {
            var inputs = Enumerable.Range(batch * 8, 8)
                .Select(n => TestSnapshot.WithTools(new AdversarialSchemas(Seed + n).Tools(), server: "s" + n.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            var generation = Stopwatch.StartNew();
            var generated = GeneratorHarness.Run(inputs).AssertNoException();
            generation.Stop();
            slowest = generation.Elapsed > slowest ? generation.Elapsed : slowest;
            snapshots += inputs.Count;
            Assert.True(generation.Elapsed < TimeSpan.FromSeconds(60), $"Batch {batch} took {generation.Elapsed}, which looks like a hang.");
            Assert.DoesNotContain(generated.Diagnostics, d => d.Id == "MCPF0008");

            using var compiled = GeneratedAssembly.Compile(generated.Sources.Values);
            var errors = compiled.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var explained = generated.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            Assert.True(
                errors.Count == 0 || explained,
                $"Batch {batch} (seeds {Seed + batch * 8}…) does not compile and no MCPF error says why:\n{string.Join("\n", errors.Take(10))}\n{string.Join("\n", inputs.Select(i => i.Text))}");
        }

        output.WriteLine($"{snapshots} adversarial snapshots in {clock.Elapsed.TotalSeconds:0} s; slowest generation of 8: {slowest.TotalMilliseconds:0} ms");
    }

    /// <summary>
    /// Runs the broken snapshot beside an intact one, and checks what holds for every input: no exception, the intact
    /// server still generated, and every generated file valid C#.
    /// </summary>
    private static GeneratorOutput RunBrokenWithCompanion(string brokenText)
    {
        var output = GeneratorHarness.Run([new SnapshotInput("/snapshots/broken.snapshot.json", brokenText), CommittedSnapshots.Input("alpha")]).AssertNoException();

        Assert.Contains("McpFleet.Alpha.g.cs", output.Sources.Keys);
        foreach (var (hintName, source) in output.Sources)
        {
            var errors = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{hintName} is not valid C#: {string.Join("; ", errors)}");
        }

        return output;
    }

    /// <summary>Flips, deletes or inserts a byte, or repeats a short run of bytes.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var position = random.Next(bytes.Count);
        switch (random.Next(4))
        {
            case 0:
                bytes[position] ^= (byte)random.Next(1, 256);
                break;
            case 1:
                bytes.RemoveAt(position);
                break;
            case 2:
                bytes.Insert(position, (byte)random.Next(256));
                break;
            default:
                var length = Math.Min(random.Next(1, 16), bytes.Count - position);
                bytes.InsertRange(position, bytes.GetRange(position, length));
                break;
        }

        return [.. bytes];
    }

    /// <summary>Whether System.Text.Json, an independent strict parser, accepts the text.</summary>
    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
