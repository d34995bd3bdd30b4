using System.CommandLine;
using System.Globalization;
using McpFleet.Snapshots;
using Microsoft.CodeAnalysis;

namespace McpFleet.Cli.Conflicts;

/// <summary><c>mcpfleet conflicts</c>: the build's conflict report for a set of snapshots and a policy.</summary>
internal static class ConflictsCommand
{
    private const string DefaultPolicy = "mcpfleet.json";

    public static Command Create(CliConsole console)
    {
        var snapshots = new Argument<string[]>("snapshots")
        {
            Description = "Snapshot files or folders of *.snapshot.json files. Default: the 'snapshots' folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var policy = new Option<FileInfo?>("--policy", "-p")
        {
            Description = $"The conflict policy. Default: {DefaultPolicy} in the current folder, if there is one.",
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Also list informational diagnostics (renames, untyped schema parts).",
        };

        var command = new Command("conflicts", "Print how tool names shared by several servers are classified and resolved, as the build decides it; exit code 1 on unresolved conflicts.")
        {
            snapshots, policy, verbose,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console, parseResult.GetValue(snapshots) ?? [], parseResult.GetValue(policy), parseResult.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] inputs, FileInfo? policy, bool verbose, CancellationToken cancellationToken)
    {
        var files = ExpandSnapshots(inputs.Length == 0 ? ["snapshots"] : inputs);
        if (files.Count == 0)
        {
            await console.Error.WriteLineAsync($"No snapshot files in {string.Join(", ", inputs.DefaultIfEmpty("snapshots"))}.");
            return CliApplication.UsageError;
        }

        if (policy is { Exists: false })
        {
            await console.Error.WriteLineAsync($"The policy file {policy.FullName} does not exist.");
            return CliApplication.UsageError;
        }

        var policyPath = policy?.FullName ?? (File.Exists(DefaultPolicy) ? Path.GetFullPath(DefaultPolicy) : null);
        var analysis = ConflictAnalysis.Run(files, policyPath, cancellationToken);
        foreach (var line in analysis.Report)
        {
            await console.Out.WriteLineAsync(line);
        }

        var shown = analysis.Diagnostics
            .Where(d => verbose || d.Severity > DiagnosticSeverity.Info)
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .ThenBy(d => d.Id, StringComparer.Ordinal);
        foreach (var diagnostic in shown)
        {
            await console.Out.WriteLineAsync(diagnostic.ToString());
        }

        return analysis.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? CliApplication.Failure : CliApplication.Success;
    }

    private static List<string> ExpandSnapshots(IEnumerable<string> inputs) =>
        [.. inputs
            .SelectMany(input => Directory.Exists(input)
                ? Directory.EnumerateFiles(input, "*" + ServerSnapshot.FileSuffix)
                : [input])
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
